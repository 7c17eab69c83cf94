// Content packs: the ones installed, importing one from a file, and making
// one from the learner's own comparisons to share.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { closestTarget, focusWithRing, html, isoDate, modal } from "../dom.js";
import { importPackFromFile, PACKS_CHANGED } from "../pack-import.js";
import { plural } from "../plural.js";

/** @typedef {import('../types/api').InstalledPack} InstalledPack */
/** @typedef {import('../types/api').ComparisonSummary} ComparisonSummary */

/**
 * @typedef {object} PacksState
 * @property {HTMLElement} view
 * @property {import('../types/view').ViewContext} ctx
 * @property {HTMLElement} list
 * @property {Map<string, InstalledPack>} packs by id
 * @property {boolean} idEdited whether the learner typed the pack id (then the name no longer fills it)
 */

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
const counted = (n, one, many) => `${n} ${plural(n, one, many)}`;

/**
 * A pack id from its name: lowercase letters and digits in words joined by
 * single hyphens, as the Rust side requires of an id.
 * @param {string} name
 */
export function slugify(name) {
  return String(name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** The file name the save dialog suggests, as the Rust side makes it. @param {string} id @param {string} version */
export const packFileName = (id, version) => `${id}-${String(version).replace(/[^A-Za-z0-9.]/g, "")}.versuspack`;

// --- markup ---------------------------------------------------------------------

/** @param {InstalledPack} p */
function packRow(p) {
  return html`<li class="pack-row" data-pack-id="${p.id}">
      <div class="pack-row-text">
        <h3 class="pack-name">${p.name} <span class="pack-version-tag">${p.version}</span></h3>
        <p class="muted">By ${p.author || "an unnamed author"} · ${counted(p.comparisonCount, "comparison", "comparisons")} · installed ${isoDate(new Date(p.installedAt))}</p>
        ${p.description ? html`<p class="pack-description">${p.description}</p>` : ""}
      </div>
      <button type="button" class="remove-pack" data-pack-id="${p.id}" aria-label="Remove the pack ${p.name}">Remove…</button>
    </li>`;
}

/** @param {InstalledPack[]} packs */
function packList(packs) {
  return packs.length
    ? html`<ul class="pack-list">${packs.map(packRow)}</ul>`
    : html`<p class="empty" id="packs-empty">No pack installed. A pack is a <code>.versuspack</code> file of comparisons someone wrote to share: import one with Import pack…, or open the file with Versus.</p>`;
}

/** @param {ComparisonSummary[]} mine */
function exportMarkup(mine) {
  if (!mine.length) {
    return html`<p class="empty" id="export-empty">You have no comparisons of your own to export yet.
      Write one with <a href="#/new" id="export-new-comparison">New comparison</a>; it can then go into a pack.</p>`;
  }
  return html`<form id="export-pack-form" class="export-pack-form" novalidate>
      <fieldset class="export-choices">
        <legend>Your comparisons to put in it</legend>
        ${mine.map(
          (c) => html`<label class="check"><input type="checkbox" name="comparison" value="${c.id}"> ${c.title} <span class="muted">${c.category}</span></label>`,
        )}
      </fieldset>
      <div class="export-fields">
        <label>Name <input id="pack-name" name="name" required autocomplete="off" placeholder="Platform team comparisons"></label>
        <label>Pack id <input id="pack-id" name="id" required autocomplete="off" spellcheck="false" pattern="[a-z0-9]+(-[a-z0-9]+)*"
          aria-describedby="pack-id-help"></label>
        <p id="pack-id-help" class="muted">Lowercase letters, digits and hyphens; it names the pack in every library that imports it, so keep it for later versions.</p>
        <label>Version <input id="pack-version" name="version" required autocomplete="off" value="1.0.0"></label>
        <label>Author <input id="pack-author" name="author" autocomplete="off"></label>
        <label class="wide">Description <textarea id="pack-description" name="description" rows="3"></textarea></label>
      </div>
      <p id="export-status" role="status" aria-live="polite"></p>
      <div class="button-row"><button type="submit" id="export-pack-button" class="primary">Export pack…</button></div>
    </form>`;
}

function pageMarkup() {
  return html`<section id="packs" class="packs-view">
      <header class="view-header">
        <h1 tabindex="-1">Content packs</h1>
        <p class="lede">Comparisons others wrote, imported from <code>.versuspack</code> files, and your own, exported to share.</p>
      </header>
      <section class="panel" aria-labelledby="installed-title">
        <div class="panel-head">
          <h2 id="installed-title">Installed packs</h2>
          <button type="button" id="import-pack" class="primary">Import pack…</button>
        </div>
        <div id="pack-list"></div>
      </section>
      <section class="panel" id="export-pack" aria-labelledby="export-pack-title">
        <h2 id="export-pack-title">Export a pack</h2>
        <p class="muted">Puts some of your own comparisons in one file that anyone with Versus can import. Your notes stay here.</p>
        <div id="export-pack-body"></div>
      </section>
    </section>`;
}

// --- behaviour ------------------------------------------------------------------

/** @param {PacksState} s */
async function paintPacks(s) {
  const packs = await api.listPacks();
  s.packs = new Map(packs.map((p) => [p.id, p]));
  s.list.innerHTML = packList(packs).markup;
}

/** @param {PacksState} s */
const repaintPacks = (s) => attempt(() => paintPacks(s), s.ctx.toast, { prefix: "The installed packs could not be read: " });

/**
 * Asks before removing a pack, saying what becomes of its comparisons.
 * @param {PacksState} s
 * @param {Event} e
 */
function askRemove(s, e) {
  const button = closestTarget(e, "button.remove-pack");
  const p = button && s.packs.get(button.dataset.packId);
  if (!p) return;
  const dialog = modal(
    "confirm-remove-pack",
    `Remove the pack ${p.name}?`,
    html`<h2>Remove “${p.name}”?</h2>
      <p>Its ${counted(p.comparisonCount, "comparison is", "comparisons are")} archived, with your notes on ${plural(p.comparisonCount, "it", "them")}.
        Importing the pack again brings ${plural(p.comparisonCount, "it", "them")} back, notes included.</p>
      <form method="dialog" class="button-row">
        <button value="cancel" autofocus>Cancel</button>
        <button value="remove" class="danger" id="confirm-remove-pack">Remove</button>
      </form>`,
  );
  dialog.addEventListener("close", async () => {
    if (dialog.returnValue !== "remove") {
      if (button.isConnected) focusWithRing(button);
      return;
    }
    const archived = await attempt(() => api.removePack(p.id), s.ctx.toast, { prefix: "The pack could not be removed: " });
    if (archived === undefined) return;
    s.ctx.toast(`Removed “${p.name}”: ${counted(archived, "comparison", "comparisons")} archived with your notes.`);
    await repaintPacks(s);
    /** @type {HTMLElement | null} */ (s.view.querySelector("#import-pack"))?.focus();
  });
  dialog.showModal();
}

/**
 * @param {PacksState} s
 * @param {HTMLFormElement} form
 */
async function exportPack(s, form) {
  const status = /** @type {HTMLElement} */ (form.querySelector("#export-status"));
  const value = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value.trim();
  const ids = [.../** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="comparison"]:checked'))].map((c) => c.value);
  const meta = { id: value("id"), name: value("name"), version: value("version"), author: value("author"), description: value("description") };
  /** @type {[boolean, string, string][]} */
  const checks = [
    [ids.length > 0, 'input[name="comparison"]', "Choose at least one of your comparisons."],
    [meta.name !== "", "#pack-name", "Give the pack a name."],
    [/^[a-z0-9]+(-[a-z0-9]+)*$/.test(meta.id), "#pack-id", "The pack id takes lowercase letters and digits, in words joined by single hyphens."],
    [meta.version !== "", "#pack-version", "Give the pack a version, such as 1.0.0."],
  ];
  const failed = checks.find(([ok]) => !ok);
  if (failed) {
    status.textContent = failed[2];
    /** @type {HTMLElement | null} */ (form.querySelector(failed[1]))?.focus();
    return;
  }
  status.textContent = "";
  const button = /** @type {HTMLButtonElement} */ (form.querySelector("#export-pack-button"));
  button.disabled = true;
  try {
    const written = await attempt(() => api.exportPack(meta, ids), status, { prefix: "The pack was not exported: " });
    if (written === undefined || written === null) return; // failed (told), or the save dialog was cancelled
    const text = `Exported ${counted(written.comparisons, "comparison", "comparisons")} as the pack “${meta.name}” ${meta.version} to ${written.location}.`;
    status.textContent = text;
    s.ctx.toast(text);
  } finally {
    button.disabled = false;
  }
}

/** @param {PacksState} s @param {ComparisonSummary[]} mine */
function paintExport(s, mine) {
  const body = /** @type {HTMLElement} */ (s.view.querySelector("#export-pack-body"));
  body.innerHTML = exportMarkup(mine).markup;
  const form = /** @type {HTMLFormElement | null} */ (body.querySelector("#export-pack-form"));
  if (!form) return;
  const name = /** @type {HTMLInputElement} */ (form.querySelector("#pack-name"));
  const id = /** @type {HTMLInputElement} */ (form.querySelector("#pack-id"));
  name.addEventListener("input", () => {
    if (!s.idEdited) id.value = slugify(name.value);
  });
  // An id emptied again follows the name once more.
  id.addEventListener("input", () => (s.idEdited = id.value.trim() !== ""));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    exportPack(s, form);
  });
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  const [packs, comparisons] = await Promise.all([api.listPacks(), api.listComparisons()]);
  view.innerHTML = pageMarkup().markup;
  /** @type {PacksState} */
  const s = {
    view,
    ctx,
    list: /** @type {HTMLElement} */ (view.querySelector("#pack-list")),
    packs: new Map(packs.map((p) => [p.id, p])),
    idEdited: false,
  };
  s.list.innerHTML = packList(packs).markup;
  paintExport(
    s,
    comparisons.filter((c) => c.origin === "mine"),
  );
  s.list.addEventListener("click", (e) => askRemove(s, e));
  view.querySelector("#import-pack").addEventListener("click", () => importPackFromFile(ctx.toast));
  const onChanged = () => repaintPacks(s);
  window.addEventListener(PACKS_CHANGED, onChanged);
  // File > Export pack… comes here asking for the export form.
  const wantsExport = new URLSearchParams(location.hash.split("?")[1] ?? "").has("export");
  const exportSection = /** @type {HTMLElement} */ (view.querySelector("#export-pack"));
  const exportFocus = /** @type {HTMLElement | null} */ (exportSection.querySelector("input, a"));
  if (wantsExport) exportSection.scrollIntoView({ block: "start" });
  return {
    ...(wantsExport && exportFocus ? { focusTarget: exportFocus } : {}),
    dispose: () => {
      window.removeEventListener(PACKS_CHANGED, onChanged);
      document.querySelectorAll("dialog.confirm-remove-pack").forEach((d) => d.remove());
    },
  };
}

// The preview of a content pack before it is imported, from wherever a pack
// file arrives: the packs view's button, File > Import pack…, the command
// line or a second launch. Nothing is written until the learner says Import.
// Everything in a pack is the pack author's plain text: it only ever reaches
// the page through html`` (escaped) or textContent.

import * as api from "./api.js";
import { attempt, errorText } from "./actions.js";
import { html, modal } from "./dom.js";
import { plural } from "./plural.js";

/** @typedef {import('./types/api').OpenedPack} OpenedPack */
/** @typedef {import('./types/api').PackPreview} PackPreview */
/** @typedef {import('./types/api').PreviewEntry} PreviewEntry */
/** @typedef {import('./types/api').ContentError} ContentError */
/** @typedef {import('./types/api').ImportReport} ImportReport */
/** @typedef {(message: string) => void} Toast */

/** Fired on window after a pack was imported, so that a view listing packs can repaint. */
export const PACKS_CHANGED = "versus:packs-changed";

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
const counted = (n, one, many) => `${n} ${plural(n, one, many)}`;

/** The file's name without its folder: the preview's title. @param {string} file */
export const fileName = (file) => String(file).split(/[\\/]/).pop() || String(file);

/**
 * One problem as the author fixes it: where in the file, then what is wrong.
 * `.` is the whole file, and its messages are said of it ("is not a complete
 * JSON object").
 * @param {ContentError} error
 */
export function errorLine(error) {
  return !error.field || error.field === "." ? `The file ${error.message}` : `${error.field}: ${error.message}`;
}

/**
 * What importing does to one comparison.
 * @param {PreviewEntry} entry
 */
export function changeText(entry) {
  const parts = [];
  if (entry.added) parts.push(`${entry.added} added`);
  if (entry.reworded) parts.push(`${entry.reworded} reworded`);
  if (entry.removed) parts.push(`${entry.removed} removed`);
  const detail = parts.length ? ` (${parts.join(", ")})` : "";
  // Coming back out of the archive counts as a change even when no part did.
  if (entry.restored) return parts.length ? `Comes back, updated${detail}` : "Comes back, with your notes";
  if (entry.change === "new") return "New";
  if (entry.change === "unchanged") return "Unchanged";
  return `Updated${detail}`;
}

/** Whether the preview allows an import. @param {OpenedPack} opened */
export const importable = (opened) => Boolean(opened.preview) && !opened.errors.length && !opened.preview.collisions.length;

/**
 * The pack was installed, then removed: its comparisons come back out of the archive.
 * @param {PackPreview} p
 */
export const wasRemoved = (p) => p.wasRemoved;

/** @param {PackPreview} p */
function versionLine(p) {
  if (p.installedVersion === null) return html`<p class="pack-version">Version ${p.version}</p>`;
  if (wasRemoved(p)) {
    return p.installedVersion === p.version
      ? html`<p class="pack-version">Version ${p.version}, removed earlier: importing it brings its comparisons back, with your notes.</p>`
      : html`<p class="pack-version">Version ${p.version} (version ${p.installedVersion} was removed earlier: its comparisons come back, with your notes)</p>`;
  }
  if (p.installedVersion === p.version) {
    return html`<p class="pack-version">Version ${p.version}, already installed: importing it again keeps what is there.</p>`;
  }
  return html`<p class="pack-version">Installed version ${p.installedVersion} → ${p.version}</p>`;
}

/** @param {PreviewEntry} entry */
function entryMarkup(entry) {
  return html`<li data-comparison-id="${entry.id}" data-change="${entry.change}">
      <span class="pack-change pack-change-${entry.change}">${changeText(entry)}</span>
      <span class="pack-entry-title">${entry.title}</span>
    </li>`;
}

/** @param {ContentError[]} errors */
const errorList = (errors) => html`<ul class="pack-errors">${errors.map((e) => html`<li>${errorLine(e)}</li>`)}</ul>`;

/**
 * The preview's body: the file's problems, or what the pack holds and what
 * importing it would change.
 * @param {OpenedPack} opened
 */
export function previewMarkup(opened) {
  const p = opened.preview;
  if (!p || opened.errors.length) {
    return html`<h2 id="pack-preview-title">This file cannot be imported</h2>
      <p><code class="pack-file">${fileName(opened.file)}</code> is not a valid Versus pack. Nothing was imported.
        ${counted(opened.errors.length, "problem", "problems")}, each with where it is in the file:</p>
      ${errorList(opened.errors)}`;
  }
  const blocked = p.collisions.length
    ? html`<section class="pack-blocked" role="alert">
        <h3>It cannot be imported</h3>
        <p>Some of its comparisons have ids that another source already uses. Nothing can be imported until the pack renames them.</p>
        ${errorList(p.collisions)}
      </section>`
    : "";
  const retiring = p.retiring.length
    ? html`<section class="pack-retiring">
        <h3>Archived by this version</h3>
        <p>The installed version has ${counted(p.retiring.length, "comparison", "comparisons")} this one no longer has. ${plural(p.retiring.length, "It is", "They are")} archived with your notes:</p>
        <ul>${p.retiring.map((id) => html`<li><code>${id}</code></li>`)}</ul>
      </section>`
    : "";
  return html`<h2 id="pack-preview-title">Import “${p.name}”?</h2>
    <p class="muted pack-byline">By ${p.author || "an unnamed author"} · <code class="pack-file">${fileName(opened.file)}</code></p>
    ${versionLine(p)}
    ${p.description ? html`<p class="pack-description">${p.description}</p>` : ""}
    ${blocked}
    <h3>${counted(p.comparisons.length, "comparison", "comparisons")}</h3>
    <ul class="pack-entries">${p.comparisons.map(entryMarkup)}</ul>
    ${retiring}`;
}

/**
 * What an import did, in one sentence.
 * @param {PackPreview} p
 * @param {ImportReport} report
 */
export function reportText(p, report) {
  if (!report.ran) return `Nothing to change: “${p.name}” ${p.version} is already installed as it is.`;
  const parts = [`Imported “${p.name}” ${p.version}: ${counted(report.comparisons, "comparison", "comparisons")}`];
  if (report.retired_comparisons) parts.push(`${counted(report.retired_comparisons, "comparison", "comparisons")} archived with your notes`);
  if (report.skipped) parts.push(`${report.skipped} skipped (their ids belong to another source)`);
  return `${parts.join(", ")}.`;
}

/**
 * The dialog's body once the import is done: where the comparisons are now.
 * @param {PackPreview} p
 * @param {string} text
 */
function doneMarkup(p, text) {
  const shown = p.comparisons.filter((c) => !p.retiring.includes(c.id));
  return html`<h2 id="pack-preview-title">Imported</h2>
    <p id="pack-import-result" role="status">${text}</p>
    <ul class="pack-entries pack-imported">${shown.map((c) => html`<li><a href="#/c/${encodeURIComponent(c.id)}" data-comparison-id="${c.id}">${c.title}</a></li>`)}</ul>
    <p><a href="#/packs" id="pack-show-installed">See your installed packs</a></p>`;
}

/**
 * Shows the preview of an opened pack file; resolves once its dialog is
 * closed, with the import's report when it was imported.
 * @param {OpenedPack} opened
 * @param {Toast} toast
 * @returns {Promise<ImportReport | null>}
 */
export function previewPack(opened, toast) {
  const canImport = importable(opened);
  const title = opened.preview ? `Import the pack ${opened.preview.name}` : `The pack file ${fileName(opened.file)}`;
  const dialog = modal(
    "pack-preview",
    title,
    html`<div class="pack-preview-body" data-token="${opened.token}" data-importable="${canImport}">${previewMarkup(opened)}</div>
      <div class="pack-work" hidden>
        <span class="pack-work-label">Importing…</span>
        <progress class="pack-progress" max="1"></progress>
      </div>
      <p class="pack-import-error" role="alert"></p>
      <div class="button-row">
        ${opened.preview ? html`<button type="button" class="pack-import primary" ${canImport ? "" : "disabled"}>Import</button>` : ""}
        <button type="button" class="pack-close" autofocus>${opened.preview ? "Cancel" : "Close"}</button>
      </div>`,
  );
  dialog.setAttribute("aria-labelledby", "pack-preview-title");
  dialog.removeAttribute("aria-label");
  /** @type {ImportReport | null} */
  let report = null;
  /** @type {(value: ImportReport | null) => void} */
  let settle = () => {};
  const closed = /** @type {Promise<ImportReport | null>} */ (new Promise((resolve) => (settle = resolve)));
  let working = false;
  dialog.addEventListener("close", () => settle(report));
  // An import cannot be called off half-way: Escape waits for it.
  dialog.addEventListener("cancel", (e) => working && e.preventDefault());
  dialog.querySelector(".pack-close").addEventListener("click", () => dialog.close());
  // A link to a comparison or to the packs view leads away from the dialog.
  dialog.addEventListener("click", (e) => {
    if (/** @type {Element} */ (e.target)?.closest?.("a[href^='#']")) dialog.close();
  });
  dialog.querySelector(".pack-import")?.addEventListener("click", async () => {
    const p = /** @type {PackPreview} */ (opened.preview);
    const buttons = dialog.querySelectorAll("button");
    const work = /** @type {HTMLElement} */ (dialog.querySelector(".pack-work"));
    const bar = /** @type {HTMLProgressElement} */ (dialog.querySelector(".pack-progress"));
    const failure = /** @type {HTMLElement} */ (dialog.querySelector(".pack-import-error"));
    working = true;
    buttons.forEach((b) => (b.disabled = true));
    work.hidden = false;
    bar.removeAttribute("value");
    failure.textContent = "";
    const channel = api.progressChannel(({ done, total }) => {
      if (total > 0) {
        bar.max = total;
        bar.value = done;
      }
    });
    const done = await attempt(() => api.importPack(opened.token, channel), failure, { prefix: "Nothing was imported: " });
    working = false;
    work.hidden = true;
    const close = /** @type {HTMLButtonElement} */ (dialog.querySelector(".pack-close"));
    if (!done) {
      // Nothing was written: the learner may try again, or leave.
      buttons.forEach((b) => (b.disabled = false));
      close.focus();
      return;
    }
    close.disabled = false;
    report = done;
    const text = reportText(p, done);
    toast(text);
    dialog.querySelector(".pack-import")?.remove();
    close.textContent = "Close";
    dialog.querySelector(".pack-preview-body").innerHTML = doneMarkup(p, text).markup;
    window.dispatchEvent(new CustomEvent(PACKS_CHANGED));
    close.focus();
  });
  dialog.showModal();
  return closed;
}

/**
 * Asks for a pack file (the native open dialog) and previews it.
 * @param {Toast} toast
 * @returns {Promise<ImportReport | null>}
 */
export async function importPackFromFile(toast) {
  const opened = await attempt(() => api.openPack(), toast, { prefix: "The pack could not be opened: " });
  if (!opened) return null;
  return previewPack(opened, toast);
}

/**
 * Previews, one after another, the pack files handed to the app (its
 * command line, a second launch).
 * @param {Toast} toast
 */
export async function showPendingPacks(toast) {
  let pending;
  try {
    pending = await api.pendingPacks();
  } catch (err) {
    toast(`A pack file could not be opened: ${errorText(err)}`);
    return;
  }
  for (const opened of pending) await previewPack(opened, toast);
}

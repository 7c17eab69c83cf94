// The native menu's actions. The Rust shell sends each chosen item's id as a
// `menu` event (File: new-comparison, import-pack, export-pack, packs,
// export, backups, print; View: theme:*, text-size:*, zoom:*; Help: about);
// Quit is handled natively and never arrives here. Print's key (Ctrl+P) is
// the page's, from keys.js: it has no native accelerator.

import { html } from "./dom.js";
import { actionFor } from "./keys.js";
import { TEXT_SIZES, THEMES } from "./prefs.js";
import { printComparison } from "./print.js";
import { applyAppearance } from "./theme.js";

export const MENU_EVENT = "menu";

/** The zoom levels Zoom in / Zoom out step through (1 = actual size). */
export const ZOOM_LEVELS = Object.freeze([0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2]);

const ZOOM_DIRECTIONS = /** @type {const} */ (["in", "out", "reset"]);

/**
 * Whether `value` is one of `list`, telling the type checker so.
 * @template {string} T
 * @param {readonly T[]} list
 * @param {string | undefined} value
 * @returns {value is T}
 */
function includes(list, value) {
  return list.includes(/** @type {T} */ (value));
}

/** The items that take no value, by their id. */
const PLAIN_ITEMS = /** @type {const} */ (["export", "backups", "about", "new-comparison", "import-pack", "export-pack", "packs", "print"]);

/**
 * @typedef {{ kind: "export" | "backups" | "about" | "new-comparison" | "import-pack" | "export-pack" | "packs" | "print", value: null }
 *   | { kind: "theme", value: import('./prefs.js').Theme }
 *   | { kind: "textSize", value: import('./prefs.js').TextSize }
 *   | { kind: "zoom", value: "in" | "out" | "reset" }} MenuAction
 */

/**
 * What a menu item id asks for, or null for an unknown id.
 * @param {unknown} id
 * @returns {MenuAction | null}
 */
export function parseMenuId(id) {
  const [kind, value, extra] = String(id ?? "").split(":");
  if (extra !== undefined) return null;
  if (includes(PLAIN_ITEMS, kind) && value === undefined) return { kind, value: null };
  if (kind === "theme" && includes(THEMES, value)) return { kind, value };
  if (kind === "text-size" && includes(TEXT_SIZES, value)) return { kind: "textSize", value };
  if (kind === "zoom" && includes(ZOOM_DIRECTIONS, value)) return { kind, value };
  return null;
}

/**
 * The zoom level after `direction` from `current`.
 * @param {number} current
 * @param {"in" | "out" | "reset"} direction
 */
export function nextZoom(current, direction) {
  if (direction === "reset") return 1;
  const levels = ZOOM_LEVELS;
  if (direction === "in") return levels.find((level) => level > current + 1e-9) ?? levels[levels.length - 1];
  if (direction === "out") return [...levels].reverse().find((level) => level < current - 1e-9) ?? levels[0];
  return current;
}

/** @returns {HTMLDialogElement} */
function aboutDialog() {
  let dialog = /** @type {HTMLDialogElement | null} */ (document.getElementById("about-dialog"));
  if (!dialog) {
    dialog = document.createElement("dialog");
    dialog.id = "about-dialog";
    dialog.setAttribute("aria-labelledby", "about-dialog-title");
    document.body.append(dialog);
  }
  return dialog;
}

/** @param {import('./types/api').AppStatus} status */
function showAbout(status) {
  const dialog = aboutDialog();
  dialog.innerHTML = html`
    <h2 id="about-dialog-title">About Versus</h2>
    <p>Versus <span data-about="version">${status.version}</span>: side-by-side comparisons of cloud and
      system-design choices, with your own notes. Everything stays on this computer.</p>
    <p>Your notes and preferences are in<br><code data-about="data-dir">${status.dataDir}</code></p>
    <form method="dialog"><button autofocus>Close</button></form>`.markup;
  if (!dialog.open) dialog.showModal();
}

/** The export form of the packs view, which asks for focus when it renders. */
export const EXPORT_FORM_HASH = "#/packs?export";

/** Goes to the packs view's export form; when it is already on screen, focuses it. */
function showExportForm() {
  const section = /** @type {HTMLElement | null} */ (document.getElementById("export-pack"));
  if (section) {
    section.scrollIntoView({ block: "start" });
    /** @type {HTMLElement | null} */ (section.querySelector("input, a"))?.focus();
  } else {
    location.hash = EXPORT_FORM_HASH;
  }
}

/**
 * Keeps the Settings view's selects (when it is open) in step with a menu choice.
 * @param {string} selectId
 * @param {string} value
 */
function syncSettings(selectId, value) {
  const select = /** @type {HTMLSelectElement | null} */ (document.getElementById(selectId));
  if (select) select.value = value;
}

/**
 * Listens for the native menu's `menu` events. `ctx` is app.js's
 * { prefs, status, toast }. Returns a promise of the unlisten function
 * (null outside the desktop window).
 * @param {Partial<import('./types/view').ViewContext>} ctx
 * @param {Partial<Pick<TauriGlobal, "event" | "webview">>} [tauri]
 * @returns {Promise<(() => void) | null>}
 */
export function installMenuHandlers(ctx, tauri = globalThis.window?.__TAURI__) {
  if (!tauri?.event?.listen) return Promise.resolve(null);
  let zoom = 1;

  /** @param {number} level */
  async function setZoom(level) {
    const webview = tauri.webview.getCurrentWebview();
    await webview.setZoom(level);
    zoom = level;
  }

  /** @param {unknown} id */
  async function handle(id) {
    const action = parseMenuId(id);
    if (!action) return;
    switch (action.kind) {
      case "export":
      case "backups":
        location.hash = "#/backups";
        break;
      case "new-comparison":
        location.hash = "#/new";
        break;
      case "packs":
        location.hash = "#/packs";
        break;
      case "export-pack":
        showExportForm();
        break;
      case "import-pack": {
        // Loaded when asked for, like the views: it is not on the start-up path.
        const { importPackFromFile } = await import("./pack-import.js");
        await importPackFromFile(ctx.toast);
        break;
      }
      case "theme":
        applyAppearance({ theme: action.value });
        syncSettings("theme-select", action.value);
        await ctx.prefs.set("theme", action.value);
        break;
      case "textSize":
        applyAppearance({ textSize: action.value });
        syncSettings("text-size", action.value);
        await ctx.prefs.set("textSize", action.value);
        break;
      case "zoom":
        await setZoom(nextZoom(zoom, action.value));
        break;
      case "about":
        showAbout(ctx.status);
        break;
      case "print":
        printComparison({ document, print: () => window.print(), toast: ctx.toast });
        break;
    }
  }

  // Ctrl+P does what File > Print… does, through the same handler.
  globalThis.document?.addEventListener?.("keydown", (e) => {
    if (actionFor(e, "menu") !== "print") return;
    e.preventDefault();
    handle("print").catch((err) => ctx.toast(`Printing failed: ${err?.message ?? err}`));
  });

  return tauri.event
    .listen(MENU_EVENT, (event) => {
      handle(event.payload).catch((err) => ctx.toast(`That menu action failed: ${err?.message ?? err}`));
    })
    .catch((err) => {
      console.warn("the menu's actions are unavailable", err);
      return null;
    });
}

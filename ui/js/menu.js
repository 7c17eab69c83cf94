// The native menu's actions. The Rust shell sends each chosen item's id as a
// `menu` event (File: export, backups; View: theme:*, text-size:*, zoom:*;
// Help: about); Quit is handled natively and never arrives here.

import { html } from "./dom.js";
import { applyAppearance } from "./theme.js";

export const MENU_EVENT = "menu";
const THEMES = ["light", "dark", "system"];
const TEXT_SIZES = ["small", "medium", "large"];

/** The zoom levels Zoom in / Zoom out step through (1 = actual size). */
export const ZOOM_LEVELS = Object.freeze([0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2]);

/** What a menu item id asks for: { kind, value }, or null for an unknown id. */
export function parseMenuId(id) {
  const [kind, value, extra] = String(id ?? "").split(":");
  if (extra !== undefined) return null;
  if ((kind === "export" || kind === "backups" || kind === "about") && value === undefined) return { kind, value: null };
  if (kind === "theme" && THEMES.includes(value)) return { kind, value };
  if (kind === "text-size" && TEXT_SIZES.includes(value)) return { kind: "textSize", value };
  if (kind === "zoom" && ["in", "out", "reset"].includes(value)) return { kind, value };
  return null;
}

/** The zoom level after `direction` ("in", "out", "reset") from `current`. */
export function nextZoom(current, direction) {
  if (direction === "reset") return 1;
  const levels = ZOOM_LEVELS;
  if (direction === "in") return levels.find((level) => level > current + 1e-9) ?? levels[levels.length - 1];
  if (direction === "out") return [...levels].reverse().find((level) => level < current - 1e-9) ?? levels[0];
  return current;
}

function aboutDialog() {
  let dialog = document.getElementById("about-dialog");
  if (!dialog) {
    dialog = document.createElement("dialog");
    dialog.id = "about-dialog";
    dialog.setAttribute("aria-labelledby", "about-dialog-title");
    document.body.append(dialog);
  }
  return dialog;
}

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

/** Keeps the Settings view's selects (when it is open) in step with a menu choice. */
function syncSettings(selectId, value) {
  const select = document.getElementById(selectId);
  if (select) select.value = value;
}

/**
 * Listens for the native menu's `menu` events. `ctx` is app.js's
 * { prefs, status, toast }. Returns a promise of the unlisten function
 * (null outside the desktop window).
 */
export function installMenuHandlers(ctx, tauri = globalThis.window?.__TAURI__) {
  if (!tauri?.event?.listen) return Promise.resolve(null);
  let zoom = 1;

  async function setZoom(level) {
    const webview = tauri.webview.getCurrentWebview();
    await webview.setZoom(level);
    zoom = level;
  }

  async function handle(id) {
    const action = parseMenuId(id);
    if (!action) return;
    switch (action.kind) {
      case "export":
      case "backups":
        location.hash = "#/backups";
        break;
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
    }
  }

  return tauri.event
    .listen(MENU_EVENT, (event) => {
      handle(event.payload).catch((err) => ctx.toast(`That menu action failed: ${err?.message ?? err}`));
    })
    .catch((err) => {
      console.warn("the menu's actions are unavailable", err);
      return null;
    });
}

// Boot: status, preferences and appearance, then the router and shortcuts.

import * as api from "./api.js";
import { attempt, errorText } from "./actions.js";
import { html } from "./dom.js";
import { openPrefs } from "./prefs.js";
import { parseRoute } from "./router.js";
import { applyAppearance } from "./theme.js";
import { shortcutFor, shortcutListMarkup } from "./keys.js";
import { studyContext } from "./study.js";
import { syncBadge } from "./sync-status.js";
import { installMenuHandlers } from "./menu.js";
import { loadPlurals } from "./plural.js";
import { guardLinks, saveBeforeClose } from "./window-guards.js";
import * as dashboard from "./views/dashboard.js";

// The shell and the home view load with the page. Every other view's module
// (and the search palette's) loads when first needed, so start-up fetches
// little more than the first view uses; they all load right after it is on
// screen, before the learner can ask for them.
/** @type {Record<string, () => Promise<{ render: import('./types/view').RenderView }>>} */
const VIEWS = {
  dashboard: async () => dashboard,
  list: () => import("./views/list.js"),
  comparison: () => import("./views/comparison.js"),
  settings: () => import("./views/settings.js"),
  backups: () => import("./views/backups.js"),
  review: () => import("./views/review.js"),
  practice: () => import("./views/review.js"),
  confusions: () => import("./views/confusions.js"),
  cards: () => import("./views/cards.js"),
  readiness: () => import("./views/readiness.js"),
  drill: () => import("./views/drill.js"),
  drills: () => import("./views/drills.js"),
  archived: () => import("./views/archived.js"),
  editor: () => import("./views/editor.js"),
  packs: () => import("./views/packs.js"),
};
const loadPalette = () => import("./palette.js");
const openPalette = () => loadPalette().then((palette) => palette.openPalette(), (err) => toast(`Search could not open: ${err.message}`));

/** Which top-bar link is current on each view. */
const NAV_FOR_VIEW = {
  dashboard: "dashboard",
  list: "list",
  comparison: "list",
  settings: "settings",
  backups: "backups",
  review: "review",
  practice: "review",
  confusions: "review",
  cards: "review",
  readiness: "review",
  drill: "drill",
  drills: "drill",
  archived: "dashboard",
  editor: "list",
  packs: "list",
};

const view = /** @type {HTMLElement} */ (document.getElementById("view"));
const banner = /** @type {HTMLElement} */ (document.getElementById("banner"));
const toastEl = /** @type {HTMLElement} */ (document.getElementById("toast"));
/** @type {import('./types/view').View | null} */
let current = null;
let navigation = 0;
/** @type {import('./types/view').ViewContext} */
let ctx = null;
let toastTimer = 0;

/** @param {string} message */
function toast(message) {
  toastEl.textContent = message;
  toastEl.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toastEl.classList.remove("show"), 4000);
}

/** Shows the page, hidden (class "booting") until the first view has its data. */
function reveal() {
  document.documentElement.classList.remove("booting");
}

/** @param {string} message */
function showBanner(message) {
  reveal();
  banner.innerHTML = html`<span class="banner-text">${message}</span>
    <button type="button" id="banner-close" aria-label="Dismiss this message">Dismiss</button>`.markup;
  banner.hidden = false;
  banner.querySelector("#banner-close").addEventListener("click", () => {
    banner.hidden = true;
  });
}

/** The address the view on screen was rendered at (location.hash is already the next one while leaving it). */
let shownRoute = "";

/** Saves what the current view holds, and how far down it the learner was; on blur, hide and before leaving it. */
function flushCurrent() {
  const shown = current;
  // A restart brings back the place in the page, not only the page.
  const place = shownRoute && ctx ? ctx.prefs.set("lastPlace", { route: shownRoute, scrollY: Math.round(window.scrollY) }).catch(() => {}) : null;
  return Promise.all([attempt(() => shown?.flush?.(), toast, { prefix: "A note could not be saved: " }), place]).then(([saved]) => saved);
}

async function show() {
  const route = parseRoute(location.hash);
  const token = ++navigation;
  // Leaving a view saves its open editors first.
  await flushCurrent();
  if (token !== navigation) return;
  current?.dispose?.();
  current = null;
  const name = route.name in VIEWS ? route.name : "not-found";
  view.dataset.view = name;
  view.dataset.ready = "false";
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll("nav a[data-nav]"))) {
    link.toggleAttribute("aria-current", link.dataset.nav === NAV_FOR_VIEW[name]);
  }
  try {
    if (name === "not-found") {
      view.innerHTML = html`<section class="empty-state"><h1 tabindex="-1">Nothing here</h1>
        <p>This address leads nowhere. <a href="#/">Go to the dashboard</a>.</p></section>`.markup;
      current = null;
    } else {
      const module = await VIEWS[name]();
      if (token !== navigation) return;
      current = await module.render(view, route, ctx);
    }
  } catch (err) {
    if (token !== navigation) return;
    current = null;
    view.innerHTML = html`<section class="empty-state" role="alert"><h1 tabindex="-1">This page could not open</h1>
      <p>${errorText(err)}</p><p><a href="#/comparisons">Back to Comparisons</a></p></section>`.markup;
  }
  if (token !== navigation) return;
  view.dataset.ready = "true";
  reveal();
  const focusTarget = current?.focusTarget === undefined ? view.querySelector("h1") : current.focusTarget;
  focusTarget?.focus({ preventScroll: false });
  shownRoute = name !== "not-found" ? location.hash || "#/" : "";
  if (name !== "not-found") ctx.prefs.set("lastRoute", location.hash || "#/").catch(() => {});
}

/** @param {KeyboardEvent} e */
function onKeydown(e) {
  const action = shortcutFor(e);
  if (!action) return;
  e.preventDefault();
  switch (action) {
    case "back":
      history.back();
      break;
    case "dashboard":
      location.hash = "#/";
      break;
    case "list":
      location.hash = "#/comparisons";
      break;
    case "settings":
      location.hash = "#/settings";
      break;
    case "filter": {
      const input = document.getElementById("text-filter");
      if (input) input.focus();
      else location.hash = "#/comparisons";
      break;
    }
    case "search":
      openPalette();
      break;
    case "help":
      showShortcuts();
      break;
    case "new-comparison":
      location.hash = "#/new";
      break;
  }
}

/**
 * Previews the pack files the app was asked to open: on its command line
 * (a double-click on a .versuspack file), and each time a second launch
 * hands one over. Listening starts before the first look, so that a file
 * handed over in between is not missed (a file is only ever given out once).
 */
function showPendingPacks() {
  const preview = () =>
    import("./pack-import.js").then((packs) => packs.showPendingPacks(toast), (err) => toast(`A pack file could not be opened: ${err.message}`));
  Promise.resolve()
    .then(() => api.onPackOpened(preview))
    .catch((err) => console.warn("packs handed over by a second launch cannot arrive", err))
    .then(preview);
}

/**
 * Lets background sync start now that the first view is on screen, and
 * shows the view what another device changed, as it arrives.
 */
function followSync() {
  const indicator = /** @type {HTMLElement} */ (document.getElementById("sync-indicator"));
  /** @param {import('./types/api').SyncStatus} status */
  const showStatus = (status) => {
    const badge = syncBadge(status, Date.now());
    indicator.hidden = !badge;
    if (!badge) return;
    indicator.textContent = badge.text;
    indicator.title = badge.title;
    indicator.dataset.phase = badge.phase;
    indicator.setAttribute("aria-label", `${badge.text}. ${badge.title} Open Settings.`);
  };
  // No first read: the sync thread sends its status with the first sync,
  // which waits for the syncSettings call below (and says "off" too).
  api
    .onSyncStatus((status) => {
      showStatus(status);
      const report = status.lastReport;
      if (status.phase === "waiting" && report?.comparisons.length) current?.synced?.(report);
    })
    .catch((err) => console.warn("changes from other devices cannot be shown as they arrive", err))
    .then(() => api.syncSettings(studyContext(ctx.prefs), true))
    .catch((err) => console.warn("sync cannot start", err));
}

function showShortcuts() {
  const groups = document.getElementById("shortcut-groups");
  if (!groups.childElementCount) groups.innerHTML = shortcutListMarkup();
  /** @type {HTMLDialogElement} */ (document.getElementById("shortcuts")).showModal();
}

// Start-up moments for the probe (VERSUS_STARTUP_PROBE=1), in ms since the
// Unix epoch, beside the page's own from the Navigation Timing API.
/** @type {Array<[string, number]>} */
const startupMarks = [];
/** @param {string} name */
function mark(name) {
  startupMarks.push([name, performance.timeOrigin + performance.now()]);
}
/** @returns {Array<[string, number]>} */
function pageLoadMarks() {
  const origin = performance.timeOrigin;
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.("navigation")?.[0]);
  /** @type {Array<[string, number]>} */
  const marks = [["navigation_start", origin]];
  if (nav) marks.push(["html_received", origin + nav.responseEnd], ["dom_interactive", origin + nav.domInteractive]);
  return marks;
}

async function boot() {
  mark("app_js");
  let status;
  try {
    status = await api.appStatus();
  } catch (err) {
    showBanner(errorText(err));
    return;
  }
  mark("status");
  if (status.recovery) {
    showBanner(status.recovery.message);
  }
  if (status.startupError) {
    showBanner(`Your library could not be opened: ${status.startupError.message}`);
  }
  const prefs = openPrefs(api.storePlugin(), status.preferencesPath, status.preferences);
  applyAppearance({ theme: prefs.get("theme"), textSize: prefs.get("textSize") });
  ctx = { prefs, status, toast };
  installMenuHandlers(ctx);

  document.addEventListener("keydown", onKeydown);
  document.getElementById("search-button").addEventListener("click", openPalette);
  document.getElementById("shortcuts-button").addEventListener("click", showShortcuts);
  window.addEventListener("hashchange", show);
  // Losing focus or hiding the window saves open editors; so does a request
  // to close it, which waits for that save (window-guards.js).
  window.addEventListener("blur", flushCurrent);
  saveBeforeClose(api.onCloseRequested, flushCurrent, api.closeWindow).catch((err) => console.warn(err));
  guardLinks(document, api.openLink, toast);
  document.addEventListener("visibilitychange", () => document.hidden && flushCurrent());

  if (!location.hash || location.hash === "#") {
    const last = prefs.get("lastRoute");
    if (last && last !== "#/") {
      history.replaceState(null, "", last);
    }
  }
  await show();
  const place = prefs.get("lastPlace");
  if (place && place.route === shownRoute) window.scrollTo(0, place.scrollY);
  // The first view has rendered with its data (view.dataset.ready is "true"):
  // the start-up probe (VERSUS_STARTUP_PROBE=1) stops its clock here.
  mark("first_view");
  api.firstViewReady([...pageLoadMarks(), ...startupMarks]).catch(() => {});
  for (const load of [...Object.values(VIEWS), loadPalette]) load().catch(() => {});
  showPendingPacks();
  followSync();
  // Intl is kept off the start-up path: plural words use their fallback until now.
  loadPlurals();
}

boot().catch((err) => showBanner(`Versus could not start: ${errorText(err)}`));

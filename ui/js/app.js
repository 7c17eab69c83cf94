// Boot: status, preferences and appearance, then the router and shortcuts.

import { call, storePlugin } from "./api.js";
import { html } from "./dom.js";
import { openPrefs } from "./prefs.js";
import { parseRoute } from "./router.js";
import { applyAppearance } from "./theme.js";
import { shortcutFor } from "./keys.js";
import { installMenuHandlers } from "./menu.js";
import * as dashboard from "./views/dashboard.js";

// The shell and the home view load with the page. Every other view's module
// (and the search palette's) loads when first needed, so start-up fetches
// little more than the first view uses; they all load right after it is on
// screen, before the learner can ask for them.
const VIEWS = {
  dashboard: async () => dashboard,
  list: () => import("./views/list.js"),
  comparison: () => import("./views/comparison.js"),
  settings: () => import("./views/settings.js"),
  backups: () => import("./views/backups.js"),
  review: () => import("./views/review.js"),
  drill: () => import("./views/drill.js"),
  drills: () => import("./views/drills.js"),
};
const loadPalette = () => import("./palette.js");
const openPalette = () => loadPalette().then((palette) => palette.openPalette(), (err) => toast(`Search could not open: ${err.message}`));

const NAV_FOR_VIEW = {
  dashboard: "dashboard",
  list: "list",
  comparison: "list",
  settings: "settings",
  backups: "backups",
  review: "review",
  drill: "drill",
  drills: "drill",
};

const view = document.getElementById("view");
const banner = document.getElementById("banner");
const toastEl = document.getElementById("toast");
let current = null;
let navigation = 0;
let ctx = null;

function toast(message) {
  toastEl.textContent = message;
  toastEl.classList.add("show");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => toastEl.classList.remove("show"), 4000);
}

/** Shows the page, hidden (class "booting") until the first view has its data. */
function reveal() {
  document.documentElement.classList.remove("booting");
}

function showBanner(message) {
  reveal();
  banner.innerHTML = html`<span class="banner-text">${message}</span>
    <button type="button" id="banner-close" aria-label="Dismiss this message">Dismiss</button>`.markup;
  banner.hidden = false;
  banner.querySelector("#banner-close").addEventListener("click", () => {
    banner.hidden = true;
  });
}

async function show() {
  const route = parseRoute(location.hash);
  const token = ++navigation;
  // Leaving a view saves its open editors first.
  if (current?.leave) {
    try {
      await current.leave();
    } catch (err) {
      toast(`A note could not be saved: ${err.message}`);
    }
  }
  if (token !== navigation) return;
  const name = route.name in VIEWS ? route.name : "not-found";
  view.dataset.view = name;
  view.dataset.ready = "false";
  for (const link of document.querySelectorAll("nav a[data-nav]")) {
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
      <p>${err.message}</p><p><a href="#/comparisons">Back to Comparisons</a></p></section>`.markup;
  }
  if (token !== navigation) return;
  view.dataset.ready = "true";
  reveal();
  const focusTarget = current?.focusTarget === undefined ? view.querySelector("h1") : current.focusTarget;
  focusTarget?.focus({ preventScroll: false });
  if (name !== "not-found") ctx.prefs.set("lastRoute", location.hash || "#/").catch(() => {});
}

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
      document.getElementById("shortcuts").showModal();
      break;
  }
}

// Start-up moments for the probe (VERSUS_STARTUP_PROBE=1), in ms since the
// Unix epoch, beside the page's own from the Navigation Timing API.
const startupMarks = [];
function mark(name) {
  startupMarks.push([name, performance.timeOrigin + performance.now()]);
}
function pageLoadMarks() {
  const origin = performance.timeOrigin;
  const nav = performance.getEntriesByType?.("navigation")?.[0];
  const marks = [["navigation_start", origin]];
  if (nav) marks.push(["html_received", origin + nav.responseEnd], ["dom_interactive", origin + nav.domInteractive]);
  return marks;
}

async function boot() {
  mark("app_js");
  let status;
  try {
    status = await call("app_status");
  } catch (err) {
    showBanner(err.message);
    return;
  }
  mark("status");
  if (status.recovery) {
    showBanner(status.recovery.message);
  }
  if (status.startupError) {
    showBanner(`Your library could not be opened: ${status.startupError.message}`);
  }
  const prefs = openPrefs(storePlugin(), status.preferencesPath, status.preferences);
  applyAppearance({ theme: prefs.get("theme"), textSize: prefs.get("textSize") });
  ctx = { prefs, status, toast };
  installMenuHandlers(ctx);

  document.addEventListener("keydown", onKeydown);
  document.getElementById("search-button").addEventListener("click", openPalette);
  document.getElementById("shortcuts-button").addEventListener("click", () => document.getElementById("shortcuts").showModal());
  window.addEventListener("hashchange", show);
  // Losing focus or hiding the window saves open editors.
  window.addEventListener("blur", () => current?.leave?.());
  document.addEventListener("visibilitychange", () => document.hidden && current?.leave?.());

  if (!location.hash || location.hash === "#") {
    const last = prefs.get("lastRoute");
    if (last && last !== "#/") {
      history.replaceState(null, "", last);
    }
  }
  await show();
  // The first view has rendered with its data (view.dataset.ready is "true"):
  // the start-up probe (VERSUS_STARTUP_PROBE=1) stops its clock here.
  mark("first_view");
  call("first_view_ready", { marks: [...pageLoadMarks(), ...startupMarks] }).catch(() => {});
  for (const load of [...Object.values(VIEWS), loadPalette]) load().catch(() => {});
}

boot().catch((err) => showBanner(`Versus could not start: ${err.message}`));

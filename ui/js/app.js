// Boot: status, preferences and appearance, then the router and shortcuts.

import { call, storePlugin } from "./api.js";
import { html } from "./dom.js";
import { openPrefs } from "./prefs.js";
import { parseRoute } from "./router.js";
import { applyAppearance } from "./theme.js";
import { shortcutFor } from "./keys.js";
import { openPalette } from "./palette.js";
import { installMenuHandlers } from "./menu.js";
import * as dashboard from "./views/dashboard.js";
import * as list from "./views/list.js";
import * as comparison from "./views/comparison.js";
import * as settings from "./views/settings.js";
import * as backups from "./views/backups.js";
import * as review from "./views/review.js";
import * as drill from "./views/drill.js";
import * as drills from "./views/drills.js";

const VIEWS = { dashboard, list, comparison, settings, backups, review, drill, drills };
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

function showBanner(message) {
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
      current = await VIEWS[name].render(view, route, ctx);
    }
  } catch (err) {
    if (token !== navigation) return;
    current = null;
    view.innerHTML = html`<section class="empty-state" role="alert"><h1 tabindex="-1">This page could not open</h1>
      <p>${err.message}</p><p><a href="#/comparisons">Back to Comparisons</a></p></section>`.markup;
  }
  if (token !== navigation) return;
  view.dataset.ready = "true";
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

async function boot() {
  let status;
  try {
    status = await call("app_status");
  } catch (err) {
    showBanner(err.message);
    return;
  }
  if (status.recovery) {
    showBanner(status.recovery.message);
  }
  if (status.startupError) {
    showBanner(`Your library could not be opened: ${status.startupError.message}`);
  }
  const prefs = await openPrefs(storePlugin(), status.preferencesPath);
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
  call("first_view_ready").catch(() => {});
}

boot();

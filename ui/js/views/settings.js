// Preferences: theme and text size, applied at once and kept for next time.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { html } from "../dom.js";
import { NEW_PER_DAY_RANGE, RETENTIONS, TEXT_SIZES, THEMES, isNewPerDay } from "../prefs.js";
import { studyContext } from "../study.js";
import { applyAppearance } from "../theme.js";

/** @typedef {import('../prefs.js').Prefs} Prefs */

const THEME_LABEL = { light: "Light", dark: "Dark", system: "Follow the system" };
const TEXT_SIZE_LABEL = { small: "Small", medium: "Medium", large: "Large" };

/** @param {string} value @param {string} label @param {string} current */
const option = (value, label, current) => html`<option value="${value}" ${value === current ? "selected" : ""}>${label}</option>`;

/** @param {number} r */
const retentionLabel = (r) => `${Math.round(r * 100)}%${r === 0.9 ? " (recommended)" : ""}`;

/**
 * @param {Prefs} prefs
 * @param {import('../types/api').AppStatus} status
 */
function settingsMarkup(prefs, status) {
  return html`
    <section id="settings" class="settings">
      <header class="view-header"><h1 tabindex="-1">Settings</h1></header>
      <div class="panel form-grid">
        <label for="theme-select">Theme</label>
        <select id="theme-select">
          ${THEMES.map((t) => option(t, THEME_LABEL[t], prefs.get("theme")))}
        </select>
        <label for="text-size">Text size</label>
        <select id="text-size">
          ${TEXT_SIZES.map((t) => option(t, TEXT_SIZE_LABEL[t], prefs.get("textSize")))}
        </select>
      </div>
      <section class="panel form-grid study-settings" aria-labelledby="study-title">
        <h2 id="study-title" class="span-2">Study</h2>
        <label for="retention">Desired retention</label>
        <select id="retention" aria-describedby="retention-help">
          ${RETENTIONS.map((r) => option(String(r), retentionLabel(r), String(prefs.get("desiredRetention"))))}
        </select>
        <p class="muted span-2" id="retention-help">FSRS schedules each card so you recall it with this probability when it comes back. Higher means more reviews.</p>
        <label for="new-per-day">New cards a day</label>
        <input id="new-per-day" type="number" min="${NEW_PER_DAY_RANGE.min}" max="${NEW_PER_DAY_RANGE.max}" step="1" value="${prefs.get("newPerDay")}" aria-describedby="new-per-day-help">
        <p class="muted span-2" id="new-per-day-help">How many cards you have never reviewed join each day's review. Cards you have reviewed come back when they are due, whatever this number.</p>
      </section>
      <section class="panel schedule-panel" id="schedule-panel" aria-labelledby="schedule-title"></section>
      <section class="panel sync-panel" id="sync-panel" aria-labelledby="sync-title"></section>
      <section class="panel about" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <p>Versus ${status.version}. Everything stays on this computer; nothing is sent anywhere.</p>
        <p>Your notes and preferences are in <code>${status.dataDir}</code>.</p>
      </section>
    </section>`;
}

/**
 * Wires a select or input to what its change does; a change that cannot be
 * saved is told, and stays applied until the app closes.
 * @param {HTMLElement} view
 * @param {string} selector
 * @param {import('../types/view').ViewContext} ctx
 * @param {(value: string, control: HTMLInputElement | HTMLSelectElement) => Promise<void>} change
 */
function onChange(view, selector, ctx, change) {
  /** @type {HTMLInputElement | HTMLSelectElement} */
  const control = view.querySelector(selector);
  control.addEventListener("change", () =>
    attempt(() => change(control.value, control), ctx.toast, { prefix: "The setting could not be saved: " }),
  );
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  const { prefs, status } = ctx;
  view.innerHTML = settingsMarkup(prefs, status).markup;
  onChange(view, "#theme-select", ctx, (value) => {
    applyAppearance({ theme: value });
    return prefs.set("theme", /** @type {import('../prefs.js').Theme} */ (value));
  });
  onChange(view, "#retention", ctx, async (value) => {
    await prefs.set("desiredRetention", Number(value));
    // A card another device reviewed is scheduled with the retention in use.
    attempt(() => api.syncSettings(studyContext(prefs), false), null);
  });
  onChange(view, "#new-per-day", ctx, async (value, input) => {
    const perDay = Math.round(Number(value));
    if (isNewPerDay(perDay)) return prefs.set("newPerDay", perDay);
    input.value = String(prefs.get("newPerDay"));
    ctx.toast(`New cards a day: a whole number from ${NEW_PER_DAY_RANGE.min} to ${NEW_PER_DAY_RANGE.max}.`);
  });
  onChange(view, "#text-size", ctx, (value) => {
    applyAppearance({ textSize: value });
    return prefs.set("textSize", /** @type {import('../prefs.js').TextSize} */ (value));
  });
  const [{ mountSchedulePanel }, { mountSyncPanel }] = await Promise.all([import("./schedule-panel.js"), import("./sync-panel.js")]);
  const stops = await Promise.all([
    mountSchedulePanel(/** @type {HTMLElement} */ (view.querySelector("#schedule-panel")), ctx),
    mountSyncPanel(/** @type {HTMLElement} */ (view.querySelector("#sync-panel")), ctx),
  ]);
  return { dispose: () => stops.forEach((stop) => stop()) };
}

// Preferences: theme and text size, applied at once and kept for next time.

import { html } from "../dom.js";
import { applyAppearance } from "../theme.js";

export async function render(view, _route, ctx) {
  const { prefs, status } = ctx;
  const option = (value, label, current) => html`<option value="${value}" ${value === current ? "selected" : ""}>${label}</option>`;
  view.innerHTML = html`
    <section id="settings" class="settings">
      <header class="view-header"><h1 tabindex="-1">Settings</h1></header>
      <div class="panel form-grid">
        <label for="theme-select">Theme</label>
        <select id="theme-select">
          ${option("light", "Light", prefs.get("theme"))}
          ${option("dark", "Dark", prefs.get("theme"))}
          ${option("system", "Follow the system", prefs.get("theme"))}
        </select>
        <label for="text-size">Text size</label>
        <select id="text-size">
          ${option("small", "Small", prefs.get("textSize"))}
          ${option("medium", "Medium", prefs.get("textSize"))}
          ${option("large", "Large", prefs.get("textSize"))}
        </select>
      </div>
      <section class="panel form-grid study-settings" aria-labelledby="study-title">
        <h2 id="study-title" class="span-2">Study</h2>
        <label for="retention">Desired retention</label>
        <select id="retention">
          ${[0.8, 0.85, 0.9, 0.93, 0.95, 0.97].map((r) => option(String(r), `${Math.round(r * 100)}%${r === 0.9 ? " (recommended)" : ""}`, String(prefs.get("desiredRetention"))))}
        </select>
        <label for="new-per-day">New cards a day</label>
        <input id="new-per-day" type="number" min="0" max="1000" step="1" value="${prefs.get("newPerDay")}">
        <p class="muted span-2">FSRS schedules each card so you recall it with this probability when it comes back. Higher means more reviews.</p>
      </section>
      <section class="panel about" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <p>Versus ${status.version}. Everything stays on this computer; nothing is sent anywhere.</p>
        <p>Your notes and preferences are in <code>${status.dataDir}</code>.</p>
      </section>
    </section>`.markup;
  view.querySelector("#theme-select").addEventListener("change", async (e) => {
    applyAppearance({ theme: e.target.value });
    await prefs.set("theme", e.target.value);
  });
  view.querySelector("#retention").addEventListener("change", async (e) => {
    await prefs.set("desiredRetention", Number(e.target.value));
  });
  view.querySelector("#new-per-day").addEventListener("change", async (e) => {
    const value = Math.round(Number(e.target.value));
    if (Number.isInteger(value) && value >= 0 && value <= 1000) {
      await prefs.set("newPerDay", value);
    } else {
      e.target.value = prefs.get("newPerDay");
      ctx.toast("New cards a day: a whole number from 0 to 1000.");
    }
  });
  view.querySelector("#text-size").addEventListener("change", async (e) => {
    applyAppearance({ textSize: e.target.value });
    await prefs.set("textSize", e.target.value);
  });
  return {};
}

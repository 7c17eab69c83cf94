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
  view.querySelector("#text-size").addEventListener("change", async (e) => {
    applyAppearance({ textSize: e.target.value });
    await prefs.set("textSize", e.target.value);
  });
  return {};
}

// Placeholder, replaced in this same change.
import { html } from "../dom.js";

/** @type {import('../types/view').RenderView} */
export async function render(view) {
  view.innerHTML = html`<section><h1>packs</h1></section>`.markup;
  return {};
}

// Asking before something the learner cannot simply take back (discarding a
// draft, archiving a comparison), in a modal() dialog whose default button
// is Cancel: Enter or Esc on arrival changes nothing.

import { html, modal } from "./dom.js";

/**
 * @param {{ title: string, body: import('./dom.js').Markup, yes: string, danger?: boolean }} what
 * @returns {Promise<boolean>} true when the learner chose `yes`
 */
export function confirmAction({ title, body, yes, danger = false }) {
  const dialog = modal(
    "confirm-dialog",
    title,
    html`<h2>${title}</h2>
      <div class="confirm-body">${body}</div>
      <form method="dialog" class="button-row">
        <button value="cancel" autofocus>Cancel</button>
        <button value="yes" class="${danger ? "danger" : "primary"}">${yes}</button>
      </form>`,
  );
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"));
    dialog.showModal();
  });
}

// Every keyboard shortcut, in one table: the key handlers ask it what a key
// means, and the shortcut list (?) is drawn from it, so neither can drift.

import { escapeHtml } from "./dom.js";

/** @param {EventTarget | null} target */
function typingIn(target) {
  const element = /** @type {Element | null} */ (target);
  return Boolean(element?.closest?.("input, textarea, select, [contenteditable='true']"));
}

/**
 * @typedef {"global" | "comparison" | "note" | "editor" | "review" | "practice" | "drill" | "drill-answer" | "menu"} KeyScope
 * @typedef {"back" | "search" | "dashboard" | "list" | "settings" | "filter" | "help" | "new-comparison"} Shortcut
 * @typedef {object} Chord one way to press a binding
 * @property {string[]} keys accepted `KeyboardEvent.key` values
 * @property {boolean} [mod] Ctrl (Cmd on macOS) held
 * @property {boolean} [alt] Alt held
 * @typedef {object} KeyBinding
 * @property {string | null} action what the scope's handler does; null: the native menu handles it
 *   (in the "menu" scope an action is a menu item's id whose key the page takes, menu.js)
 * @property {KeyScope} scope where it applies
 * @property {Chord[]} chords
 * @property {string} label
 * @property {string} [shown] the keys as shown, when a range reads better ("1–4")
 */

/** @type {Record<KeyScope, string>} */
export const SCOPE_TITLE = {
  global: "Everywhere",
  menu: "Window (menu)",
  comparison: "On a comparison",
  note: "In the note editor",
  editor: "Comparison editor",
  review: "Review",
  practice: "Which would you pick? (a scenario card)",
  drill: "Drill, once handed in",
  "drill-answer": "Drill, writing the answer",
};

const GRADE_KEYS = ["1", "2", "3", "4"];
const CHOICE_KEYS = ["1", "2", "3", "4", "5", "6"];

/** @type {readonly KeyBinding[]} */
export const KEYS = Object.freeze([
  { action: "search", scope: "global", chords: [{ mod: true, keys: ["k", "K"] }], label: "Search the library and your notes" },
  { action: "dashboard", scope: "global", chords: [{ mod: true, keys: ["1"] }], label: "Dashboard" },
  { action: "list", scope: "global", chords: [{ mod: true, keys: ["2"] }], label: "Comparisons" },
  { action: "settings", scope: "global", chords: [{ mod: true, keys: [","] }], label: "Settings" },
  { action: "new-comparison", scope: "global", chords: [{ mod: true, keys: ["n", "N"] }], label: "New comparison of your own" },
  { action: "back", scope: "global", chords: [{ alt: true, keys: ["ArrowLeft"] }], label: "Back" },
  { action: "filter", scope: "global", chords: [{ keys: ["/"] }], label: "Filter the comparisons" },
  { action: "help", scope: "global", chords: [{ keys: ["?"] }], label: "This list" },
  { action: null, scope: "menu", chords: [{ mod: true, keys: ["q", "Q"] }], label: "Quit" },
  { action: null, scope: "menu", chords: [{ mod: true, keys: ["="] }], label: "Zoom in" },
  { action: null, scope: "menu", chords: [{ mod: true, keys: ["-"] }], label: "Zoom out" },
  { action: null, scope: "menu", chords: [{ mod: true, keys: ["0"] }], label: "Actual size" },
  { action: "print", scope: "menu", chords: [{ mod: true, keys: ["p", "P"] }], label: "Print the comparison as a cheat sheet (or save it as a PDF)" },
  { action: "next", scope: "comparison", chords: [{ keys: ["j"] }], label: "Next item" },
  { action: "previous", scope: "comparison", chords: [{ keys: ["k"] }], label: "Previous item" },
  { action: "open-note", scope: "comparison", chords: [{ keys: ["n"] }, { keys: ["Enter"] }], label: "Open the note on the current item" },
  { action: "close", scope: "note", chords: [{ keys: ["Escape"] }, { mod: true, keys: ["Enter"] }], label: "Save and close the note editor" },
  { action: "publish", scope: "editor", chords: [{ mod: true, keys: ["Enter"] }], label: "Publish the comparison" },
  { action: "add", scope: "editor", chords: [{ alt: true, keys: ["Enter"] }], label: "Add an item (or subject) after the current one" },
  { action: "remove", scope: "editor", chords: [{ alt: true, keys: ["Delete"] }], label: "Remove the current item (or subject)" },
  { action: "move-up", scope: "editor", chords: [{ alt: true, keys: ["ArrowUp"] }], label: "Move the current item (or subject) up" },
  { action: "move-down", scope: "editor", chords: [{ alt: true, keys: ["ArrowDown"] }], label: "Move the current item (or subject) down" },
  { action: "reveal", scope: "review", chords: [{ keys: [" "] }], label: "Show the answer" },
  { action: "grade", scope: "review", chords: [{ keys: GRADE_KEYS }], shown: "1–4", label: "Grade: Again, Hard, Good, Easy" },
  { action: "notes", scope: "review", chords: [{ keys: ["n"] }], label: "Show or hide your notes, once the answer shows" },
  { action: "suspend", scope: "review", chords: [{ keys: ["s"] }], label: "Suspend this card" },
  { action: "undo", scope: "review", chords: [{ mod: true, keys: ["z", "Z"] }], label: "Undo, one grade or suspension at a time" },
  { action: "choose", scope: "practice", chords: [{ keys: CHOICE_KEYS }], shown: "1–6", label: "Choose an answer" },
  { action: "easy", scope: "practice", chords: [{ keys: ["e"] }], label: "Mark it easy before choosing (a right pick then counts as Easy)" },
  { action: "next", scope: "practice", chords: [{ keys: [" "] }, { keys: ["Enter"] }], label: "On to the next card, once answered" },
  { action: "notes", scope: "practice", chords: [{ keys: ["n"] }], label: "Show or hide your note on what decides it, once answered" },
  { action: "suspend", scope: "practice", chords: [{ keys: ["s"] }], label: "Suspend this card" },
  { action: "undo", scope: "practice", chords: [{ mod: true, keys: ["z", "Z"] }], label: "Undo, one answer or suspension at a time" },
  { action: "submit", scope: "drill-answer", chords: [{ mod: true, keys: ["Enter"] }], label: "Hand in your answer" },
  { action: "grade", scope: "drill", chords: [{ keys: GRADE_KEYS }], shown: "1–4", label: "Grade your answer" },
]);

/**
 * @param {Chord} chord
 * @param {Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">} e
 */
function pressed(chord, e) {
  return Boolean(chord.mod) === (e.ctrlKey || e.metaKey) && Boolean(chord.alt) === e.altKey && chord.keys.includes(e.key);
}

/**
 * The binding `e` presses in `scope`, or null.
 * @param {Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">} e
 * @param {KeyScope} scope
 * @returns {KeyBinding | null}
 */
export function bindingFor(e, scope) {
  return KEYS.find((b) => b.scope === scope && b.chords.some((c) => pressed(c, e))) ?? null;
}

/**
 * What `e` asks of `scope`'s handler, or null.
 * @param {Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">} e
 * @param {KeyScope} scope
 * @returns {string | null}
 */
export function actionFor(e, scope) {
  return bindingFor(e, scope)?.action ?? null;
}

/**
 * The global shortcut `e` asks for. In a text field only chords with Ctrl
 * count: a plain key is typing, and Alt+Left moves by word (macOS).
 * @param {Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">} e
 * @returns {Shortcut | null}
 */
export function shortcutFor(e) {
  const binding = bindingFor(e, "global");
  if (!binding) return null;
  if (typingIn(e.target) && !binding.chords.some((c) => c.mod && pressed(c, e))) return null;
  return /** @type {Shortcut} */ (binding.action);
}

const CAP = { ArrowLeft: "←", ArrowUp: "↑", ArrowDown: "↓", Escape: "Esc", " ": "Space" };

/** @param {Chord} chord */
function chordMarkup(chord) {
  const key = CAP[chord.keys[0]] ?? chord.keys[0];
  // Letters with Ctrl read as on the key cap (Ctrl K); alone, as typed (j, n).
  const caps = [...(chord.mod ? ["Ctrl"] : []), ...(chord.alt ? ["Alt"] : []), chord.mod && key.length === 1 ? key.toUpperCase() : key];
  return caps.map((c) => `<kbd>${escapeHtml(c)}</kbd>`).join(" ");
}

/** The shortcut list, grouped by where each applies, as HTML. */
export function shortcutListMarkup() {
  return Object.entries(SCOPE_TITLE)
    .map(([scope, title]) => {
      const rows = KEYS.filter((b) => b.scope === scope).map((b) => {
        const keys = b.shown ? `<kbd>${escapeHtml(b.shown)}</kbd>` : b.chords.map(chordMarkup).join(" or ");
        return `<dt>${keys}</dt><dd>${escapeHtml(b.label)}</dd>`;
      });
      return `<h3>${escapeHtml(title)}</h3><dl class="shortcut-list">${rows.join("")}</dl>`;
    })
    .join("");
}

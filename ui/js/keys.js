// Global keyboard shortcuts, as a pure mapping from a key event to an action.

/** @param {EventTarget | null} target */
function typingIn(target) {
  const element = /** @type {Element | null} */ (target);
  return Boolean(element?.closest?.("input, textarea, select, [contenteditable='true']"));
}

/**
 * @typedef {"back" | "search" | "dashboard" | "list" | "settings" | "filter" | "help"} Shortcut
 */

/**
 * @param {Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">} e
 * @returns {Shortcut | null}
 */
export function shortcutFor(e) {
  const mod = e.ctrlKey || e.metaKey;
  // In a text field Alt+Left moves by word (macOS), so it stays the field's.
  if (e.altKey && e.key === "ArrowLeft") return typingIn(e.target) ? null : "back";
  if (mod && !e.altKey && (e.key === "k" || e.key === "K")) return "search";
  if (mod && !e.altKey && e.key === "1") return "dashboard";
  if (mod && !e.altKey && e.key === "2") return "list";
  if (mod && !e.altKey && e.key === ",") return "settings";
  if (typingIn(e.target) || mod || e.altKey) return null;
  if (e.key === "/") return "filter";
  if (e.key === "?") return "help";
  return null;
}

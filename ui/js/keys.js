// Global keyboard shortcuts, as a pure mapping from a key event to an action.

function typingIn(target) {
  return Boolean(target?.closest?.("input, textarea, select, [contenteditable='true']"));
}

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

// Applies theme and text size to the document, and follows the desktop's
// light/dark setting while the theme is "system".

import { resolveTheme } from "./prefs.js";

const media = globalThis.matchMedia ? globalThis.matchMedia("(prefers-color-scheme: dark)") : null;
let current = "system";

/**
 * @param {{ theme?: string, textSize?: string }} appearance what to change; the rest stays
 */
export function applyAppearance({ theme, textSize }) {
  if (theme) current = theme;
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(current, media?.matches ?? false);
  if (textSize) root.dataset.textSize = textSize;
}

media?.addEventListener?.("change", () => applyAppearance({}));

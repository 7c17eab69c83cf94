// Preferences live in tauri-plugin-store (a JSON file in the data folder),
// never in the notes database.

export const DEFAULT_PREFS = Object.freeze({
  theme: "system",
  textSize: "medium",
  lastRoute: "#/",
  desiredRetention: 0.9,
  newPerDay: 20,
});
const THEMES = ["light", "dark", "system"];
const TEXT_SIZES = ["small", "medium", "large"];

/** Drops unknown or malformed values so a hand-edited file cannot break the app. */
export function sanitizePrefs(raw) {
  const prefs = { ...DEFAULT_PREFS };
  if (raw && THEMES.includes(raw.theme)) prefs.theme = raw.theme;
  if (raw && TEXT_SIZES.includes(raw.textSize)) prefs.textSize = raw.textSize;
  if (raw && typeof raw.lastRoute === "string" && raw.lastRoute.startsWith("#/")) prefs.lastRoute = raw.lastRoute;
  const retention = Number(raw?.desiredRetention);
  if (raw?.desiredRetention != null && retention >= 0.7 && retention <= 0.99) prefs.desiredRetention = retention;
  const perDay = Number(raw?.newPerDay);
  if (raw?.newPerDay != null && Number.isInteger(perDay) && perDay >= 0 && perDay <= 1000) prefs.newPerDay = perDay;
  return prefs;
}

/** The theme to paint: "system" follows the desktop's light or dark setting. */
export function resolveTheme(theme, systemPrefersDark) {
  if (theme === "light" || theme === "dark") return theme;
  return systemPrefersDark ? "dark" : "light";
}

/** Opens the preferences file; falls back to defaults in memory if it cannot. */
export async function openPrefs(storePlugin, path) {
  let store = null;
  try {
    store = await storePlugin.load(path, { defaults: {}, autoSave: 200 });
  } catch (err) {
    console.warn("preferences unavailable, using defaults", err);
  }
  const raw = {};
  if (store) {
    for (const key of Object.keys(DEFAULT_PREFS)) raw[key] = await store.get(key);
  }
  const values = sanitizePrefs(raw);
  return {
    get: (key) => values[key],
    async set(key, value) {
      values[key] = value;
      if (!store) return;
      await store.set(key, value);
      await store.save();
    },
  };
}

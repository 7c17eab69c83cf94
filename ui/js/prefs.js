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

/**
 * The preferences, from the values the app read at start-up (`stored`, from
 * app_status, so the first view waits for no extra call). The file is opened
 * through the store plugin when a value first changes; if it cannot be, the
 * change is kept in memory until the app closes.
 */
export function openPrefs(storePlugin, path, stored) {
  const values = sanitizePrefs(stored);
  let opening = null;
  const store = () => {
    opening ??= Promise.resolve()
      .then(() => storePlugin.load(path, { defaults: {}, autoSave: 200 }))
      .catch((err) => {
        console.warn("preferences cannot be saved; changes last until the app closes", err);
        return null;
      });
    return opening;
  };
  return {
    get: (key) => values[key],
    async set(key, value) {
      if (values[key] === value) return;
      values[key] = value;
      const file = await store();
      if (!file) return;
      await file.set(key, value);
      await file.save();
    },
  };
}

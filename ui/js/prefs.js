// Preferences live in tauri-plugin-store (a JSON file in the data folder),
// never in the notes database. The lists of allowed values live here once:
// the menu, the Settings view and the check of a stored file all use them.

/** @typedef {"light" | "dark" | "system"} Theme */
/** @typedef {"small" | "medium" | "large"} TextSize */

/** @type {readonly Theme[]} */
export const THEMES = Object.freeze(["light", "dark", "system"]);
/** @type {readonly TextSize[]} */
export const TEXT_SIZES = Object.freeze(["small", "medium", "large"]);
/** The retention choices Settings offers; a stored value anywhere in RETENTION_RANGE is kept. */
export const RETENTIONS = Object.freeze([0.8, 0.85, 0.9, 0.93, 0.95, 0.97]);
export const RETENTION_RANGE = Object.freeze({ min: 0.7, max: 0.99 });
export const NEW_PER_DAY_RANGE = Object.freeze({ min: 0, max: 1000 });

/**
 * @typedef {object} PrefValues
 * @property {Theme} theme
 * @property {TextSize} textSize
 * @property {string} lastRoute
 * @property {Place | null} lastPlace where in its view the learner was, brought back at start-up
 * @property {number} desiredRetention
 * @property {number} newPerDay
 * @property {boolean} printNotes whether a printed comparison carries the learner's notes
 * @property {string} interviewDate the learner's interview day, "YYYY-MM-DD", or "" when none is set
 */

/**
 * @typedef {object} Place
 * @property {string} route the address of the view
 * @property {number} scrollY how far down it was scrolled, in CSS pixels
 */

/** @type {Readonly<PrefValues>} */
export const DEFAULT_PREFS = Object.freeze({
  theme: "system",
  textSize: "medium",
  lastRoute: "#/",
  lastPlace: null,
  desiredRetention: 0.9,
  newPerDay: 20,
  printNotes: false,
  interviewDate: "",
});

/** @param {unknown} value */
export function isNewPerDay(value) {
  return Number.isInteger(value) && Number(value) >= NEW_PER_DAY_RANGE.min && Number(value) <= NEW_PER_DAY_RANGE.max;
}

/**
 * Drops unknown or malformed values so a hand-edited file cannot break the app.
 * @param {any} raw
 * @returns {PrefValues}
 */
export function sanitizePrefs(raw) {
  const prefs = { ...DEFAULT_PREFS };
  if (raw && THEMES.includes(raw.theme)) prefs.theme = raw.theme;
  if (raw && TEXT_SIZES.includes(raw.textSize)) prefs.textSize = raw.textSize;
  if (raw && typeof raw.lastRoute === "string" && raw.lastRoute.startsWith("#/")) prefs.lastRoute = raw.lastRoute;
  const place = raw?.lastPlace;
  if (place && typeof place.route === "string" && place.route.startsWith("#/") && Number.isFinite(place.scrollY) && place.scrollY >= 0) {
    prefs.lastPlace = { route: place.route, scrollY: place.scrollY };
  }
  const retention = Number(raw?.desiredRetention);
  if (raw?.desiredRetention != null && retention >= RETENTION_RANGE.min && retention <= RETENTION_RANGE.max) {
    prefs.desiredRetention = retention;
  }
  const perDay = Number(raw?.newPerDay);
  if (raw?.newPerDay != null && isNewPerDay(perDay)) prefs.newPerDay = perDay;
  if (typeof raw?.printNotes === "boolean") prefs.printNotes = raw.printNotes;
  if (typeof raw?.interviewDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw.interviewDate)) prefs.interviewDate = raw.interviewDate;
  return prefs;
}

/**
 * The theme to paint: "system" follows the desktop's light or dark setting.
 * @param {string} theme
 * @param {boolean} systemPrefersDark
 * @returns {"light" | "dark"}
 */
export function resolveTheme(theme, systemPrefersDark) {
  if (theme === "light" || theme === "dark") return theme;
  return systemPrefersDark ? "dark" : "light";
}

/**
 * @typedef {object} Prefs
 * @property {<K extends keyof PrefValues>(key: K) => PrefValues[K]} get
 * @property {<K extends keyof PrefValues>(key: K, value: PrefValues[K]) => Promise<void>} set
 */

/**
 * The preferences, from the values the app read at start-up (`stored`, from
 * app_status, so the first view waits for no extra call). The file is opened
 * through the store plugin when a value first changes; if it cannot be, the
 * change is kept in memory until the app closes.
 * @param {Pick<TauriStorePlugin, "getStore">} storePlugin
 * @param {string} path
 * @param {unknown} stored
 * @returns {Prefs}
 */
export function openPrefs(storePlugin, path, stored) {
  const values = sanitizePrefs(stored);
  /** @type {Promise<TauriStoreFile | null> | null} */
  let opening = null;
  const store = () => {
    opening ??= Promise.resolve()
      // The store the app opened at start-up (app_status reads it): the page
      // may not load one itself, so it cannot write JSON at a path of its choosing.
      .then(() => storePlugin.getStore(path))
      .then((file) => {
        if (!file) throw new Error(`the preferences store ${path} is not open`);
        return file;
      })
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

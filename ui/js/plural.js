// A count and its noun, in one place: "1 card", "2 cards", "0 cards".
//
// The words come from Intl.PluralRules, but the first Intl object a page makes
// loads the locale data, several ms the first view would wait for (see
// isoDate in dom.js). So the rules are made by loadPlurals(), which app.js
// calls once the first view is on screen; until then English's own rule
// (one for exactly 1, other for the rest) answers, which is what the rules
// say for English anyway: the first view reads the same either way.

/** @type {Intl.PluralRules | null} */
let rules = null;

/** Makes the plural rules; called after the first view, never on the start-up path. */
export function loadPlurals() {
  // The app's language is English: the rules follow it, not the system locale.
  rules ??= new Intl.PluralRules("en");
}

/** Whether loadPlurals() has run (for tests and the start-up check). */
export const pluralsLoaded = () => rules !== null;

/** @param {number} n @returns {"one" | "other"} */
function category(n) {
  if (rules) return rules.select(n) === "one" ? "one" : "other";
  return n === 1 ? "one" : "other";
}

/**
 * The noun that goes with `n`, without the number: for phrases whose verb
 * agrees too ("1 note goes back", "2 notes go back").
 * @param {number} n
 * @param {string} one
 * @param {string} [other] defaults to `one` + "s"
 */
export function plural(n, one, other = `${one}s`) {
  return category(n) === "one" ? one : other;
}

/**
 * "1 card", "3 cards".
 * @param {number} n
 * @param {string} one
 * @param {string} [other] defaults to `one` + "s"
 */
export function count(n, one, other) {
  return `${n} ${plural(n, one, other)}`;
}

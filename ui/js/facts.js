// How old a comparison's facts are: the day they were last checked against
// their sources, shown to the month, and marked once it is over a year old
// (cloud limits and prices move; a learner should know to look again).

/** English month names: not Intl, which loads its locale data on first use. */
const MONTHS = Object.freeze([
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
]);

/** @param {string | null | undefined} day @returns {[number, number, number] | null} */
function parseDay(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ""));
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || date < 1 || date > 31) return null;
  return [year, month, date];
}

/**
 * @typedef {object} FactsAge
 * @property {string} month the checked day to the month, "2026-12"
 * @property {string} monthName as read, "December 2026"
 * @property {boolean} stale checked more than 12 months before `today`
 */

/**
 * What to say about a comparison's `checked` day on `today` (both YYYY-MM-DD);
 * null when it has none (own comparisons and packs may not), or it is malformed.
 * "More than 12 months" is by the calendar: checked 2025-12-02 is stale from
 * 2026-12-03, and 2024-02-29 from 2025-03-01.
 * @param {string | null | undefined} checked
 * @param {string} today
 * @returns {FactsAge | null}
 */
export function factsAge(checked, today) {
  const day = parseDay(checked);
  if (!day) return null;
  const [year, month, date] = day;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  // Zero-padded days compare as strings, so a year on from 29 February need
  // not be a real day: 1 March sorts after it.
  const yearOn = `${year + 1}-${pad(month)}-${pad(date)}`;
  const stale = parseDay(today) !== null && today > yearOn;
  return {
    month: `${year}-${pad(month)}`,
    monthName: `${MONTHS[month - 1]} ${year}`,
    stale,
  };
}

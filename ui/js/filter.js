// The list view's filters, as a pure function over the comparisons.

function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Keeps the comparisons in `category` (if set), carrying `tag` (if set), whose
 *  title, summary, category or tags contain every word of `q` (accents ignored). */
export function filterComparisons(comparisons, { category = "", tag = "", q = "" } = {}) {
  const words = fold(q).split(/\s+/).filter(Boolean);
  return comparisons.filter((c) => {
    if (category && c.category !== category) return false;
    if (tag && !c.tags.includes(tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold([c.title, c.summary, c.category, ...c.tags].join(" "));
    return words.every((w) => haystack.includes(w));
  });
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(comparisons) {
  return [...new Set(comparisons.flatMap((c) => c.tags))].sort();
}

/** Groups comparisons by category, categories sorted by name. */
export function groupByCategory(comparisons) {
  const groups = new Map();
  for (const c of comparisons) {
    if (!groups.has(c.category)) groups.set(c.category, []);
    groups.get(c.category).push(c);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

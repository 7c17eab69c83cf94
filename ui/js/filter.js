// The list view's filters, as a pure function over the comparisons.

/** @typedef {Pick<import('./types/api').ComparisonSummary, "title" | "summary" | "category" | "tags">} Filterable */

/** @param {string | null | undefined} text */
function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * Keeps the comparisons in `category` (if set), carrying `tag` (if set), whose
 * title, summary, category or tags contain every word of `q` (accents ignored).
 * @template {Filterable} C
 * @param {C[]} comparisons
 * @param {{ category?: string, tag?: string, q?: string }} [filters]
 * @returns {C[]}
 */
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

/**
 * Every tag in use, sorted, for the tag filter.
 * @param {Pick<Filterable, "tags">[]} comparisons
 */
export function allTags(comparisons) {
  return [...new Set(comparisons.flatMap((c) => c.tags))].sort();
}

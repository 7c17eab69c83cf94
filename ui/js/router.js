// Hash routes, parsed and built without touching the DOM (tested in node).
//   #/                      dashboard
//   #/comparisons?category=Storage&tag=aws&q=text   the list, filtered
//   #/c/<id>[/<section>/<item>][?hl=words]          a comparison, optionally landing on an item
//                                                   with the searched words highlighted
//   #/settings
//   #/backups
//   #/review[?category=..|?comparison=..][&more=1]   a review session (more: past the daily new-card limit)
//   #/practice[?category=..|?comparison=..|?pair=a~b][&more=1]   "which would you pick?" (pair: two subject keys)
//   #/confusions                            the pairs of subjects the learner mixes up
//   #/cards[?comparison=..&category=..&kind=..&state=..&due=..&sort=..]   the card browser
//   #/readiness                             interview day: predicted recall on the learner's date
//   #/review?gap=1                          "close the gap": the cards weakest on that day
//   #/review?comparison=..&cram=1           cram: every card ahead of schedule, no schedule changed
//   #/drill[?comparison=..], #/drills       an interview drill, and past drills
//   #/archived                              notes on items no longer in the library,
//                                           and archived comparisons of the learner's own
//   #/new, #/edit/<draft id>                the comparison editor: a new comparison, or a draft
//   #/packs                                 installed packs; import and export

/**
 * A place in the app. `name` says which view; the rest are that view's
 * parameters (empty strings when a filter is unset).
 * @typedef {object} Route
 * @property {string} name dashboard, list, comparison, settings, backups, review, practice, confusions, cards, readiness, drill, drills, archived, editor, packs or not-found
 * @property {string} [id] the comparison's
 * @property {{ section: string, itemId: string }} [target] the item a comparison page lands on
 * @property {string} [highlight] searched words to mark on the landing item
 * @property {string} [category]
 * @property {string} [tag]
 * @property {string} [q] the list's text filter
 * @property {string} [mine] "1" when the list shows only the learner's own comparisons
 * @property {string} [draft] the editor's draft id ("" for a new comparison)
 * @property {string} [comparison] what a review or drill is about
 * @property {string} [more] "1" when a review of a comparison or category goes past the daily new-card limit
 * @property {string} [pair] two subject keys joined by "~": a practice of that confused pair
 * @property {Record<string, string>} [cards] the card browser's filters (comparison, category, kind, state, due, sort)
 * @property {string} [gap] "1": a review of the cards weakest on the interview day
 * @property {string} [cram] "1": every card of a comparison or category, no schedule changed
 * @property {string} [path] what a not-found address asked for
 */

/** The card browser's filters, in the order its address lists them. */
export const CARD_FILTERS = ["comparison", "category", "kind", "state", "due", "sort"];

/**
 * @param {string | null | undefined} hash
 * @returns {Route}
 */
export function parseRoute(hash) {
  const raw = String(hash ?? "").replace(/^#/, "");
  const [path, query = ""] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(safeDecode);
  const params = Object.fromEntries(new URLSearchParams(query));
  if (parts.length === 0) return { name: "dashboard" };
  if (parts[0] === "comparisons" && parts.length === 1) {
    return {
      name: "list",
      category: params.category ?? "",
      tag: params.tag ?? "",
      q: params.q ?? "",
      mine: params.mine === "1" ? "1" : "",
    };
  }
  if (parts[0] === "c" && parts.length >= 2) {
    /** @type {Route} */
    const route = { name: "comparison", id: parts[1] };
    if (parts.length >= 4) route.target = { section: parts[2], itemId: parts[3] };
    if (params.hl) route.highlight = params.hl;
    return route;
  }
  if (parts[0] === "settings" && parts.length === 1) return { name: "settings" };
  if (parts[0] === "backups" && parts.length === 1) return { name: "backups" };
  if (parts[0] === "review" && parts.length === 1) {
    const route = { name: "review", category: params.category ?? "", comparison: params.comparison ?? "", more: params.more ?? "" };
    if (params.gap === "1") return { ...route, gap: "1" };
    return params.cram === "1" ? { ...route, cram: "1" } : route;
  }
  if (parts[0] === "practice" && parts.length === 1) {
    return {
      name: "practice",
      category: params.category ?? "",
      comparison: params.comparison ?? "",
      pair: params.pair ?? "",
      more: params.more ?? "",
    };
  }
  if (parts[0] === "confusions" && parts.length === 1) return { name: "confusions" };
  if (parts[0] === "readiness" && parts.length === 1) return { name: "readiness" };
  if (parts[0] === "cards" && parts.length === 1) {
    const cards = Object.fromEntries(CARD_FILTERS.filter((key) => params[key]).map((key) => [key, params[key]]));
    return { name: "cards", cards };
  }
  if (parts[0] === "drill" && parts.length === 1) return { name: "drill", comparison: params.comparison ?? "" };
  if (parts[0] === "drills" && parts.length === 1) return { name: "drills" };
  if (parts[0] === "archived" && parts.length === 1) return { name: "archived" };
  if (parts[0] === "new" && parts.length === 1) return { name: "editor", draft: "" };
  if (parts[0] === "edit" && parts.length === 2 && /^[1-9][0-9]{0,15}$/.test(parts[1])) return { name: "editor", draft: parts[1] };
  if (parts[0] === "packs" && parts.length === 1) return { name: "packs" };
  return { name: "not-found", path };
}

/** @param {Route} route */
export function buildHash(route) {
  switch (route.name) {
    case "dashboard":
      return "#/";
    case "list": {
      const params = new URLSearchParams();
      for (const key of ["category", "tag", "q", "mine"]) if (route[key]) params.set(key, route[key]);
      const query = params.toString();
      return query ? `#/comparisons?${query}` : "#/comparisons";
    }
    case "comparison": {
      let hash = `#/c/${encodeURIComponent(route.id)}`;
      if (route.target) {
        hash += `/${encodeURIComponent(route.target.section)}/${encodeURIComponent(route.target.itemId)}`;
      }
      if (route.highlight) hash += `?${new URLSearchParams({ hl: route.highlight })}`;
      return hash;
    }
    case "settings":
      return "#/settings";
    case "backups":
      return "#/backups";
    case "review": {
      const params = new URLSearchParams();
      for (const key of ["category", "comparison", "more", "gap", "cram"]) if (route[key]) params.set(key, route[key]);
      const query = params.toString();
      return query ? `#/review?${query}` : "#/review";
    }
    case "practice": {
      const params = new URLSearchParams();
      for (const key of ["category", "comparison", "pair", "more"]) if (route[key]) params.set(key, route[key]);
      const query = params.toString();
      return query ? `#/practice?${query}` : "#/practice";
    }
    case "confusions":
      return "#/confusions";
    case "readiness":
      return "#/readiness";
    case "cards": {
      const params = new URLSearchParams();
      for (const key of CARD_FILTERS) if (route.cards?.[key]) params.set(key, route.cards[key]);
      const query = params.toString();
      return query ? `#/cards?${query}` : "#/cards";
    }
    case "drill":
      return route.comparison ? `#/drill?comparison=${encodeURIComponent(route.comparison)}` : "#/drill";
    case "drills":
      return "#/drills";
    case "archived":
      return "#/archived";
    case "editor":
      return route.draft ? `#/edit/${route.draft}` : "#/new";
    case "packs":
      return "#/packs";
    default:
      return "#/";
  }
}

/** @param {string} part */
function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

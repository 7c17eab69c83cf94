// The comparison editor's document and messages, as pure functions (tested in
// node). Every change answers a new document: the one a save is running with
// must not change under it. Ids are the core's: an item keeps its id wherever
// it moves, and a new one goes out with "" until publishing names it.

/** @typedef {import('./types/api').DraftDocument} DraftDocument */
/** @typedef {import('./types/api').DraftSubject} DraftSubject */
/** @typedef {import('./types/api').DraftItem} DraftItem */
/** @typedef {import('./types/api').DraftCheck} DraftCheck */
/** @typedef {import('./types/api').FieldMessage} FieldMessage */
/** @typedef {"subjects" | "differences" | "tradeoffs" | "mistakes"} ListSection */
/** @typedef {{ errors: string[], advice: string[] }} Messages */

// The content rules (validate.rs): a comparison has 2 to 4 subjects.
export const MIN_SUBJECTS = 2;
export const MAX_SUBJECTS = 4;

/** @type {readonly ListSection[]} */
export const LIST_SECTIONS = Object.freeze(["subjects", "differences", "tradeoffs", "mistakes"]);

/** What one part of each list is called, in the labels and buttons. */
export const PART_NAME = Object.freeze({ subjects: "subject", differences: "difference", tradeoffs: "tradeoff", mistakes: "mistake" });

/** @returns {DraftSubject} */
export const emptySubject = () => ({ id: "", name: "", category: "", description: "", when_to_use: "" });

/** @returns {DraftItem} */
export const emptyItem = () => ({ id: "", text: "" });

/**
 * A new comparison: two subjects (the fewest it can have) and one of each
 * item, so every kind of field is there to type into.
 * @returns {DraftDocument}
 */
export function emptyDocument() {
  return {
    title: "",
    category: "",
    summary: "",
    subjects: [emptySubject(), emptySubject()],
    differences: [emptyItem()],
    tradeoffs: [emptyItem()],
    mistakes: [emptyItem()],
    interview_tip: "",
    tags: [],
  };
}

/** Whether nothing has been typed into `doc` (however many empty parts it has). @param {DraftDocument} doc */
export function isBlank(doc) {
  const texts = [doc.title, doc.category, doc.summary, doc.interview_tip, ...doc.tags];
  for (const s of doc.subjects) texts.push(s.name, s.category, s.description, s.when_to_use);
  for (const section of ["differences", "tradeoffs", "mistakes"]) for (const i of doc[section]) texts.push(i.text);
  return texts.every((t) => !String(t ?? "").trim());
}

/** @param {DraftDocument} doc */
const copyOf = (doc) => ({
  ...doc,
  subjects: doc.subjects.map((s) => ({ ...s })),
  differences: doc.differences.map((i) => ({ ...i })),
  tradeoffs: doc.tradeoffs.map((i) => ({ ...i })),
  mistakes: doc.mistakes.map((i) => ({ ...i })),
  tags: [...doc.tags],
});

/** @param {ListSection} section @param {number} length */
export const canAdd = (section, length) => section !== "subjects" || length < MAX_SUBJECTS;
/** @param {ListSection} section @param {number} length */
export const canRemove = (section, length) => length > (section === "subjects" ? MIN_SUBJECTS : 0);

/**
 * A structural change: the new document, where the part acted on now is
 * (-1: nowhere), and where each old index went (-1: removed), to carry the
 * last check's messages along until the next one arrives.
 * @typedef {{ doc: DraftDocument, index: number, moved: number[] } | null} Change
 */

/**
 * A new, empty part after `index` (-1 or past the end: at the end).
 * @param {DraftDocument} doc @param {ListSection} section @param {number} index
 * @returns {Change} null when the section is full
 */
export function addAfter(doc, section, index) {
  const list = doc[section];
  if (!canAdd(section, list.length)) return null;
  const at = index < 0 || index >= list.length ? list.length : index + 1;
  const next = copyOf(doc);
  /** @type {any[]} */ (next[section]).splice(at, 0, section === "subjects" ? emptySubject() : emptyItem());
  return { doc: next, index: at, moved: list.map((_, i) => (i < at ? i : i + 1)) };
}

/**
 * @param {DraftDocument} doc @param {ListSection} section @param {number} index
 * @returns {Change} null when it cannot go (out of range, or too few subjects would be left);
 *   `index` is the part to focus after: the one that took its place, else the one before
 */
export function removeAt(doc, section, index) {
  const list = doc[section];
  if (index < 0 || index >= list.length || !canRemove(section, list.length)) return null;
  const next = copyOf(doc);
  next[section].splice(index, 1);
  const focus = Math.min(index, next[section].length - 1);
  return { doc: next, index: focus, moved: list.map((_, i) => (i < index ? i : i === index ? -1 : i - 1)) };
}

/**
 * @param {DraftDocument} doc @param {ListSection} section @param {number} index @param {-1 | 1} delta
 * @returns {Change} null at either end
 */
export function move(doc, section, index, delta) {
  const list = doc[section];
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return null;
  const next = copyOf(doc);
  const [part] = next[section].splice(index, 1);
  /** @type {any[]} */ (next[section]).splice(to, 0, part);
  return { doc: next, index: to, moved: list.map((_, i) => (i === index ? to : i === to ? index : i)) };
}

/**
 * One field's value set, by its key (see fieldKey): `title`, `tags`,
 * `subjects[1].when_to_use`, `differences[0].text`.
 * @param {DraftDocument} doc @param {string} key @param {string} value
 * @returns {DraftDocument}
 */
export function setField(doc, key, value) {
  const next = copyOf(doc);
  const part = /^(subjects|differences|tradeoffs|mistakes)\[(\d+)\]\.(\w+)$/.exec(key);
  if (part) {
    const target = next[part[1]][Number(part[2])];
    if (target && part[3] in target && part[3] !== "id") target[part[3]] = value;
  } else if (key === "tags") {
    next.tags = parseTags(value);
  } else if (["title", "category", "summary", "interview_tip"].includes(key)) {
    next[key] = value;
  }
  return next;
}

/**
 * What a field shows, by its key (the tags as one comma-separated line).
 * @param {DraftDocument} doc @param {string} key
 * @returns {string}
 */
export function fieldValue(doc, key) {
  const part = /^(subjects|differences|tradeoffs|mistakes)\[(\d+)\]\.(\w+)$/.exec(key);
  if (part) return String(doc[part[1]][Number(part[2])]?.[part[3]] ?? "");
  if (key === "tags") return tagsText(doc.tags);
  return String(doc[key] ?? "");
}

/** The tags field's text as tags: comma-separated; the core makes them slugs. @param {string} text */
export function parseTags(text) {
  return String(text ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

/** @param {string[]} tags */
export const tagsText = (tags) => tags.join(", ");

// --- messages ----------------------------------------------------------------------

/**
 * The key of the field a message's path is about. Messages use the content
 * format's paths; the editor keeps each subject's when-to-use with the
 * subject, and one input holds every tag.
 * @param {string} path
 */
export function fieldKey(path) {
  const p = String(path ?? "");
  let m = /^when_to_use\[(\d+)\]/.exec(p);
  if (m) return `subjects[${m[1]}].when_to_use`;
  if (p === "when_to_use") return "subjects";
  if (/^tags(\[\d+\])?$/.test(p)) return "tags";
  // Ids are the app's, never typed: a message on one is about the words it is made from.
  m = /^subjects\[(\d+)\]\.(id|subject)$/.exec(p);
  if (m) return `subjects[${m[1]}].name`;
  m = /^(differences|tradeoffs|mistakes)\[(\d+)\]\.id$/.exec(p);
  if (m) return `${m[1]}[${m[2]}].text`;
  return p;
}

/** A key as a piece of an element id: `subjects[1].name` -> `subjects-1-name`. @param {string} key */
export const domId = (key) => key.replace(/[^A-Za-z0-9_]+/g, "-").replace(/^-|-$/g, "");

/** The id of a field's input. @param {string} key */
export const inputId = (key) => `field-${domId(key)}`;

/** The id of the element that shows a field's messages (its input's aria-describedby). @param {string} path */
export const messageId = (path) => `msg-${domId(fieldKey(path))}`;

/**
 * The check as the editor shows it. A subject's kind falls back to the
 * comparison's category, so while both are empty the "must not be empty" on
 * the kind is the category's problem, told once beside the category.
 * @param {DraftCheck} check
 * @param {DraftDocument} doc
 * @returns {DraftCheck}
 */
export function visibleCheck(check, doc) {
  const shown = (/** @type {FieldMessage} */ m) => {
    const kindOf = /^subjects\[(\d+)\]\.category$/.exec(m.field);
    return !(kindOf && !doc.category.trim() && !doc.subjects[Number(kindOf[1])]?.category.trim());
  };
  return { errors: (check?.errors ?? []).filter(shown), advice: (check?.advice ?? []).filter(shown) };
}

/**
 * The check's messages by field key.
 * @param {DraftCheck} check
 * @returns {Map<string, Messages>}
 */
export function messagesByField(check) {
  /** @type {Map<string, Messages>} */
  const byField = new Map();
  const add = (/** @type {FieldMessage} */ m, /** @type {keyof Messages} */ kind) => {
    const key = fieldKey(m.field);
    if (!byField.has(key)) byField.set(key, { errors: [], advice: [] });
    byField.get(key)[kind].push(m.message);
  };
  for (const m of check?.errors ?? []) add(m, "errors");
  for (const m of check?.advice ?? []) add(m, "advice");
  return byField;
}

/**
 * The last check, with its messages on parts that moved carried to where
 * they are now (dropped for parts removed). A subject's when-to-use moves
 * with it. Counts ("needs at least 4 items") are left for the next check.
 * @param {DraftCheck} check @param {ListSection} section @param {number[]} moved
 * @returns {DraftCheck}
 */
export function remapCheck(check, section, moved) {
  const prefixes = section === "subjects" ? ["subjects", "when_to_use"] : [section];
  const remap = (/** @type {FieldMessage[]} */ list) =>
    list.flatMap((m) => {
      for (const prefix of prefixes) {
        const match = new RegExp(`^${prefix}\\[(\\d+)\\](.*)$`).exec(m.field);
        if (!match) continue;
        const to = moved[Number(match[1])];
        return to === undefined || to < 0 ? [] : [{ field: `${prefix}[${to}]${match[2]}`, message: m.message }];
      }
      return [m];
    });
  return { errors: remap(check?.errors ?? []), advice: remap(check?.advice ?? []) };
}

/** How a field is named in the list of problems: "Subject 2 name", "Difference 3". @param {string} key */
export function fieldName(key) {
  const top = { title: "Title", category: "Category", summary: "Summary", interview_tip: "Interview tip", tags: "Tags",
    subjects: "Subjects", differences: "Key differences", tradeoffs: "Tradeoffs", mistakes: "Common mistakes" };
  if (top[key]) return top[key];
  const m = /^(subjects|differences|tradeoffs|mistakes)\[(\d+)\]\.(\w+)$/.exec(key);
  if (!m) return key;
  const part = `${capitalized(PART_NAME[m[1]])} ${Number(m[2]) + 1}`;
  if (m[1] !== "subjects") return part;
  const prop = { name: "name", category: "kind", description: "description", when_to_use: "when to use" }[m[3]] ?? m[3];
  return `${part} ${prop}`;
}

/** @param {string} s */
const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The line over the form: what blocks publishing, or that nothing does.
 * @param {DraftCheck} check
 */
export function summaryText(check) {
  const errors = check?.errors?.length ?? 0;
  const advice = check?.advice?.length ?? 0;
  const suggestions = advice ? ` ${advice} ${advice === 1 ? "suggestion" : "suggestions"} below, none of them required.` : "";
  if (errors) return `${errors} ${errors === 1 ? "problem blocks" : "problems block"} publishing.${suggestions}`;
  return `Ready to publish.${suggestions}`;
}

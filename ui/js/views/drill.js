// The interview drill: two minutes to give the short answer, then the
// interview tip, differences and tradeoffs beside what you wrote.

import * as api from "../api.js";
import { attempt, isGone } from "../actions.js";
import { closestTarget, html } from "../dom.js";
import { actionFor } from "../keys.js";
import { buildHash } from "../router.js";
import { GRADES, clockText, studyContext } from "../study.js";

/** @typedef {import('../types/api').ComparisonPage} ComparisonPage */

export const DRILL_SECONDS = 120;

// --- the draft ------------------------------------------------------------------
// Switching to another window saves the view (blur, hide), and a drill must
// not end for that: its answer and start time are kept as a draft, and the
// drill goes on from it when it is shown again. In localStorage rather than
// sessionStorage: closing the window saves the view the same way, and a draft
// that died with the app would lose what was typed; the drill opens with it
// on the next run (and hands it in if its time has run out). Handing in
// clears it.

const DRAFT_KEY = "versus.drillDraft";

/**
 * @typedef {object} DrillDraft
 * @property {string} comparisonId
 * @property {number} startedAt ms since the Unix epoch
 * @property {string} answer
 */

/** @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem">} DraftStorage */

/** The webview's storage, or null where it cannot be used. @returns {DraftStorage | null} */
function draftStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage refused: the drill works, without a draft
  }
}

/**
 * The draft kept in `storage`, or null when there is none or it is not one.
 * @param {DraftStorage | null} storage
 * @returns {DrillDraft | null}
 */
export function readDraft(storage) {
  try {
    const raw = JSON.parse(storage?.getItem(DRAFT_KEY) ?? "null");
    if (raw && typeof raw.comparisonId === "string" && raw.comparisonId && Number.isFinite(raw.startedAt) && typeof raw.answer === "string") {
      return { comparisonId: raw.comparisonId, startedAt: raw.startedAt, answer: raw.answer };
    }
  } catch {
    /* unreadable: as if there were none */
  }
  return null;
}

/**
 * Keeps `draft`; a storage that refuses leaves the answer where it is, on screen.
 * @param {DraftStorage | null} storage
 * @param {DrillDraft} draft
 */
export function writeDraft(storage, draft) {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    /* full or refused: the text is still in the answer box */
  }
}

/** @param {DraftStorage | null} storage */
export function clearDraft(storage) {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    /* nothing to clear */
  }
}

/**
 * Whether a drill opened for `routeComparison` ("" for any) at `now` goes on
 * from `draft`. A drill for another comparison starts afresh, and so does one
 * whose time ran out with nothing written: there is nothing to hand in.
 * @param {DrillDraft | null} draft
 * @param {string | undefined} routeComparison
 * @param {number} now
 * @returns {draft is DrillDraft}
 */
export function resumes(draft, routeComparison, now) {
  if (draft === null || (routeComparison && routeComparison !== draft.comparisonId)) return false;
  return draft.answer.trim() !== "" || secondsUsed(draft.startedAt, now) < DRILL_SECONDS;
}

/**
 * Seconds a drill started at `startedAt` has used by `now`, at most the drill's time.
 * @param {number} startedAt
 * @param {number} now
 */
export function secondsUsed(startedAt, now) {
  return Math.max(0, Math.min(DRILL_SECONDS, Math.round((now - startedAt) / 1000)));
}

/**
 * @typedef {object} DrillState
 * @property {HTMLElement} view
 * @property {import('../types/view').ViewContext} ctx
 * @property {ComparisonPage} page
 * @property {number} startedAt ms since the Unix epoch
 * @property {number | null} timer the countdown's interval, while it runs
 * @property {number | null} drillId set once the answer is handed in
 * @property {Promise<void> | null} handingIn
 * @property {HTMLTextAreaElement} answerEl
 * @property {HTMLElement} timerEl
 * @property {string} hash the address the drill is shown at
 * @property {DraftStorage | null} drafts
 * @property {string} anotherHash where "Another comparison" leads
 */

/** @param {ComparisonPage} page */
const questionOf = (page) => `${page.title.replace(/ vs /g, " or ")}? Give the short answer.`;

/** How many of the comparisons drilled last another drill never asks again. */
export const RECENT_AVOIDED = 5;

/**
 * A comparison to drill at random, never the one on screen nor one of the
 * last RECENT_AVOIDED drilled; in a library too small for that, fewer of the
 * recent ones are avoided, so there is always one left to choose.
 * @param {string[]} ids every comparison in the library
 * @param {string | null} onScreen the drill's comparison now, if any
 * @param {string[]} drilled comparisons of past drills, newest first
 * @param {() => number} [random]
 * @returns {string | undefined}
 */
export function pickAnother(ids, onScreen, drilled, random = Math.random) {
  const known = new Set(ids);
  const recent = [...new Set(drilled)].filter((id) => known.has(id) && id !== onScreen).slice(0, RECENT_AVOIDED);
  const avoid = [...(onScreen && known.has(onScreen) ? [onScreen] : []), ...recent].slice(0, Math.max(0, ids.length - 1));
  const choices = ids.filter((id) => !avoid.includes(id));
  return choices[Math.floor(random() * choices.length)];
}

/**
 * What a drill needs to choose another comparison: the library's ids and
 * the comparisons drilled, newest first.
 * @returns {Promise<{ ids: string[], drilled: string[] }>}
 */
async function drillChoices() {
  const [all, drills] = await Promise.all([api.listComparisons(), api.listDrills()]);
  return { ids: all.map((c) => c.id), drilled: drills.map((d) => d.comparisonId) };
}

// --- markup ---------------------------------------------------------------------

/**
 * @param {ComparisonPage} page
 * @param {string} anotherHash where "Another comparison" leads: a drill of a
 *   named other comparison, so the address changes and a new drill starts
 */
function drillMarkup(page, anotherHash) {
  return html`
    <section id="drill" class="drill" data-comparison-id="${page.id}">
      <header class="view-header review-header">
        <div>
          <span class="eyebrow">Interview drill · ${page.category}</span>
          <h1 tabindex="-1">${questionOf(page)}</h1>
        </div>
        <p class="drill-timer" id="drill-timer" role="timer" aria-live="off">${clockText(DRILL_SECONDS)}</p>
      </header>
      <div id="drill-body">
        <label for="drill-answer" class="visually-hidden">Your answer</label>
        <textarea id="drill-answer" class="note-editor drill-answer" rows="8"
          placeholder="Answer as you would in the interview. Ctrl+Enter hands it in."></textarea>
        <div class="button-row">
          <button type="button" id="drill-submit" class="primary">Hand in <kbd>Ctrl</kbd> <kbd>Enter</kbd></button>
          <a href="${anotherHash}" id="drill-another">Another comparison</a>
          <a href="#/drills">Past drills</a>
        </div>
      </div>
    </section>`;
}

/**
 * What was handed in beside what the library says, and the grade buttons.
 * @param {ComparisonPage} page
 * @param {string} answer
 * @param {number} secondsUsed
 * @param {string} anotherHash
 */
function resultMarkup(page, answer, secondsUsed, anotherHash) {
  return html`
      <div class="drill-compare">
        <section class="panel" aria-labelledby="yours"><h2 id="yours">Your answer <span class="muted">(${clockText(secondsUsed)})</span></h2>
          <p class="drill-yours">${answer || "(no answer)"}</p></section>
        <section class="panel" aria-labelledby="tip"><h2 id="tip">Interview tip</h2><p>${page.interviewTip}</p></section>
      </div>
      <div class="drill-compare">
        <section class="panel"><h2>Key Differences</h2><ul>${page.differences.map((d) => html`<li>${d.text}</li>`)}</ul></section>
        <section class="panel"><h2>Tradeoffs</h2><ul>${page.tradeoffs.map((t) => html`<li>${t.text}</li>`)}</ul></section>
      </div>
      <div class="panel">
        <p>How close was your answer? Your grade schedules this comparison's interview card.</p>
        <div class="grade-row" role="group" aria-label="Grade your answer">
          ${GRADES.map((g) => html`<button type="button" class="grade grade-${g.value}" data-grade="${g.value}">${g.label} <kbd>${g.key}</kbd></button>`)}
        </div>
        <p id="drill-status" role="status" aria-live="polite"></p>
        <p><a href="${anotherHash}" id="drill-another-after">Another drill</a> · <a href="#/drills" id="drill-history-link">Past drills</a> ·
          <a href="${buildHash({ name: "comparison", id: page.id })}">Open ${page.title}</a></p>
      </div>`;
}

// --- behaviour ------------------------------------------------------------------

/** The countdown; at zero the answer is handed in. @param {DrillState} s */
function tick(s) {
  // A drill whose render finished after the app had moved on is never shown
  // nor disposed: its clock stops here rather than hand in an empty answer.
  if (!s.timerEl.isConnected) {
    clearInterval(s.timer);
    s.timer = null;
    return;
  }
  const left = DRILL_SECONDS - (Date.now() - s.startedAt) / 1000;
  s.timerEl.textContent = clockText(left);
  s.timerEl.classList.toggle("late", left <= 15);
  if (left <= 0) submit(s);
}

/** Keeps the answer as it stands, and when the drill started, as the draft. @param {DrillState} s */
function keepDraft(s) {
  if (s.drillId !== null) return;
  writeDraft(s.drafts, { comparisonId: s.page.id, startedAt: s.startedAt, answer: s.answerEl.value });
}

/** Hands the answer in (once; a second call waits for the first). @param {DrillState} s */
function submit(s) {
  if (s.drillId !== null) return Promise.resolve();
  s.handingIn ??= handIn(s).finally(() => (s.handingIn = null));
  return s.handingIn;
}

/** @param {DrillState} s */
async function handIn(s) {
  clearInterval(s.timer);
  s.timer = null; // a failed hand-in leaves the clock stopped; the button tries again
  keepDraft(s); // until it is saved: a failed hand-in loses nothing
  const answer = s.answerEl.value;
  const used = secondsUsed(s.startedAt, Date.now());
  const drill = { comparisonId: s.page.id, startedAt: s.startedAt, secondsUsed: used, answer, grade: null };
  const id = await attempt(() => api.saveDrill(drill, studyContext(s.ctx.prefs)), s.ctx.toast, {
    prefix: "Your answer could not be kept: ",
  });
  if (id === undefined) return;
  s.drillId = id;
  clearDraft(s.drafts);
  // Handed in on the way out of the view: what is on screen is another view's.
  if (s.view.dataset.view !== "drill" || location.hash !== s.hash) return;
  s.view.querySelector("#drill-body").innerHTML = resultMarkup(s.page, answer, used, s.anotherHash).markup;
  // Focusing the grade buttons would scroll them up and the answer and the tip
  // out of sight. The page goes back to its top instead: the question, then
  // the answer beside the tip; 1–4 grade from there. (Scrolling the result to
  // the top would leave a sliver of the question cut by the sticky top bar.)
  /** @type {HTMLElement | null} */ (s.view.querySelector(".grade-3"))?.focus({ preventScroll: true });
  window.scrollTo({ top: 0 });
}

/** @param {DrillState} s @param {number} value 1–4 */
async function grade(s, value) {
  if (s.drillId === null) return;
  const graded = await attempt(
    () => api.gradeDrill(s.drillId, value, studyContext(s.ctx.prefs)).then(() => true),
    s.ctx.toast,
    { prefix: "Could not save the grade: " },
  );
  if (!graded) return;
  s.view.querySelector("#drill-status").textContent = `Graded ${GRADES[value - 1].label}. Your answer is in Past drills.`;
  for (const b of s.view.querySelectorAll("button[data-grade]")) {
    b.setAttribute("aria-pressed", String(/** @type {HTMLElement} */ (b).dataset.grade === String(value)));
  }
}

/** Ctrl+Enter hands in. @param {DrillState} s @param {KeyboardEvent} e */
function onAnswerKey(s, e) {
  if (actionFor(e, "drill-answer") === "submit") {
    e.preventDefault();
    submit(s);
  }
}

/** 1–4 grade, once handed in. @param {DrillState} s @param {KeyboardEvent} e */
function onKey(s, e) {
  if (s.drillId !== null && actionFor(e, "drill") === "grade" && !closestTarget(e, "textarea, input")) grade(s, Number(e.key));
}

/**
 * Wires the drill's keys and buttons; answers how to remove the one listener
 * (on the document) that outlives the view's elements.
 * @param {DrillState} s
 */
function listen(s) {
  s.answerEl.addEventListener("keydown", (e) => onAnswerKey(s, e));
  // Kept as typed, not only on blur: a page loaded again (or a crash) keeps it too.
  s.answerEl.addEventListener("input", () => keepDraft(s));
  s.view.querySelector("#drill-submit").addEventListener("click", () => submit(s));
  // On the drill's own element: #view outlives the view, and its listeners with it.
  s.view.querySelector("#drill").addEventListener("click", (e) => {
    const button = closestTarget(e, "button[data-grade]");
    if (button) grade(s, Number(button.dataset.grade));
  });
  const keydown = (/** @type {KeyboardEvent} */ e) => onKey(s, e);
  document.addEventListener("keydown", keydown);
  return () => document.removeEventListener("keydown", keydown);
}

/**
 * The comparison the drill is on, and the draft it goes on from (null: a new drill).
 * @param {import('../router.js').Route} route
 * @param {DraftStorage | null} drafts
 * @param {{ ids: string[], drilled: string[] }} choices
 * @returns {Promise<{ page: ComparisonPage, draft: DrillDraft | null }>}
 */
async function openDrill(route, drafts, choices) {
  const draft = readDraft(drafts);
  if (resumes(draft, route.comparison, Date.now())) {
    try {
      return { page: await api.getComparison(draft.comparisonId), draft };
    } catch (err) {
      // Its comparison has left the library: the answer cannot be kept against it.
      if (!isGone(err)) throw err;
      clearDraft(drafts);
    }
  }
  // "Start a drill" names no comparison: it never repeats one just drilled.
  const id = route.comparison || pickAnother(choices.ids, null, choices.drilled);
  return { page: await api.getComparison(id), draft: null };
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const drafts = draftStorage();
  const choices = await drillChoices();
  const { page, draft } = await openDrill(route, drafts, choices);
  const another = pickAnother(choices.ids, page.id, choices.drilled);
  const anotherHash = another ? buildHash({ name: "drill", comparison: another }) : "#/drill";
  view.innerHTML = drillMarkup(page, anotherHash).markup;
  /** @type {DrillState} */
  const s = {
    view,
    ctx,
    page,
    startedAt: draft?.startedAt ?? Date.now(),
    timer: null,
    drillId: null,
    handingIn: null,
    answerEl: view.querySelector("#drill-answer"),
    timerEl: view.querySelector("#drill-timer"),
    hash: location.hash,
    drafts,
    anotherHash,
  };
  if (draft) {
    s.answerEl.value = draft.answer;
    s.answerEl.setSelectionRange(draft.answer.length, draft.answer.length); // typing goes on at its end
  }
  s.timer = setInterval(() => tick(s), 250);
  tick(s); // a draft whose time has run out is handed in at once
  const unlisten = listen(s);
  return {
    focusTarget: s.answerEl,
    // Before navigation the address is already the next view's: leaving hands
    // the answer in as it stands, as a drill always did. On blur, hide or close
    // the address is still this drill's: the answer is kept as the draft, the
    // drill keeps running.
    flush: async () => {
      if (s.drillId !== null) return;
      if (location.hash === s.hash) return keepDraft(s);
      if (s.answerEl.value.trim()) await submit(s);
      else clearDraft(s.drafts);
    },
    dispose: () => {
      clearInterval(s.timer);
      unlisten();
    },
  };
}

// The interview drill: two minutes to give the short answer, then the
// interview tip, differences and tradeoffs beside what you wrote.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { closestTarget, html } from "../dom.js";
import { buildHash } from "../router.js";
import { GRADES, clockText, studyContext } from "../study.js";

/** @typedef {import('../types/api').ComparisonPage} ComparisonPage */

export const DRILL_SECONDS = 120;

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
 */

/** @param {ComparisonPage} page */
const questionOf = (page) => `${page.title.replace(/ vs /g, " or ")}? Give the short answer.`;

/** The comparison asked for, or one at random. @param {import('../router.js').Route} route */
async function pickComparison(route) {
  if (route.comparison) return route.comparison;
  const all = await api.listComparisons();
  return all[Math.floor(Math.random() * all.length)]?.id;
}

// --- markup ---------------------------------------------------------------------

/** @param {ComparisonPage} page */
function drillMarkup(page) {
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
          <a href="${buildHash({ name: "drill" })}" id="drill-another">Another comparison</a>
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
 */
function resultMarkup(page, answer, secondsUsed) {
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
        <p><a href="${buildHash({ name: "drill" })}">Another drill</a> · <a href="#/drills" id="drill-history-link">Past drills</a> ·
          <a href="${buildHash({ name: "comparison", id: page.id })}">Open ${page.title}</a></p>
      </div>`;
}

// --- behaviour ------------------------------------------------------------------

/** The countdown; at zero the answer is handed in. @param {DrillState} s */
function tick(s) {
  const left = DRILL_SECONDS - (Date.now() - s.startedAt) / 1000;
  s.timerEl.textContent = clockText(left);
  s.timerEl.classList.toggle("late", left <= 15);
  if (left <= 0) submit(s);
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
  const answer = s.answerEl.value;
  const secondsUsed = Math.min(DRILL_SECONDS, Math.round((Date.now() - s.startedAt) / 1000));
  const drill = { comparisonId: s.page.id, startedAt: s.startedAt, secondsUsed, answer, grade: null };
  const id = await attempt(() => api.saveDrill(drill, studyContext(s.ctx.prefs)), s.ctx.toast, {
    prefix: "Your answer could not be kept: ",
  });
  if (id === undefined) return;
  s.drillId = id;
  s.view.querySelector("#drill-body").innerHTML = resultMarkup(s.page, answer, secondsUsed).markup;
  /** @type {HTMLElement | null} */ (s.view.querySelector(".grade-3"))?.focus();
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
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit(s);
  }
}

/** 1–4 grade, once handed in. @param {DrillState} s @param {KeyboardEvent} e */
function onKey(s, e) {
  if (s.drillId !== null && /^[1-4]$/.test(e.key) && !closestTarget(e, "textarea, input")) grade(s, Number(e.key));
}

/**
 * Wires the drill's keys and buttons; answers how to remove the one listener
 * (on the document) that outlives the view's elements.
 * @param {DrillState} s
 */
function listen(s) {
  s.answerEl.addEventListener("keydown", (e) => onAnswerKey(s, e));
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

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const page = await api.getComparison(await pickComparison(route));
  view.innerHTML = drillMarkup(page).markup;
  /** @type {DrillState} */
  const s = {
    view,
    ctx,
    page,
    startedAt: Date.now(),
    timer: null,
    drillId: null,
    handingIn: null,
    answerEl: view.querySelector("#drill-answer"),
    timerEl: view.querySelector("#drill-timer"),
  };
  s.timer = setInterval(() => tick(s), 250);
  const unlisten = listen(s);
  return {
    focusTarget: s.answerEl,
    // What was written is kept: handed in as it stands.
    flush: async () => {
      if (s.drillId === null && s.answerEl.value.trim()) await submit(s);
    },
    dispose: () => {
      clearInterval(s.timer);
      unlisten();
    },
  };
}

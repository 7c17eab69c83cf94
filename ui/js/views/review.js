// A review session: the front, Space to reveal, 1–4 to grade (each button
// says the interval it gives), Ctrl+Z to walk back grades and suspensions.
// A scenario card ("which would you pick?") is answered instead: 1–6 picks,
// graded by whether the pick was right. #/practice is the same session with
// scenario cards only (of a scope, or of a pair the learner confuses).

import * as api from "../api.js";
import { attempt, isGone } from "../actions.js";
import { closestTarget, html, trusted } from "../dom.js";
import { actionFor } from "../keys.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";
import { GRADES, createReviewSession, intervalText, studyContext } from "../study.js";
import { scenarioBody } from "./scenario.js";

/** @typedef {import('../types/api').CardFace} CardFace */
/** @typedef {import('../types/api').GradePreview} GradePreview */
/** @typedef {import('../types/api').PracticeAnswer} PracticeAnswer */
/** @typedef {import('../types/api').Scope} Scope */
/** @typedef {import('../router.js').Route} Route */

/**
 * @typedef {object} ReviewState
 * @property {import('../types/view').ViewContext} ctx
 * @property {ReturnType<typeof createReviewSession<CardFace>>} session
 * @property {HTMLElement} cardEl
 * @property {HTMLElement} remainingEl
 * @property {boolean} busy a command is running: keys wait for it
 * @property {boolean} showNotes
 * @property {GradePreview | null} preview what each grade would do to the current card
 * @property {Route} route
 * @property {number} heldBack new cards of this scope the daily limit left for another day
 * @property {boolean} practice #/practice: scenario cards only
 * @property {{ card: CardFace, result: PracticeAnswer } | null} answered the scenario just answered, shown until Next
 * @property {boolean} easy the learner marked the current scenario easy before choosing
 * @property {boolean} cram a cram session: answers are kept apart and change no schedule
 */

/** @param {Route} route @returns {Scope} */
function scopeOf(route) {
  if (route.comparison) return { kind: "comparison", value: route.comparison };
  if (route.category) return { kind: "category", value: route.category };
  return { kind: "all" };
}

/** @param {Route} route @param {CardFace[]} cards */
function scopeLabel(route, cards) {
  if (route.cram) return `Cram: ${route.comparison ? cards[0]?.comparisonTitle ?? "this comparison" : route.category}, no schedule changed`;
  if (route.pair) return "A pair you confuse";
  if (route.gap) return "Weakest on interview day";
  return route.comparison ? cards[0]?.comparisonTitle ?? "This comparison" : route.category || "All comparisons";
}

/** The two subject keys of a `pair` route, or null. @param {Route} route */
function pairOf(route) {
  const keys = (route.pair ?? "").split("~");
  return keys.length === 2 && keys[0] && keys[1] ? /** @type {[string, string]} */ (keys) : null;
}

// --- markup ---------------------------------------------------------------------

/** @param {string} label @param {boolean} practice */
function sessionMarkup(label, practice) {
  return html`
    <section id="review" class="review" data-mode="${practice ? "practice" : "review"}">
      <header class="view-header review-header">
        <div>
          <span class="eyebrow">${practice ? "Practice" : "Review"} · ${label}</span>
          <h1 tabindex="-1">${practice ? "Which would you pick?" : "Today's recall"}</h1>
        </div>
        <p id="review-remaining" class="review-count" aria-live="polite"></p>
      </header>
      <div id="review-card"></div>
      <p class="muted review-keys"><kbd>Space</kbd> show the answer · <kbd>1</kbd>–<kbd>4</kbd> grade ·
        <kbd>n</kbd> your notes (with the answer) · <kbd>Ctrl</kbd> <kbd>Z</kbd> undo, step by step · <kbd>s</kbd> suspend this card.
        Scenarios: <kbd>1</kbd>–<kbd>6</kbd> pick, <kbd>e</kbd> mark easy first, <kbd>Space</kbd> next</p>
    </section>`;
}

/**
 * @param {number} reviewed
 * @param {number} newPerDay
 * @param {Route} route
 * @param {number} heldBack new cards of a comparison or category left for another day by the limit
 */
function doneMarkup(reviewed, newPerDay, route, heldBack) {
  const scoped = Boolean(route.comparison || route.category);
  const more =
    scoped && heldBack && !route.more
      ? html`<p><a class="button" id="review-more" href="${buildHash({ ...route, more: "1" })}">Study ${count(heldBack, "more new card")} from ${route.comparison ? "this comparison" : "this category"}</a>
          <span class="muted">past today's limit of ${newPerDay}</span></p>`
      : "";
  const practice = route.name === "practice";
  if (route.cram) {
    return html`<div class="panel empty-state review-done">
        <h2>${reviewed ? "Crammed" : "Nothing to cram"}</h2>
        <p>${reviewed ? `You went through ${count(reviewed, "card")}. ` : ""}No schedule changed: each card still comes back when FSRS said it would.</p>
        <p><a href="#/">Back to the dashboard</a></p></div>`;
  }
  const what = practice ? "practise" : "review";
  return html`<div class="panel empty-state review-done">
        <h2>${reviewed ? "All done for now" : `Nothing to ${what} right now`}</h2>
        <p>${reviewed ? `You answered ${count(reviewed, "card")}. ` : ""}New cards arrive each day (${newPerDay} a day, set in Settings); answered ones come back when FSRS says they are due.</p>
        ${more}
        <p><a href="#/">Back to the dashboard</a> · ${practice ? html`<a href="#/confusions">The pairs you confuse</a>` : html`<a href="#/drill">Try an interview drill</a>`}</p></div>`;
}

/**
 * The learner's notes on what the card asks about, rendered from Markdown.
 * @param {CardFace} card
 */
async function notesMarkup(card) {
  if (!card.notes.length) return html`<p class="muted">No notes of yours on this yet.</p>`;
  let reason = "";
  const rendered = await attempt(
    () => Promise.all(card.notes.map((note) => api.renderMarkdown(note.body))),
    (message) => (reason = message),
  );
  if (!rendered) return html`<p class="muted">Your notes could not be shown: ${reason}</p>`;
  // Each note says which item it is on: a list card gathers several.
  return html`${rendered.map(
    (markup, i) => html`<h4 class="note-place">${card.notes[i].place}</h4><div class="note-preview markdown">${trusted(markup)}</div>`,
  )}`;
}

/**
 * @param {CardFace} card
 * @param {import('../dom.js').Markup | ""} notes the notes when shown, else ""
 * @param {GradePreview | null} preview the interval each grade gives, when known
 */
function answerMarkup(card, notes, preview) {
  /** @param {number} value */
  const interval = (value) => {
    const days = preview ? [preview.again, preview.hard, preview.good, preview.easy][value - 1] : NaN;
    const text = intervalText(days);
    return text ? html` <span class="grade-interval">· ${text}</span>` : "";
  };
  return html`<div class="review-answer" id="review-answer">
          <h3>Answer</h3>
          ${card.answer.length > 1 && card.kind === "recall_list"
            ? html`<ol>${card.answer.map((line) => html`<li>${line}</li>`)}</ol>`
            : html`${card.answer.map((line) => html`<p>${line}</p>`)}`}
          ${notes ? html`<div class="review-notes"><h3>Your notes</h3>${notes}</div>` : ""}
          <div class="grade-row" role="group" aria-label="How well did you recall it?">
            ${GRADES.map((g) => html`<button type="button" class="grade grade-${g.value}" data-grade="${g.value}">${g.label}${interval(g.value)} <kbd>${g.key}</kbd></button>`)}
          </div>
        </div>`;
}

/** Where the card comes from: the item itself when it is one, else the comparison. @param {CardFace} card */
function sourceHash(card) {
  const onItem = card.kind === "which_one" || card.kind === "interview" || card.kind === "grid";
  return buildHash({ name: "comparison", id: card.comparisonId, target: onItem ? { section: card.section, itemId: card.itemId } : undefined });
}

/**
 * @param {CardFace} card
 * @param {import('../dom.js').Markup} body the front and the answer, or the button that shows it
 */
function cardMarkup(card, body) {
  return html`<article class="panel review-card" data-card-id="${card.id}" data-kind="${card.kind}">
        <span class="eyebrow">${card.prompt}</span>
        <p class="review-from"><a href="${sourceHash(card)}">${card.comparisonTitle}</a> · ${card.category}</p>
        ${body}
      </article>`;
}

const REVEAL_BUTTON = html`<button type="button" id="reveal" class="primary">Show the answer <kbd>Space</kbd></button>`;

// --- behaviour ------------------------------------------------------------------

/** @param {ReviewState} s */
function paintCount(s) {
  const { session } = s;
  s.remainingEl.dataset.count = String(session.remaining);
  s.remainingEl.textContent = session.remaining
    ? `${session.remaining} left · ${session.reviewed} done`
    : `${session.reviewed} done`;
}

/** Shows the count and the current card (or the end of the session). @param {ReviewState} s */
async function paint(s) {
  const { session } = s;
  paintCount(s);
  if (s.answered) return paintAnswered(s);
  const card = session.current;
  if (!card) {
    s.cardEl.innerHTML = doneMarkup(session.reviewed, s.ctx.prefs.get("newPerDay"), s.route, s.heldBack).markup;
    return;
  }
  if (card.kind === "scenario") {
    s.cardEl.innerHTML = cardMarkup(card, scenarioBody(card, { result: null, easy: s.easy, noteHtml: null })).markup;
    /** @type {HTMLElement | null} */ (s.cardEl.querySelector(".choice"))?.focus();
    return;
  }
  const notes = session.revealed && s.showNotes ? await notesMarkup(card) : "";
  const answer = session.revealed ? answerMarkup(card, notes, s.preview) : REVEAL_BUTTON;
  s.cardEl.innerHTML = cardMarkup(card, html`<p class="review-front">${card.front}</p>${answer}`).markup;
  /** @type {HTMLElement | null} */ (s.cardEl.querySelector("#reveal") ?? s.cardEl.querySelector(".grade-3"))?.focus();
}

/** The scenario just answered, with its result, until Next. @param {ReviewState} s */
async function paintAnswered(s) {
  const answered = s.answered;
  if (!answered) return;
  const { card, result } = answered;
  const noteHtml = s.showNotes && result.note ? await api.renderMarkdown(result.note).catch(() => null) : null;
  s.cardEl.innerHTML = cardMarkup(card, scenarioBody(card, { result, easy: s.easy, noteHtml })).markup;
  /** @type {HTMLElement | null} */ (s.cardEl.querySelector("#practice-next"))?.focus();
}

/**
 * Answers the current scenario with its `index`th choice (1-based).
 * @param {ReviewState} s
 * @param {number} index
 */
function choose(s, index) {
  const card = s.session.current;
  const choice = card?.choices[index - 1];
  if (!card || card.kind !== "scenario" || !choice || s.answered) return;
  return exclusive(s, () =>
    attempt(
      async () => {
        const result = s.cram
          ? await api.cramScenario(card.id, choice.key, studyContext(s.ctx.prefs))
          : await api.answerScenario(card.id, choice.key, s.easy, studyContext(s.ctx.prefs));
        s.session.graded();
        s.answered = { card, result };
        s.showNotes = false;
        paintCount(s);
        await paintAnswered(s);
      },
      s.ctx.toast,
      { prefix: "Could not save the answer: ", onError: (error) => dropIfGone(s, error) },
    ),
  );
}

/** On from an answered scenario to the next card. @param {ReviewState} s */
function next(s) {
  if (!s.answered) return;
  s.answered = null;
  s.easy = false;
  s.showNotes = false;
  return paint(s);
}

/**
 * Runs one command at a time: a key pressed while one runs is dropped.
 * @param {ReviewState} s
 * @param {() => Promise<unknown>} work
 */
async function exclusive(s, work) {
  if (s.busy) return;
  s.busy = true;
  try {
    await work();
  } finally {
    s.busy = false;
  }
}

/**
 * A card that is gone from the library leaves the session; the next one shows.
 * @param {ReviewState} s
 * @param {import('../actions.js').Failure} error
 */
function dropIfGone(s, error) {
  if (!isGone(error)) return;
  s.session.skip();
  s.ctx.toast("This card is no longer in your library; on to the next one.");
  paint(s);
}

/** @param {ReviewState} s @param {boolean} [withNotes] */
async function reveal(s, withNotes = s.showNotes) {
  s.showNotes = withNotes;
  const card = s.session.current;
  if (card && !s.session.revealed && !s.cram) {
    // The buttons work without it; a failed preview only leaves out the intervals.
    s.preview = await api.previewGrades(card.id, studyContext(s.ctx.prefs)).catch(() => null);
  }
  s.session.reveal();
  return paint(s);
}

/** @param {ReviewState} s @param {number} value 1–4 */
function grade(s, value) {
  const card = s.session.current;
  if (!card || !s.session.revealed) return;
  return exclusive(s, () =>
    attempt(
      async () => {
        if (s.cram) await api.cramAnswer(card.id, value, studyContext(s.ctx.prefs));
        else await api.gradeCard(card.id, value, studyContext(s.ctx.prefs));
        s.session.graded();
        s.showNotes = false;
        await paint(s);
      },
      s.ctx.toast,
      { prefix: "Could not save the grade: ", onError: (error) => dropIfGone(s, error) },
    ),
  );
}

/** @param {ReviewState} s */
function undo(s) {
  return exclusive(s, () =>
    attempt(
      async () => {
        if (!s.session.canUndo) return s.ctx.toast("Nothing to undo in this session.");
        const step = await api.undoReview();
        if (!step) return s.ctx.toast("Nothing to undo.");
        s.session.undone(step.card);
        s.answered = null;
        s.easy = false;
        s.preview = null;
        s.ctx.toast(
          step.action === "suspend"
            ? "Undone: the card is no longer suspended."
            : step.action === "cram"
              ? "Undone: that cram answer is forgotten."
              : "Undone: the card is back as it was.",
        );
        await paint(s);
      },
      s.ctx.toast,
      { prefix: "Could not undo: " },
    ),
  );
}

/** @param {ReviewState} s */
function suspend(s) {
  const card = s.session.current;
  if (!card || s.answered) return;
  return exclusive(s, () =>
    attempt(
      async () => {
        await api.suspendCard(card.id, true);
        s.session.suspended();
        s.ctx.toast("Suspended: it will not come back. Ctrl+Z brings it back.");
        await paint(s);
      },
      s.ctx.toast,
      { prefix: "Could not suspend the card: ", onError: (error) => dropIfGone(s, error) },
    ),
  );
}

/** @param {ReviewState} s @param {KeyboardEvent} e */
function onKey(s, e) {
  if (closestTarget(e, "input, textarea, select, dialog[open]")) return;
  const { session } = s;
  const scenario = Boolean(s.answered) || session.current?.kind === "scenario";
  if (scenario) return onPracticeKey(s, e, actionFor(e, "practice"));
  const action = actionFor(e, "review");
  if (action === "undo") {
    e.preventDefault();
    undo(s);
  } else if (action === "reveal" && session.current && !session.revealed) {
    e.preventDefault();
    reveal(s);
  } else if (action === "grade" && session.revealed) {
    e.preventDefault();
    grade(s, Number(e.key));
  } else if (action === "notes" && session.current) {
    e.preventDefault();
    // Notes often hold the answer: they show with it, never before it.
    if (session.revealed) reveal(s, !s.showNotes);
    else s.ctx.toast("Your notes show with the answer: press Space first.");
  } else if (action === "suspend" && session.current) {
    e.preventDefault();
    suspend(s);
  }
}

/**
 * The keys of a scenario card, before and after its answer.
 * @param {ReviewState} s
 * @param {KeyboardEvent} e
 * @param {string | null} action
 */
function onPracticeKey(s, e, action) {
  // Enter on a focused choice is a click on it until there is an answer to move on from.
  if (!action || (action === "next" && !s.answered)) return;
  e.preventDefault();
  if (action === "undo") undo(s);
  else if (action === "choose") choose(s, Number(e.key));
  else if (action === "next") next(s);
  else if (action === "suspend") suspend(s);
  else if (action === "easy" && !s.answered) {
    s.easy = !s.easy;
    const box = /** @type {HTMLInputElement | null} */ (s.cardEl.querySelector("#practice-easy"));
    if (box) box.checked = s.easy;
  } else if (action === "notes") {
    if (!s.answered) return s.ctx.toast("Your note shows with the answer: pick one first.");
    s.showNotes = !s.showNotes;
    paintAnswered(s);
  }
}

/** @param {ReviewState} s @param {MouseEvent} e */
async function onCardClick(s, e) {
  const choice = closestTarget(e, "button.choice");
  if (choice) return choose(s, Number(choice.dataset.index));
  if (closestTarget(e, "#practice-next")) return next(s);
  const easy = /** @type {HTMLInputElement | null} */ (closestTarget(e, "#practice-easy"));
  if (easy) {
    s.easy = easy.checked;
    return;
  }
  if (closestTarget(e, "#reveal")) await reveal(s);
  const button = closestTarget(e, "button[data-grade]");
  if (button) await grade(s, Number(button.dataset.grade));
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const scope = scopeOf(route);
  const pastLimit = route.more === "1" && scope.kind !== "all";
  const newCards = pastLimit ? "past_daily_limit" : "within_daily_limit";
  const practice = route.name === "practice";
  const pair = practice ? pairOf(route) : null;
  const gapDate = route.gap === "1" ? ctx.prefs.get("interviewDate") : "";
  const cram = route.cram === "1" && scope.kind !== "all";
  const queue = cram
    ? await api.cramQueue(scope, studyContext(ctx.prefs))
    : pair
    ? await api.pairPractice(pair[0], pair[1])
    : gapDate
      ? await api.gapSession(gapDate, studyContext(ctx.prefs))
      : practice
      ? await api.practiceQueue(scope, studyContext(ctx.prefs), newCards)
      : await api.reviewQueue(scope, studyContext(ctx.prefs), newCards);
  view.innerHTML = sessionMarkup(scopeLabel(route, queue.cards), practice).markup;
  /** @type {ReviewState} */
  const s = {
    ctx,
    session: createReviewSession(queue.cards),
    cardEl: view.querySelector("#review-card"),
    remainingEl: view.querySelector("#review-remaining"),
    busy: false,
    showNotes: false,
    preview: null,
    route,
    heldBack: queue.newHeldBack,
    practice,
    answered: null,
    easy: false,
    cram,
  };
  const keydown = (/** @type {KeyboardEvent} */ e) => onKey(s, e);
  document.addEventListener("keydown", keydown);
  s.cardEl.addEventListener("click", (e) => onCardClick(s, e));
  await paint(s);
  return {
    focusTarget: view.querySelector("#reveal") ?? view.querySelector(".choice") ?? view.querySelector("h1"),
    dispose: () => document.removeEventListener("keydown", keydown),
  };
}

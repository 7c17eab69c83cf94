// A review session: the front, Space to reveal, 1–4 to grade (each button
// says the interval it gives), Ctrl+Z to walk back grades and suspensions.

import * as api from "../api.js";
import { attempt, isGone } from "../actions.js";
import { closestTarget, html, trusted } from "../dom.js";
import { actionFor } from "../keys.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";
import { GRADES, createReviewSession, intervalText, studyContext } from "../study.js";

/** @typedef {import('../types/api').CardFace} CardFace */
/** @typedef {import('../types/api').GradePreview} GradePreview */
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
 */

/** @param {Route} route @returns {Scope} */
function scopeOf(route) {
  if (route.comparison) return { kind: "comparison", value: route.comparison };
  if (route.category) return { kind: "category", value: route.category };
  return { kind: "all" };
}

/** @param {Route} route @param {CardFace[]} cards */
function scopeLabel(route, cards) {
  return route.comparison ? cards[0]?.comparisonTitle ?? "This comparison" : route.category || "All comparisons";
}

// --- markup ---------------------------------------------------------------------

/** @param {string} label */
function sessionMarkup(label) {
  return html`
    <section id="review" class="review">
      <header class="view-header review-header">
        <div>
          <span class="eyebrow">Review · ${label}</span>
          <h1 tabindex="-1">Today's recall</h1>
        </div>
        <p id="review-remaining" class="review-count" aria-live="polite"></p>
      </header>
      <div id="review-card"></div>
      <p class="muted review-keys"><kbd>Space</kbd> show the answer · <kbd>1</kbd>–<kbd>4</kbd> grade ·
        <kbd>n</kbd> your notes (with the answer) · <kbd>Ctrl</kbd> <kbd>Z</kbd> undo, step by step · <kbd>s</kbd> suspend this card</p>
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
      ? html`<p><a class="button" id="review-more" href="${buildHash({ ...route, name: "review", more: "1" })}">Study ${count(heldBack, "more new card")} from ${route.comparison ? "this comparison" : "this category"}</a>
          <span class="muted">past today's limit of ${newPerDay}</span></p>`
      : "";
  return html`<div class="panel empty-state review-done">
        <h2>${reviewed ? "All done for now" : "Nothing to review right now"}</h2>
        <p>${reviewed ? `You reviewed ${count(reviewed, "card")}. ` : ""}New cards arrive each day (${newPerDay} a day, set in Settings); reviewed ones come back when FSRS says they are due.</p>
        ${more}
        <p><a href="#/">Back to the dashboard</a> · <a href="#/drill">Try an interview drill</a></p></div>`;
}

/**
 * The learner's notes on what the card asks about, rendered from Markdown.
 * @param {CardFace} card
 */
async function notesMarkup(card) {
  if (!card.notes.length) return html`<p class="muted">No notes of yours on this yet.</p>`;
  let reason = "";
  const rendered = await attempt(
    () => Promise.all(card.notes.map((text) => api.renderMarkdown(text))),
    (message) => (reason = message),
  );
  if (!rendered) return html`<p class="muted">Your notes could not be shown: ${reason}</p>`;
  return html`${rendered.map((markup) => html`<div class="note-preview markdown">${trusted(markup)}</div>`)}`;
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
 * @param {import('../dom.js').Markup} answer the answer, or the button that shows it
 */
function cardMarkup(card, answer) {
  return html`<article class="panel review-card" data-card-id="${card.id}" data-kind="${card.kind}">
        <span class="eyebrow">${card.prompt}</span>
        <p class="review-from"><a href="${sourceHash(card)}">${card.comparisonTitle}</a> · ${card.category}</p>
        <p class="review-front">${card.front}</p>
        ${answer}
      </article>`;
}

const REVEAL_BUTTON = html`<button type="button" id="reveal" class="primary">Show the answer <kbd>Space</kbd></button>`;

// --- behaviour ------------------------------------------------------------------

/** Shows the count and the current card (or the end of the session). @param {ReviewState} s */
async function paint(s) {
  const { session } = s;
  s.remainingEl.dataset.count = String(session.remaining);
  s.remainingEl.textContent = session.remaining
    ? `${session.remaining} left · ${session.reviewed} done`
    : `${session.reviewed} done`;
  const card = session.current;
  if (!card) {
    s.cardEl.innerHTML = doneMarkup(session.reviewed, s.ctx.prefs.get("newPerDay"), s.route, s.heldBack).markup;
    return;
  }
  const notes = session.revealed && s.showNotes ? await notesMarkup(card) : "";
  const answer = session.revealed ? answerMarkup(card, notes, s.preview) : REVEAL_BUTTON;
  s.cardEl.innerHTML = cardMarkup(card, answer).markup;
  /** @type {HTMLElement | null} */ (s.cardEl.querySelector("#reveal") ?? s.cardEl.querySelector(".grade-3"))?.focus();
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
  if (card && !s.session.revealed) {
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
        await api.gradeCard(card.id, value, studyContext(s.ctx.prefs));
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
        s.preview = null;
        s.ctx.toast(step.action === "suspend" ? "Undone: the card is no longer suspended." : "Undone: the card is back as it was.");
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
  if (!card) return;
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

/** @param {ReviewState} s @param {MouseEvent} e */
async function onCardClick(s, e) {
  if (closestTarget(e, "#reveal")) await reveal(s);
  const button = closestTarget(e, "button[data-grade]");
  if (button) await grade(s, Number(button.dataset.grade));
}

/** @type {import('../types/view').RenderView} */
export async function render(view, route, ctx) {
  const scope = scopeOf(route);
  const pastLimit = route.more === "1" && scope.kind !== "all";
  const queue = await api.reviewQueue(scope, studyContext(ctx.prefs), pastLimit ? "past_daily_limit" : "within_daily_limit");
  view.innerHTML = sessionMarkup(scopeLabel(route, queue.cards)).markup;
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
  };
  const keydown = (/** @type {KeyboardEvent} */ e) => onKey(s, e);
  document.addEventListener("keydown", keydown);
  s.cardEl.addEventListener("click", (e) => onCardClick(s, e));
  await paint(s);
  return {
    focusTarget: view.querySelector("#reveal") ?? view.querySelector("h1"),
    dispose: () => document.removeEventListener("keydown", keydown),
  };
}

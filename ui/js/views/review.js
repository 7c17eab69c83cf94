// A review session: the front, Space to reveal, 1–4 to grade, Ctrl+Z to undo.

import { call } from "../api.js";
import { html, trusted } from "../dom.js";
import { buildHash } from "../router.js";
import { GRADES, createReviewSession, studyContext } from "../study.js";

function scopeOf(route) {
  if (route.comparison) return { kind: "comparison", value: route.comparison };
  if (route.category) return { kind: "category", value: route.category };
  return { kind: "all" };
}

export async function render(view, route, ctx) {
  const context = () => studyContext(ctx.prefs);
  const queue = await call("review_queue", { scope: scopeOf(route), context: context() });
  const session = createReviewSession(queue.cards);
  const scopeLabel = route.comparison
    ? queue.cards[0]?.comparisonTitle ?? "This comparison"
    : route.category || "All comparisons";
  let busy = false;
  let showNotes = false;

  view.innerHTML = html`
    <section id="review" class="review">
      <header class="view-header review-header">
        <div>
          <span class="eyebrow">Review · ${scopeLabel}</span>
          <h1 tabindex="-1">Today's recall</h1>
        </div>
        <p id="review-remaining" class="review-count" aria-live="polite"></p>
      </header>
      <div id="review-card"></div>
      <p class="muted review-keys"><kbd>Space</kbd> show the answer · <kbd>1</kbd>–<kbd>4</kbd> grade ·
        <kbd>n</kbd> your notes · <kbd>Ctrl</kbd> <kbd>Z</kbd> undo the last grade · <kbd>s</kbd> suspend this card</p>
    </section>`.markup;
  const cardEl = view.querySelector("#review-card");
  const remainingEl = view.querySelector("#review-remaining");

  async function notesHtml(card) {
    if (!card.notes.length) return html`<p class="muted">No notes of yours on this yet.</p>`;
    const rendered = await Promise.all(card.notes.map((text) => call("render_markdown", { text })));
    return html`${rendered.map((markup) => html`<div class="note-preview markdown">${trusted(markup)}</div>`)}`;
  }

  async function paint() {
    remainingEl.dataset.count = String(session.remaining);
    remainingEl.textContent = session.remaining
      ? `${session.remaining} left · ${session.reviewed} done`
      : `${session.reviewed} done`;
    const card = session.current;
    if (!card) {
      cardEl.innerHTML = html`<div class="panel empty-state review-done">
        <h2>${session.reviewed ? "All done for now" : "Nothing to review right now"}</h2>
        <p>${session.reviewed ? `You reviewed ${session.reviewed} cards. ` : ""}New cards arrive each day (${ctx.prefs.get("newPerDay")} a day, set in Settings); reviewed ones come back when FSRS says they are due.</p>
        <p><a href="#/">Back to the dashboard</a> · <a href="#/drill">Try an interview drill</a></p></div>`.markup;
      return;
    }
    const answer = session.revealed
      ? html`<div class="review-answer" id="review-answer">
          <h3>Answer</h3>
          ${card.answer.length > 1 && card.kind === "recall_list"
            ? html`<ol>${card.answer.map((line) => html`<li>${line}</li>`)}</ol>`
            : html`${card.answer.map((line) => html`<p>${line}</p>`)}`}
          ${showNotes ? html`<div class="review-notes"><h3>Your notes</h3>${await notesHtml(card)}</div>` : ""}
          <div class="grade-row" role="group" aria-label="How well did you recall it?">
            ${GRADES.map((g) => html`<button type="button" class="grade grade-${g.value}" data-grade="${g.value}">${g.label} <kbd>${g.key}</kbd></button>`)}
          </div>
        </div>`
      : html`<button type="button" id="reveal" class="primary">Show the answer <kbd>Space</kbd></button>`;
    cardEl.innerHTML = html`<article class="panel review-card" data-card-id="${card.id}" data-kind="${card.kind}">
        <span class="eyebrow">${card.prompt}</span>
        <p class="review-from"><a href="${buildHash({ name: "comparison", id: card.comparisonId, target: card.kind === "which_one" || card.kind === "interview" ? { section: card.section, itemId: card.itemId } : undefined })}">${card.comparisonTitle}</a> · ${card.category}</p>
        <p class="review-front">${card.front}</p>
        ${answer}
      </article>`.markup;
    (cardEl.querySelector("#reveal") ?? cardEl.querySelector(".grade-3"))?.focus();
  }

  async function grade(value) {
    const card = session.current;
    if (!card || !session.revealed || busy) return;
    busy = true;
    try {
      await call("grade_card", { cardId: card.id, grade: value, context: context() });
      session.graded();
      showNotes = false;
      await paint();
    } catch (err) {
      ctx.toast(`Could not save the grade: ${err.message}`);
    } finally {
      busy = false;
    }
  }

  async function undo() {
    if (busy) return;
    busy = true;
    try {
      const card = await call("undo_review");
      if (card) {
        session.undone(card);
        ctx.toast("Undone: the card is back as it was.");
        await paint();
      } else {
        ctx.toast("Nothing to undo.");
      }
    } finally {
      busy = false;
    }
  }

  async function suspend() {
    const card = session.current;
    if (!card || busy) return;
    await call("suspend_card", { cardId: card.id, suspended: true });
    session.skip();
    ctx.toast("Suspended: this card will not come back.");
    await paint();
  }

  const onKey = async (e) => {
    if (e.target.closest?.("input, textarea, select, dialog[open]")) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === "z" || e.key === "Z")) {
      e.preventDefault();
      await undo();
    } else if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    } else if (e.key === " " && session.current && !session.revealed) {
      e.preventDefault();
      session.reveal();
      await paint();
    } else if (/^[1-4]$/.test(e.key) && session.revealed) {
      e.preventDefault();
      await grade(Number(e.key));
    } else if (e.key === "n" && session.current) {
      e.preventDefault();
      showNotes = !showNotes;
      session.reveal();
      await paint();
    } else if (e.key === "s" && session.current) {
      e.preventDefault();
      await suspend();
    }
  };
  document.addEventListener("keydown", onKey);
  cardEl.addEventListener("click", async (e) => {
    if (e.target.closest("#reveal")) {
      session.reveal();
      await paint();
    }
    const button = e.target.closest("button[data-grade]");
    if (button) await grade(Number(button.dataset.grade));
  });

  await paint();
  return {
    focusTarget: view.querySelector("#reveal") ?? view.querySelector("h1"),
    async leave() {
      document.removeEventListener("keydown", onKey);
    },
  };
}

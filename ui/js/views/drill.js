// The interview drill: two minutes to give the short answer, then the
// interview tip, differences and tradeoffs beside what you wrote.

import { call } from "../api.js";
import { html } from "../dom.js";
import { buildHash } from "../router.js";
import { GRADES, clockText, studyContext } from "../study.js";

export const DRILL_SECONDS = 120;

export async function render(view, route, ctx) {
  let id = route.comparison;
  if (!id) {
    const all = await call("list_comparisons");
    id = all[Math.floor(Math.random() * all.length)]?.id;
  }
  const page = await call("get_comparison", { id });
  const question = `${page.title.replace(/ vs /g, " or ")}? Give the short answer.`;
  const startedAt = Date.now();
  let timer = null;
  let drillId = null;

  view.innerHTML = html`
    <section id="drill" class="drill" data-comparison-id="${page.id}">
      <header class="view-header review-header">
        <div>
          <span class="eyebrow">Interview drill · ${page.category}</span>
          <h1 tabindex="-1">${question}</h1>
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
    </section>`.markup;

  const answerEl = view.querySelector("#drill-answer");
  const timerEl = view.querySelector("#drill-timer");

  async function submit() {
    if (drillId !== null) return;
    clearInterval(timer);
    const answer = answerEl.value;
    const secondsUsed = Math.min(DRILL_SECONDS, Math.round((Date.now() - startedAt) / 1000));
    try {
      drillId = await call("save_drill", {
        drill: { comparisonId: page.id, startedAt, secondsUsed, answer, grade: null },
        context: studyContext(ctx.prefs),
      });
    } catch (err) {
      ctx.toast(`Your answer could not be kept: ${err.message}`);
      timer = null;
      return;
    }
    view.querySelector("#drill-body").innerHTML = html`
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
      </div>`.markup;
    view.querySelector(".grade-3")?.focus();
  }

  async function grade(value) {
    if (drillId === null) return;
    try {
      await call("grade_drill", { drillId, grade: value, context: studyContext(ctx.prefs) });
      view.querySelector("#drill-status").textContent = `Graded ${GRADES[value - 1].label}. Your answer is in Past drills.`;
      view.querySelectorAll("button[data-grade]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.grade === String(value))));
    } catch (err) {
      ctx.toast(`Could not save the grade: ${err.message}`);
    }
  }

  timer = setInterval(() => {
    const left = DRILL_SECONDS - (Date.now() - startedAt) / 1000;
    timerEl.textContent = clockText(left);
    timerEl.classList.toggle("late", left <= 15);
    if (left <= 0) submit();
  }, 250);
  answerEl.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  });
  view.querySelector("#drill-submit").addEventListener("click", submit);
  view.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-grade]");
    if (button) grade(Number(button.dataset.grade));
  });
  const onKey = (e) => {
    if (drillId !== null && /^[1-4]$/.test(e.key) && !e.target.closest?.("textarea, input")) grade(Number(e.key));
  };
  document.addEventListener("keydown", onKey);

  return {
    focusTarget: answerEl,
    async leave() {
      clearInterval(timer);
      document.removeEventListener("keydown", onKey);
      // Leaving mid-drill keeps what was written.
      if (drillId === null && answerEl.value.trim()) await submit();
    },
  };
}

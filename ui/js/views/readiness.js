// Interview day: the learner sets a date and sees how much they would recall
// on it, per category and per comparison (FSRS retrievability on that day),
// what the pace of new cards leaves unseen by then, and a session of the
// weakest cards to close the gap.

import * as api from "../api.js";
import { attempt } from "../actions.js";
import { html, isoDate } from "../dom.js";
import { count } from "../plural.js";
import { buildHash } from "../router.js";
import { studyContext } from "../study.js";

/** @typedef {import('../types/api').Readiness} Readiness */
/** @typedef {import('../types/api').ReadinessRow} ReadinessRow */

/** "84%" or "not studied yet". @param {number | null} recall */
export function recallText(recall) {
  return recall === null ? "not studied yet" : `${Math.round(recall * 100)}%`;
}

/** The comparisons weakest first; those not studied yet last. @param {ReadinessRow[]} rows */
export function weakestFirst(rows) {
  return [...rows].sort((a, b) => (a.recall ?? 2) - (b.recall ?? 2) || a.name.localeCompare(b.name));
}

/** @param {ReadinessRow} r @param {boolean} link */
function rowMarkup(r, link) {
  const percent = r.recall === null ? 0 : Math.round(r.recall * 100);
  return html`<tr data-id="${r.id}">
      <th scope="row">${link ? html`<a href="${buildHash({ name: "comparison", id: r.id })}">${r.name}</a>` : r.name}</th>
      <td><span class="recall-bar" role="img" aria-label="${recallText(r.recall)}"><span data-width="${percent}"></span></span> ${recallText(r.recall)}</td>
      <td>${r.studied}</td><td>${r.new}</td></tr>`;
}

/** @param {string} caption @param {ReadinessRow[]} rows @param {boolean} link */
function tableMarkup(caption, rows, link) {
  return html`<table class="readiness-table"><caption>${caption}</caption>
      <thead><tr><th scope="col">${link ? "Comparison" : "Category"}</th><th scope="col">Recall on the day</th>
        <th scope="col">Cards studied</th><th scope="col">New</th></tr></thead>
      <tbody>${rows.map((r) => rowMarkup(r, link))}</tbody></table>`;
}

/** @param {Readiness} r @param {number} newPerDay */
function summaryMarkup(r, newPerDay) {
  const when = r.daysLeft === 0 ? "Today" : `In ${count(r.daysLeft, "day")}`;
  return html`<section class="panel" id="readiness-summary">
      <h2>${when}, you would recall about <span id="readiness-recall">${recallText(r.recall)}</span> of what you have studied</h2>
      <p>${
        r.unseenByThen
          ? html`<strong id="readiness-unseen">${count(r.unseenByThen, "new card")}</strong> will not have been studied by then at ${newPerDay} a day (Settings).`
          : html`Every new card will have come up by then at ${newPerDay} a day.`
      }</p>
      <p><a class="button primary" id="close-gap" href="${buildHash({ name: "review", gap: "1" })}">Close the gap</a>
        <span class="muted">a session of the ${30} cards you would recall least on the day</span></p></section>`;
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  const today = isoDate(new Date());
  const paint = async () => {
    const date = ctx.prefs.get("interviewDate");
    const data = date && date >= today ? await attempt(() => api.readiness(date, studyContext(ctx.prefs)), ctx.toast) : null;
    const body = data
      ? html`${summaryMarkup(data, ctx.prefs.get("newPerDay"))}
          ${tableMarkup("By category", data.categories, false)}
          ${tableMarkup("By comparison, weakest first", weakestFirst(data.comparisons), true)}`
      : html`<p class="empty panel">${date && date < today ? "That day has passed. " : ""}Set the day of your interview: Versus predicts how much you would recall on it, from your own answers.</p>`;
    view.innerHTML = html`<section id="readiness">
        <header class="view-header"><h1 tabindex="-1">Interview day</h1></header>
        <p class="panel"><label for="interview-date">My interview is on</label>
          <input type="date" id="interview-date" min="${today}" value="${date}"></p>
        ${body}
      </section>`.markup;
    for (const bar of view.querySelectorAll(".recall-bar > span")) {
      /** @type {HTMLElement} */ (bar).style.width = `${/** @type {HTMLElement} */ (bar).dataset.width}%`;
    }
    view.querySelector("#interview-date")?.addEventListener("change", async (e) => {
      const value = /** @type {HTMLInputElement} */ (e.target).value;
      await attempt(() => ctx.prefs.set("interviewDate", value), ctx.toast, { prefix: "The date could not be kept: " });
      await paint();
      /** @type {HTMLElement | null} */ (view.querySelector("#interview-date"))?.focus();
    });
  };
  await paint();
  return { focusTarget: view.querySelector("#interview-date") };
}

// The first view: the library at a glance, and where the learner left off.

import * as api from "../api.js";
import { html, isoDate, relativeTime, truncate } from "../dom.js";
import { buildHash } from "../router.js";
import { SECTION_TITLE } from "../sections.js";
import { count } from "../plural.js";
import { heatLevel, studyContext } from "../study.js";

/** @typedef {import('../types/api').CategoryCount} CategoryCount */
/** @typedef {import('../types/api').ComparisonSummary} ComparisonSummary */
/** @typedef {import('../types/api').Dashboard} Dashboard */
/** @typedef {import('../types/api').NoteWithPlace} NoteWithPlace */
/** @typedef {import('../types/api').StudyStats} StudyStats */

const START_HERE = "ec2-vs-lambda";

/** The app's language is English; a fixed list keeps Intl off the first view. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Rows run Monday to Sunday; every other one is named, as the cells are too small for all seven. */
const DAY_LABELS = ["Mon", "", "Wed", "", "Fri", "", ""];

/**
 * The heatmap's grid: one column per week, Monday on top, so the day labels
 * hold for every column. `lead` blank cells put the oldest day on its
 * weekday's row; a month is named above the column its 1st falls in (the
 * first column too, when the next name is far enough not to overlap it).
 * @param {number[]} days reviews per day, oldest first, the last one today
 * @param {Date} today
 */
export function heatmapLayout(days, today) {
  const cells = days.map((n, i) => ({
    count: n,
    // Calendar arithmetic rather than 24 h steps: a DST change would otherwise shift a day.
    date: new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days.length - 1 - i)),
  }));
  const lead = cells.length ? (cells[0].date.getDay() + 6) % 7 : 0;
  const columns = Math.ceil((lead + cells.length) / 7);
  /** @type {string[]} */
  const months = Array(columns).fill("");
  cells.forEach((cell, i) => {
    if (cell.date.getDate() === 1) months[Math.floor((lead + i) / 7)] = MONTHS[cell.date.getMonth()];
  });
  const next = months.findIndex((m) => m);
  if (cells.length && (next === -1 || next >= 3) && !months[0]) months[0] = MONTHS[cells[0].date.getMonth()];
  return { lead, cells, months };
}

/** @param {number[]} days reviews per day */
function heatmap(days) {
  const max = Math.max(0, ...days);
  const { lead, cells, months } = heatmapLayout(days, new Date());
  const total = days.reduce((a, b) => a + b, 0);
  // The labels repeat what the cells' titles and the aria-label say: hidden from screen readers.
  return html`<div class="heatmap-wrap">
    <div class="heatmap-months" aria-hidden="true">${months.map((m) => html`<span>${m}</span>`)}</div>
    <div class="heatmap-days" aria-hidden="true">${DAY_LABELS.map((d) => html`<span>${d}</span>`)}</div>
    <div class="heatmap" role="img" aria-label="Reviews per day over the last 12 weeks: ${total} in all">
    ${Array(lead).fill(html`<span class="heat heat-blank"></span>`)}${cells.map(
      ({ count: n, date }) => html`<span class="heat heat-${heatLevel(n, max)}" title="${isoDate(date)}: ${count(n, "review")}"></span>`,
    )}</div>
  </div>`;
}

/**
 * What a category's bar draws and its label says, from the same counts of
 * comparisons: mastered, then learning, then new, filling the whole bar.
 * @param {{ new: number, learning: number, mastered: number }} c
 */
export function categoryProgress(c) {
  const total = c.new + c.learning + c.mastered;
  /** @param {number} n */
  const percent = (n) => (total ? (n / total) * 100 : 0);
  return {
    total,
    segments: /** @type {const} */ (["mastered", "learning", "new"]).map((kind) => ({ kind, count: c[kind], percent: percent(c[kind]) })),
    label: `${c.mastered} mastered · ${c.learning} learning of ${total}`,
  };
}

/** @param {import('../types/api').CategoryProgress} c */
function progressRow(c) {
  const p = categoryProgress(c);
  return html`<li data-category="${c.category}"><span class="progress-name">${c.category}</span>
    <span class="progress-bar" role="img" aria-label="${c.mastered} mastered, ${c.learning} learning, ${c.new} new, of ${count(p.total, "comparison")}">
      ${p.segments.map((s) => html`<span class="bar-${s.kind}" data-count="${s.count}" data-width="${s.percent}"></span>`)}
    </span>
    <span class="progress-label muted">${p.label}</span></li>`;
}

/** @param {StudyStats} study */
function studyPanel(study) {
  return html`<section class="panel study-panel" aria-labelledby="study-title">
    <div class="panel-head">
      <h2 id="study-title">Study</h2>
      <div class="button-row">
        <a class="button primary" id="start-review" href="#/review">Start review</a>
        <a class="button" id="start-practice" href="#/practice">Which would you pick?</a>
        <a class="button" href="#/drill">Interview drill</a>
        <a class="button" id="open-cards" href="#/cards">Cards</a>
        <a class="button" id="open-readiness" href="#/readiness">Interview day</a>
      </div>
    </div>
    <div class="study-stats">
      <div class="stat"><span class="stat-value" id="due-today" data-count="${study.dueToday}">${study.dueToday}</span><span class="stat-label">due today</span></div>
      <div class="stat"><span class="stat-value" id="reviews-today">${study.reviewsToday}</span><span class="stat-label">reviews today</span></div>
      <div class="stat"><span class="stat-value" id="streak">${study.streak}</span><span class="stat-label">day streak</span></div>
    </div>
    ${heatmap(study.heatmap)}
    <h3>Progress by category</h3>
    <p class="progress-legend muted" id="progress-legend">Each bar counts a category's comparisons:
      <span class="legend-item"><span class="swatch bar-mastered"></span>mastered: every card remembered for 3 weeks or more</span>
      <span class="legend-item"><span class="swatch bar-learning"></span>learning: reviewed, not yet that stable</span>
      <span class="legend-item"><span class="swatch bar-new"></span>new: no card reviewed yet</span></p>
    <ul class="progress-list">
      ${study.categories.map(progressRow)}
    </ul>
  </section>`;
}

/**
 * The pairs the learner mixes up most, when there are any. (The Confusions
 * view has the full list; its module stays off the first view.)
 * @param {import('../types/api').ConfusionPair[]} pairs
 */
function confusionsPanel(pairs) {
  if (!pairs.length) return "";
  return html`<section class="panel" aria-labelledby="confusions-title" id="dashboard-confusions">
      <h2 id="confusions-title">Pairs you confuse</h2>
      <ul class="confusion-list">${pairs.map(
        (p) => html`<li class="confusion" data-pair="${p.first.key}~${p.second.key}"><span class="confusion-names"><strong>${p.first.name}</strong> and <strong>${p.second.name}</strong></span>
          <span class="muted">${count(p.count, "time")}</span>
          <a href="${buildHash({ name: "practice", pair: `${p.first.key}~${p.second.key}` })}">Practise</a></li>`,
      )}</ul>
      <p><a href="#/confusions">All of them</a></p></section>`;
}

/** @param {Dashboard} data */
function countsMarkup(data) {
  return html`<div class="stats" role="list">
        <div class="stat" role="listitem"><span class="stat-value">${data.comparisonCount}</span><span class="stat-label">comparisons</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.viewedCount}</span><span class="stat-label">studied</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.withNotes}</span><span class="stat-label">with your notes</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.noteCount}</span><span class="stat-label">notes written</span></div>
      </div>`;
}

/** Where the learner left off, and where a new one starts. @param {ComparisonSummary | null} start */
function continuePanel(start) {
  return html`<section class="panel" aria-labelledby="continue-title">
          <h2 id="continue-title">${start ? "Continue" : "Start here"}</h2>
          ${
            start
              ? html`<a class="feature-link" href="${buildHash({ name: "comparison", id: start.id })}" data-comparison-id="${start.id}">
                  <span class="eyebrow">${start.category}</span><strong>${start.title}</strong><span>${start.summary}</span></a>`
              : ""
          }
          <p class="start-here">${start ? "New to Versus? " : ""}Begin with
            <a href="${buildHash({ name: "comparison", id: START_HERE })}" data-comparison-id="${START_HERE}" data-start-here="true">EC2 vs Lambda</a>,
            the comparison the library grew from.</p>
        </section>`;
}

/** @param {CategoryCount[]} categories */
function categoriesPanel(categories) {
  return html`<section class="panel" aria-labelledby="categories-title">
          <h2 id="categories-title">Categories</h2>
          <ul class="category-grid">
            ${categories.map(
              (c) => html`<li><a href="${buildHash({ name: "list", category: c.category })}" data-category="${c.category}">
                <span>${c.category}</span><span class="count" aria-label="${count(c.count, "comparison")}">${c.count}</span></a></li>`,
            )}
          </ul>
          <p><a href="#/comparisons" data-nav="list">All comparisons →</a></p>
        </section>`;
}

/**
 * Shown only when something is archived: otherwise there is nothing to find there.
 * @param {number} n archived notes
 * @param {number} comparisons archived comparisons of the learner's own
 */
function archivedLink(n, comparisons) {
  if (!n && !comparisons) return "";
  const notes = n
    ? html`<a href="#/archived" id="archived-notes-link">${count(n, "archived note")}</a>
    <span class="muted">on items no longer in the library</span>`
    : "";
  const own = comparisons
    ? html`<a href="#/archived" id="archived-comparisons-link">${count(comparisons, "archived comparison")}</a>
    <span class="muted">of your own</span>`
    : "";
  return html`<p class="archived-link">${notes}${n && comparisons ? html`<span aria-hidden="true"> · </span>` : ""}${own}</p>`;
}

/** @param {ComparisonSummary[]} recent */
function recentViewsPanel(recent) {
  return html`<section class="panel" aria-labelledby="recent-views-title">
          <h2 id="recent-views-title">Recently viewed</h2>
          ${
            recent.length
              ? html`<ul class="link-list">${recent.map(
                  (c) => html`<li><a href="${buildHash({ name: "comparison", id: c.id })}" data-comparison-id="${c.id}">${c.title}</a>
                    <span class="muted">${c.category}</span></li>`,
                )}</ul>`
              : html`<p class="empty">Nothing viewed yet. Open a comparison and it shows up here.</p>`
          }
        </section>`;
}

/** @param {NoteWithPlace} n */
function recentNote(n) {
  const target = { section: n.section, itemId: n.itemId };
  return html`<li><a href="${buildHash({ name: "comparison", id: n.comparisonId, target })}"
                      data-note-link="${n.comparisonId}/${n.section}/${n.itemId}">
                    <strong>${n.comparisonTitle}</strong> · ${SECTION_TITLE[n.section] ?? n.section}${n.retired ? " (archived)" : ""}</a>
                    <span class="note-excerpt">${truncate(n.body, 120)}</span>
                    <span class="muted">${relativeTime(n.updatedAt)}</span></li>`;
}

/** @param {NoteWithPlace[]} notes */
function recentNotesPanel(notes) {
  return html`<section class="panel" aria-labelledby="recent-notes-title">
          <h2 id="recent-notes-title">Recently edited notes</h2>
          ${
            notes.length
              ? html`<ul class="link-list notes-list">${notes.map(recentNote)}</ul>`
              : html`<p class="empty">No notes yet. On any comparison, press <kbd>n</kbd> on an item or use its note button to write one.</p>`
          }
        </section>`;
}

/** @param {Dashboard} data */
function dashboardMarkup(data) {
  return html`
    <section id="dashboard" class="dashboard">
      <header class="view-header">
        <h1 tabindex="-1">Dashboard</h1>
        <p class="lede">Learn the differences, keep your own notes, and know the short answer.</p>
      </header>
      ${countsMarkup(data)}
      ${archivedLink(data.archivedCount, data.archivedComparisons)}
      ${studyPanel(data.study)}
      <div class="dashboard-grid">
        ${continuePanel(data.recentViews[0] ?? null)}
        ${categoriesPanel(data.categories)}
        ${recentViewsPanel(data.recentViews)}
        ${recentNotesPanel(data.recentNotes)}
        ${confusionsPanel(data.confusions)}
      </div>
    </section>`;
}

/** @type {import('../types/view').RenderView} */
export async function render(view, _route, ctx) {
  const data = await api.dashboard(studyContext(ctx.prefs));
  view.innerHTML = dashboardMarkup(data).markup;
  // Widths are set through the DOM: the CSP allows no inline style attributes.
  for (const bar of /** @type {NodeListOf<HTMLElement>} */ (view.querySelectorAll("[data-width]"))) {
    bar.style.width = `${bar.dataset.width}%`;
  }
  return {};
}

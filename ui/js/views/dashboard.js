// The first view: the library at a glance, and where the learner left off.

import { call } from "../api.js";
import { html, isoDate, relativeTime, truncate } from "../dom.js";
import { buildHash } from "../router.js";
import { SECTION_TITLE } from "../sections.js";
import { heatLevel, studyContext } from "../study.js";

const START_HERE = "ec2-vs-lambda";

function heatmap(days) {
  const max = Math.max(0, ...days);
  const today = new Date();
  // Columns are weeks, oldest first; the last cell is today.
  return html`<div class="heatmap" role="img" aria-label="Reviews per day over the last 12 weeks: ${days.reduce((a, b) => a + b, 0)} in all">
    ${days.map((count, i) => {
      const day = new Date(today.getTime() - (days.length - 1 - i) * 86_400_000);
      return html`<span class="heat heat-${heatLevel(count, max)}" title="${isoDate(day)}: ${count} review${count === 1 ? "" : "s"}"></span>`;
    })}</div>`;
}

function studyPanel(study) {
  return html`<section class="panel study-panel" aria-labelledby="study-title">
    <div class="panel-head">
      <h2 id="study-title">Study</h2>
      <div class="button-row">
        <a class="button primary" id="start-review" href="#/review">Start review</a>
        <a class="button" href="#/drill">Interview drill</a>
      </div>
    </div>
    <div class="study-stats">
      <div class="stat"><span class="stat-value" id="due-today" data-count="${study.dueToday}">${study.dueToday}</span><span class="stat-label">due today</span></div>
      <div class="stat"><span class="stat-value" id="reviews-today">${study.reviewsToday}</span><span class="stat-label">reviews today</span></div>
      <div class="stat"><span class="stat-value" id="streak">${study.streak}</span><span class="stat-label">day streak</span></div>
    </div>
    ${heatmap(study.heatmap)}
    <h3>Progress by category</h3>
    <ul class="progress-list">
      ${study.categories.map((c) => {
        const total = c.new + c.learning + c.mastered || 1;
        return html`<li><span class="progress-name">${c.category}</span>
          <span class="progress-bar" role="img" aria-label="${c.mastered} mastered, ${c.learning} learning, ${c.new} new">
            <span class="bar-mastered" data-width="${(c.mastered / total) * 100}"></span><span class="bar-learning" data-width="${(c.learning / total) * 100}"></span>
          </span>
          <span class="muted">${c.mastered}/${total}</span></li>`;
      })}
    </ul>
  </section>`;
}

export async function render(view, _route, ctx) {
  const data = await call("dashboard", { context: studyContext(ctx.prefs) });
  const study = data.study;
  const start = data.recentViews[0] ?? null;
  view.innerHTML = html`
    <section id="dashboard" class="dashboard">
      <header class="view-header">
        <h1 tabindex="-1">Dashboard</h1>
        <p class="lede">Learn the differences, keep your own notes, and know the short answer.</p>
      </header>
      <div class="stats" role="list">
        <div class="stat" role="listitem"><span class="stat-value">${data.comparisonCount}</span><span class="stat-label">comparisons</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.viewedCount}</span><span class="stat-label">studied</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.withNotes}</span><span class="stat-label">with your notes</span></div>
        <div class="stat" role="listitem"><span class="stat-value">${data.noteCount}</span><span class="stat-label">notes written</span></div>
      </div>
      ${studyPanel(study)}
      <div class="dashboard-grid">
        <section class="panel" aria-labelledby="continue-title">
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
        </section>
        <section class="panel" aria-labelledby="categories-title">
          <h2 id="categories-title">Categories</h2>
          <ul class="category-grid">
            ${data.categories.map(
              (c) => html`<li><a href="${buildHash({ name: "list", category: c.category })}" data-category="${c.category}">
                <span>${c.category}</span><span class="count" aria-label="${c.count} comparisons">${c.count}</span></a></li>`,
            )}
          </ul>
          <p><a href="#/comparisons" data-nav="list">All comparisons →</a></p>
        </section>
        <section class="panel" aria-labelledby="recent-views-title">
          <h2 id="recent-views-title">Recently viewed</h2>
          ${
            data.recentViews.length
              ? html`<ul class="link-list">${data.recentViews.map(
                  (c) => html`<li><a href="${buildHash({ name: "comparison", id: c.id })}" data-comparison-id="${c.id}">${c.title}</a>
                    <span class="muted">${c.category}</span></li>`,
                )}</ul>`
              : html`<p class="empty">Nothing viewed yet. Open a comparison and it shows up here.</p>`
          }
        </section>
        <section class="panel" aria-labelledby="recent-notes-title">
          <h2 id="recent-notes-title">Recently edited notes</h2>
          ${
            data.recentNotes.length
              ? html`<ul class="link-list notes-list">${data.recentNotes.map(
                  (n) => html`<li><a href="${buildHash({ name: "comparison", id: n.comparisonId, target: { section: n.section, itemId: n.itemId } })}"
                      data-note-link="${n.comparisonId}/${n.section}/${n.itemId}">
                    <strong>${n.comparisonTitle}</strong> · ${SECTION_TITLE[n.section] ?? n.section}${n.retired ? " (archived)" : ""}</a>
                    <span class="note-excerpt">${truncate(n.body, 120)}</span>
                    <span class="muted">${relativeTime(n.updatedAt)}</span></li>`,
                )}</ul>`
              : html`<p class="empty">No notes yet. On any comparison, press <kbd>n</kbd> on an item or use its note button to write one.</p>`
          }
        </section>
      </div>
    </section>`.markup;
  // Widths are set through the DOM: the CSP allows no inline style attributes.
  for (const bar of view.querySelectorAll("[data-width]")) bar.style.width = `${bar.dataset.width}%`;
  return {};
}

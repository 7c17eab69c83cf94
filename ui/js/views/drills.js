// Past interview drills, newest first, to reread what you answered.

import * as api from "../api.js";
import { html, relativeTime } from "../dom.js";
import { buildHash } from "../router.js";
import { GRADES, clockText } from "../study.js";

/** @param {import('../types/api').Drill} d */
function drillEntry(d) {
  return html`<li class="panel drill-entry" data-drill-id="${d.id}">
                <div class="panel-head"><h2><a href="${buildHash({ name: "comparison", id: d.comparisonId })}">${d.comparisonTitle}</a></h2>
                  <span class="muted">${relativeTime(d.submittedAt)} · ${clockText(d.secondsUsed)} · ${d.grade ? GRADES[d.grade - 1].label : "not graded"}</span></div>
                <p class="drill-yours">${d.answer || "(no answer)"}</p>
                <p><a href="${buildHash({ name: "drill", comparison: d.comparisonId })}">Drill it again</a></p></li>`;
}

/** @type {import('../types/view').RenderView} */
export async function render(view) {
  const drills = await api.listDrills();
  view.innerHTML = html`
    <section id="drills">
      <header class="view-header"><h1 tabindex="-1">Past drills</h1>
        <p class="lede">Every answer you handed in, with how you graded it. <a href="#/drill">Start a drill</a></p></header>
      ${
        drills.length
          ? html`<ol class="drill-list">${drills.map(drillEntry)}</ol>`
          : html`<p class="empty">No drills yet. A drill gives you two minutes to answer as you would in an interview.</p>`
      }
    </section>`.markup;
  return {};
}

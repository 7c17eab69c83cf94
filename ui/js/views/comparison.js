// One comparison, laid out like the seed page, with a note beside every item.

import { call, dialogs } from "../api.js";
import { html, trusted } from "../dom.js";
import { attachNote } from "../note-editor.js";
import { highlightTerms } from "../highlight.js";
import { buildHash } from "../router.js";
import { SECTION_LABEL } from "../sections.js";

/** The accessible name of an item's note editor, e.g. "Note on tradeoff: EC2 offers…". */
export function noteLabel(item, title) {
  const what =
    item.section === "comparison" ? title : item.section === "subject" || item.section === "when_to_use" ? item.name : item.text;
  return `Note on ${SECTION_LABEL[item.section]}: ${what}`;
}

function itemBlock(item, title, { heading = null, eyebrow = null, extraClass = "" } = {}) {
  const has = Boolean(item.note);
  return html`
    <div class="item ${extraClass} ${has ? "has-note" : ""}" tabindex="0"
         id="item-${item.section}-${item.itemId}" data-section="${item.section}" data-item-id="${item.itemId}">
      <div class="item-main">
        ${eyebrow ? html`<span class="eyebrow">${eyebrow}</span>` : ""}
        ${heading ? html`<h3 class="item-heading">${heading}</h3>` : ""}
        <p class="item-text">${item.text}</p>
      </div>
      <button type="button" class="note-toggle" aria-expanded="false" title="Note (n)"
              aria-label="${has ? "Edit" : "Add"} ${noteLabel(item, title).toLowerCase()}">
        <span aria-hidden="true">✎</span> <span class="note-toggle-label">${has ? "Edit note" : "Note"}</span>
      </button>
      <div class="note-preview markdown" ${has ? "" : "hidden"}>${trusted(item.noteHtml ?? "")}</div>
      <div class="note-panel" hidden></div>
    </div>`;
}

export async function render(view, route, ctx) {
  const page = await call("get_comparison", { id: route.id });
  const subjectName = Object.fromEntries(page.subjects.map((s) => [s.itemId, s.name]));
  const list = (items) => html`${items.map((i) => itemBlock(i, page.title))}`;

  view.innerHTML = html`
    <article id="comparison" data-comparison-id="${page.id}">
      <div class="page-actions">
        <a id="back-to-list" class="back-link" href="#/comparisons" title="Back (Alt+←)"><span aria-hidden="true">← </span>Back to Comparisons</a>
        <span class="button-row">
          <a class="button" href="${buildHash({ name: "review", comparison: page.id })}" id="review-comparison">Review</a>
          <a class="button" href="${buildHash({ name: "drill", comparison: page.id })}" id="drill-comparison">Drill</a>
          <button type="button" id="export-comparison">Export my notes…</button>
        </span>
      </div>
      <header class="comparison-header">
        <span class="eyebrow">${page.category}</span>
        <h1 tabindex="-1">${page.title}</h1>
        ${itemBlock(page.overview, page.title, { extraClass: "overview" })}
        <p class="tags">${page.tags.map((t) => html`<a class="tag" href="${buildHash({ name: "list", tag: t })}">${t}</a>`)}</p>
      </header>

      <section data-section="subjects" aria-label="Subjects">
        <div class="subjects cols-${page.subjects.length}">
          ${page.subjects.map((s) => itemBlock(s, page.title, { heading: s.name, eyebrow: s.label, extraClass: "subject-card" }))}
        </div>
      </section>

      <section data-section="differences" aria-labelledby="h-differences">
        <h2 id="h-differences">Key Differences</h2>
        <div class="items">${list(page.differences)}</div>
      </section>

      <section data-section="when_to_use" aria-labelledby="h-when">
        <h2 id="h-when">When to Use</h2>
        <div class="subjects cols-${page.whenToUse.length}">
          ${page.whenToUse.map((w) =>
            itemBlock(w, page.title, { heading: `When to use ${subjectName[w.itemId] ?? w.name}`, extraClass: "when-card" }),
          )}
        </div>
      </section>

      <section data-section="tradeoffs" aria-labelledby="h-tradeoffs">
        <h2 id="h-tradeoffs">Tradeoffs</h2>
        <div class="items">${list(page.tradeoffs)}</div>
      </section>

      <section data-section="mistakes" aria-labelledby="h-mistakes">
        <h2 id="h-mistakes">Common Mistakes</h2>
        <div class="items">${list(page.mistakes)}</div>
      </section>

      <section data-section="interview_tip" aria-labelledby="h-tip">
        <h2 id="h-tip">Interview Tip</h2>
        ${itemBlock(page.tip, page.title, { extraClass: "tip" })}
      </section>

      ${
        page.archived.length
          ? html`<section data-section="archived" aria-labelledby="h-archived">
              <h2 id="h-archived">Archived notes</h2>
              <p class="muted">These items were removed from the library in an update. Your notes on them are kept.</p>
              <div class="items">${page.archived.map((i) =>
                itemBlock(i, page.title, { eyebrow: `Archived ${SECTION_LABEL[i.section]}`, extraClass: "archived" }),
              )}</div>
            </section>`
          : ""
      }
    </article>`.markup;

  const article = view.querySelector("#comparison");
  article.querySelector("#export-comparison").addEventListener("click", async () => {
    for (const editor of editors.values()) await editor.flush();
    const path = await dialogs().save({
      title: `Export your notes on ${page.title}`,
      defaultPath: `${page.id}.md`,
      filters: [{ name: "Markdown", extensions: ["md"] }],
    });
    if (!path) return;
    try {
      const summary = await call("export_comparison_markdown", { comparisonId: page.id, path });
      ctx.toast(`Exported ${summary.notes} note${summary.notes === 1 ? "" : "s"} to ${path}`);
    } catch (err) {
      ctx.toast(`Export failed: ${err.message}`);
    }
  });
  const all = [page.overview, ...page.subjects, ...page.differences, ...page.whenToUse, ...page.tradeoffs, ...page.mistakes, page.tip, ...page.archived];
  const editors = new Map();
  for (const item of all) {
    const el = article.querySelector(`.item[data-section="${item.section}"][data-item-id="${CSS.escape(item.itemId)}"]`);
    editors.set(el, attachNote(el, {
      comparisonId: page.id,
      section: item.section,
      itemId: item.itemId,
      label: noteLabel(item, page.title),
      body: item.note?.body ?? "",
      toast: ctx.toast,
    }));
  }

  // j/k walk the items, n or Enter opens the focused item's note.
  article.addEventListener("keydown", (e) => {
    if (e.target.closest("textarea, input, select, dialog") || e.ctrlKey || e.metaKey || e.altKey) return;
    const items = [...article.querySelectorAll(".item")];
    const current = e.target.closest(".item");
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      const index = items.indexOf(current);
      const next = e.key === "j" ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
      items[index === -1 ? 0 : next].focus();
    } else if ((e.key === "n" || (e.key === "Enter" && e.target === current)) && current) {
      e.preventDefault();
      editors.get(current)?.open();
    }
  });

  if (route.target) {
    const el = article.querySelector(`.item[data-section="${CSS.escape(route.target.section)}"][data-item-id="${CSS.escape(route.target.itemId)}"]`);
    if (el) {
      if (route.highlight) {
        const text = el.querySelector(".item-text");
        text.innerHTML = highlightTerms(text.textContent, route.highlight.split(/\s+/));
      }
      el.scrollIntoView({ block: "center" });
      el.classList.add("landed");
      el.focus({ preventScroll: true });
      setTimeout(() => el.classList.remove("landed"), 2500);
    }
  }

  return {
    focusTarget: route.target ? null : article.querySelector("h1"),
    async leave() {
      await Promise.all([...editors.values()].map((editor) => editor.flush()));
    },
    get unsaved() {
      return [...editors.values()].some((editor) => editor.unsaved);
    },
  };
}

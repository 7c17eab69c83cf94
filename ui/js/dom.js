// Building markup safely: every interpolated value is escaped unless it is
// wrapped in trusted(), which only sanitized HTML from the Rust side may be.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

class Trusted {
  /** @param {string} markup */
  constructor(markup) {
    this.markup = markup;
  }
  toString() {
    return this.markup;
  }
}

/** Markup that html`` inserts as it is: built by html`` or sanitized by the Rust side. @typedef {Trusted} Markup */

/**
 * Marks already-safe markup (sanitized by the app's Rust side) for html``.
 * @param {string | null | undefined} markup
 * @returns {Markup}
 */
export function trusted(markup) {
  return new Trusted(String(markup ?? ""));
}

/** @param {unknown} value @returns {string} */
function render(value) {
  if (value instanceof Trusted) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(value);
}

/**
 * Tagged template: html`<p>${text}</p>` escapes text; arrays are joined.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {Markup}
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Trusted(out);
}

/**
 * The element matching `selector` that `event` happened in, if any. (Event
 * targets are typed EventTarget; here they are elements or the document.)
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLElement | null}
 */
export function closestTarget(event, selector) {
  const target = /** @type {Element | null} */ (event.target);
  return /** @type {HTMLElement | null} */ (target?.closest?.(selector) ?? null);
}

/**
 * Focuses `el` from script with a visible ring: WebKitGTK applies no
 * :focus-visible to script focus that follows a mouse click, so the learner
 * would not see where focus went. The class goes with the focus.
 * @param {HTMLElement} el
 */
export function focusWithRing(el) {
  el.classList.add("focus-ring");
  el.addEventListener("blur", () => el.classList.remove("focus-ring"), { once: true });
  el.focus();
}

/**
 * Shortens text for labels and lists, on a word boundary when it can.
 * @param {string | null | undefined} text
 * @param {number} max
 */
export function truncate(text, max) {
  const s = String(text ?? "");
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.5 ? cut.slice(0, space) : cut) + "…";
}

/** Sizes as a person reads them: "512 B", "4 KB", "3.5 MB". @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * @param {number} ms a moment, in ms since the Unix epoch
 * @param {number} [now]
 */
export function relativeTime(ms, now = Date.now()) {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} d ago`;
  return isoDate(new Date(ms));
}

/**
 * A day as YYYY-MM-DD in local time. Not Intl: the first Intl formatter a
 * page makes loads the locale data, several ms the dashboard, the usual
 * first view, would otherwise wait for.
 * @param {Date} date
 */
export function isoDate(date) {
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A modal dialog on top of the page, removed once closed.
 * @param {string} className
 * @param {string} label
 * @param {Markup} markup
 */
export function modal(className, label, markup) {
  const dialog = document.createElement("dialog");
  dialog.className = className;
  dialog.setAttribute("aria-label", label);
  dialog.innerHTML = markup.markup;
  document.body.append(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  return dialog;
}

// Building markup safely: every interpolated value is escaped unless it is
// wrapped in trusted(), which only sanitized HTML from the Rust side may be.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

class Trusted {
  constructor(markup) {
    this.markup = markup;
  }
  toString() {
    return this.markup;
  }
}

/** Marks already-safe markup (sanitized by the app's Rust side) for html``. */
export function trusted(markup) {
  return new Trusted(String(markup ?? ""));
}

function render(value) {
  if (value instanceof Trusted) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(value);
}

/** Tagged template: html`<p>${text}</p>` escapes text; arrays are joined. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Trusted(out);
}

/** Shortens text for labels and lists, on a word boundary when it can. */
export function truncate(text, max) {
  const s = String(text ?? "");
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.5 ? cut.slice(0, space) : cut) + "…";
}

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
 */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

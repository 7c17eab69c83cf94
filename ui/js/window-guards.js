// The window never leaves the app and never closes with unsaved text.
// Links: a click on a link inside the app (a note's rendered Markdown) would
// navigate the window away; an http(s) link opens in the system browser
// instead, any other address (file:, javascript:, a relative path) does
// nothing, and in-app `#/...` routes work as usual. Rust refuses any
// navigation away as well; this is what makes a click do the right thing.
// Closing: when the window is asked to close, the open view saves first.

/**
 * What a click on a link with this `href` should do.
 * @param {string | null} href
 * @returns {"app" | "browser" | "nothing"}
 */
export function linkAction(href) {
  if (href === null) return "nothing";
  const address = href.trim();
  if (address.startsWith("#")) return "app";
  if (/^https?:\/\//i.test(address)) return "browser";
  return "nothing";
}

/**
 * Handles link clicks anywhere in `root`.
 * @param {Pick<Document, "addEventListener">} root
 * @param {(url: string) => Promise<unknown>} openInBrowser
 * @param {(message: string) => void} tell shows why a link did not open
 */
export function guardLinks(root, openInBrowser, tell) {
  root.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (/** @type {MouseEvent} */ (event).target);
    const link = target?.closest?.("a[href]");
    if (!link) return;
    const href = link.getAttribute("href");
    const action = linkAction(href);
    if (action === "app") return;
    event.preventDefault();
    if (action === "browser" && href) {
      openInBrowser(href.trim()).catch((err) => tell(`The link could not be opened: ${err?.message ?? err}`));
    }
  });
}

/**
 * On a close request: save, then let the window close, whatever saving did
 * (the learner asked to close; a failed save was already told).
 * @param {(handler: () => void) => Promise<unknown>} onCloseRequested
 * @param {() => Promise<unknown>} flush
 * @param {() => Promise<unknown>} close
 */
export function saveBeforeClose(onCloseRequested, flush, close) {
  return onCloseRequested(async () => {
    try {
      await flush();
    } finally {
      await close();
    }
  });
}

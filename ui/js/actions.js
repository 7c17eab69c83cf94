// Running what the learner asked for, and saying why when it fails. Commands
// reject with { code, message }; a handler that let that go would leave the
// learner with nothing on screen, so every handler runs its work through
// attempt(). The Rust side's message is already in plain words; a few codes
// read better said from the learner's side.

import { formatBytes } from "./dom.js";

/** @typedef {{ code?: string, message?: string }} Failure */

/**
 * Where a failure is told: an element (its text is replaced; make it a status
 * or alert region) or a function, such as the app's toast.
 * @typedef {Element | ((message: string, error: Failure) => void)} ErrorPlace
 */

/**
 * @typedef {object} AttemptOptions
 * @property {string} [prefix] words before the reason, such as "Export failed: "
 * @property {(error: Failure) => void} [onError] what the view does besides telling it (e.g. drop what is gone)
 */

/** What is gone, by the code that says so; each view offers its own way on. */
const GONE = Object.freeze({
  unknown_comparison: "This comparison is no longer in your library.",
  unknown_item: "This item is no longer in the comparison.",
  unknown_card: "This card is no longer in your library.",
  unknown_version: "This earlier version is no longer in the note's history.",
  unknown_backup: "This backup is no longer in the backup folder.",
  unknown_drill: "This drill is no longer in your past drills.",
});

/** The thing the command was about no longer exists. @param {Failure} error */
export function isGone(error) {
  return Object.hasOwn(GONE, error?.code ?? "");
}

/** SQLite could not get the database in time (another writer holds it). @param {Failure} error */
export function isBusy(error) {
  return error?.code === "busy";
}

/**
 * What to tell the learner about a failed command (or any error).
 * @param {Failure | unknown} error
 * @returns {string}
 */
export function errorText(error) {
  const failure = /** @type {Failure} */ (error ?? {});
  if (isBusy(failure)) return "The library is busy, try again.";
  if (isGone(failure)) return GONE[failure.code];
  const message = String(failure.message ?? (error || "Something went wrong."));
  // The Rust side counts in bytes; the learner reads "1.0 MB". Nothing typed is dropped.
  if (failure.code === "note_too_large") {
    return `${message.replace(/\b(\d+) bytes\b/g, (_, n) => formatBytes(Number(n)))} Your text is kept here.`;
  }
  return message;
}

/**
 * Tells `error` in `place`.
 * @param {ErrorPlace | null | undefined} place
 * @param {Failure | unknown} error
 * @param {string} [prefix]
 */
export function tell(place, error, prefix = "") {
  const text = prefix + errorText(error);
  if (typeof place === "function") place(text, /** @type {Failure} */ (error));
  else if (place) place.textContent = text;
  else console.warn(text, error); // the view is gone; nobody is left to tell
}

/**
 * Runs `action` and answers what it answers; if it fails, tells why in
 * `place` and answers undefined. Never rejects.
 * @template T
 * @param {() => T | Promise<T>} action
 * @param {ErrorPlace | null | undefined} place
 * @param {AttemptOptions} [options]
 * @returns {Promise<T | undefined>}
 */
export async function attempt(action, place, { prefix = "", onError } = {}) {
  try {
    return await action();
  } catch (error) {
    tell(place, error, prefix);
    try {
      onError?.(/** @type {Failure} */ (error));
    } catch (err) {
      console.warn(err);
    }
    return undefined;
  }
}

// Debounced autosave of one note editor, as a small state machine with
// injected timers so it can be tested without a DOM or a clock.
//
// States: idle -> (edit) dirty -> (quiet for `delay`) saving -> saved | failed.
// A failed save keeps the text; the next edit or flush tries again. Saves never
// overlap: an edit made while saving is saved right after.

/**
 * @typedef {object} AutosaverOptions
 * @property {(text: string) => Promise<unknown>} save
 * @property {number} [delay] ms of quiet before a save
 * @property {(state: "idle" | "dirty" | "saving" | "saved" | "failed", detail?: any) => void} [onState]
 *   detail: what save() answered (saved) or its error (failed)
 * @property {{ setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void }} [timers]
 */

/** @param {AutosaverOptions} options */
export function createAutosaver({ save, delay = 600, onState = () => {}, timers = globalThis }) {
  let pending = null; // text not yet handed to save()
  let timer = null;
  let inFlight = null; // promise of the running save
  let state = "idle";
  let lastError = null;

  const setState = (next, detail) => {
    state = next;
    lastError = next === "failed" ? detail : null;
    onState(next, detail);
  };

  async function run() {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    if (inFlight) {
      await inFlight;
      return pending === null ? undefined : run();
    }
    if (pending === null) return;
    const text = pending;
    pending = null;
    setState("saving");
    inFlight = (async () => {
      try {
        const result = await save(text);
        if (pending === null) setState("saved", result);
      } catch (err) {
        // Keep the text so nothing typed is lost; the next flush retries it.
        if (pending === null) pending = text;
        setState("failed", err);
      } finally {
        inFlight = null;
      }
    })();
    await inFlight;
    if (pending !== null && state !== "failed") return run();
  }

  return {
    /** The text changed: save it once typing pauses. */
    edit(text) {
      pending = text;
      if (state !== "saving") setState("dirty");
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = null;
        run();
      }, delay);
    },
    /** Save now whatever is pending (on close or on leaving the view). */
    flush() {
      return run();
    },
    get state() {
      return state;
    },
    get error() {
      return lastError;
    },
    get hasUnsaved() {
      return pending !== null || inFlight !== null;
    },
  };
}

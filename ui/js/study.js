// Active recall in the UI: the study context every study command needs, and
// the review session's state as a pure object (tested in node).

/**
 * The learner's clock and settings, as the study commands take them.
 * @param {Pick<import('./prefs.js').Prefs, "get">} prefs
 * @param {Date} [now]
 * @returns {import('./types/api').StudyContext}
 */
export function studyContext(prefs, now = new Date()) {
  return {
    utcOffsetMinutes: -now.getTimezoneOffset(),
    desiredRetention: prefs.get("desiredRetention"),
    newPerDay: prefs.get("newPerDay"),
  };
}

/**
 * A review session over today's cards. `reveal()`, `graded()`, `undone()` and
 * `skip()` return the session; the view renders `current` and `remaining`.
 * @template {{ id: number }} Card
 * @param {Card[]} cards
 */
export function createReviewSession(cards) {
  const queue = [...cards];
  const done = [];
  let revealed = false;
  // Grades and suspensions made in this session: what Ctrl+Z may walk back.
  let steps = 0;
  return {
    get current() {
      return queue[0] ?? null;
    },
    get remaining() {
      return queue.length;
    },
    get revealed() {
      return revealed;
    },
    get reviewed() {
      return done.length;
    },
    /** Whether this session has a grade or suspension left to undo. */
    get canUndo() {
      return steps > 0;
    },
    reveal() {
      if (queue.length) revealed = true;
      return this;
    },
    /** Marks the current card graded; the caller has told the Rust side. */
    graded() {
      if (!queue.length) return this;
      done.push(queue.shift());
      steps += 1;
      revealed = false;
      return this;
    },
    /** Drops the current card, suspended: a step undo can walk back. */
    suspended() {
      if (!queue.length) return this;
      queue.shift();
      steps += 1;
      revealed = false;
      return this;
    },
    /**
     * Puts `card` (the one the undo restored) back in front, unrevealed,
     * fresh from the Rust side. @param {Card} card
     */
    undone(card) {
      const index = done.map((c) => c.id).lastIndexOf(card.id);
      if (index !== -1) done.splice(index, 1);
      const waiting = queue.findIndex((c) => c.id === card.id);
      if (waiting !== -1) queue.splice(waiting, 1);
      queue.unshift(card);
      steps = Math.max(0, steps - 1);
      revealed = false;
      return this;
    },
    /** Drops the current card (gone from the library) without grading it. */
    skip() {
      queue.shift();
      revealed = false;
      return this;
    },
  };
}

/** Grades as a person reads them, by key. */
export const GRADES = [
  { key: "1", value: 1, label: "Again" },
  { key: "2", value: 2, label: "Hard" },
  { key: "3", value: 3, label: "Good" },
  { key: "4", value: 4, label: "Easy" },
];

/**
 * An interval as a grade button shows it: "< 1 h", "5 h", "4 d", "3 mo", "1.5 y".
 * @param {number} days
 */
export function intervalText(days) {
  if (!Number.isFinite(days) || days < 0) return "";
  const hours = days * 24;
  if (hours < 1) return "< 1 h";
  if (days < 1) return `${Math.round(hours)} h`;
  if (days < 60) return `${Math.round(days)} d`;
  if (days < 365) return `${Math.round(days / 30.44)} mo`;
  return `${Number((days / 365.25).toFixed(1))} y`;
}

/** "1:05" for 65 seconds. @param {number} seconds */
export function clockText(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Shade 0–4 for a heatmap cell, relative to the busiest day. @param {number} count @param {number} max */
export function heatLevel(count, max) {
  if (!count) return 0;
  if (max <= 1) return 4;
  return Math.min(4, 1 + Math.floor((count / max) * 3.999));
}

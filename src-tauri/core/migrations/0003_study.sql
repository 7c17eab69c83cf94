-- Active recall: cards made from the library (and from the learner's notes),
-- their FSRS scheduling state, every review, and interview drills.
-- Library cards are keyed by stable content ids, like notes; their text is
-- rendered from the current content, so rewording an item keeps its card.

CREATE TABLE card (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    kind          TEXT NOT NULL,             -- which_one | recall_list | interview | custom
    section       TEXT NOT NULL,             -- the part of the comparison it asks about
    item_id       TEXT NOT NULL,             -- 'all' for a recall-the-list card
    front         TEXT,                      -- custom cards only
    back          TEXT,                      -- custom cards only
    retired       INTEGER NOT NULL DEFAULT 0,
    suspended     INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'new',   -- new | review
    stability     REAL,
    difficulty    REAL,
    due           INTEGER,                   -- ms; NULL while new
    last_review   INTEGER,
    reps          INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (comparison_id, kind, section, item_id)
) STRICT;

CREATE INDEX card_by_due ON card(due) WHERE retired = 0 AND suspended = 0 AND state <> 'new';
CREATE INDEX card_new ON card(comparison_id) WHERE retired = 0 AND suspended = 0 AND state = 'new';

-- One row per grade, with the card's state before and after, so the schedule
-- can be recomputed from scratch and an undo restores the exact prior state.
CREATE TABLE review_log (
    id                 INTEGER PRIMARY KEY,
    card_id            INTEGER NOT NULL REFERENCES card(id),
    reviewed_at        INTEGER NOT NULL,
    grade              INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    elapsed_days       REAL NOT NULL,
    before_state       TEXT NOT NULL,
    before_stability   REAL,
    before_difficulty  REAL,
    before_due         INTEGER,
    before_last_review INTEGER,
    before_reps        INTEGER NOT NULL,
    before_lapses      INTEGER NOT NULL,
    after_state        TEXT NOT NULL,
    after_stability    REAL NOT NULL,
    after_difficulty   REAL NOT NULL,
    after_due          INTEGER NOT NULL
) STRICT;

CREATE INDEX review_log_by_time ON review_log(reviewed_at);
CREATE INDEX review_log_by_card ON review_log(card_id);

CREATE TABLE drill (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    started_at    INTEGER NOT NULL,
    submitted_at  INTEGER NOT NULL,
    seconds_used  INTEGER NOT NULL,
    answer        TEXT NOT NULL,
    grade         INTEGER CHECK (grade BETWEEN 1 AND 4)
) STRICT;

CREATE INDEX drill_by_time ON drill(submitted_at DESC);

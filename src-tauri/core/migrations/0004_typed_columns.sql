-- Typed columns: a card's kind and state, and the states a review logs, are
-- checked by SQL as they are by Rust, so an unknown value is refused on
-- write instead of being read back as a fallback. A custom card keeps the
-- real item id it was made from: the one-card-per-item rule becomes a
-- partial unique index that leaves custom cards out, so several custom
-- cards can hang on one item (they used to carry 'item~time' as their id).
-- SQLite cannot add a CHECK to a table, so both tables are rebuilt; the
-- migration runs with foreign keys off and checks them before committing.

CREATE TABLE card_typed (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('which_one', 'recall_list', 'interview', 'custom')),
    section       TEXT NOT NULL,
    item_id       TEXT NOT NULL,             -- 'all' for a recall-the-list card
    front         TEXT,                      -- custom cards only
    back          TEXT,                      -- custom cards only
    retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    created_at    INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'review')),
    stability     REAL,
    difficulty    REAL,
    due           INTEGER,                   -- ms; NULL while new
    last_review   INTEGER,
    reps          INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'custom') = (front IS NOT NULL AND back IS NOT NULL))
) STRICT;

INSERT INTO card_typed
SELECT id, comparison_id, kind, section,
       CASE WHEN kind = 'custom' AND instr(item_id, '~') > 0
            THEN substr(item_id, 1, instr(item_id, '~') - 1) ELSE item_id END,
       front, back, retired, suspended, created_at, state, stability, difficulty, due, last_review, reps, lapses
FROM card;

DROP TABLE card;
ALTER TABLE card_typed RENAME TO card;

CREATE UNIQUE INDEX card_of_item ON card(comparison_id, kind, section, item_id) WHERE kind <> 'custom';
CREATE INDEX card_by_due ON card(due) WHERE retired = 0 AND suspended = 0 AND state <> 'new';
CREATE INDEX card_new ON card(comparison_id) WHERE retired = 0 AND suspended = 0 AND state = 'new';

CREATE TABLE review_log_typed (
    id                 INTEGER PRIMARY KEY,
    card_id            INTEGER NOT NULL REFERENCES card(id),
    reviewed_at        INTEGER NOT NULL,
    grade              INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    elapsed_days       REAL NOT NULL,
    before_state       TEXT NOT NULL CHECK (before_state IN ('new', 'review')),
    before_stability   REAL,
    before_difficulty  REAL,
    before_due         INTEGER,
    before_last_review INTEGER,
    before_reps        INTEGER NOT NULL,
    before_lapses      INTEGER NOT NULL,
    after_state        TEXT NOT NULL CHECK (after_state IN ('new', 'review')),
    after_stability    REAL NOT NULL,
    after_difficulty   REAL NOT NULL,
    after_due          INTEGER NOT NULL
) STRICT;

INSERT INTO review_log_typed SELECT * FROM review_log;
DROP TABLE review_log;
ALTER TABLE review_log_typed RENAME TO review_log;

CREATE INDEX review_log_by_time ON review_log(reviewed_at);
CREATE INDEX review_log_by_card ON review_log(card_id);

-- "Which would you pick?": each scenario of a comparison becomes a card of
-- kind 'scenario' (section 'scenario', item id the scenario's id), answered
-- by picking a subject, so the card table is rebuilt once more to widen the
-- kind CHECK (as in migration 7: ids, and so the review log's references,
-- are kept). Every wrong pick is kept as a confusion: the subject that was
-- right and the one chosen, by their global keys, with the review it came
-- from so that undoing the grade takes the confusion back too.

CREATE TABLE card_with_scenarios (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('which_one', 'recall_list', 'interview', 'custom', 'grid', 'scenario')),
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

INSERT INTO card_with_scenarios SELECT * FROM card;
DROP TABLE card;
ALTER TABLE card_with_scenarios RENAME TO card;

CREATE UNIQUE INDEX card_of_item ON card(comparison_id, kind, section, item_id) WHERE kind <> 'custom';
CREATE INDEX card_by_due ON card(due) WHERE retired = 0 AND suspended = 0 AND state <> 'new';
CREATE INDEX card_new ON card(comparison_id) WHERE retired = 0 AND suspended = 0 AND state = 'new';

CREATE TABLE confusion (
    id             INTEGER PRIMARY KEY,
    review_id      INTEGER NOT NULL,
    card_id        INTEGER NOT NULL,
    comparison_id  TEXT NOT NULL,
    category       TEXT NOT NULL,
    expected_key   TEXT NOT NULL,
    expected_name  TEXT NOT NULL,
    chosen_key     TEXT NOT NULL,
    chosen_name    TEXT NOT NULL,
    at             INTEGER NOT NULL,
    CHECK (expected_key <> chosen_key)
) STRICT;

CREATE INDEX confusion_by_pair ON confusion(expected_key, chosen_key);
CREATE INDEX confusion_by_review ON confusion(review_id);

-- Each tradeoff and each common mistake becomes a card of its own (kind
-- 'recall_item': its short label asked, its text the answer), which a person
-- can grade honestly, where "recall the list" asked for several long
-- sentences at once. The card table is rebuilt once more to widen the kind
-- CHECK (as in migrations 7 and 9: ids, and so every reference, are kept).

CREATE TABLE card_with_items (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('which_one', 'recall_list', 'interview', 'custom', 'grid', 'scenario', 'recall_item')),
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

INSERT INTO card_with_items SELECT * FROM card;
DROP TABLE card;
ALTER TABLE card_with_items RENAME TO card;

CREATE UNIQUE INDEX card_of_item ON card(comparison_id, kind, section, item_id) WHERE kind <> 'custom';
CREATE INDEX card_by_due ON card(due) WHERE retired = 0 AND suspended = 0 AND state <> 'new';
CREATE INDEX card_new ON card(comparison_id) WHERE retired = 0 AND suspended = 0 AND state = 'new';

-- Reviews and suspensions across devices. A card is known across devices
-- by its key (comparison_id, kind, section, item_id), never by its row id,
-- which differs from store to store; the learner's own cards ('custom')
-- have no such key and stay on their device.
--
-- review_sync holds every review sync knows of, by a global id: the stamp
-- made when the device that gave the review first recorded it. Reviews
-- merge as a union; an undone review becomes a tombstone (deleted = 1),
-- which a device may learn of before, or instead of, the review itself
-- (then only its id is known). local_id and local_card are the review's
-- review_log row and card while it is logged here: a row still there with
-- the same card, time and grade is the same review (a row id can be
-- reused after an undo). A review whose card this store lacks waits with
-- neither and is logged once the card appears.

CREATE TABLE review_sync (
    id             TEXT PRIMARY KEY,
    comparison_id  TEXT,
    kind           TEXT CHECK (kind IN ('which_one', 'recall_list', 'interview', 'grid', 'scenario', 'recall_item')),
    section        TEXT,
    item_id        TEXT,
    reviewed_at    INTEGER,
    grade          INTEGER CHECK (grade BETWEEN 1 AND 4),
    device         TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1)),
    deleted        INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    local_id       INTEGER,
    local_card     INTEGER,
    CHECK ((local_id IS NULL) = (local_card IS NULL)),
    CHECK (deleted = 1 OR (comparison_id IS NOT NULL AND kind IS NOT NULL AND section IS NOT NULL
                           AND item_id IS NOT NULL AND reviewed_at IS NOT NULL AND grade IS NOT NULL)),
    CHECK (deleted = 0 OR local_id IS NULL)
) STRICT;

CREATE UNIQUE INDEX review_sync_by_local ON review_sync(local_id) WHERE local_id IS NOT NULL;
CREATE INDEX review_sync_waiting ON review_sync(comparison_id, kind, section, item_id)
    WHERE local_id IS NULL AND deleted = 0;
CREATE INDEX review_sync_unexported ON review_sync(id) WHERE exported = 0;

-- Suspending a card, last writer wins by stamp, kept like note_change.
CREATE TABLE suspension_change (
    id             INTEGER PRIMARY KEY,
    comparison_id  TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('which_one', 'recall_list', 'interview', 'grid', 'scenario', 'recall_item')),
    section        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    suspended      INTEGER NOT NULL CHECK (suspended IN (0, 1)),
    stamp          TEXT NOT NULL UNIQUE,
    device         TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

CREATE INDEX suspension_change_by_key ON suspension_change(comparison_id, kind, section, item_id, stamp);

-- The flag sync last recorded or set on each card here, by key: a card
-- whose flag differs was suspended or unsuspended here since; a card with
-- no row appeared since (its flag is then the newest change known, if any).
CREATE TABLE suspension_synced (
    comparison_id  TEXT NOT NULL,
    kind           TEXT NOT NULL,
    section        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    suspended      INTEGER NOT NULL CHECK (suspended IN (0, 1)),
    PRIMARY KEY (comparison_id, kind, section, item_id)
) STRICT, WITHOUT ROWID;

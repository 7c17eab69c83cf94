-- Sync of notes through a shared folder. This device's identity, its
-- hybrid-logical-clock stamp and its batch count live in sync_meta; the
-- batches read from other devices in sync_seen; every text a note had when
-- a sync ran, here or on another device, in note_change, stamped so that
-- every device orders them alike: the newest stamp is the current text, the
-- others stay in the note's history. A cleared note is a change to ''.

CREATE TABLE sync_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

CREATE TABLE sync_seen (
    device  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (device, seq)
) STRICT;

CREATE TABLE note_change (
    id             INTEGER PRIMARY KEY,
    comparison_id  TEXT NOT NULL,
    section        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    body           TEXT NOT NULL,
    stamp          TEXT NOT NULL UNIQUE,
    device         TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

CREATE INDEX note_change_by_key ON note_change(comparison_id, section, item_id, stamp);

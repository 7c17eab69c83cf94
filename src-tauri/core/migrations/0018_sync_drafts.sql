-- Drafts across devices: the last writer wins per draft, by stamp.
--
-- A draft gets a global id (the stamp made when a sync first records it),
-- kept in draft.sync_id: a row id is reused after a delete, a global id
-- never is. draft_sync holds, per draft, the newest state a sync knows of,
-- made here or on another device: its document (the editor's JSON, as it
-- travels), what it edits or was copied from, or that it was deleted
-- (discarded, or published), which travels as a tombstone so the draft
-- disappears everywhere.
ALTER TABLE draft ADD COLUMN sync_id TEXT;

CREATE UNIQUE INDEX draft_by_sync_id ON draft(sync_id);

CREATE TABLE draft_sync (
    id             TEXT PRIMARY KEY,
    comparison_id  TEXT,
    copied_from    TEXT,
    document       TEXT NOT NULL,
    deleted        INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    stamp          TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

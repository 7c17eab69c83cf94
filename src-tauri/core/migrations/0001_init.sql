-- The library (content, replaced by each import) and the learner's notes
-- (never touched by an import). Notes are keyed by the content's stable ids,
-- not by a row id, and carry no foreign key: nothing a content update does
-- can cascade into them.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE comparison (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,            -- 'library' for the shipped content, or a pack's name
    title         TEXT NOT NULL,
    category      TEXT NOT NULL,
    summary       TEXT NOT NULL,
    interview_tip TEXT NOT NULL,
    tags          TEXT NOT NULL,            -- JSON array of tag slugs
    retired       INTEGER NOT NULL DEFAULT 0,
    imported_at   INTEGER NOT NULL
) STRICT;

-- Every part of a comparison a note can hang on, including the comparison
-- as a whole and the interview tip (item_id 'main').
CREATE TABLE item (
    comparison_id TEXT NOT NULL REFERENCES comparison(id),
    section       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    position      INTEGER NOT NULL,
    name          TEXT,                     -- a subject's name
    label         TEXT,                     -- a subject's category
    text          TEXT NOT NULL,
    retired       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (comparison_id, section, item_id)
) STRICT;

CREATE TABLE note (
    comparison_id TEXT NOT NULL,
    section       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (comparison_id, section, item_id)
) STRICT;

CREATE INDEX note_by_updated ON note(updated_at DESC);

-- Earlier bodies of a note, kept so an accidental wipe can be undone.
CREATE TABLE note_version (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT NOT NULL,
    section       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    body          TEXT NOT NULL,
    saved_at      INTEGER NOT NULL,         -- when this body was saved
    replaced_at   INTEGER NOT NULL          -- when a later save replaced it
) STRICT;

CREATE INDEX note_version_by_key ON note_version(comparison_id, section, item_id, id);

CREATE TABLE recent_view (
    comparison_id TEXT PRIMARY KEY,
    viewed_at     INTEGER NOT NULL
) STRICT;

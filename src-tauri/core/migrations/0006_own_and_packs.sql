-- Comparisons of the learner's own and content packs. A comparison's
-- source says whose it is: 'library' (shipped with the app), 'mine' (written
-- in the app) or 'pack:<pack id>'. Its document is the comparison in the
-- content format as last imported, so it can be edited, copied and exported
-- exactly; the library fills it on its next import.

ALTER TABLE comparison ADD COLUMN document TEXT;

-- What the learner is writing, saved as they type and kept until published:
-- a new comparison (comparison_id NULL until its first publish) or an edit
-- of one of their own. The document is the editor's JSON and may be
-- incomplete; it is checked only when published.
CREATE TABLE draft (
    id            INTEGER PRIMARY KEY,
    comparison_id TEXT UNIQUE,
    copied_from   TEXT,
    document      TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Packs installed, and removed ones (removed_at set): removing archives a
-- pack's comparisons with their notes; installing it again brings them back.
CREATE TABLE pack (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    version      TEXT NOT NULL,
    author       TEXT NOT NULL,
    description  TEXT NOT NULL,
    comparisons  INTEGER NOT NULL,
    installed_at INTEGER NOT NULL,
    removed_at   INTEGER
) STRICT;

CREATE INDEX comparison_by_source ON comparison(source);

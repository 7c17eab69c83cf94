-- The learner's own comparisons and interview drills across devices.
--
-- comparison_change holds every revision of a comparison of the learner's
-- own that a sync knows of, here or from another device: its document (in
-- the content format, as the store keeps it) and whether it is archived,
-- stamped so every device orders them alike. The newest stamp is the
-- comparison everywhere; archiving is a revision too, never a delete.
-- `base` is the stamp of the revision the device had when it made this one
-- (NULL for a first publish): a revision that replaces another without it
-- in its line was made concurrently, and is kept as a draft on the device
-- that made it.
CREATE TABLE comparison_change (
    id             INTEGER PRIMARY KEY,
    comparison_id  TEXT NOT NULL,
    document       TEXT NOT NULL,
    archived       INTEGER NOT NULL CHECK (archived IN (0, 1)),
    stamp          TEXT NOT NULL UNIQUE,
    base           TEXT,
    device         TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

CREATE INDEX comparison_change_by_id ON comparison_change(comparison_id, stamp);

-- Every drill sync knows of, by a global id (the stamp made when the device
-- that kept it first recorded it): drills merge as a union. local_id is its
-- drill row here (NULL once deleted here for good, with its comparison);
-- comparison_id and submitted_at tell a row id reused later from the drill
-- recorded. A grade given later is the last writer's, by grade_stamp.
CREATE TABLE drill_sync (
    id             TEXT PRIMARY KEY,
    local_id       INTEGER UNIQUE,
    comparison_id  TEXT NOT NULL,
    submitted_at   INTEGER NOT NULL,
    grade          INTEGER CHECK (grade BETWEEN 1 AND 4),
    grade_stamp    TEXT NOT NULL,
    exported       INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

CREATE INDEX drill_sync_unexported ON drill_sync(id) WHERE exported = 0;

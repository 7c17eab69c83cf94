-- Cram: reviewing a comparison or category ahead of schedule without
-- touching any schedule. Its answers are kept apart from the review log,
-- so FSRS and the optimizer never see them, and a cram answer is an undo
-- step like a grade: the undo_step table is rebuilt (as SQLite needs to
-- change a CHECK) with the action 'cram' and the cram answer it undoes.

CREATE TABLE cram_log (
    id        INTEGER PRIMARY KEY,
    card_id   INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    grade     INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4)
) STRICT;

CREATE TABLE undo_step_with_cram (
    id             INTEGER PRIMARY KEY,
    action         TEXT NOT NULL CHECK (action IN ('grade', 'suspend', 'cram')),
    card_id        INTEGER NOT NULL,
    review_id      INTEGER,                   -- a grade's review_log row
    was_suspended  INTEGER CHECK (was_suspended IN (0, 1)),  -- a suspension's prior flag
    cram_id        INTEGER,                   -- a cram answer's cram_log row
    CHECK ((action = 'grade') = (review_id IS NOT NULL)),
    CHECK ((action = 'suspend') = (was_suspended IS NOT NULL)),
    CHECK ((action = 'cram') = (cram_id IS NOT NULL))
) STRICT;

INSERT INTO undo_step_with_cram (id, action, card_id, review_id, was_suspended)
    SELECT id, action, card_id, review_id, was_suspended FROM undo_step;
DROP TABLE undo_step;
ALTER TABLE undo_step_with_cram RENAME TO undo_step;

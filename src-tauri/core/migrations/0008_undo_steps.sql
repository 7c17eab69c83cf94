-- The steps a review session can undo, newest last: a grade (the review it
-- logged, whose before_* columns hold the card's exact prior state) or a
-- suspension (the flag it replaced). Ctrl+Z pops them one at a time. Only
-- the newest steps are kept; older ones can no longer be undone.

CREATE TABLE undo_step (
    id             INTEGER PRIMARY KEY,
    action         TEXT NOT NULL CHECK (action IN ('grade', 'suspend')),
    card_id        INTEGER NOT NULL,
    review_id      INTEGER,                   -- a grade's review_log row
    was_suspended  INTEGER CHECK (was_suspended IN (0, 1)),  -- a suspension's prior flag
    CHECK ((action = 'grade') = (review_id IS NOT NULL)),
    CHECK ((action = 'suspend') = (was_suspended IS NOT NULL))
) STRICT;

-- The FSRS parameters the learner adopted from "Optimize my schedule": one
-- row, or none for the defaults. Kept with how well they predicted the
-- learner's own answers when adopted (log loss, RMSE of the binned recall).

CREATE TABLE fsrs_parameters (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    parameters  TEXT NOT NULL,             -- JSON array of numbers
    adopted_at  INTEGER NOT NULL,
    log_loss    REAL NOT NULL,
    rmse        REAL NOT NULL
) STRICT;

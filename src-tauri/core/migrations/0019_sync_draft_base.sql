-- A draft's state as sync knows it also says which state it replaced on
-- the device that made it (base), and whether it was made here: an edit
-- that another device's concurrent edit replaces (the other was not made
-- on top of it) is kept here as a draft of its own, so neither is lost.
ALTER TABLE draft_sync ADD COLUMN base TEXT;
ALTER TABLE draft_sync ADD COLUMN made_here INTEGER NOT NULL DEFAULT 0 CHECK (made_here IN (0, 1));

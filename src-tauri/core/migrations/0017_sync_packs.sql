-- Installed packs across devices: the last writer wins per pack id.
--
-- pack_sync holds, per pack, the newest state a sync knows of, made here
-- or on another device: installed (with the listing and the fingerprint of
-- the comparisons it was installed with) or removed. A sync finds what the
-- learner did by comparing `pack` (and the fingerprint import keeps in
-- `meta`) with it: an install, an update or a removal since is a new state,
-- stamped. The pack itself is not kept here: an event is made from the
-- store's comparisons when it is sent.
CREATE TABLE pack_sync (
    pack_id      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    version      TEXT NOT NULL,
    author       TEXT NOT NULL,
    description  TEXT NOT NULL,
    hash         TEXT,
    removed      INTEGER NOT NULL CHECK (removed IN (0, 1)),
    stamp        TEXT NOT NULL,
    exported     INTEGER NOT NULL CHECK (exported IN (0, 1))
) STRICT;

-- What changed since the last sync, kept by triggers, so that a sync (and
-- Settings' count of what is pending) looks at the notes written since and
-- at the review log only when it changed, not at every note and every
-- review each time: a sync with nothing new ran a minute apart over 10,000
-- notes and 100,000 reviews in 75-90 ms, most of it those two scans.
--
-- Every note is dirty once, at this migration: the first sync after it
-- compares them all, as every sync did before.

CREATE TABLE note_dirty (
    comparison_id  TEXT NOT NULL,
    section        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    PRIMARY KEY (comparison_id, section, item_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO note_dirty SELECT comparison_id, section, item_id FROM note;
INSERT OR IGNORE INTO note_dirty SELECT DISTINCT comparison_id, section, item_id FROM note_change;

-- ON CONFLICT DO NOTHING, not INSERT OR IGNORE: an outer statement's own
-- conflict clause (a note saved by an upsert) would override the latter.
CREATE TRIGGER note_dirty_on_insert AFTER INSERT ON note BEGIN
    INSERT INTO note_dirty VALUES (NEW.comparison_id, NEW.section, NEW.item_id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER note_dirty_on_update AFTER UPDATE ON note BEGIN
    INSERT INTO note_dirty VALUES (OLD.comparison_id, OLD.section, OLD.item_id) ON CONFLICT DO NOTHING;
    INSERT INTO note_dirty VALUES (NEW.comparison_id, NEW.section, NEW.item_id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER note_dirty_on_delete AFTER DELETE ON note BEGIN
    INSERT INTO note_dirty VALUES (OLD.comparison_id, OLD.section, OLD.item_id) ON CONFLICT DO NOTHING;
END;

-- The review log changed (a grade, an undo, a comparison deleted with its
-- reviews) since the last sync compared it with what sync recorded. A
-- replay rewrites only the before and after columns, which is no change.
INSERT INTO sync_meta (key, value) VALUES ('review_log_changed', '1')
    ON CONFLICT (key) DO UPDATE SET value = '1';

CREATE TRIGGER review_log_changed_on_insert AFTER INSERT ON review_log BEGIN
    INSERT INTO sync_meta (key, value) VALUES ('review_log_changed', '1')
        ON CONFLICT (key) DO UPDATE SET value = '1';
END;

CREATE TRIGGER review_log_changed_on_delete AFTER DELETE ON review_log BEGIN
    INSERT INTO sync_meta (key, value) VALUES ('review_log_changed', '1')
        ON CONFLICT (key) DO UPDATE SET value = '1';
END;

CREATE TRIGGER review_log_changed_on_update AFTER UPDATE OF card_id, reviewed_at, grade ON review_log BEGIN
    INSERT INTO sync_meta (key, value) VALUES ('review_log_changed', '1')
        ON CONFLICT (key) DO UPDATE SET value = '1';
END;

-- One full-text index over the library's current items and the learner's
-- notes. It is a regular FTS5 table (it keeps its own copy of the text)
-- rather than an external-content one, because its rows come from two
-- tables, item and note; the triggers below keep it in step, deleting by
-- the exact rowid they inserted. Item rows keep the item's rowid; note rows
-- use the note's rowid plus 2^40, so that a rowid range selects one kind and
-- FTS5 can search items and notes separately without reading any column.

CREATE VIRTUAL TABLE search_index USING fts5(
    title,                      -- the comparison's title, on its overview row
    name,                       -- a subject's name; the category and tags on the overview row
    body,                       -- the item's text, or the note's Markdown
    kind UNINDEXED,             -- 'item' or 'note'
    comparison_id UNINDEXED,
    section UNINDEXED,
    item_id UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);

-- What the index holds for one item: the title (and category and tags) on
-- the comparison's own row, a subject's name on subject rows.
CREATE VIEW item_search_row AS
SELECT i.rowid AS rowid,
       CASE WHEN i.section = 'comparison' THEN c.title ELSE '' END AS title,
       CASE WHEN i.section = 'comparison'
            THEN c.category || ' ' || replace(replace(replace(c.tags, '[', ''), ']', ''), '"', '')
            ELSE coalesce(i.name, '') END AS name,
       i.text AS body, 'item' AS kind, i.comparison_id, i.section, i.item_id, i.retired
FROM item i JOIN comparison c ON c.id = i.comparison_id;

CREATE TRIGGER item_search_insert AFTER INSERT ON item WHEN new.retired = 0 BEGIN
    INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
    SELECT rowid, title, name, body, kind, comparison_id, section, item_id FROM item_search_row WHERE rowid = new.rowid;
END;

CREATE TRIGGER item_search_update AFTER UPDATE ON item BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid;
    INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
    SELECT rowid, title, name, body, kind, comparison_id, section, item_id FROM item_search_row
    WHERE rowid = new.rowid AND retired = 0;
END;

CREATE TRIGGER item_search_delete AFTER DELETE ON item BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid;
END;

CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
    INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
    VALUES (new.rowid + 1099511627776, '', '', new.body, 'note', new.comparison_id, new.section, new.item_id);
END;

CREATE TRIGGER note_search_update AFTER UPDATE ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid + 1099511627776;
    INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
    VALUES (new.rowid + 1099511627776, '', '', new.body, 'note', new.comparison_id, new.section, new.item_id);
END;

CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid + 1099511627776;
END;

-- Index what an older store already holds.
INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
SELECT rowid, title, name, body, kind, comparison_id, section, item_id FROM item_search_row WHERE retired = 0;

INSERT INTO search_index (rowid, title, name, body, kind, comparison_id, section, item_id)
SELECT rowid + 1099511627776, '', '', body, 'note', comparison_id, section, item_id FROM note;

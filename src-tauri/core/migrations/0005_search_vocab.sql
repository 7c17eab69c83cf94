-- The words the search index holds, one row per distinct term with the number
-- of rows it appears in: the source of "Did you mean …?" for a misspelt
-- query. It reads the index itself, so it can never disagree with it and
-- needs no triggers.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row');

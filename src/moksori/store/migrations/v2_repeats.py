"""Schema 2: repeated passages in their own index column."""

# Passages repeated from another document (duplicate_of set) keep their terms
# in a second column, so a default search is a column filter instead of a
# join or a NOT over every match, and a one-word count is one fts5vocab row.
SQL = """
DROP TRIGGER segment_fts_delete;

CREATE VIRTUAL TABLE segment_fts_v2 USING fts5(
    terms,
    repeat_terms,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO segment_fts_v2(rowid, terms, repeat_terms)
SELECT f.rowid,
       CASE WHEN s.duplicate_of IS NULL THEN f.terms ELSE '' END,
       CASE WHEN s.duplicate_of IS NULL THEN '' ELSE f.terms END
FROM segment_fts f JOIN segment s ON s.id = f.rowid;

DROP TABLE segment_fts;
ALTER TABLE segment_fts_v2 RENAME TO segment_fts;

CREATE VIRTUAL TABLE segment_fts_columns USING fts5vocab(segment_fts, col);

CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN
    DELETE FROM segment_fts WHERE rowid = old.id;
END;
"""

"""Schema 3: the impact column that lets ranking skip rows (store/impact.py)."""

# A third column, weighted 0 in ranking, names the rows that can reach the top
# of a BM25 ranking (see store/impact.py); the vocabulary table has no use left.
SQL = """
DROP TRIGGER segment_fts_delete;
DROP TABLE segment_fts_columns;

CREATE VIRTUAL TABLE segment_fts_v3 USING fts5(
    terms,
    repeat_terms,
    impact,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO segment_fts_v3(rowid, terms, repeat_terms, impact)
SELECT rowid, terms, repeat_terms, moksori_impact(terms || ' ' || repeat_terms)
FROM segment_fts;

DROP TABLE segment_fts;
ALTER TABLE segment_fts_v3 RENAME TO segment_fts;

CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN
    DELETE FROM segment_fts WHERE rowid = old.id;
END;
"""

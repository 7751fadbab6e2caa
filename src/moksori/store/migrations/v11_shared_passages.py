"""Schema 11: long passages shared between documents (issue 17).

``passage_fingerprint`` is the index that finds them without comparing every
pair of documents: winnowed hashes of each document's letters
(``ingest.shared_passages``). ``shared_passage`` links the two copies, in
code-point offsets of each document's stored text; the earlier-added
document's copy stays searchable and the later one is a repeat. Projects
upgraded from schema 10 start with both tables empty (``Sources.rescan_shared``
fills them).
"""

SQL = """
CREATE TABLE passage_fingerprint (
    hash        INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL
);
CREATE INDEX passage_fingerprint_hash ON passage_fingerprint(hash);
CREATE INDEX passage_fingerprint_document ON passage_fingerprint(document_id);

CREATE TABLE shared_passage (
    id          INTEGER PRIMARY KEY,
    first_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    first_start INTEGER NOT NULL,
    first_end   INTEGER NOT NULL,
    later_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    later_start INTEGER NOT NULL,
    later_end   INTEGER NOT NULL,
    CHECK (first_id < later_id AND first_start < first_end AND later_start < later_end)
);
CREATE INDEX shared_passage_first ON shared_passage(first_id);
CREATE INDEX shared_passage_later ON shared_passage(later_id);
"""

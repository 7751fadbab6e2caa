"""Schema 6: translations, their alignment, and segment embeddings.

A translation pairs an original document with its translation (at most one per
language, checked in code). Alignment links join a range of whole sentences in
the original to a range in the translation (code points, end exclusive; an empty
range on one side is a dropped or added sentence), with a confidence and a flag
for links set by hand, which a re-alignment keeps. Embeddings are stored per
passage and sentence, inside the encrypted file like everything else.
"""

SQL = """
CREATE TABLE translation (
    id             INTEGER PRIMARY KEY,
    original_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    translation_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    aligned_at     TEXT,
    CHECK (original_id != translation_id),
    UNIQUE (original_id, translation_id)
);
CREATE INDEX translation_of ON translation(translation_id);

CREATE TABLE alignment (
    id             INTEGER PRIMARY KEY,
    pair_id        INTEGER NOT NULL REFERENCES translation(id) ON DELETE CASCADE,
    a_start        INTEGER NOT NULL,
    a_end          INTEGER NOT NULL,
    b_start        INTEGER NOT NULL,
    b_end          INTEGER NOT NULL,
    confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    manual         INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    created_at     TEXT NOT NULL,
    CHECK (a_start >= 0 AND b_start >= 0 AND a_end >= a_start AND b_end >= b_start),
    CHECK (a_end > a_start OR b_end > b_start)
);
CREATE INDEX alignment_pair ON alignment(pair_id, a_start);

CREATE TABLE segment_vector (
    segment_id INTEGER PRIMARY KEY REFERENCES segment(id) ON DELETE CASCADE,
    model      TEXT NOT NULL,
    vector     BLOB NOT NULL
);
-- Counting and finding vectors must not read (and decrypt) their blobs.
CREATE INDEX segment_vector_model ON segment_vector(model, segment_id);
"""

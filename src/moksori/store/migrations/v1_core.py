"""Schema 1: files, documents, segments and their full-text index."""

SQL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The original bytes of every ingested file, so nothing is ever lost.
CREATE TABLE source_file (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    sha256   TEXT NOT NULL UNIQUE,
    size     INTEGER NOT NULL,
    format   TEXT NOT NULL,
    added_at TEXT NOT NULL,
    data     BLOB NOT NULL
);

CREATE TABLE document (
    id             INTEGER PRIMARY KEY,
    source_file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
    part           TEXT,
    title          TEXT,
    author         TEXT,
    date           TEXT,
    format         TEXT NOT NULL,
    lang           TEXT NOT NULL,
    encoding       TEXT,
    quality        TEXT NOT NULL,
    replaced_chars INTEGER NOT NULL DEFAULT 0,
    text           TEXT NOT NULL,
    char_count     INTEGER NOT NULL,
    metadata       TEXT NOT NULL DEFAULT '{}',
    added_at       TEXT NOT NULL
);
CREATE INDEX document_source ON document(source_file_id);

CREATE TABLE document_attribute (
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, name)
);
CREATE INDEX document_attribute_value ON document_attribute(name, value);

-- Boilerplate left out of document.text; "at" is a code-point offset into it.
CREATE TABLE removed_text (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX removed_text_document ON removed_text(document_id);

-- Passages (paragraph/turn/cue/row) and their sentences. start/end are
-- code-point offsets into document.text, end exclusive.
CREATE TABLE segment (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES segment(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('paragraph', 'turn', 'sentence', 'cue', 'row')),
    ordinal      INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    speaker      TEXT,
    lang         TEXT,
    cue_start_ms INTEGER,
    cue_end_ms   INTEGER,
    fingerprint  TEXT,
    duplicate_of INTEGER REFERENCES segment(id) ON DELETE SET NULL,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX segment_document ON segment(document_id, kind, start);
CREATE INDEX segment_parent ON segment(parent_id);
CREATE INDEX segment_fingerprint ON segment(fingerprint) WHERE fingerprint IS NOT NULL;
CREATE INDEX segment_speaker ON segment(speaker) WHERE speaker IS NOT NULL;

-- Analysed terms of each passage (Kiwi lemmas, South-Korean-spelling forms,
-- English stems); rowid = segment.id.
CREATE VIRTUAL TABLE segment_fts USING fts5(
    terms,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN
    DELETE FROM segment_fts WHERE rowid = old.id;
END;

CREATE TABLE audit (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
"""

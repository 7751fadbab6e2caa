"""Schema 4: the qualitative-analysis layer.

Coders, the hierarchical codebook with typed links, codings (code-point
ranges, exclusive end, like segments), cases with typed attributes and links
to documents, segments or speaker turns, and memos on anything. Every record
a REFI-QDA exchange names carries a GUID so projects can be merged and
round-tripped without matching on names.
"""

SQL = """
-- People who code. 'consensus' is the reconciled view of several coders.
CREATE TABLE coder (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role       TEXT NOT NULL DEFAULT 'coder' CHECK (role IN ('owner', 'coder', 'consensus')),
    created_at TEXT NOT NULL
);

-- The codebook: categories and codes to any depth. A code with
-- codable = 0 is a folder (REFI-QDA isCodable="false").
CREATE TABLE code (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    parent_id   INTEGER REFERENCES code(id) ON DELETE RESTRICT,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    alt_name    TEXT,
    definition  TEXT NOT NULL DEFAULT '',
    inclusion   TEXT NOT NULL DEFAULT '',
    exclusion   TEXT NOT NULL DEFAULT '',
    examples    TEXT NOT NULL DEFAULT '[]',
    colour      TEXT CHECK (colour IS NULL OR (length(colour) = 7
                            AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')),
    is_core     INTEGER NOT NULL DEFAULT 0 CHECK (is_core IN (0, 1)),
    codable     INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1)),
    ordinal     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX code_sibling_name ON code(coalesce(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX code_parent ON code(parent_id);
-- At most one core category.
CREATE UNIQUE INDEX code_one_core ON code(is_core) WHERE is_core = 1;

-- Typed links between codes, for axial coding.
CREATE TABLE code_link (
    id         INTEGER PRIMARY KEY,
    from_code  INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    to_code    INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (length(trim(relation)) > 0),
    memo       TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (from_code, to_code, relation),
    CHECK (from_code != to_code)
);

-- A code applied to a range of a document's text by one coder.
CREATE TABLE coding (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    code_id     INTEGER NOT NULL REFERENCES code(id) ON DELETE RESTRICT,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    coder_id    INTEGER NOT NULL REFERENCES coder(id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    memo        TEXT,
    origin      TEXT NOT NULL DEFAULT 'manual'
                CHECK (origin IN ('manual', 'query', 'projected', 'suggested', 'imported',
                                  'consensus', 'merged')),
    source_id   INTEGER REFERENCES coding(id) ON DELETE SET NULL,
    CHECK (start >= 0 AND "end" > start),
    UNIQUE (code_id, document_id, start, "end", coder_id)
);
CREATE INDEX coding_code ON coding(code_id);
CREATE INDEX coding_document ON coding(document_id, start);
CREATE INDEX coding_coder ON coding(coder_id);

-- Cases: usually participants, named by pseudonym only.
CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE attribute (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    type        TEXT NOT NULL
                CHECK (type IN ('text', 'integer', 'float', 'date', 'boolean',
                                'ordinal', 'category')),
    levels      TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT ''
);

-- Values are stored in a canonical text form for their type (ISO dates,
-- 'true'/'false', decimal numbers) and checked on the way in.
CREATE TABLE case_value (
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    PRIMARY KEY (case_id, attribute_id)
);

-- A case is linked to a whole document, to a range of it, or to every turn
-- of one speaker in it (a group interview).
CREATE TABLE case_link (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start       INTEGER,
    "end"       INTEGER,
    speaker     TEXT,
    CHECK ((start IS NULL) = ("end" IS NULL)),
    CHECK (start IS NULL OR (start >= 0 AND "end" > start)),
    CHECK (speaker IS NULL OR start IS NULL)
);
CREATE INDEX case_link_case ON case_link(case_id);
CREATE INDEX case_link_document ON case_link(document_id);

-- Memos on the project, a code, a document, a case or a coding.
CREATE TABLE memo (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    target_kind TEXT NOT NULL
                CHECK (target_kind IN ('project', 'code', 'document', 'case', 'coding')),
    target_id   INTEGER,
    author_id   INTEGER REFERENCES coder(id) ON DELETE SET NULL,
    title       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((target_kind = 'project') = (target_id IS NULL))
);
CREATE INDEX memo_target ON memo(target_kind, target_id);

-- Memo text analysed like passages (rowid = memo.id), so memos can be searched.
CREATE VIRTUAL TABLE memo_fts USING fts5(
    terms,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER memo_fts_delete AFTER DELETE ON memo BEGIN
    DELETE FROM memo_fts WHERE rowid = old.id;
END;

-- Project settings for the coding workflow (blind coding and the like).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

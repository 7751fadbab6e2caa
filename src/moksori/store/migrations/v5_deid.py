"""Schema 5: de-identification.

Findings are proposals over the stored text (code points, end exclusive);
entities are the people behind them, known here only by pseudonym. The real
names, their aliases and the known-names list live in the vault, a separate
encrypted file, so this project can be shared without revealing anyone.
``project_guid`` ties a vault to its project (and to shared copies of it).
"""

SQL = """
INSERT OR IGNORE INTO meta(key, value) VALUES ('project_guid', lower(hex(randomblob(16))));

-- A person (or other referent) behind findings; pseudonyms are unique.
CREATE TABLE entity (
    id           INTEGER PRIMARY KEY,
    guid         TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL DEFAULT 'person',
    pseudonym    TEXT NOT NULL CHECK (length(trim(pseudonym)) > 0),
    pseudonym_ko TEXT,
    chosen       INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX entity_pseudonym ON entity(pseudonym COLLATE NOCASE);

-- Personal data found in a document. Only the span: never the string.
CREATE TABLE finding (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    type        TEXT NOT NULL,
    detector    TEXT NOT NULL,
    confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status      TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'accepted', 'rejected')),
    entity_id   INTEGER REFERENCES entity(id) ON DELETE SET NULL,
    info        TEXT NOT NULL DEFAULT '{}',
    reviewed_by TEXT,
    reviewed_at TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (document_id, start, "end", type),
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX finding_document ON finding(document_id, start);
CREATE INDEX finding_status ON finding(status, type);
CREATE INDEX finding_entity ON finding(entity_id) WHERE entity_id IS NOT NULL;

-- Which documents have been scanned, and with which detector version.
CREATE TABLE deid_scan (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    scanned_at  TEXT NOT NULL
);
"""

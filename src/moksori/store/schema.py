"""The versioned schema of a project file, as an ordered list of migrations.

A project records its ``schema_version`` in ``meta``. Opening a project runs
every newer migration in one transaction; a project written by a newer
moksori is refused rather than half-understood.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlcipher3

from moksori import __version__
from moksori.errors import ProjectError, SchemaTooNew
from moksori.store.database import Connection, transaction
from moksori.store.impact import impact_terms

MIGRATION_1 = """
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

# Passages repeated from another document (duplicate_of set) keep their terms
# in a second column, so a default search is a column filter instead of a
# join or a NOT over every match, and a one-word count is one fts5vocab row.
MIGRATION_2 = """
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

# A third column, weighted 0 in ranking, names the rows that can reach the top
# of a BM25 ranking (see store/impact.py); the vocabulary table has no use left.
MIGRATION_3 = """
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

MIGRATIONS: list[tuple[int, str]] = [(1, MIGRATION_1), (2, MIGRATION_2), (3, MIGRATION_3)]
LATEST_VERSION = MIGRATIONS[-1][0]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_version(conn: Connection) -> int:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> list[int]:
    """Bring the schema up to date; returns the versions applied."""
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise SchemaTooNew(
            f"this project uses schema {version}, newer than this moksori understands "
            f"({LATEST_VERSION}); upgrade moksori"
        )
    applied: list[int] = []
    pending = [(v, sql) for v, sql in MIGRATIONS if v > version]
    if not pending:
        return applied
    conn.create_function("moksori_impact", 1, impact_terms, deterministic=True)
    with transaction(conn):
        for v, sql in pending:
            try:
                for statement in _statements(sql):
                    conn.execute(statement)
            except sqlcipher3.Error as exc:
                raise ProjectError(
                    f"upgrading the project to schema {v} failed ({exc}); "
                    "the project was left unchanged"
                ) from exc
            applied.append(v)
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(applied[-1]),),
        )
        conn.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?), ('created_by', ?)",
            (now(), f"moksori {__version__}"),
        )
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration script; triggers contain ';' so we use sqlite's own test."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlcipher3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

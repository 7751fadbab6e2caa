"""The versioned schema of a project file, as an ordered list of migrations.

A project records its ``schema_version`` in ``meta``. Opening a project runs
every newer migration in one transaction; a project written by a newer
moksori is refused rather than half-understood.
"""

from __future__ import annotations

import sqlcipher3

from moksori import __version__
from moksori.errors import ProjectError, SchemaTooNew
from moksori.store import reindex
from moksori.store.clock import now
from moksori.store.database import Connection, transaction
from moksori.store.migrations import ALL_MIGRATIONS

MIGRATIONS = ALL_MIGRATIONS
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> list[int]:
    """Bring the schema up to date, and the search index if an older analyser made
    it (:mod:`moksori.store.reindex`); returns the schema versions applied."""
    applied = _migrate(conn)
    reindex.refresh(conn)
    return applied


def _migrate(conn: Connection) -> list[int]:
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

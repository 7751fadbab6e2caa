"""Keyword search over the redacted text only, for accounts that may not read originals.

Filtering hits of the project's own index cannot hide a name: ``김철수 AND
두만강`` matches on the hidden name and shows the passage where its pseudonym
stands, which ties the two together (and ``NOT 김철수`` tells by its absence).
So a viewer's query runs on a second index, built from the redacted view of
every scanned document with the same analyser as the project index, and held
in memory only (never on disk). It is rebuilt when anything that shapes the
redacted view changes: documents, scans, findings and their review, entities
and the redaction policy.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import sqlcipher3

from moksori.errors import QueryError
from moksori.korean.terms import index_terms, phrase_terms, query_terms, term_spans_many
from moksori.protect.findings import Findings
from moksori.protect.share import Scrubber
from moksori.protect.view import ViewCache
from moksori.store import documents, passages
from moksori.store.database import Connection
from moksori.store.query import compile_fts, parse

SNIPPET_CHARS = 180


@dataclass
class RedactedHit:
    segment_id: int
    document_id: int
    start: int  # code points in the document's redacted view
    end: int
    speaker: str | None
    score: float
    text: str  # the passage as the redacted view shows it
    highlights: list[tuple[int, int]] = field(default_factory=list)  # redacted offsets


@dataclass
class RedactedResult:
    total: int
    hits: list[RedactedHit]
    unscanned: int  # documents left out: never scanned for personal data
    # the redacted text of each document hit, for converting offsets at the edge
    texts: dict[int, str] = field(default_factory=dict)


def state_of(conn: Connection) -> tuple[object, ...]:
    """A fingerprint of everything the redacted view of the project depends on."""
    return (
        conn.execute(
            "SELECT count(*), coalesce(max(id), 0), coalesce(sum(id * CASE status "
            "WHEN 'accepted' THEN 1 WHEN 'rejected' THEN 2 ELSE 3 END), 0), "
            'coalesce(sum(start * 7 + "end" * 13), 0), max(reviewed_at) FROM finding'
        ).fetchone(),
        conn.execute("SELECT count(*), max(scanned_at) FROM deid_scan").fetchone(),
        documents.content_state(conn),
        conn.execute(
            "SELECT count(*), group_concat(coalesce(pseudonym, '') || '|' || "
            "coalesce(pseudonym_ko, ''), ',') FROM entity"
        ).fetchone(),
        conn.execute(
            "SELECT group_concat(key || '=' || value, ',') FROM "
            "(SELECT key, value FROM setting WHERE key LIKE 'deid.%' ORDER BY key)"
        ).fetchone(),
    )


class RedactedIndex:
    """The FTS5 index of the redacted passages of every scanned document."""

    def __init__(self, conn: Connection, state: tuple[object, ...]) -> None:
        self.state = state
        self._lock = threading.Lock()
        self._db = sqlcipher3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA temp_store = MEMORY")
        self._db.execute(
            "CREATE VIRTUAL TABLE rfts USING fts5("
            "terms, tokenize = 'unicode61 remove_diacritics 0')"
        )
        self._db.execute(
            "CREATE TABLE passage(id INTEGER PRIMARY KEY, document_id INTEGER, start INTEGER, "
            '"end" INTEGER, speaker TEXT, lang TEXT)'
        )
        unscanned = set(Findings(conn).unscanned_documents())
        self.unscanned = len(unscanned)
        views = ViewCache(conn)
        scrub = Scrubber.of(conn)
        rows = []
        self._texts: dict[int, str] = {}  # each scanned document's redacted text
        for sid, doc, start, end, speaker, lang in passages.original_passages(conn):
            if doc in unscanned:
                continue
            view = views(doc)
            self._texts[doc] = view.text
            s, e = view.map_range(start, end)
            rows.append((sid, doc, s, e, scrub(speaker), lang))
        with self._db:
            self._db.executemany("INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?)", rows)
            for i in range(0, len(rows), 2000):
                chunk = rows[i : i + 2000]
                terms = index_terms([self._texts[r[1]][r[2] : r[3]] for r in chunk])
                self._db.executemany(
                    "INSERT INTO rfts(rowid, terms) VALUES (?, ?)",
                    [(r[0], t) for r, t in zip(chunk, terms, strict=True)],
                )

    def search(
        self, query: str, *, langs: list[str] | None = None, limit: int = 50
    ) -> RedactedResult:
        parsed = parse(query)
        f = parsed.filters
        if f.speakers or f.documents or f.attributes:
            raise QueryError(
                "redacted search takes no speaker, document or attribute filters "
                "(they may name people)"
            )
        compiled = compile_fts(parsed.tree, query_terms, phrase_terms)
        if compiled.match is None:
            if parsed.tree is None and not (langs or f.langs):
                raise QueryError("empty query; give words to search for")
            return RedactedResult(0, [], self.unscanned)
        wanted = list(dict.fromkeys([*(langs or []), *f.langs]))
        where, args = "", []
        if wanted:
            where = f" AND p.lang IN ({','.join('?' * len(wanted))})"
            args = wanted
        with self._lock:
            rows = self._db.execute(
                "WITH m AS (SELECT rowid AS id, bm25(rfts) AS score FROM rfts WHERE rfts MATCH ?) "
                'SELECT p.id, p.document_id, p.start, p."end", p.speaker, m.score, '
                f"count(*) OVER () FROM m JOIN passage p ON p.id = m.id WHERE 1{where} "
                "ORDER BY m.score, p.id LIMIT ?",
                [compiled.match, *args, limit],
            ).fetchall()
        hits = [
            RedactedHit(sid, doc, s, e, speaker, round(-float(score), 4), self._texts[doc][s:e])
            for sid, doc, s, e, speaker, score, _ in rows
        ]
        if hits and compiled.positive_terms:
            for hit, spans in zip(hits, term_spans_many([h.text for h in hits]), strict=True):
                hit.highlights = [
                    (hit.start + a, hit.start + b)
                    for a, b, ts in spans
                    if ts & compiled.positive_terms
                ]
        texts = {h.document_id: self._texts[h.document_id] for h in hits}
        return RedactedResult(int(rows[0][6]) if rows else 0, hits, self.unscanned, texts)

    def close(self) -> None:
        self._db.close()


_cache: dict[str, RedactedIndex] = {}
_cache_lock = threading.Lock()


def redacted_index(conn: Connection, key: str) -> RedactedIndex:
    """The index for project ``key`` (its GUID), rebuilt when its redacted view changed."""
    state = state_of(conn)
    with _cache_lock:
        index = _cache.get(key)
        if index is None or index.state != state:
            if index is not None:
                index.close()
            index = RedactedIndex(conn, state)
            _cache[key] = index
        return index

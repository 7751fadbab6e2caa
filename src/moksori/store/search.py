"""Keyword search over the FTS5 index of analysed passage terms.

Ranking is FTS5's BM25. Passages marked as embedded duplicates of an earlier
passage are hidden unless asked for, so a repeated article is not counted twice.
A passage that only partly repeats one from an earlier document (an article
merged into a speaker's turn: ``store.shared_passages``) is searched by its own
text only; with ``include_duplicates`` by all of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.errors import QueryError
from moksori.ingest.model import PASSAGE_KINDS
from moksori.korean.terms import phrase_terms, query_terms, term_spans_many
from moksori.store.database import Connection
from moksori.store.documents import resolve_document
from moksori.store.query import Filters, compile_fts, parse
from moksori.store.ranking import BM25, Ranker, RankQuery, run_query

SNIPPET_CHARS = 180


@dataclass
class Highlight:
    start: int
    end: int


@dataclass
class Hit:
    segment_id: int
    document_id: int
    document: str
    kind: str
    speaker: str | None
    lang: str | None
    start: int
    end: int
    score: float
    text: str
    snippet: str
    snippet_start: int
    highlights: list[Highlight] = field(default_factory=list)
    duplicate_of: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    fts: str | None
    total: int
    hits: list[Hit]
    note: str | None = None  # e.g. passages a meaning-based search could not see

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_json() for h in self.hits],
        }
        if self.note:
            out["note"] = self.note
        return out


def _filter_sql(conn: Connection, filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.documents:
        ids = [resolve_document(conn, ref) for ref in filters.documents]
        clauses.append(f"s.document_id IN ({','.join('?' * len(ids))})")
        params += ids
    if filters.speakers:
        clauses.append("(" + " OR ".join("s.speaker LIKE ?" for _ in filters.speakers) + ")")
        params += [sp.replace("%", r"\%") + "%" for sp in filters.speakers]
    if filters.langs:
        clauses.append(f"s.lang IN ({','.join('?' * len(filters.langs))})")
        params += filters.langs
    for key, value in filters.attributes:
        clauses.append(
            "EXISTS (SELECT 1 FROM document_attribute a WHERE a.document_id = s.document_id "
            "AND a.name = ? AND a.value = ?)"
        )
        params += [key, value]
    return ("".join(f" AND {c}" for c in clauses), params)


_SEGMENT_COLUMNS = (
    's.id, s.document_id, s.kind, s.start, s."end", s.speaker, s.lang, s.duplicate_of'
)


def search(
    conn: Connection,
    query: str,
    *,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
    include_duplicates: bool = False,
    with_snippets: bool = True,
    ranker: Ranker | None = None,
) -> SearchResult:
    parsed = parse(query)
    all_filters = parsed.filters.merge(filters or Filters())
    compiled = compile_fts(parsed.tree, query_terms, phrase_terms)
    where, params = _filter_sql(conn, all_filters)
    if compiled.match is None:
        if parsed.tree is not None:
            # words were given but all were stopwords or punctuation
            return SearchResult(query, None, 0, [])
        if not any(asdict(all_filters).values()):
            raise QueryError("empty query; give words to search for or a filter")
        if not include_duplicates:
            where += " AND s.duplicate_of IS NULL"
        kinds = ",".join(f"'{k}'" for k in PASSAGE_KINDS)
        rows = run_query(
            conn,
            f"SELECT {_SEGMENT_COLUMNS}, 0.0, count(*) OVER () FROM segment s "
            f"WHERE s.kind IN ({kinds}){where} "
            "ORDER BY s.document_id, s.start LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        total = int(rows[0][9]) if rows else 0
    else:
        column = None if include_duplicates else "terms"  # repeats live in repeat_terms
        rq = RankQuery(
            compiled.match, column, compiled.required_phrases, frozenset(compiled.positive_terms)
        )
        if where:
            rows = run_query(
                conn,
                f"WITH m AS (SELECT rowid AS id, {BM25} AS score FROM segment_fts "
                "WHERE segment_fts MATCH ?) "
                f"SELECT {_SEGMENT_COLUMNS}, m.score, count(*) OVER () "
                f"FROM m JOIN segment s ON s.id = m.id WHERE 1{where} "
                "ORDER BY m.score, s.id LIMIT ? OFFSET ?",
                [rq.full, *params, limit, offset],
            )
            total = int(rows[0][9]) if rows else 0
        else:
            # No filter: count and rank inside FTS5, then read only the page shown.
            total, ranked = (ranker or Ranker(conn, None)).count_and_rank(rq, offset + limit)
            rows = _segments_in_order(conn, ranked[offset:])
    hits = _hits(conn, rows)
    if with_snippets and compiled.positive_terms:
        _highlight(hits, compiled.positive_terms)
    return SearchResult(query, compiled.match, total, hits)


def ranked_hits(
    conn: Connection,
    ranked: list[tuple[int, float]],
    highlight_terms: set[str] | None = None,
) -> list[Hit]:
    """Hits for (segment id, score) pairs already ranked elsewhere (meaning-based or
    fused search), in that order; scores are shown as given."""
    rows = _segments_in_order(conn, [(sid, -score) for sid, score in ranked])
    hits = _hits(conn, rows)
    if highlight_terms:
        _highlight(hits, highlight_terms)
    return hits


def filtered_segments(conn: Connection, filters: Filters) -> set[int] | None:
    """Ids of the segments a query's filters allow; None when nothing is filtered."""
    where, args = _filter_sql(conn, filters)
    if not where:
        return None
    rows = conn.execute(f"SELECT s.id FROM segment s WHERE 1{where}", args).fetchall()
    return {int(r[0]) for r in rows}


def _segments_in_order(conn: Connection, ranked: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    by_id = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {_SEGMENT_COLUMNS} FROM segment s WHERE s.id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    return [(*by_id[seg_id], score, None) for seg_id, score in ranked if seg_id in by_id]


def _hits(conn: Connection, rows: list[tuple[Any, ...]]) -> list[Hit]:
    """Hit texts cut out in SQL, so a long document is never decoded whole."""
    if not rows:
        return []
    ids = [row[0] for row in rows]
    found = {
        r[0]: r[1:]
        for r in conn.execute(
            'SELECT s.id, substr(d.text, s.start + 1, s."end" - s.start), '
            "coalesce(nullif(d.title, ''), f.name), d.part FROM segment s "
            "JOIN document d ON d.id = s.document_id "
            "JOIN source_file f ON f.id = d.source_file_id "
            f"WHERE s.id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    hits = []
    for seg_id, doc_id, kind, start, end, speaker, lang, dup, score, _ in rows:
        text, label, part = found[seg_id]
        hits.append(
            Hit(
                segment_id=seg_id,
                document_id=doc_id,
                document=f"{label} ({part})" if part else label,
                kind=kind,
                speaker=speaker,
                lang=lang,
                start=start,
                end=end,
                score=round(-float(score), 4),
                text=text,
                snippet=text[:SNIPPET_CHARS],
                snippet_start=start,
                duplicate_of=dup,
            )
        )
    return hits


def _highlight(hits: list[Hit], terms: set[str]) -> None:
    """Highlight offsets and a snippet centred on the first one (one Kiwi batch)."""
    for hit, all_spans in zip(hits, term_spans_many([h.text for h in hits]), strict=True):
        spans = [(a, b) for a, b, ts in all_spans if ts & terms]
        hit.highlights = [Highlight(hit.start + a, hit.start + b) for a, b in spans]
        if spans and len(hit.text) > SNIPPET_CHARS:
            first = spans[0][0]
            lo = max(0, min(first - SNIPPET_CHARS // 3, len(hit.text) - SNIPPET_CHARS))
            hit.snippet = hit.text[lo : lo + SNIPPET_CHARS]
            hit.snippet_start = hit.start + lo

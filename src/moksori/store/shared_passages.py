"""Passages shared between documents: found when a document is added, kept out of search.

Each document's winnowed letter hashes go in ``passage_fingerprint``; a new
document's hashes are looked up there (an index, not every pair of documents),
and every long run it shares with an earlier document is stored in
``shared_passage`` with both copies' offsets (:mod:`moksori.ingest.shared_passages`).

The earlier-added copy stays searchable. In the later document, a passage
(paragraph, turn, cue or row) that is all shared text becomes a repeat like a
paragraph-fingerprint duplicate (``duplicate_of``, its terms in the index's
``repeat_terms`` column). A passage only partly shared (an article merged into
a speaker's turn) keeps the terms of its own text in ``terms`` and moves those
of the shared text to ``repeat_terms``: without ``--include-duplicates`` it is
searched by its own text only, so a hit whose words fall only in the shared
text is a repeat (and ``remittance AND aunt`` misses a turn whose "remittance"
is in the article only). Its ``duplicate_of`` stays empty: it is no repeat.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from moksori.ingest import shared_passages as shared
from moksori.store import passages
from moksori.store.database import Connection

# A hash more than this many earlier documents hold is a phrase of the corpus (a
# notice atop every transcript, a question asked of everyone, a site's template), not
# an article copied: it never makes two documents worth comparing, only its earliest
# holders are read, and no more are stored. This bounds the work per document added
# whatever the corpus size; a passage already on HOLDERS documents is not linked to
# more. 4, not 12: on the 50 MB benchmark corpus (transcripts from one sentence bank)
# 12 made detection 2.5 times as costly (every document compared with every other).
HOLDERS = 4
# Each distinct hash is looked up once: a phrase a transcript repeats (a label, a stock
# answer) would otherwise return its earlier rows once per repetition (3x the rows on
# the benchmark corpus); the new positions are added back in Python (_seeds).
_SEEDS = """
SELECT f.hash, f.document_id, f.pos, f.rowid
FROM (SELECT DISTINCT value ->> 0 AS hash FROM json_each(?1)) AS j
CROSS JOIN passage_fingerprint AS f ON f.hash = j.hash
WHERE f.document_id < ?2
  AND f.document_id NOT IN (SELECT first_id FROM shared_passage WHERE later_id = ?2)
"""

# A passage whose own text (outside shared spans) weighs less than this is all repeat.
OWN_TEXT_MIN = 40


@dataclass(frozen=True)
class SharedSpan:
    """A span of one document also found in another (code points, end exclusive)."""

    start: int
    end: int
    other_document_id: int
    other_start: int
    other_end: int
    repeat: bool  # True in the later-added document: kept out of search and counts

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def shared_spans(conn: Connection, doc_id: int) -> list[SharedSpan]:
    """Every shared span of a document, in text order."""
    rows = conn.execute(
        "SELECT first_start, first_end, later_id, later_start, later_end, 0 FROM shared_passage "
        "WHERE first_id = ?1 UNION ALL "
        "SELECT later_start, later_end, first_id, first_start, first_end, 1 FROM shared_passage "
        "WHERE later_id = ?1 ORDER BY 1, 2, 3",
        (doc_id,),
    )
    return [SharedSpan(a, b, o, oa, ob, bool(r)) for a, b, o, oa, ob, r in rows]


def repeats(conn: Connection) -> list[tuple[int, SharedSpan]]:
    """Every shared passage once, from its later copy: (that document's id, the span)."""
    rows = conn.execute(
        "SELECT later_id, later_start, later_end, first_id, first_start, first_end "
        "FROM shared_passage ORDER BY later_id, later_start"
    )
    return [(d, SharedSpan(a, b, o, oa, ob, True)) for d, a, b, o, oa, ob in rows]


def shared_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM shared_passage").fetchone()[0])


def scan_document(conn: Connection, doc_id: int, fingerprints: str | None = None) -> int:
    """Find and record what a document shares with earlier-added ones; index its
    fingerprints for later ones. Returns how many new shared passages it found.

    ``fingerprints`` (:func:`moksori.ingest.shared_passages.fingerprint_json`) come
    from the ingest worker that read the document: then only a document that shares
    enough with another is read here. Run inside the caller's transaction; running it
    again finds nothing new."""
    text: str | None = None
    if fingerprints is None:
        text = passages.scannable_text(conn, doc_id)
        if not text:
            return 0
        fingerprints = shared.fingerprint_json(text)
    if fingerprints == "[]":
        return 0
    own = json.loads(fingerprints)
    at: dict[int, list[int]] = defaultdict(list)  # hash -> its positions in this document
    for h, pos in own:
        at[h].append(pos)
    seeds, docs_at, common, repeated = _seeds(conn.execute(_SEEDS, (fingerprints, doc_id)), at)
    if repeated:  # a common hash's repeats in a document: all but its first row go
        conn.execute(
            "DELETE FROM passage_fingerprint WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(repeated),),
        )
    partners = [
        (other_id, kept)
        for other_id, pairs in sorted(seeds.items())
        if (kept := shared.promising(pairs, docs_at, other_id))
    ]
    found = _link(conn, doc_id, text, partners, docs_at) if partners else 0
    has = conn.execute(
        "SELECT 1 FROM passage_fingerprint WHERE document_id = ? LIMIT 1", (doc_id,)
    ).fetchone()
    if not has:  # a hash HOLDERS + 1 documents hold is known to be common: no more rows
        if common:
            kept = [hp for hp in own if hp[1] not in common]
            fingerprints = json.dumps(kept)
        conn.execute(
            "INSERT INTO passage_fingerprint(hash, document_id, pos) "
            "SELECT value ->> 0, ?, value ->> 1 FROM json_each(?)",
            (doc_id, fingerprints),
        )
    return found


def _seeds(
    rows: Iterable[tuple[int, int, int, int]], at: Mapping[int, list[int]]
) -> tuple[dict[int, list[tuple[int, int]]], dict[int, set[int]], set[int], list[int]]:
    """From (hash, earlier document, its position, row id) rows and the new document's
    positions of each hash (``at``): the seeds per earlier document, the documents
    holding each new position's hash (its HOLDERS earliest), the positions whose hash
    is common (more holders than that), and the rows of a common hash that repeat it
    in one document. A common hash seeds nothing, so only its holders matter: its
    repeats were half the rows every later lookup read on the benchmark corpus (a
    transcript says its stock phrases again and again). Counted here, not in SQL."""
    by_hash: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for h, other, other_pos, row in rows:  # SQLite gives ints: no conversions
        by_hash[h].append((other, other_pos, row))
    seeds: dict[int, list[tuple[int, int]]] = defaultdict(list)
    docs_at: dict[int, set[int]] = defaultdict(set)  # fingerprint position -> documents
    common: set[int] = set()  # positions whose hash enough documents hold already
    repeated: list[int] = []  # row ids of a common hash's second and later rows in a document
    for h, hits in by_hash.items():
        holders = sorted({other for other, _, _ in hits})
        earliest = holders[:HOLDERS]
        positions = at[h]
        for pos in positions:
            docs_at[pos].update(earliest)
        if len(holders) > HOLDERS:
            common.update(positions)
            if len(hits) > len(holders):
                first: dict[int, int] = {}
                for other, _, row in hits:
                    if first.setdefault(other, row) != row:
                        repeated.append(row)
            continue
        for other, other_pos, _ in hits:
            seeds[other].extend((pos, other_pos) for pos in positions)
    return seeds, docs_at, common, repeated


def _link(
    conn: Connection,
    doc_id: int,
    text: str | None,
    partners: list[tuple[int, list[tuple[int, int]]]],
    docs_at: dict[int, set[int]],
) -> int:
    """Compare a document with the earlier ones its seeds point to; store each shared
    passage found and mark the document's passages that repeat it."""
    text = text if text is not None else passages.scannable_text(conn, doc_id) or ""
    letters = shared.letters(text)
    # A passage on several earlier documents links to each of them (at most HOLDERS: a
    # hash more documents hold seeds nothing), so every copy names every other copy;
    # the passage repeats the earliest (documents are compared in the order added).
    found = 0
    for other_id, pairs in partners:
        other_text = passages.scannable_text(conn, other_id) or ""
        other_letters: shared.Letters | None = None  # offsets: only for a passage found
        linked: list[tuple[int, int]] = []
        for run in shared.shared_runs(letters.chars, shared.earlier_chars(other_text), pairs):
            start, end = letters.span(run.start, run.end, text)
            if _covered(start, end, linked) >= shared.WHOLE * (end - start):
                continue  # already linked to this copy
            v_start, v_end = letters.span(run.exact_start, run.exact_end, text)
            verbatim = text[v_start:v_end]
            asked = shared.in_interviewer_line(text, start)
            if not shared.passage_counts(text[start:end], run, docs_at, other_id, verbatim, asked):
                continue
            linked.append((start, end))
            other_letters = other_letters or shared.letters(other_text)
            o_start, o_end = other_letters.span(run.other_start, run.other_end, other_text)
            conn.execute(
                "INSERT INTO shared_passage(first_id, first_start, first_end, "
                "later_id, later_start, later_end) VALUES (?, ?, ?, ?, ?, ?)",
                (other_id, o_start, o_end, doc_id, start, end),
            )
            found += 1
    if found:
        mark_repeats(conn, doc_id, text)
    return found


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """How many code points of start..end the spans cover (spans may overlap)."""
    pos, total = start, 0
    for a, b in sorted(spans):
        a, b = max(a, pos), min(b, end)
        if b > a:
            total += b - a
            pos = b
    return total


def mark_repeats(conn: Connection, doc_id: int, text: str) -> None:
    """Move the shared text of a later document's passages out of the searched column."""
    links = conn.execute(
        "SELECT later_start, later_end, first_id, first_start FROM shared_passage "
        "WHERE later_id = ? ORDER BY later_start, first_id",
        (doc_id,),
    ).fetchall()
    spans = [(int(a), int(b)) for a, b, _, _ in links]
    segments = passages.indexed_passages(conn, doc_id)
    partial: list[tuple[int, int, int]] = []
    for seg_id, start, end in segments:
        if not any(a < end and b > start for a, b in spans):
            continue
        rest = shared.outside(text, start, end, spans)
        if shared.weight(rest) < OWN_TEXT_MIN:
            first = min(
                (f, fs) for a, b, f, fs in links if a < end and b > start
            )  # the earliest-added copy this passage repeats
            passages.mark_repeat(conn, seg_id, first[0], first[1])
        else:
            partial.append((seg_id, start, end))
    for seg_id, start, end in partial:
        # Split the terms the ingest worker found (no analyser here); terms moved to
        # the repeated column by an earlier scan stay there.
        terms, earlier = conn.execute(
            "SELECT terms, repeat_terms FROM segment_fts WHERE rowid = ?", (seg_id,)
        ).fetchone()
        within = [(a - start, b - start) for a, b in spans]
        own, repeated = shared.split_terms(str(terms), text[start:end], within)
        repeated = f"{earlier or ''} {repeated}".strip()
        passages.set_passage_terms(conn, seg_id, own, repeated)


def rescan(conn: Connection) -> tuple[int, int]:
    """Scan every document in the order added (projects from before schema 11, or
    after a change of method): (documents scanned, new shared passages)."""
    ids = passages.ids_in_added_order(conn)
    return len(ids), sum(scan_document(conn, d) for d in ids)

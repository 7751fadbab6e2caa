"""Reads of the stretches of text other tables point at, beside store/documents.py.

Codings, findings and case links hold (document, start, end) ranges. What text,
which passages and which speakers such a range covers is read here, so the
document, segment and source_file tables keep one owner (issue 16, point 4)
while documents.py stays a readable size. Nothing here knows what a coding or
a case is: callers pass plain ranges. Offsets are code points, end exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from moksori.errors import NotFound
from moksori.ingest.model import PASSAGE_KINDS
from moksori.store.database import Connection

Range = tuple[int, int, int]  # (document id, start, end)

# Ranges travel as one JSON array; read once into a table r(k, doc, a, b) (k: the index),
# not per row of the join (unpacking per row made the join twice as slow).
_RANGES = (
    "WITH r(k, doc, a, b) AS MATERIALIZED "
    "(SELECT key, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)) "
)


def _ranges(ranges: Sequence[Range]) -> str:
    return json.dumps([[int(d), int(a), int(b)] for d, a, b in ranges])


class DocumentName(NamedTuple):
    """A document as researchers know it: its title (else its file's name) and part."""

    name: str
    part: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.part})" if self.part else self.name


def document_names(conn: Connection, ids: Sequence[int]) -> dict[int, DocumentName]:
    """Names of the given documents (a missing id is left out); no '#id' is added,
    unlike ``documents.document_labels``."""
    wanted = json.dumps(sorted(set(ids)))
    rows = conn.execute(
        "SELECT d.id, coalesce(nullif(d.title, ''), f.name), d.part FROM json_each(?) AS j "
        "JOIN document d ON d.id = j.value JOIN source_file f ON f.id = d.source_file_id",
        (wanted,),
    )
    return {int(i): DocumentName(str(name), part) for i, name, part in rows}


def excerpts(conn: Connection, ranges: Sequence[Range]) -> list[str]:
    """The text of each range, in the order given, in one query (an excerpt costs
    its own length, not its document's, in Python)."""
    if not ranges:
        return []
    rows = conn.execute(
        _RANGES + "SELECT r.k, d.id, substr(d.text, r.a + 1, r.b - r.a) "
        "FROM r LEFT JOIN document d ON d.id = r.doc ORDER BY r.k",
        (_ranges(ranges),),
    ).fetchall()
    out = []
    for key, doc_id, text in rows:
        if doc_id is None:
            raise NotFound(f"no document with id {ranges[key][0]}")
        out.append(str(text))
    return out


def passage_speakers(conn: Connection, ranges: Sequence[Range]) -> list[set[str]]:
    """For each range, the speakers of the passages (turns, cues: every segment but a
    sentence) that overlap it. Sentences lie inside passages, so need no look."""
    found: list[set[str]] = [set() for _ in ranges]
    if not ranges:
        return found
    rows = conn.execute(
        _RANGES + "SELECT r.k, s.speaker FROM r JOIN segment s ON s.document_id = r.doc "
        "AND s.kind != 'sentence' AND s.start < r.b AND s.\"end\" > r.a "
        "WHERE s.speaker IS NOT NULL",
        (_ranges(ranges),),
    )
    for key, speaker in rows:
        found[int(key)].add(str(speaker))
    return found


def first_speaker(
    conn: Connection, doc_id: int, start: int, end: int, kinds: Sequence[str]
) -> str | None:
    """The speaker of the first segment of ``kinds`` that overlaps [start, end) and has one."""
    marks = ",".join("?" * len(kinds))
    row = conn.execute(
        f"SELECT speaker FROM segment WHERE document_id = ? AND kind IN ({marks}) "
        'AND start < ? AND "end" > ? AND speaker IS NOT NULL ORDER BY start LIMIT 1',
        (doc_id, *kinds, end, start),
    ).fetchone()
    return str(row[0]) if row else None


def speaker_label(conn: Connection, doc_id: int, speaker: str) -> str | None:
    """The speaker label as the document spells it (matched ignoring case), or None
    when no passage of the document is theirs."""
    row = conn.execute(
        "SELECT speaker FROM segment WHERE document_id = ? AND speaker = ? COLLATE NOCASE "
        "AND kind != 'sentence' LIMIT 1",
        (doc_id, speaker.strip()),
    ).fetchone()
    return str(row[0]) if row else None


def segment_range(conn: Connection, segment_id: int) -> Range:
    """Where a segment lies: (document id, start, end)."""
    row = conn.execute(
        'SELECT document_id, start, "end" FROM segment WHERE id = ?', (segment_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no segment {segment_id}")
    return int(row[0]), int(row[1]), int(row[2])


def segment_bounds(conn: Connection, doc_id: int, kinds: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of a document's segments of ``kinds``, by start."""
    marks = ",".join("?" * len(kinds))
    rows = conn.execute(
        f'SELECT start, "end" FROM segment WHERE document_id = ? AND kind IN ({marks}) '
        "ORDER BY start",
        (doc_id, *kinds),
    )
    return [(int(a), int(b)) for a, b in rows]


def segments_over(
    conn: Connection, ranges: Sequence[Range], kinds: Sequence[str]
) -> list[tuple[int, int]]:
    """(index in ``ranges``, segment id) for every segment of ``kinds`` overlapping a range."""
    if not ranges:
        return []
    marks = ",".join("?" * len(kinds))
    rows = conn.execute(
        _RANGES + f"SELECT r.k, s.id FROM r JOIN segment s ON s.document_id = r.doc "
        f'AND s.kind IN ({marks}) AND s.start < r.b AND s."end" > r.a',
        (_ranges(ranges), *kinds),
    )
    return [(int(k), int(s)) for k, s in rows]


@dataclass(frozen=True)
class CorpusFigures:
    """How much a project holds (``moksori info``)."""

    documents: int
    source_files: int
    segments: int
    passages_indexed: int
    characters: int
    original_bytes: int
    languages: dict[str, int]
    formats: dict[str, int]


def corpus_figures(conn: Connection) -> CorpusFigures:
    one = lambda sql: int(conn.execute(sql).fetchone()[0] or 0)  # noqa: E731
    return CorpusFigures(
        documents=one("SELECT count(*) FROM document"),
        source_files=one("SELECT count(*) FROM source_file"),
        segments=one("SELECT count(*) FROM segment"),
        passages_indexed=one("SELECT count(*) FROM segment_fts"),
        characters=one("SELECT sum(char_count) FROM document"),
        original_bytes=one("SELECT sum(size) FROM source_file"),
        languages=dict(conn.execute("SELECT lang, count(*) FROM document GROUP BY lang")),
        formats=dict(conn.execute("SELECT format, count(*) FROM document GROUP BY format")),
    )


class PassageSpan(NamedTuple):
    """Where a passage (paragraph, turn, cue or row) sits in its document."""

    id: int
    document_id: int
    start: int
    end: int
    speaker: str | None
    lang: str | None


def original_passages(conn: Connection) -> Iterator[PassageSpan]:
    """Every passage that is not a repeat of an earlier one, by document and start."""
    kinds = ",".join("?" * len(PASSAGE_KINDS))
    rows = conn.execute(
        f'SELECT id, document_id, start, "end", speaker, lang FROM segment '
        f"WHERE kind IN ({kinds}) AND duplicate_of IS NULL ORDER BY document_id, start",
        PASSAGE_KINDS,
    )
    return (PassageSpan(*r) for r in rows)


def speaker_at(conn: Connection, doc_id: int, offset: int) -> str | None:
    """Who speaks at ``offset`` of a document: the passage's speaker, else a sentence's."""
    row = conn.execute(
        'SELECT speaker FROM segment WHERE document_id = ? AND start <= ? AND "end" > ? '
        "AND speaker IS NOT NULL ORDER BY kind = 'sentence' LIMIT 1",
        (doc_id, offset, offset),
    ).fetchone()
    return str(row[0]) if row else None


def sentence_spans(conn: Connection, doc_id: int) -> list[tuple[int, int, str | None, str]]:
    """A document's sentence segments in text order: (start, end, speaker, text)."""
    rows = conn.execute(
        'SELECT s.start, s."end", s.speaker, substr(d.text, s.start + 1, s."end" - s.start) '
        "FROM segment s JOIN document d ON d.id = s.document_id "
        "WHERE s.document_id = ? AND s.kind = 'sentence' ORDER BY s.start, s.\"end\"",
        (doc_id,),
    ).fetchall()
    return [(int(a), int(b), sp, str(t)) for a, b, sp, t in rows]


def passage_and_sentence_spans(
    conn: Connection,
) -> Iterator[tuple[int, int, bool, int, int, bool]]:
    """Every passage and sentence of the project, by document and position:
    (document id, segment id, is a sentence, start, end, repeats another document)."""
    kinds = ",".join(f"'{k}'" for k in (*PASSAGE_KINDS, "sentence"))
    for doc_id, sid, kind, start, end, repeat in conn.execute(
        'SELECT document_id, id, kind, start, "end", duplicate_of IS NOT NULL FROM segment '
        f"WHERE kind IN ({kinds}) ORDER BY document_id, start, id"
    ):
        yield int(doc_id), int(sid), kind == "sentence", int(start), int(end), bool(repeat)


# --- for store/shared_passages.py: a document's text, its passages, their repeats ---


def scannable_text(conn: Connection, doc_id: int) -> str | None:
    """A document's text, or None when it has none to trust (undecodable)."""
    row = conn.execute(
        "SELECT text FROM document WHERE id = ? AND quality != 'undecodable'", (doc_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def ids_in_added_order(conn: Connection) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM document ORDER BY id")]


def indexed_passages(conn: Connection, doc_id: int) -> list[tuple[int, int, int]]:
    """(segment id, start, end) of a document's indexed passages, in text order."""
    kinds = ",".join("?" * len(PASSAGE_KINDS))
    rows = conn.execute(
        f'SELECT s.id, s.start, s."end" FROM segment s JOIN segment_fts f ON f.rowid = s.id '
        f"WHERE s.document_id = ? AND s.kind IN ({kinds}) ORDER BY s.start",
        (doc_id, *PASSAGE_KINDS),
    ).fetchall()
    return [(int(a), int(b), int(c)) for a, b, c in rows]


def mark_repeat(conn: Connection, segment_id: int, first_doc: int, first_start: int) -> None:
    """A passage that repeats another document's: ``duplicate_of`` the earlier copy's
    passage at ``first_start``, and its terms searched only with duplicates."""
    kinds = ",".join("?" * len(PASSAGE_KINDS))
    conn.execute(
        "UPDATE segment SET duplicate_of = coalesce(duplicate_of, ("
        "SELECT id FROM segment WHERE document_id = ? AND kind IN "
        f'({kinds}) AND "end" > ? ORDER BY start LIMIT 1)) WHERE id = ?',
        (first_doc, *PASSAGE_KINDS, first_start, segment_id),
    )
    conn.execute(
        "UPDATE segment_fts SET repeat_terms = trim(terms || ' ' || repeat_terms), "
        "terms = '' WHERE rowid = ?",
        (segment_id,),
    )


def set_passage_terms(conn: Connection, segment_id: int, own: str, repeated: str) -> None:
    """A passage partly repeated: its own words searched, the repeated ones only with
    duplicates."""
    conn.execute(
        "UPDATE segment_fts SET terms = ?, repeat_terms = ? WHERE rowid = ?",
        (own, repeated, segment_id),
    )

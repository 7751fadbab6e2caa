"""Writing ingested files and reading documents back.

A file and all its documents, segments and index rows go in one transaction:
a crash or kill in the middle leaves no half-ingested document behind.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.errors import NotFound, RangeOutsideDocument
from moksori.ingest.model import PACKED_COLUMNS, IngestedDocument, IngestedFile
from moksori.store.clock import now
from moksori.store.database import Connection, transaction
from moksori.store.shared_passages import SharedSpan, shared_spans


@dataclass
class DocumentSummary:
    id: int
    title: str | None
    source_name: str
    part: str | None
    format: str
    lang: str
    chars: int
    segments: int
    quality: str
    replaced_chars: int
    encoding: str | None
    duplicate_passages: int
    removed_pieces: int
    attributes: dict[str, str] = field(default_factory=dict)
    translation_of: int | None = None  # the original, when this is a translation
    translations: list[int] = field(default_factory=list)  # ids of its translations
    shared_passage_count: int = 0  # long passages also in another document (either copy)

    @property
    def label(self) -> str:
        name = self.title or self.source_name
        return f"{name} ({self.part})" if self.part else name

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SegmentRecord:
    id: int
    kind: str
    start: int
    end: int
    speaker: str | None
    lang: str | None
    parent_id: int | None
    duplicate_of: int | None
    cue_start_ms: int | None
    cue_end_ms: int | None
    text: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RemovedRecord:
    at: int
    reason: str
    text: str


@dataclass
class DocumentDetail:
    summary: DocumentSummary
    text: str
    author: str | None
    date: str | None
    metadata: dict[str, Any]
    segments: list[SegmentRecord]
    removed: list[RemovedRecord]
    # long passages also in another document (store.shared_passages); label: that document's
    shared: list[tuple[SharedSpan, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "author": self.author,
            "date": self.date,
            "metadata": self.metadata,
            "text": self.text,
            "segments": [s.to_json() for s in self.segments],
            "removed": [asdict(r) for r in self.removed],
            "shared_passages": [
                {**span.to_json(), "other_document": label} for span, label in self.shared
            ],
        }


def find_source_by_hash(conn: Connection, sha256: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, name FROM source_file WHERE sha256 = ?", (sha256,)).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def documents_of_source(conn: Connection, source_id: int) -> list[int]:
    rows = conn.execute(
        "SELECT id FROM document WHERE source_file_id = ? ORDER BY id", (source_id,)
    ).fetchall()
    return [int(r[0]) for r in rows]


def insert_file(
    conn: Connection, ingested: IngestedFile, attributes: dict[str, str] | None = None
) -> list[int]:
    """Store one file (original bytes + documents) atomically; returns document ids."""
    stamp = now()
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO source_file(name, sha256, size, format, added_at, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                ingested.source_name,
                ingested.sha256,
                len(ingested.data),
                ingested.format,
                stamp,
                ingested.data,
            ),
        )
        source_id = int(cur.lastrowid)
        # no audit event here: the use case that adds the file records its own
        # (Action.FILE_ADD, FILE_UPLOAD, PROJECT_IMPORT) in this same transaction
        return [
            _insert_document(conn, source_id, doc, stamp, attributes or {})
            for doc in ingested.documents
        ]


def _insert_document(
    conn: Connection,
    source_id: int,
    doc: IngestedDocument,
    stamp: str,
    extra_attributes: dict[str, str],
) -> int:
    cur = conn.execute(
        "INSERT INTO document(source_file_id, part, title, author, date, format, lang, "
        "encoding, quality, replaced_chars, text, char_count, metadata, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source_id,
            doc.part,
            doc.title,
            doc.author,
            doc.date,
            doc.format,
            doc.lang,
            doc.encoding,
            doc.quality,
            doc.replaced_chars,
            doc.text,
            len(doc.text),
            json.dumps(doc.metadata, ensure_ascii=False, default=str),
            stamp,
        ),
    )
    doc_id = int(cur.lastrowid)
    attrs = {**doc.attributes, **extra_attributes}
    conn.executemany(
        "INSERT INTO document_attribute(document_id, name, value) VALUES (?, ?, ?)",
        [(doc_id, k, v) for k, v in attrs.items()],
    )
    conn.executemany(
        "INSERT INTO removed_text(document_id, at, reason, text) VALUES (?, ?, ?, ?)",
        [(doc_id, r.at, r.reason, r.text) for r in doc.removed],
    )
    # All rows of the document go in as two JSON arrays packed by the worker
    # (ingest.model.PackedSegments): no Python work per row here.
    packed = doc.packed_segments()
    base = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM segment").fetchone()[0]
    args = {"doc": doc_id, "base": base}
    conn.execute(_INSERT_SEGMENTS, {**args, "rows": packed.rows})
    conn.execute(_MARK_REPEATS, args)
    conn.execute(_INSERT_INDEX, {"base": base, "index": packed.index})
    return doc_id


def _packed(field: str) -> str:
    """One field of a packed segment row (``ingest.model.PACKED_COLUMNS``), by name."""
    return f"(value ->> {PACKED_COLUMNS.index(field)})"


_INSERT_SEGMENTS = f"""
INSERT INTO segment(id, document_id, parent_id, kind, ordinal, start, "end", speaker, lang,
                    cue_start_ms, cue_end_ms, fingerprint)
SELECT :base + key, :doc, :base + {_packed("parent")}, {_packed("kind")}, key,
       {_packed("start")}, {_packed("end")}, {_packed("speaker")}, {_packed("lang")},
       {_packed("cue_start_ms")}, {_packed("cue_end_ms")}, {_packed("fingerprint")}
FROM json_each(:rows)
"""

# A passage whose fingerprint an earlier one has is a repeat of the earliest
# (an article embedded in another page): ingest.duplicates.
_MARK_REPEATS = """
UPDATE segment AS s SET duplicate_of = first.id
FROM (SELECT fingerprint, min(id) AS id FROM segment
      WHERE fingerprint IN (SELECT fingerprint FROM segment
                            WHERE document_id = :doc AND fingerprint IS NOT NULL)
      GROUP BY fingerprint) AS first
WHERE s.document_id = :doc AND s.fingerprint = first.fingerprint AND s.id <> first.id
"""

# A repeat's terms go to the second column (see schema migration 2).
_INSERT_INDEX = """
INSERT INTO segment_fts(rowid, terms, repeat_terms, impact)
SELECT s.id, iif(s.duplicate_of IS NULL, j.value ->> 1, ''),
       iif(s.duplicate_of IS NULL, '', j.value ->> 1), moksori_impact(j.value ->> 1)
FROM json_each(:index) AS j JOIN segment AS s ON s.id = :base + (j.value ->> 0)
"""


_SUMMARY_SQL = """
SELECT d.id, d.title, f.name, d.part, d.format, d.lang, d.char_count, d.quality,
       d.replaced_chars, d.encoding,
       (SELECT count(*) FROM segment s WHERE s.document_id = d.id),
       (SELECT count(*) FROM segment s WHERE s.document_id = d.id
            AND s.duplicate_of IS NOT NULL),
       (SELECT count(*) FROM removed_text r WHERE r.document_id = d.id),
       (SELECT count(*) FROM shared_passage p WHERE p.first_id = d.id OR p.later_id = d.id)
FROM document d JOIN source_file f ON f.id = d.source_file_id
"""


def _attributes(conn: Connection, doc_id: int) -> dict[str, str]:
    rows = conn.execute(
        "SELECT name, value FROM document_attribute WHERE document_id = ? ORDER BY name",
        (doc_id,),
    ).fetchall()
    return {str(k): str(v) for k, v in rows}


def _summary(conn: Connection, row: tuple[Any, ...]) -> DocumentSummary:
    return DocumentSummary(
        id=row[0],
        title=row[1],
        source_name=row[2],
        part=row[3],
        format=row[4],
        lang=row[5],
        chars=row[6],
        quality=row[7],
        replaced_chars=row[8],
        encoding=row[9],
        segments=row[10],
        duplicate_passages=row[11],
        removed_pieces=row[12],
        shared_passage_count=row[13],
        attributes=_attributes(conn, row[0]),
        translation_of=_one(
            conn, "SELECT original_id FROM translation WHERE translation_id = ?", row[0]
        ),
        translations=[
            int(r[0])
            for r in conn.execute(
                "SELECT translation_id FROM translation WHERE original_id = ? ORDER BY id",
                (row[0],),
            )
        ],
    )


def _one(conn: Connection, sql: str, arg: Any) -> int | None:
    row = conn.execute(sql, (arg,)).fetchone()
    return None if row is None else int(row[0])


def list_documents(conn: Connection) -> list[DocumentSummary]:
    rows = conn.execute(_SUMMARY_SQL + " ORDER BY d.id").fetchall()
    return [_summary(conn, r) for r in rows]


def document_labels(conn: Connection, ids: Sequence[int] | None = None) -> dict[int, str]:
    """How documents are named to researchers: title or file name, and part; '#id' is
    added where two labels would be the same."""
    where = ""
    args: list[int] = []
    if ids is not None:
        if not ids:
            return {}
        where = f"WHERE d.id IN ({','.join('?' * len(ids))}) "
        args = list(ids)
    rows = conn.execute(
        "SELECT d.id, coalesce(nullif(d.title, ''), f.name), d.part FROM document d "
        f"JOIN source_file f ON f.id = d.source_file_id {where}ORDER BY d.id",
        args,
    ).fetchall()
    labels = {int(i): f"{name} ({part})" if part else str(name) for i, name, part in rows}
    seen = Counter(labels.values())
    return {i: f"{x} #{i}" if seen[x] > 1 else x for i, x in labels.items()}


def document_text(conn: Connection, doc_id: int) -> str:
    """A document's whole stored text (NFC, LF, no BOM): what offsets count in."""
    row = conn.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    return str(row[0])


def document_texts(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Several documents' texts at once (read in chunks: SQLite's variable limit)."""
    texts: dict[int, str] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, text FROM document WHERE id IN ({marks})", chunk)
        texts.update((int(d), str(t)) for d, t in rows)
    return texts


def document_excerpt(conn: Connection, doc_id: int, start: int, end: int) -> str:
    """The text of ``start``-``end`` (code points, end exclusive) without reading the
    whole document: an excerpt of a long transcript costs its own length only."""
    row = conn.execute(
        "SELECT substr(text, ? + 1, ?) FROM document WHERE id = ?",
        (start, max(end - start, 0), doc_id),
    ).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    return str(row[0])


def document_length(conn: Connection, doc_id: int) -> int:
    """A document's length in code points."""
    row = conn.execute("SELECT char_count FROM document WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    return int(row[0])


def document_ids(conn: Connection) -> list[int]:
    """Every document's id, in the order they were added."""
    return [int(r[0]) for r in conn.execute("SELECT id FROM document ORDER BY id")]


def document_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM document").fetchone()[0])


def document_lang(conn: Connection, doc_id: int) -> str:
    """A document's language: "ko", "en", "mixed" or "und"."""
    row = conn.execute("SELECT lang FROM document WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    return str(row[0])


def document_sources(conn: Connection) -> list[tuple[int, str, str | None]]:
    """Every document's id, the name of the file it came from (as added) and its part."""
    rows = conn.execute(
        "SELECT d.id, f.name, d.part FROM document d "
        "JOIN source_file f ON f.id = d.source_file_id ORDER BY d.id"
    )
    return [(int(d), str(name), part) for d, name, part in rows]


def documents_added(conn: Connection) -> list[tuple[int, str]]:
    """Every document's id and when it was added (ISO 8601 UTC), in order of id."""
    rows = conn.execute("SELECT id, added_at FROM document ORDER BY id")
    return [(int(d), str(at)) for d, at in rows]


def documents_of_quality(conn: Connection, quality: str) -> list[int]:
    """Ids of the documents of one decoding quality (``ingest.model.Quality``)."""
    rows = conn.execute("SELECT id FROM document WHERE quality = ? ORDER BY id", (quality,))
    return [int(r[0]) for r in rows]


def documents_with_text(conn: Connection) -> list[int]:
    """Ids of every document that has text (not a file kept as bytes only)."""
    rows = conn.execute("SELECT id FROM document WHERE quality != 'undecodable' ORDER BY id")
    return [int(r[0]) for r in rows]


def content_state(conn: Connection) -> tuple[tuple[int, int], tuple[int, int]]:
    """(count, highest id) of documents and of segments: changes whenever text is
    added or removed, so a cache built over the texts knows it is stale."""
    docs = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM document").fetchone()
    segs = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM segment").fetchone()
    return (int(docs[0]), int(docs[1])), (int(segs[0]), int(segs[1]))


def check_range(conn: Connection, doc_id: int, start: int, end: int) -> None:
    """A coding or case range must lie inside the document's text."""
    (length,) = conn.execute("SELECT char_count FROM document WHERE id = ?", (doc_id,)).fetchone()
    if not (0 <= start < end <= length):
        raise RangeOutsideDocument(
            f"range {start}–{end} does not fit document {doc_id}, which has {length} "
            "characters (offsets are code points from 0, end exclusive)"
        )


def resolve_document(conn: Connection, ref: str) -> int:
    """A document by id, or by unique source file name (path as added, or its last part) / title."""
    if ref.isdigit():
        row = conn.execute("SELECT id FROM document WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return int(row[0])
        raise NotFound(f"no document with id {ref}")
    rows = conn.execute(
        "SELECT d.id FROM document d JOIN source_file f ON f.id = d.source_file_id "
        "WHERE f.name = ? OR d.title = ? ORDER BY d.id",
        (ref, ref),
    ).fetchall()
    if not rows:  # the file's own name, without the folder it was added from
        rows = conn.execute(
            "SELECT d.id FROM document d JOIN source_file f ON f.id = d.source_file_id "
            "WHERE substr(f.name, -length(?) - 1) = '/' || ? ORDER BY d.id",
            (ref, ref),
        ).fetchall()
    if not rows:
        raise NotFound(f"no document named {ref!r}; see `moksori docs`")
    if len(rows) > 1:
        ids = ", ".join(str(r[0]) for r in rows[:10])
        raise NotFound(f"{ref!r} names several documents ({ids}); give an id")
    return int(rows[0][0])


def get_document(conn: Connection, doc_id: int) -> DocumentDetail:
    row = conn.execute(_SUMMARY_SQL + " WHERE d.id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    text, author, date, metadata = conn.execute(
        "SELECT text, author, date, metadata FROM document WHERE id = ?", (doc_id,)
    ).fetchone()
    segs = [
        SegmentRecord(
            id=r[0],
            kind=r[1],
            start=r[2],
            end=r[3],
            speaker=r[4],
            lang=r[5],
            parent_id=r[6],
            duplicate_of=r[7],
            cue_start_ms=r[8],
            cue_end_ms=r[9],
            text=text[r[2] : r[3]],
        )
        for r in conn.execute(
            'SELECT id, kind, start, "end", speaker, lang, parent_id, duplicate_of, '
            "cue_start_ms, cue_end_ms FROM segment WHERE document_id = ? ORDER BY ordinal",
            (doc_id,),
        )
    ]
    removed = [
        RemovedRecord(at=r[0], reason=r[1], text=r[2])
        for r in conn.execute(
            "SELECT at, reason, text FROM removed_text WHERE document_id = ? ORDER BY at, id",
            (doc_id,),
        )
    ]
    spans = shared_spans(conn, doc_id)
    labels = document_labels(conn, sorted({s.other_document_id for s in spans}))
    return DocumentDetail(
        summary=_summary(conn, row),
        text=text,
        author=author,
        date=date,
        metadata=json.loads(metadata),
        segments=segs,
        removed=removed,
        shared=[(s, labels[s.other_document_id]) for s in spans],
    )


def get_original(conn: Connection, doc_id: int) -> tuple[str, bytes]:
    row = conn.execute(
        "SELECT f.name, f.data FROM document d JOIN source_file f ON f.id = d.source_file_id "
        "WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no document with id {doc_id}")
    return str(row[0]), bytes(row[1])

"""Passage embeddings stored in the project, and the in-memory index built from them.

Vectors live in ``segment_vector`` inside the encrypted file, like the text
they were computed from (an embedding reveals much of its sentence). The
nearest-neighbour index is built from them in memory when a meaning-based
search first needs it, and is never written to disk.

Embedding is explicit (``moksori embed``): the encoder is far slower than
keyword indexing, so ingest does not wait for it. Each batch is its own
transaction, so an interrupted run keeps what it did and resumes. The sentences
of long passages get vectors too (:mod:`.sentences`), in the same table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from moksori.ingest.model import PASSAGE_KINDS
from moksori.semantic import encoder
from moksori.semantic.index import VectorIndex, from_blobs, to_blob
from moksori.semantic.sentences import sentence_owners
from moksori.store.database import Connection, transaction
from moksori.store.documents import content_state

BATCH = 256  # passages per transaction

_KINDS = ",".join(f"'{k}'" for k in PASSAGE_KINDS)
_WHERE_MISSING = (
    "LEFT JOIN segment_vector v ON v.segment_id = s.id AND v.model = ? "
    f"WHERE s.kind IN ({_KINDS}) AND s.duplicate_of IS NULL AND v.segment_id IS NULL"
)
_MISSING = f"FROM segment s {_WHERE_MISSING}"
_MISSING_TEXT = f"FROM segment s JOIN document d ON d.id = s.document_id {_WHERE_MISSING}"


@dataclass
class EmbedReport:
    embedded: int  # passages
    already: int
    model: str
    sentences: int = 0  # sentences of long passages, embedded on their own

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def missing(conn: Connection) -> int:
    """Passages without a vector from the current model."""
    return int(conn.execute(f"SELECT count(*) {_MISSING}", (encoder.MODEL,)).fetchone()[0])


def missing_sentences(conn: Connection) -> list[int]:
    """Sentences of long passages without a vector from the current model."""
    have = {
        int(r[0])
        for r in conn.execute(
            "SELECT segment_id FROM segment_vector WHERE model = ?", (encoder.MODEL,)
        )
    }
    return sorted(set(sentence_owners(conn)) - have)


def embedded(conn: Connection) -> int:
    row = conn.execute("SELECT count(*) FROM segment_vector WHERE model = ?", (encoder.MODEL,))
    return int(row.fetchone()[0])


def embed_passages(
    conn: Connection, on_batch: Callable[[int, int], None] | None = None
) -> EmbedReport:
    """Embed every passage that has no vector yet; ``on_batch(done, total)`` reports."""
    already = embedded(conn)
    total = missing(conn)
    done = 0
    while True:
        rows = conn.execute(
            'SELECT s.id, substr(d.text, s.start + 1, s."end" - s.start) '
            f"{_MISSING_TEXT} "
            "ORDER BY s.id LIMIT ?",
            (encoder.MODEL, BATCH),
        ).fetchall()
        if not rows:
            break
        _embed(conn, rows)
        done += len(rows)
        if on_batch:
            on_batch(done, total)
    return EmbedReport(done, already, encoder.MODEL, _embed_sentences(conn))


def _embed(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """Encode (segment id, text) rows and store their vectors: one batch, one transaction."""
    vectors = encoder.encode([str(t) for _, t in rows])
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO segment_vector(segment_id, model, vector) VALUES (?, ?, ?)",
            [(sid, encoder.MODEL, to_blob(v)) for (sid, _), v in zip(rows, vectors, strict=True)],
        )


def _embed_sentences(conn: Connection) -> int:
    todo = missing_sentences(conn)
    for first in range(0, len(todo), BATCH):
        ids = todo[first : first + BATCH]
        rows = conn.execute(
            'SELECT s.id, substr(d.text, s.start + 1, s."end" - s.start) '
            "FROM segment s JOIN document d ON d.id = s.document_id "
            f"WHERE s.id IN ({','.join('?' * len(ids))}) ORDER BY s.id",
            ids,
        ).fetchall()
        _embed(conn, rows)
    return len(todo)


class VectorCache:
    """The index of a project's vectors, rebuilt when they change (one per open project).

    Whether anything changed is read from two small b-tree lookups and a count over
    the ``segment_vector_model`` index, never from the vectors themselves.
    """

    def __init__(self) -> None:
        self._key: tuple[int, int] | None = None
        self._index: VectorIndex | None = None
        self._missing_key: tuple[int, int, int] | None = None
        self._missing = (0, 0)
        self.owners: dict[int, int] = {}  # sentence id -> its passage's id

    def _state(self, conn: Connection) -> tuple[int, int]:
        row = conn.execute(
            "SELECT count(*), coalesce(max(segment_id), 0) FROM segment_vector WHERE model = ?",
            (encoder.MODEL,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def index(self, conn: Connection) -> VectorIndex | None:
        key = self._state(conn)
        if key[0] == 0:
            return None
        if key != self._key or self._index is None:
            self.owners = sentence_owners(conn)
            rows = [
                (int(sid), blob)
                for sid, blob, kind in conn.execute(
                    "SELECT v.segment_id, v.vector, s.kind FROM segment_vector v "
                    "JOIN segment s ON s.id = v.segment_id WHERE v.model = ? "
                    "ORDER BY v.segment_id",
                    (encoder.MODEL,),
                )
                # a sentence whose passage is gone or now short would name no passage
                if kind != "sentence" or int(sid) in self.owners
            ]
            ids = [r[0] for r in rows]
            self._index = VectorIndex(ids, from_blobs([r[1] for r in rows]))
            self._key = key
        return self._index

    def missing(self, conn: Connection) -> tuple[int, int]:
        """Passages and sentences of long passages without a vector, counted again only
        when passages or vectors changed."""
        key = (*self._state(conn), content_state(conn)[1][1])
        if key != self._missing_key:
            self._missing = (missing(conn), len(missing_sentences(conn)))
            self._missing_key = key
        return self._missing

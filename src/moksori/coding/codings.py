"""Codings: a code applied to a range of a document's text by one coder.

Ranges are code-point offsets into the stored text with an exclusive end,
the same as segments, so a coding made on a segment, on a hand-picked range
or on a search hit means the same thing. Codings may overlap.

Blind coding: while the project setting `blind` is on (the default), a coder
sees only their own codings (and the consensus); the owner sees everyone's.
The owner can turn it off with `Codings.set_blind(False)`.

Every change (code, uncode, memo, blind) is one use case: its own transaction
and one audit event naming the actor (see :mod:`moksori.coding.audited`).
"""

from __future__ import annotations

import builtins
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.coding.cases import Cases
from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coder, Coders
from moksori.coding.quote_match import locate
from moksori.errors import CodingError, NotFound
from moksori.ingest.model import PASSAGE_KINDS
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.documents import check_range, document_text, resolve_document
from moksori.store.ids import new_guid
from moksori.store.passages import document_names, excerpts, first_speaker, segment_range
from moksori.store.search import SearchResult, search

ORIGINS = ("manual", "query", "projected", "suggested", "imported", "consensus", "merged")
EXCERPT_CHARS = 400


@dataclass
class Coding:
    id: int
    guid: str
    code_id: int
    document_id: int
    start: int
    end: int
    coder_id: int
    created_at: str
    memo: str | None
    origin: str
    source_id: int | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CodedSegment:
    """A coding as a researcher reads it: the text, where it is, who coded it."""

    id: int
    code: str  # path
    code_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str
    speaker: str | None
    cases: list[str] = field(default_factory=list)
    coder: str = ""
    created_at: str = ""
    memo: str | None = None
    origin: str = "manual"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QueryPreview:
    """What `apply_query` would code: the hits, and which already carry the code."""

    code: str
    query: str
    total: int
    hits: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = (
    'id, guid, code_id, document_id, start, "end", coder_id, created_at, memo, origin, source_id'
)


@dataclass
class Mark:
    """A coding as a document page draws it: where, which code, whose."""

    id: int
    code_id: int
    colour: str | None
    coder: str
    start: int
    end: int
    memo: str | None


class Codings:
    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail for every change made here
        self.codebook = Codebook(conn, actor=actor)
        self.coders = Coders(conn, actor)
        self.inserted = 0  # codings this object has inserted (for the events' counts)

    # --- writing ------------------------------------------------------------
    def apply(
        self,
        code: str | int,
        document: str | int,
        start: int,
        end: int,
        *,
        coder: str | None = None,
        memo: str | None = None,
        origin: str = "manual",
        source_id: int | None = None,
        guid: str | None = None,
    ) -> Coding:
        """Code [start, end) of a document. Applying the same range twice is a no-op."""
        target = self.codebook.get(code)
        if not target.codable:
            raise CodingError(f"{target.path!r} is a category folder; code with one of its codes")
        if origin not in ORIGINS:
            raise CodingError(f"unknown coding origin {origin!r}")
        doc_id = resolve_document(self.conn, str(document))
        who = self.coders.current(coder)
        check_range(self.conn, doc_id, start, end)
        with change(self.conn, self.actor) as ch:
            before = self.inserted
            coding = self._insert(target.id, doc_id, start, end, who, memo, origin, source_id, guid)
            ch.record(
                Event(
                    Action.CODING_ADD,
                    {"coding": [coding.guid], "code": [target.guid], "document": [doc_id]},
                    {"added": self.inserted - before},
                )
            )
            return coding

    def apply_segment(
        self, code: str | int, segment_id: int, *, coder: str | None = None, memo: str | None = None
    ) -> Coding:
        doc_id, start, end = segment_range(self.conn, segment_id)
        return self.apply(code, doc_id, start, end, coder=coder, memo=memo)

    def apply_quote(
        self,
        code: str | int,
        document: str | int,
        quote: str,
        *,
        occurrence: int | None = None,
        coder: str | None = None,
        memo: str | None = None,
    ) -> Coding:
        """Code the stored text a quote matches (see :mod:`moksori.coding.quote_match`).

        The quote must match one place, or `occurrence` says which (from 1): a quote
        found in several places is an error listing them, never a guess.
        """
        doc_id, start, end = self.find_quote(document, quote, occurrence)
        return self.apply(code, doc_id, start, end, coder=coder, memo=memo)

    def find_quote(
        self, document: str | int, quote: str, occurrence: int | None = None
    ) -> tuple[int, int, int]:
        """(document id, start, end) of the stored text a quote matches; writes nothing."""
        doc_id = resolve_document(self.conn, str(document))
        start, end = locate(
            document_text(self.conn, doc_id), quote, occurrence, f"document {doc_id}"
        )
        return doc_id, start, end

    def preview_query(self, code: str | int, query: str, *, limit: int = 10_000) -> QueryPreview:
        """The passages a query would code, before anything is written."""
        target = self.codebook.get(code)
        result = self._search(query, limit)
        have = self._ranges(target.id)
        hits = [
            {
                "segment_id": h.segment_id,
                "document_id": h.document_id,
                "document": h.document,
                "start": h.start,
                "end": h.end,
                "speaker": h.speaker,
                "snippet": h.snippet,
                "already_coded": (h.document_id, h.start, h.end) in have,
            }
            for h in result.hits
        ]
        return QueryPreview(target.path, query, result.total, hits)

    def apply_query(
        self,
        code: str | int,
        query: str,
        *,
        coder: str | None = None,
        memo: str | None = None,
        limit: int = 10_000,
    ) -> list[Coding]:
        """Code every passage a search finds, in one transaction (origin 'query')."""
        target = self.codebook.get(code)
        if not target.codable:
            raise CodingError(f"{target.path!r} is a category folder; code with one of its codes")
        who = self.coders.current(coder)
        result = self._search(query, limit)
        if result.total > len(result.hits):
            raise CodingError(
                f"the query matches {result.total} passages, more than the limit of {limit}; "
                "narrow it or raise --limit"
            )
        out = []
        with change(self.conn, self.actor) as ch:
            before = self.inserted
            for h in result.hits:
                out.append(
                    self._insert(target.id, h.document_id, h.start, h.end, who, memo, "query")
                )
            ch.record(
                Event(
                    Action.CODING_QUERY,
                    {"code": [target.guid]},
                    {"hits": len(result.hits), "added": self.inserted - before},
                )
            )
        return out

    def remove(self, coding_id: int) -> Coding:
        """Uncode: the coding goes to the trash, named by the event."""
        with change(self.conn, self.actor) as ch:
            coding = self.get(coding_id)
            kept = ch.keep("coding", coding.to_json())
            self.conn.execute("DELETE FROM coding WHERE id = ?", (coding_id,))
            ch.record(Event(Action.CODING_DELETE, {"coding": [coding.guid], "trash": [kept]}))
        return coding

    def set_memo(self, coding_id: int, memo: str | None) -> Coding:
        with change(self.conn, self.actor) as ch:
            old = self.get(coding_id)
            self.conn.execute("UPDATE coding SET memo = ? WHERE id = ?", (memo, coding_id))
            ch.record(Event(Action.CODING_MEMO, {"coding": [old.guid]}))
        return self.get(coding_id)

    # --- blind coding -------------------------------------------------------
    def blind(self) -> bool:
        row = self.conn.execute("SELECT value FROM setting WHERE key = 'blind'").fetchone()
        return row is None or row[0] == "on"

    def set_blind(self, on: bool, *, by: str | None = None) -> None:
        who = self.coders.current(by)
        if who.role != "owner":
            raise CodingError("only the project owner can change blind coding")
        with change(self.conn, self.actor if self.actor is not None else who.name) as ch:
            self.conn.execute(
                "INSERT INTO setting(key, value) VALUES ('blind', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                ("on" if on else "off",),
            )
            ch.record(Event(Action.BLIND, choice="on" if on else "off"))

    def visible_coder_ids(self, viewer: Coder | None) -> set[int] | None:
        """Whose codings a viewer may see; None means everyone's."""
        if viewer is None or viewer.role == "owner" or not self.blind():
            return None
        ids = {c.id for c in self.coders.list() if c.role == "consensus"}
        return ids | {viewer.id}

    # --- reading ------------------------------------------------------------
    def get(self, coding_id: int) -> Coding:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM coding WHERE id = ?", (coding_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no coding {coding_id}")
        return Coding(*row)

    def list(
        self,
        code: str | int | None = None,
        *,
        include_subcodes: bool = False,
        document: str | int | None = None,
        coder: str | None = None,
        viewer: Coder | None = None,
    ) -> list[CodedSegment]:
        """Coded segments, in document order, for a code (and its sub-codes) or all."""
        where, args = ["1"], []
        if code is not None:
            ids = (
                self.codebook.descendants(code)
                if include_subcodes
                else [self.codebook.get(code).id]
            )
            where.append(f"g.code_id IN ({','.join('?' * len(ids))})")
            args += ids
        if document is not None:
            where.append("g.document_id = ?")
            args.append(resolve_document(self.conn, str(document)))
        if coder is not None:
            where.append("g.coder_id = ?")
            args.append(self.coders.get(coder).id)
        visible = self.visible_coder_ids(viewer)
        if visible is not None:
            where.append(f"g.coder_id IN ({','.join('?' * len(visible))})")
            args += sorted(visible)
        rows = self.conn.execute(
            'SELECT g.id, g.code_id, g.document_id, g.start, g."end", '
            "k.name, g.created_at, g.memo, g.origin FROM coding g "
            "JOIN coder k ON k.id = g.coder_id "
            f'WHERE {" AND ".join(where)} ORDER BY g.document_id, g.start, g."end", g.id',
            args,
        ).fetchall()
        texts = excerpts(self.conn, [(r[2], r[3], r[4]) for r in rows])
        names = document_names(self.conn, [r[2] for r in rows])
        paths = {c.id: c.path for c in self.codebook.tree()}
        cases = Cases(self.conn)
        out = []
        for (cid, code_id, doc_id, start, end, who, at, memo, origin), text in zip(
            rows, texts, strict=True
        ):
            out.append(
                CodedSegment(
                    id=cid,
                    code=paths[code_id],
                    code_id=code_id,
                    document_id=doc_id,
                    document=names[doc_id].label,
                    start=start,
                    end=end,
                    text=text,
                    speaker=self._speaker(doc_id, start, end),
                    cases=cases.at(doc_id, start, end),
                    coder=who,
                    created_at=at,
                    memo=memo,
                    origin=origin,
                )
            )
        return out

    def text_of(self, document: int) -> str:
        """A document's stored text, by id: what coding offsets count in."""
        return document_text(self.conn, document)

    def marks(self, document: int, viewer: Coder | None) -> builtins.list[Mark]:
        """Every coding of a document this viewer may see, in one query, in page order."""
        sql = (
            'SELECT g.id, g.code_id, c.colour, k.name, g.start, g."end", g.memo FROM coding g '
            "JOIN code c ON c.id = g.code_id JOIN coder k ON k.id = g.coder_id "
            "WHERE g.document_id = ?"
        )
        args: builtins.list[Any] = [document]
        visible = self.visible_coder_ids(viewer)
        if visible is not None:
            sql += f" AND g.coder_id IN ({','.join('?' * len(visible))})"
            args += sorted(visible)
        rows = self.conn.execute(sql + ' ORDER BY g.start, g."end" DESC, g.id', args)
        return [Mark(*r) for r in rows]

    def coders_who_coded(self) -> set[int]:
        """Ids of the coders with codings of their own (projected ones do not count)."""
        rows = self.conn.execute("SELECT DISTINCT coder_id FROM coding WHERE origin != 'projected'")
        return {int(r[0]) for r in rows}

    def counts_by_coder(self) -> dict[int, int]:
        """How many codings each coder has made, by coder id."""
        rows = self.conn.execute("SELECT coder_id, count(*) FROM coding GROUP BY coder_id")
        return {int(k): int(n) for k, n in rows}

    # --- internals ----------------------------------------------------------
    def _insert(
        self,
        code_id: int,
        doc_id: int,
        start: int,
        end: int,
        who: Coder,
        memo: str | None,
        origin: str,
        source_id: int | None = None,
        guid: str | None = None,
    ) -> Coding:
        existing = self.conn.execute(
            f"SELECT {_COLUMNS} FROM coding WHERE code_id = ? AND document_id = ? AND start = ? "
            'AND "end" = ? AND coder_id = ?',
            (code_id, doc_id, start, end, who.id),
        ).fetchone()
        if existing is not None:
            return Coding(*existing)
        self.inserted += 1
        cur = self.conn.execute(
            'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, created_at, '
            "memo, origin, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guid or new_guid(),
                code_id,
                doc_id,
                start,
                end,
                who.id,
                now(),
                memo,
                origin,
                source_id,
            ),
        )
        return self.get(int(cur.lastrowid))

    def _ranges(self, code_id: int) -> set[tuple[int, int, int]]:
        return {
            (d, s, e)
            for d, s, e in self.conn.execute(
                'SELECT document_id, start, "end" FROM coding WHERE code_id = ?', (code_id,)
            )
        }

    def _search(self, query: str, limit: int) -> SearchResult:
        return search(self.conn, query, limit=limit, with_snippets=False)

    def _speaker(self, doc_id: int, start: int, end: int) -> str | None:
        return first_speaker(self.conn, doc_id, start, end, PASSAGE_KINDS)

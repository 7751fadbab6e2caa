"""Links between cases and what they cover: a whole document, a range of it,
or one speaker's turns in it (``Cases.link`` / ``unlink`` / ``links``).

Each change is one use case (one transaction, one audit event naming the
actor, see :mod:`moksori.coding.audited`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from moksori.coding.audited import Action, Event, change
from moksori.errors import CodebookConflict, CodingError, NotFound
from moksori.store.documents import check_range, resolve_document
from moksori.store.passages import document_names, passage_speakers, speaker_label

if TYPE_CHECKING:
    from moksori.coding.cases import Case, Cases


@dataclass(frozen=True)
class CaseLink:
    id: int
    case: str
    case_id: int
    document_id: int
    document: str
    start: int | None
    end: int | None
    speaker: str | None

    @property
    def kind(self) -> str:
        if self.speaker is not None:
            return "speaker"
        return "range" if self.start is not None else "document"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind}


# The document's name is read by store.passages.document_names (its owner).
_LINK_SQL = (
    'SELECT l.id, c.name, c.id, l.document_id, l.start, l."end", l.speaker '
    "FROM case_link l JOIN cases c ON c.id = l.case_id "
)


class CaseLinks:
    """The link side of :class:`~moksori.coding.cases.Cases` (same connection, same actor)."""

    def __init__(self, cases: Cases) -> None:
        self.cases = cases
        self.conn = cases.conn
        self.actor = cases.actor

    def at(self, document_id: int, start: int, end: int) -> list[str]:
        """Names of the cases a stretch [start, end) of a document belongs to."""
        end = max(end, start + 1)  # a point still belongs to what contains it
        rows = self.conn.execute(
            'SELECT c.name, l.start, l."end", l.speaker FROM case_link l '
            "JOIN cases c ON c.id = l.case_id WHERE l.document_id = ? "
            "ORDER BY c.name COLLATE NOCASE",
            (document_id,),
        ).fetchall()
        # A case linked to a speaker covers that speaker's passages (turns, cues).
        speakers = (
            passage_speakers(self.conn, [(document_id, start, end)])[0]
            if any(r[3] is not None for r in rows)
            else set()
        )
        names: dict[str, None] = {}  # in order, once each
        for name, a, b, speaker in rows:
            if (
                (a is None and speaker is None)
                or (a is not None and a < end and b > start)
                or (speaker is not None and speaker in speakers)
            ):
                names.setdefault(str(name), None)
        return list(names)

    def link(
        self,
        case: str | int | Case,
        document: str | int,
        *,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
    ) -> CaseLink:
        """Link a case to a whole document, a range of it, or one speaker's turns in it."""
        c = self.cases.get(case)
        doc_id = resolve_document(self.conn, str(document))
        start, end, speaker = self._check_link(doc_id, start, end, speaker)
        if self._find_link(c.id, doc_id, start, end, speaker) is not None:
            raise CodebookConflict(
                f"case {c.name!r} is already linked like that to document {doc_id}"
            )
        with change(self.conn, self.actor) as ch:
            cur = self.conn.execute(
                'INSERT INTO case_link(case_id, document_id, start, "end", speaker) '
                "VALUES (?, ?, ?, ?, ?)",
                (c.id, doc_id, start, end, speaker),
            )
            link = self._link(int(cur.lastrowid))
            ch.record(Event(Action.CASE_LINK, {"case": [c.guid], "document": [doc_id]}))
        return link

    def unlink(
        self,
        case: str | int | Case,
        document: str | int,
        *,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
        every: bool = False,
    ) -> int:
        """Remove the matching link (or, with ``every``, all of the case's links to the
        document); returns how many went. Nothing to remove is an error."""
        c = self.cases.get(case)
        doc_id = resolve_document(self.conn, str(document))
        with change(self.conn, self.actor) as ch:
            if every:
                cur = self.conn.execute(
                    "DELETE FROM case_link WHERE case_id = ? AND document_id = ?", (c.id, doc_id)
                )
            else:
                _pair(start, end)
                if speaker is not None:
                    speaker = self._speaker_label(doc_id, speaker) or speaker.strip()
                found = self._find_link(c.id, doc_id, start, end, speaker)
                if found is None:
                    raise NotFound(f"case {c.name!r} has no such link to document {doc_id}")
                cur = self.conn.execute("DELETE FROM case_link WHERE id = ?", (found,))
            if not cur.rowcount:
                raise NotFound(f"case {c.name!r} is not linked to document {doc_id}")
            targets: dict[str, list[str | int]] = {"case": [c.guid], "document": [doc_id]}
            ch.record(Event(Action.CASE_UNLINK, targets, {"links": int(cur.rowcount)}))
        return int(cur.rowcount)

    def links(self, case: str | int | Case | None = None) -> list[CaseLink]:
        where, args = "", list[int]()
        if case is not None:
            where, args = "WHERE l.case_id = ? ", [self.cases.get(case).id]
        rows = self.conn.execute(
            _LINK_SQL + where + "ORDER BY c.name COLLATE NOCASE, l.document_id, l.start, l.speaker",
            args,
        )
        return self._with_names(rows.fetchall())

    def documents_of(self, case: str | int | Case) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT document_id FROM case_link WHERE case_id = ? ORDER BY document_id",
            (self.cases.get(case).id,),
        )
        return [int(r[0]) for r in rows]

    def _link(self, link_id: int) -> CaseLink:
        return self._with_names(self.conn.execute(_LINK_SQL + "WHERE l.id = ?", (link_id,)))[0]

    def _with_names(self, rows: Iterable[tuple[Any, ...]]) -> list[CaseLink]:
        rows = list(rows)
        names = document_names(self.conn, [r[3] for r in rows])
        return [CaseLink(i, c, cid, d, names[d].name, a, b, s) for i, c, cid, d, a, b, s in rows]

    def _find_link(
        self, case_id: int, doc_id: int, start: int | None, end: int | None, speaker: str | None
    ) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM case_link WHERE case_id = ? AND document_id = ? "
            'AND start IS ? AND "end" IS ? AND speaker IS ?',
            (case_id, doc_id, start, end, speaker),
        ).fetchone()
        return int(row[0]) if row else None

    def _check_link(
        self, doc_id: int, start: int | None, end: int | None, speaker: str | None
    ) -> tuple[int | None, int | None, str | None]:
        _pair(start, end)
        if speaker is not None and start is not None:
            raise CodingError("link a case to a range or to a speaker, not both")
        if start is not None and end is not None:
            check_range(self.conn, doc_id, start, end)
        if speaker is not None:
            label = self._speaker_label(doc_id, speaker)
            if label is None:
                raise CodingError(
                    f"no turns by that speaker in document {doc_id}; "
                    f"`moksori show {doc_id}` lists the speakers"
                )
            speaker = label
        return start, end, speaker

    def _speaker_label(self, doc_id: int, speaker: str) -> str | None:
        """The speaker label as the document spells it (matched ignoring case)."""
        return speaker_label(self.conn, doc_id, speaker)


def _pair(start: int | None, end: int | None) -> None:
    if (start is None) != (end is None):
        raise CodingError("give both a start and an end offset, or neither")

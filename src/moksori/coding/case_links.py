"""Links between cases and what they cover: a whole document, a range of it,
or one speaker's turns in it (``Cases.link`` / ``unlink`` / ``links``), one at a
time or many from a map file (``CaseLinks.link_map``, ``case link --map``).

Each change is one use case (one transaction, one audit event naming the
actor, see :mod:`moksori.coding.audited`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moksori.coding.audited import Action, Event, change
from moksori.errors import CodebookConflict, CodingError, MoksoriError, NotFound
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

    def _plan_row(self, row: MapRow, create: bool) -> _Planned:
        """Where one row links, checked without writing anything."""
        name, document = row.cells.get("case"), row.cells.get("document")
        if not name or not document:
            raise CodingError("needs a case and a document")
        case = self.cases.find(name)
        if case is None and not create:
            raise CodingError(f"no case {name!r}; add it first, or use --create")
        if case is None:
            name = " ".join(name.split())
            if name.isdigit():
                raise CodingError(f"a case name cannot be only digits (try P{name})")
        doc_id = resolve_document(self.conn, document)
        start = _whole_number(row.cells.get("start"), "start")
        end = _whole_number(row.cells.get("end"), "end")
        start, end, speaker = self._check_link(doc_id, start, end, row.cells.get("speaker"))
        return _Planned(case.name if case else name, doc_id, start, end, speaker)

    def link_map(self, table: LinkMap, *, create: bool = False) -> LinkMapReport:
        """Link every row in one transaction and one audit event; any bad row and nothing is
        linked (every bad row is listed). A link already there is counted, not an error."""
        planned: list[_Planned] = []
        problems: list[RowProblem] = []
        for row in table.rows:
            try:
                planned.append(self._plan_row(row, create))
            except MoksoriError as exc:
                problems.append(RowProblem(row.line, str(row), str(exc)))
        if problems:
            raise LinkMapFailed(problems, len(table.rows))
        created: dict[str, None] = {}
        linked = 0
        case_guids: dict[str, None] = {}
        with change(self.conn, self.actor) as ch:
            for p in planned:
                case = self.cases.find(p.case)
                if case is None:
                    case = self.cases.add(p.case)
                    created.setdefault(case.name, None)
                case_guids.setdefault(case.guid, None)
                if self._find_link(case.id, p.document, p.start, p.end, p.speaker) is None:
                    self.conn.execute(
                        'INSERT INTO case_link(case_id, document_id, start, "end", speaker) '
                        "VALUES (?, ?, ?, ?, ?)",
                        (case.id, p.document, p.start, p.end, p.speaker),
                    )
                    linked += 1
            documents: list[str | int] = sorted({p.document for p in planned})
            counts = {
                "links": linked,
                "already_there": len(planned) - linked,
                "cases_created": len(created),
            }
            targets: dict[str, list[str | int]] = {"case": list(case_guids), "document": documents}
            ch.record(Event(Action.CASE_LINK, targets, counts, choice="map"))
        return LinkMapReport(
            len(table.rows), linked, len(planned) - linked, list(created), table.ignored_columns
        )

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


# --- many links at once, from a map file ------------------------------------------
# Header names a map file may use (lower case); other columns are ignored and reported.
_MAP_COLUMNS = {
    "case": "case",
    "participant": "case",
    "pseudonym": "case",
    "document": "document",
    "doc": "document",
    "file": "document",
    "start": "start",
    "end": "end",
    "speaker": "speaker",
}


@dataclass(frozen=True)
class MapRow:
    """One row of a link map: its line in the file and its cells by column."""

    line: int
    cells: dict[str, str]

    def __str__(self) -> str:
        return f"{self.cells.get('case', '')} → {self.cells.get('document', '')}"


@dataclass(frozen=True)
class RowProblem:
    line: int
    row: str  # "case → document", as written
    problem: str

    def __str__(self) -> str:
        return f"line {self.line} ({self.row}): {self.problem}"


@dataclass
class LinkMap:
    """What a link map file holds: its rows and the columns it ignored."""

    rows: list[MapRow]
    ignored_columns: list[str] = field(default_factory=list)


@dataclass
class LinkMapReport:
    rows: int
    linked: int
    already_there: int
    cases_created: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class LinkMapFailed(CodingError):
    """Some rows of a link map are bad; nothing was linked. ``problems`` lists them all."""

    def __init__(self, problems: list[RowProblem], total: int) -> None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"{len(problems)} of {total} rows cannot be linked, nothing linked: {problems[0]}{more}"
        )
        self.problems = problems
        self.total = total


def read_link_map(path: Path) -> LinkMap:
    """A CSV or TSV with a header naming case and document (start, end, speaker
    optional), or without a header two columns: case, document."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CodingError(f"{path.name}: not UTF-8 text; save it as CSV UTF-8") from None
    except OSError:
        raise CodingError(f"{path.name}: cannot be read") from None
    first = text.split("\n", 1)[0]
    tab = path.suffix.lower() == ".tsv" or ("\t" in first and "," not in first)
    reader = csv.reader(io.StringIO(text), delimiter="\t" if tab else ",")
    rows = [(reader.line_num, r) for r in reader if any(c.strip() for c in r)]
    if not rows:
        raise CodingError(f"{path.name}: no rows")
    head = [c.strip().lower() for c in rows[0][1]]
    named = [_MAP_COLUMNS.get(h) for h in head]
    if "case" in named and "document" in named:
        ignored = [h for h, n in zip(head, named, strict=True) if n is None and h]
        body, columns = rows[1:], named
    elif all(len(r) == 2 for _, r in rows):
        ignored, body, columns = [], rows, ["case", "document"]
    else:
        raise CodingError(
            f"{path.name}: give a header row with case and document (start, end, speaker "
            "optional), or two columns without a header: case, document"
        )
    out = []
    for line, cells in body:
        values = {
            col: cell.strip()
            for col, cell in zip(columns, cells, strict=False)
            if col is not None and cell.strip()
        }
        out.append(MapRow(line, values))
    return LinkMap(out, ignored)


def _whole_number(value: str | None, what: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise CodingError(f"{what} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class _Planned:
    case: str  # as the project names it, or the new name
    document: int
    start: int | None
    end: int | None
    speaker: str | None


def _pair(start: int | None, end: int | None) -> None:
    if (start is None) != (end is None):
        raise CodingError("give both a start and an end offset, or neither")

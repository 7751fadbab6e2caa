"""Memos: the researcher's written thinking, on the project, a code, a document, a case or a coding.

A document memo may be anchored to a range of its text (an annotation, as
QualCoder, NVivo and MAXQDA make them): code-point offsets into the stored
text, exclusive end, shown with the passage they are about.

Grounded theory records its analysis in memos, so they are first-class: each
has an author and times, is searchable with the same query language (and the
same Korean analysis) as passages, so 건너다 finds a memo that says 건넜다,
and exports grouped by what it is about.
"""

from __future__ import annotations

import builtins
import csv
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlcipher3

from moksori.coding import quote_match
from moksori.coding.audited import Action, Event, change
from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coders
from moksori.errors import CodingError, NotFound, QueryError, UnknownCase
from moksori.korean.terms import index_terms, phrase_terms, query_terms
from moksori.spreadsheet import csv_cell
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.documents import document_texts, resolve_document
from moksori.store.ids import new_guid
from moksori.store.passages import document_names
from moksori.store.query import compile_fts, parse

TARGET_KINDS = ("project", "code", "document", "case", "coding")
EXPORT_FORMATS = ("md", "json", "csv")
_KIND_ORDER = {k: i for i, k in enumerate(TARGET_KINDS)}


@dataclass
class Memo:
    id: int
    guid: str
    target_kind: str
    target_id: int | None
    target: str  # how the target is named to a researcher: code path, document, case, …
    author: str | None
    title: str
    text: str
    created_at: str
    updated_at: str
    start: int | None = None  # a range of the document (an annotation), else None
    end: int | None = None
    quote: str | None = None  # the document's text in that range

    @property
    def range_label(self) -> str:
        """'120-180' for an annotation, '' for a memo on its whole target."""
        return "" if self.start is None else f"{self.start}-{self.end}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = (
    "m.id, m.guid, m.target_kind, m.target_id, r.name, m.title, m.text, m.created_at, "
    'm.updated_at, m.start, m."end"'
)
_FROM = "FROM memo m LEFT JOIN coder r ON r.id = m.author_id"


class Memos:
    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail for every change made here

    # --- writing ------------------------------------------------------------
    def add(
        self,
        target_kind: str,
        target_ref: str | int | None,
        text: str,
        *,
        title: str = "",
        author: str | None = None,
        span: tuple[int, int] | None = None,
    ) -> Memo:
        """A new memo; the author is the acting coder (see Coders.current).

        ``span``: (start, end) code points of a document's text, for a memo on that
        passage rather than the whole document.
        """
        target_id = self._resolve(target_kind, target_ref)
        text = _clean_text(text)
        start, end = self._check_span(target_kind, target_id, span)
        writer = Coders(self.conn, self.actor).current(author)
        stamp = now()
        terms = index_terms([f"{title}\n{text}"])[0]
        guid = new_guid()
        with change(self.conn, self.actor) as ch:
            cur = self.conn.execute(
                "INSERT INTO memo(guid, target_kind, target_id, author_id, title, text, "
                'created_at, updated_at, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (guid, target_kind, target_id, writer.id, title.strip(), text, stamp, stamp)
                + (start, end),
            )
            memo_id = int(cur.lastrowid)
            self.conn.execute("INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)", (memo_id, terms))
            choice = "range" if start is not None else target_kind
            ch.record(Event(Action.MEMO_ADD, {"memo": [guid]}, choice=choice))
        return self.get(memo_id)

    def edit(self, memo_id: int, *, text: str | None = None, title: str | None = None) -> Memo:
        """Change a memo's text or title; the search index follows."""
        old = self.get(memo_id)
        new_text = old.text if text is None else _clean_text(text)
        new_title = old.title if title is None else title.strip()
        terms = index_terms([f"{new_title}\n{new_text}"])[0]
        with change(self.conn, self.actor) as ch:
            self.conn.execute(
                "UPDATE memo SET text = ?, title = ?, updated_at = ? WHERE id = ?",
                (new_text, new_title, now(), memo_id),
            )
            self.conn.execute("DELETE FROM memo_fts WHERE rowid = ?", (memo_id,))
            self.conn.execute("INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)", (memo_id, terms))
            ch.record(Event(Action.MEMO_EDIT, {"memo": [old.guid]}))
        return self.get(memo_id)

    def delete(self, memo_id: int) -> Memo:
        """Delete a memo (its index entry goes with it, by trigger); returns what was deleted."""
        with change(self.conn, self.actor) as ch:
            old = self.get(memo_id)
            kept = ch.keep("memo", old.to_json())
            self.conn.execute("DELETE FROM memo WHERE id = ?", (memo_id,))
            ch.record(Event(Action.MEMO_DELETE, {"memo": [old.guid], "trash": [kept]}))
        return old

    # --- reading ------------------------------------------------------------
    def get(self, memo_id: int) -> Memo:
        row = self.conn.execute(f"SELECT {_COLUMNS} {_FROM} WHERE m.id = ?", (memo_id,)).fetchone()
        if row is None:
            raise NotFound(f"no memo with id {memo_id}")
        return self._memos([row])[0]

    def list(
        self, target_kind: str | None = None, target_ref: str | int | None = None
    ) -> list[Memo]:
        """All memos, or those on one kind of target, or on one target; oldest first."""
        if target_kind is None:
            rows = self.conn.execute(f"SELECT {_COLUMNS} {_FROM} ORDER BY m.id").fetchall()
        elif target_ref is None and target_kind != "project":
            _check_kind(target_kind)
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} {_FROM} WHERE m.target_kind = ? ORDER BY m.id",
                (target_kind,),
            ).fetchall()
        else:
            target_id = self._resolve(target_kind, target_ref)
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} {_FROM} WHERE m.target_kind = ? AND m.target_id IS ? "
                "ORDER BY m.id",
                (target_kind, target_id),
            ).fetchall()
        return self._memos(rows)

    def search(self, query: str) -> builtins.list[Memo]:
        """Memos matching a query (words, "phrases", AND/OR/NOT), best first."""
        parsed = parse(query)
        if any(asdict(parsed.filters).values()):
            raise QueryError("memo search takes words and phrases, not doc:/speaker:/… filters")
        compiled = compile_fts(parsed.tree, query_terms, phrase_terms)
        if compiled.match is None:
            if parsed.tree is None:
                raise QueryError("empty query; give words to search memos for")
            return []
        try:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM memo_fts f JOIN memo m ON m.id = f.rowid "
                "LEFT JOIN coder r ON r.id = m.author_id "
                "WHERE memo_fts MATCH ? ORDER BY bm25(memo_fts), m.id",
                (compiled.match,),
            ).fetchall()
        except sqlcipher3.OperationalError as exc:
            raise QueryError(f"cannot run this query: {exc}") from None
        return self._memos(rows)

    def export(self, fmt: str) -> str:
        """Every memo grouped by target (project, codes, documents, cases, codings)."""
        if fmt not in EXPORT_FORMATS:
            raise CodingError(
                f"unknown memo format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        memos = sorted(
            self.list(),
            key=lambda m: (
                _KIND_ORDER[m.target_kind],
                m.target.casefold(),
                m.target_id or 0,
                -1 if m.start is None else m.start,
                m.id,
            ),
        )
        if fmt == "json":
            return json.dumps(_groups(memos), ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            return _csv(memos)
        return _markdown(memos)

    def locate(
        self, document: str | int, quote: str, occurrence: int | None = None
    ) -> tuple[int, int]:
        """The range of a document that a quote names, for a memo on that passage."""
        doc_id = int(self._resolve("document", document) or 0)
        text = document_texts(self.conn, [doc_id])[doc_id]
        return quote_match.locate(text, quote, occurrence, f"document {document}")

    def ranges(self, document: str | int) -> builtins.list[Memo]:
        """The memos on passages of one document, in text order."""
        doc_id = self._resolve("document", document)
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE m.target_kind = 'document' AND m.target_id = ? "
            'AND m.start IS NOT NULL ORDER BY m.start, m."end", m.id',
            (doc_id,),
        ).fetchall()
        return self._memos(rows)

    # --- helpers --------------------------------------------------------------
    def _check_span(
        self, kind: str, doc_id: int | None, span: tuple[int, int] | None
    ) -> tuple[int | None, int | None]:
        if span is None:
            return None, None
        if kind != "document" or doc_id is None:
            raise CodingError("only a memo on a document can be about a range of its text")
        start, end = int(span[0]), int(span[1])
        length = len(document_texts(self.conn, [doc_id])[doc_id])
        if not 0 <= start < end <= length:
            raise CodingError(
                f"range {start}-{end} is not inside the document (0-{length}, end exclusive)"
            )
        return start, end

    def _resolve(self, kind: str, ref: str | int | None) -> int | None:
        _check_kind(kind)
        if kind == "project":
            if ref not in (None, ""):
                raise CodingError("a project memo has no target; leave the reference out")
            return None
        if ref is None or str(ref).strip() == "":
            raise CodingError(f"say which {kind} the memo is on")
        if kind == "code":
            return Codebook(self.conn).get(ref).id
        if kind == "document":
            return resolve_document(self.conn, str(ref).strip())
        if kind == "case":
            text = str(ref).strip()
            row = self.conn.execute(
                "SELECT id FROM cases WHERE name = ? COLLATE NOCASE", (text,)
            ).fetchone()
            if row is None and text.isdigit():
                row = self.conn.execute(
                    "SELECT id FROM cases WHERE id = ?", (int(text),)
                ).fetchone()
            if row is None:
                raise UnknownCase(f"no case {text!r} in this project")
            return int(row[0])
        text = str(ref).strip().lstrip("#")
        row = None
        if text.isdigit():
            row = self.conn.execute("SELECT id FROM coding WHERE id = ?", (int(text),)).fetchone()
        if row is None:
            raise NotFound(f"no coding with id {ref!r}")
        return int(row[0])

    def _memos(self, rows: builtins.list[tuple[Any, ...]]) -> builtins.list[Memo]:
        labels = self._labels({(r[2], r[3]) for r in rows})
        texts = document_texts(self.conn, [int(r[3]) for r in rows if r[9] is not None])
        return [
            Memo(
                id=r[0],
                guid=r[1],
                target_kind=r[2],
                target_id=r[3],
                target=labels[(r[2], r[3])],
                author=r[4],
                title=r[5],
                text=r[6],
                created_at=r[7],
                updated_at=r[8],
                start=r[9],
                end=r[10],
                quote=texts[r[3]][r[9] : r[10]] if r[9] is not None and r[3] in texts else None,
            )
            for r in rows
        ]

    def _labels(self, targets: set[tuple[str, int | None]]) -> dict[tuple[str, int | None], str]:
        """Names of targets; a target deleted since keeps its memos, labelled as gone."""
        paths = {c.id: c.path for c in Codebook(self.conn).tree()} if targets else {}
        out: dict[tuple[str, int | None], str] = {}
        for kind, tid in targets:
            label: str | None
            if kind == "project":
                label = "project"
            elif kind == "code":
                label = paths.get(tid or 0)
            elif kind == "document":
                named = document_names(self.conn, [tid or 0]).get(tid or 0)
                label = named.label if named else None
            elif kind == "case":
                row = self.conn.execute("SELECT name FROM cases WHERE id = ?", (tid,)).fetchone()
                label = str(row[0]) if row else None
            else:
                row = self.conn.execute(
                    "SELECT c.name FROM coding g JOIN code c ON c.id = g.code_id WHERE g.id = ?",
                    (tid,),
                ).fetchone()
                label = f"coding #{tid} ({row[0]})" if row else None
            out[(kind, tid)] = label if label is not None else f"{kind} #{tid} (deleted)"
        return out


def _check_kind(kind: str) -> None:
    if kind not in TARGET_KINDS:
        raise CodingError(f"a memo cannot be on {kind!r}; use one of {', '.join(TARGET_KINDS)}")


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise CodingError("a memo needs some text")
    return text


def _groups(memos: list[Memo]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for m in memos:
        if not groups or (groups[-1]["target_kind"], groups[-1]["target_id"]) != (
            m.target_kind,
            m.target_id,
        ):
            groups.append(
                {
                    "target_kind": m.target_kind,
                    "target_id": m.target_id,
                    "target": m.target,
                    "memos": [],
                }
            )
        groups[-1]["memos"].append(m.to_json())
    return groups


def _markdown(memos: list[Memo]) -> str:
    lines = ["# Memos", ""]
    if not memos:
        lines.append("(no memos yet)")
    for group in _groups(memos):
        kind = group["target_kind"]
        heading = "Project" if kind == "project" else f"{kind.capitalize()}: {group['target']}"
        lines += [f"## {heading}", ""]
        for m in group["memos"]:
            when = m["created_at"]
            if m["updated_at"] != m["created_at"]:
                when += f", edited {m['updated_at']}"
            title = m["title"] or f"Memo {m['id']}"
            if m["start"] is not None:
                title += f" (on {m['start']}-{m['end']})"
            lines += [f"### {title}", "", f"*{m['author'] or 'unknown author'}, {when}*", ""]
            if m["quote"] is not None:
                lines += ["> " + m["quote"].replace("\n", "\n> "), ""]
            lines += [m["text"], ""]
    return "\n".join(lines).rstrip("\n") + "\n"


_CSV_FIELDS = (
    "id", "target_kind", "target_id", "target", "start", "end", "quote", "author", "title",
    "text", "created_at", "updated_at",
)  # fmt: skip


def _csv(memos: list[Memo]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_CSV_FIELDS)
    for m in memos:
        data = m.to_json()
        writer.writerow([_cell(data[f]) for f in _CSV_FIELDS])
    return buf.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with '."""
    return "" if value is None else str(csv_cell(value))

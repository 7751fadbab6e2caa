"""Retrieval: the coded segments for a code among cases whose attributes match.

"What did the women who left after 2010 say about trust?" is
``retrieve(conn, "trust", where=["gender=여성", "year_left>2010"])``.
Conditions are ANDed and must hold for one and the same case: a coding from
a group interview qualifies when at least one of its cases matches them all.
A coding that belongs to no case never matches a condition.

Values are compared as their attribute's type: numbers and dates by value
(so ``age>=40`` is numeric and "1990년생" reads as 1990), ordinal levels by
their order, booleans, categories and text by equality (ignoring case, as
attribute values are stored). A value that does not fit the type is an error
rather than an empty result, so a typo is never mistaken for "nobody said it".
A case with no value for an attribute matches no condition on it, not even !=.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.analysis.coded import EVERYTHING, Selection, coder_ids
from moksori.analysis.tables import Table, Value
from moksori.coding.attributes import Attribute
from moksori.coding.cases import Cases
from moksori.coding.codebook import Codebook
from moksori.errors import AttributeValueError, CodingError
from moksori.store.database import Connection
from moksori.store.documents import document_labels
from moksori.store.passages import excerpts, speaker_at

OPERATORS = ("<=", ">=", "!=", "=", "<", ">")
_CONDITION = re.compile(r"^\s*(.+?)\s*(<=|>=|!=|=|<|>)\s*(.*?)\s*$", re.DOTALL)
_ORDERED = ("integer", "float", "date", "ordinal")


@dataclass(frozen=True)
class Condition:
    attribute: str
    op: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Condition:
        """'attribute=value', or with !=, <, <=, >, >= (e.g. 'age>=40')."""
        m = _CONDITION.match(text)
        if m is None or not m.group(1) or not m.group(3):
            raise CodingError(
                f"a condition looks like attribute=value (or !=, <, <=, >, >=), not {text!r}"
            )
        return cls(m.group(1), m.group(2), m.group(3))

    def __str__(self) -> str:
        return f"{self.attribute}{self.op}{self.value}"


@dataclass
class Excerpt:
    """One coded segment as a researcher quotes it."""

    coding_id: int
    code: str
    document_id: int
    document: str
    start: int
    end: int
    text: str
    cases: list[str] = field(default_factory=list)
    coder: str = ""
    memo: str | None = None
    speaker: str | None = None  # the transcript turn the coding starts in

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class _Test:
    """One condition bound to its attribute, ready to test stored values."""

    def __init__(self, attr: Attribute, cond: Condition) -> None:
        if cond.op not in ("=", "!=") and attr.type not in _ORDERED:
            raise CodingError(
                f"{attr.name} is a {attr.type} attribute; compare it with = or !=, not {cond.op}"
            )
        try:
            wanted = attr.canonical(cond.value)
        except AttributeValueError as exc:
            raise AttributeValueError(f"condition on {attr.name} ({attr.type}): {exc}") from None
        self.attr, self.op = attr, cond.op
        self.wanted = self._key(wanted)

    def _key(self, stored: str) -> Any:
        if self.attr.type == "ordinal":
            return self.attr.rank(stored)
        if self.attr.type in ("text", "category"):
            return stored.casefold()
        return self.attr.python(stored)

    def __call__(self, stored: str | None) -> bool:
        if stored is None:
            return False
        have, want = self._key(stored), self.wanted
        return {
            "=": have == want,
            "!=": have != want,
            "<": have < want,
            "<=": have <= want,
            ">": have > want,
            ">=": have >= want,
        }[self.op]


def matching_cases(conn: Connection, where: Sequence[Condition | str]) -> set[int]:
    """Ids of the cases that satisfy every condition."""
    found = Cases(conn)
    ids = {int(r[0]) for r in conn.execute("SELECT id FROM cases")}
    for item in where:
        cond = item if isinstance(item, Condition) else Condition.parse(item)
        attr = found.attribute(cond.attribute)
        test = _Test(attr, cond)
        values = dict(
            conn.execute(
                "SELECT case_id, value FROM case_value WHERE attribute_id = ?", (attr.id,)
            ).fetchall()
        )
        ids = {i for i in ids if test(values.get(i))}
    return ids


def retrieve(
    conn: Connection,
    code: str | int,
    *,
    where: Sequence[Condition | str] = (),
    subcodes: bool = True,
    selection: Selection = EVERYTHING,
    redacted: bool = False,
) -> list[Excerpt]:
    """Codings of ``code`` (and, by default, its sub-codes), in document order.

    ``redacted`` quotes through the de-identification view and names documents
    by number (file names often carry the interviewee's name).
    """
    from moksori.protect.scrub import Scrubber  # lazy: start-up (freq, matrix need no detectors)
    from moksori.protect.view import ViewCache  # lazy: start-up

    book = Codebook(conn)
    ids = book.descendants(code) if subcodes else [book.get(code).id]
    paths = {c.id: c.path for c in book.tree()}
    allowed = matching_cases(conn, where) if where else None
    keep = coder_ids(conn, selection)
    labels = document_labels(conn)
    views = ViewCache(conn)
    cases = Cases(conn)
    rows = conn.execute(
        'SELECT g.id, g.code_id, g.document_id, g.start, g."end", k.id, k.name, g.memo '
        "FROM coding g JOIN coder k ON k.id = g.coder_id "
        f"WHERE g.code_id IN ({','.join('?' * len(ids))}) "
        'ORDER BY g.document_id, g.start, g."end", g.id',
        ids,
    ).fetchall()
    texts = excerpts(conn, [(r[2], r[3], r[4]) for r in rows])
    names = {str(n).casefold(): int(i) for i, n in conn.execute("SELECT id, name FROM cases")}
    scrub = None
    if redacted:  # speaker labels are names: they take the pseudonym too
        scrub = Scrubber.of(conn)
    out: list[Excerpt] = []
    for (cid, code_id, doc, start, end, coder_id, coder, memo), text in zip(
        rows, texts, strict=True
    ):
        if keep is not None and coder_id not in keep:
            continue
        belongs = cases.at(doc, start, end)
        if allowed is not None and not any(names[n.casefold()] in allowed for n in belongs):
            continue
        label = labels[doc]
        speaker = speaker_at(conn, doc, start)
        if scrub is not None:
            text, label = views.quote(doc, start, end), f"document {doc}"
            speaker = scrub(speaker)
        out.append(
            Excerpt(
                cid, paths[code_id], doc, label, start, end, text, belongs, coder, memo, speaker
            )
        )
    return out


def excerpts_table(excerpts: Sequence[Excerpt], title: str = "coded segments") -> Table:
    """Excerpts as a table (one row per coding) for CSV and XLSX."""
    columns = ["code", "document", "start", "end", "cases", "speaker", "coder", "text", "memo"]
    values: list[list[Value]] = [
        [
            e.code,
            e.document,
            e.start,
            e.end,
            ", ".join(e.cases),
            e.speaker,
            e.coder,
            e.text,
            e.memo,
        ]
        for e in excerpts
    ]
    return Table(
        rows=[str(e.coding_id) for e in excerpts],
        columns=columns,
        values=values,
        title=title,
        row_header="coding",
    )

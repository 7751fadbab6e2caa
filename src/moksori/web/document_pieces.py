"""A document page, cut up: passages, coding highlights and aligned translations.

Pure functions over plain data, so they are tested without HTTP and stay
O(n log n) in passages + codings: a long interview with hundreds of codings
renders as one sweep over the sorted boundaries, never a query per coding.

Positions are code points (the store) until the edge, where
:class:`~moksori.web.offsets.Utf16Map` gives the browser its UTF-16 offsets.
Overlapping codings split the text into pieces, each carrying the ids of
every coding over it, so nested or stacked codings all stay visible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from moksori.web.offsets import Utf16Map

PALETTE = 8  # colour classes hl-c0..hl-c7 for codes without a colour of their own
MAX_DEPTH_CLASS = 4


@dataclass(frozen=True)
class PassageIn:
    kind: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class CodingIn:
    id: int
    code_id: int
    code: str  # path
    colour: str | None
    coder: str
    start: int
    end: int
    memo: str | None


@dataclass(frozen=True)
class LinkIn:
    """One alignment link, as ranges on this side and the other side."""

    this_start: int
    this_end: int
    other_start: int
    other_end: int
    confidence: float
    manual: bool


@dataclass
class Piece:
    text: str
    start16: int
    codings: tuple[int, ...]  # ids of the codings over this piece, outermost first
    shared: bool = False  # inside a passage also found in another document

    @property
    def classes(self) -> str:
        """CSS classes only (the CSP forbids style attributes); JS adds the real colours."""
        if not self.codings:
            return ""
        depth = min(len(self.codings), MAX_DEPTH_CLASS)
        return f"hl hl-d{depth}"

    @property
    def ids(self) -> str:
        return " ".join(str(i) for i in self.codings)


@dataclass
class Aside:
    """The other language beside a passage: its aligned sentences, or its passage."""

    text: str
    confidence: float | None = None
    manual: bool = False

    @property
    def low(self) -> bool:
        return self.confidence is not None and not self.manual and self.confidence < 0.5


@dataclass
class PassagePieces:
    kind: str
    speaker: str | None
    start: int
    end: int
    start16: int
    end16: int
    pieces: list[Piece] = field(default_factory=list)
    aside: list[Aside] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "speaker": self.speaker,
            "start16": self.start16,
            "end16": self.end16,
        }


def cover(text: str, passages: Iterable[PassageIn]) -> list[PassageIn]:
    """Passages in order, without overlaps, plus any stretch of non-blank text
    no passage holds (so every character a coding may touch is shown once)."""
    out: list[PassageIn] = []
    pos = 0
    for p in sorted(passages, key=lambda p: (p.start, p.end)):
        start, end = max(p.start, pos), min(p.end, len(text))
        if end <= start:
            continue
        if text[pos:start].strip():
            out.append(PassageIn("text", None, pos, start))
        out.append(PassageIn(p.kind, p.speaker, start, end))
        pos = end
    if text[pos:].strip():
        out.append(PassageIn("text", None, pos, len(text)))
    return out


def split(
    text: str,
    passages: Sequence[PassageIn],
    codings: Sequence[CodingIn],
    u16: Utf16Map,
    shared: Sequence[tuple[int, int]] = (),
) -> list[PassagePieces]:
    """Each passage cut into pieces at every coding boundary inside it (and at the
    edges of ``shared``: ranges also found in another document, marked on their pieces).

    One sweep over the sorted boundaries: O((P + C) log(P + C)) plus the
    output, whatever the overlap.
    """
    starts: dict[int, list[CodingIn]] = {}
    ends: dict[int, list[int]] = {}
    points = {0, len(text)}
    for p in passages:
        points.update((p.start, p.end))
    for c in codings:
        if 0 <= c.start < c.end <= len(text):
            starts.setdefault(c.start, []).append(c)
            ends.setdefault(c.end, []).append(c.id)
            points.update((c.start, c.end))
    for a, b in shared:
        points.update((max(0, a), min(b, len(text))))
    order = sorted(points)
    rows = [
        PassagePieces(p.kind, p.speaker, p.start, p.end, u16.to_utf16(p.start), u16.to_utf16(p.end))
        for p in passages
    ]
    active: dict[int, tuple[int, int, int]] = {}  # id → sort key (start, -end, id)
    k = 0  # the passage at or after the current point
    for a, b in zip(order, order[1:], strict=False):
        for cid in ends.get(a, ()):
            active.pop(cid, None)
        for c in starts.get(a, ()):
            active[c.id] = (c.start, -c.end, c.id)
        while k < len(rows) and rows[k].end <= a:
            k += 1
        if k == len(rows) or rows[k].start > a:
            continue  # between passages (blank lines): not shown
        ids = tuple(sorted(active, key=active.__getitem__))
        inside = any(x <= a and b <= y for x, y in shared)
        rows[k].pieces.append(Piece(text[a:b], u16.to_utf16(a), ids, inside))
    return rows


def codings_json(codings: Sequence[CodingIn], u16: Utf16Map) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "code_id": c.code_id,
            "code": c.code,
            "colour": c.colour,
            "coder": c.coder,
            "start16": u16.to_utf16(c.start),
            "end16": u16.to_utf16(c.end),
            "memo": c.memo,
        }
        for c in codings
    ]


def colour_class(code_id: int) -> str:
    """A fallback colour class for a code without its own colour."""
    return f"hl-c{code_id % PALETTE}"


# --- the redacted view ---------------------------------------------------------
MapRange = Callable[[int, int], tuple[int, int]]


def through(
    map_range: MapRange,
    passages: Sequence[PassageIn],
    codings: Sequence[CodingIn],
    scrub: Callable[[str | None], str | None],
    scrub_memo: Callable[[str | None], str | None] | None = None,
) -> tuple[list[PassageIn], list[CodingIn]]:
    """Passages and codings carried into the redacted text; speaker labels
    scrubbed of known names, coding memos (prose) with ``scrub_memo`` if given."""
    scrub_memo = scrub_memo or scrub
    moved = []
    for p in passages:
        s, e = map_range(p.start, p.end)
        moved.append(PassageIn(p.kind, scrub(p.speaker), s, e))
    coded = []
    for c in codings:
        s, e = map_range(c.start, c.end)
        if e > s:
            coded.append(
                CodingIn(c.id, c.code_id, c.code, c.colour, c.coder, s, e, scrub_memo(c.memo))
            )
    return moved, coded


# --- the translation beside ----------------------------------------------------
def attach_aligned(rows: Sequence[PassagePieces], links: Sequence[LinkIn], other_text: str) -> None:
    """Each passage gets the other side's text of the links that start in it,
    sentence by sentence, in order (a link is shown once, by its first sentence)."""
    ordered = sorted(
        (x for x in links if x.this_end > x.this_start or x.other_end > x.other_start),
        key=lambda x: (x.this_start, x.other_start),
    )
    k = 0
    for x in ordered:
        while k + 1 < len(rows) and rows[k].end <= x.this_start:
            k += 1
        if not rows:
            return
        said = other_text[x.other_start : x.other_end].strip()
        if said:
            rows[k].aside.append(Aside(said, x.confidence, x.manual))


def attach_by_passage(
    rows: Sequence[PassagePieces], other: Sequence[PassageIn], other_text: str
) -> bool:
    """Without alignment links: passage beside passage when both sides have as
    many (a translated interview keeps its turns). False when they differ."""
    if len(rows) != len(other) or not rows:
        return False
    for row, p in zip(rows, other, strict=True):
        row.aside.append(Aside(other_text[p.start : p.end]))
    return True

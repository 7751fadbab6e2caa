"""The stored alignment of a translation pair: sentence links with a confidence.

Units are the sentence segments of each document, in order, with their
speaker. :func:`moksori.bilingual.align.align` links them (1-1, 1-2, 2-1, 1-0,
0-1); a link is stored as a code-point range on each side (the union of its
sentences; an empty range where a sentence was dropped or added). Links set by
hand are kept through every re-alignment, which aligns only the stretches
between them. Everything is replaced in one transaction.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass
from typing import Any

from moksori.bilingual.align import Link, Unit, align, coverage, low_confidence_stretches
from moksori.bilingual.pairs import LOW_CONFIDENCE, Pair, Pairs
from moksori.coding.audited import Action, Event, change
from moksori.errors import MoksoriError
from moksori.semantic import encoder
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.passages import sentence_spans

# Below this share of the expected length, a translation is called much shorter.
SHORT_COVERAGE = 0.6


class AlignmentError(MoksoriError):
    """A link cannot be set as asked."""


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    speaker: str | None
    text: str


@dataclass
class StoredLink:
    id: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    confidence: float
    manual: bool
    a_sentences: list[int]  # sentence numbers, as `moksori alignment` lists them
    b_sentences: list[int]
    a_text: str
    b_text: str

    @property
    def kind(self) -> str:
        return f"{len(self.a_sentences)}-{len(self.b_sentences)}"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "kind": self.kind}


@dataclass
class AlignReport:
    pair: Pair
    links: int
    kinds: dict[str, int]
    manual_kept: int
    low_confidence: int
    coverage: float
    warning: str | None
    # Runs of low-confidence links, as the original's sentence numbers (first, last).
    stretches: list[tuple[int, int]]

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "pair": self.pair.to_json()}


def sentences(conn: Connection, doc_id: int) -> list[Sentence]:
    """The alignment units of a document: its sentence segments, in text order."""
    spans = sentence_spans(conn, doc_id)
    return [Sentence(i, a, b, sp, t) for i, (a, b, sp, t) in enumerate(spans)]


class Alignments:
    """Aligning pairs and reading or fixing their links (``project.alignments``)."""

    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor
        self.pairs = Pairs(conn, actor)

    def align(self, pair_id: int) -> AlignReport:
        """(Re-)align a pair; links set by hand stay, the rest are recomputed."""
        pair = self.pairs.get(pair_id)
        a = sentences(self.conn, pair.original_id)
        b = sentences(self.conn, pair.translation_id)
        manual = [x for x in self.links(pair_id) if x.manual]
        fixed = [Link(tuple(x.a_sentences), tuple(x.b_sentences), 1.0) for x in manual]
        a_units = [Unit(s.text, s.speaker) for s in a]
        b_units = [Unit(s.text, s.speaker) for s in b]
        vectors = encoder.encode([u.text for u in a_units + b_units])
        links = align(a_units, b_units, vectors[: len(a)], vectors[len(a) :], fixed=fixed)
        manual_keys = {(f.a, f.b) for f in fixed}
        stamp = now()
        with change(self.conn, self.actor) as ch:
            self.conn.execute("DELETE FROM alignment WHERE pair_id = ? AND manual = 0", (pair_id,))
            for link, where in zip(links, _ranges(links, a, b), strict=True):
                if (link.a, link.b) in manual_keys:
                    continue
                self._insert(pair_id, where, link.confidence, manual=False, stamp=stamp)
            self.conn.execute(
                "UPDATE translation SET aligned_at = ? WHERE id = ?", (stamp, pair_id)
            )
            counts = {"links": len(links), "kept": len(manual)}
            ch.record(Event(Action.PAIR_ALIGN, {"pair": [pair_id]}, counts))
        share = coverage(a_units, b_units)
        kinds: dict[str, int] = {}
        for link in links:
            key = f"{len(link.a)}-{len(link.b)}"
            kinds[key] = kinds.get(key, 0) + 1
        warning = None
        if a and share < SHORT_COVERAGE:
            warning = (
                f"the translation is much shorter than its original (coverage {share:.0%}); "
                "check the links marked for review"
            )
        low = sum(1 for x in links if x.confidence < LOW_CONFIDENCE)
        stretches = []
        for first, last in low_confidence_stretches(links, LOW_CONFIDENCE):
            numbers = [i for x in links[first : last + 1] for i in x.a]
            if numbers:
                stretches.append((min(numbers), max(numbers)))
        return AlignReport(
            self.pairs.get(pair_id),
            len(links),
            kinds,
            len(manual),
            low,
            round(share, 3),
            warning,
            stretches,
        )

    def links(self, pair_id: int, *, low_only: bool = False) -> list[StoredLink]:
        pair = self.pairs.get(pair_id)
        a = sentences(self.conn, pair.original_id)
        b = sentences(self.conn, pair.translation_id)
        sql = (
            "SELECT id, a_start, a_end, b_start, b_end, confidence, manual FROM alignment "
            "WHERE pair_id = ?"
        )
        if low_only:
            sql += f" AND manual = 0 AND confidence < {LOW_CONFIDENCE}"
        rows = self.conn.execute(sql + " ORDER BY a_start, b_start, id", (pair_id,)).fetchall()
        return [self._stored(row, a, b) for row in rows]

    def set_link(self, pair_id: int, a_sentences: list[int], b_sentences: list[int]) -> StoredLink:
        """Link sentences by hand (numbers as listed; either side may be empty).

        Links that overlap it are removed; `align` realigns the rest around it.
        """
        pair = self.pairs.get(pair_id)
        a = sentences(self.conn, pair.original_id)
        b = sentences(self.conn, pair.translation_id)
        for side, nums, units in (("original", a_sentences, a), ("translation", b_sentences, b)):
            if any(n < 0 or n >= len(units) for n in nums):
                raise AlignmentError(f"the {side} has sentences 0–{len(units) - 1} only")
            if nums and sorted(nums) != list(range(min(nums), max(nums) + 1)):
                raise AlignmentError(f"{side} sentences of one link must be consecutive")
        if not a_sentences and not b_sentences:
            raise AlignmentError("a link needs at least one sentence")
        link = Link(tuple(sorted(a_sentences)), tuple(sorted(b_sentences)), 1.0)
        existing = self.links(pair_id)
        where = (
            *_side(a, link.a, link.b, existing, "a"),
            *_side(b, link.b, link.a, existing, "b"),
        )
        with change(self.conn, self.actor) as ch:
            replaced = 0
            for old in existing:
                if set(old.a_sentences) & set(link.a) or set(old.b_sentences) & set(link.b):
                    self.conn.execute("DELETE FROM alignment WHERE id = ?", (old.id,))
                    replaced += 1
            link_id = self._insert(pair_id, where, 1.0, manual=True, stamp=now())
            counts = {"sentences": len(link.a) + len(link.b), "replaced": replaced}
            ch.record(Event(Action.PAIR_LINK, {"pair": [pair_id]}, counts))
        return next(x for x in self.links(pair_id) if x.id == link_id)

    def _insert(
        self,
        pair_id: int,
        where: tuple[int, int, int, int],
        confidence: float,
        *,
        manual: bool,
        stamp: str,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO alignment(pair_id, a_start, a_end, b_start, b_end, confidence, manual, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (pair_id, *where, round(min(1.0, max(0.0, confidence)), 4), int(manual), stamp),
        )
        return int(cur.lastrowid)

    @staticmethod
    def _stored(row: tuple[Any, ...], a: list[Sentence], b: list[Sentence]) -> StoredLink:
        lid, a0, a1, b0, b1, conf, manual = row
        a_idx = _inside(a, a0, a1)
        b_idx = _inside(b, b0, b1)
        return StoredLink(
            int(lid),
            a0,
            a1,
            b0,
            b1,
            float(conf),
            bool(manual),
            a_idx,
            b_idx,
            " ".join(a[i].text for i in a_idx),
            " ".join(b[i].text for i in b_idx),
        )


def _ranges(
    links: list[Link], a: list[Sentence], b: list[Sentence]
) -> list[tuple[int, int, int, int]]:
    """Each link's code-point range on both sides; an empty side sits right after the
    previous link's text on that side (where the missing sentence would be)."""
    out = []
    a_pos = a[0].start if a else 0
    b_pos = b[0].start if b else 0
    for link in links:
        a0, a1 = (a[link.a[0]].start, a[link.a[-1]].end) if link.a else (a_pos, a_pos)
        b0, b1 = (b[link.b[0]].start, b[link.b[-1]].end) if link.b else (b_pos, b_pos)
        out.append((a0, a1, b0, b1))
        a_pos, b_pos = a1, b1
    return out


def _side(
    units: list[Sentence],
    idx: tuple[int, ...],
    other: tuple[int, ...],
    existing: list[StoredLink],
    side: str,
) -> tuple[int, int]:
    """The range of one side of a hand-made link; an empty side sits after the text of
    the links that precede it on the other side."""
    if idx:
        return units[idx[0]].start, units[idx[-1]].end
    before = [
        x.a_end if side == "a" else x.b_end
        for x in existing
        if (x.b_sentences if side == "a" else x.a_sentences)
        and max(x.b_sentences if side == "a" else x.a_sentences) < other[0]
    ]
    pos = max(before, default=units[0].start if units else 0)
    return pos, pos


def _inside(units: list[Sentence], start: int, end: int) -> list[int]:
    starts = [u.start for u in units]
    lo = bisect_left(starts, start)
    hi = bisect_right(starts, end - 1) if end > start else lo
    return [i for i in range(lo, hi) if units[i].end <= end]

"""Code co-occurrence: which codes turn up together, in a symmetric matrix.

Two notions, because they answer different questions:

- ``overlap`` — two codings overlap when their ranges share at least one code
  point. A cell counts the overlapping pairs of codings (one of each code);
  "the researcher saw both in the same words".
- a segment kind (``sentence``, ``turn``, ``paragraph``, ``cue``, ``row``, or
  ``passage`` for any of the last four) — a cell counts the segments of that
  kind that touch at least one coding of each code; "said in the same
  breath", whatever the exact ranges.

The diagonal holds each code's own total in the same unit: its codings for
``overlap``, the segments it touches otherwise. With ``rollup`` a coding of a
sub-code also stands for its parents, but one coding never co-occurs with
itself, so a parent and its child meet only where two codings do. Only codes
that occur are shown unless ``only`` names the codes (in that order).

Codes co-occur within one coder's codings: where coder A coded one code and
coder B another over the same words, no one saw both, so that is a disagreement
(see reliability), not a co-occurrence. With several coders selected every cell
is the sum of each coder's own count.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from moksori.analysis.coded import (
    EVERYTHING,
    CodedRange,
    Selection,
    codes,
    load,
    shown,
    targets,
)
from moksori.analysis.tables import Table
from moksori.coding.codebook import Codebook
from moksori.errors import CodingError
from moksori.ingest.model import PASSAGE_KINDS
from moksori.store.database import Connection
from moksori.store.passages import segments_over

SEGMENT_KINDS = ("sentence", "turn", "paragraph", "cue", "row")
UNITS = ("overlap", *SEGMENT_KINDS, "passage")


def cooccurrence(
    conn: Connection,
    unit: str = "overlap",
    *,
    only: Sequence[str | int] = (),
    selection: Selection = EVERYTHING,
) -> Table:
    """A symmetric codes × codes table of co-occurrence counts."""
    if unit not in UNITS:
        raise CodingError(f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    rows = codes(conn)
    up = targets(rows, selection.rollup)
    ranges = load(conn, selection)
    pairs: dict[tuple[int, int], int] = {}
    own: dict[int, int] = {}
    if unit == "overlap":
        _count_overlaps(ranges, up, pairs, own)
    else:
        _count_segments(conn, unit, ranges, up, pairs, own)
    allowed = {r.id for r in shown(rows, selection)}
    if only:
        book = Codebook(conn)
        by_id = {r.id: r for r in rows}
        keep = [by_id[book.get(c).id] for c in only]
    else:
        keep = [r for r in rows if r.id in allowed and own.get(r.id)]
    values: list[list[int | float | str | None]] = [
        [own.get(a.id, 0) if a.id == b.id else pairs.get(_key(a.id, b.id), 0) for b in keep]
        for a in keep
    ]
    labels = [r.path for r in keep]
    return Table(
        rows=labels,
        columns=list(labels),
        values=values,
        title=f"code co-occurrence ({unit})",
        row_header="code",
        column_header="code",
        meta={"unit": unit, "rollup": selection.rollup, "diagonal": _DIAGONAL[unit == "overlap"]},
    )


_DIAGONAL = {True: "codings of the code", False: "segments the code touches"}


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _count_overlaps(
    ranges: list[CodedRange],
    up: dict[int, tuple[int, ...]],
    pairs: dict[tuple[int, int], int],
    own: dict[int, int],
) -> None:
    """Sweep each document's codings in start order; count each overlapping pair once."""
    for g in ranges:
        for c in up.get(g.code_id, (g.code_id,)):
            own[c] = own.get(c, 0) + 1
    open_: list[CodedRange] = []
    doc = None
    for g in ranges:  # ordered by document, start
        if g.document_id != doc:
            doc, open_ = g.document_id, []
        open_ = [o for o in open_ if o.end > g.start]
        mine = up.get(g.code_id, (g.code_id,))
        for o in open_:
            if o.coder_id != g.coder_id:  # two coders' judgements never co-occur
                continue
            theirs = up.get(o.code_id, (o.code_id,))
            for key in {_key(a, b) for a in mine for b in theirs if a != b}:
                pairs[key] = pairs.get(key, 0) + 1
        open_.append(g)


def _count_segments(
    conn: Connection,
    unit: str,
    ranges: list[CodedRange],
    up: dict[int, tuple[int, ...]],
    pairs: dict[tuple[int, int], int],
    own: dict[int, int],
) -> None:
    kinds = PASSAGE_KINDS if unit == "passage" else (unit,)
    # (segment, coder) -> code -> codings: each coder's segments are counted apart
    touched: dict[tuple[int, int], dict[int, set[int]]] = {}
    over = segments_over(conn, [(g.document_id, g.start, g.end) for g in ranges], kinds)
    for i, segment_id in over:
        g = ranges[i]
        found = touched.setdefault((segment_id, g.coder_id), {})
        for c in up.get(g.code_id, (g.code_id,)):
            found.setdefault(c, set()).add(g.id)
    for found in touched.values():
        for c in found:
            own[c] = own.get(c, 0) + 1
        for a, b in combinations(sorted(found), 2):
            if len(found[a] | found[b]) > 1:  # two different codings, not one rolled up
                pairs[(a, b)] = pairs.get((a, b), 0) + 1

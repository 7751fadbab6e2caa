"""The text detectors read: stored text with its invisible characters out of the way.

Stored text keeps zero-width characters as written (ingest.normalise), but a name
with a soft hyphen or a joiner inside ('김\u00ad영철') or a zero-width space
before its particle must still be found. So detectors read a view: a ZWSP becomes
a space (1:1: it separates words), and ZWNJ, ZWJ, WJ, U+FEFF, the soft hyphen and
variation selectors are left out. Findings are mapped back onto stored offsets,
each to the stored range covering it. Text without any of these characters (the
usual case) is its own view, at the cost of one regex search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from moksori.protect.spans import Span

ZWSP = "\u200b"
# Left out of the view: ZWNJ, ZWJ, WJ, BOM / ZWNBSP, soft hyphen, variation selectors.
HIDDEN = "\u200c\u200d\u2060\ufeff\u00ad\ufe00-\ufe0f\U000e0100-\U000e01ef"
_HIDDEN = re.compile(f"[{HIDDEN}]+")
_ANY = re.compile(f"[{ZWSP}{HIDDEN}]")


@dataclass(frozen=True)
class VisibleText:
    """A view of a stored text and the way back.

    ``runs`` are (view start, stored start) of each stretch copied unchanged;
    empty when the view is the stored text itself.
    """

    text: str
    stored_length: int
    runs: tuple[tuple[int, int], ...] = ()

    @property
    def identity(self) -> bool:
        return not self.runs

    def stored(self, pos: int) -> int:
        """The stored offset of the view's character at ``pos`` (or its end)."""
        if not self.runs or pos >= len(self.text):
            return pos if not self.runs else self.stored_length
        k = bisect_right(self.runs, (pos, self.stored_length)) - 1
        view_start, stored_start = self.runs[k]
        return stored_start + pos - view_start

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stored range covering the view's ``[start, end)`` (``start < end``)."""
        if not self.runs:
            return start, end
        return self.stored(start), self.stored(end - 1) + 1

    def back(self, spans: Sequence[Span]) -> list[Span]:
        """Findings on the view as findings on the stored text (in place, and returned)."""
        if not self.runs:
            return list(spans)
        for s in spans:
            s.start, s.end = self.span(s.start, s.end)
        return list(spans)


def visible(text: str) -> VisibleText:
    """The detection view of a stored text (itself when it has nothing invisible)."""
    if _ANY.search(text) is None:
        return VisibleText(text, len(text))
    runs: list[tuple[int, int]] = []
    pieces: list[str] = []
    view = stored = 0
    for m in _HIDDEN.finditer(text):
        if m.start() > stored:
            runs.append((view, stored))
            pieces.append(text[stored : m.start()])
            view += m.start() - stored
        stored = m.end()
    if stored < len(text) or not runs:
        runs.append((view, stored))
        pieces.append(text[stored:])
    return VisibleText("".join(pieces).replace(ZWSP, " "), len(text), tuple(runs))

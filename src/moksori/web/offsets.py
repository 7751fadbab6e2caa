"""Browser offsets ↔ stored offsets.

The store counts Unicode code points (REFI-QDA); JavaScript strings count
UTF-16 code units, so every character outside the Basic Multilingual Plane
(emoji, rare hanja) counts twice in the browser. Pages send and receive UTF-16
offsets, and only this module converts.
"""

from __future__ import annotations

from bisect import bisect_right

from moksori.errors import MoksoriError


class OffsetError(MoksoriError):
    """A browser offset does not fall on a character of the document."""


class Utf16Map:
    """Offsets of one text in both counts, in O(log n) per conversion."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # code-point positions of the characters that take two UTF-16 units
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.utf16_length = self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        if not 0 <= offset <= self.length:
            raise OffsetError(f"offset {offset} is outside the text (0..{self.length})")
        return offset + bisect_right(self._astral, offset - 1)

    def from_utf16(self, offset: int) -> int:
        """The code-point offset; an offset inside a surrogate pair is refused."""
        if not 0 <= offset <= self.utf16_length:
            raise OffsetError(f"offset {offset} is outside the text (0..{self.utf16_length})")
        lo, hi = 0, self.length
        while lo < hi:  # smallest code point whose UTF-16 offset is >= offset
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        if self.to_utf16(lo) != offset:
            raise OffsetError(f"offset {offset} falls inside a character")
        return lo

"""Stored text of another tool's source, with a map from its positions to stored ones.

Other tools write sources with a BOM, CRLF line ends or NFD Korean; moksori
stores NFC/LF text without a leading BOM (invisible characters inside the text
are kept). :func:`canonical` builds the stored text together with a position
map, so a selection keeps covering the same words after the text is normalised,
and :func:`beyond_nfc` names what normalising changed besides that.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from moksori.ingest.normalise import PUA_SYMBOLS
from moksori.ingest.normalise import REPLACEMENTS as NORMALISE_TABLE
from moksori.interop.positions import BOM


def _pua_ranges(mapped: set[int]) -> list[tuple[int, int]]:
    """The private-use area without the code points normalising maps to a look-alike."""
    out: list[tuple[int, int]] = []
    start = 0xE000
    for cp in sorted(mapped) + [0xF900]:
        if cp > start:
            out.append((start, cp - 1))
        start = cp + 1
    return out


# Characters that have canonical combining class 0 yet compose with what precedes
# them (Hangul vowels and final consonants, a few Indic vowel signs); NFC chunks never
# start with one.
_COMPOSING_STARTERS = frozenset(
    [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]
    + [0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0C56, 0x0CC2, 0x0CD5]
    + [0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35, 0x110BA, 0x11127, 0x1133E]
    + [0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930]
)


# --- text and positions ----------------------------------------------------------
@dataclass
class MappedText:
    """Stored text, and for every raw position the stored positions a start/end go to."""

    text: str
    lo: list[int]  # raw position -> stored position for a selection start
    hi: list[int]  # raw position -> stored position for a selection end

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.lo[start], self.hi[end]

    def shifted(self, k: int, length: int) -> MappedText:
        """The same map onto ``text[k:k+length]`` (the pipeline trims leading newlines)."""

        if k == 0 and length == len(self.text):
            return self

        def clamp(vs: list[int]) -> list[int]:  # vs never decreases: clamp the two ends
            a, b = bisect_left(vs, k), bisect_right(vs, k + length)
            middle = vs[a:b] if k == 0 else [v - k for v in vs[a:b]]
            return [0] * a + middle + [length] * (len(vs) - b)

        return MappedText(self.text[k : k + length], clamp(self.lo), clamp(self.hi))

    def without_invisible(self) -> MappedText | None:
        """The same map onto the text as moksori stored it before issue 18, when
        normalising removed zero-width characters, soft hyphens and private-use
        characters; None when the text holds none. A document added then keeps
        its text, and a new import of the same file lands on it."""
        if not _ONCE_REMOVED.search(self.text):
            return None
        kept = [0]  # kept[p]: characters kept before position p
        for ch in self.text:
            kept.append(kept[-1] + (0 if _ONCE_REMOVED.match(ch) else 1))
        text = _ONCE_REMOVED.sub("", self.text)
        return MappedText(text, [kept[v] for v in self.lo], [kept[v] for v in self.hi])


# What normalising removed before issue 18 (zero-width characters, soft hyphen, BOM
# inside the text, private-use characters other than the mapped bullets).
_ONCE_REMOVED = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad"
    + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _pua_ranges(set(PUA_SYMBOLS)))
    + "]"
)


def canonical(raw: str) -> MappedText:
    """moksori's normalised form of ``raw`` (see ingest.normalise) with its position map.

    Same steps as :func:`moksori.ingest.normalise.normalise`: leading BOMs dropped
    (their positions go to 0), the 1:1 character table, CRLF/CR to LF, then NFC chunk
    by chunk. Text that is already canonical (the usual case) gets the identity map at
    C speed.
    """
    if not raw.startswith(BOM) and "\r" not in raw and raw.translate(NORMALISE_TABLE) == raw:
        if unicodedata.is_normalized("NFC", raw):
            ident = list(range(len(raw) + 1))
            return MappedText(raw, ident, ident)
    out: list[str] = []
    n = len(raw)
    i = n - len(raw.lstrip(BOM))
    lo1: list[int] = [0] * i  # a selection edge on a leading BOM goes to the text's start
    hi1: list[int] = [0] * i
    while i < n:
        ch = raw[i]
        here = len(out)
        if ch == "\r":
            lo1.append(here)
            hi1.append(here)
            out.append("\n")
            if i + 1 < n and raw[i + 1] == "\n":
                lo1.append(here)  # between CR and LF: both ends collapse to the LF
                hi1.append(here + 1)
                i += 1
            i += 1
            continue
        lo1.append(here)
        hi1.append(here)
        out.append(NORMALISE_TABLE.get(ord(ch), ch))
        i += 1
    lo1.append(len(out))
    hi1.append(len(out))
    step1 = "".join(out)
    text, lo2, hi2 = _nfc_map(step1)
    return MappedText(text, [lo2[p] for p in lo1], [hi2[p] for p in hi1])


def _nfc_map(text: str) -> tuple[str, list[int], list[int]]:
    if unicodedata.is_normalized("NFC", text):
        ident = list(range(len(text) + 1))
        return text, ident, list(ident)
    bounds = [0]
    for i in range(1, len(text)):
        c = text[i]
        if unicodedata.combining(c) == 0 and ord(c) not in _COMPOSING_STARTERS:
            bounds.append(i)
    bounds.append(len(text))
    lo = [0] * (len(text) + 1)
    hi = [0] * (len(text) + 1)
    pieces: list[str] = []
    pos = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = unicodedata.normalize("NFC", text[a:b])
        lo[a] = hi[a] = pos
        for j in range(a + 1, b):  # inside a composed chunk: widen outwards
            lo[j], hi[j] = pos, pos + len(piece)
        pieces.append(piece)
        pos += len(piece)
    lo[len(text)] = hi[len(text)] = pos
    result = "".join(pieces)
    if result != unicodedata.normalize("NFC", text):  # a chunk boundary we did not foresee
        whole = unicodedata.normalize("NFC", text)
        n = len(whole)
        return whole, [0] * len(text) + [n], [n] * (len(text) + 1)
    return result, lo, hi


# What normalising changes besides NFC, line ends (CR, CRLF, VT, FF, NEL, U+2028/9 -> LF)
# and a leading BOM: control codes (-> space) and private-use bullets (-> their look-alike).
_CHANGED = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c, to in sorted(NORMALISE_TABLE.items()) if to != "\n")
    + "]"
)


def beyond_nfc(text: str) -> str:
    """What normalising changes in ``text`` besides NFC, line ends and a leading BOM
    ('' if nothing), by code point and count, e.g. 'U+0001 replaced by U+0020 ×2'."""
    found = Counter(_CHANGED.findall(text))
    parts = []
    for ch, n in sorted(found.items()):
        parts.append(f"U+{ord(ch):04X} replaced by U+{ord(NORMALISE_TABLE[ord(ch)]):04X} ×{n}")
    return ", ".join(parts)

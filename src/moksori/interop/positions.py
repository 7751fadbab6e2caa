"""What a ``.qdpx`` position counts, per producing tool, and which reading fits a file.

REFI-QDA says positions count Unicode code points, but tools count what their
own string type counts. NVivo (.NET) counts UTF-16 code units, so an emoji or
an astral hanja is two, and it does not count the BOM it writes; ATLAS.ti and
MAXQDA count a CRLF line end as one position (QualCoder's importer and its
"MAXQDA line endings" export both rely on it); QualCoder counts Python string
indices (code points) on its stored text, without the BOM it adds on export.
Read with the wrong rule, every emoji moves the rest of the text by one.

A :class:`Reading` is one such rule. :func:`producer` guesses the tool from the
project file, :func:`reading_for` gives its rule, and :func:`best_reading`
checks it against the file itself: a reading that puts clearly more selections
on word boundaries (and never inside a surrogate pair) than the tool's own
wins, and the import report says so. Conversions work on positions only
(bisect over the few astral characters and CRLFs), never per character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lxml import etree

UNITS = ("auto", "utf16", "codepoints")
TARGETS = ("refi", "nvivo", "atlas", "maxqda", "qualcoder")
BOM = "\ufeff"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A reading must beat the producer's own by this share of selections to replace it.
MARGIN = 0.2


@dataclass(frozen=True)
class Reading:
    """How a file's positions count: UTF-16 units or code points, BOM, CRLF."""

    utf16: bool = False
    bom: bool = True  # a leading BOM is position 0
    crlf_one: bool = False  # a CR LF pair is one position

    def describe(self) -> str:
        units = "UTF-16 code units" if self.utf16 else "code points"
        bom = "BOM counted" if self.bom else "BOM not counted"
        crlf = "CRLF as one" if self.crlf_one else "CRLF as two"
        return f"{units}, {bom}, {crlf}"


READINGS: dict[str, Reading] = {
    "nvivo": Reading(utf16=True, bom=False),
    "atlas": Reading(crlf_one=True),
    "maxqda": Reading(crlf_one=True),
    "qualcoder": Reading(bom=False),
    "moksori": Reading(bom=False),
    "unknown": Reading(),
}
# What an export for each target writes: positions as that tool counts them, and for
# ATLAS.ti and MAXQDA, CRLF line ends counted as one, as their own exports are.
EXPORTS: dict[str, Reading] = {
    "refi": Reading(bom=False),
    "nvivo": READINGS["nvivo"],
    "atlas": Reading(bom=False, crlf_one=True),
    "maxqda": Reading(bom=False, crlf_one=True),
    "qualcoder": Reading(bom=False),
}
MARK = "positions: "  # moksori's exports for a tool say in Project/@origin how they count


def export_origin(version: str, target: str) -> str:
    """``moksori 1.2 (positions: UTF-16 code units, ...; for nvivo)``; plain for refi."""
    if target == "refi":
        return f"moksori {version}"
    return f"moksori {version} ({MARK}{EXPORTS[target].describe()}; for {target})"


def producer(root: etree._Element, qde_name: str = "project.qde") -> str:
    """The tool that wrote a project file, from ``@origin`` and the inner file's name."""
    origin = " ".join((root.get("origin") or "").split()).lower()
    for key, names in (
        ("nvivo", ("nvivo",)),
        ("atlas", ("atlas.ti", "atlasti", "atlas ti")),
        ("maxqda", ("maxqda",)),
        ("qualcoder", ("qualcoder",)),
        ("moksori", ("moksori",)),
    ):
        if any(origin.startswith(n) for n in names):
            return key
    if qde_name.lower() != "project.qde":
        return "atlas"  # ATLAS.ti names the inner XML after the project
    return "unknown"


def reading_for(root: etree._Element, qde_name: str, units: str = "auto") -> Reading:
    """The producer's rule; ``units`` (utf16 or codepoints) overrides what it counts."""
    tool = producer(root, qde_name)
    rule = READINGS[tool]
    said = (root.get("origin") or "").lower()
    if tool == "moksori" and MARK in said:  # moksori's own export for another tool
        rule = Reading(utf16="utf-16" in said, bom=False, crlf_one="crlf as one" in said)
    if units == "utf16":
        rule = replace(READINGS["nvivo"], crlf_one=rule.crlf_one)
    elif units == "codepoints":
        rule = replace(rule, utf16=False)
    return rule


class PositionMap:
    """Positions of one source under a reading, as code points of its text (BOM removed)."""

    def __init__(self, raw: str, reading: Reading) -> None:
        self.reading = reading
        self.had_bom = raw.startswith(BOM)
        text = raw[1:] if self.had_bom else raw
        self.shift = 1 if self.had_bom and reading.bom else 0  # position 0 is the BOM
        self.crlf = [m.start() for m in re.finditer("\r\n", text)] if reading.crlf_one else []
        # each CRLF before a collapsed position adds one code point back
        self._collapsed = [r - k for k, r in enumerate(self.crlf)]
        counted = text.replace("\r\n", "\n") if self.crlf else text
        astral = [m.start() for m in _ASTRAL.finditer(counted)] if reading.utf16 else []
        self._units = [a + k for k, a in enumerate(astral)]  # unit index of each astral char
        self.length = len(counted) + len(astral) + self.shift

    def _cp(self, p: int, end: bool) -> tuple[int, bool]:
        """Code point in the counted text; True when ``p`` splits a surrogate pair."""
        k = bisect_left(self._units, p)  # astral characters starting before p
        inside = k > 0 and self._units[k - 1] + 1 == p
        if inside:
            return (p - k + 1 if end else p - k), True
        return p - k, False

    def point(self, p: int, end: bool = False) -> tuple[int, bool]:
        """A position in the file's units as a code point of the text without BOM."""
        p = max(p - self.shift, 0)
        cp, split = self._cp(p, end)
        return cp + bisect_left(self._collapsed, cp), split

    def span(self, start: int, end: int) -> tuple[int, int, bool]:
        s, split1 = self.point(start)
        e, split2 = self.point(end, end=True)
        return s, e, split1 or split2


def on_boundary(text: str, i: int) -> bool:
    """Whether a selection edge at ``i`` lies between words (or at the text's ends)."""
    if i <= 0 or i >= len(text):
        return True
    return not (_word(text[i - 1]) and _word(text[i]))


def _word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’"


def candidates(raws: Sequence[str], first: Reading) -> list[Reading]:
    """``first`` and every other reading that could differ on these texts."""
    astral = any(_ASTRAL.search(r) for r in raws)
    bom = any(r.startswith(BOM) for r in raws)
    crlf = any("\r\n" in r for r in raws)
    out = [first]
    for utf16 in (first.utf16, not first.utf16) if astral else (first.utf16,):
        for b in (first.bom, not first.bom) if bom else (first.bom,):
            for c in (first.crlf_one, not first.crlf_one) if crlf else (first.crlf_one,):
                r = Reading(utf16, b, c)
                if r not in out:
                    out.append(r)
    return out


Scorer = Callable[[Reading], tuple[int, int]]


def best_reading(first: Reading, others: list[Reading], score: Scorer) -> tuple[Reading, str]:
    """The producer's reading unless another fits the file clearly better; why, if so.

    ``score(reading)`` gives (selections with both edges on word boundaries, total).
    """
    good, total = score(first)
    if total == 0 or not others or good == total:
        return first, ""
    best, best_good = first, good
    for r in others:
        g, _ = score(r)
        if g > best_good:
            best, best_good = r, g
    if best is first or best_good < total / 2 or best_good - good < MARGIN * total:
        return first, ""
    return best, (
        f"positions read as {best.describe()}: {best_good}/{total} selections start and end "
        f"on word boundaries, against {good}/{total} with the producer's rule "
        f"({first.describe()})"
    )


def export_units(text: str, utf16: bool) -> Callable[[int], int]:
    """Code point -> the position an export target counts (UTF-16 units for NVivo)."""
    if not utf16:
        return lambda cp: cp
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda cp: cp
    return lambda cp: cp + bisect_left(astral, cp)

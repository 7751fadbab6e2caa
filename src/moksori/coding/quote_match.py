"""Finding a typed quote in a stored text, tolerant of how either was written.

A researcher types or pastes a quote on one line; the stored text came from a
PDF that wraps mid-sentence, hyphenates at line ends, uses curly quotes, em
dashes, full-width forms, non-breaking or zero-width spaces. Both sides are
*folded* the same way (NFKC per character cluster, typographic quotes and
dashes to ASCII, every run of whitespace to one space, no space around a
dash, zero-width characters and soft hyphens dropped, a hyphen at a line
break between letters joined) and the quote is found in the folded text.
Every folded character remembers the code points of the stored text it came
from, so a match maps back to exactly the stored text it covers.

Only when the quote as typed is not found, two readings are tried: without the
hyphens inside words (a text that split "well-known" at a line end) and
without quote marks around it (a quote copied with its “ ”).

A quote that matches in more than one place is never guessed: without an
``occurrence`` it is an :class:`AmbiguousQuote` naming every candidate.
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from moksori.errors import CodingError, RangeOutsideDocument

# Invisible characters that only steer layout: dropped on both sides.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
# After NFKC: typographic quotes, apostrophes and dashes as typed on a keyboard.
_TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»〝〞〟＂″‶", '"'),
        **dict.fromkeys("‘’‚‛‹›′‵＇", "'"),
        **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
    }
)
_JOINING_HYPHENS = frozenset("-\u2010\u2011")  # a line-end hyphen that may split a word
CANDIDATES_SHOWN = 8


@dataclass(frozen=True)
class Folded:
    """A folded text and, per folded character, the stored code points it stands for."""

    text: str
    starts: array[int]
    ends: array[int]


@dataclass(frozen=True)
class Candidate:
    """One place a quote matches: stored offsets, line (from 1) and a short context."""

    start: int
    end: int
    line: int
    context: str

    def describe(self) -> str:
        return f"line {self.line} ({self.start}–{self.end}) {self.context}"


class AmbiguousQuote(CodingError):
    """A quote that matches in several places and no occurrence says which."""

    def __init__(self, message: str, candidates: list[Candidate]) -> None:
        super().__init__(message)
        self.candidates = candidates


def _cluster_end(text: str, i: int) -> int:
    """Where the character cluster starting at i ends (combining marks, Hangul jamo)."""
    j = i + 1
    while j < len(text):
        o = ord(text[j])
        if unicodedata.combining(text[j]) or 0x1160 <= o <= 0x11FF or 0xD7B0 <= o <= 0xD7FF:
            j += 1
        else:
            break
    return j


def _is_dash(ch: str) -> bool:
    return ch.translate(_TYPOGRAPHIC) == "-" or unicodedata.normalize("NFKC", ch) == "-"


def fold(text: str) -> Folded:
    """The folded form of a text, with the stored span of every folded character."""
    out: list[str] = []
    starts: array[int] = array("i")
    ends: array[int] = array("i")
    n, i = len(text), 0
    while i < n:
        ch = text[i]
        if ch in _DROP:
            i += 1
            continue
        if ch.isspace():
            j = i + 1
            while j < n and (text[j].isspace() or text[j] in _DROP):
                j += 1
            if out and out[-1] == "-":
                hyphen = starts[-1]
                if (
                    "\n" in text[i:j]
                    and text[hyphen] in _JOINING_HYPHENS
                    and hyphen > 0
                    and text[hyphen - 1].isalpha()
                    and j < n
                    and text[j].islower()
                ):  # "remit-\ntance": a word split at a line end
                    out.pop()
                    starts.pop()
                    ends.pop()
            elif out and not (j < n and _is_dash(text[j])):
                out.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        j = _cluster_end(text, i)
        piece = text[i:j]
        if not piece.isascii():
            piece = unicodedata.normalize("NFKC", piece).translate(_TYPOGRAPHIC)
        for c in piece:
            if c == "-" and out and out[-1] == " ":  # "a — b" reads as "a—b"
                out.pop()
                starts.pop()
                ends.pop()
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return Folded("".join(out), starts, ends)


@lru_cache(maxsize=8)
def folded_text(text: str) -> Folded:
    """fold() of a stored text, kept for the next quote in the same document."""
    return fold(text)


def fold_quote(quote: str) -> str:
    return fold(quote.strip()).text.strip()


def _dehyphenate(folded: str) -> str:
    """ "well-known" as "wellknown", for a text that split the word at its hyphen."""
    last = len(folded) - 1
    return "".join(
        c
        for k, c in enumerate(folded)
        if not (c == "-" and 0 < k < last and folded[k - 1].isalpha() and folded[k + 1].isalpha())
    )


def _spans(folded: Folded, needle: str) -> list[tuple[int, int]]:
    found: dict[tuple[int, int], None] = {}
    pos = folded.text.find(needle)
    while pos >= 0:
        found.setdefault((folded.starts[pos], folded.ends[pos + len(needle) - 1]), None)
        pos = folded.text.find(needle, pos + 1)
    return list(found)


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every stored span [start, end) where the quote matches, in text order."""
    needle = fold_quote(quote)
    if not needle:
        raise CodingError("an empty quote codes nothing")
    folded = folded_text(text)
    # Then, only if the quote as typed is not there: a word the text split at its own
    # hyphen ("well-\nknown"), and quote marks the researcher put around the quote.
    bare = needle.strip("\"' ")
    for variant in (needle, _dehyphenate(needle), bare, _dehyphenate(bare)):
        spans = _spans(folded, variant) if variant else []
        if spans:
            return spans
    return []


def _context(text: str, start: int, end: int, width: int = 24) -> str:
    def flat(s: str) -> str:
        return " ".join(s.split())

    inner = flat(text[start:end])
    if len(inner) > 2 * width:
        inner = inner[: width - 1] + "…" + inner[-(width - 1) :]
    before = flat(text[max(0, start - width) : start])
    after = flat(text[end : end + width])
    return f"«…{before}[{inner}]{after}…»"


def candidates(text: str, spans: list[tuple[int, int]]) -> list[Candidate]:
    return [Candidate(s, e, text.count("\n", 0, s) + 1, _context(text, s, e)) for s, e in spans]


def locate(text: str, quote: str, occurrence: int | None, where: str) -> tuple[int, int]:
    """The stored span of a quote; `where` names the document in errors.

    Without an occurrence the quote must match exactly one place; with one, the
    n-th place (from 1, in text order) is taken.
    """
    spans = find_all(text, quote)
    if not spans:
        raise RangeOutsideDocument(f"{where} does not contain that quote")
    if occurrence is None:
        if len(spans) == 1:
            return spans[0]
        found = candidates(text, spans)
        shown = "; ".join(c.describe() for c in found[:CANDIDATES_SHOWN])
        more = (
            f"; and {len(found) - CANDIDATES_SHOWN} more" if len(found) > CANDIDATES_SHOWN else ""
        )
        raise AmbiguousQuote(
            f"the quote matches {len(spans)} places in {where}: {shown}{more}; "
            "say which with occurrence N (1 is the first)",
            found,
        )
    if occurrence < 1:
        raise CodingError("occurrence counts from 1")
    if occurrence > len(spans):
        raise RangeOutsideDocument(
            f"{where} does not contain that quote {occurrence} times (only {len(spans)})"
        )
    return spans[occurrence - 1]

"""Paragraph fingerprints for finding articles embedded in other pages.

Blogs repeat earlier posts under "Related posts" / "관련 글", so the same
paragraph is often ingested twice. The store keeps a fingerprint per passage
and marks later copies as duplicates, so a search hit is not counted twice.
Fingerprints ignore case, spacing, line wrapping and punctuation; short
paragraphs ("Thank you.", "네.") get none, because repeating them is normal.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

# Below these sizes a paragraph is too common to mean "the same text".
MIN_CHARS = 40  # weighted: a Hangul/CJK character counts twice
MIN_WORDS = 6  # words or 어절
_VERSION = "p1"  # bump if the normalisation changes, so old and new never match


def _is_wide(ch: str) -> bool:
    cp = ord(ch)
    return 0xAC00 <= cp <= 0xD7A3 or 0x3130 <= cp <= 0x318F or 0x4E00 <= cp <= 0x9FFF


def normalise_for_fingerprint(text: str) -> str:
    """Casefolded words of letters and digits, one space apart."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = [ch if unicodedata.category(ch)[0] in "LN" else " " for ch in folded]
    return " ".join("".join(kept).split())


def fingerprint(text: str) -> str | None:
    """Stable hash of a paragraph's content, or None when it is too short to matter."""
    norm = normalise_for_fingerprint(text)
    words = norm.split(" ") if norm else []
    weight = len(norm) + sum(1 for ch in norm if _is_wide(ch))
    if len(words) < MIN_WORDS or weight < MIN_CHARS:
        return None
    digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).hexdigest()
    return f"{_VERSION}:{digest}"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines, hard wraps included."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            if start is None:
                start = pos
            end = pos + len(line)
        elif start is not None:
            spans.append((start, end))
            start = None
        pos += len(line) + 1
    if start is not None:
        spans.append((start, end))
    return spans


def find_embedded_duplicates(paragraphs: Sequence[str], known: Mapping[str, T]) -> list[T | None]:
    """For each paragraph, what ``known`` holds under its fingerprint (None if nothing)."""
    found: list[T | None] = []
    for paragraph in paragraphs:
        fp = fingerprint(paragraph)
        found.append(known.get(fp) if fp is not None else None)
    return found

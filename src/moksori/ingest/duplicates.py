"""Paragraph fingerprints for finding articles embedded in other pages.

Blogs repeat earlier posts under "Related posts" / "관련 글", so the same
paragraph is often ingested twice. The store keeps a fingerprint per passage
and marks later copies as duplicates, so a search hit is not counted twice.
Fingerprints ignore case, spacing, line wrapping and punctuation; short
paragraphs ("Thank you.", "네.") get none, because repeating them is normal, and
so do questions: the same interview guide is read to every participant.
Longer passages shared inside paragraphs are :mod:`.shared_passages`' work.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TypeVar

from moksori.ingest.shared_passages import MAX_QUESTION_SHARE, question_share

T = TypeVar("T")

# Below these sizes a paragraph is too common to mean "the same text".
MIN_CHARS = 40  # weighted: a Hangul/CJK character counts twice
MIN_WORDS = 6  # words or 어절
_VERSION = "p1"  # bump if the normalisation changes, so old and new never match


# Hangul syllables, compatibility jamo and CJK ideographs.
_WIDE = re.compile("[\uac00-\ud7a3\u3130-\u318f\u4e00-\u9fff]")
# Runs of letters and numbers (Unicode categories L* and N*).
_WORD = re.compile(r"[^\W_]+")


def normalise_for_fingerprint(text: str) -> str:
    """Casefolded words of letters and digits, one space apart."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def fingerprint(text: str) -> str | None:
    """Stable hash of a paragraph's content, or None when it is too short to matter."""
    norm = normalise_for_fingerprint(text)
    words = norm.split(" ") if norm else []
    weight = len(norm) + len(_WIDE.findall(norm))
    if len(words) < MIN_WORDS or weight < MIN_CHARS:
        return None
    if question_share(text) > MAX_QUESTION_SHARE:
        return None  # an interview question asked of everyone is not a repeat
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

"""Romanised Korean names in Latin text: "Kim Ji-min", "Ji-min Kim", "Ri Chol Su".

Why a module of its own: Korean names are romanised in many systems (Revised,
McCune-Reischauer, North Korean, ad hoc), so a given name is recognised by splitting it
into Korean syllables (:mod:`moksori.protect.romanise`), not by looking it up in a list as
Western names are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from moksori.protect import gazetteer as gz
from moksori.protect.detect.english_cues import _COMMON, _fold
from moksori.protect.romanise import is_korean_given, segment

# The apostrophe of an aspirated consonant in McCune-Reischauer: "Ch'ŏl", "T'ae", "K'ang".
_ASPIRATED = re.compile(r"(?<=[ckptCKPTh])['’ʼ](?=[aeiouyw]|[ŏŭ])")


class Word(Protocol):
    """A token of :mod:`english_names`: its text and its folded key."""

    text: str
    key: str


def korean_full(run: Sequence[Word], surnames: frozenset[str]) -> tuple[int, int] | None:
    """Token range of a romanised Korean full name in the run (either order), if any."""
    n = len(run)
    for i in range(n):
        if _fold(run[i].text) not in surnames:  # "Sŏ" keeps its breve in its key
            continue
        for j in range(min(n, i + 3), i + 1, -1):  # Kim | Ji-min / Jimin / Ji Min / Jong Un
            given = " ".join(t.text for t in run[i + 1 : j])
            if korean_given(given, j - i - 1):
                return i, j
        for k in range(max(0, i - 2), i):  # Ji-min Kim
            given = " ".join(t.text for t in run[k:i])
            if korean_given(given, i - k):
                return k, i + 1
    return None


def korean_given(given: str, parts: int) -> bool:
    """Given-name syllables after (or before) a surname: "Ji-min", "Jimin", "Ji Min", and
    one syllable of three letters or more ("Lim Chol", "Pak Nam"), as North Korean
    names often have."""
    given = _ASPIRATED.sub("", given)  # McCune-Reischauer "Ch'ol-su", "T'ae-ho"
    if "-" in given or "‐" in given:
        return is_korean_given(given)
    if parts == 1:
        key = _fold(given)
        if key in _COMMON:
            return False
        return 2 <= len(segment(key)) <= 3 or (len(key) >= 3 and len(segment(key)) == 1)
    return parts <= 3 and is_korean_given(given)


def given_alone(word: str, key: str) -> bool:
    """ "Okhee", "Seonwoo", "Jimin": one capitalised word that reads as exactly two Korean
    syllables, and is no listed word (data/english_not_names.txt: "Samsung", "Joseon") and
    no place of the gazetteer ("Musan", "Hyesan"). Two syllables, since most Korean given
    names have two; one ("Chol") or three spelled as one word are English words too often.
    """
    if not (4 <= len(word) <= 10 and word.isalpha() and word[0].isupper()):
        return False
    if not word[1:].islower() or key in _COMMON:
        return False
    return len(segment(key)) == 2 and gz.lookup(word) is None


def korean_over_common(run: Sequence[Word], surnames: frozenset[str]) -> tuple[int, int] | None:
    """A romanised Korean name with a syllable that is also a listed word ("Sun", "Young",
    "Ok"), which would otherwise cut the run in two."""
    if not any(t.key in _COMMON for t in run):
        return None
    kor = korean_full(run, surnames)
    if kor is None:
        return None
    if run[kor[0]].key in _COMMON and not any("-" in t.text for t in run[kor[0] : kor[1]]):
        return None  # "So Young went": a word; "So Chong-ae": a hyphen vouches for the name
    return kor if any(t.key in _COMMON for t in run[kor[0] : kor[1]]) else None

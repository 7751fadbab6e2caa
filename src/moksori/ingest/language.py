"""Which language a passage is in: "ko", "en", "mixed" or "und".

Only Korean and English matter to the workbench, so the script of the letters
is enough: no statistical model, nothing to download, and it is cheap enough
to run on every passage.

Rules (letters are counted per code point, except that a precomposed Hangul
syllable counts as :data:`SYLLABLE_WEIGHT` (2) letters: a syllable block
holds two or three jamo, so "왔어요" and "came" carry about the same text):

* no Hangul or Latin letters → ``"und"`` (numbers, emoji, Chinese only);
* ``"mixed"`` when the minority script has at least :data:`MIXED_SHARE` (20%)
  of the letters *and* at least :data:`MIXED_MIN_WORDS` (3) words, so a
  Korean sentence quoting one English name stays ``"ko"``;
* otherwise the majority script; a tie goes to ``"ko"`` (Kiwi, used for
  Korean, also handles English words).
"""

from __future__ import annotations

import re

MIXED_SHARE = 0.2
MIXED_MIN_WORDS = 3
SYLLABLE_WEIGHT = 2

_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_HANGUL_WORD = re.compile(f"[{_HANGUL}]+")
# Hangul letters that are not precomposed syllables (jamo); rare, so counting
# them is cheaper than listing every syllable.
_JAMO = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]")
_LATIN_WORD = re.compile(f"[{_LATIN}]+")


def detect_language(text: str) -> str:
    """Return "ko", "en", "mixed" or "und" for *text* (rules in the module doc).

    Words are counted as they are found, never collected: a whole document
    can be tens of millions of characters.
    """
    hangul, hangul_words = _count(_HANGUL_WORD, text)
    latin, latin_words = _count(_LATIN_WORD, text)
    return _decide(text, hangul, hangul_words, latin, latin_words)


def _count(words: re.Pattern[str], text: str) -> tuple[int, int]:
    """Letters and words of one script."""
    letters = n = 0
    for m in words.finditer(text):
        letters += m.end() - m.start()
        n += 1
    return letters, n


def sentence_languages(passage: str, sentences: list[str]) -> list[str]:
    """Each sentence's language, as `detect_language` gives it, for sentences that lie
    inside `passage`.

    Ingest asks this for every sentence of every passage. When the passage has
    letters of one script only, a sentence is that language if it has any
    letter at all, and "und" otherwise; only passages with both scripts need
    each sentence counted.
    """
    has_hangul = _HANGUL_WORD.search(passage) is not None
    if has_hangul and _LATIN_WORD.search(passage) is not None:
        return [detect_language(s) for s in sentences]
    letters, lang = (_HANGUL_WORD, "ko") if has_hangul else (_LATIN_WORD, "en")
    return [lang if letters.search(s) else "und" for s in sentences]


def _decide(text: str, hangul: int, hangul_words: int, latin: int, latin_words: int) -> str:
    if hangul:
        syllables = hangul - sum(1 for _ in _JAMO.finditer(text))
        hangul += (SYLLABLE_WEIGHT - 1) * syllables
    total = hangul + latin
    if total == 0:
        return "und"
    if hangul >= latin:
        minority, minority_words, majority = latin, latin_words, "ko"
    else:
        minority, minority_words, majority = hangul, hangul_words, "en"
    if minority >= MIXED_SHARE * total and minority_words >= MIXED_MIN_WORDS:
        return "mixed"
    return majority

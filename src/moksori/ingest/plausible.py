"""Is a decoding believable for this project's material (Korean and English)?

A wrong code page does not fail: it turns a name into other letters that no
detector recognises and that anyone can turn back (``.encode('ptcp154')
.decode('utf-8')``). So a decoding is only accepted when the bytes are not
mostly UTF-8 read as something else, the code page is one our interviews can
come in, and the characters it gives look like Korean, English or punctuation
rather than mojibake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Code pages (charset-normalizer names) our material can really come in.
# Chinese and Japanese code pages are left out on purpose: GB18030 and
# Shift-JIS decode damaged Korean bytes into plausible-looking hanzi/kanji.
ALLOWED_GUESSES = frozenset(
    {
        "ascii",
        "utf_8",
        "cp949",
        "euc_kr",
        "utf_16",
        "utf_16_le",
        "utf_16_be",
        "utf_32",
        "utf_32_le",
        "utf_32_be",
        "cp1252",
        "latin_1",
        "iso8859_1",
        "iso8859_15",
    }
)
# Statistics look at the start of the text only.
SAMPLE = 200_000
# Share of ordinary characters a guessed decoding must reach.
MIN_PLAUSIBLE_SHARE = 0.95
# Valid multi-byte UTF-8 characters per invalid sequence for bytes to count as
# "UTF-8 with some damage" (damaged CP949 read as UTF-8 gives about 1 in 4).
MOSTLY_UTF8_RATIO = 3.0
# Western code pages: accented letters are a minority of the letters in real
# English or European text; damaged Korean bytes read as Latin-1 are nearly all.
WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15"})
MAX_WESTERN_ACCENTED_SHARE = 0.4
# Korean code pages: share of non-ASCII letters that must be Hangul (Chinese
# GBK bytes are often valid CP949).
MIN_HANGUL_SHARE = 0.6
# Runs of Latin-1 letters that are really UTF-8 bytes: this many, and this
# share of all such runs, mark a text as double-encoded.
MIN_MOJIBAKE_RUNS = 3
MOJIBAKE_SHARE = 0.5

# Characters a single-byte code page gives for bytes 0x80-0xFF.
_HIGH_RUN = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]{2,}"
)


@dataclass(frozen=True)
class Utf8Stats:
    """How the bytes fare as UTF-8: valid multi-byte characters and invalid sequences."""

    valid_multibyte: int
    invalid: int

    @property
    def mostly_utf8(self) -> bool:
        """Mostly valid UTF-8 with a few bad bytes: decode as UTF-8, replace the bad ones."""
        return self.valid_multibyte >= 2 and self.valid_multibyte >= MOSTLY_UTF8_RATIO * max(
            self.invalid, 1
        )

    @property
    def looks_utf8(self) -> bool:
        """At least as many valid as invalid sequences: no single-byte code page is believable."""
        return self.valid_multibyte >= 2 and self.valid_multibyte >= self.invalid


def utf8_stats(data: bytes, limit: int = 4 * SAMPLE) -> Utf8Stats:
    """Count valid multi-byte characters and replaced sequences in a UTF-8 reading."""
    text = data[:limit].decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    return Utf8Stats(non_ascii - invalid, invalid)


def plausible_char(ch: str) -> bool:
    """Letters, digits, punctuation and scripts our material is written in."""
    cp = ord(ch)
    return (
        (0x20 <= cp < 0x7F)
        or ch in "\t\n\r"
        or 0xA0 <= cp < 0x250  # Latin-1 supplement and extensions
        or 0x1100 <= cp < 0x1200  # Hangul jamo
        or 0x2000 <= cp < 0x2070  # general punctuation
        or 0x2100 <= cp < 0x2200  # letter-like symbols, arrows (™, №, →)
        or 0x3000 <= cp < 0x3190  # CJK punctuation, kana, compatibility jamo
        or 0x4E00 <= cp < 0xA000  # CJK ideographs (Hanja)
        or 0xAC00 <= cp < 0xD7A4  # Hangul syllables
        or 0xFF00 <= cp < 0xFFF0  # full-width forms
    )


def plausible_share(text: str) -> float:
    sample = text[:SAMPLE]
    if not sample:
        return 1.0
    return sum(1 for ch in sample if plausible_char(ch)) / len(sample)


def double_encoded(text: str) -> bool:
    """UTF-8 once read as Windows-1252/Latin-1 and saved again ("ìœ ë³„" for 유별)."""
    runs = 0
    utf8_runs = 0
    hidden = 0  # characters the disguised runs really are: a short name counts too
    for match in _HIGH_RUN.finditer(text, 0, min(len(text), SAMPLE)):
        runs += 1
        found = _hidden_characters(match.group())
        if found:
            utf8_runs += 1
            hidden += found
    enough = utf8_runs >= MIN_MOJIBAKE_RUNS or hidden >= MIN_MOJIBAKE_RUNS
    return enough and utf8_runs >= MOJIBAKE_SHARE * runs


def _is_utf8_in_disguise(run: str) -> bool:
    return _hidden_characters(run) > 0


def _hidden_characters(run: str) -> int:
    """How many non-ASCII characters ``run`` decodes to if it is UTF-8 in disguise."""
    raw = bytearray()
    for ch in run:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return 0
            raw.append(ord(ch))  # C1 controls: bytes cp1252 leaves undefined
    try:
        decoded = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return 0
    return sum(1 for ch in decoded if ord(ch) > 0x7F)


def believable_guess(encoding: str, text: str, stats: Utf8Stats) -> bool:
    """Whether charset-normalizer's guess may be trusted for this project's files."""
    name = encoding.lower().replace("-", "_")
    if name not in ALLOWED_GUESSES:
        return False
    if name != "utf_8" and stats.looks_utf8:
        return False  # UTF-8 bytes read through another code page
    if plausible_share(text) < MIN_PLAUSIBLE_SHARE:
        return False
    if name in WESTERN and accented_share(text) > MAX_WESTERN_ACCENTED_SHARE:
        return False
    if name in ("cp949", "euc_kr") and hangul_share(text) < MIN_HANGUL_SHARE:
        return False
    return not double_encoded(text)


def accented_share(text: str) -> float:
    """Share of letters that are not ASCII."""
    letters = [ch for ch in text[:SAMPLE] if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ord(ch) > 0x7F) / len(letters)


def hangul_share(text: str) -> float:
    """Share of non-ASCII letters that are Hangul syllables or jamo."""
    letters = [ch for ch in text[:SAMPLE] if ch.isalpha() and ord(ch) > 0x7F]
    if not letters:
        return 1.0
    hangul = sum(1 for ch in letters if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch < "\u1200")
    return hangul / len(letters)

"""Bytes to text for Korean/English interview files.

Korean files arrive as UTF-8, UTF-16 (Windows Notepad) or CP949 (older
Windows, HWP exports); transcripts pasted together from several sources mix
them line by line. We try the likely encodings strictly first, then repair
line by line; bytes that are mostly valid UTF-8 are read as UTF-8 with the bad
bytes replaced; only then may charset-normalizer guess, and its guess must be a
code page our material comes in and look like real text (``plausible.py``).
A file is never silently dropped or misread: it decodes (with a quality flag),
or raises an error that says why — :class:`Undecodable` when we cannot tell
its encoding from damage, so its bytes are kept and its text never used.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from charset_normalizer import from_bytes

from moksori.errors import EmptyFile, NotText, Undecodable
from moksori.ingest.model import Decoded, Quality
from moksori.ingest.plausible import (
    MIN_HANGUL_SHARE,
    MOSTLY_UTF8_RATIO,
    Utf8Stats,
    believable_guess,
    double_encoded,
    hangul_share,
    plausible_char,
    utf8_stats,
)

# Above this share of control / undecodable characters the "text" is binary.
_MAX_BAD_RATIO = 0.10
# Share of ordinary characters a BOM-less UTF-16 reading must reach.
_UTF16_PLAUSIBLE_SHARE = 0.95
# Share of non-ASCII characters that must be in the KS X 1001 repertoire for a
# CP949 decoding to be believed (UHC-only syllables are rare in real text, but
# are what Windows-1252 smart quotes and accents decode to).
_MIN_KSX1001_SHARE = 0.8
# Share of non-ASCII letters that must be Hangul: GBK Chinese can be valid CP949.
_MIN_HANGUL_SHARE = MIN_HANGUL_SHARE

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Statistical checks look at the start of the text only; that is plenty to judge.
_SAMPLE_CHARS = 200_000
# Replacement characters a last-resort UTF-8 reading may have, per character:
# a stray byte in English text, not a file in some other encoding.
_MAX_STRAY_SHARE = 0.001
# charset-normalizer candidates looked at, best first.
_MAX_GUESSES = 5
# Hangul syllables per replaced character for "CP949 with some damage".
_MOSTLY_RATIO = MOSTLY_UTF8_RATIO

UNDECODABLE = (
    "cannot tell how this file's text is encoded (it looks damaged or is in an "
    "unexpected code page); its bytes are kept but its text is not used: convert it "
    "to UTF-8 and add it again"
)
DOUBLE_ENCODED = (
    "this file's text looks garbled (UTF-8 that was read as another code page and "
    "saved again); its bytes are kept but its text is not used: repair it and add it again"
)
_LINE_BREAK = re.compile(rb"(\r\n|\n|\r)")
_VISIBLE_BYTE = re.compile(rb"[^ \t\n\r\x0b\x0c]")
_VISIBLE_CHAR = re.compile(r"[^\s\ufeff]")
# Replacement characters, C0 controls, DEL and C1: what binary data decodes to.
# Allowed: \t \n \v \f \r and \x1a (DOS end-of-file marker).
_BAD_CHAR = re.compile("[\ufffd\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode a text file's bytes; raise EmptyFile or NotText instead of guessing wildly."""
    if _VISIBLE_BYTE.search(data) is None:  # searched, not stripped: no copy of a big file
        raise EmptyFile(source, "file is empty")
    decoded = _decode(data, source)
    if _VISIBLE_CHAR.search(decoded.text) is None:
        raise EmptyFile(source, "file contains only whitespace")
    _reject_binary(decoded.text, source)
    return decoded


def _decode(data: bytes, source: str) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            return _checked(Decoded(body.decode("utf-8"), "utf-8-sig"), source)
        except UnicodeDecodeError:
            return _line_by_line(body, prefer="utf-8", fallback="utf-8")[0]
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_wide(data[len(bom) :], encoding)
    if b"\x00" in data:
        wide = _bomless_utf16(data)
        if wide is None:
            raise NotText(source, "contains NUL bytes; this looks like binary data, not text")
        return _decode_wide(data, wide)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), source)
    except UnicodeDecodeError:
        pass
    text = _strict_cp949(data)
    if text is not None:
        return Decoded(text, "cp949")
    repaired, good, bad = _line_by_line(data, prefer="utf-8")
    if good > bad:
        # Mostly UTF-8/CP949 with some odd lines: keep those lines visible as damaged.
        return _checked(repaired, source)
    stats = utf8_stats(data)
    if stats.mostly_utf8:
        # UTF-8 with bad bytes: replacing them keeps every name readable, where a
        # code-page guess would garble all of them (issue 14: ptcp154).
        return _checked(_line_by_line(data, prefer="utf-8", fallback="utf-8")[0], source)
    cp949 = _mostly_cp949(data)
    if cp949:
        return _line_by_line(data, prefer="cp949", fallback="cp949")[0]
    guess = _guess(data, stats)
    if guess is not None:
        return guess
    last = _line_by_line(data, prefer="utf-8", fallback="utf-8")[0]
    if last.replaced_chars <= _MAX_STRAY_SHARE * len(last.text):
        return _checked(last, source)
    raise Undecodable(source, UNDECODABLE)


def _guess(data: bytes, stats: Utf8Stats) -> Decoded | None:
    """charset-normalizer's first candidate we can believe (see plausible.py), if any."""
    for match in list(from_bytes(data))[:_MAX_GUESSES]:
        text = str(match)
        for name in dict.fromkeys([match.encoding, *match.could_be_from_charset]):
            if believable_guess(name, text, stats):
                return Decoded(text, name)
    return None


def _mostly_cp949(data: bytes) -> bool:
    """CP949 Korean with a few bad bytes (strict decoding failed)."""
    text = data[: 4 * _SAMPLE_CHARS].decode("cp949", errors="replace")
    replaced = text.count("\ufffd")
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return hangul >= 2 and hangul >= _MOSTLY_RATIO * max(replaced, 1) and _looks_korean(text)


def _checked(decoded: Decoded, source: str) -> Decoded:
    """Refuse text that decodes cleanly but is mojibake from an earlier misreading."""
    if double_encoded(decoded.text):
        raise Undecodable(source, DOUBLE_ENCODED)
    return decoded


def _decode_wide(body: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(body.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        return Decoded(text, encoding, "damaged", text.count("\ufffd"))


def _bomless_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order under which BOM-less ``data`` reads as plain text.

    ASCII in UTF-16 carries NUL high bytes, so files saved by some Windows tools
    look binary at first sight. Accept only a strict decoding without NUL
    characters whose characters are overwhelmingly letters, Hangul, CJK,
    punctuation or whitespace.
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        sample = text[:_SAMPLE_CHARS]
        plausible = sum(1 for ch in sample if plausible_char(ch))
        if plausible >= _UTF16_PLAUSIBLE_SHARE * len(sample):
            return encoding
    return None


def _ksx1001_share(text: str) -> float:
    """Share of non-ASCII characters that plain EUC-KR (KS X 1001) can encode."""
    counts = Counter(ch for ch in text[:_SAMPLE_CHARS] if ord(ch) > 0x7F)
    total = sum(counts.values())
    if not total:
        return 1.0
    good = 0
    for ch, n in counts.items():
        try:
            ch.encode("euc_kr")
        except UnicodeEncodeError:
            continue
        good += n
    return good / total


def _strict_cp949(data: bytes) -> str | None:
    """CP949 decoding if it is strict-valid and looks like real Korean."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    return text if _looks_korean(text) else None


def _looks_korean(text: str) -> bool:
    """KS X 1001 characters, and mostly Hangul rather than Chinese read as Korean."""
    return _ksx1001_share(text) >= _MIN_KSX1001_SHARE and hangul_share(text) >= _MIN_HANGUL_SHARE


def _line_by_line(
    data: bytes, prefer: str, fallback: str | None = None
) -> tuple[Decoded, int, int]:
    """Decode each line on its own: UTF-8, then CP949, then with replacement.

    Lines that fail both are decoded with replacement in ``fallback``, or in the
    encoding most clean lines used. Quality is "repaired" when every line
    decoded cleanly in some encoding, "damaged" when replacement characters had
    to be introduced. Also returns how many non-ASCII lines decoded cleanly and
    how many did not.
    """
    pieces = _LINE_BREAK.split(data)  # lines at even indices, line breaks at odd ones
    lines = pieces[0::2]
    parts: list[str | None] = []
    used: Counter[str] = Counter()
    failed: list[int] = []
    for i, line in enumerate(lines):
        try:
            parts.append(line.decode("utf-8"))
            if not line.isascii():
                used["utf-8"] += 1
            continue
        except UnicodeDecodeError:
            pass
        text = _strict_cp949(line)
        if text is not None:
            parts.append(text)
            used["cp949"] += 1
            continue
        parts.append(None)
        failed.append(i)
    dominant = fallback or (used.most_common(1)[0][0] if used else prefer)
    replaced = 0
    for i in failed:
        text = lines[i].decode(dominant, errors="replace")
        replaced += text.count("\ufffd")
        parts[i] = text
    quality: Quality = "damaged" if failed else "repaired"
    encodings = [name for name, _ in used.most_common()] or [dominant]
    if failed and dominant not in encodings:
        encodings.append(dominant)
    breaks = [b.decode("ascii") for b in pieces[1::2]] + [""]
    text = "".join((p or "") + br for p, br in zip(parts, breaks, strict=True))
    return Decoded(text, "+".join(encodings), quality, replaced), sum(used.values()), len(failed)


def _reject_binary(text: str, source: str) -> None:
    """Raise NotText when too much of the decoded text is control or replacement chars."""
    sample = text[:_SAMPLE_CHARS]
    bad = len(_BAD_CHAR.findall(sample))
    # A floor on the length keeps a few bad bytes in a very short note from
    # condemning it; real binary files are long enough not to matter.
    if bad / max(len(sample), 100) > _MAX_BAD_RATIO:
        share = round(100 * bad / len(sample))
        raise NotText(
            source,
            f"{share}% of the characters are control codes or undecodable; "
            "this looks like binary data, not text",
        )

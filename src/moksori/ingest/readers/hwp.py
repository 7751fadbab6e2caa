"""Binary HWP 5.0 documents (.hwp): paragraph text from the BodyText sections.

An HWP 5.0 file is an OLE compound file. ``FileHeader`` says whether the
document is compressed or protected; each ``BodyText/SectionN`` stream is a
sequence of records (raw-deflated when compressed), and every HWPTAG_PARA_TEXT
record holds one paragraph's text as UTF-16 with embedded control codes.

We keep our own small parser rather than python-hwpx's ``hwpx.hwp5`` package,
which is not part of its stable API; the tests use it as an independent check.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from array import array
from datetime import datetime, timedelta
from sys import byteorder
from typing import Any

from moksori.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    IngestError,
    UnsafeFile,
    UnsupportedFormat,
)
from moksori.ingest.limits import Limits, check_text_budget, describe_size
from moksori.ingest.model import Block, Extracted, Quality
from moksori.ingest.readers.hwpx import read_hwpx

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWP_SIGNATURE = b"HWP Document File"
HWPTAG_PARA_TEXT = 67
HWPTAG_CTRL_HEADER = 71
SUMMARY_STREAM = "\x05HwpSummaryInformation"

FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = (1 << 4) | (1 << 8) | (1 << 10)  # DRM, certificate encryption, certificate DRM

# Control codes below U+0020 in paragraph text. "Char" controls take one
# UTF-16 unit; inline and extended controls take eight (code, 12 bytes of
# parameters, code again).
_CHAR_CONTROLS = {0: "", 10: "\n", 13: "", 24: "-", 25: "", 26: "", 27: "", 28: "", 29: ""}
_CHAR_CONTROLS.update({30: "\u00a0", 31: " "})  # non-breaking space, fixed-width space
_TAB = 9  # an inline control
# Headers and footers (page furniture) are skipped, like in the other readers.
_SKIPPED_CONTROLS = frozenset({b"head"[::-1], b"foot"[::-1]})  # ids are stored little-endian
_SECTION = re.compile(r"^Section(\d+)$")
# Bytes of inflated body text allowed per character of the text budget.
_BYTES_PER_CHAR = 3


def read_hwp(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Paragraph texts of an HWP 5.0 document, refusing protected ones with advice."""
    if data.startswith(b"PK\x03\x04"):
        return read_hwpx(data, source, limits)  # an HWPX package saved as .hwp
    if data.startswith(b"HWP Document File V3"):
        raise UnsupportedFormat(
            source, "HWP 3.0 files are not supported; save the file as HWP or HWPX and add it again"
        )
    if not data.startswith(OLE_SIGNATURE):
        raise CorruptFile(source, "not an HWP 5.0 document")
    import olefile  # lazy: olefile only for HWP files

    try:
        # Always pass a stream: olefile treats short bytes as a file *path*.
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:
        raise CorruptFile(source, f"damaged HWP file ({type(exc).__name__})") from None
    try:
        return [_read(ole, source, limits)]
    except IngestError:
        raise
    except Exception as exc:
        raise CorruptFile(source, f"damaged HWP file ({type(exc).__name__})") from None
    finally:
        ole.close()


def _read(ole: Any, source: str, limits: Limits) -> Extracted:
    if not ole.exists("FileHeader"):
        raise CorruptFile(source, "not an HWP 5.0 document (no FileHeader)")
    header = ole.openstream("FileHeader").read(256)
    if not header.startswith(HWP_SIGNATURE) or len(header) < 40:
        raise CorruptFile(source, "not an HWP 5.0 document (bad FileHeader)")
    flags = struct.unpack_from("<I", header, 36)[0]
    if flags & FLAG_PASSWORD:
        raise EncryptedFile(
            source, "password-protected HWP; save it without a password and add it again"
        )
    if flags & FLAG_DISTRIBUTION:
        raise EncryptedFile(
            source,
            "distribution (read-only) HWP document, whose text is encrypted; "
            "save an ordinary copy and add it again",
        )
    if flags & FLAG_DRM:
        raise EncryptedFile(source, "DRM-protected HWP document cannot be read")
    sections = sorted(
        (int(m.group(1)), entry)
        for entry in ole.listdir(streams=True, storages=False)
        if len(entry) == 2 and entry[0] == "BodyText" and (m := _SECTION.match(entry[1]))
    )
    if not sections:
        raise CorruptFile(source, "HWP document has no BodyText sections")
    # Paragraph text is UTF-16 inside records: about two bytes per character.
    budget = min(limits.max_uncompressed_bytes, _BYTES_PER_CHAR * limits.max_text_chars)
    chars = 0
    blocks: list[Block] = []
    damaged = False
    replaced = 0
    for _, entry in sections:
        raw = ole.openstream(entry).read()
        if flags & FLAG_COMPRESSED:
            raw, complete = _inflate(raw, source, budget)
            damaged |= not complete
        budget -= len(raw)
        texts, complete = section_paragraphs(raw)
        damaged |= not complete
        for text in texts:
            replaced += text.count("\ufffd")
            chars += len(text)
            check_text_budget(chars, source, limits)
            if text.strip():
                blocks.append(Block(text))
    if not blocks:
        raise EmptyFile(source, "HWP document contains no text")
    quality: Quality = "damaged" if damaged or replaced else "ok"
    title, author, date = _summary(ole)
    return Extracted(
        blocks=blocks,
        format="hwp",
        title=title,
        author=author,
        date=date,
        quality=quality,
        replaced_chars=replaced,
        metadata={"sections": len(sections), "paragraphs": len(blocks)},
    )


def _inflate(raw: bytes, source: str, budget: int) -> tuple[bytes, bool]:
    """Raw-deflate a section under the byte budget; also say whether it ended cleanly."""
    for wbits in (-15, 15):  # raw deflate is the standard; a few writers add a zlib header
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(raw, budget + 1)
        except zlib.error:
            continue
        if len(out) > budget or inflater.unconsumed_tail:
            raise UnsafeFile(
                source, f"HWP text expands beyond {describe_size(budget)} (possible bomb)"
            )
        return out, inflater.eof
    raise CorruptFile(source, "HWP body text cannot be decompressed")


def section_paragraphs(payload: bytes) -> tuple[list[str], bool]:
    """Paragraph texts from a section's record stream; False if it was truncated."""
    texts: list[str] = []
    skip_deeper_than: int | None = None
    pos = 0
    end = len(payload)
    while pos + 4 <= end:
        (word,) = struct.unpack_from("<I", payload, pos)
        tag, level, size = word & 0x3FF, (word >> 10) & 0x3FF, word >> 20
        pos += 4
        if size == 0xFFF:
            if pos + 4 > end:
                return texts, False
            (size,) = struct.unpack_from("<I", payload, pos)
            pos += 4
        if pos + size > end:
            return texts, False
        body = payload[pos : pos + size]
        pos += size
        if skip_deeper_than is not None:
            if level > skip_deeper_than:
                continue
            skip_deeper_than = None
        if tag == HWPTAG_CTRL_HEADER and body[:4] in _SKIPPED_CONTROLS:
            skip_deeper_than = level
        elif tag == HWPTAG_PARA_TEXT:
            texts.append(para_text(body))
    return texts, pos == end


def para_text(payload: bytes) -> str:
    """Text of one PARA_TEXT record, with control codes turned into characters or dropped."""
    units = array("H")
    units.frombytes(payload[: len(payload) // 2 * 2])
    if byteorder == "big":
        units.byteswap()
    out: list[str] = []
    i = 0
    run_start = 0
    count = len(units)
    while i < count:
        unit = units[i]
        if unit >= 32:
            i += 1
            continue
        if i > run_start:
            out.append(_utf16(payload, run_start, i))
        if unit in _CHAR_CONTROLS:
            out.append(_CHAR_CONTROLS[unit])
            i += 1
        else:
            if unit == _TAB:
                out.append("\t")
            i += 8  # inline or extended control: the object itself is not text
        run_start = i
    if count > run_start:
        out.append(_utf16(payload, run_start, count))
    return "".join(out)


def _utf16(payload: bytes, start: int, stop: int) -> str:
    return payload[start * 2 : stop * 2].decode("utf-16-le", errors="replace")


def _summary(ole: Any) -> tuple[str | None, str | None, str | None]:
    """Title, author and creation date from HwpSummaryInformation, if readable.

    Parsed here because olefile 0.47 misreads VT_LPWSTR properties, the type
    Hancom uses for every string in this stream.
    """
    if not ole.exists(SUMMARY_STREAM):
        return None, None, None
    try:
        props = property_set(ole.openstream(SUMMARY_STREAM).read(_MAX_SUMMARY_BYTES))
    except (struct.error, ValueError, OverflowError):
        return None, None, None
    title, author, created = props.get(2), props.get(4), props.get(12)
    return (
        title if isinstance(title, str) else None,
        author if isinstance(author, str) else None,
        created.date().isoformat() if isinstance(created, datetime) else None,
    )


_MAX_SUMMARY_BYTES = 1024 * 1024
_VT_LPWSTR = 0x1F
_VT_FILETIME = 0x40
_FILETIME_EPOCH = datetime(1601, 1, 1)


def property_set(data: bytes) -> dict[int, str | datetime]:
    """String and FILETIME properties of the first section of an OLE property set."""
    (section_at,) = struct.unpack_from("<I", data, 44)
    _size, count = struct.unpack_from("<II", data, section_at)
    out: dict[int, str | datetime] = {}
    for i in range(min(count, 256)):
        pid, offset = struct.unpack_from("<II", data, section_at + 8 + 8 * i)
        at = section_at + offset
        (kind,) = struct.unpack_from("<I", data, at)
        if kind == _VT_LPWSTR:
            (chars,) = struct.unpack_from("<I", data, at + 4)
            raw = data[at + 8 : at + 8 + 2 * chars]
            text = raw.decode("utf-16-le", errors="replace").split("\x00", 1)[0].strip()
            if text:
                out[pid] = text
        elif kind == _VT_FILETIME:
            (ticks,) = struct.unpack_from("<Q", data, at + 4)
            if ticks:
                out[pid] = _FILETIME_EPOCH + timedelta(microseconds=ticks // 10)
    return out

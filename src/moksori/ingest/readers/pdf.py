"""PDF transcripts and reports: the text layer, one block per page.

moksori does no OCR: a scanned PDF without a text layer is refused with advice
rather than stored as an empty document.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import datetime
from typing import Any

from moksori.errors import CorruptFile, EncryptedFile, IngestError, NoTextLayer, UnsafeFile
from moksori.ingest.limits import Limits, check_text_budget
from moksori.ingest.model import Block, Extracted, Quality

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Text of every page; pages that fail to parse are counted, not fatal."""
    # pypdf logs warnings about malformed objects, sometimes quoting their content.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _read(data, source, limits)
    finally:
        logger.setLevel(level)


def _read(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    from pypdf.errors import LimitReachedError  # lazy: pypdf only for PDF files

    try:
        reader = _open(data, source)
        pages = list(reader.pages)
    except IngestError:
        raise
    except LimitReachedError:
        raise UnsafeFile(source, "PDF exceeds decompression limits (possible PDF bomb)") from None
    except Exception as exc:
        raise CorruptFile(source, f"damaged or not a PDF ({type(exc).__name__})") from None
    if not pages:
        raise CorruptFile(source, "PDF has no pages")
    blocks: list[Block] = []
    failed = 0
    chars = 0
    for page in pages:
        try:
            text = page.extract_text() or ""
        except LimitReachedError:
            raise UnsafeFile(
                source, "PDF page exceeds decompression limits (possible PDF bomb)"
            ) from None
        except Exception:
            failed += 1
            continue
        if text.strip():
            chars += len(text)
            check_text_budget(chars, source, limits)  # a small PDF can hold a lot of text
            blocks.append(Block(text))
    if not blocks:
        if failed == len(pages):
            raise CorruptFile(source, "no page of the PDF could be read")
        raise NoTextLayer(source, "no text layer (scanned PDF?); run OCR first")
    quality: Quality = "damaged" if failed else "ok"
    info = _info(reader)
    return [
        Extracted(
            blocks=blocks,
            format="pdf",
            title=info.get("/Title"),
            author=info.get("/Author"),
            date=_date(info.get("/CreationDate")),
            quality=quality,
            metadata={
                "pages": len(pages),
                "pages_with_text": len(blocks),
                "unreadable_pages": failed,
            },
        )
    ]


def _open(data: bytes, source: str) -> Any:
    from pypdf import PasswordType, PdfReader  # lazy: pypdf only for PDF files

    if b"%PDF-" not in data[:1024]:
        raise CorruptFile(source, "not a PDF (missing %PDF header)")
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many PDFs are encrypted only to restrict printing, with an empty user password.
        try:
            opened = reader.decrypt("")
        except Exception:
            opened = PasswordType.NOT_DECRYPTED
        if opened == PasswordType.NOT_DECRYPTED:
            raise EncryptedFile(
                source, "password-protected PDF; save it without a password and add it again"
            )
    return reader


def _info(reader: Any) -> dict[str, str]:
    """Document-information strings, trimmed; empty or unreadable values dropped."""
    try:
        meta = reader.metadata or {}
        items = {key: meta.get(key) for key in ("/Title", "/Author", "/CreationDate")}
    except Exception:
        return {}
    return {key: str(value).strip() for key, value in items.items() if value and str(value).strip()}


def _date(value: str | datetime | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a PDF date string."""
    if not value:
        return None
    match = _PDF_DATE.match(str(value))
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)

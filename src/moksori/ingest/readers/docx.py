"""Word (.docx) transcripts: one block per paragraph, table cells included.

python-docx does the reading, but only after the package has passed the zip
bomb checks and every XML part has been parsed once with DTDs forbidden.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from moksori.errors import CorruptFile, EmptyFile, EncryptedFile, IngestError
from moksori.ingest.limits import Limits, open_zip_safely
from moksori.ingest.model import Block, Extracted
from moksori.ingest.readers._xml import check_xml_parts

# Password-protected Office files are OLE compound files, not zips.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Paragraphs and table-cell paragraphs in document order; core properties as metadata."""
    if data.startswith(OLE_SIGNATURE):
        raise EncryptedFile(
            source,
            "password-protected or old-format (.doc) Word file; "
            "save it as .docx without a password and add it again",
        )
    with open_zip_safely(data, source, limits) as zf:
        check_xml_parts(zf, source, limits)
        if "[Content_Types].xml" not in zf.namelist():
            raise CorruptFile(source, "not a Word document (no [Content_Types].xml)")
    document = _open(data, source)
    blocks = [Block(text) for text in _paragraph_texts(document)]
    if not blocks:
        raise EmptyFile(source, "Word document contains no text")
    props = document.core_properties
    return [
        Extracted(
            blocks=blocks,
            format="docx",
            title=_clean(props.title),
            author=_clean(props.author),
            date=_date(props.created),
            metadata={"paragraphs": len(blocks)},
        )
    ]


def _open(data: bytes, source: str) -> Any:
    import docx  # deferred: python-docx is slow to import

    try:
        return docx.Document(io.BytesIO(data))
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many types for broken packages
        raise CorruptFile(
            source, f"damaged or not a Word document ({type(exc).__name__})"
        ) from None


def _paragraph_texts(document: Any) -> Iterator[str]:
    """Non-empty paragraph texts of the body, descending into tables."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container: Any) -> Iterator[str]:
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                if item.text.strip():
                    yield item.text
            elif isinstance(item, Table):
                yield from walk_table(item)

    def walk_table(table: Any) -> Iterator[str]:
        seen: set[Any] = set()  # holds the elements, so identities stay unique
        for row in table.rows:
            for cell in row.cells:
                # Merged cells are returned once per grid cell they cover.
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                yield from walk(cell)

    yield from walk(document)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None

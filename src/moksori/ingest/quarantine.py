"""Files whose text cannot be trusted: their bytes are kept, their text never used.

A text file whose encoding cannot be told apart from damage (``decode.py``)
would be misread into letters no detector recognises. We keep its original
bytes (encrypted, like every original) under one document of quality
``undecodable`` with no text: nothing to search, scan, show or share, and the
researcher can take the bytes out with ``moksori original``.
"""

from __future__ import annotations

import hashlib

from moksori.errors import Undecodable
from moksori.ingest.model import IngestedDocument, IngestedFile
from moksori.ingest.readers import extension

# The formats readers give for extensions whose text is decoded from bytes.
_FORMATS = {".htm": "html", ".markdown": "md"}


def quarantined_file(data: bytes, error: Undecodable) -> IngestedFile:
    """The file as bytes only, with one empty document that says why."""
    ext = extension(error.source)
    fmt = _FORMATS.get(ext, ext.lstrip(".") or "txt")
    document = IngestedDocument(
        source_name=error.source,
        format=fmt,
        text="",
        segments=[],
        lang="und",
        quality="undecodable",
        metadata={"quarantined": error.reason},
    )
    return IngestedFile(
        source_name=error.source,
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        format=fmt,
        documents=[document],
        quarantined=error.reason,
    )

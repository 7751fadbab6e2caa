"""Pick a reader by file extension and run it under the size limits.

Reader modules are imported only when needed: pypdf and python-docx are slow
to import, and the HTML reader lives in its own module written separately.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from moksori.errors import (
    CorruptFile,
    EmptyFile,
    FileTooLarge,
    IngestError,
    UnsafeFile,
    UnsupportedFormat,
)
from moksori.ingest.limits import SPLIT_HINT, Limits, check_text_budget, describe_size
from moksori.ingest.model import Extracted

Reader = Callable[[bytes, str, Limits], list[Extracted]]

# extension -> (module under moksori.ingest.readers, function name)
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "read_text"),
    ".md": ("text", "read_markdown"),
    ".docx": ("docx", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
    ".hwpx": ("hwpx", "read_hwpx"),
    ".hwp": ("hwp", "read_hwp"),
    ".srt": ("subtitles", "read_srt"),
    ".vtt": ("subtitles", "read_vtt"),
    ".csv": ("csv", "read_csv"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
}

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(_READERS))
# Formats whose text is the file's bytes decoded (no package to expand).
_TEXT_EXTENSIONS = frozenset({".txt", ".md", ".srt", ".vtt", ".csv", ".html", ".htm"})
_MAX_BYTES_PER_CHAR = 4


def extension(source: str) -> str:
    """Lower-case extension with the dot ("" if none)."""
    return PurePath(source).suffix.lower()


def reader_for(source: str) -> Reader:
    """The reader function for ``source``'s extension; UnsupportedFormat otherwise."""
    ext = extension(source)
    if ext not in _READERS:
        shown = ext if ext else "(no extension)"
        raise UnsupportedFormat(
            source,
            f"unsupported file type {shown}; supported: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    module_name, function_name = _READERS[ext]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module_name}":
            raise
        raise UnsupportedFormat(source, f"support for {ext} files is not installed") from None
    reader: Reader = getattr(module, function_name)
    return reader


def read(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Extract the documents in one input file.

    Every failure is an IngestError naming the file; an unexpected exception
    inside a reader (a parser tripping over a malformed file) is reported as a
    damaged file rather than crashing a batch. No message quotes file content.
    """
    if len(data) > limits.max_file_bytes:
        raise FileTooLarge(
            source,
            f"file is {describe_size(len(data))}; the limit is "
            f"{describe_size(limits.max_file_bytes)}",
        )
    reader = reader_for(source)
    if not data:
        raise EmptyFile(source, "file is empty (0 bytes)")
    if extension(source) in _TEXT_EXTENSIONS and len(data) > _MAX_BYTES_PER_CHAR * (
        limits.max_text_chars
    ):
        # Every encoding we read takes at most four bytes a character: over the
        # text limit for sure, so refused before decoding a copy of it.
        check_text_budget(len(data) // _MAX_BYTES_PER_CHAR, source, limits, SPLIT_HINT)
    try:
        extracted = reader(data, source, limits)
        # Expanding formats stop at the budget while reading; this catches the rest.
        chars = sum(len(b.text) for e in extracted for b in e.blocks)
        check_text_budget(chars, source, limits, SPLIT_HINT)
        blocks = sum(len(e.blocks) for e in extracted)
        if blocks > limits.max_paragraphs:
            raise UnsafeFile(
                source,
                f"the file has more than {limits.max_paragraphs:,} paragraphs, rows or cues "
                f"(the limit for one file); {SPLIT_HINT}",
            )
        return extracted
    except IngestError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise CorruptFile(source, f"file is too complex to read ({type(exc).__name__})") from None
    except Exception as exc:
        raise CorruptFile(source, f"file could not be read ({type(exc).__name__})") from None

"""Size limits and a zip opener that refuses zip bombs.

docx and hwpx are zip packages, so a small upload can claim (or really hold)
gigabytes. Everything that opens a package goes through :func:`open_zip_safely`
and reads members only with :func:`iter_member` / :func:`read_member`, which cap
both the sizes the archive declares and the bytes actually inflated. Big parts
are never held whole: readers stream them through the XML parser and stop at
``max_text_chars`` of extracted text (:func:`check_text_budget`), since an 8 MB
docx can expand to 300 MiB of XML and a parsed tree of several gigabytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from moksori.errors import CorruptFile, EncryptedFile, UnsafeFile

MIB = 1024 * 1024

# How long a file may take to read (ingest/batch.py enforces it; `moksori add`
# shows it in its help, so it lives here, away from the pipeline's imports).
DEFAULT_TIMEOUT = 300.0  # seconds a file may take in a worker, plus SECONDS_PER_MB
SECONDS_PER_MB = 60.0  # measured 17 s/MB per worker with 2 cores 4x oversubscribed

# Small members (XML headers, settings) can legitimately compress very well;
# the ratio test only applies once a member is big enough to matter.
RATIO_MIN_BYTES = 1 * MIB

# CPython inflates only stored and deflated members under a bound; bzip2 and
# lzma members are decompressed whole before the size check, so refuse them.
_BOUNDED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_CHUNK = 64 * 1024


@dataclass
class Limits:
    """Resource caps for one input file (tests pass small ones)."""

    max_file_bytes: int = 200 * MIB
    max_uncompressed_bytes: int = 512 * MIB
    max_compression_ratio: float = 200.0
    max_zip_members: int = 10_000
    # Text one file may hold or expand to (characters): dozens of books, far
    # beyond any interview; ingest costs ~50 bytes of memory per character
    # across its processes (benchmarks/hostile.py), so this bounds a file's cost.
    max_text_chars: int = 16_000_000
    # Paragraphs (and passages) of one file: each costs objects through the
    # pipeline; a long book has tens of thousands.
    max_paragraphs: int = 500_000
    # Web pages are parsed into a tree (lxml, trafilatura) several times their
    # size; a captured article is a few megabytes at most.
    max_html_bytes: int = 32 * MIB


ZIP_BOMB_HINT = "it may be a zip bomb"
SPLIT_HINT = "split it into smaller files"


def check_text_budget(chars: int, source: str, limits: Limits, hint: str = ZIP_BOMB_HINT) -> None:
    """UnsafeFile once a reader has extracted more than ``max_text_chars`` characters."""
    if chars > limits.max_text_chars:
        raise UnsafeFile(
            source,
            f"the document expands to more than {limits.max_text_chars / 1e6:.0f} million "
            f"characters of text (the limit for one file); {hint}",
        )


class SafeZipFile(zipfile.ZipFile):
    """A ZipFile that remembers how much :func:`read_member` has inflated."""

    source: str = ""
    bytes_read: int = 0


def describe_size(n: int) -> str:
    """Human-readable size for messages ("3.2 MB")."""
    if n < 1024:
        return f"{n} bytes"
    if n < MIB:
        return f"{n / 1024:.1f} KB"
    return f"{n / MIB:.1f} MB"


def open_zip_safely(data: bytes, source: str, limits: Limits) -> zipfile.ZipFile:
    """Open a zip held in memory after checking its directory against ``limits``.

    Raises CorruptFile for something that is not a readable zip, EncryptedFile
    for password-protected members, and UnsafeFile for too many members, a
    declared total over the limit, a suspicious compression ratio or an
    unbounded compression method.
    """
    try:
        zf = SafeZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise CorruptFile(source, "damaged or not a zip-based document") from None
    zf.source = source
    zf.bytes_read = 0
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        zf.close()
        raise UnsafeFile(source, f"package has {len(infos)} parts (limit {limits.max_zip_members})")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            zf.close()
            raise EncryptedFile(source, "package is password-protected; save it without a password")
        if info.compress_type not in _BOUNDED_METHODS:
            zf.close()
            raise UnsafeFile(source, "package uses an unsupported zip compression method")
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            zf.close()
            raise UnsafeFile(
                source,
                "package would expand to more than "
                f"{describe_size(limits.max_uncompressed_bytes)} (possible zip bomb)",
            )
        if info.file_size >= RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                zf.close()
                raise UnsafeFile(
                    source,
                    f"a package part is compressed {ratio:.0f}:1 (possible zip bomb)",
                )
    return zf


def read_member(zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """Read one (small) member whole; see :func:`iter_member` for the caps."""
    return b"".join(iter_member(zf, name, limits))


def iter_member(zf: zipfile.ZipFile, name: str, limits: Limits) -> Iterator[bytes]:
    """Inflate one member chunk by chunk, never more than declared or than the budget left.

    The budget is shared by all reads from a zip opened with
    :func:`open_zip_safely`; declared sizes can lie, so the bytes really
    inflated are counted as they come.
    """
    source = getattr(zf, "source", "") or (zf.filename or "package")
    already = getattr(zf, "bytes_read", 0)
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise CorruptFile(source, f"package part {name!r} is missing") from None
    if info.compress_type not in _BOUNDED_METHODS:
        raise UnsafeFile(source, "package uses an unsupported zip compression method")
    if info.file_size > limits.max_uncompressed_bytes - already:
        raise UnsafeFile(
            source,
            "package would expand to more than "
            f"{describe_size(limits.max_uncompressed_bytes)} (possible zip bomb)",
        )
    cap = info.file_size
    got = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(min(_CHUNK, cap - got + 1))
                if not chunk:
                    break
                got += len(chunk)
                if got > cap:
                    raise UnsafeFile(
                        source, "a package part expands beyond its limit (possible zip bomb)"
                    )
                if isinstance(zf, SafeZipFile):
                    zf.bytes_read = already + got
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise CorruptFile(source, f"package part {name!r} is damaged") from None
    except RuntimeError:
        # zipfile raises RuntimeError for encrypted members.
        raise EncryptedFile(source, "package is password-protected") from None

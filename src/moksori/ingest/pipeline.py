"""bytes → decoded, normalised, de-boilerplated, segmented, analysed documents.

Pure functions of a file's bytes: they run in worker processes, and only the
finished :class:`IngestedFile` crosses back to the process that writes the
project.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from moksori.errors import EmptyFile, FileTooLarge, Undecodable
from moksori.ingest.boilerplate import looks_like_web_capture, strip_boilerplate
from moksori.ingest.duplicates import fingerprint
from moksori.ingest.language import detect_language
from moksori.ingest.limits import Limits
from moksori.ingest.model import (
    PASSAGE_KINDS,
    Block,
    Extracted,
    IngestedDocument,
    IngestedFile,
    RemovedText,
)
from moksori.ingest.normalise import normalise
from moksori.ingest.quarantine import quarantined_file
from moksori.ingest.readers import read
from moksori.ingest.regular import read_regular
from moksori.ingest.segment import segment_and_index
from moksori.ingest.shared_passages import fingerprint_json

BLOCK_SEPARATOR = "\n\n"


def ingest_path(
    path: Path, limits: Limits | None = None, source_name: str | None = None
) -> IngestedFile:
    """Read a regular file (never a pipe, device or link: :mod:`.regular`) and ingest it."""
    limits = limits or Limits()
    name = source_name or path.name
    data = read_regular(path, name, limits.max_file_bytes)
    return ingest_bytes(data, name, limits)


def check_size(size: int, name: str, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise FileTooLarge(
            name,
            f"file is {size / 1e6:.1f} MB, over the {limits.max_file_bytes / 1e6:.0f} MB limit",
        )


def ingest_bytes(data: bytes, source_name: str, limits: Limits | None = None) -> IngestedFile:
    limits = limits or Limits()
    check_size(len(data), source_name, limits)
    try:
        extracted = read(data, source_name, limits)
    except Undecodable as exc:
        return quarantined_file(data, exc)  # bytes kept, text never used
    documents = [d for d in (build_document(e, source_name) for e in extracted) if d is not None]
    if not documents:
        raise EmptyFile(source_name, "no text found in the file")
    return IngestedFile(
        source_name=source_name,
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        format=extracted[0].format,
        documents=documents,
    )


def _assemble(blocks: list[Block]) -> tuple[str, list[tuple[int, int, Block]]]:
    """Join normalised blocks; blank lines between them keep them apart."""
    parts: list[str] = []
    spans: list[tuple[int, int, Block]] = []
    pos = 0
    for block in blocks:
        text = normalise(block.text).strip("\n")
        if not text.strip():
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        spans.append((pos, pos + len(text), block))
        parts.append(text)
        pos += len(text)
    return "".join(parts), spans


def build_document(extracted: Extracted, source_name: str) -> IngestedDocument | None:
    text, spans = _assemble(extracted.blocks)
    removed: list[RemovedText] = list(extracted.removed)
    if extracted.web_capture_candidate and len(spans) == 1 and looks_like_web_capture(text):
        text, stripped = strip_boilerplate(text)
        removed.extend(stripped)
        spans = [(0, len(text), spans[0][2])] if text.strip() else []
    if not text.strip():
        return None
    segmented = segment_and_index(text, spans)
    segments = segmented.segments
    passages = [s for s in segments if s.kind in PASSAGE_KINDS]
    terms = segmented.passage_terms
    for seg, seg_terms in zip(passages, terms, strict=True):
        seg.terms = seg_terms
        # What people say (turns, cues) or answer (rows) repeats naturally: "That's hard
        # to talk about." in two interviews is no copy. Their long shared runs are found
        # by the shared-passage scan (store.shared_passages), which tells stock from copied.
        if seg.kind == "paragraph":
            seg.fingerprint = fingerprint(text[seg.start : seg.end])
    return IngestedDocument(
        source_name=source_name,
        format=extracted.format,
        text=text,
        segments=segments,
        lang=detect_language(text),
        title=extracted.title,
        author=extracted.author,
        date=extracted.date,
        encoding=extracted.encoding,
        quality=extracted.quality,
        replaced_chars=extracted.replaced_chars,
        attributes=dict(extracted.attributes),
        metadata=dict(extracted.metadata),
        removed=removed,
        part=extracted.part,
        shared_fingerprints=fingerprint_json(text),
    )

"""Plain data objects passed from the readers to the store.

``ingest/`` knows nothing about the store: a reader turns bytes into
:class:`Extracted`, the pipeline normalises and segments it into
:class:`IngestedDocument`, and ``store/`` persists that.

Every ``start``/``end`` is a code-point offset into ``IngestedDocument.text``
(NFC, LF, no BOM), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SegmentKind = Literal["paragraph", "turn", "sentence", "cue", "row"]
# Passages are what search indexes and shows; sentences sit inside them.
PASSAGE_KINDS: tuple[SegmentKind, ...] = ("paragraph", "turn", "cue", "row")
Quality = Literal["ok", "repaired", "damaged"]


@dataclass
class Block:
    """A piece of text as a reader found it, before normalisation.

    Readers of structured formats (subtitles, docx paragraphs) give one block
    per unit so that the pipeline can keep their boundaries and extras.
    """

    text: str
    kind: SegmentKind | None = None  # None: let segmentation decide
    speaker: str | None = None
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None


@dataclass
class Decoded:
    """Result of decoding bytes to text."""

    text: str
    encoding: str
    quality: Quality = "ok"
    replaced_chars: int = 0


@dataclass
class Extracted:
    """What a reader returns for one document (a CSV row is one document)."""

    blocks: list[Block]
    format: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    encoding: str | None = None
    quality: Quality = "ok"
    replaced_chars: int = 0
    attributes: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    # Lines already removed by the reader (e.g. HTML boilerplate), kept for --removed.
    removed: list[RemovedText] = field(default_factory=list)
    # Whether plain-text boilerplate removal should run on this text.
    web_capture_candidate: bool = False
    # Suffix that names this document within its file, e.g. "row 3".
    part: str | None = None


@dataclass
class RemovedText:
    """Text left out of the stored document, kept so nothing is lost.

    ``at`` is the offset in the stored text where it stood.
    """

    text: str
    reason: str
    at: int = 0


@dataclass
class SegmentSpan:
    kind: SegmentKind
    start: int
    end: int
    speaker: str | None = None
    lang: str | None = None
    parent: int | None = None  # index into IngestedDocument.segments
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None
    # Hash of normalised passage text, for finding embedded duplicates.
    fingerprint: str | None = None
    # Analysed index terms (set for passage-level segments only).
    terms: str | None = None


@dataclass
class IngestedDocument:
    source_name: str
    format: str
    text: str
    segments: list[SegmentSpan]
    lang: str  # "ko", "en", "mixed" or "und"
    title: str | None = None
    author: str | None = None
    date: str | None = None
    encoding: str | None = None
    quality: Quality = "ok"
    replaced_chars: int = 0
    attributes: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    removed: list[RemovedText] = field(default_factory=list)
    part: str | None = None


@dataclass
class IngestedFile:
    """One input file: its bytes (kept encrypted in the project) and documents."""

    source_name: str
    sha256: str
    data: bytes
    format: str
    documents: list[IngestedDocument]

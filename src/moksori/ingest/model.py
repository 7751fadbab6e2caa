"""Plain data objects passed from the readers to the store.

``ingest/`` knows nothing about the store: a reader turns bytes into
:class:`Extracted`, the pipeline normalises and segments it into
:class:`IngestedDocument`, and ``store/`` persists that.

Every ``start``/``end`` is a code-point offset into ``IngestedDocument.text``
(NFC, LF, no BOM), end exclusive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Literal

SegmentKind = Literal["paragraph", "turn", "sentence", "cue", "row"]
# Passages are what search indexes and shows; sentences sit inside them.
PASSAGE_KINDS: tuple[SegmentKind, ...] = ("paragraph", "turn", "cue", "row")
# "undecodable": bytes kept, no text (ingest/quarantine.py); never scanned or shown.
Quality = Literal["ok", "repaired", "damaged", "undecodable"]


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


# The fields of a packed segment row, in their order. store/documents.py reads
# each by name (``value ->> PACKED_COLUMNS.index(name)``), never by a number of
# its own: this tuple is the one place the order is written.
PACKED_COLUMNS: tuple[str, ...] = (
    "parent",
    "kind",
    "start",
    "end",
    "speaker",
    "lang",
    "cue_start_ms",
    "cue_end_ms",
    "fingerprint",
)
_pack_row = attrgetter(*PACKED_COLUMNS)


@dataclass(frozen=True)
class PackedSegments:
    """A document's segments as two JSON arrays: how they cross from a worker
    process to the writing one, and how the store inserts them (``json_each``).

    Thousands of small objects cost more to pickle, unpickle and bind row by
    row than the writer's own work on them, and the one writing process must
    keep up with every worker.

    * ``rows``: one array per segment, in order, holding the fields named by
      :data:`PACKED_COLUMNS` in that order; ``parent`` is an index into the same
      array;
    * ``index``: ``[position, terms]`` per passage with index terms, where
      ``position`` is its index in ``rows``.
    """

    rows: str
    index: str

    @classmethod
    def of(cls, segments: list[SegmentSpan]) -> PackedSegments:
        rows = list(map(_pack_row, segments))
        index = [
            [i, s.terms]
            for i, s in enumerate(segments)
            if s.terms is not None and s.kind in PASSAGE_KINDS
        ]
        return cls(_json(rows), _json(index))

    def unpack(self) -> list[SegmentSpan]:
        segments = [
            SegmentSpan(**dict(zip(PACKED_COLUMNS, row, strict=True)))
            for row in json.loads(self.rows)
        ]
        for i, terms in json.loads(self.index):
            segments[i].terms = terms
        return segments


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class IngestedDocument:
    """One stored document. Across processes ``segments`` travel packed
    (:class:`PackedSegments`) and are unpacked only if read."""

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
    packed: PackedSegments | None = field(default=None, repr=False, compare=False)
    # Winnowed letter hashes for the shared-passage lookup, made in the worker that read
    # the document (ingest.shared_passages.fingerprint_json): the writer only looks
    # them up. None: the store computes them from the text.
    shared_fingerprints: str | None = field(default=None, repr=False, compare=False)

    def packed_segments(self) -> PackedSegments:
        if self.packed is None:
            self.packed = PackedSegments.of(self.segments)
        return self.packed

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if "segments" in state:
            state["packed"] = self.packed_segments()
            del state["segments"]
        return state

    def __getattr__(self, name: str) -> Any:
        # Only for attributes not set: ``segments`` of an unpickled document.
        packed = self.__dict__.get("packed")
        if name == "segments" and packed is not None:
            self.segments = packed.unpack()
            return self.segments
        raise AttributeError(name)


@dataclass
class IngestedFile:
    """One input file: its bytes (kept encrypted in the project) and documents."""

    source_name: str
    sha256: str
    data: bytes
    format: str
    documents: list[IngestedDocument]
    # Why the file's text was not used (its bytes are kept): ingest/quarantine.py.
    quarantined: str | None = None

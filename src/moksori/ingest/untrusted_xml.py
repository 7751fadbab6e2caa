"""Hardened, streaming XML parsing for parts of untrusted packages.

Office and HWPX parts never need a DTD, so any DOCTYPE is refused outright:
that stops billion-laughs expansion and external entities (which could read
local files) before either can happen.

Big parts are streamed: chunks inflated from the zip go straight into expat
with a *target* that sees start tags, end tags and text, and no tree is ever
built. Memory then follows the text a reader keeps (capped by
``Limits.max_text_chars``), not the size of the XML, which a small zip can
inflate to hundreds of megabytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from typing import Protocol
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, fromstring

from moksori.errors import CorruptFile, UnsafeFile
from moksori.ingest.limits import ZIP_BOMB_HINT, Limits, check_text_budget, iter_member

_XML_SUFFIXES = (".xml", ".rels", ".hpf", ".rdf")
# Parts parsed whole (metadata, relationships) are small in any real file.
MAX_SMALL_PART_BYTES = 4 * 1024 * 1024


class Target(Protocol):
    """What :func:`stream_xml` feeds: ElementTree's parser-target interface."""

    def start(self, tag: str, attrib: dict[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...

    def data(self, data: str) -> None: ...

    def close(self) -> None: ...


class NullTarget:
    """A target that keeps nothing: checks well-formedness and DTDs only."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        pass


class Paragraphs:
    """Paragraph texts gathered from parser events, under the file's budgets.

    Paragraphs are numbered when they open and complete when the outermost
    open one closes, so a paragraph holding a table or text box comes before
    the paragraphs inside it. Text arrives in pieces (one per run, possibly one
    per character); pieces are joined every :data:`_JOIN_EVERY`, so a paragraph
    costs about its characters, not an object per piece. Refuses more than
    ``max_text_chars`` characters or ``max_paragraphs`` non-empty paragraphs.
    """

    _JOIN_EVERY = 4096

    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.done: list[str] = []  # non-empty paragraphs, in order
        self._pending: list[tuple[list[str], list[str]]] = []  # (joined chunks, pieces)
        self._open: list[int] = []  # indices into _pending, innermost last
        self._chars = 0

    @property
    def inside(self) -> bool:
        return bool(self._open)

    def open(self) -> None:
        if len(self.done) + len(self._pending) >= self.limits.max_paragraphs:
            self._too_many()
        self._open.append(len(self._pending))
        self._pending.append(([], []))

    def close(self) -> None:
        if self._open:
            self._open.pop()
            if not self._open:
                self.finish()

    def add(self, text: str) -> None:
        self._chars += len(text)
        check_text_budget(self._chars, self.source, self.limits)
        chunks, pieces = self._pending[self._open[-1]]
        pieces.append(text)
        if len(pieces) >= self._JOIN_EVERY:
            chunks.append("".join(pieces))
            pieces.clear()

    def finish(self) -> None:
        """Complete every pending paragraph (the end of a part)."""
        for chunks, pieces in self._pending:
            text = "".join(chunks) + "".join(pieces)
            if text.strip():
                self.done.append(text)
        self._pending = []
        self._open = []
        if len(self.done) > self.limits.max_paragraphs:
            self._too_many()

    def _too_many(self) -> None:
        raise UnsafeFile(
            self.source,
            f"the document has more than {self.limits.max_paragraphs:,} paragraphs "
            f"(the limit for one file); {ZIP_BOMB_HINT}",
        )


def parse_xml(data: bytes, source: str, part: str) -> Element:
    """Parse one small XML part; UnsafeFile for DTDs/entities, CorruptFile for bad XML."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise _entity_error(source, part) from None
    except (ParseError, ValueError, RecursionError):
        raise CorruptFile(source, f"part {part!r} is not well-formed XML") from None


def stream_xml(chunks: Iterable[bytes], target: Target, source: str, part: str) -> None:
    """Feed XML chunk by chunk to ``target`` with DTDs and entities forbidden.

    Errors the target raises (such as the text budget) pass through unchanged.
    """
    parser = DefusedXMLParser(
        target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        raise _entity_error(source, part) from None
    except (ParseError, ValueError, RecursionError):
        raise CorruptFile(source, f"part {part!r} is not well-formed XML") from None


def stream_member(
    zf: zipfile.ZipFile, name: str, target: Target, source: str, limits: Limits
) -> None:
    """Stream one package member through ``target`` (see :func:`stream_xml`)."""
    stream_xml(iter_member(zf, name, limits), target, source, name)


def read_small_part(zf: zipfile.ZipFile, name: str, source: str, limits: Limits) -> Element | None:
    """Parse a metadata-sized part whole; None if missing or implausibly big."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_SMALL_PART_BYTES:
        return None
    return parse_xml(b"".join(iter_member(zf, name, limits)), source, name)


def _entity_error(source: str, part: str) -> UnsafeFile:
    return UnsafeFile(
        source, f"part {part!r} declares a DTD or entities (possible XML entity attack)"
    )


def looks_like_xml(name: str, head: bytes) -> bool:
    """Whether a package member is XML, by name or by its first bytes."""
    if name.lower().endswith(_XML_SUFFIXES):
        return True
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<"))


def check_xml_parts(zf: zipfile.ZipFile, source: str, limits: Limits) -> None:
    """Stream every XML member once through the hardened parser before anyone else reads it.

    Libraries such as openpyxl parse parts themselves; this check makes sure
    none of those parts carries a DTD, without building any tree here.
    """
    for info in zf.infolist():
        if info.is_dir():
            continue
        chunks = iter_member(zf, info.filename, limits)
        first = next(chunks, b"")
        if looks_like_xml(info.filename, first[:64]):
            stream_xml(_chain(first, chunks), NullTarget(), source, info.filename)
        else:
            for _ in chunks:  # inflate anyway: damage and lies about sizes show here
                pass


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterable[bytes]:
    yield first
    yield from rest

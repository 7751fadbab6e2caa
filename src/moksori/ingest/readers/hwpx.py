"""HWPX (Hancom Office Open XML) documents: one block per paragraph.

We parse ``Contents/section*.xml`` ourselves with the hardened parser rather
than through python-hwpx's document model: it is a small, stable part of the
format, and reading it directly keeps every byte under our zip and XML limits.
Sections are streamed (``untrusted_xml.stream_member``), never built into a tree, and
reading stops at ``Limits.max_text_chars`` of text.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from moksori.errors import CorruptFile, EmptyFile
from moksori.ingest.limits import Limits, open_zip_safely
from moksori.ingest.model import Block, Extracted
from moksori.ingest.untrusted_xml import Paragraphs, read_small_part, stream_member

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$", re.IGNORECASE)
# Inline elements inside <hp:t> that stand for characters.
_INLINE_TEXT = {"tab": "\t", "lineBreak": "\n", "nbSpace": "\u00a0", "fwSpace": " ", "hyphen": "-"}
# Page furniture: repeated on every page, not part of the testimony.
_SKIPPED_CONTAINERS = frozenset({"header", "footer"})


def read_hwpx(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Paragraph texts of all sections in order; title/author/date from content.hpf."""
    with open_zip_safely(data, source, limits) as zf:
        names = zf.namelist()
        sections = sorted(
            ((int(m.group(1)), name) for name in names if (m := _SECTION.match(name))),
        )
        if not sections:
            raise CorruptFile(source, "not an HWPX document (no Contents/section*.xml)")
        target = SectionTarget(source, limits)
        for _, name in sections:
            stream_member(zf, name, target, source, limits)
        blocks = [Block(text) for text in target.paragraphs if text.strip()]
        hpf = read_small_part(zf, "Contents/content.hpf", source, limits)
        meta = package_metadata(hpf) if hpf is not None else {}
    if not blocks:
        raise EmptyFile(source, "HWPX document contains no text")
    return [
        Extracted(
            blocks=blocks,
            format="hwpx",
            title=meta.get("title"),
            author=meta.get("creator"),
            date=meta.get("date"),
            metadata={"sections": len(sections), "paragraphs": len(blocks)},
        )
    ]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class SectionTarget:
    """Own text of each <hp:p> from a stream of parser events, in document order.

    Table-cell paragraphs come after the paragraph holding the table (see
    :class:`~moksori.ingest.untrusted_xml.Paragraphs`, which also keeps the
    budgets). Header and footer paragraphs are skipped. Only the text directly
    inside <hp:t> counts, plus the inline elements that stand for characters.
    """

    def __init__(self, source: str, limits: Limits) -> None:
        self.text = Paragraphs(source, limits)
        self._stack: list[str] = []  # local names of the open elements
        self._skip = 0  # depth inside header/footer

    @property
    def paragraphs(self) -> list[str]:
        return self.text.done

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        parent = self._stack[-1] if self._stack else ""
        self._stack.append(name)
        if self._skip or name in _SKIPPED_CONTAINERS:
            self._skip += 1
        elif name == "p":
            self.text.open()
        elif parent == "t" and self.text.inside and name in _INLINE_TEXT:
            self.text.add(_INLINE_TEXT[name])

    def end(self, tag: str) -> None:
        name = self._stack.pop() if self._stack else ""
        if self._skip:
            self._skip -= 1
        elif name == "p":
            self.text.close()

    def data(self, data: str) -> None:
        # Text inside an inline element of <hp:t> (not after it) is not text.
        if self.text.inside and not self._skip and self._stack and self._stack[-1] == "t":
            self.text.add(data)

    def close(self) -> None:
        self.text.finish()


def package_metadata(root: Element) -> dict[str, str]:
    """title, creator and date (YYYY-MM-DD) from the OPF metadata in content.hpf."""
    out: dict[str, str] = {}
    for node in root.iter():
        name = _local(node.tag)
        value = (node.text or "").strip()
        if not value:
            continue
        if name == "title":
            out.setdefault("title", value)
        elif name == "meta":
            key = node.get("name", "")
            if key == "creator":
                out.setdefault("creator", value)
            elif key == "CreatedDate" and re.match(r"\d{4}-\d{2}-\d{2}", value):
                out.setdefault("date", value[:10])
    return out

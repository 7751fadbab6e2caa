"""HWPX (Hancom Office Open XML) documents: one block per paragraph.

We parse ``Contents/section*.xml`` ourselves with the hardened parser rather
than through python-hwpx's document model: it is a small, stable part of the
format, and reading it directly keeps every byte under our zip and XML limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from moksori.errors import CorruptFile, EmptyFile
from moksori.ingest.limits import Limits, open_zip_safely, read_member
from moksori.ingest.model import Block, Extracted
from moksori.ingest.readers._xml import parse_xml

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
        blocks: list[Block] = []
        for _, name in sections:
            root = parse_xml(read_member(zf, name, limits), source, name)
            blocks.extend(Block(text) for text in paragraph_texts(root) if text.strip())
        meta: dict[str, str] = {}
        if "Contents/content.hpf" in names:
            hpf = read_member(zf, "Contents/content.hpf", limits)
            meta = package_metadata(parse_xml(hpf, source, "Contents/content.hpf"))
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


def paragraph_texts(root: Element) -> Iterator[str]:
    """Own text of each <hp:p> in document order; table-cell paragraphs come after
    the paragraph holding the table. Header and footer paragraphs are skipped.

    An explicit stack (not recursion) keeps deeply nested input from exhausting
    Python's stack.
    """
    order: list[Element] = []
    texts: dict[Element, list[str]] = {}
    stack: list[tuple[Element, Element | None]] = [(root, None)]
    while stack:
        node, owner = stack.pop()
        name = _local(node.tag)
        if name in _SKIPPED_CONTAINERS:
            continue
        if name == "p":
            owner = node
            order.append(node)
            texts[node] = []
        elif name == "t":
            if owner is not None:
                texts[owner].append(_t_text(node))
            continue
        stack.extend((child, owner) for child in reversed(node))
    for p in order:
        yield "".join(texts[p])


def _t_text(t: Element) -> str:
    parts = [t.text or ""]
    for child in t:
        parts.append(_INLINE_TEXT.get(_local(child.tag), ""))
        parts.append(child.tail or "")
    return "".join(parts)


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

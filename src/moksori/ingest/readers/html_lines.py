"""A web page's visible text, one line per block element, as a reader sees it.

The HTML reader compares these lines with the extracted article (to list what was
removed) and with the page's labelled boxes (widgets, captions, bylines).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from moksori.ingest.normalise import normalise

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody thead tfoot tr td th ul option button label legend menu".split()
)
_INVISIBLE_TAGS = frozenset(
    "head script style noscript template svg math iframe object embed canvas audio video "
    "select input textarea map".split()
)
_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Text as the reader compares it: normalised, each run of whitespace one space."""
    return _SPACES.sub(" ", normalise(text)).strip()


def element_text(el: lxml_html.HtmlElement) -> str:
    """An element's whole text (its children's included) as one line."""
    return one_line(el.text_content())


def visible_lines(root: lxml_html.HtmlElement) -> list[str]:
    """The page's text as a reader sees it, one line per block element, in page order."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        stack.append((el, True))
        if not tag or tag in _INVISIBLE_TAGS:
            continue  # comments, scripts and the like: only their tail is visible
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        stack.extend((child, False) for child in reversed(el))
    lines = (_SPACES.sub(" ", line).strip() for line in normalise("".join(parts)).split("\n"))
    return [line for line in lines if line]


def own_lines(el: lxml_html.HtmlElement) -> list[str]:
    """An element's visible lines, without the text that follows it (its tail)."""
    tail, el.tail = el.tail, None
    try:
        return visible_lines(el)
    finally:
        el.tail = tail


_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption".split())
_BLOCKS_IN_A_CELL = frozenset("p div table ul ol dl h1 h2 h3 h4 h5 h6 blockquote form".split())


def unwrap_layout_tables(root: lxml_html.HtmlElement) -> None:
    """Turn tables used for page layout into plain blocks (``div``), in place.

    Old Korean boards and hand-made sites lay the whole page out in tables; extractors
    then read the article as one table row, its paragraphs run together, and the menus
    beside it as cells of the same table. A table whose cells hold paragraphs, lists or
    other tables is layout; a data table (text in its cells) stays a table. Both are
    block elements, so the page's visible lines do not change.
    """
    layout = [
        table
        for table in root.iter("table")
        if any(
            isinstance(el.tag, str) and el.tag.lower() in _BLOCKS_IN_A_CELL
            for cell in table.iter("td", "th")
            for el in cell.iterdescendants()
        )
    ]
    for table in layout:
        parts = [table, *_own_parts(table)]
        for el in parts:
            el.tag = "div"


def _own_parts(table: etree._Element) -> list[etree._Element]:
    """The rows and cells of ``table`` itself, not those of a table nested in a cell."""
    out: list[etree._Element] = []
    stack = list(table)
    while stack:
        el = stack.pop()
        if isinstance(el.tag, str) and el.tag.lower() in _TABLE_PARTS - {"table"}:
            out.append(el)
            stack.extend(el)
    return out


def plain_items(paragraphs: list[str], visible: list[str]) -> list[str]:
    """List items as the page shows them: trafilatura writes "- " before each, a marker
    the reader never saw (the bullet is drawn), so "- 수료증 전달" would be no line of the
    page and the item would count as removed. A dash the page itself prints stays."""
    shown = set(visible)

    def plain(line: str) -> str:
        item = line.removeprefix("- ")
        return item if item != line and item in shown and line not in shown else line

    return ["\n".join(map(plain, p.split("\n"))) for p in paragraphs]

"""A summary box between an article's headline and its first paragraph ("Key points",
"핵심 요약"): a list of the story's claims that the extractor drops with the ``<aside>``.

Its items are the article's own sentences, so they come back; menus and most-read lists
stand elsewhere and are made of links, which is how the two are told apart.
"""

from __future__ import annotations

from lxml import html as lxml_html

from moksori.ingest.linekinds import BAD, classify, ends_sentence, weight
from moksori.ingest.readers.html_lines import element_text

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LOOK_ABOVE = 12  # lines between the headline and the first paragraph: byline, buttons, box
_MIN_ITEM_WORDS = 4
_MIN_ITEM_WEIGHT = 40
_MIN_BODY_WEIGHT = 120  # the article's first paragraph of prose, not its dek


def with_summary_list(
    paragraphs: list[str], root: lxml_html.HtmlElement, visible: list[str]
) -> list[str]:
    """Put a linkless list of claims that stands right over the article's first paragraph
    (and its heading, if one stands right over it) back in front of that paragraph."""
    body = [i for i, line in enumerate(visible) if line in paragraphs and _prose(line)]
    if not body:
        return paragraphs
    first = body[0]
    for items, heading in _claim_lists(root):
        n = len(items)
        start = first - n
        if start < max(0, first - _LOOK_ABOVE) or visible[start:first] != items:
            continue
        if any(item in paragraphs for item in items):
            return paragraphs
        head = [heading] if heading and start > 0 and visible[start - 1] == heading else []
        at = paragraphs.index(visible[first])
        listed = "\n".join(f"- {item}" for item in items)
        return [*paragraphs[:at], *head, listed, *paragraphs[at:]]
    return paragraphs


def _claim_lists(root: lxml_html.HtmlElement) -> list[tuple[list[str], str]]:
    """Lists of two or more items, none a link, each a clause of several words; with the
    heading that precedes the list in its box."""
    found = []
    for el in root.iter("ul", "ol"):
        if el.find(".//a") is not None:
            continue
        items = [
            element_text(li) for li in el if isinstance(li.tag, str) and li.tag.lower() == "li"
        ]
        if len(items) < 2 or not all(_claim(item) for item in items):
            continue
        found.append((items, _heading_before(el)))
    return found


def _heading_before(el: lxml_html.HtmlElement) -> str:
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and prev.tag.lower() in _HEADINGS and prev.find(".//a") is None:
        return element_text(prev)
    return ""


def _claim(item: str) -> bool:
    return (
        len(item.split()) >= _MIN_ITEM_WORDS
        and weight(item) >= _MIN_ITEM_WEIGHT
        and classify(item)[0] != BAD
    )


def _prose(line: str) -> bool:
    return weight(line) >= _MIN_BODY_WEIGHT and ends_sentence(line)

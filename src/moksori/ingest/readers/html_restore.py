"""What the article extractor dropped from inside the article: short paragraphs, the headline,
the bylines under it.

trafilatura judges paragraphs by length and link density, so a short question between two
answers ("인터뷰어: 시험은 어려웠어요?") can vanish from the middle of an interview, and a
site's logo heading can be taken for the page's title. Both are testimony or its frame;
the page's own structure (its ``<p>`` elements, its ``<title>``) tells us where they were.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from moksori.ingest.linekinds import (
    BAD,
    classify,
    ends_sentence,
    is_byline,
    weight,
)
from moksori.ingest.readers.html_lines import element_text, one_line
from moksori.ingest.turns import is_speaker_turn

_SPACES = re.compile(r"\s+")
# A gap longer than this between two article paragraphs is more likely a box (a form, a
# list of links) than paragraphs the extractor skipped.
_MAX_GAP = 3


def paragraph_parents(root: lxml_html.HtmlElement) -> dict[str, lxml_html.HtmlElement]:
    """The whole text of each ``<p>`` (and ``<blockquote>``, and a pull quote's ``<cite>``)
    of the page, one line each, and the element that holds it (paragraphs of one article
    share it)."""
    parents: dict[str, lxml_html.HtmlElement] = {}
    for el in root.iter("p", "blockquote", "cite"):
        text = element_text(el)
        parent = el.getparent()
        if text and parent is not None:
            parents.setdefault(text, parent)
    return parents


def with_dropped_paragraphs(
    paragraphs: list[str], visible: list[str], blocks: dict[str, lxml_html.HtmlElement]
) -> list[str]:
    """Put back paragraphs missing between two article paragraphs that follow each other
    in the extracted text: the reader saw them in the middle of the article, so they are
    its own (a short speaker turn, a one-line answer); at the article's first or last
    paragraph, those in the same element as it (a closing "고맙습니다." answer). Only whole
    ``<p>`` elements or speaker turns come back, never a line that reads as chrome alone."""
    out = list(paragraphs)
    present = set(out)
    listed = {item.removeprefix("- ") for p in out if p.startswith("- ") for item in p.split("\n")}
    present |= listed  # a list's items, kept as one paragraph of "- " lines

    def where(line: str) -> int:
        if line in out:
            return out.index(line)
        return next(k for k, p in enumerate(out) if f"- {line}" in p.split("\n"))

    i = 0
    while i < len(visible):
        if visible[i] in present:
            i += 1
            continue
        j = i
        while j < len(visible) and visible[j] not in present:
            j += 1
        gap = visible[i:j]
        before = where(visible[i - 1]) if i > 0 else -1
        after = where(visible[j]) if j < len(visible) else -1
        if before >= 0 and after == before + 1 and _restorable(gap, blocks):
            out[after:after] = gap
            present.update(gap)
        else:
            head = _siblings(gap, visible[i - 1], blocks) if before >= 0 else []
            tail = _siblings(gap[::-1], visible[j], blocks)[::-1] if after >= 0 else []
            if head:
                out[before + 1 : before + 1] = head
                present.update(head)
            if tail and len(head) + len(tail) <= len(gap):
                at = where(visible[j])
                out[at:at] = tail
                present.update(tail)
        i = j
    return out


def _siblings(gap: list[str], beside: str, blocks: dict[str, lxml_html.HtmlElement]) -> list[str]:
    """The first lines of ``gap`` that are paragraphs in the same element as ``beside``."""
    parent = blocks.get(beside)
    n = 0
    while n < min(len(gap), _MAX_GAP) and parent is not None and blocks.get(gap[n]) is parent:
        n += 1
    return gap[:n] if _restorable(gap[:n], blocks) else []


def _restorable(gap: list[str], blocks: dict[str, lxml_html.HtmlElement]) -> bool:
    return len(gap) <= _MAX_GAP and all(
        (line in blocks or is_speaker_turn(line)) and classify(line)[0] != BAD for line in gap
    )


def with_headline(paragraphs: list[str], visible: list[str], title: str) -> list[str]:
    """The headline first, but under a kicker or section label ("사회 > 노동") that the
    extractor kept from above it: a headline over its own kicker reads as a menu's item."""
    at = visible.index(title)
    shown = set(visible[:at])
    k = 0
    while k < min(3, len(paragraphs)) and paragraphs[k] in shown:
        k += 1
    return [*paragraphs[:k], title, *paragraphs[k:]]


def page_headline(root: lxml_html.HtmlElement, visible: list[str], title: str | None) -> str | None:
    """The visible headline that the page's ``<title>`` (or ``og:title``) names ("Headline
    | Site"), when the extractor took a heading made only of links for the title: that is
    the site's logo ("Daum뉴스" over a portal's story), not the article's headline; None
    when no visible line is so named (a blog's name over its post's own heading)."""
    logos = _logo_headings(root)
    if not title or title not in logos:
        return title
    named = set()
    for text in _document_titles(root):
        whole = one_line(text)
        named.add(whole)
        named.update(part.strip() for part in _TITLE_SEPARATORS.split(whole))
    candidates = [
        line for line in visible if line in named and line not in logos and weight(line) >= 10
    ]
    return max(candidates, key=weight, default=None)


# "Headline | Site", "Headline - Site", "Site :: Headline".
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·:»–—-]|::)\s+")


def _logo_headings(root: lxml_html.HtmlElement) -> set[str]:
    """Headings whose whole text is links (``<h1><a href="/">Site</a></h1>``): a logo."""
    logos: set[str] = set()
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = _SPACES.sub("", el.text_content())
        linked = "".join(_SPACES.sub("", a.text_content()) for a in el.iter("a"))
        if text and text == linked:
            logos.add(element_text(el))
    return logos


def _document_titles(root: lxml_html.HtmlElement) -> list[str]:
    found = [el.text_content() for el in root.iter("title")]
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in (
            "og:title",
            "twitter:title",
        ):
            found.append(meta.get("content") or "")
    return found


def byline_line(line: str) -> bool:
    """A short line that reads as a byline or date ("입력 2025.05.12 06:00"), not prose."""
    return weight(line) <= 120 and is_byline(line) and not ends_sentence(line)


def with_bylines(paragraphs: list[str], visible: list[str]) -> list[str]:
    """Put back the bylines under the article's headlines ("2024년 2월 14일 | 작성자: …"),
    which trafilatura keeps only as metadata or drops: who wrote a text and when is part of
    what the reader saw, and an appended article's byline is how segmentation knows that
    a Q&A interview ended there."""
    out = list(paragraphs)
    present = set(out)
    listed = {i.removeprefix("- ") for p in out if p.startswith("- ") for i in p.split("\n")}
    for before, line in zip(visible, visible[1:], strict=False):
        if line in present or line in listed or before not in present:
            continue  # a date that is a list's item ("- January 15, 2025") is there already
        if byline_line(line):
            at = out.index(before) + 1
            if at < len(out):  # inside the article, not under its last line
                out.insert(at, line)
                present.add(line)
    return out


# "Issue Brief No. 2026-14", "Working Paper No. 7", "정책브리프 제12호": which number of a
# series the document is, printed over its headline.
_SERIES_NUMBER = re.compile(
    r"^(?:[A-Z][\w&]*\s+){1,4}(?:No\.|Number|Nr\.)\s*\d[\d\-./]*$|^\S+(?:\s+\S+){0,3}\s+제\s*\d+\s*호$"
)


def with_series_number(paragraphs: list[str], visible: list[str]) -> list[str]:
    """The series label right over the article's first line (its headline) comes back: it
    is how a report is cited, and extractors drop it with the kicker it looks like."""
    if not paragraphs or paragraphs[0] not in visible:
        return paragraphs
    at = visible.index(paragraphs[0])
    label = visible[at - 1] if at > 0 else ""
    if _SERIES_NUMBER.match(label) and label not in paragraphs:
        return [label, *paragraphs]
    return paragraphs

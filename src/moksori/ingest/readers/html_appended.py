"""An article appended under the page's own (an infinite-scroll "next article", "Up next").

trafilatura picks one main ``<article>`` and drops the rest of the page, so a second whole
article printed after it vanished, headline, byline and paragraphs. The reader saw it, and
it is where a Q&A interview above it ends: its headline and paragraphs come back here, and
the caller restores its byline as an article part beside them.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from moksori.ingest.linekinds import BAD, GOOD, classify, ends_sentence, weight
from moksori.ingest.readers.html_lines import element_text

# Boxes whose articles are teasers of other posts, not whole articles.
_TEASER = re.compile(r"related|card|comment|recent|popular|widget|excerpt|teaser|preview", re.I)
_HEADINGS = ("h1", "h2", "h3")
_MIN_PARAGRAPHS = 2  # a teaser has one line of excerpt


def with_appended_articles(
    paragraphs: list[str], root: lxml_html.HtmlElement, visible: list[str]
) -> list[str]:
    """Add the paragraphs of each whole ``<article>`` after the extracted one that the
    extractor left out entirely: a headline and at least two paragraphs of prose."""
    out = list(paragraphs)
    present = set(out)
    last = max((i for i, line in enumerate(visible) if line in present), default=-1)
    for article in _top_articles(root):
        lines = _paragraphs(article)
        prose = [line for line in lines if _reads_as_prose(line)]
        if len(prose) < _MIN_PARAGRAPHS or any(line in present for line in lines):
            continue
        if not all(line in visible for line in lines) or visible.index(lines[0]) <= last:
            continue  # not shown, or above the extracted article (a teaser list)
        head = _headline(article)
        if head in visible and head not in present and visible.index(head) > last:
            lines = [head, *lines]  # where the article starts: a Q&A above ends here
        out.extend(lines)
        present.update(lines)
        last = visible.index(lines[-1])
    return out


def _headline(article: lxml_html.HtmlElement) -> str:
    heading = next(article.iter(*_HEADINGS), None)
    return "" if heading is None else element_text(heading)


def _top_articles(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """``<article>`` elements that stand in no other one nor in a teaser box, and that
    carry their own headline."""
    found = []
    for el in root.iter("article"):
        chain = [el, *el.iterancestors()]
        if any(a.tag == "article" for a in chain[1:]):
            continue
        if any(a.tag in ("aside", "nav", "footer") for a in chain):
            continue
        if any(_TEASER.search(" ".join(a.get(k, "") for k in ("class", "id"))) for a in chain):
            continue
        if next(el.iter(*_HEADINGS), None) is not None:
            found.append(el)
    return found


def _paragraphs(article: lxml_html.HtmlElement) -> list[str]:
    """The article's ``<p>`` paragraphs that are no links and no chrome."""
    lines = []
    for p in article.iter("p"):
        text = element_text(p)
        if not text or p.find(".//a") is not None:
            continue
        if any(a.tag in ("aside", "nav", "footer", "form") for a in p.iterancestors()):
            continue
        if classify(text)[0] != BAD:
            lines.append(text)
    return lines


def _reads_as_prose(line: str) -> bool:
    return weight(line) >= 80 and ends_sentence(line) and classify(line)[0] == GOOD

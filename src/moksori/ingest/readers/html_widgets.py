"""Boxes a web page labels as widgets (donation, sign-up, share, ads) or comments.

Their lines are dropped from the extracted article even when they read like prose
(a donation appeal); the page's own class names are the evidence.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from moksori.ingest.linekinds import BAD, GOOD, classify, is_byline, weight
from moksori.ingest.readers.html_lines import own_lines

# Class or id words that page templates give to small boxes inside an article: donation and
# sign-up calls, "cite this" boxes, share rows, ads, "Read more" links, the links to the
# previous and next posts. (Section labels over the headline, "kicker" or "type", are left
# alone: a reader may cite them.)
_WIDGET_CLASS = re.compile(
    r"donat|newsletter|signup|sign-up|subscribe|mc4wp|read-?more|related|advert|"
    r"(?:^|[-_])(?:give|support|cta|promo|appeal|share|sharing|social|ad|ads|"
    r"pagination|pager|post-navigation|nav-links|nav-previous|nav-next)"
    r"(?:$|[-_])",
    re.IGNORECASE,
)
# "cite" also names a quotation's source line ("se-cite": "- 은별(가명), 멘티"), which is the
# article's: a box so labelled is a widget only when it says what it is ("Cite this page").
_CITE_CLASS = re.compile(r"(?:^|[-_])(?:cite|citation)(?:$|[-_])", re.IGNORECASE)
_CITE_WORDS = re.compile(r"\bcit(?:e|ation|ing)\b|인용|출처\s?표기|bibtex|\bAPA\b", re.IGNORECASE)
# The author's profile box ("wrap_profile": name, job, a line of bio, follower count): the
# writer's advert, shown under every post. A box with a date or an author label in it is the
# byline (GnuBoard's "profile_info"), and a name alone (a hover card) is the byline's link.
_PROFILE_CLASS = re.compile(r"(?:^|[-_])profile(?:$|[-_])", re.IGNORECASE)
_WIDGET_MAX_LINES = 8
_WIDGET_MAX_WEIGHT = 800


# Readers' comments: the template names their box ("comment-list", "tt-comment-cont",
# "wrap_comment"); "commentary" is an article type, not a comment, and "reply" may be an
# interview's answer.
_COMMENT_CLASS = re.compile(r"(?:^|[-_])comments?(?:$|[-_])", re.IGNORECASE)
# Only a container holds comments; a paragraph labelled "comment" may be an editor's note.
_COMMENT_BOXES = frozenset("div section aside ul ol li footer dl".split())


def _widget_lines(root: lxml_html.HtmlElement, paragraphs: list[str]) -> set[str]:
    """Lines of small elements that the page itself labels as a widget (class or id), and
    of its comment boxes, whatever their size, unless one holds much of the article."""
    lines: set[str] = set()
    article = sum(weight(p) for p in paragraphs)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in ("html", "body", "main", "article"):
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}".split()
        widget = any(_WIDGET_CLASS.search(n) for n in names) or (
            any(_CITE_CLASS.search(n) for n in names)
            and bool(_CITE_WORDS.search(el.text_content()))
        )
        comments = el.tag.lower() in _COMMENT_BOXES and any(_COMMENT_CLASS.search(n) for n in names)
        profile = any(_PROFILE_CLASS.search(n) for n in names)
        if not (widget or comments or profile) or el.find(".//h1") is not None:
            continue
        own = own_lines(el)  # visible_lines reads an element's tail, too
        size = sum(map(weight, own))
        if profile and not (widget or comments):
            # A box as big as a post, or one that reads as one, is the post (a "profile"
            # series' interview), never its author's advert.
            small = len(own) <= _WIDGET_MAX_LINES and size <= _WIDGET_MAX_WEIGHT
            if small and len(own) >= 2 and not any(is_byline(line) for line in own):
                if not _reads_like_an_article(own):
                    lines.update(own)
            continue
        if comments and size * 3 <= article:
            lines.update(own)
        elif len(own) <= _WIDGET_MAX_LINES and size <= _WIDGET_MAX_WEIGHT:
            if not _reads_like_an_article(own):
                lines.update(own)
    return lines


def _reads_like_an_article(lines: list[str]) -> bool:
    """Two prose paragraphs and no widget line: a short related article the page appended
    (its text is the reader's, even in a box labelled "related"), not a call to action."""
    kinds = [classify(line)[0] for line in lines]
    return kinds.count(GOOD) >= 2 and BAD not in kinds


def without_widgets(
    paragraphs: list[str], root: lxml_html.HtmlElement, article_parts: set[str]
) -> list[str]:
    """Drop the paragraphs that are a labelled widget's lines (a donation box inside the
    article, whose appeal reads like prose, with its heading); captions and bylines stay.
    A list paragraph ("- item" lines) loses the items that are widget lines."""
    drop = _widget_lines(root, paragraphs) - article_parts
    if not drop:
        return paragraphs
    out: list[str] = []
    for p in paragraphs:
        items = p.split("\n")
        if len(items) > 1 and all(i.startswith("- ") for i in items):
            p = "\n".join(i for i in items if i.removeprefix("- ") not in drop)
        if p and p not in drop:
            out.append(p)
    return out

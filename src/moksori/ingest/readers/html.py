"""HTML web captures: keep the article, list the page chrome as removed text.

trafilatura finds the main article; what it leaves out (menus, sidebars,
footers) is still shown to the researcher through ``moksori show --removed``,
so we compute the page's visible lines ourselves and record those that did
not make it into the article. Parsing is done by us with a locked-down lxml
parser (no network, no DTD entities), and trafilatura only sees that tree.
"""

from __future__ import annotations

import codecs
import re
from datetime import date

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from moksori.errors import CorruptFile, EmptyFile, FileTooLarge
from moksori.ingest.boilerplate import has_body_text, strip_boilerplate
from moksori.ingest.decode import decode_bytes
from moksori.ingest.limits import Limits, describe_size
from moksori.ingest.linekinds import (
    BAD,
    GOOD,
    NEAR,
    SHORT,
    classify,
    ends_sentence,
    is_byline,
    weight,
)
from moksori.ingest.model import Block, Decoded, Extracted, RemovedText
from moksori.ingest.normalise import normalise
from moksori.ingest.plausible import ALLOWED_GUESSES, utf8_stats
from moksori.ingest.readers.html_appended import with_appended_articles
from moksori.ingest.readers.html_lines import (
    element_text,
    one_line,
    own_lines,
    plain_items,
    unwrap_layout_tables,
    visible_lines,
)
from moksori.ingest.readers.html_restore import (
    byline_line,
    page_headline,
    paragraph_parents,
    with_bylines,
    with_dropped_paragraphs,
    with_headline,
    with_series_number,
)
from moksori.ingest.readers.html_summary import with_summary_list
from moksori.ingest.readers.html_widgets import without_widgets

REMOVED_REASON = "html boilerplate"

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
# Browsers treat these labels as the superset encodings (WHATWG Encoding Standard).
_ALIASES = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ksc5601": "cp949",
    "ks_c_5601": "cp949",
    "windows-949": "cp949",
    "x-windows-949": "cp949",
    "uhc": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"\s+")

__all__ = ["decode_html", "parse_html", "read_html", "visible_lines"]


def read_html(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """Extract the main article of an HTML page as one document."""
    cap = min(limits.max_file_bytes, limits.max_html_bytes)
    if len(data) > cap:
        raise FileTooLarge(
            source,
            f"web page is {describe_size(len(data))}, over the {describe_size(cap)} limit "
            "for HTML (its parsed form takes many times that); save the article as text",
        )
    decoded = decode_html(data, source)
    root = parse_html(decoded.text, source)
    unwrap_layout_tables(root)
    visible = visible_lines(root)
    title = author = published = headline = None
    paragraphs: list[str] = []
    doc = _trafilatura(root)
    if doc is not None:
        title, author, published = _clean(doc.title), _clean(doc.author), _clean(doc.date)
        headline = page_headline(root, visible, title)
        title = headline or title  # a logo is no headline, but still the page's name
        paragraphs = _paragraphs(doc.text or "")
        paragraphs = with_dropped_paragraphs(paragraphs, visible, paragraph_parents(root))
        paragraphs = with_appended_articles(paragraphs, root, visible)
        paragraphs = with_summary_list(paragraphs, root, visible)
    if not has_body_text("\n".join(paragraphs)):
        paragraphs = visible  # trafilatura found nothing: fall back to the whole page
    elif headline and headline in visible and headline not in paragraphs[:3]:
        paragraphs = with_headline(paragraphs, visible, headline)  # the reader saw it, too
    paragraphs = with_bylines(paragraphs, visible)
    paragraphs = with_series_number(paragraphs, visible)
    roles = _line_roles(root, visible)
    paragraphs = _with_article_parts(paragraphs, visible, roles, _names(author))
    parts = {visible[i] for i, role in roles.items() if role != _HEADING}
    paragraphs = plain_items(without_widgets(paragraphs, root, parts), visible)
    article, stripped = strip_boilerplate("\n\n".join(paragraphs))
    if not has_body_text(article):
        raise EmptyFile(source, "no article text found (the page holds only menus and links)")
    removed = _removed_lines(visible, article, stripped)
    return [
        Extracted(
            blocks=[Block(text=article)],
            format="html",
            title=title,
            author=author,
            date=published,
            encoding=decoded.encoding,
            quality=decoded.quality,
            replaced_chars=decoded.replaced_chars,
            removed=removed,
            web_capture_candidate=False,
        )
    ]


def decode_html(data: bytes, source: str) -> Decoded:
    """Decode with the charset the page declares, else fall back to :func:`decode_bytes`."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, source)
    declared = _declared_encoding(data[:4096])
    if declared is not None and declared.replace("-", "_") not in ALLOWED_GUESSES:
        declared = None  # a code page our material never comes in: judge the bytes instead
    if declared is not None and declared != "utf-8" and utf8_stats(data).looks_utf8:
        declared = None  # UTF-8 under an old label (issue 14: read as another code page)
    if declared is not None:
        if declared == "cp1252" and not data.isascii():
            # Pages re-saved as UTF-8 often keep an old Latin-1 label.
            try:
                return _checked(Decoded(data.decode("utf-8"), "utf-8"), source)
            except UnicodeDecodeError:
                pass
        try:
            return _checked(Decoded(data.decode(declared), declared), source)
        except UnicodeDecodeError:
            pass
    return decode_bytes(data, source)


def _checked(decoded: Decoded, source: str) -> Decoded:
    if not decoded.text.strip():
        raise EmptyFile(source, "file is empty")
    return decoded


def _declared_encoding(head: bytes) -> str | None:
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that could be read to find its meta tag is not UTF-16/32.
    return None if name.startswith(("utf-16", "utf-32")) else name


def parse_html(text: str, source: str) -> lxml_html.HtmlElement:
    """Parse with no network access and no DTD: entity declarations are cut out first."""
    text = _XML_DECL.sub("", _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", text, count=1), count=1)
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.LxmlError, ValueError) as exc:
        if not text.strip() or "empty" in str(exc).lower():
            raise EmptyFile(source, "no article text found (the page is empty)") from None
        raise CorruptFile(source, "cannot parse the HTML") from None
    if root is None:
        raise EmptyFile(source, "no article text found (the page is empty)")
    return root


def _trafilatura(root: lxml_html.HtmlElement) -> trafilatura.settings.Document | None:
    """Main-article extraction; favours recall since every body sentence matters."""
    try:
        doc = trafilatura.bare_extraction(
            root,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            deduplicate=False,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception:  # trafilatura is heuristic code; our fallback takes over
        return None
    return doc if isinstance(doc, trafilatura.settings.Document) else None


def _paragraphs(text: str) -> list[str]:
    """One paragraph per line of trafilatura's text; list items ("- ...") stay together."""
    lines = (_SPACES.sub(" ", line).strip() for line in normalise(text).split("\n"))
    paragraphs: list[str] = []
    for line in lines:
        if not line:
            continue
        if line.startswith("- ") and paragraphs and paragraphs[-1].startswith("- "):
            paragraphs[-1] += "\n" + line
        else:
            paragraphs.append(line)
    return paragraphs


# Class, id or itemprop words of the parts of an article that extractors drop: who wrote it,
# when, its subtitle and its photo captions.
_META_CLASS = re.compile(
    r"byline|author|writer|reporter|dateline|date|published|posted|\bdek\b|standfirst|"
    r"sub[-_]?head|sub[-_]?title|caption|credit|(?:photo|img|image)[-_]?(?:desc|txt|text)",
    re.IGNORECASE,
)
# A heading whose class says it is the subtitle ("subheadline", "cover_sub_title") is the
# dek under the headline: a byline-like part of the article, not an inner headline.
_DEK_CLASS = re.compile(r"sub[-_]?head|sub[-_]?title|\bdek\b|standfirst", re.IGNORECASE)
# ... unless the element is a list of other posts or a comment, where dates are chrome.
_NOT_ARTICLE_CLASS = re.compile(r"related|card|comment|recent|popular|list|widget|share", re.I)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CAPTION, _META, _HEADING = "caption", "meta", "heading"
_LINKED = "linked"  # a paragraph of prose that is one link as a whole (trafilatura drops it)
_NEAR_LINES = 40


def _line_roles(root: lxml_html.HtmlElement, visible: list[str]) -> dict[int, str]:
    """Visible lines (by index) that are a caption, a byline/date/subtitle or a heading.

    Elements come in page order, as visible lines do, so each is looked up a little
    ahead of the previous match (a name that recurs in a footer is not the byline).
    """
    roles: dict[int, str] = {}
    cursor = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        words = " ".join(el.get(a, "") for a in ("class", "id", "itemprop"))
        if tag == "figcaption":
            role = _CAPTION
        elif tag in _HEADINGS and not _DEK_CLASS.search(words):
            role = _HEADING
        elif (tag == "time" or _META_CLASS.search(words)) and not _NOT_ARTICLE_CLASS.search(words):
            role = _META
        elif tag == "p" and _one_link(el):
            role = _LINKED
        else:
            continue
        text = element_text(el)
        if not text:
            continue
        lines = [text]
        try:
            at = visible.index(text, cursor)
        except ValueError:
            # A dek of two lines (<br>) or a list of authors: the element's own lines.
            lines = own_lines(el)
            small = 2 <= len(lines) <= 4 and all(weight(line) <= 200 for line in lines)
            at = _run_at(visible, lines, cursor) if small else -1
            if at < 0:
                continue
        broken = tag in _HEADINGS or tag in ("p", "figcaption")  # split by <br>
        for k, line in enumerate(lines):
            if len(lines) == 1 or broken or _listed_name(line):
                roles.setdefault(at + k, role)
        if at - cursor <= _NEAR_LINES or role != _META:
            cursor = at  # a date found far ahead may be another's (a related list's)
    return roles


def _one_link(el: lxml_html.HtmlElement) -> bool:
    """``<p><a>…</a></p>``: the paragraph's whole text is one link. Some CMSs wrap a quoted
    passage or a pull paragraph so; it is body when it reads as prose (see the caller)."""
    children = [c for c in el if isinstance(c.tag, str)]
    return (
        len(children) == 1
        and children[0].tag.lower() == "a"
        and not (el.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _listed_name(line: str) -> bool:
    """An author box's name or e-mail ("Park Jae-yoon", "osm@hanbitilbo.co.kr"), not its
    buttons ("Follow") or counts ("구독자 1,204 제안하기 구독")."""
    if "@" in line and len(line.split()) == 1:
        return True
    return 2 <= len(line.split()) <= 4 and _author_name(line)


def _run_at(visible: list[str], lines: list[str], cursor: int) -> int:
    """Where ``lines`` stand one after another in ``visible`` from ``cursor`` on, or -1."""
    n = len(lines)
    for at in range(cursor, len(visible) - n + 1):
        if visible[at : at + n] == lines:
            return at
    return -1


_NAME_SEPARATORS = re.compile(r"\s*[,;|]\s*")


def _names(author: str | None) -> frozenset[str]:
    """The names the page's author metadata gives ("Lena Cho", "A; B"): a visible line
    that is one of them is the byline's name, not a profile link."""
    if not author:
        return frozenset()
    return frozenset(n for n in _NAME_SEPARATORS.split(author) if 0 < weight(n) <= 40)


def _with_article_parts(
    paragraphs: list[str],
    visible: list[str],
    roles: dict[int, str],
    authors: frozenset[str] = frozenset(),
) -> list[str]:
    """Put back the captions, bylines, dates, subtitles and inner headlines of the article
    that trafilatura dropped: they are what the reader saw and cited (a photo caption
    describes the scene; an appended article's headline is where a Q&A interview ends).

    Only lines inside the article's span of the page come back (metadata also a few lines
    above its first paragraph), and a heading only when body text follows it.
    """
    out = list(paragraphs)
    joined = "\n".join(out)
    # A headline is its own paragraph: inside a longer one it is a most-read list's item.
    items = {
        i.removeprefix("- ") for p in out if "\n" in p or p.startswith("- ") for i in p.split("\n")
    }  # a list's
    present = [
        line in out
        or line in items
        or (len(line) >= 20 and line in joined and roles.get(i) != _HEADING)
        or f"| {line} |" in joined  # a table's cell: its row is there
        for i, line in enumerate(visible)
    ]
    at_body = [i for i, here in enumerate(present) if here]
    if not at_body:
        return out
    first, last = at_body[0], at_body[-1]
    anchor: str | None = None  # the article line the next restored line goes after
    for i, line in enumerate(visible):
        if present[i]:
            anchor = line if line in out else anchor
            continue
        role = roles.get(i)
        if role is None and byline_line(line):
            role = _META  # "입력 2025.05.12 06:00" in an unnamed list item
        elif role is None and _titles_a_byline(visible, i):
            role = _HEADING  # a board's subject cell over "글쓴이 : 관리자 날짜 : …"
        if role in (None, _LINKED) and line in authors and i <= first + 6:
            if visible.index(line) == i:  # the author's name (its first showing), as the
                role = _META  # metadata gives it, even as a link to the profile
        if role is None or (weight(line) > 400 and role != _LINKED):
            continue
        if role == _LINKED:  # prose among (or closing) the article's paragraphs, no link list
            prose = weight(line) >= 80 or classify(line)[0] == GOOD
            wanted = first < i <= last + 1 and prose and ends_sentence(line)
        elif role == _CAPTION:
            wanted = first - 8 <= i < last  # a lead photo may stand over the headline
        elif role == _META:
            wanted = first - 8 <= i < last and weight(line) <= 300
        else:
            follows = visible[i + 1] if i + 1 < len(visible) else ""
            wanted = (
                first - 8 <= i < last
                and (i > first or _only_heading_above(visible, roles, i, first))
                and weight(line) <= 120
                and (present[i + 1] or roles.get(i + 1) == _META or is_byline(follows))
            )
        if not wanted:
            continue
        top = out.index(visible[first]) if visible[first] in out else 0  # or a table's row
        at = out.index(anchor) + 1 if anchor is not None else top
        out.insert(at, line)
        present[i] = True
        anchor = line
    return _with_author_names(out, visible, present, roles)


def _titles_a_byline(visible: list[str], i: int) -> bool:
    """A title that is no heading element (a board's subject cell, a styled ``div``)
    right over the byline: several words, no sentence, no chrome."""
    line = visible[i]
    return (
        i + 1 < len(visible)
        and byline_line(visible[i + 1])
        and len(line.split()) >= 3
        and not ends_sentence(line)
        and not is_byline(line)
        and classify(line)[0] in (SHORT, NEAR)
    )


def _only_heading_above(visible: list[str], roles: dict[int, str], i: int, first: int) -> bool:
    """A heading over the article's first paragraph is its headline when only its dek, date
    and buttons stand between (the page's h1 may be the site's logo, which trafilatura then
    takes for the title), and no other heading does."""
    return all(roles.get(k) != _HEADING for k in range(i + 1, first))


def _author_name(line: str) -> bool:
    return (
        weight(line) <= 40
        and 1 <= len(line.split()) <= 4
        and not any(c.isdigit() for c in line)
        and not ends_sentence(line)
        and classify(line)[0] != BAD
    )


def _with_author_names(
    out: list[str], visible: list[str], present: list[bool], roles: dict[int, str]
) -> list[str]:
    """Put back the author's name between the headline (or dek) and the date ("Hanbit
    Bridge" over "Feb 03, 2026"), across a "Follow" button or a reading time: blog platforms
    print it as a bare link that neither trafilatura nor the byline pattern keeps."""
    for i, line in enumerate(visible):
        if not present[i] or not is_byline(line) or line not in out:
            continue
        for j in range(i - 1, max(0, i - 4), -1):
            if not present[j] and present[j - 1] and visible[j - 1] in out:
                # The author box's name is there already: "Follow" beside it is a button.
                named = roles.get(j - 1) == _META and _listed_name(visible[j - 1])
                if _author_name(visible[j]) and not named:
                    out.insert(out.index(line), visible[j])  # over the date, as a byline
                    present[j] = True
                    if j == i - 2 and _author_name(visible[i - 1]):
                        # a series label ("봉사일기") over the name ("보리차") over the date
                        out.insert(out.index(line), visible[i - 1])
                        present[i - 1] = True
                break
            if weight(visible[j]) > 20:
                break  # only buttons ("Follow", "7 min read") stand between name and date
    return out


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = one_line(value)
    return value or None


def _removed_lines(
    visible: list[str], article: str, stripped: list[RemovedText]
) -> list[RemovedText]:
    """Visible lines missing from the article, grouped, placed after the body line before them."""
    body_lines = set(article.split("\n"))
    already = {line for r in stripped for line in r.text.split("\n")}
    removed = list(stripped)
    cursor = 0
    pending: list[str] = []

    def flush() -> None:
        if pending:
            removed.append(RemovedText("\n".join(pending), REMOVED_REASON, cursor))
            pending.clear()

    for line in visible:
        if (
            line in body_lines
            or (len(line) >= 20 and line in article)
            or f"| {line} |" in article  # a table cell
        ):
            flush()
            pos = article.find(line, cursor)
            if pos >= 0:
                cursor = pos + len(line)
        elif line not in already:
            pending.append(line)
    flush()
    removed.sort(key=lambda r: r.at)
    return removed

"""Runs of lines in a web capture: what several lines together are.

Split from :mod:`moksori.ingest.boilerplate`. A line alone is judged in
:mod:`moksori.ingest.linekinds`; here neighbours change that verdict: a hard-wrapped
paragraph is prose as a whole, months in a row are an archive, a name, a date and a
few lines under "Comments" are a reader's comment, numbers counting up a few lines
apart are a PDF's page numbers, a table under "Related posts" is its list.
"""

from __future__ import annotations

import re

from moksori.ingest.linekinds import (
    ARCHIVE_ITEM,
    BAD,
    GOOD,
    LINKY,
    NEAR,
    SHORT,
    Line,
    core_of,
    density,
    is_byline,
    weight,
)
from moksori.ingest.widgets import SHARE


def listish(ln: Line) -> bool:
    """A short neutral line, or a medium one that is no sentence: a list item or menu item."""
    return ln.cls == SHORT or (ln.cls in (NEAR, LINKY) and not ln.sentence)


def author_name(text: str) -> bool:
    """A name alone ("다온나눔", "Hyejin Park"): a few words, short, no separator."""
    return weight(text) <= 20 and len(text.split()) <= 3 and not any(c in text for c in "|·•>")


def _continues(prev: Line) -> bool:
    """A long line that stops mid-sentence: the next line is its hard-wrapped continuation."""
    return prev.cls != BAD and weight(prev.text.strip()) >= 50 and not prev.sentence


def _hard_wrapped(para: list[Line]) -> bool:
    """Lines of a similar, moderate width: a paragraph wrapped by an editor or a PDF export.

    One-paragraph-per-line captures have long lines of very different lengths;
    for those each line is judged on its own.
    """
    widths = [weight(ln.text.strip()) for ln in para[:-1]]
    return (
        bool(widths)
        and min(widths) >= 40
        and max(widths) <= 130
        and max(widths) - min(widths) <= 45
    )


def mark_paragraphs(lines: list[Line]) -> None:
    """A hard-wrapped paragraph that reads as prose is body as a whole, short last line too."""
    para: list[Line] = []

    def flush() -> None:
        if len(para) >= 2 and _hard_wrapped(para):
            prose = [ln for ln in para if ln.cls != BAD]
            joined = " ".join(ln.text.strip() for ln in prose)
            if (
                (len(para) - len(prose)) * 3 <= len(para)
                and weight(joined) >= 150
                and density(joined) >= 0.2
            ):
                for i, ln in enumerate(para):
                    if ln.cls != BAD or (i > 0 and _continues(para[i - 1])):
                        ln.cls, ln.reason = GOOD, ""
        para.clear()

    for ln in lines:
        if ln.blank:
            flush()
        else:
            para.append(ln)
    flush()


def promote_archive_runs(body: list[Line]) -> None:
    """'March 2019' alone may be a heading; two or more in a row are an archive list."""
    flags = [ln.cls in (SHORT, NEAR) and bool(ARCHIVE_ITEM.match(core_of(ln.text))) for ln in body]
    for i, ln in enumerate(body):
        near = (i > 0 and (flags[i - 1] or body[i - 1].reason == "archive list")) or (
            i + 1 < len(body) and (flags[i + 1] or body[i + 1].reason == "archive list")
        )
        if flags[i] and near:
            ln.cls, ln.reason = BAD, "archive list"


def promote_icon_runs(body: list[Line]) -> None:
    """Three or more lines of one or two characters in a row ("f", "𝕏", "✉"): icon buttons."""
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and body[j].cls == SHORT and len(body[j].text.strip()) <= 2:
            j += 1
        if j - i >= 3:
            for ln in body[i:j]:
                ln.cls, ln.reason = BAD, SHARE
        i = max(j, i + 1)


_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s*)?(?:comments?|responses?|댓글|discussion about this post|top comments|"
    r"newest comments)(?:\s*[(\[]?\d+[)\]]?)?$|"
    r"^\d+ (?:responses?|comments?|replies|thoughts) (?:to|on) \S",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # "Jan 23", "March 3"
_COMMENT_DATE = re.compile(
    rf"^{_MONTH}\.? \d{{1,2}}(?:,? \d{{4}})?(?:,? (?:at )?\d{{1,2}}:\d{{2}}\s?(?:[ap]\.?m\.?)?)?$|"
    rf"^\d{{1,2}} {_MONTH}(?: \d{{4}})?$|"
    r"^\d+\s?(?:[mhdwy]|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)(?: ago)?$|"
    r"^\d+\s?(?:분|시간|일|주|개월|달|년)\s?전$|^(?:yesterday|today|어제|오늘|방금)$|"
    r"^\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    re.IGNORECASE,
)


def _comment_date(ln: Line) -> bool:
    return weight(ln.text.strip()) <= 30 and bool(_COMMENT_DATE.match(ln.text.strip()))


def promote_comment_threads(body: list[Line]) -> None:
    """Under a "Comments" heading below some body text, each reader's comment is a name,
    a date ("Jan 23", "3일 전") and a few lines of text, often closed by Like/Reply
    buttons: the comment is the reader's, not the page's, and goes with its heading.
    Only that shape is taken; other text under the heading (an appended article) stays."""
    goods = [i for i, ln in enumerate(body) if ln.cls == GOOD]
    if not goods:
        return
    heads = [
        i
        for i, ln in enumerate(body)
        if i > goods[0] and _COMMENTS_HEADING.match(core_of(ln.text)) and ln.cls != GOOD
    ]
    if not heads:
        return
    i = heads[0] + 1
    thread_end = -1
    while i + 1 < len(body):
        name, date = body[i], body[i + 1]
        if not (
            name.cls == SHORT
            and author_name(name.text.strip())
            and not _comment_date(name)
            and _comment_date(date)
        ):
            end = _dated_under(body, i, chained=i == thread_end)
            if end < 0:
                i += 1
                continue
            for ln in body[i:end]:  # name, text, date (and its Reply button)
                ln.cls, ln.reason = BAD, "comments"
            i = thread_end = end
            continue
        j = i + 2
        while (
            j < len(body)
            and j - i - 2 < 4
            and body[j].cls != BAD
            and not _comment_date(body[j])
            and weight(body[j].text.strip()) <= 600
            and not (j + 1 < len(body) and _comment_date(body[j + 1]))
        ):
            j += 1
        for ln in body[i:j]:
            ln.cls, ln.reason = BAD, "comments"
        i = j


_COUNTED = re.compile(r"[(\[]\d{1,4}[)\]]$")


def forgive_lone_counts(body: list[Line]) -> None:
    """ "정민 (26)" between two paragraphs is a name with an age (a speaker's heading, a
    photo's caption), not a category with its post count: those come in lists, never alone
    among prose. Such a line is a plain short line again."""
    for k in range(1, len(body) - 1):
        ln = body[k]
        if (
            ln.reason == "category list"
            and not ln.opens_list
            and _COUNTED.search(ln.text.strip())
            and _prose_line(body[k - 1])
            and _prose_line(body[k + 1])
        ):
            ln.cls, ln.reason = SHORT, ""


def _prose_line(ln: Line) -> bool:
    return ln.cls == GOOD or (ln.cls == NEAR and ln.sentence)


_REPLY_BUTTONS = frozenset("reply|답글|답글쓰기|답글 쓰기|좋아요|like".split("|"))


def _dated_under(body: list[Line], i: int, chained: bool = False) -> int:
    """A comment written name first, text next, date under it ("새벽달" / "읽으면서 …" /
    "2024. 1. 23. 08:12" / "답글"), as Naver prints them: where it ends, or -1. The date
    must be followed by a Reply button or the next such comment (or follow one: ``chained``),
    so an appended article's title, dek and date are not taken for one."""
    name = body[i]
    if name.cls != SHORT or not author_name(name.text.strip()) or _comment_date(name):
        return -1
    for d in range(i + 2, min(i + 4, len(body))):
        if not _comment_date(body[d]):
            if body[d].cls == BAD or weight(body[d].text.strip()) > 600:
                return -1
            continue
        after = d + 1
        if after < len(body) and core_of(body[after].text) in _REPLY_BUTTONS:
            return after + 1
        if chained or after >= len(body) or _dated_under(body, after) > 0:
            return after
        return -1
    return -1


_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+|p\.\s*)?(\d{1,3})(?:\s*[-–—])?(?:\s*/\s*\d{1,3})?$", re.I
)


def promote_page_numbers(body: list[Line]) -> None:
    """Bare numbers counting up one by one, a few lines apart ("1" ... "2" ... "3"): the
    page numbers of a document exported from PDF, not its text."""
    found = [
        (k, int(m.group(1)))
        for k, ln in enumerate(body)
        if (m := _PAGE_NUMBER.match(ln.text.strip()))
    ]
    if not found:
        return
    run: list[int] = []
    for (k, n), nxt in zip(found, found[1:] + [(-1, -1)], strict=True):
        run.append(k)
        if nxt[1] == n + 1 and nxt[0] - k >= 3:
            continue
        if len(run) >= 2:
            for r in run:
                body[r].cls, body[r].reason = BAD, "page number"
        run = []


def _link_row(ln: Line) -> bool:
    """A table row of short cells ("| Title | (2) | 2025.11.18 |"): a post list as a table."""
    text = ln.text.strip()
    if not (text.startswith("|") and text.endswith("|")):
        return False
    cells = [c.strip() for c in text.strip("|").split("|")]
    return all(weight(c) <= 80 and len(c.split()) <= 12 for c in cells)


def promote_listed_tables(body: list[Line]) -> None:
    """Rows of a table right under "Related posts" / "카테고리의 다른 글" are its items
    (table rows are otherwise content); the date lines among them go with them."""
    for i, ln in enumerate(body):
        if not ln.opens_list or ln.reason not in ("link list", "category list"):
            continue
        j = i + 1
        while j < len(body) and (_link_row(body[j]) or listish(body[j])):
            j += 1
        if any(_link_row(r) for r in body[i + 1 : j]):
            for r in body[i + 1 : j]:
                r.cls, r.reason = BAD, "link list"


_COUNT = re.compile(r"^\d[\d,.]*[kK만]?$")


_COUNT_LABELS = frozenset("조회수|조회|추천수|추천|views|hits|댓글|comments|likes|공감".split("|"))


def promote_labelled_counts(body: list[Line]) -> None:
    """A bare count under its label ("조회수" / "1,482"), as a board prints its view counter
    in two cells: the counter's, not the article's."""
    for k in range(1, len(body)):
        if (
            _COUNT.match(body[k].text.strip())
            and body[k - 1].cls == BAD
            and core_of(body[k - 1].text) in _COUNT_LABELS
        ):
            body[k].cls, body[k].reason = BAD, body[k - 1].reason


def promote_counter_runs(body: list[Line]) -> None:
    """Three or more buttons each followed by its count ("좋아요" "0" "슬퍼요" "0" ...,
    "Like" "12" "Love" "3"): a reaction row, whatever its words. A figure over its label
    ("48" "Families" "1,200" "Meals shared"), an impact counter, is the article's: a run
    that a count opens is such, and a label with a full stop ("They came.") is a sentence."""
    i = 0
    while i < len(body):
        j = i
        while (
            j + 1 < len(body)
            and body[j].cls in (SHORT, BAD)
            and weight(body[j].text.strip()) <= 20
            and not _COUNT.match(body[j].text.strip())
            and not body[j].text.rstrip().endswith((".", "!", "?"))
            and _COUNT.match(body[j + 1].text.strip())
        ):
            j += 2
        counted_first = i > 0 and _COUNT.match(body[i - 1].text.strip()) is not None
        if j - i >= 6 and not counted_first:
            for ln in body[i:j]:
                ln.cls, ln.reason = BAD, SHARE
        i = max(j, i + 1)


_NOTES_HEADING = re.compile(
    r"^(?:notes?|footnotes|endnotes|references|sources|bibliography|works cited|"
    r"각주|주석|미주|참고\s?문헌|참고\s?자료|출처)$",
    re.IGNORECASE,
)
_NOTE = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]?\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?|\*{1,3}\s?)\S")


def protect_notes(body: list[Line]) -> None:
    """Under a "Notes" / "References" / "각주" heading, numbered notes are the text's own
    (a report cites its sources there), even below a share row or a tag line: prose."""
    for i, ln in enumerate(body):
        if ln.cls == BAD or not _NOTES_HEADING.match(core_of(ln.text)):
            continue
        notes = 0
        for note in body[i + 1 :]:
            text = note.text.strip()
            if not _NOTE.match(text) or len(text.split()) < 3:
                break
            note.cls, note.reason = GOOD, ""
            notes += 1
        if notes:
            ln.cls, ln.reason = GOOD, ""  # the heading goes with its notes, never with a list


_ADDRESS = re.compile(r"^[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?$")
_REPORTER = re.compile(
    r"[가-힣]{2,4}\s?(?:기자|특파원)(?:\s|$|=)|^by\s|\b(?:reporter|correspondent)\b", re.I
)


def mark_byline_emails(body: list[Line], first: int, tail: int) -> None:
    """A reporter's e-mail ("osm@hanbitilbo.co.kr") beside the name ("오승민 기자"; over
    the body, a bare name next to a date), or alone under the last paragraph of a story
    whose byline or lead names its reporter, is the byline's (body), not the footer's
    contact address. ``tail`` is the article's last line (its closing list's last item)."""
    named = any(_REPORTER.search(ln.text) for ln in body[: first + 2])
    for k, ln in enumerate(body):
        if ln.cls != BAD or not _ADDRESS.match(ln.text.strip()):
            continue
        near = [body[j] for j in (k - 1, k + 1) if 0 <= j < len(body)]
        beside = any(
            _REPORTER.search(n.text) and is_byline(n.text) and not n.sentence for n in near
        )
        dated = k < first and any(is_byline(n.text) and not n.sentence for n in near)
        if k < first and dated and any(n.cls == SHORT and author_name(n.text) for n in near):
            beside = True  # "Mina Park", the e-mail, "June 2, 2025"
        if beside or (k == tail + 1 and named):
            ln.cls, ln.reason, ln.byline = SHORT, "", True


def article_tail(body: list[Line], last: int) -> int:
    """The article's last line: its last prose line, or the short lines right under it (a
    closing list's items, a one-line paragraph) up to the first chrome. The reporter's
    e-mail and the filing time stand under those, not under the last long paragraph."""
    k = last
    while k + 1 < len(body) and k + 1 - last <= 6 and body[k + 1].cls in (SHORT, NEAR):
        k += 1
    return k


_ITEM = re.compile(r"^(?:[-–•·*]|\d{1,2}[.)])\s+\S+\s+\S")  # "- 자격증 취득 장려금 신설"


def closing_list(body: list[Line], i: int, j: int) -> bool:
    """Lines ``i..j`` are the list a sentence of the article announces ("이번 방안에는 다음
    내용도 담겼다."): marked items of two words or more (a menu's are one word, unmarked),
    perhaps followed by the reporter's e-mail. Removed as a menu, they took body with them."""
    items = [ln for ln in body[i:j] if not ln.byline]
    return (
        i > 0
        and body[i - 1].cls in (GOOD, NEAR)
        and bool(body[i - 1].sentence)
        and len(items) >= 2
        and all(_ITEM.match(ln.text.strip()) for ln in items)
    )


def footer_note(body: list[Line], goods: list[int]) -> int | None:
    """The disclaimer under the site's footer ("All quotes delayed a minimum of 15
    minutes."), if any: the last line that is not chrome, short, standing below a footer
    with three or more short links and two footer links (Terms, Privacy ...)."""
    note = max((k for k, ln in enumerate(body) if ln.cls != BAD), default=-1)
    prev = [g for g in goods if g < note]
    if note < 0 or not prev or weight(body[note].text.strip()) > 300:
        return None
    gap = body[prev[-1] + 1 : note]
    footers = sum(1 for ln in gap if ln.cls == BAD and ln.reason == "footer")
    links = sum(1 for ln in gap if ln.cls in (SHORT, LINKY))
    return note if len(gap) >= 6 and footers >= 2 and links >= 3 else None


def announced_items(body: list[Line], first: int, last: int) -> set[int]:
    """Items of a list that the article announces with a colon ("The centre offers:" over
    "Korean", "English", "Accounting"): body, even an item that alone reads as a menu word
    ("English", "Contact"). Only navigation words are forgiven, never a share, donate or
    cookie line, and only inside the body."""
    found: set[int] = set()
    for k in range(max(first, 0), last):
        intro = body[k]
        if intro.cls == BAD or intro.text.rstrip()[-1:] not in ":：":
            continue
        j = k + 1
        while j < last and (
            body[j].cls in (SHORT, NEAR)
            and not body[j].sentence
            or (body[j].cls == BAD and body[j].reason == "navigation")
        ):
            j += 1
        if j - k - 1 >= 2:
            found.update(i for i in range(k + 1, j) if weight(body[i].text.strip()) <= 40)
    return found

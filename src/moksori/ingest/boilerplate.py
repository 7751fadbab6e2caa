"""Remove web chrome (menus, banners, footers ...) from plain-text web captures.

Researchers save web pages as text; the body sentences are evidence and must
all survive, while menus, donate banners, tag clouds, archive months, share
buttons and footers should not be indexed. The approach follows jusText's idea
(classify lines by length and function-word density, then smooth by context)
but is tuned for recall: a line is dropped only on clear evidence, and
everything dropped is returned as :class:`RemovedText`.

Only lines are dropped, never rewritten, so the kept text is made of the
original lines (hard-wrapped paragraphs stay hard-wrapped). What a line is on
its own is decided in :mod:`moksori.ingest.linekinds`; this module judges it by
where it stands (above, inside or below the body).
"""

from __future__ import annotations

import re

from moksori.ingest.articleparts import (
    article_end,
    article_head,
    credit,
    dateline,
    repeated_stamps,
    salutation,
)
from moksori.ingest.linekinds import (
    BAD,
    DECORATION,
    GOOD,
    LINKY,
    LIST_REASONS,
    NEAR,
    SHORT,
    Line,
    classify,
    core_of,
    heads_list,
    is_byline,
    weight,
)
from moksori.ingest.lineruns import (
    announced_items,
    article_tail,
    closing_list,
    footer_note,
    forgive_lone_counts,
    listish,
    mark_byline_emails,
    mark_paragraphs,
    promote_archive_runs,
    promote_comment_threads,
    promote_counter_runs,
    promote_icon_runs,
    promote_labelled_counts,
    promote_listed_tables,
    promote_page_numbers,
    protect_notes,
)
from moksori.ingest.model import RemovedText
from moksori.ingest.turns import is_speaker_turn
from moksori.ingest.widgets import IMAGE, LOGO_ROW, SHARE

__all__ = ["has_body_text", "is_speaker_turn", "looks_like_web_capture", "strip_boilerplate"]


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(pos, raw))
        pos += len(raw) + 1
    return lines


def _classified_lines(text: str) -> list[Line]:
    lines = _split_lines(text)
    for ln in lines:
        if not ln.blank:
            ln.cls, ln.reason, ln.sentence = classify(ln.text)
    mark_paragraphs(lines)
    nonblank = [ln for ln in lines if not ln.blank]
    promote_archive_runs(nonblank)
    promote_icon_runs(nonblank)
    promote_counter_runs(nonblank)
    promote_labelled_counts(nonblank)
    for ln in nonblank:
        ln.opens_list = ln.cls == BAD and heads_list(ln)
    promote_listed_tables(nonblank)
    forgive_lone_counts(nonblank)
    promote_comment_threads(nonblank)
    promote_page_numbers(nonblank)
    protect_notes(nonblank)
    return lines


def _chrome(ln: Line) -> bool:
    """Explicit chrome that is evidence of a web page (a decorative rule is not)."""
    return ln.cls == BAD and ln.reason != DECORATION


def _says_something(ln: Line) -> bool:
    """A short sentence ("We crossed at night.") that position alone must never remove
    (a date such as "2025. 1. 31." ends in a full stop but says nothing)."""
    text = ln.text.strip()
    return bool(
        ln.sentence
        and any(c.isalpha() for c in text)
        and (len(text.split()) >= 3 or weight(text) >= 12 or _STOPPED.search(text))
    )


# "고맙습니다.", "Free time.", "Why now?": a word or two with its own full stop is a sentence
# (a menu item has none; "Loading..." trails off).
_STOPPED = re.compile(r"\w{2}[\"'”’)]?[.!?。]$")


_COUNTER_LIKE = re.compile(r"^(?:\d[\d,.]*\s?[kKmM천만]?|[∙·•]\s?\S+)$")


def _tiny(ln: Line) -> bool:
    text = ln.text.strip()
    return (
        ln.cls == SHORT
        and weight(text) <= 12
        and len(text.split()) <= 2
        and not ln.sentence
        and not dateline(ln)
    )


def _button_neighbours(
    body: list[Line], first: int, titled: bool, head: frozenset[int] = frozenset()
) -> set[int]:
    """A share row's other buttons and counts ("Notes", "More", "통계", "12", "∙ Paid"):
    tiny lines chained to a share-button line; in the body only counts and badges. The
    line just over the body may be its title, unless a dated heading was found above; the
    author's name over that date ("River Bridge" under "Follow · 7 min read") is never one."""
    found: set[int] = set()
    changed = True
    while changed:
        changed = False
        for k, ln in enumerate(body):
            if k in found or k in head or ln.cls == BAD or not _tiny(ln):
                continue
            if k == first - 1 and not titled:
                continue
            if k > first and not _COUNTER_LIKE.match(ln.text.strip()):
                continue
            near = [j for j in (k - 1, k + 1) if 0 <= j < len(body)]
            if any(j in found or (body[j].cls == BAD and body[j].reason == SHARE) for j in near):
                found.add(k)
                changed = True
    return found


def _drop_button_neighbours(body: list[Line], first: int, head: set[int]) -> None:
    for k in _button_neighbours(body, first, bool(head), frozenset(head)):
        if body[k].keep:
            body[k].keep, body[k].reason = False, SHARE


def _logo_name(ln: Line) -> bool:
    """A name under "As seen on": short, a few words (a headline has more), no sentence, no date."""
    text = ln.text.strip()
    return (
        weight(text) <= 40 and len(text.split()) <= 5 and not ln.sentence and not is_byline(ln.text)
    )


def _links_inside_body(heading: Line, items: list[Line]) -> bool:
    """Whether the short lines under a list heading inside the body are its items.

    A logo row ("As seen on") always; "Related" links too, unless a byline
    among them or just after them shows an embedded article (its headline,
    then its date) that the body goes on to quote.
    """
    if heading.reason == LOGO_ROW:
        return True
    return heading.reason == "link list" and not any(is_byline(ln.text) for ln in items)


def _decide(body: list[Line]) -> None:
    """Context smoothing over the non-blank lines; sets ``keep`` and ``reason``."""
    goods = [i for i, ln in enumerate(body) if ln.cls == GOOD]
    if not goods or not any(_chrome(ln) for ln in body):
        return  # no body or no clear chrome: unsure, keep everything
    note = footer_note(body, goods)
    if note is not None:
        body[note].cls, body[note].reason = BAD, "footer"
        goods = [g for g in goods if g != note]
    first, last = goods[0], article_end(body, goods)
    tail = article_tail(body, last)
    mark_byline_emails(body, first, tail)

    # Title and byline just above the body are kept, even across share buttons;
    # other chrome above them (menu, banner) ends the heading. A share row's tiny
    # buttons do not use up its three lines (the line just over the body may be a title).
    buttons = _button_neighbours(body, first, titled=False)
    heading: set[int] = set()
    counted = 0
    k = first - 1
    while k >= 0 and counted < 3 and first - k <= 10:
        ln = body[k]
        row = k in buttons or (ln.cls == BAD and ln.reason == SHARE)
        titled = any(body[h].cls == NEAR and not dateline(body[h]) for h in heading)
        if row and titled and k > 0 and (k - 1 in buttons or body[k - 1].reason == SHARE):
            break  # a share row over the headline: the site's header begins
        if ln.reason in (DECORATION, IMAGE) or k in buttons:
            k -= 1
            continue
        if ln.cls == LINKY or (ln.cls == BAD and ln.reason != SHARE):
            break
        if ln.cls in (SHORT, NEAR):
            heading.add(k)
            counted += 1
        k -= 1

    head = article_head(body, first)
    heading |= head

    # Lines following a list heading ("Tags", "Archives", "Related posts") are its items; a
    # logo row printed on one line ("A · B · C") is the only item of its heading.
    listed: dict[int, str] = {}
    i = 0
    while i < len(body):
        ln = body[i]
        if not ln.opens_list:
            i += 1
            continue
        j = i + 1
        while (
            j < len(body)
            and j not in heading
            and not (ln.reason == LOGO_ROW and not _logo_name(body[j]))
            and not (ln.reason == LOGO_ROW and j > i + 1 and body[i + 1].cls == LINKY)
            and (
                listish(body[j])
                or body[j].reason == DECORATION
                or (j > last and body[j].cls in (NEAR, SHORT, LINKY))
            )
        ):
            j += 1
        followed_by_chrome = j >= len(body) or body[j].cls in (BAD, LINKY)
        if not followed_by_chrome and first < i < last:
            followed_by_chrome = _links_inside_body(ln, body[i + 1 : j + 1])
        for k in range(i + 1, j):
            if not (first < k < last) or followed_by_chrome:
                listed[k] = ln.reason if ln.reason in LIST_REASONS else "navigation"
        i = j

    # Runs of three or more short lines: a menu (only removed outside the body),
    # unless a line ending in a colon introduces them as a list.
    menu: set[int] = set()
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and body[j].cls in (SHORT, LINKY):
            j += 1
        introduced = i > 0 and body[i - 1].cls != BAD and body[i - 1].text.rstrip()[-1:] in ":："
        introduced = introduced or closing_list(body, i, j)
        if j - i >= 3 and not introduced:
            menu.update(range(i, j))
        i = max(j, i + 1)

    # "Get the Riverside roundup" over a sign-up form, "About KIPR" over the organisation's
    # status and appeal, "Ready for more?" over a Subscribe button: the widget's own heading.
    widget_heads = {
        k
        for k in range(len(body) - 2)
        if k not in heading
        and not (k > 0 and salutation(body[k - 1].text.strip()))  # the sender's name
        and listish(body[k])
        and (not body[k].sentence or body[k].text.rstrip().endswith("?"))
        and weight(body[k].text.strip()) <= (60 if not body[k].sentence else 40)
        and all(ln.cls == BAD and ln.reason in ("banner", "footer") for ln in body[k + 1 : k + 3])
        and any(ln.reason == "banner" for ln in body[k + 1 : k + 3])
    }
    header_bad = [k for k in range(first) if _chrome(body[k])]
    # The site's chrome (a menu, a banner) closes its header: a share row, the lead photo's
    # file name or a document's furniture (a UN paper's job number) may stand between the
    # headline (and its deks) and the first paragraph. A page with no other chrome up there
    # (a newsletter capture) has its share row as header.
    site_bad = [k for k in header_bad if body[k].reason not in (SHARE, IMAGE, "footer")]
    site_bad = site_bad or [k for k in header_bad if body[k].reason != "footer"]
    # An image's file name under the last paragraph is the article's, not the footer's start;
    # the reporter's e-mail there closes the story (it stays, what follows is the footer's).
    footer_bad = [
        k
        for k in range(last + 1, len(body))
        if (_chrome(body[k]) and body[k].reason != IMAGE) or body[k].byline
    ]
    announced = announced_items(body, first, last)
    for k, ln in enumerate(body):
        if ln.cls == GOOD or k in announced:
            continue
        if ln.cls == BAD:
            ln.keep = False
        elif k in listed:
            ln.keep, ln.reason = False, listed[k]
        elif k in widget_heads:
            ln.keep, ln.reason = False, "banner"
        elif first < k < last or _says_something(ln):
            continue  # inside the body short lines, lists and headings stay; sentences anywhere
        elif k > last and credit(body, k, tail):
            continue
        elif k < first and header_bad:
            if ln.cls == LINKY or (k in menu and k not in heading):
                ln.keep, ln.reason = False, ln.reason or "navigation"
            elif listish(ln) and k < max(site_bad, default=-1) and k not in heading:
                if not dateline(ln):
                    ln.keep, ln.reason = False, "navigation"
        elif k > last and footer_bad:
            if ln.cls == LINKY or k in menu:
                ln.keep, ln.reason = False, ln.reason or "link list"
            elif k > footer_bad[0] and (ln.cls == SHORT or not ln.sentence):
                ln.keep, ln.reason = False, "footer"
    _drop_repeated_chrome(body, first, last, heading | head)
    _drop_button_neighbours(body, first, head)
    _drop_sandwiched(body, tail)
    for k in repeated_stamps(body):
        body[k].keep, body[k].reason = False, "navigation"


# How far under the article's last line its credits and sign-off may stand (as in credit()).
_CREDIT_LINES = 4
# The longest line taken with the chrome around it: a teaser or a bio; a paragraph of prose
# only when it is as short as a teaser (a closing paragraph is seldom).
_SANDWICHED, _SANDWICHED_PROSE = 150, 80


def _drop_sandwiched(body: list[Line], tail: int) -> None:
    """Under the article, past its credits, a short line between two removed lines is part
    of the chrome around it (a related post's teaser under its title and over its date, the
    author box's bio between "318 Followers" and "Follow"), even when it reads as a
    sentence. Judged on the first verdicts only, so a run of such lines is not eaten."""
    removed = [not ln.keep and ln.reason != DECORATION for ln in body]
    for k in range(tail + _CREDIT_LINES + 1, len(body) - 1):
        ln = body[k]
        most = _SANDWICHED_PROSE if ln.cls == GOOD else _SANDWICHED
        if ln.keep and removed[k - 1] and removed[k + 1] and weight(ln.text.strip()) <= most:
            ln.keep, ln.reason = False, body[k + 1].reason


def _drop_repeated_chrome(body: list[Line], first: int, last: int, heading: set[int]) -> None:
    """A section label over the headline ("Asia Pacific", "Society") that the page also
    shows in its menu or in a related list is the site's navigation, not the article's:
    a short line outside the body whose words are those of a removed line. The headline
    itself (the heading line nearest the body) may recur in a list and stays."""
    removed = set()
    for ln in body:
        if not ln.keep:
            removed.add(core_of(ln.text))
            removed.update(_menu_items(ln.text))  # "Home · Programs · Stories · Give"
    titles = [k for k in heading if k < first and not dateline(body[k])]
    title = max(titles, default=-1)
    for k, ln in enumerate(body):
        items = _menu_items(ln.text) or [core_of(ln.text)]
        if (
            ln.keep
            and (k < first or k > last)
            and k != title
            and ln.cls == SHORT
            and not ln.sentence
            and weight(ln.text.strip()) <= 40
            and len(ln.text.split()) <= 4 + len(items)
            and not dateline(ln)
            and (core_of(ln.text) in removed or items[0] in removed)
        ):
            ln.keep, ln.reason = False, "navigation"


_MENU_SEPARATORS = re.compile(r"\s+[|·•∙]\s+")


def _menu_items(text: str) -> list[str]:
    """The items of a separated line ("Refugee Voices · Interview"), if it is one."""
    parts = [core_of(p) for p in _MENU_SEPARATORS.split(text.strip())]
    return parts if len(parts) >= 2 and all(0 < weight(p) <= 30 for p in parts) else []


_CAPTURE_MAX_AVERAGE_LINE = 5_000
# Cheap words that a page's widgets carry; a transcript without three such lines is settled
# before any line is classified (plain substring tests: a regex per line costs ten times more).
_WIDGET_WORDS = (
    "©", "ⓒ", "rights reserved", "donat", "후원", "subscri", "구독", "newsletter", "뉴스레터",
    "share", "tweet", "공유",
)  # fmt: skip
_IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def _widget_hint(line: str) -> bool:
    lowered = line.casefold()
    return any(w in lowered for w in _WIDGET_WORDS) or lowered.rstrip().endswith(_IMAGE_ENDINGS)


_PAGE_WIDGETS = frozenset({"banner", "footer", "share buttons", IMAGE, LOGO_ROW, "cookie notice"})


def looks_like_web_capture(text: str) -> bool:
    """True only on clear evidence of web chrome: several chrome lines of two or more kinds.

    Interview transcripts (many speaker turns), essays and papers have at most
    an odd line that looks like chrome, so they stay False.
    """
    # A capture is many short lines. Lines of thousands of characters on
    # average (a file with no line breaks) are not one, and classifying a
    # megabyte line would cost seconds and a word list as long as the text.
    if len(text) > (text.count("\n") + 1) * _CAPTURE_MAX_AVERAGE_LINE:
        return False
    # The turn count needs only the raw lines, and settles most transcripts
    # before the costly per-line classification (a fifth of ingest's own work).
    raw = [s for s in text.split("\n") if s.strip()]
    if not raw:
        return False
    others = [s for s in raw if not is_speaker_turn(s)]
    interview = (len(raw) - len(others)) * 10 >= len(raw) * 3
    if interview and sum(1 for s in others if _widget_hint(s)) < 3:
        return False
    lines = [ln for ln in _classified_lines(text) if not ln.blank]
    bad = [ln for ln in lines if _chrome(ln)]
    kinds = {ln.reason for ln in bad}
    if interview:
        # A Q&A page is mostly turns: only widgets no interview has make it a page.
        widgets = [ln for ln in bad if ln.reason in _PAGE_WIDGETS]
        return len(widgets) >= 3 and len({ln.reason for ln in widgets}) >= 2
    signals = len(bad) + sum(1 for ln in lines if ln.cls == LINKY)
    return (signals >= 3 and len(kinds) >= 2) or signals >= 6


def has_body_text(text: str) -> bool:
    """Whether anything reads as content rather than menus, links and footers.

    Prose or a sentence counts; so does a short line (a title, a poem) unless it
    sits in a run of short lines together with explicit chrome ("Home",
    "Donate now", "© 2024"): that run is a menu.
    """
    lines = [ln for ln in _classified_lines(text) if not ln.blank]
    if any(ln.cls in (GOOD, NEAR) or (ln.cls == SHORT and ln.sentence) for ln in lines):
        return True
    has_chrome = any(_chrome(ln) or ln.cls == LINKY for ln in lines)
    return any(ln.cls == SHORT for ln in lines) and not (has_chrome and len(lines) >= 2)


def strip_boilerplate(text: str) -> tuple[str, list[RemovedText]]:
    """Drop chrome lines from normalised text; return (kept text, removed pieces).

    Paragraph breaks are kept (a removed line separates paragraphs), blank-line
    runs collapse to one, and each removed piece records the offset in the kept
    text where it stood.
    """
    lines = _classified_lines(text)
    _decide([ln for ln in lines if not ln.blank])
    if all(ln.keep for ln in lines):
        return text, []
    out: list[str] = []
    size = 0
    pending_break = False
    removed: list[RemovedText] = []
    current: list[Line] = []

    def close_piece() -> None:
        if current:
            piece = text[current[0].start : current[-1].start + len(current[-1].text)]
            removed.append(RemovedText(piece.strip("\n"), current[0].reason, size))
            current.clear()

    for ln in lines:
        if ln.blank:
            pending_break = True
            continue
        if not ln.keep:
            if current and current[-1].reason != ln.reason:
                close_piece()
            current.append(ln)
            pending_break = True
            continue
        close_piece()
        if out:
            sep = "\n\n" if pending_break else "\n"
            out.append(sep)
            size += len(sep)
        out.append(ln.text)
        size += len(ln.text)
        pending_break = False
    close_piece()
    return "".join(out), removed

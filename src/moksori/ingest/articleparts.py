"""Where a web page's article begins and ends: its head (headline, deks, date and author
lines over the first paragraph) and the credits and sign-off under its last one.

These lines are short and no prose, like the menus around them; :mod:`boilerplate` keeps
them because of where they stand.
"""

from __future__ import annotations

import re

from moksori.ingest.linekinds import BAD, DECORATION, GOOD, NEAR, SHORT, Line, is_byline, weight
from moksori.ingest.lineruns import author_name
from moksori.ingest.widgets import IMAGE, LOGO_ROW, SHARE


def article_head(body: list[Line], first: int) -> set[int]:
    """A date line above the body with the author and title just over it ("다온나눔",
    "2025. 2. 11. 14:32"): the article's own heading, whatever menus stand around it."""
    head: set[int] = set()
    for k in range(max(0, first - 12), first):
        if not dateline(body[k]) or (k > 0 and dateline(body[k - 1])):
            continue  # from the top line of a run of date and author lines
        j = k + 1
        while j < first and dateline(body[j]):
            j += 1
        head.update(range(k, j))
        j = k - 1
        while j >= max(0, k - 4) and body[j].cls == BAD and body[j].reason in (SHARE, DECORATION):
            j -= 1  # "Joon Ahn" / "Follow" / "7 min read" / "·" over "Feb 3, 2024"
        if j >= 0 and body[j].cls == SHORT and author_name(body[j].text.strip()):
            head.add(j)  # "다온나눔" over "2025. 2. 11. 14:32"
            j -= 1
        if j >= 0 and body[j].cls in (SHORT, NEAR):
            head.add(j)  # the headline, or its dek
            for up in range(j - 1, max(-1, j - 3), -1):  # the headline over one or two deks
                if not titled(body[up]):
                    break  # a kicker has a word or two, or separators
                head.add(up)
    for k in range(max(0, first - 12), first - 1):
        if k > 0 and dateline(body[k - 1]) and dateline(body[k + 1]):
            if body[k].cls in (SHORT, NEAR):
                head.add(k)  # a headline between its date and its byline
    return head


_SEPARATED = re.compile(r"(?:^|\s)[|·•>›»](?:\s|$)")


def titled(ln: Line) -> bool:
    """A headline or a dek line: short, three words or more, no date, no separators
    ("사회 > 복지" and "Refugee Voices · Interview" are kickers; "치과·정신건강" is not)."""
    return (
        ln.cls in (SHORT, NEAR)
        and not dateline(ln)
        and len(ln.text.split()) >= 3
        and not _SEPARATED.search(ln.text)
    )


def dateline(ln: Line) -> bool:
    """A date or an author line ("2025-06-02", "글 박서윤"): part of the article's heading
    even where a view counter or share row stands between it and the body."""
    text = ln.text.strip()
    bare = not any(c.isalpha() for c in text)  # "2026. 3. 3." ends in a full stop
    return ln.byline or (weight(text) <= 120 and (bare or not ln.sentence) and is_byline(text))


def credit(body: list[Line], k: int, last: int) -> bool:
    """A photo's caption under its file name, or a credit ("(Translated by Hana Seo)") or
    sign-off a few lines under the last paragraph: the article's, even past a share row."""
    ln = body[k]
    if ln.cls not in (SHORT, NEAR):
        return False
    if body[k - 1].reason == IMAGE:
        return True
    said = " ".join(b.text for b in body[max(0, last - 3) : k])
    text = ln.text.strip()
    signed = weight(text) <= 60 and (
        _CREDIT_LINE.search(text)
        or (_SIGN_OFF.search(text) and not any(c.isdigit() for c in text))
        or salutation(text)
        or (salutation(body[k - 1].text.strip()) and len(text.split()) <= 4 and not ln.sentence)
    )
    return k - last <= 4 and bool(dateline(ln) or signed) and ln.text.strip() not in said


# The writer's sign-off or a photo credit under the last paragraph ("- 봄날나눔 사무국 드림",
# "— Hana Lee, coordinator", "사진: 봄날나눔", "Photos: Min Park").
# A dash line must name someone ("- 은별(가명), 멘티", "— Hana Lee, coordinator"): "- About"
# is a menu item in a text capture and "- 훈훈해요 4" a reaction count.
_SIGN_OFF = re.compile(r"^[-–—]\s?[\w(][^,(]*[,(]|(?:드림|올림)$")
# A letter's closing over the sender's name ("With gratitude, 고맙습니다," / "Haemil Bridge").
_SALUTATION = re.compile(
    r"^(?:with (?:gratitude|thanks|love|warm regards|best wishes)|warmly|warm regards|"
    r"best(?: wishes)?|sincerely|yours(?: truly)?|kind regards|regards|in solidarity|"
    r"thank you|thanks|감사합니다|고맙습니다|감사드리며|사랑을 담아)[^.!?]{0,20},$",
    re.IGNORECASE,
)


def salutation(text: str) -> bool:
    """A letter's closing line ("With gratitude,", "Warmly,"): the sign-off under it."""
    return weight(text) <= 60 and bool(_SALUTATION.search(text))


_CREDIT_LINE = re.compile(
    r"^(?:사진|그림|글|영상|photos?|images?|illustrations?)\s?[:：=]", re.IGNORECASE
)


# Chrome lines (a comments block, "More from …", a follow box) between the article's last
# paragraph and a later prose line that mark the later one as a teaser, not the article's;
# among them a list's heading ("More from", "Related") or a reader's comment.
_END_CHROME = 4


def article_end(body: list[Line], goods: list[int]) -> int:
    """The article's last prose line: the last of ``goods``, unless a block of chrome with a
    list's heading or a comment in it stands between some paragraph and the rest, and the
    rest are lone lines (a related post's teaser under its title), not paragraphs that
    follow one another (an appended article), and far less text than the article above."""
    for n, g in enumerate(goods[:-1]):
        gap = body[g + 1 : goods[n + 1]]
        if sum(1 for ln in gap if ln.cls == BAD and ln.reason != DECORATION) < _END_CHROME:
            continue
        if not any(
            (ln.opens_list and ln.reason != LOGO_ROW) or ln.reason == "comments" for ln in gap
        ):
            continue  # a sign-up box or share row inside the article, not its end
        rest = goods[n + 1 :]
        alone = all(r + 1 >= len(body) or body[r + 1].cls != GOOD for r in rest)
        above = sum(weight(body[k].text) for k in goods[: n + 1])
        if alone and sum(weight(body[k].text) for k in rest) * 4 <= above:
            return g
    return goods[-1]


# Three stamps of one shape ("작성일 26-11-09 22:41" over every reply) are a thread's or a
# list's per-item furniture; an article prints its own date (and its update) once or twice.
_STAMP_REPEATS = 3
_DIGITS = re.compile(r"\d")
# A month's or a time's word is the date, not a label ("Feb 3, 2024" under every comment
# of a capture is no labelled stamp: the article's own date has that shape too).
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b[ap]\.?m\.?\b",
    re.IGNORECASE,
)


def repeated_stamps(body: list[Line]) -> set[int]:
    """Date lines of a labelled shape that recurs on the page: each reply's or each listed
    post's stamp, not the article's date."""
    shapes: dict[str, list[int]] = {}
    for k, ln in enumerate(body):
        text = ln.text.strip()
        labelled = any(c.isalpha() for c in _DATE_WORDS.sub("", text))
        if labelled and dateline(ln) and any(c.isdigit() for c in text):
            shapes.setdefault(_DIGITS.sub("0", text), []).append(k)
    return {k for ks in shapes.values() if len(ks) >= _STAMP_REPEATS for k in ks}

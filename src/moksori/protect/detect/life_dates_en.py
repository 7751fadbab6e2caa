"""English dates a witness fixes by her own life or her country's calendar.

Why: "the winter after my graduation", "the year the Dear Leader died", "the second
summer", "Liberation Day", "the 70th anniversary of the Party", "2011, December" each
fix a time as well as a year does, yet none holds a year the date rules read. Said
in testimony they are dates; in a paper ("the year after the survey") they are not
proposed (:func:`moksori.protect.detect.voice.is_testimony`). The article stays
outside the span ("the [date]"), as the other English date rules leave it.
"""

from __future__ import annotations

import re

from moksori.protect.detect import sparse
from moksori.protect.detect.voice import is_testimony
from moksori.protect.spans import PiiType, Span

NAME = "date"
_SEASON = r"(?:year|winter|summer|spring|autumn|fall|month|week|day|night|morning)"
_END = r"(?=[,.;:!?)\"”]|\s(?:when|and|I|we|he|she|they|my|our|in|at)\b|$)"
# "the winter after my graduation", "the week before Mid-Autumn", "the day after the raid".
EN_BY_EVENT = re.compile(
    rf"(?=[tT])\b(?i:the)\s{_SEASON}\s(?:after|before)\s"
    rf"(?:(?:my|his|her|our|their|the)\s)?(?:[A-Za-z][a-z'-]+\s){{0,2}}?[A-Za-z][A-Za-z'-]+{_END}"
)
# "Kyongwon the year after.": the year after one the text gives.
EN_YEAR_AFTER = re.compile(rf"(?=[tT])\b(?i:the)\s{_SEASON}\s(?:after|before){_END}")
# "The year the Dear Leader died", "the year my father was arrested", "the year of the
# liberation".
EN_THE_YEAR = re.compile(
    r"(?=[tT])\b(?i:the)\s(?:year|winter|summer|spring|autumn)\s"
    r"(?:(?:the|my|his|her|our|their)\s(?:[A-Za-z][a-z'-]+\s){1,3}?"
    r"(?:died|was\sborn|were\sborn|was\sarrested|were\sarrested|came|left|married|graduated"
    r"|collapsed|flooded|began|ended|started)"
    r"|of\sthe\s(?:liberation|famine|flood|floods|war|arrests|purge|currency\s(?:reform|change))\b)"
)
# "In the second summer I walked away": a season counted from an arrival.
EN_ORDINAL = re.compile(
    r"(?=[tT])\b(?i:the)\s(?:first|second|third|fourth|fifth|following|next)\s"
    r"(?:summer|winter|spring|autumn|year)\b(?!\s(?:of\s(?:school|university|college|study)))"
)
# "for the 70th anniversary of the Party".
EN_ANNIVERSARY = re.compile(
    r"(?=[tT\d])\b(?:the\s)?\d{1,3}(?:st|nd|rd|th)\sanniversary\sof\s(?:the\s)?"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
)
# Holidays and great events the Korean-calendar rules do not hold.
EN_HOLIDAY = re.compile(
    r"(?=[LMEOVPAKtT])\b(?:Liberation\sDay|Mid-Autumn(?:\sFestival)?|Eid(?:\sal-(?:Fitr|Adha))?"
    r"|Victory\sDay|Party\sFoundation\sDay|Army\sDay|Children's\sUnion\sDay"
    r"|(?:the\s)?Olympic\s(?:summer|year|games)|(?:the\s)?(?:Beijing\s)?Olympics)\b"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_MONTHS = _MONTH[3:-1].replace("\n", "").split("|")
# "2011, December, just before": the month said after its year.
EN_YEAR_THEN_MONTH = re.compile(rf"(?=[12])\b(?:19|20)\d{{2}},\s(?P<m>{_MONTH})\b(?!\s\d)")


def find(text: str) -> list[Span]:
    """Dates of a life in English text; nothing unless it is testimony."""
    if not re.search(r"[A-Za-z]", text) or not is_testimony(text):
        return []
    out: list[Span] = []
    low = text.lower()
    for rx, conf, words in (
        (EN_BY_EVENT, 0.45, ("after", "before")),
        (EN_YEAR_AFTER, 0.35, ("after", "before")),
        (EN_THE_YEAR, 0.45, ("the year", "the winter", "the summer", "the spring", "the autumn")),
        (EN_ORDINAL, 0.35, ("first", "second", "third", "fourth", "fifth", "following", "next")),
        (EN_ANNIVERSARY, 0.5, ("anniversary",)),
        (EN_HOLIDAY, 0.35, ("day", "autumn", "eid", "olympic")),
    ):
        if not any(w in low for w in words):
            continue  # a substring test is far cheaper than the pattern
        for m in sparse.finditer(rx, text):
            start = m.start() + (4 if m.group().lower().startswith("the ") else 0)
            out.append(Span(start, m.end(), PiiType.DATE, conf, NAME, {"relative": True}))
    for m in sparse.finditer(EN_YEAR_THEN_MONTH, text):
        month = _MONTHS.index(m.group("m")) + 1
        out.append(Span(m.start("m"), m.end("m"), PiiType.DATE, 0.5, NAME, {"month": month}))
    return out

"""Dates, ages and cohorts: the quasi-identifiers of time.

A date of arrival, a year of leaving, an age and a Hanawon cohort together
single out one person among a few thousand migrants, so they are found and
generalised rather than deleted. ``info`` carries the parsed parts
({"year": 2011, "month": 3, "day": 14}) for the generaliser.

Decisions:
* A bare year ("2014년", "in 2014") is reported with low confidence: years of
  leaving are quasi-identifiers, but most years in a text are harmless.
* Two-digit years (11년 3월) are read as 19xx/20xx around ``CURRENT_YY`` with
  lower confidence; a bare "11년" only with a particle that makes it a year
  (11년에, 97년 겨울), since "10년 동안" is a duration.
* Relative dates are reported only with a month ("작년 3월", "last March"),
  at confidence 0.3, with {"relative": True}; "작년" alone identifies no one.
* North Korean Juche years (주체98년 = 2009) are converted.
* Clock times alone are not reported; a time right after a date is part of the
  date span. Weekdays, holidays, relative years and the famine as people say them
  are in :mod:`moksori.protect.detect.spoken_dates` (a weekday at 0.25).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from moksori.protect.detect import (
    ages,
    cohorts,
    identifiers,
    life_dates_en,
    life_times,
    numbers,
    said_ages,
    sparse,
    spoken_dates,
)
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "temporal"

# A pattern starting with (?=[…]) names the characters a match can start with: the
# regex engine then passes over every other position at once (scans run 3–5× faster).
_LUNAR = r"(?P<lunar>(?:음력|양력|陰曆|lunar)\s?)?"
_Y4 = r"(?:19|20)\d{2}"
_TIME = r"(?:(?:\s|T|,\s)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?)?)?"
_D = r"\-‐‑–−"

KO_FULL = re.compile(
    rf"(?=[음양陰l'\d]){_LUNAR}(?<![\d.])(?P<y>{_Y4}|'?\d{{2}})\s?년\s?(?:도\s?)?(?P<m>\d{{1,2}})\s?월\s?"
    r"(?P<d>\d{1,2})\s?일"
)
KO_YM = re.compile(
    rf"(?=[음양陰l'\d]){_LUNAR}(?<![\d.])(?P<y>{_Y4}|'?\d{{2}})\s?년\s?(?:도\s?)?(?P<m>\d{{1,2}})\s?월(?!\s?\d)"
)
KO_MD = re.compile(
    rf"(?=[음양陰l\d]){_LUNAR}(?<![\d.])(?P<m>\d{{1,2}})\s?월\s?(?P<d>\d{{1,2}})\s?일"
)
KO_YEAR = re.compile(r"(?=[12])(?<![\d.,])(?P<y>(?:19|20)\d{2})\s?년(?:도)?(?!\s?생|도\s?생|\s?대)")
KO_YY = re.compile(
    r"(?=['\d])(?<![\d.,])'?(?P<y>\d{2})\s?년(?:도)?"
    r"(?=\s?(?:에|엔|도|부터|까지|쯤|경|초|말|봄|여름|가을|겨울|당시|즈음|무렵|께|이었|이던|인가|인데|였|작"
    r"|그때|그 때|그해|그 무렵|설날|추석|단오|정월|음력|양력"
    r"|한\s?해|그\s?이듬해|이듬해|장마|큰물|홍수|가뭄|배고플|배고프던|고난))"
)
# "95년 장마 때, 96년 그 이듬해": a two-digit year said in a list after another year.
KO_YY_LISTED = re.compile(
    r"(?:[,·~/]\s?|\s?(?:하고|이랑|랑|과|와|부터|에서|아니면|아니|인가|이나)\s)'?(?P<y>\d{2})\s?년(?:도)?"
    r"(?!\s?(?:동안|간|만|째|이상|넘|가까이|생|후|뒤|전|이\s?지나|이\s?넘|살))"
)
KO_DECADE = re.compile(
    r"(?=\d)(?<![\d.,])(?P<y>(?:19|20)?\d0)\s?년대(?:\s?(?:초반|중반|후반|초|중|말))?"
)
KO_MONTH = re.compile(
    r"(?=[작지재올금이그오다전\d])(?P<rel>(?:작년|지난해|재작년|올해|금년|이듬해|그해|지난|오는|이번|다음|전년)\s?)?"
    r"(?<![\d.,])(?P<m>\d{1,2})\s?월(?!\s?\d|호|급|세|분|말\s?결산)(?:\s?(?:초|중순|하순|상순|말))?"
)
JUCHE = re.compile(
    r"주체\s?(?P<j>\d{1,3})\s?(?:\((?P<y>\d{4})\)\s?)?년(?:\s?(?P<m>\d{1,2})\s?월(?:\s?(?P<d>\d{1,2})\s?일)?)?"
)
KO_RELATIVE = re.compile(
    r"(?:작년|지난해|재작년|올해|금년|이듬해|그해|그 해|다음 해|전년)\s?(?P<m>\d{1,2})\s?월"
    r"(?:\s?(?P<d>\d{1,2})\s?일)?"
)
YEAR_RANGE = re.compile(
    rf"(?=[12])(?<![\w.,{_D}/])(?P<y>(?:1[89]|20)\d{{2}})\s?[~∼{_D}]\s?(?P<y2>(?:1[89]|20)?\d{{2}})(?:\s?년)?"
    rf"(?![\d{_D}/])"
)
NUM_YMD = re.compile(
    rf"(?=[12])(?<![\d.{_D}/])(?P<y>{_Y4})\s?(?P<s>[.{_D}/])\s?(?P<m>\d{{1,2}})\s?(?P=s)\s?(?P<d>\d{{1,2}})"
    rf"(?:(?<=\d)\.(?!\d))?{_TIME}(?![\d{_D}/]|\.\d)"
)
NUM_YM = re.compile(
    rf"(?=[12])(?<![\d.{_D}/])(?P<y>{_Y4})(?:\.\s?(?P<m>\d{{1,2}})\.|[{_D}/](?P<m2>\d{{1,2}}))(?!\s?\d|[{_D}/]\d)"
)
NUM_DMY = re.compile(
    rf"(?=\d)(?<![\d.{_D}/])(?P<a>\d{{1,2}})(?P<s>[./{_D}])(?P<b>\d{{1,2}})(?P=s)(?P<y>{_Y4}|\d{{2}})"
    rf"{_TIME}(?![\d{_D}/]|\.\d)"
)
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    "(?P<mon>" + "|".join(sorted((k.capitalize() for k in MONTHS), key=len, reverse=True)) + r")\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
EN_MDY = re.compile(rf"(?=[JFMASOND])\b{_MONTH}\s(?P<d>\d{{1,2}}){_ORD},?\s(?P<y>{_Y4})\b")
EN_DMY = re.compile(
    rf"(?=[t\d])\b(?:the\s)?(?P<d>\d{{1,2}}){_ORD}\s(?:of\s)?{_MONTH},?\s(?P<y>{_Y4})\b"
)
# "the fifth of August 2014": a day said as an ordinal word.
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        " twentieth".split()
    )
}
_ORDINALS.update({f"twenty-{w}": 20 + n for w, n in list(_ORDINALS.items())[:9]})
_ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
EN_WORD_DMY = re.compile(
    rf"(?=[tTfsen])\b(?:[Tt]he\s)?(?P<dw>{'|'.join(sorted(_ORDINALS, key=len, reverse=True))})"
    rf"\s(?:of\s)?{_MONTH}(?:,?\s(?P<y>{_Y4}))?\b"
)
EN_MY = re.compile(rf"(?=[JFMASOND])\b{_MONTH},?\s(?:of\s)?(?P<y>{_Y4})\b")
EN_MD = re.compile(rf"(?=[JFMASOND])\b{_MONTH}\s(?P<d>\d{{1,2}}){_ORD}\b(?!:|\.\d)")
EN_DM = re.compile(rf"(?=[t\d])\b(?:the\s)?(?P<d>\d{{1,2}}){_ORD}\s(?:of\s)?{_MONTH}(?![a-z])")
EN_RELATIVE = re.compile(rf"(?=[ltn])\b(?:last|this|next|that)\s{_MONTH}(?![a-z])")
EN_DECADE = re.compile(r"(?=[12])(?<![\w$£€₩])(?P<y>(?:1[89]|20)\d0)'?s\b")
BARE_YEAR = re.compile(
    rf"(?=[12])(?<![\w.,$£€₩#+{_D}/])(?<!\d )(?P<y>(?:1[89]|20)\d{{2}})"
    rf"(?![A-Za-z0-9_{_D}/]|[.,]\d|\s?[{_D}.]\s?\d|\s\d)"
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|during|since|of|until|till|by|from|to|before|after|around|circa|c\.|year|"
    r"summer|winter|spring|autumn|fall|late|early|mid|born|left|arrived|between|and)\s$",
    re.I,
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:page|pages|p\.|pp\.|no\.|number|vol\.|volume|room|apt\.?|suite|flight|route|bus|"
    r"model|code|pin|id)\s?$",
    re.I,
)
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s?(?:원|만|억|천|여|명|개|권|장|마리|달러|위안|건|점|배|톤|평|미터|킬로|그램|리터|칼로리|자|"
    r"글자|단어|명|km|kg|m\b|people|dollars|won|yuan|pages?|"
    r"calories|words|meters|feet|miles|%|호|번|번지|동|층|대|쪽|페이지|회)",
    re.I,
)


def _valid(year: int | None, month: int | None = None, day: int | None = None) -> bool:
    if year is not None and not 1850 <= year <= 2099:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= 31


def _two_digit(y: str) -> int:
    y = y.lstrip("'")
    return numbers.two_digit_year(y)


def _date(start: int, end: int, conf: float, **parts: Any) -> Span:
    info = {k: v for k, v in parts.items() if v is not None and v is not False}
    return Span(start, end, PiiType.DATE, conf, "date", info)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _korean(text: str) -> list[Span]:
    out: list[Span] = []
    for pattern, conf4, conf2 in ((KO_FULL, 0.95, 0.85), (KO_YM, 0.9, 0.65)):
        for m in sparse.finditer(pattern, text):
            raw = m.group("y")
            y = int(raw) if len(raw) == 4 else _two_digit(raw)
            mo, d = _int(m.group("m")), _int(m.groupdict().get("d"))
            if _valid(y, mo, d):
                conf = conf4 if len(raw) == 4 else conf2
                lunar = bool(m.group("lunar")) and "음" in m.group("lunar")
                out.append(_date(m.start(), m.end(), conf, year=y, month=mo, day=d, lunar=lunar))
    for m in sparse.finditer(KO_MD, text):
        mo, d = int(m.group("m")), int(m.group("d"))
        if _valid(None, mo, d):
            lunar = bool(m.group("lunar")) and "음" in m.group("lunar")
            out.append(_date(m.start(), m.end(), 0.6, month=mo, day=d, lunar=lunar))
    for m in sparse.finditer(KO_YEAR, text):
        out.append(_date(m.start(), m.end(), 0.5, year=int(m.group("y"))))
    for m in sparse.finditer(KO_DECADE, text):
        raw = m.group("y")
        decade = int(raw) if len(raw) == 4 else _two_digit(raw)
        out.append(_date(m.start(), m.end(), 0.4, decade=decade))
    for m in sparse.finditer(KO_MONTH, text):
        mo = int(m.group("m"))
        if _valid(None, mo):
            rel = bool(m.group("rel"))
            out.append(_date(m.start(), m.end(), 0.3 if rel else 0.25, month=mo, relative=rel))
    for m in sparse.finditer(KO_YY, text):
        out.append(_date(m.start(), m.end(), 0.4, year=_two_digit(m.group("y"))))
    for m in sparse.finditer(JUCHE, text):
        y = int(m.group("y")) if m.group("y") else int(m.group("j")) + 1911
        mo, d = _int(m.group("m")), _int(m.group("d"))
        if _valid(y, mo, d):
            out.append(_date(m.start(), m.end(), 0.9, year=y, month=mo, day=d))
    for m in sparse.finditer(KO_RELATIVE, text):
        mo, d = int(m.group("m")), _int(m.group("d"))
        if _valid(None, mo, d):
            out.append(_date(m.start(), m.end(), 0.3, month=mo, day=d, relative=True))
    return out


def _numeric(text: str) -> list[Span]:
    out: list[Span] = []
    for m in sparse.finditer(NUM_YMD, text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            out.append(_date(m.start(), m.end(), 0.9, year=y, month=mo, day=d))
    for m in sparse.finditer(NUM_YM, text):
        y, mo = int(m.group("y")), int(m.group("m") or m.group("m2"))
        if _valid(y, mo):
            out.append(_date(m.start(), m.end(), 0.7 if m.group("m") else 0.5, year=y, month=mo))
    for m in sparse.finditer(NUM_DMY, text):
        a, b, raw = int(m.group("a")), int(m.group("b")), m.group("y")
        y = int(raw) if len(raw) == 4 else _two_digit(raw)
        if len(raw) == 2 and m.group("s") != "/":
            continue  # 12-10-14 and 1.2.14 are too often something else
        dm, md = _valid(y, b, a), _valid(y, a, b)
        if not (dm or md):
            continue
        conf = 0.9 if len(raw) == 4 else 0.6
        if dm and md and a != b:
            out.append(_date(m.start(), m.end(), conf, year=y))  # 3/4/2011: order unknown
        else:
            mo, d = (b, a) if dm else (a, b)
            out.append(_date(m.start(), m.end(), conf, year=y, month=mo, day=d))
    return out


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("mon").lower()]


def _english(text: str) -> list[Span]:
    out: list[Span] = []
    for pattern in (EN_MDY, EN_DMY):
        for m in sparse.finditer(pattern, text):
            y, mo, d = int(m.group("y")), _month(m), int(m.group("d"))
            if _valid(y, mo, d):
                out.append(_date(m.start(), m.end(), 0.95, year=y, month=mo, day=d))
    for m in sparse.finditer(EN_WORD_DMY, text):
        said_y, mo, d = _int(m.group("y")), _month(m), _ORDINALS[m.group("dw").lower()]
        if _valid(said_y, mo, d):
            conf = 0.9 if said_y else 0.6
            out.append(_date(m.start(), m.end(), conf, year=said_y, month=mo, day=d))
    for m in sparse.finditer(EN_MY, text):
        out.append(_date(m.start(), m.end(), 0.85, year=int(m.group("y")), month=_month(m)))
    for pattern in (EN_MD, EN_DM):
        for m in sparse.finditer(pattern, text):
            mo, d = _month(m), int(m.group("d"))
            if _valid(None, mo, d):
                out.append(_date(m.start(), m.end(), 0.6, month=mo, day=d))
    for m in sparse.finditer(EN_RELATIVE, text):
        out.append(_date(m.start(), m.end(), 0.3, month=_month(m), relative=True))
    for m in sparse.finditer(EN_DECADE, text):
        out.append(_date(m.start(), m.end(), 0.4, decade=int(m.group("y"))))
    return out


def _bare_years(text: str) -> list[Span]:
    out: list[Span] = []
    for m in sparse.finditer(YEAR_RANGE, text):
        y = int(m.group("y"))
        y2 = int(m.group("y2")) if len(m.group("y2")) == 4 else y // 100 * 100 + int(m.group("y2"))
        if y <= y2 <= y + 100:
            out.append(_date(m.start(), m.end(), 0.5, year=y, year_to=y2))
    for m in sparse.finditer(BARE_YEAR, text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _NOT_A_YEAR_AFTER.match(text[m.end() : m.end() + 8]) or _NOT_A_YEAR_BEFORE.search(
            before
        ):
            continue
        conf = 0.5 if _YEAR_CONTEXT.search(before) else 0.35
        out.append(_date(m.start(), m.end(), conf, year=int(m.group("y"))))
    return out


def _listed_years(text: str, spans: list[Span]) -> list[Span]:
    """Two-digit years that go on a list a year began ("95년 장마 때, 96년 …")."""
    out: list[Span] = []
    queue = sorted((s for s in spans if s.type == PiiType.DATE and "year" in s.info), key=_start)
    while queue:
        s = queue.pop(0)
        window = _CLAUSE_END.split(text[s.end : s.end + 24], maxsplit=1)[0]
        if "년" not in window:
            continue
        for gap in range(0, min(12, len(window))):  # "95년 장마 때" then ", 96년"
            m = KO_YY_LISTED.match(window, gap)
            if m:
                found = _date(
                    s.end + m.start("y"), s.end + m.end(), 0.4, year=_two_digit(m.group("y"))
                )
                out.append(found)
                queue.insert(0, found)
                break
    return out


_CLAUSE_END = re.compile(r"[.!?\n]")


def _start(s: Span) -> int:
    return s.start


def _resolve(spans: Iterable[Span], zones: list[tuple[int, int]]) -> list[Span]:
    """Longest first; an age or cohort overlapping a date wins (85년생 is an age, not 85년)."""
    rank = {PiiType.AGE: 2, PiiType.COHORT: 1, PiiType.DATE: 0}
    # The zones go first, as spans that are dropped afterwards: nothing inside them survives.
    blockers = [Span(a, b, PiiType.URL, 1.0, "zone") for a, b in zones]
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), -rank[s.type], -s.confidence))
    return [s for s in identifiers.first_free(blockers + ranked) if s.detector != "zone"]


def find(text: str) -> list[Span]:
    """Dates, ages and cohorts in ``text``; nothing inside an e-mail, URL or ID number."""
    zones = [(s.start, s.end) for s in identifiers.find_web(text) + identifiers.find_rrns(text)]
    spans = _korean(text) + _numeric(text) + _english(text) + _bare_years(text)
    spans += spoken_dates.find(text) + life_times.find(text) + life_dates_en.find(text)
    spans += _listed_years(text, spans)
    said = ages.find_ages(text)
    spans += said + said_ages.find(text, said) + cohorts.find_cohorts(text)
    return _resolve(spans, zones)


def detect(tokenised: TokenisedText) -> list[Span]:
    return find(tokenised.text)

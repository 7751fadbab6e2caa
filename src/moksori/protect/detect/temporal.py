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

from moksori.protect.detect import ages, cohorts, identifiers, numbers, spoken_dates
from moksori.protect.detect.voice import is_testimony
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
    r"|그때|그 때|그해|그 무렵|설날|추석|단오|정월|음력|양력))"
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
        for m in pattern.finditer(text):
            raw = m.group("y")
            y = int(raw) if len(raw) == 4 else _two_digit(raw)
            mo, d = _int(m.group("m")), _int(m.groupdict().get("d"))
            if _valid(y, mo, d):
                conf = conf4 if len(raw) == 4 else conf2
                lunar = bool(m.group("lunar")) and "음" in m.group("lunar")
                out.append(_date(m.start(), m.end(), conf, year=y, month=mo, day=d, lunar=lunar))
    for m in KO_MD.finditer(text):
        mo, d = int(m.group("m")), int(m.group("d"))
        if _valid(None, mo, d):
            lunar = bool(m.group("lunar")) and "음" in m.group("lunar")
            out.append(_date(m.start(), m.end(), 0.6, month=mo, day=d, lunar=lunar))
    for m in KO_YEAR.finditer(text):
        out.append(_date(m.start(), m.end(), 0.5, year=int(m.group("y"))))
    for m in KO_DECADE.finditer(text):
        raw = m.group("y")
        decade = int(raw) if len(raw) == 4 else _two_digit(raw)
        out.append(_date(m.start(), m.end(), 0.4, decade=decade))
    for m in KO_MONTH.finditer(text):
        mo = int(m.group("m"))
        if _valid(None, mo):
            rel = bool(m.group("rel"))
            out.append(_date(m.start(), m.end(), 0.3 if rel else 0.25, month=mo, relative=rel))
    for m in KO_YY.finditer(text):
        out.append(_date(m.start(), m.end(), 0.4, year=_two_digit(m.group("y"))))
    for m in JUCHE.finditer(text):
        y = int(m.group("y")) if m.group("y") else int(m.group("j")) + 1911
        mo, d = _int(m.group("m")), _int(m.group("d"))
        if _valid(y, mo, d):
            out.append(_date(m.start(), m.end(), 0.9, year=y, month=mo, day=d))
    for m in KO_RELATIVE.finditer(text):
        mo, d = int(m.group("m")), _int(m.group("d"))
        if _valid(None, mo, d):
            out.append(_date(m.start(), m.end(), 0.3, month=mo, day=d, relative=True))
    return out


def _numeric(text: str) -> list[Span]:
    out: list[Span] = []
    for m in NUM_YMD.finditer(text):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            out.append(_date(m.start(), m.end(), 0.9, year=y, month=mo, day=d))
    for m in NUM_YM.finditer(text):
        y, mo = int(m.group("y")), int(m.group("m") or m.group("m2"))
        if _valid(y, mo):
            out.append(_date(m.start(), m.end(), 0.7 if m.group("m") else 0.5, year=y, month=mo))
    for m in NUM_DMY.finditer(text):
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
        for m in pattern.finditer(text):
            y, mo, d = int(m.group("y")), _month(m), int(m.group("d"))
            if _valid(y, mo, d):
                out.append(_date(m.start(), m.end(), 0.95, year=y, month=mo, day=d))
    for m in EN_WORD_DMY.finditer(text):
        said_y, mo, d = _int(m.group("y")), _month(m), _ORDINALS[m.group("dw").lower()]
        if _valid(said_y, mo, d):
            conf = 0.9 if said_y else 0.6
            out.append(_date(m.start(), m.end(), conf, year=said_y, month=mo, day=d))
    for m in EN_MY.finditer(text):
        out.append(_date(m.start(), m.end(), 0.85, year=int(m.group("y")), month=_month(m)))
    for pattern in (EN_MD, EN_DM):
        for m in pattern.finditer(text):
            mo, d = _month(m), int(m.group("d"))
            if _valid(None, mo, d):
                out.append(_date(m.start(), m.end(), 0.6, month=mo, day=d))
    for m in EN_RELATIVE.finditer(text):
        out.append(_date(m.start(), m.end(), 0.3, month=_month(m), relative=True))
    for m in EN_DECADE.finditer(text):
        out.append(_date(m.start(), m.end(), 0.4, decade=int(m.group("y"))))
    return out


def _bare_years(text: str) -> list[Span]:
    out: list[Span] = []
    for m in YEAR_RANGE.finditer(text):
        y = int(m.group("y"))
        y2 = int(m.group("y2")) if len(m.group("y2")) == 4 else y // 100 * 100 + int(m.group("y2"))
        if y <= y2 <= y + 100:
            out.append(_date(m.start(), m.end(), 0.5, year=y, year_to=y2))
    for m in BARE_YEAR.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _NOT_A_YEAR_AFTER.match(text[m.end() : m.end() + 8]) or _NOT_A_YEAR_BEFORE.search(
            before
        ):
            continue
        conf = 0.5 if _YEAR_CONTEXT.search(before) else 0.35
        out.append(_date(m.start(), m.end(), conf, year=int(m.group("y"))))
    return out


# Times of a life as people say them, by structure rather than by listed phrases.
# "구십칠년 그 어려울 때", "팔십칠년에": a year of the famine decades in Sino-Korean words,
# with what makes it a year (a particle, or a clause ending in 때); "오십 년 동안" is a duration.
_SINO = "일이삼사오육칠팔구"
KO_SINO_YEAR_SAID = re.compile(
    rf"(?=[천{_SINO}])(?<![가-힣])(?:천구백\s?)?(?P<t>[사오육칠팔구])십(?P<u>[{_SINO}])?\s?년"
    r"(?=에(?!서)|엔|부터|까지|쯤|께|이에요|이었|이야|이지|입니다|인데|이고"
    r"|\s?(?:봄|여름|가을|겨울|초|말|그때|당시|무렵)|\s[^.?!\n\d]{1,16}?(?:때|적에|시절)(?:도|에|는|엔|부터|까지|만)?(?![가-힣]))"
)
# "제대하던 해 겨울", "시집가던 해", "아버지가 잡혀가던 해 봄": the year of an event of one's
# own life (the verb before 던 해 names it). One-syllable verbs (되던, 나던) are left to the
# age rules ("열일곱 살 나던 해"); 그러던 해 names nothing.
KO_EVENT_YEAR = re.compile(
    r"(?<![가-힣])(?!그러|이러|저러|어쩌)[가-힣]{2,6}던\s?해"
    r"(?:\s(?:봄|여름|가을|겨울|초|말|설|추석|단오|섣달|정월|동짓달))?"
    r"(?=$|[^가-힣]|에|엔|였|이었|부터|까지|쯤|이|가|는|도)"
)
# "그 이듬해 무산으로", "그다음 해에": a year counted from one the story gave (v3's gold:
# a bare relative year of an event). 작년, 올해 count from today and date no event.
KO_NEXT_YEAR = re.compile(
    r"(?<![가-힣])(?:(?:이듬해|그다음\s?해|다음\s?해|그\s?전해)(?!\s?(?:봄|여름|가을|겨울|설|추석))"
    r"|(?:다다음\s?해|지지난\s?해|재재작년|그끄저께\s?해)(?:\s?(?:봄|여름|가을|겨울|설|추석|단오))?)"
    r"(?=$|[^가-힣]|에|엔|부터|까지|였|이었|쯤|는|도)"
)
# "팔십년대 말", "90년대 중반에": a decade with its part, said of one's life.
KO_DECADE_PART = re.compile(
    r"(?<![가-힣\d])(?:(?:천구백\s?)?[오육칠팔구]십|(?:19)?[5-9]0)\s?년대\s?"
    r"(?:초반|중반|후반|초|중엽|말엽|말)(?=$|[^가-힣]|에|엔|쯤|부터|까지|이|였|이었)"
)
# English: "two Chuseoks later", "the following spring", "that winter", "the winter I was
# discharged", "during the Arduous March" (said in testimony, each dates one event).
_EN_COUNT_WORD = r"(?:one|two|three|four|five|six|a\sfew|several|\d)"
EN_HOLIDAYS_COUNTED = re.compile(
    rf"\b(?i:{_EN_COUNT_WORD})\s(?:Chuseoks|Chusoks|Seollals|Sollals|Lunar\sNew\sYears|New\sYears"
    r"|Danos|harvests|Christmases)\s(?:later|ago|after|before|earlier|on)\b"
)
EN_NEXT_SEASON = re.compile(
    r"\b(?:(?:following|next|previous)\s(?:spring|summer|autumn|fall|winter|year)"
    r"|[Tt]hat\s(?:spring|summer|autumn|fall|winter|(?:[a-z]+-)?[a-z]+\sseason))(?!\s(?:of|and|\d))\b"
)
EN_CLAUSE_SEASON = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|year|month)\s(?:that\s|when\s)?"
    r"(?:I|we|he|she|they|(?:my|our|his|her)\s[a-z]+)\s"
    r"(?:(?:was|were|got)\s[a-z]+|turned\s[a-z-]+|left|married|crossed|arrived|escaped|defected"
    r"|enlisted|graduated|came\sout|came\shome)\b"
)
# "the spring after next", "the summer of my second year": a season counted in one's life.
EN_COUNTED_SEASON = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|year)\s(?:after|before)\s(?:next|last)\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\sof\s(?:my|our|his|her|their|that)\s(?:first|second"
    r"|third|fourth|fifth|sixth|last|final)\s(?:year|term|winter)\b"
    r"|\b(?:start|beginning|end|middle)\sof\s(?:that|the\sfollowing|the\snext|the\sprevious|last)"
    r"\s(?:lunar\s)?(?:year|month|winter|summer|spring|autumn)\b"
)
EN_FAMINE_SAID = re.compile(
    r"\b(?:[Dd]uring|[Ii]n|[Aa]fter|[Bb]efore|[Ss]ince|[Aa]t)\s(?:the\s)?"
    r"(?P<r>(?:height\sof\sthe\s)?(?:Arduous\sMarch|(?:great\s)?famine))\b(?!\sof\sthe\s\d)"
)


def _life_dates(text: str) -> list[Span]:
    """Dates of one life said by structure: Sino-Korean years, years of an event, decades,
    counted holidays, seasons relative to one said before (testimony only: in a paper the
    same words are history)."""
    if not is_testimony(text):
        return []
    out = []
    for m in KO_SINO_YEAR_SAID.finditer(text):
        yy = (_SINO.index(m.group("t")) + 1) * 10 + (
            _SINO.index(m.group("u")) + 1 if m.group("u") else 0
        )
        out.append(_date(m.start(), m.end(), 0.5, year=numbers.two_digit_year(f"{yy:02d}")))
    for rx in (
        KO_EVENT_YEAR,
        KO_NEXT_YEAR,
        KO_DECADE_PART,
        EN_HOLIDAYS_COUNTED,
        EN_NEXT_SEASON,
        EN_CLAUSE_SEASON,
        EN_COUNTED_SEASON,
    ):
        out += [_date(m.start(), m.end(), 0.4, relative=True) for m in rx.finditer(text)]
    for m in EN_FAMINE_SAID.finditer(text):
        out.append(_date(m.start("r"), m.end("r"), 0.4, decade=1990))
    return out


# Ages said by structure. A 띠 fixes the year of birth within twelve ("말띠", "born in a year
# of the horse"); an answer to "몇 살" is an age whatever its form ("답변: 열넷이요");
# any person noun can "be" a number ("the new inspector is only thirty-nine"); an age
# in commas after anyone ("My mother, then seventy-one, had").
KO_ZODIAC = re.compile(
    r"(?<![가-힣])(?:쥐|소|범|호랑이|토끼|용|뱀|말|양|원숭이|닭|개|돼지)띠"
    r"(?=$|[^가-힣]|[이가은는를을의에였도]|라|예요|입니|야)"
)
EN_ZODIAC = re.compile(
    r"\byear\sof\sthe\s(?:rat|ox|tiger|rabbit|hare|dragon|snake|horse|goat|sheep|ram|monkey"
    r"|rooster|dog|pig|boar)\b",
    re.I,
)
KO_AGE_ANSWER = re.compile(
    rf"(?:몇\s?살|나이|연세)[^\n]{{0,60}}\n(?:[^\n:：]{{0,12}}[:：]\s?)?(?:한\s)?"
    rf"(?P<n>{numbers.NATIVE}|\d{{1,3}})(?=\s?(?:살|세)?\s?(?:이요|요|이에요|예요|입니다|이었어요|였어요"
    r"|이었습니다|였습니다|이었지|였지|[.,!]|$))"
)
_EN_PERSON = (
    r"(?:[a-z]+(?:er|or|ist|man|woman|ant|ent)|boy|girl|child|kid|baby|sister|brother|mother"
    r"|father|son|daughter|wife|husband|aunt|uncle|niece|nephew|cousin|grandmother|grandfather"
    r"|guard|soldier|chief|head|secretary|agent|official|broker|neighbou?r)"
)
EN_PERSON_IS = re.compile(
    rf"\b(?i:the|my|our|his|her|their|a|an)\s(?:[a-z'-]+\s){{0,3}}{_EN_PERSON}\s(?:is|was)\s"
    r"(?:only\s|just\s|barely\s|about\s|nearly\s|almost\s|already\s|then\s|now\s)?"
    rf"(?P<n>{numbers.NUM})(?=[,.;!?)]|\s(?:when|and|at|then|now|by|years?)\b|$)"
)
# "well past ninety", "is now past seventy": a threshold said of someone, a round age.
EN_PAST_AGE = re.compile(
    r"\b(?:is|was|now|well|already)\s(?:now\s|well\s|already\s)?(?:past|over|nearly|almost)\s"
    r"(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)\b"
    r"(?!\s(?:degrees|percent|kilos|kilograms|pounds|metres|meters|km|miles|dollars|won|yuan"
    r"|people|men|women|households|minutes|hours|days|times|of\b))"
)
# "쉰 줄에 들어선 사람", "예순 줄": the decade of a life said with 줄 is an age band.
KO_DECADE_LINE = re.compile(
    r"(?<![가-힣])(?P<n>스물|서른|마흔|쉰|예순|일흔|여든|아흔)(?:\s?줄(?=$|[^가-힣]|에|이|을|로|도|은)"
    r"|(?:을|를)\s?(?:바라보는|바라볼|앞둔|앞두고|넘긴|넘어선|코앞에))"
)
# "Myong-sun, arrested with me, was 27, and": a person's age said before the clause goes on.
EN_WAS_AGE_AND = re.compile(
    rf"(?<=[a-z,])\s(?:was|is)\s(?:only\s|just\s|barely\s)?(?P<n>{numbers.NUM}),\s"
    r"(?=(?:and|but|so|while|when)\s)"
)
# '"Granny Swallow", is seventy-three': a quoted name, then its age.
EN_QUOTED_IS = re.compile(
    rf"(?<=[a-z][\"”’]),?\s(?:is|was)\s(?:now\s|only\s|just\s|about\s)?(?P<n>{numbers.NUM})"
    r"(?=[,.;!?]|\s(?:and|when|then|years?)\b)"
)
EN_THEN_AGE = re.compile(
    rf"(?<=[A-Za-z]),\s(?:then|now|aged|only|just)\s(?P<n>{numbers.NUM}),(?!\d)"
)
EN_AGE_ANSWER = re.compile(
    rf"(?i:how\sold|your\sage)[^\n]{{0,60}}\n(?:[^\n:]{{0,16}}:\s?)?(?:(?:about|around|maybe"
    rf"|almost|nearly|just|only|I\swas|I\sam|I'm|she\swas|he\swas)\s)?(?P<n>{numbers.NUM})"
    r"(?=[.,!;]|\s(?:then|now|years?|at\sthe\stime)\b|$)",
    re.I,
)
EN_YOUNG_OF = re.compile(
    rf"\b(?:a|an)\s(?:[a-z]+\s)?(?:toddler|infant|youngster|youth|teen|teenager|schoolboy"
    rf"|schoolgirl|lass|lad|bride|groom|recruit|conscript)\sof\s(?P<n>{numbers.NUM})\b"
)


def _life_ages(text: str) -> list[Span]:
    """Ages said by structure (see the patterns above); a 띠 carries no number to keep."""
    out = [
        Span(m.start(), m.end(), PiiType.AGE, 0.5, "age", {})
        for rx in (KO_ZODIAC, EN_ZODIAC)
        for m in rx.finditer(text)
    ]
    for m in KO_DECADE_LINE.finditer(text):
        band = numbers.native_number(m.group("n"))
        out.append(Span(m.start(), m.end(), PiiType.AGE, 0.5, "age", {"band": band}))
    for m in KO_AGE_ANSWER.finditer(text):
        said = m.group("n")
        n = int(said) if said.isdigit() else numbers.native_number(said.replace(" ", ""))
        if n is not None and 0 < n <= 110:
            out.append(Span(m.start("n"), m.end("n"), PiiType.AGE, 0.6, "age", {"age": n}))
    for rx in (
        EN_PERSON_IS,
        EN_THEN_AGE,
        EN_YOUNG_OF,
        EN_AGE_ANSWER,
        EN_PAST_AGE,
        EN_WAS_AGE_AND,
        EN_QUOTED_IS,
    ):
        for m in rx.finditer(text):
            n = numbers.english_number(m.group("n"))
            if n is not None and 0 < n <= 110:
                out.append(Span(m.start("n"), m.end("n"), PiiType.AGE, 0.5, "age", {"age": n}))
    return out


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
    spans += spoken_dates.find(text) + _life_dates(text) + _life_ages(text)
    spans += ages.find_ages(text) + cohorts.find_cohorts(text)
    return _resolve(spans, zones)


def detect(tokenised: TokenisedText) -> list[Span]:
    return find(tokenised.text)

"""Dates and ages rewritten as the testimony said them, and no finer.

A date becomes its year or its period ("1990년대 후반", "the late 1990s") and an
age its band, but only from numbers the finding's own words say: a detector's
``info`` is a guess, and a replacement must never state something false.
"""

from __future__ import annotations

import re

from moksori.protect.detect import numbers

# --- dates and ages: only numbers the finding itself says --------------------------
_YEAR4 = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_YEAR2 = re.compile(r"(?<![\d.,/])'?(\d{2})(?!\d)")
_JUCHE = re.compile(r"주체\s?(\d{1,3})(?!\d)")
_DECADE = re.compile(r"(?<!\d)(?:1[89]\d0|20\d0|'?\d0)(?:'?s\b|\s?년대)")


def _said_year(said: str, year: int) -> str | None:
    """How ``said`` writes ``year`` (2011, 주체100 → 2011, '97), or None if it does not."""
    four = {int(m.group(1)) for m in _YEAR4.finditer(said)}
    if year in four:
        return str(year)
    if any(int(m.group(1)) + 1911 == year for m in _JUCHE.finditer(said)):
        return str(year)
    if four:
        return None
    for m in _YEAR2.finditer(said):
        if int(m.group(1)) == year % 100:
            return m.group(0) if m.group(0).startswith("'") else m.group(1)
    return None


def _range_end(said: str, year: int) -> str | None:
    """The short end of a range as written: "2003–07" → "07"."""
    m = re.search(r"[–—\-~]\s?'?(\d{2})(?!\d)", said)
    return m.group(1) if m and int(m.group(1)) == year % 100 else None


def year_as_said(said: str, info: dict[str, object], lang: str) -> str | None:
    """A date as its year, written as the finding wrote it; None (the tag) when the
    year is not in its words: "재작년 단오" never gets an invented year.

    "2017년 추석" → 2017년, "97년 배고플 때" → 97년 (no century is added), a range
    stays a range, a decade ("1990년대", "the 1990s") is already coarse and stays.
    """
    year = info.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        if "decade" in info and _DECADE.search(said):
            return said
        return None
    shown = _said_year(said, year)
    if shown is None:
        return None
    to = info.get("year_to")
    if isinstance(to, int) and not isinstance(to, bool) and to != year:
        shown_to = _said_year(said, to) or _range_end(said, to)
        if shown_to is None:
            return None
        shown = f"{shown}–{shown_to}"
    elif lang != "ko" and shown[0].isdigit() and len(shown) == 2:
        shown = "'" + shown
    # 년 where Korean says the year with it; a bare "2012" (a table cell, a descriptor
    # "left North Korea in 2012" beside a Korean name) stays bare
    bare = said.strip().isdigit()
    return f"{shown}년" if lang == "ko" and not bare else shown


# A year's place in its decade: 0-3 early, 4-6 mid, 7-9 late.
_THIRDS = (("초반", "early "), ("중반", "mid-"), ("후반", "late "))


def _period(year: int, lang: str) -> str:
    ko, en = _THIRDS[0 if year % 10 <= 3 else 1 if year % 10 <= 6 else 2]
    return f"{year // 10 * 10}년대 {ko}" if lang == "ko" else f"the {en}{year // 10 * 10}s"


def period_as_said(said: str, info: dict[str, object], lang: str) -> str | None:
    """A date as the part of its decade it falls in, coarser than the year and still
    true: "1997년 추석" → 1990년대 후반, "in '04" → in the mid-2000s (a two-digit year
    as the detector read it). None (the tag) when the year is not in its words, as for
    the year; a decade said stays, a range spans its first and last periods.
    """
    if year_as_said(said, info, lang) is None:
        return None
    year = info.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        return said  # a decade ("1990년대", "the 1990s"): already coarser
    to = info.get("year_to")
    last = to if isinstance(to, int) and not isinstance(to, bool) else year
    first, last = min(year, last), max(year, last)
    a, b = _period(first, lang), _period(last, lang)
    if a == b:
        return a
    if first // 10 == last // 10:
        return f"{first // 10 * 10}년대" if lang == "ko" else f"the {first // 10 * 10}s"
    return f"{a}–{b}" if lang == "ko" else f"{a}–{b.removeprefix('the ')}"


def in_sentence(text: str, start: int, period: str, lang: str) -> str:
    """An English period read in its sentence: "the 1997 famine" → "the late 1990s
    famine" (one "the"), "1997 was hard." → "The late 1990s was hard.", "left 2016"
    → "left in the mid-2010s" (a year said after a verb is a time in it)."""
    if lang == "ko" or not period.startswith("the "):
        return period
    before = text[:start].rstrip(" \t\"'“‘(")
    if re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE):
        return period.removeprefix("the ")
    if not before or before[-1] in ".!?\n:":
        return "The" + period[3:]
    word = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 20) : start])
    if word and word.group(1).lower() not in _TIME_WORDS_BEFORE:
        return "in " + period
    return period


# Words after which a year reads as it stands ("before 2011", "between 2010 and 2016").
_TIME_WORDS_BEFORE = frozenset(
    "in on at by before after since until till from to of during between and or than "
    "around circa about through throughout into within".split()
)


_YEAR_WORDS = re.compile(
    r"주체\s?\d{1,3}|'?\d{2,4}(?:\s?년도?)?|\b(?:in|of|the|year)\b|[\s,.'’]", re.I
)
_BEFORE_EN = re.compile(r"\b(?:after|before|until|till|since|by|from|following|prior to)\s*$", re.I)
_AFTER_KO = re.compile(
    r"\s*(?:전|후|뒤|이후|이전|직후|직전|다음|까지|부터|무렵|전날|다음날|이틀|사흘|며칠)"
)


def finer_than_year(said: str) -> bool:
    """A day, month, holiday or weekday said beside the year ("2017년 추석", "14 March 2011")."""
    return bool(_YEAR_WORDS.sub("", said))


def relative_context(text: str, start: int, end: int) -> bool:
    """The date anchors another ("two days after Chuseok 2006", "2011년 3월 14일 이후"):
    the bare year would then say something false ("two days after 2006")."""
    return bool(_BEFORE_EN.search(text[max(0, start - 40) : start])) or bool(
        _AFTER_KO.match(text, end)
    )


_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}


def _sino(word: str) -> int | None:
    """삼십칠 → 37, 십구 → 19, 이십 → 20 (ages said in Sino-Korean numerals)."""
    m = re.fullmatch(r"([이삼사오육칠팔구])?(십)([일이삼사오육칠팔구])?", word)
    if not m:
        return None
    tens = _SINO[m.group(1)] if m.group(1) else 1
    return tens * 10 + (_SINO[m.group(3)] if m.group(3) else 0)


def said_numbers(said: str) -> set[int]:
    """Every number the words say: digits, native (서른일곱), Sino-Korean (삼십칠) and
    English words (thirty-one); the longest reading at the start of each word."""
    out = {int(d) for d in re.findall(r"\d+", said)}
    for word in re.findall(r"[가-힣]+", said):
        for j in range(len(word), 0, -1):
            n = numbers.native_number(word[:j]) or _sino(word[:j])
            if n:
                out.add(n)
                break
    words = re.findall(r"[a-z]+", said.lower())
    for i, w in enumerate(words):
        pair = numbers.english_number(f"{w}-{words[i + 1]}") if i + 1 < len(words) else None
        n = pair or numbers.english_number(w)
        if n:
            out.add(n)
    return out


def checked_age(said: str, info: dict[str, object]) -> dict[str, object]:
    """``info`` without the numbers the finding's words do not say: a band is only
    computed from an age, birth year or decade that stands in the text."""
    out = dict(info)
    numbers = said_numbers(said)
    age = info.get("age")
    if isinstance(age, int) and age not in numbers:
        out.pop("age")
    born = info.get("born")
    if isinstance(born, int) and _said_year(said, born) is None:
        out.pop("born")
    band = info.get("band")
    if isinstance(band, int) and band not in numbers and not _decade_word(said, band):
        out.pop("band")
    return out


def _decade_word(said: str, band: int) -> bool:
    words = {w: v for w, v in numbers.EN_DECADES.items() if v == band}
    return any(w in said.lower() for w in words)


_NUMBER = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)


# The finding itself says "born" (born in 1979, b. 1979, DOB, 85년생), or is only the date.
_SAYS_BORN = re.compile(r"born|b\.|birth|year of birth|date of birth|d\.?o\.?b|.*생", re.I)


def age_band(said: str, info: dict[str, object], lang: str) -> str | None:
    """An exact age as its decade, in the words around it.

    Korean: 23세, 스물세 살 → 20대; 85년생 → 1980년대생. English keeps the phrase and
    swaps the number: a 42-year-old → a 40–49-year-old; I was twelve → I was 10–19;
    "in her 20s" is a band already and stays. A birth year: "born in 1979", "b. 1979" →
    born in the 1970s; "in 1979" after "born in Hoeryong" → in the 1970s (never "born"
    twice, nor where the phrase did not say it).
    """
    born = info.get("born")
    if isinstance(born, int) and "age" not in info:
        decade = born // 10 * 10
        if lang == "ko":  # 85년생 → 1980년대생; 1985년(에 태어났다) → 1980년대(에 …)
            return f"{decade}년대생" if "생" in said else f"{decade}년대"
        return f"{'born ' if _SAYS_BORN.match(said) else ''}in the {decade}s"
    band = _band(info)
    if band is None:
        return None
    if "band" in info and "age" not in info:
        return said  # already a decade
    if lang == "ko":
        return f"{band}대"
    range_ = f"{band}–{band + 9}"
    age = info.get("age")
    for m in _NUMBER.finditer(said):  # the number that is the age, not another one
        if not isinstance(age, int) or numbers.english_number(m.group()) == age:
            return said[: m.start()] + range_ + said[m.end() :]
    return range_


def _band(info: dict[str, object]) -> int | None:
    age = info.get("age")
    if isinstance(age, int) and age >= 0:
        return age // 10 * 10
    band = info.get("band")
    if isinstance(band, int):
        return band // 10 * 10
    return None

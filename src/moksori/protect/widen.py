"""What a finding covers in the redacted view, beyond what its detector marked.

Why: a detector may stop short of its identifier ("2001년" of "2001년 겨울", "금실"
of "금실이 남편", "신의주" of "신의주역전"). Left beside the replacement, the rest
either keeps a detail the policy hides (the season of a kept year) or makes the
replacement say something false ("인물2가 남편은", "평안북도역전", "함경북도당"
for a county committee). The stored finding is not changed; only the view.
"""

from __future__ import annotations

import re
from dataclasses import replace

from moksori.protect import ancestry
from moksori.protect.findings import Finding
from moksori.protect.spans import PiiType


def has_final(syllable: str) -> bool | None:
    """Whether a hangul syllable ends in a consonant (받침); None if not hangul."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code % 28 != 0


# A season or holiday said beside a year is part of the same date: kept beside the
# year the policy keeps, it would give the time finer than the policy allows.
_SEASON_KO = (
    r"(?:이른 |늦은 )?(?:초|늦|한)?(?:봄|여름|가을|겨울)|설날?|구정|추석|한가위|단오|한식|정월|섣달"
    r"|연초|연말|그믐|(?:정|일|이|삼|사|오|유|칠|팔|구|시|십일|십이|동짓)월|동짓달"
)
# 초 and 말 alone are ordinary words too ("97년 말도 안 되는 일"): only before a time particle.
_AFTER_YEAR_KO = re.compile(
    r"\s?(?:(?:초|말)(?=$|[^가-힣]|에|까지|부터|쯤|무렵|께|경|엔|이었|이에요|이었)"
    rf"|(?:{_SEASON_KO})(?=$|[^가-힣]|에|까지|부터|쯤|무렵|께|경|엔|이|은|는|을|를|도|만|의|인|였))"
)
_SEASON_EN = (
    r"(?:early |late |mid-?)?(?:spring|summer|autumn|fall|winter)|chuseok|seollal|dano|hansik"
    r"|(?:the )?lunar new year|new year(?:'s)?|christmas|new year's day"
)
_SEASON_PHRASE_EN = (
    r"\b(?:(?P<prep>in|during|over|at|on|by) )?(?:(?:the|that|this) )?"
    rf"(?:{_SEASON_EN})(?: holidays?)?(?: of| in|,)?"
)
_BEFORE_YEAR_EN = re.compile(_SEASON_PHRASE_EN + " $", re.IGNORECASE)


# What may follow a name inside its word and still leave it a name: particles.
_KO_PARTICLE_AFTER = re.compile(
    r"(?:$|[^가-힣]|(?:는|가|를|도|랑|하고|한테|의|네|만|와|처럼|보다|까지|야|에게|에서|에|로|으로"
    r"|은|이|을|과|이랑)(?:$|[^가-힣]))"
)
# An organ of the state named after its own unit: "무산군 인민위원회" as "함경북도
# 인민위원회" would be the provincial committee, another body: the place gets the tag.
_ORGAN_KO = re.compile(
    r"\s?(?:당위원회|당|인민위원회|보안서|보안부|보위부|안전부|보위국|안전국|검찰소|재판소"
    r"|인민보안서|인민보안부|국가보위부)"
)
_ORGAN_EN = re.compile(
    r"(?:'s)?\s(?:county\s|city\s|provincial\s)?(?:party\scommittee|people's\scommittee"
    r"|(?:state\s)?security\s(?:bureau|department|office)|(?:people's\s)?safety"
    r"\s(?:bureau|department|office)|police\s(?:station|office|bureau)|court|prosecutor)\b",
    re.IGNORECASE,
)


def _organ_after(text: str, end: int) -> bool:
    m = _ORGAN_KO.match(text, end)
    if m and _KO_PARTICLE_AFTER.match(text, m.end()):  # 당에서, not 당원들 or 당시
        return True
    return bool(_ORGAN_EN.match(text, end))


# A facility of the place named before it: "Hyesan Market" lies in Hyesan.
_PLACE_REST_EN = re.compile(
    r" (?:Market|Station|Mine|Port|Harbou?r|Hospital|School|Farm|Factory|Prison|Camp"
    r"|Airport|Bridge|Customs|Jangmadang)\b"
)


def widen(text: str, f: Finding) -> Finding:
    """A finding widened over what belongs to it but its detector left beside it: the
    season of a year, the unit or facility word of a place ("혜산시", "Hyesan Market"),
    the familiar 이 of a name ("금실이 남편" → "인물2 남편", not "인물2가 남편", which
    says another thing). A Korean place inside a longer word is marked to get the tag
    ("신의주역전" would become a false "평안북도역전")."""
    if f.type == PiiType.DATE.value:
        return widen_date(text, f)
    end = f.end
    if f.type == PiiType.PLACE.value and end < len(text):
        if _organ_after(text, end):
            return replace(f, info={**f.info, INSIDE_WORD: True})
        m = _PLACE_REST_EN.match(text, end)
        if m:
            return replace(f, end=m.end())
        if HANGUL_SYLLABLE.match(text[f.start]) and HANGUL_SYLLABLE.match(text[end]):
            stop = _word_end(text, end)
            if stop == end:
                return f
            if ancestry.readings(text[f.start : stop]):  # "혜산" of "혜산시에서"
                return replace(f, end=stop)
            return replace(f, info={**f.info, INSIDE_WORD: True})
    if (
        f.type == PiiType.PERSON.value
        and text.startswith("이", end)
        and end > f.start
        and has_final(text[end - 1])
        and _KO_PARTICLE_AFTER.match(text, end + 1)
        and not text.startswith(("이다", "이에", "이었", "이라", "이고", "이면", "이지"), end)
    ):
        return replace(f, end=end + 1)
    return f


HANGUL_SYLLABLE = re.compile(r"[가-힣]")
# Endings a Korean place word may carry: particles, the copula, 사람 ("회령사람").
_PLACE_TAILS = sorted(
    (
        "에서부터 에서는 에서도 에서 에게 에는 에도 에선 엔 으로 로는 로 이랑 랑 까지 부터 "
        "에 은 는 이 가 을 를 와 과 의 도 만 쪽 쪽으로 쪽에 이었어요 이에요 이었다 이다 "
        "였어요 예요 였다 다 사람 사람들 사람이 사람은 사람들이 출신 출신이 출신으로"
    ).split(),
    key=len,
    reverse=True,
)


# A place finding whose word goes on ("무산군" of "무산군당 비서", "신의주" of
# "신의주역전") or that names an organ of its unit ("무산군 인민위원회"): the province
# there would name another thing (함경북도당 is the provincial committee), so the place
# gets the tag and the rest stays.
INSIDE_WORD = "inside_word"


def _word_end(text: str, end: int) -> int:
    """Where the word a place finding stands in ends, less its particle ("시장에서" →
    "시장"); ``end`` itself when only a particle follows."""
    stop = end
    while stop < len(text) and HANGUL_SYLLABLE.match(text[stop]):
        stop += 1
    rest = text[end:stop]
    while rest not in _PLACE_TAILS:  # "사람이었어요": the copula, then 사람
        tail = next((t for t in _PLACE_TAILS if rest.endswith(t) and len(rest) > len(t)), "")
        if not tail:
            return end + len(rest)
        rest = rest[: -len(tail)]
    return end


def widen_date(text: str, f: Finding) -> Finding:
    """A year finding widened over the season or holiday said beside it ("2001년 겨울",
    "the spring of 1999", "at Chuseok in 2019"): the year policy then keeps the year
    alone, and the finer time goes with the finding."""
    if f.type != PiiType.DATE.value or not isinstance(f.info.get("year"), int):
        return f
    said = text[f.start : f.end]
    if said.rstrip().endswith(("년", "년도")):
        m = _AFTER_YEAR_KO.match(text, f.end)
        if m:
            return replace(f, end=m.end())
    elif said[:1].isdigit():
        m = _BEFORE_YEAR_EN.search(text[max(0, f.start - 50) : f.start])
        if m:
            return replace(f, start=f.start - (len(m.group(0))))
    return f


_PREPOSITION = re.compile(r"(in|during|over|at|on|by) ", re.IGNORECASE)
SEASON_SAID = re.compile(rf"(?:{_SEASON_KO}|초|말)$|^(?:{_SEASON_PHRASE_EN})", re.I)


def season_as_year(text: str, f: Finding, said: str, year: str, lang: str) -> str:
    """A season or holiday of a year as the year, in words still true: an event at the
    time happened in the year ("2001년 겨울에 왔다" → 2001년에), but the season itself
    as a subject is only some time in it ("the summer of 2008 was dry" → a time in 2008)."""
    if lang == "ko":
        subject = re.match(r"(?:은|는|이|가)(?![가-힣])", text[f.end : f.end + 2])
        return f"{year} 어느 때" if subject else year
    prep = _PREPOSITION.match(said)
    if prep:  # "at Chuseok in 2019" → "in 2019"
        word = "by" if prep.group(1).lower() == "by" else "in"
    else:
        word = "a time in"
    return f"{word[0].upper() + word[1:] if said[0].isupper() else word} {year}"

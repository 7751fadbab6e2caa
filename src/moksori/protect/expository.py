"""Findings that protect no one in expository text: a paper, a report, a news story.

Why a module of its own: prose about many people names states, institutions, the years
a study ran, sample statistics and its own title, and a finding on any of them costs a
reviewer a decision and, replaced, can change what the text says. These rules run only
where ``detect.voice`` says the text is not testimony (``shared_list.Gate``), so a
witness's "I left in 2010" or "my neighbour, 45" is never touched by them. The
participants a paper quotes (their pseudonyms, hometowns, ages, the year each left)
stay findings: a year is kept beside a name, an age, a pronoun or a life event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from moksori.protect import gazetteer
from moksori.protect.detect.english_names import listed_name
from moksori.protect.spans import PiiType, Span
from moksori.protect.textview import Tok

# Regions as large as a province (the default policy prints a place as its province): in
# a report "연변에서 장기간 체류한 경우가 많다" or "수도권이 62%" locates no one. Small
# regions (a mining district, a logging camp, a station) stay findings everywhere.
_BROAD_REGIONS = frozenset(
    {
        "연변조선족자치주",
        "수도권",
        "경상도",
        "충청도",
        "전라도",
        "황해도",
        "함경도",
        "평안도",
        "연해주",
    }
)
# The seats of state a report names as actors ("국회는 법안을 심사한다"). Elsewhere they stay
# places: a short sentence or a testimony may place someone there.
_SEATS_OF_STATE = frozenset(
    {"국회", "국회의사당", "청와대", "대통령실", "national assembly", "blue house"}
)
_WEEKDAY = re.compile(
    r"(?i)(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|[월화수목금토일]요일"
)
# A news dateline: "Seoul, March 3 (Yonhap) --", at the top of the story; the dates a
# paper or post was received, published or updated.
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Za-z .'\-]{1,30},\s*$")
_PUBLISHED = re.compile(
    r"(?im)^[^\n]{0,40}\b(?:published|received|accepted|posted|updated|first\s+online)\b"
    r"[^\n]{0,20}$|^[^\n]{0,40}(?:게재|발행|입력|수정|작성일|등록일|접수|게재\s?확정)[^\n]{0,10}$"
)
# A person named with a public office is a public figure: "Unification Minister Kim
# Yung-ho", "the UN Special Rapporteur …, Elizabeth Salmon,", "통일부 장관 김영호",
# "이정훈 연구위원은". Participants are never introduced this way in a paper or report.
_OFFICE_BEFORE = re.compile(
    r"(?:Minister|Secretary|President|Ambassador|Rapporteur(?:\s+on\s+[^,.]{1,60})?"
    r"|Spokes(?:person|man|woman)|Chairman|Chairwoman|Commissioner|Senator|lawmaker"
    r"|Professor|Prof\.|Director|Envoy|Representative)\s*,?\s*$"
    r"|(?:장관|차관|대변인|의원|대사|특별보고관|위원장|교수|연구위원|소장|총장)\s*$"
)
_OFFICE_AFTER = re.compile(
    r"\s?(?:[가-힣]{2,12}\s)?(?:장관|차관|대변인|의원|대사|특별보고관|위원장|교수|연구위원"
    r"|선임연구위원|연구원장|소장|총장|이사장|사무총장)(?![가-힣]{2})"
)

_DECADE = re.compile(r"(?:1[89]|20)\d0\s?(?:'?s|년대)(?:\s?(?:초|중반|후반|말))?")
# A year, a year range or a year and month ("2021", "2019–2021", "2020년 1월", "May 2020").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_YEARISH = re.compile(
    rf"(?:{_MONTH}\s)?(?:1[89]|20)\d\d년?(?:\s?[-–~]\s?(?:(?:1[89]|20)?\d\d)년?)?"
    r"(?:\s?\d{1,2}월)?"
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Beside these a year dates one person's life: a pronoun, a relative, a life event.
_ONE_PERSON = re.compile(
    r"(?i)\b(?:she|he|her|his|him|participant|interviewee|respondent|woman|man|girl|boy"
    r"|mother|father|sister|brother|son|daughter|husband|wife)\b"
    r"|그는|그가|그녀|그의|그를|씨[는가의도(]|한\s?(?:여성|남성|참여자|탈북민|응답자)"
    r"|[(（][^()（）\n]{0,12}\d{1,2}\s?(?:세|살)?\s?[)）]"  # "A씨(45)", "(female, 45)"
)
_LIFE = re.compile(
    r"(?i)\b(?:left|born|arrived|fled|escaped|crossed|defected|came|moved|married|died"
    r"|lived|entered|reached|arrested|repatriated)\b"
    r"|입국|탈북[하한해했]|출생|태어|떠나|떠났|건너|넘어|도착|결혼|사망|체포|북송[되된됐]"
)
# …unless the sentence counts many ("30,000 North Koreans have crossed", "1,047명"):
# then the event is history, not one life.
_MANY = re.compile(
    r"(?i)\b(?:thousands|hundreds|millions|dozens)\b|\d[\d,.]*\s?(?:명|만|%|percent\b|people\b)"
    r"|\b[A-Z][a-z]+(?:ans|ers|ees|ants)\s+(?:have|had|were)\b"
)
# An age said of a sample: "aged 19 to 63", "in their 30s", "20대부터 60대까지", "평균 41세",
# "60 or older", "만 18세 미만". "Sunhee, aged 43," is one person's age and stays.
_AGE_STAT_BEFORE = re.compile(
    r"(?i)(?:\b(?:ages|between|from|mean|average|median|their|over|under)\s+(?:of\s+)?"
    r"|평균\s?(?:연령은?|나이는?)?\s?|\d\s?(?:세|살|대)?(?:부터|에서|\s?[~\-–])\s?)$"
)
_AGE_STAT_AFTER = re.compile(
    r"(?i)^\s?(?:to|and|-|–|~|부터|에서|이상|이하|미만|(?:or|and)\s+(?:older|over|younger"
    r"|above|below|under))(?![a-z])"
)
# Names a paper lists as its literature: "scholars such as A, B and C have written …".
_SCHOLARS = re.compile(
    r"(?i)\b(?:scholars|researchers|authors|historians|anthropologists|sociologists"
    r"|economists|analysts|experts|writers|studies\s+by|work\s+of|works\s+of)"
    r"(?:\s+(?:such\s+as|like|including))?\s+$"
)
_LISTED_NAME = re.compile(r"(?:[A-Z][\w'’\-]*\s+)*[A-Z][\w'’\-]*(?:,\s+and\s+|,\s*|\s+and\s+)$")
# One word in capitals is an acronym or a shouted word ("NKHRF", "FRIENDS"), not a person:
# papers that print surnames in capitals print the given name beside them ("KIM Chol-su").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,11}")
_LOCATIVE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+$")
_HEADING_WORD = re.compile(r"[A-Za-z][\w'’\-]{3,}")
# A person found in Korean that ends like an institution: "한국개발연구원", "고려대학교".
_KO_INSTITUTION = re.compile(
    r"[\uac00-\ud7a3]{2,}(?:대학교|대학원|연구원|연구소|재단|위원회|협회|학회|기구|공단|공사"
    r"|센터|은행|정부|당국|부처|경찰청|법무부|국무부|외무성|외교부)$"
)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from the last full stop or line break to the next."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return a, m.start() + 1 if m else len(text)


def _line(text: str, start: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, b if b >= 0 else len(text)


def heading(text: str, start: int) -> bool:
    """The position stands in a title line: no closing stop, most long words capitalised."""
    a, b = _line(text, start)
    line = text[a:b].strip()
    words = _HEADING_WORD.findall(line)
    if len(line) > 200 or len(words) < 4 or line[-1:] in '.!?"”’)':
        return False
    return sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


def _only_in_headings(text: str, said: str) -> bool:
    """Every mention of ``said`` stands in a title line: a guessed name, not a participant."""
    for m in re.finditer(rf"(?<![\w]){re.escape(said)}(?![\w])", text):
        if not heading(text, m.start()):
            return False
    return True


def _year_of_study_or_history(text: str, span: Span, people: Sequence[int]) -> bool:
    a, b = sentence(text, span.start, span.end)
    if any(a <= p < b for p in people) or _ONE_PERSON.search(text, a, b):
        return False
    return not _LIFE.search(text, a, b) or bool(_MANY.search(text, a, b))


def _age_statistic(text: str, span: Span, said: str) -> bool:
    if said.lower().startswith("in their "):
        return True  # "12 respondents were in their 30s"
    before = text[max(0, span.start - 24) : span.start]
    after = text[span.end : span.end + 14]
    return bool(_AGE_STAT_BEFORE.search(before) or _AGE_STAT_AFTER.match(after))


def _common_nouns(span: Span, tokens: Sequence[Tok]) -> bool:
    """A Korean guess made only of words Kiwi knows as common nouns (and suffixes such as
    -률): "고용률", "정착 지원"."""
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    nouns = [t for t in inside if t.tag == "NNG" and not t.oov]
    return bool(nouns) and all(t in nouns or t.tag == "XSN" for t in inside)


def _listed_scholar(text: str, span: Span) -> bool:
    """The name stands in a list after "scholars such as" (names and commas, "and")."""
    a, _ = sentence(text, span.start, span.end)
    head = text[a : span.start]
    while m := _LISTED_NAME.search(head):  # step back over "Andrei Lankov, Sandra Fahy and "
        head = head[: m.start()]
    return bool(_SCHOLARS.search(head))


def _plural_noun(bare: str, span: Span) -> bool:
    """ "Officials said …": a weak guess on one word in -s that no name list knows. Korean
    names never end in -s; English ones that do (Adams, Jones) are on the lists."""
    return (
        span.confidence < 0.5
        and bare.isalpha()
        and bare.endswith("s")
        and not bare.endswith("ss")
        and not listed_name(bare)
    )


def _public_office(text: str, span: Span) -> bool:
    before = text[max(0, span.start - 100) : span.start]
    return bool(_OFFICE_BEFORE.search(before) or _OFFICE_AFTER.match(text, span.end))


def drops(
    text: str, span: Span, said: str, people: Sequence[int] = (), tokens: Sequence[Tok] = ()
) -> bool:
    """Whether a finding in expository text protects no one (see the module's docstring)."""
    bare = said.strip()
    if span.type == PiiType.PLACE:
        level = span.info.get("level")
        if bare.casefold().removeprefix("the ") in _SEATS_OF_STATE:
            return True
        if level == "region":
            place = gazetteer.lookup(bare)
            return place is not None and place.name_ko in _BROAD_REGIONS
        return level in ("country", "province")
    if span.type == PiiType.DATE:
        if _DECADE.fullmatch(bare) or _WEEKDAY.fullmatch(bare):
            return True
        if span.start < 60 and _DATELINE_BEFORE.match(text[: span.start]):
            return True
        a, _ = _line(text, span.start)
        if _PUBLISHED.match(text[a : span.start]):
            return True  # "Published: 9 October 2021", "입력 2021.06.27"
        return bool(_YEARISH.fullmatch(bare)) and _year_of_study_or_history(text, span, people)
    if span.type == PiiType.AGE:
        return _age_statistic(text, span, bare)
    if span.type == PiiType.PERSON:
        if _public_office(text, span):
            return True
        if bare.isascii():
            if _listed_scholar(text, span):
                return True
            if " " not in bare and _LOCATIVE_BEFORE.search(
                text, max(0, span.start - 8), span.start
            ):
                return not text.startswith("'s", span.end)  # "In Washington, …": a city
            if _plural_noun(bare, span) or _ACRONYM.fullmatch(bare):
                return True
            return heading(text, span.start) and _only_in_headings(text, bare)
        if _KO_INSTITUTION.search(bare):
            return True  # an institution is not a person
        return span.confidence < 0.9 and _common_nouns(span, tokens)
    return False

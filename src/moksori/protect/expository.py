"""Findings that protect no one in expository text: a paper, a report, a news story.

Why a module of its own: prose about many people names states, institutions, the years
a study ran, sample statistics and its own title, and a finding on any of them costs a
reviewer a decision and, replaced, can change what the text says. These rules run only
where ``detect.voice`` says the text is not testimony (``shared_list.Gate``), so a
witness's "I left in 2010" or "my neighbour, 45" is never touched by them. The
participants a paper quotes (their pseudonyms, hometowns, ages, the year each left)
stay findings: a year is kept beside a name, an age, a pronoun or a life event.

Persons are held to a stricter standard than in testimony: a weak guess (below 0.5), a
word capitalised only where every word is (a sentence or line start, a heading), a
listed common word ("Case", "Acknowledgements"), an office or an organisation's head
word, or a bare romanised Korean word nobody speaks through ("Mindan") is dropped,
unless the text introduces the name as a participant ("(가명 금실, 40대)", "whom we
call Dahye (in her 30s)", "Mansik, 58,"): those are never dropped, at any mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from moksori.protect import expository_places as places
from moksori.protect.detect.english_cues import _LEFT_CUES, _ORG_HEADS, _RIGHT_CUES
from moksori.protect.detect.english_names import common_word, listed_name
from moksori.protect.detect.romanised_names import given_alone
from moksori.protect.expository_places import LIFE as _LIFE
from moksori.protect.expository_places import MANY as _MANY
from moksori.protect.expository_places import ONE_PERSON as _ONE_PERSON
from moksori.protect.expository_places import line as _line
from moksori.protect.expository_places import sentence
from moksori.protect.romanise import is_korean_given
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import Tok

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
    r"|(?:지난해|작년|올해|금년|전년|last\s+year|this\s+year)(?:\s?\d{1,2}월)?"
    rf"|\d{{1,2}}월|{_MONTH}"  # a month alone: "3월부터 9월까지" of a study's fieldwork
)
# An age said of a sample: "aged 19 to 63", "in their 30s", "20대부터 60대까지", "평균 41세",
# "60 or older", "만 18세 미만". "Sunhee, aged 43," is one person's age and stays.
_AGE_STAT_BEFORE = re.compile(
    r"(?i)(?:\b(?:ages|between|from|mean|average|median|their|over|under)\s+(?:of\s+)?"
    r"|평균\s?(?:연령은?|나이는?)?\s?|\d\s?(?:세|살|대)?(?:부터|에서|\s?[~\-–])\s?)$"
)
_AGE_STAT_AFTER = re.compile(
    # "19 to 63", "19-63": the range goes on to a number ("she was nineteen and had just left"
    # is one woman's age)
    r"(?i)^\s?(?:(?:to|and|-|–|~)\s?(?:\d|[a-z]*(?:teen|ty)(?![a-z]))|부터|에서|이상|이하|미만"
    r"|(?:or|and)\s+(?:older|over|younger|above|below|under)(?![a-z]))"
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


# A person guess below this is dropped in expository text unless it is a participant: a
# paper names hundreds of capitalised words, its participants are introduced as such.
WEAK_PERSON = 0.5
_PARTICIPANT_BEFORE = re.compile(
    r"(?i)(?:가명|pseudonym|pseudonymously|called\s+here|whom\s+we\s+call|we\s+call\s+(?:her|him)"
    r"|(?:participant|interviewee|respondent|informant|참여자|면담자|응답자|제보자)\s?[A-Z0-9]{0,3}"
    r"\s?[(:,])\s*[:,]?\s*$"
)
_PARTICIPANT_AFTER = re.compile(
    r"(?i)\s?(?:\((?:가명|pseudonym|a\s+pseudonym|not\s+(?:her|his|their)\s+real\s+name"
    r"|[^()\n]{0,24}?\d0\s?(?:대|'?s)|\d{1,2}\s?(?:세|살)?\s?[,)]|in\s+(?:her|his|their)\s"
    r"|(?:female|male|woman|man|여성?|남성?)\b)"
    r"|,\s?\d{1,2}\s?(?:세|살)?,|,\s?(?:aged?|age)\s\d|,\s?(?:a|an)\s\d{1,2}-year-old"
    r"|,?\s?(?:\(가명\)|씨\(가명\)))"
)
# Words of offices: a span holding one is a title, neither a name nor a place.
_OFFICE_WORDS = frozenset(
    """rapporteur minister secretary president ambassador spokesperson spokesman spokeswoman
    director chairman chairwoman chair commissioner envoy officer official deputy
    representative senator governor mayor premier""".split()
)
# …and with the heads of bodies, not a person ("Korea Hana Foundation", "Special Envoy").
_NOT_A_NAME_WORDS = _ORG_HEADS | _OFFICE_WORDS | frozenset("special general vice".split())
_AS_PUT = re.compile(r"\b(?:[Aa]s|[Ww]hat|[Hh]ow)\s+$")  # "As Okhee put it", "what Jimin calls"
_FAMILY_AFTER = re.compile(r"\s+(?:family|families|dynasty|clan|line)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "become a Bridge Builder", "every Friend of Hope": a class one joins, not a person.
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Ee]very|[Ee]ach)\s+$")
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[가-하]\.)\s+")


def heading(text: str, start: int) -> bool:
    """The position stands in a title line: no closing stop, most long words capitalised."""
    a, b = _line(text, start)
    line = text[a:b].strip()
    words = _HEADING_WORD.findall(line)
    if len(line) > 200 or len(words) < 4 or line[-1:] in '.!?"”’)':
        return False
    return sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


@lru_cache(maxsize=4096)  # a name is said many times; a str caches its hash
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


@lru_cache(maxsize=4096)  # a name is said many times; a str caches its hash
def _capitalised_only_as_sentence_start(text: str, said: str) -> bool:
    """One word no name list knows, capitalised only where every word is: at the start
    of a sentence or a line. A romanised Korean given name ("Hyejin") is evidence itself."""
    if " " in said or listed_name(said) or given_alone(said, said.casefold()):
        return False
    if "-" in said and is_korean_given(said):
        return False  # "Kyong-ok, the youngest participant, …"
    for m in re.finditer(rf"(?<![\w]){re.escape(said)}(?![\w])", text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\"“‘'(")
        if before and before[-1] not in ".!?:\n":
            return False
    return True


def _bare_romanised(text: str, span: Span, said: str) -> bool:
    """One romanised Korean word ("Mindan", "Chongryon") that the paper neither introduces
    as a participant (that is checked first) nor makes speak or act as a person does."""
    if not (said.isalpha() and given_alone(said, said.casefold())) or listed_name(said):
        return False
    left = text[max(0, span.start - 40) : span.start]
    return not (
        _LEFT_CUES.search(left) or _RIGHT_CUES.match(text, span.end) or _AS_PUT.search(left)
    )


def participant(text: str, span: Span) -> bool:
    """A name the paper gives as one of its participants: after "pseudonym"/"가명", or
    followed by an age or a pseudonym mark in brackets or commas ("Sunhee, 43,")."""
    before = text[max(0, span.start - 30) : span.start]
    if not (_PARTICIPANT_BEFORE.search(before) or _PARTICIPANT_AFTER.match(text, span.end)):
        return False
    return not _public_office(text, span)  # "Minister Kim …, 58,": an office holder


def _section_line(text: str, span: Span) -> bool:
    """The span opens a short line without a closing stop: a section heading, numbered
    ("3.2 Control and debt") or not ("Case box 1: …")."""
    a, b = _line(text, span.start)
    head = text[a : span.start]
    line = text[a:b].strip()
    if len(line) > 80 or line[-1:] in '.!?"”’)':
        return False
    return head.strip(" \t#*") == "" or bool(_SECTION_NUMBER.fullmatch(head))


@lru_cache(maxsize=4096)  # a name is said many times; a str caches its hash
def _only_in_section_lines(text: str, said: str) -> bool:
    for m in re.finditer(rf"(?<![\w]){re.escape(said)}(?![\w])", text):
        if not _section_line(text, Span(m.start(), m.end(), PiiType.PERSON, 0.0, "")):
            return False
    return True


def drops(
    text: str, span: Span, said: str, people: Sequence[int] = (), tokens: Sequence[Tok] = ()
) -> bool:
    """Whether a finding in expository text protects no one (see the module's docstring)."""
    bare = said.strip()
    if span.type == PiiType.PLACE:
        if _section_line(text, span) and _only_in_section_lines(text, bare):
            return True  # "Findings", "Methods": a heading a model took for a place
        if bare.isascii() and any(w.casefold() in _OFFICE_WORDS for w in bare.split()):
            return True  # "the UN Special Rapporteur": an office
        if " " in bare and bare.isascii() and bare.split()[-1].casefold() in _ORG_HEADS:
            return True  # "Asian Survey", "Hana Center": a body a paper names, no one's home
        if bare.casefold().removeprefix("the ") in _SEATS_OF_STATE:
            return True
        return places.drops(text, span, bare, people)
    if span.type == PiiType.DATE:
        if _DECADE.fullmatch(bare) or _WEEKDAY.fullmatch(bare):
            return True
        a, _ = _line(text, span.start)
        if span.start < 600 and _DATELINE_BEFORE.match(text[a : span.start]):
            return True  # "SEOUL, April 9 —"
        if _PUBLISHED.match(text[a : span.start]):
            return True  # "Published: 9 October 2021", "입력 2021.06.27"
        if _YEARISH.fullmatch(bare) or not any(c.isdigit() for c in bare):
            # the years a study ran; a holiday said of no one ("closed at Chuseok")
            return _year_of_study_or_history(text, span, people)
        return False
    if span.type == PiiType.AGE:
        return _age_statistic(text, span, bare)
    if span.type == PiiType.PERSON:
        if _public_office(text, span):
            return True  # "Unification Minister Kim …, 58,": an office holder, even aged
        if participant(text, span):
            return False  # "(가명 금실, 40대)", "Youngmi (in her 20s, …)": the study's people
        if span.confidence < WEAK_PERSON or (" " not in bare and common_word(bare)):
            return True  # a weak guess, or "Acknowledgements:", "Case" in a paper
        if _section_line(text, span) and _only_in_section_lines(text, bare):
            return True  # "3.2 Control and debt": a heading's first word
        if bare.isascii():
            if any(w.casefold() in _NOT_A_NAME_WORDS for w in bare.split()):
                return True  # "UN Special Rapporteur", "Korea Hana Foundation"
            if _FAMILY_AFTER.match(text, span.end) and _THE_BEFORE.search(
                text, max(0, span.start - 5), span.start
            ):
                return True  # "the Kim family still rules": a dynasty, not a participant
            if _capitalised_only_as_sentence_start(text, bare):
                return True  # "Brokerage has been described …": no evidence but a capital
            if _bare_romanised(text, span, bare):
                return True  # "Chongryon and Mindan": Korean words, not introduced as people
            if _listed_scholar(text, span):
                return True
            if " " not in bare and _LOCATIVE_BEFORE.search(
                text, max(0, span.start - 8), span.start
            ):
                return not text.startswith("'s", span.end)  # "In Washington, …": a city
            if _ARTICLE_BEFORE.search(text, max(0, span.start - 7), span.start):
                return True
            if _plural_noun(bare, span) or _ACRONYM.fullmatch(bare):
                return True
            return heading(text, span.start) and _only_in_headings(text, bare)
        if _KO_INSTITUTION.search(bare):
            return True  # an institution is not a person
        return span.confidence < 0.9 and _common_nouns(span, tokens)
    return False

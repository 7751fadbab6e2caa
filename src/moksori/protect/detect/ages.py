"""Ages, birth years, age bands and Hanawon cohorts, in Korean and English.

Why numbers are parsed, not just found: generalisation turns "스물세 살" into
"20대" and "85년생" into "1980년대생", so ``info`` carries the number
({"age": 23}, {"born": 1985}, {"band": 40}, {"cohort": 142}) and, when the
phrase says so, the gender ({"gender": "f"}), never the words themselves.
Korean speakers give ages in native numerals (스물세, 서른다섯), which are
parsed here.
"""

from __future__ import annotations

import re
from typing import Any

from moksori.protect import gazetteer as gz
from moksori.protect.detect import sparse
from moksori.protect.detect.english_names import common_word
from moksori.protect.detect.numbers import (
    EN_DECADES,
    EN_FIRST,
    NATIVE,
    NATIVE_FIRST,
    NATIVE_TENS_RE,
    NATIVE_UNITS_RE,
    NOT_HANGUL_BEFORE,
    NUM,
    SINO_TENS,
    alt,
    english_number,
    native_number,
    sino_number,
    two_digit_year,
)
from moksori.protect.spans import PiiType, Span

# --- gender next to an age ---------------------------------------------------------------
_FEMALE_AFTER = re.compile(
    r"^\s?(?:의\s)?(?:여성|여자|녀성|녀자|여|엄마|어머니|할머니|아주머니|아줌마|주부|딸|"
    r"woman|female|girl|lady|mother|wife|daughter|grandmother)(?![a-z])", re.I)  # fmt: skip
_MALE_AFTER = re.compile(
    r"^\s?(?:의\s)?(?:남성|남자|남|아버지|할아버지|아저씨|아들|"
    r"man|male|boy|gentleman|father|husband|son|grandfather)(?![a-z])", re.I)  # fmt: skip
_FEMALE_BEFORE = re.compile(r"(?:여성|여자|녀성|녀자|woman|female|she|her)\W{0,3}$", re.I)
_MALE_BEFORE = re.compile(r"(?:남성|남자|man|male|he|his)\W{0,3}$", re.I)


def gender_near(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 16]
    before = text[max(0, start - 10) : start]
    if _FEMALE_AFTER.match(after) or _FEMALE_BEFORE.search(before):
        return "f"
    if _MALE_AFTER.match(after) or _MALE_BEFORE.search(before):
        return "m"
    return None


# --- Korean ------------------------------------------------------------------------------
KO_DIGIT_AGE = re.compile(
    r"(?=[만\d])(?<!\d)(?<!\d[.,])(?:만\s?)?(?:\d{1,3}\s?[~∼\-–]\s?)?(\d{1,3})\s?(살|세(?!대|기|금|관|계|율|입|출|무))"
)
# A verb 살다 after a native numeral is no age: 한 살림, 스무 살았다 (not Korean), 한 살인.
KO_NATIVE_AGE = re.compile(
    rf"(?=[만{NATIVE_FIRST}]){NOT_HANGUL_BEFORE}(?:만\s?)?({NATIVE})\s?살(?!림|았|아서|아요|아야|던|인\s?사건|인범|인자|해|균|충|생)"
)
# "서른다섯에 결혼했다": a tens numeral without 살 is still an age, unless a counter follows.
KO_NATIVE_BARE = re.compile(
    rf"(?=[스서마예일여아쉰]){NOT_HANGUL_BEFORE}((?:스물|서른|마흔|예순|일흔|여든|아흔)(?:\s?(?:{NATIVE_UNITS_RE}))?|쉰(?:{NATIVE_UNITS_RE}))"
    r"(?=$|[^\uac00-\ud7a3]|에|이|은|는|의|쯤|까지|부터|을|도|즈음|무렵|줄|남짓|엔|으로|이었|이던|였|일"
    r"|인데|인가|인지|인\s|밖에|이면|이라|임다|임니다|입니다|입네다|이요|예요|이에요|이야|이지|이래|이네"
    r"|라고|라는|라며|래요|셨)"
    r"(?!\s?(?:명|개|권|마리|번|채|가지|시|분|장|대|켤레|그릇|잔|병|곳|군데|해|달|날|주|살))"
)
# 쉰 alone is also "stale, hoarse" (쉰 목소리): an age only as what someone was or became.
KO_FIFTY = re.compile(
    rf"{NOT_HANGUL_BEFORE}(쉰)(?=이셨|이었|이에요|이야|이시|이라고|이\s?(?:넘|다\s?됐|됐|되)"
    r"|에\s(?:시집|장가|결혼|탈북|돌아가|죽|혼자|과부))"
)
# "서른 중반이었어요": a native tens and its part is an age band.
KO_NATIVE_PART = re.compile(
    rf"(?=[스서마쉰예일여아]){NOT_HANGUL_BEFORE}(스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s?(초반|중반|후반)"
)
# "환갑 넘은 어머니", "칠순 잔치": the birthdays that name an age.
_AGE_WORDS = {"환갑": 60, "회갑": 60, "진갑": 61, "칠순": 70, "고희": 70, "팔순": 80, "구순": 90}
KO_AGE_WORD = re.compile(
    rf"(?=[환회진칠고팔구]){NOT_HANGUL_BEFORE}({alt(_AGE_WORDS)})"
    r"(?=$|[^\uac00-\ud7a3]|이|을|에|도|\s?(?:넘|지난|지나|다\s?된|된|잔치|때|무렵))"
)
# "열여섯에 시집을 갔어": ten-and-a-unit said alone with a particle of time. 열 alone is
# "ten" or "heat" (열에 아홉), and a counter after it is a count (열두 시, 열다섯 명).
KO_TEEN_BARE = re.compile(
    rf"{NOT_HANGUL_BEFORE}(열\s?(?:{NATIVE_UNITS_RE}))"
    r"(?=에|엔|에는|때|적|쯤에|무렵|즈음|이었|이던|였|이에요|이야|이지|이래|입니|이라|밖에\s?안"
    r"|이셨|인데|이고|이니까|이라서|이\s?(?:됐|되었|될|넘었|넘은)|(?<=[내제]\s열.)[.!?,]|(?<=[내제]\s열..)[.!?,]"
    r"|\s(?:때|적|무렵|즈음|나던|되던|되었|됐|먹던|먹은|먹었|먹을|나서|넘어|넘은))"
)
# "오십 넘어서 탈북했어요", "사십에": a Sino-Korean tens said as an age, before 넘어/에/살.
KO_SINO_AGE = re.compile(
    r"(?=[이삼사오육칠팔구])(?<![\uac00-\ud7a3\d])((?:이|삼|사|오|육|칠|팔|구)십(?:일|이|삼|사|오|육|칠|팔|구)?)"
    r"(?=\s?(?:살|세)(?!림|았|아|던|인|해|균|충|생|기|대|금|관|계|율)|\s?(?:넘어|넘어서|넘은|넘었|넘도록|다\s?되|이\s?넘|가\s?넘)"
    r"|에\s(?:시집|장가|결혼|탈북|퇴직|죽|돌아가|과부|홀로|혼자))"
)
# "40 넘어서 탈북했어요": a round age in digits said as a threshold of a life.
KO_DIGIT_OVER = re.compile(
    r"(?=[2-9])(?<![\d.,])([2-9]0)\s?(?:이\s|가\s)?(?:넘어서|넘어|넘은|넘었|넘도록|다\s?되어|다\s?돼)"
    r"(?=[^\n.]{0,12}?(?:탈북|시집|장가|결혼|아이|애를|애가|죽|돌아가|강을|건너|들어왔|나왔|떠났|입국|퇴직|혼자))"
)
# "올해 스물여덟임다", "나이가 벌써 예순", "지금 열아홉이에요": any native number said as
# this year's or the present age, a unit digit alone too ("올해 일곱 살" has 살 anyway).
KO_NOW_AGE = re.compile(
    rf"(?:올해|금년|지금|이제|나이는|나이가|나이도|나이로)\s?(?:벌써\s?|이제\s?|겨우\s?|한\s|딱\s?)?"
    rf"(?P<n>(?:{NATIVE_TENS_RE})(?:\s?(?:{NATIVE_UNITS_RE}))?)"
    r"(?=$|[^\uac00-\ud7a3]|이|임|입|예요|이에|인|일|이었|였|밖에|쯤|정도|먹|됐|되|났)"
    r"(?!\s?(?:명|개|권|마리|번|채|가지|시|분|장|대|켤레|그릇|잔|병|곳|군데|해|달|날|주))"
)
# "스물두셋쯤", "서른너덧에": a tens and two units said together, an age within a year
# or two; the first unit stands for it (the band is the same).
_TWO_UNITS = {"한둘": 1, "두셋": 2, "서넛": 3, "너덧": 4, "네다섯": 4, "대여섯": 5, "예닐곱": 6,
              "일여덟": 7, "여덟아홉": 8}  # fmt: skip
KO_NATIVE_ROUGH = re.compile(
    rf"(?=[스서마쉰예일여아]){NOT_HANGUL_BEFORE}(?P<t>스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s?"
    rf"(?P<u>{'|'.join(sorted(_TWO_UNITS, key=len, reverse=True))})(?:\s?살)?"
    r"(?=$|[^\uac00-\ud7a3]|쯤|에|이|은|는|정도|때|무렵|즈음|이었|였|밖에|됐|되)"
)
KO_ASKED_AGE = re.compile(
    r"나이(?:는|가|도)?\s?(?:올해\s?|지금\s?)?(\d{1,3})(?![\d.,])(?!\s?[년월일명개])"
)
KO_BORN = re.compile(
    r"(?=\d)(?<![\d.,])((?:19|20)?\d{2})\s?년\s?(?:도\s?)?"
    r"(?:(\d{1,2})\s?월\s?(?:(\d{1,2})\s?일\s?)?)?(?:생|출생)(?![각산활명물])"
)
# "1985년에 (무산에서) 태어났어요": a year said as the year of a birth is a birth year too.
# Two-digit years only with a particle that makes them a year ("85년에"), never a duration
# ("20년 동안 … 태어나서 처음").
KO_BORN_VERB = re.compile(
    r"(?=['\d])(?<![\d.,])'?(?:(?P<y>(?:19|20)\d{2})|(?P<yy>\d{2})(?=\s?년\s?(?:도\s?)?(?:에|도|쯤|경|무렵|즈음|께)))"
    r"\s?년(?:도)?(?:\s?\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?)?"
    r"(?=[^\n.!?。]{0,20}?(?:태어|출생|태생))"
)
KO_BAND = re.compile(
    r"(?=[1-9이삼사오육칠팔구십])(?<![\d.,\uac00-\ud7a3])([1-9]0|(?:이|삼|사|오|육|칠|팔|구)?십)\s?대(?:\s?(초반|중반|후반|초|중|말))?"
    r"(?![\uac00-\ud7a3]{0,1}(?:수|표|학|회|로\s?(?:나누|구성)))"
)
_VEHICLES = re.compile(r"(?:차|자동차|트럭|버스|차량|컴퓨터|기계|TV|티비|대수|배|비행기)\s?$")

# --- English -----------------------------------------------------------------------------
EN_YEARS_OLD = re.compile(
    rf"(?=[\d{EN_FIRST}])(?<![\w.])({NUM})[- ]?(?:years?|yrs?)(?:[- ]old\b|\sof\sage\b)", re.I
)
# "her first birthday", "돌이었어요", "돌도 안 된": a baby of one.
EN_FIRST_BIRTHDAY = re.compile(r"\b(?:her|his|their|my|our|its)\sfirst\sbirthday\b", re.I)
KO_FIRST_BIRTHDAY = re.compile(
    r"(?<![가-힣])돌(?=이었|이에요|이야|이었|\s?때|도\s?안|도\s?못|잔치|이\s?(?:지나|막|갓)|을\s?(?:갓|막))"
)
# "a baby two months old": an age under a year; no decade to give, so a tag hides it.
EN_MONTHS_OLD = re.compile(
    rf"(?=[\d{EN_FIRST}])(?<![\w.])({NUM})[- ]?(?:months?|weeks?|days?)[- ]old\b", re.I
)
EN_YO = re.compile(r"(?=\d)(?<![\w.])(\d{1,3})\s?(?:y/o|y\.o\.|yo)(?![a-z])", re.I)
EN_AGED = re.compile(
    rf"(?=[at])\b(?:aged|age|ages|at the age of|at age|turned|turns|turning|turn|age:)\s({NUM})\b"
    r"(?!\s?(?:%|percent|degrees|pages?|times|minutes|hours|days|people|dollars|[.,]\d))",
    re.I,
)
# Who can "be" a number: a pronoun or a family word ("my daughter was twelve at the time").
_KIN = (
    r"(?:daughter|son|brother|sister|mother|father|mom|mum|dad|child|kid|baby|boy|girl|"
    r"husband|wife|cousin|niece|nephew|grandson|granddaughter|friend|aunt|uncle|grandmother|"
    r"grandfather|grandma|grandpa|granny|stepfather|stepmother|neighbou?r|partner|fianc[ée]e?)"
    r"(?:-in-law)?s?"
)
_KIN_ADJ = r"(?:(?:younger|older|elder|little|big|baby|eldest|youngest|late)\s)?"
# "His wife, then 28, stayed": a relative, then the age in commas.
EN_KIN_COMMA_AGE = re.compile(
    rf"(?=[mhotMHOT])\b(?:my|her|his|our|their|the)\s{_KIN_ADJ}{_KIN},\s(?:then\s|now\s|aged\s)?"
    r"(?:about\s|around\s|roughly\s|nearly\s|almost\s)?(\d{1,2}),",
    re.I,
)
_HEDGE = (
    r"(?:only\s|just\s|barely\s|about\s|around\s|nearly\s|almost\s|maybe\s|perhaps\s|probably\s"
    r"|already\s|still\s|over\s|under\s|not\syet\s|at\sleast\s|roughly\s|only\sabout\s"
    r"|now\s|then\s|only\sjust\s)?"
)
EN_WAS = re.compile(
    rf"(?=[ishwtymo])\b(?:I|she|he|we|they|you|(?:my|her|his|our|their|the)\s{_KIN_ADJ}{_KIN})"
    rf"\s(?:was|were|is|am|are|must\shave\sbeen|would\shave\sbeen|had\sbeen|might\shave\sbeen"
    rf"|must\sbe|would\sbe|will\sbe|should\sbe|might\sbe|turned|turns|will\sturn)"
    rf"\s{_HEDGE}({NUM})"
    r"(?=[,.;!?)]|\s(?:when|and|at|in|then|or|back|so|by|but|that|with|now|already|this|last"
    r"|the\s(?:year|summer|winter|spring|autumn|day|night)|that\syear)\b|$)",
    re.I,
)
# "My grandmother lived to 85", "he died at the age of 60": an age at death.
EN_LIVED_TO = re.compile(
    rf"(?=[ld])\b(?:lived\sto(?:\sbe)?|died\sat\sthe\sage\sof|lived\sto\sthe\sage\sof)\s({NUM})"
    r"\b(?!\s?(?:%|percent|o'clock|a\.m|p\.m|minutes|hours|days|weeks|months|people))",
    re.I,
)
# "Young-ho was 22 then", "my son, Min-su, is 8, and": a capitalised name as the subject
# (a romanised Korean given name has its hyphen or two capitals; others are checked
# against the words that are no name).
EN_NAME_WAS = re.compile(
    r"(?=[A-Z])(?<![\w.])(?P<name>[A-Z][a-z]+(?:-[a-z]+)?),?\s(?:was|is)\s"
    + _HEDGE
    + rf"({NUM})(?=[,.;!?)]|\s(?:when|then|and|at|back|so|but|now|already|years?)\b|$)"
    r"(?!\s?(?:%|percent|o'clock|a\.m|p\.m|minutes|hours|kilos|kg|km|dollars|won|yuan))"
)
# "Youngmi (20s, left in 2010)": an age band in brackets after a name.
EN_NAME_BAND = re.compile(r"(?<=[a-z])\s\((?:aged\s)?([1-9]0)'?s(?=[,;)])")
_COUNTED_GROUP = re.compile(r"(?:we|they|you)\s(?:were|are)\s", re.I)
_COUNTED_AFTER = re.compile(r"\s(?:in|of|at|on|all)\b|\s?(?:$|[,;])", re.I)
# "my grandmother, who was 80, could not walk": a relative clause of age.
EN_WHO_WAS = re.compile(
    rf"(?=[w])\bwho\s(?:was|is|were|turned)\s(?:only\s|just\s|already\s|nearly\s|almost\s"
    rf"|maybe\s|perhaps\s|about\s|around\s|probably\s)?"
    rf"({NUM})(?=[,.;!?)]|\s(?:at|when|and|then|now|by|years?)\b|$)",
    re.I,
)
# "when I was twelve", "since she was 9": a life event dated by age, whatever follows.
EN_WHEN_WAS = re.compile(
    rf"(?=[wsutab])\b(?:when|since|until|till|after|before|by the time|as)\s"
    rf"(?:I|she|he|we|they|you)\s"
    rf"(?:was|were|turned)\s({NUM})\b(?!\s?(?:%|percent|o'clock|a\.m|p\.m|am\b|pm\b|"
    rf"minutes|hours|days|weeks|months|kilos|kg|km|people|dollars|won|yuan))",
    re.I,
)
# "Park Min-ji, 31, left": an age in commas after a capitalised name; "Kim (45)".
EN_NAME_AGE = re.compile(
    r"(?<=[a-z])[\"”’']?(?:,\s(?:then\s|now\s|aged\s|age\s|only\s|just\s|barely\s)?|\s\()(\d{1,2})"
    r"(?:,\s|;\s|\)|\.(?=\s[A-Z]|$))(?!\d)"
)
_NAME_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][a-z]+)(?:[- ][A-Za-z][a-z]+){0,2}$")
_NOT_NAME = frozenset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday Page Pages No Vol Chapter Street"
    " Road Avenue Figure Table Section Article Room Apartment Unit Box Route".split()
)
# "박영철(45) 씨", "김순희(45)는": a name of three syllables, or a title after the bracket.
# "남성(45), 여성(38)" counts people: a group noun is no name.
KO_NAME_AGE = re.compile(
    r"(?<![\uac00-\ud7a3])(?P<name>[\uac00-\ud7a3]{2,4})\s?\((\d{1,2})\)"
    r"(?P<after>\s?(?:씨|군|양|님|할머니|할아버지|여사))?"
)
# "박영미(가명·52)씨", "(가명, 52세)": a pseudonym mark with an age, the age is still true.
KO_PSEUDONYM_AGE = re.compile(
    r"\((?:가명|익명)\s?[·,/ㆍ]\s?(?:만\s?)?(\d{1,3})(?:세|살)?(?:\s?[·,/ㆍ]\s?[^()\n]{1,6})?\)"
    r"|\((\d{1,3})(?:세|살)?\s?[·,/ㆍ]\s?(?:가명|익명)\)"
)
_COUNTED = frozenset(
    "남성 여성 남자 여자 응답자 참여자 참가자 대상자 학생 전체 합계 소계 가구 명 건 탈북민"
    " 탈북자 청소년 성인 아동 노인 사례 집단 표본".split()
)
# "me ten, my mother thirty-four": a relative and a bare number, as in a list of ages.
EN_KIN_NUM = re.compile(
    rf"(?=[mhotMHOT])\b(?:my|her|his|our|their)\s{_KIN_ADJ}{_KIN}\s({NUM})(?=[,.;!?)]|\sand\b|$)",
    re.I,
)
# "a thin boy, maybe twenty": a person described, then a hedged number at the clause end.
EN_PERSON_HEDGED = re.compile(
    r"\b(?:boy|girl|man|woman|kid|guy|lady|teenager|soldier|guard|broker|youth|lad|fellow)"
    rf",\s(?:maybe|perhaps|about|around|probably|roughly|barely|not\syet)\s({NUM})(?=[,.;!?)]|$)",
    re.I,
)
# "a boy of nine", "a widow of 42".
EN_OF_AGE = re.compile(
    rf"(?=[ato])\b(?:a|an|the|one)\s(?:young\s|little\s|small\s)?"
    rf"(?:boy|girl|child|kid|baby|son|daughter|man|woman|widow|widower|lad|teenager)"
    rf"\s(?:of|aged)\s(?:about\s|around\s|maybe\s|perhaps\s|nearly\s|almost\s)?({NUM})\b"
    r"(?!\s?(?:%|percent|kilos|kg|pounds|people))",
    re.I,
)
# "I started university at 35." Times use small numbers ("at 7 a.m."), so 13 and up only,
# and only at a clause end.
EN_AT = re.compile(
    rf"(?=[aA])\b[aA]t\s({NUM})(?=[,;!?)]|\.(?!\d)|\s(?:and|but|when|because)\b"
    r"|\s(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Mm]y|[Hh]is|[Hh]er|[Oo]ur)\s)"
)
EN_BAND = re.compile(
    rf"(?=i)\bin\s(her|his|their|my|your|our)\s(?:(early|mid|late)[- ]?)?"
    rf"(\d0'?s|{alt(EN_DECADES)})\b",
    re.I,
)

# Birth years in English: "born in 1979", "b. 1979", "born 3 March 1979", "DOB: March 3,
# 1979", and "born in Hoeryong in 1979", where only "in 1979" is the finding (the place
# is its own). A birth year says who someone is as much as 1979년생 does, so it is an
# age ({"born": 1979}), generalised to its decade like the Korean, never kept as a year.
_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_BORN_DATE = (
    rf"(?:(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MON},?\s|{_MON}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s"
    rf"|{_MON},?\s(?:of\s)?)?(?P<y>(?:19|20)\d{{2}})(?![\w\-–/]|[.,]\d)"
)
# Between "born" and the year: a place, a preposition, at most eight words, no clause break
# and none of the words that start another event ("born in Musan and left in 1998").
_BORN_GAP_WORD = (
    r"(?!(?i:and|but|then|or|so|before|after|until|till|when|while|where|which|who|that|"
    r"left|moved|came|went|arrived|crossed|escaped|fled|defected|married|lived|worked|"
    r"since|from|to|was|were|had|have)\b)[\w'’.…\-]+,?"
)
EN_BORN = re.compile(
    r"(?=[bBdDyY])\b(?P<trig>(?i:born|birth\s?year|year\sof\sbirth|date\sof\sbirth|"
    r"birth\s?date|d\.o\.b\.?|dob)(?::)?|b\.)"
    rf"(?P<gap>(?:\s{_BORN_GAP_WORD}){{0,8}}?)\s(?P<date>{_BORN_DATE})"
)
_PLAIN_GAP = re.compile(r"^(?:\s(?:in|on|in\sthe\syear|was|is))?$", re.I)


def find_birth_years(text: str) -> list[Span]:
    """English birth years, as ages: "born in 1979" → {"born": 1979}.

    With nothing but "in"/"on" between the word and the date, the span starts at
    "born" (it becomes "born in the 1970s"); otherwise it is the date and its
    preposition only ("in 1979" → "in the 1970s"), so what is said stays true.
    """
    out: list[Span] = []
    for m in sparse.finditer(EN_BORN, text):
        year = int(m.group("y"))
        if not 1880 <= year <= 2099:
            continue
        if _PLAIN_GAP.match(m.group("gap")):
            start, conf = m.start(), 0.9
        else:
            start, conf = m.start("date"), 0.75
            lead = text[max(0, start - 3) : start].lower()
            if lead in ("in ", "on ") and (start == 3 or not text[start - 4].isalnum()):
                start -= 3  # "in 1979" → "in the 1970s"
        out.append(_age_span(text, start, m.end(), conf, {"born": year}))
    return out


# An age said as a threshold ("마흔 넘어서", "40 다 돼서", "over 40", "almost twelve"):
# its decade would state a falsehood ("40대 넘어서" is past the forties), so the finding
# keeps no number and is hidden by a neutral tag.
_THRESHOLD_AFTER = re.compile(
    r"\s?(?:이\s|가\s)?(?:넘|다\s?되|다\s?돼|다\s?된|가까이|가까운|이\s?다\s?되)"
)
_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:over|under|nearly|almost|past|not\syet|at\sleast|more\sthan|less\sthan|younger\sthan"
    r"|older\sthan|close\sto)\s)$",
    re.I,
)


def _age_span(text: str, start: int, end: int, conf: float, info: dict[str, Any]) -> Span:
    if "age" in info and (
        _THRESHOLD_AFTER.match(text, end)
        or _THRESHOLD_BEFORE.search(text[max(0, start - 16) : start])
    ):
        info = {k: v for k, v in info.items() if k != "age"}
    gender = gender_near(text, start, end)
    if gender:
        info["gender"] = gender
    return Span(start, end, PiiType.AGE, conf, "age", info)


def find_ages(text: str) -> list[Span]:
    out: list[Span] = []
    n: int | None
    for m in sparse.finditer(KO_DIGIT_AGE, text):
        n = int(m.group(1))
        if n <= 120:
            conf = 0.9 if m.group(2) == "살" or n >= 10 else 0.6
            out.append(_age_span(text, m.start(), m.end(), conf, {"age": n}))
    for m in sparse.finditer(KO_NATIVE_AGE, text):
        n = native_number(m.group(1))
        if n is not None:
            out.append(_age_span(text, m.start(), m.end(), 0.9, {"age": n}))
    for m in sparse.finditer(KO_NATIVE_BARE, text):
        n = native_number(m.group(1))
        if n is not None:
            out.append(_age_span(text, m.start(1), m.end(1), 0.5, {"age": n}))
    for m in sparse.finditer(KO_FIFTY, text):
        out.append(_age_span(text, m.start(1), m.end(1), 0.5, {"age": 50}))
    for m in sparse.finditer(KO_NATIVE_PART, text):
        band = native_number(m.group(1))
        if band is not None:
            out.append(_age_span(text, m.start(), m.end(), 0.6, {"band": band}))
    for m in sparse.finditer(KO_AGE_WORD, text):
        n = _AGE_WORDS[m.group(1)]
        out.append(_age_span(text, m.start(1), m.end(1), 0.5, {"age": n}))
    for m in sparse.finditer(KO_SINO_AGE, text):
        n = sino_number(m.group(1))
        if n is not None and 20 <= n <= 99:
            out.append(_age_span(text, m.start(1), m.end(1), 0.5, {"age": n}))
    for m in sparse.finditer(KO_TEEN_BARE, text):
        n = native_number(m.group(1))
        if n is not None:
            out.append(_age_span(text, m.start(1), m.end(1), 0.6, {"age": n}))
    for m in sparse.finditer(KO_DIGIT_OVER, text):
        out.append(_age_span(text, m.start(1), m.end(1), 0.45, {"age": int(m.group(1))}))
    for m in sparse.finditer(KO_NAME_AGE, text):
        name = m.group("name")
        if name in _COUNTED or not (m.group("after") or len(name) == 3):
            continue
        out.append(_age_span(text, m.start(2), m.end(2), 0.7, {"age": int(m.group(2))}))
    for m in sparse.finditer(KO_PSEUDONYM_AGE, text):
        g = 1 if m.group(1) else 2
        if int(m.group(g)) <= 120:
            out.append(_age_span(text, m.start(g), m.end(g), 0.8, {"age": int(m.group(g))}))
    for m in sparse.finditer(EN_NAME_WAS, text):
        n = english_number(m.group(2))
        name_word = m.group("name")
        if name_word in _NOT_NAME or ("-" not in name_word and common_word(name_word)):
            continue  # "It was 40", "There is 1"; a hyphen makes a romanised given name
        if n is not None and n <= 120:
            out.append(_age_span(text, m.start(2), m.end(2), 0.5, {"age": n}))
    for m in sparse.finditer(EN_NAME_BAND, text):
        name = _NAME_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        if name and name.group(1) not in _NOT_NAME:
            band = int(m.group(1))
            out.append(Span(m.start(1), m.end(), PiiType.AGE, 0.6, "age", {"band": band}))
    for m in sparse.finditer(EN_KIN_COMMA_AGE, text):
        out.append(_age_span(text, m.start(1), m.end(1), 0.7, {"age": int(m.group(1))}))
    for m in sparse.finditer(EN_NAME_AGE, text):
        name = _NAME_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        last = name.group(0).split()[-1] if name else ""
        if name and name.group(1) not in _NOT_NAME and last not in _NOT_NAME:
            if gz.lookup(name.group(0).strip(" (")) or gz.lookup(last):
                continue  # "North Hamgyong (15), Ryanggang (6)": a place and its count
            out.append(_age_span(text, m.start(1), m.end(1), 0.7, {"age": int(m.group(1))}))
    for m in sparse.finditer(KO_NOW_AGE, text):
        n = native_number(m.group("n").replace(" ", ""))
        if n is not None:
            out.append(_age_span(text, m.start("n"), m.end("n"), 0.6, {"age": n}))
    for m in sparse.finditer(KO_NATIVE_ROUGH, text):
        t10 = native_number(m.group("t"))
        if t10 is not None:
            n = t10 + _TWO_UNITS[m.group("u")]
            out.append(_age_span(text, m.start(), m.end(), 0.5, {"age": n}))
    for m in sparse.finditer(KO_ASKED_AGE, text):
        n = int(m.group(1))
        if n <= 120:
            out.append(_age_span(text, m.start(1), m.end(1), 0.8, {"age": n}))
    for m in sparse.finditer(KO_BORN, text):
        out.append(_age_span(text, m.start(), m.end(), 0.9, {"born": two_digit_year(m.group(1))}))
    for m in sparse.finditer(KO_BORN_VERB, text):
        year = two_digit_year(m.group("y") or m.group("yy"))
        out.append(_age_span(text, m.start(), m.end(), 0.8, {"born": year}))
    for m in sparse.finditer(KO_BAND, text):
        if _VEHICLES.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        tens = m.group(1)
        band = int(tens) if tens.isdigit() else SINO_TENS[tens]
        out.append(_age_span(text, m.start(), m.end(), 0.6, {"band": band}))
    for m in sparse.finditer(EN_YEARS_OLD, text):
        n = english_number(m.group(1))
        if n is not None and n <= 120:
            out.append(_age_span(text, m.start(), m.end(), 0.95, {"age": n}))
    for rx in (EN_FIRST_BIRTHDAY, KO_FIRST_BIRTHDAY):
        for m in sparse.finditer(rx, text):
            out.append(_age_span(text, m.start(), m.end(), 0.5, {"age": 1}))
    for m in sparse.finditer(EN_MONTHS_OLD, text):
        out.append(_age_span(text, m.start(), m.end(), 0.8, {}))
    for m in sparse.finditer(EN_YO, text):
        n = int(m.group(1))
        if n <= 120:
            out.append(_age_span(text, m.start(), m.end(), 0.9, {"age": n}))
    for pattern, conf in (
        (EN_AGED, 0.85),
        (EN_WHEN_WAS, 0.8),
        (EN_OF_AGE, 0.8),
        (EN_WAS, 0.5),
        (EN_WHO_WAS, 0.6),
        (EN_LIVED_TO, 0.7),
        (EN_KIN_NUM, 0.5),
        (EN_PERSON_HEDGED, 0.5),
    ):
        for m in sparse.finditer(pattern, text):
            n = english_number(m.group(1))
            if pattern is EN_WAS and _COUNTED_GROUP.match(m.group(0)):
                if _COUNTED_AFTER.match(text, m.end(1)):
                    continue  # "we were four in the group": a head count
            if n is not None and n <= 120:
                out.append(_age_span(text, m.start(1), m.end(1), conf, {"age": n}))
    for m in sparse.finditer(EN_AT, text):
        n = english_number(m.group(1))
        if n is not None and 13 <= n <= 110:
            out.append(_age_span(text, m.start(1), m.end(1), 0.5, {"age": n}))
    for m in sparse.finditer(EN_BAND, text):
        decade = m.group(3).lower().rstrip("s").rstrip("'")
        band = int(decade) if decade.isdigit() else EN_DECADES[m.group(3).lower()]
        info: dict[str, Any] = {"band": band}
        pronoun = m.group(1).lower()
        if pronoun in ("her", "his"):
            info["gender"] = "f" if pronoun == "her" else "m"
        out.append(Span(m.start(), m.end(), PiiType.AGE, 0.7, "age", info))
    return out + find_birth_years(text)

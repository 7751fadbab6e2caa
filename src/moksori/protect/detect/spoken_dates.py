"""Dates as people say them: holidays, relative years, the famine, month and day in words.

Why: a witness rarely says "1997년 8월"; she says "97년 배고플 때", "재작년 단오",
"2017년 추석", "2013년 오월", "그러께 섣달", "이 년 만에", "삼월 열이틀". A holiday, a
month or an event of the year fixes the time finer than the year, so a span that keeps the
year and leaves the holiday readable protects nothing: every span here covers the
whole expression, and ``info`` keeps only what generalisation may print (the year).
Relative years alone ("작년에") identify no one and are not reported; a holiday or a
weekday alone is proposed at low confidence (it fixes a day of a year or week said
elsewhere); the famine alone is reported in testimony, since it dates a departure.
"""

from __future__ import annotations

import re
from typing import Any

from moksori.protect.detect import numbers, sparse
from moksori.protect.detect.voice import is_testimony
from moksori.protect.spans import PiiType, Span

# 동지 (winter solstice) is left out: it is also "comrade", after a name.
_HOLIDAY_KO = (
    "설날|설 명절|설명절|구정|신정|양력설|음력설|정월 대보름|정월대보름|대보름|추석|한가위"
    "|단오|단옷날|한식|광명성절|태양절|김일성 생일|김정일 생일|김정은 생일|2월 16일|4월 15일"
    "|국경절|9\\.9절|구구절|성탄절|크리스마스|어린이날|청명|백중|국제부녀절|3\\.8절|칠석|칠월 칠석"
    "|중양절|초파일|석가탄신일|유두|동지팥죽|설"
)
_HOLIDAY = rf"(?:{_HOLIDAY_KO})(?:\s?(?:명절|날|때|무렵|즈음|쯤|전날|다음 날|다음날|연휴))?"
# A holiday ends its word or takes a particle: "설에", never 설명, 설탕, 설사.
_PARTICLE = r"(?:에|엔|은|는|이|가|을|를|도|부터|까지|만|때|날|쯤|무렵|즈음|께|였|이었|이라|라|의)"
_HOLIDAY_END = rf"(?=$|[^가-힣]|{_PARTICLE})"
_REL_YEAR = (
    r"(?:재작년|그러께|작년|지난해|올해|금년|그 이듬해|그이듬해|이듬해|그해|그 해|다음 해|다음해"
    r"|그다음 해|그 다음 해|그다음해|그 다음해|전해|그 전해|내년|후년|몇 해 전|두 해 전|한 해 전"
    r"|지난|이번)"
)
_SEASON = r"(?:봄|여름|가을|겨울|초|말|연말|연초|설 쇠고)"
_YEAR = r"(?:(?P<y4>(?:19|20)\d{2})|'?(?P<y2>\d{2}))\s?년(?:\s?도)?"
# The famine of the 1990s as people name it: 고난의 행군, 배고플 때, 배급이 끊겼을 때.
# "끝날 무렵", "이 한창일 때": the famine's phase, said before its time word.
_PHASE = r"(?:\s?(?:이|가)?\s?(?:끝날|끝나갈|끝나던|시작될|시작되던|시작할|한창일|한창이던|한창))?"
_FAMINE_TIME = r"\s?(?:때|시기|시절|당시|무렵|즈음)"
_FAMINE = (
    rf"(?:[\"'“‘]?고난의\s?행군[\"'”’]?(?:{_PHASE}{_FAMINE_TIME}|\s?이\s?시작|\s?이\s?한창)?"
    r"|대기근|큰물\s?피해(?:\s?때)?|배고플\s?때|배고팠을\s?때|배고프던\s?때|배고픈\s?(?:때|시절|시기)"
    r"|굶주리던\s?(?:때|시절)|굶주릴\s?때|굶을\s?때|굶던\s?때|다들\s?굶을\s?때"
    r"|굶어\s?죽을\s?때|굶어\s?죽던\s?때|배급이?\s?끊[긴겼어]\S*\s?때|배급이?\s?끊어진\s?때"
    r"|식량난\s?때|식량난\s?시기|강냉이죽\s?먹을\s?때)"
)
KO_YEAR_HOLIDAY = re.compile(
    rf"(?=[\d'])(?<![\d.,]){_YEAR}\s?(?:의\s?)?(?P<h>{_HOLIDAY}){_HOLIDAY_END}"
)
KO_REL_HOLIDAY = re.compile(
    rf"(?=[재그작지올금이다전내후몇두한])(?<![가-힣]){_REL_YEAR}\s?(?:의\s?)?(?P<h>{_HOLIDAY}){_HOLIDAY_END}"
)
KO_REL_SEASON = re.compile(
    rf"(?=[재그작지올금이다전내후몇두한])(?<![가-힣])(?:{_REL_YEAR}\s?{_SEASON}"
    r"|올(?:봄|여름|가을|겨울)|지난\s?(?:봄|여름|가을|겨울))"  # 올봄, 지난겨울: one word
    rf"{_HOLIDAY_END}"
)
# A holiday alone fixes a day of a year said elsewhere ("설날 아침에 떠났어요"): proposed at
# low confidence in testimony. 설 alone is too often another word; 명절 names no day.
KO_HOLIDAY_ALONE = re.compile(
    r"(?=[설구추한단대정광태김성양음신칠중초])(?<![가-힣])(?:설날|구정|추석|한가위|단오|단옷날|정월\s?대보름"
    r"|대보름|한식|광명성절|태양절|김일성\s?생일|김정일\s?생일|성탄절|양력설|음력설|신정"
    r"|(?:칠월\s?)?칠석|중양절|초파일)"
    r"(?:\s?(?:날|전날|다음\s?날|아침|저녁|밤|무렵|즈음|쯤|연휴))?"
    rf"{_HOLIDAY_END}"
)
# "설 쇠고 나서", "설을 쇠고": 설 with its verb is the New Year, whatever else 설 may be.
KO_NEW_YEAR_KEPT = re.compile(
    r"(?<![가-힣])설(?:을|날을)?\s?(?:쇠고|쇠자마자|쇤\s?뒤)(?:\s?(?:나서|바로|며칠\s?뒤))?"
)
KO_YEAR_FAMINE = re.compile(rf"(?=[\d'])(?<![\d.,]){_YEAR}\s?(?:그\s?)?{_FAMINE}")
# Alone, the famine counts only as a time said of oneself ("고난의 행군 때"); a text about
# the famine ("고난의 행군이 있었다") dates no one.
KO_FAMINE = re.compile(
    r"(?=[\"'“‘고배굶식강])(?<!\d년\s)(?<!\d년)(?:[\"'“‘]?고난의\s?행군[\"'”’]?"
    rf"(?:{_PHASE}{_FAMINE_TIME}|\s?(?:끝물|막바지|말기|초기|끝무렵))"
    r"|배고플\s?때|배고팠을\s?때|배고프던\s?때|배고픈\s?(?:때|시절|시기)|굶주리던\s?(?:때|시절)"
    r"|굶을\s?때|굶던\s?때|굶어\s?죽을\s?때|굶어\s?죽던\s?때"
    r"|배급이?\s?끊[긴겼어]\S*\s?때|배급이?\s?끊어진\s?때|식량난\s?때|강냉이죽\s?먹을\s?때)"
)
# "97년 배고플 때" aside, a two-digit year said as a year: 97년도, 97년 겨울.
# ("10년도 넘게" is a duration: what follows 년도 decides).
KO_YY_SPOKEN = re.compile(
    r"(?=[\d'])(?<![\d.,])'?(?P<y2>\d{2})\s?년도(?=에|엔|는|부터|까지|쯤|께|였|이었|인가"
    r"|\s?(?:봄|여름|가을|겨울|초|말|중반|그때|당시|무렵|즈음))"
)

# "구십칠년도에 떠났어요": a two-digit year said in Sino-Korean words (with 년도: "십 년" alone
# is a duration).
_SINO_DIGIT = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
KO_SINO_YEAR = re.compile(
    r"(?=[일이삼사오육칠팔구])(?<![가-힣])(?P<t>[이삼사오육칠팔구])십(?P<u>[일이삼사오육칠팔구])?\s?년도"
    r"(?=에|엔|는|부터|까지|쯤|께|였|이었|\s?(?:봄|여름|가을|겨울|초|말|그때|당시|무렵|즈음))"
)

_MONTH_WORDS = {
    "정월": 1, "일월": 1, "이월": 2, "삼월": 3, "사월": 4, "오월": 5, "유월": 6, "칠월": 7,
    "팔월": 8, "구월": 9, "시월": 10, "동짓달": 11, "십일월": 11, "섣달": 12, "십이월": 12,
}  # fmt: skip
_DAY_WORDS = {
    "초하루": 1, "초이틀": 2, "초사흘": 3, "초나흘": 4, "초닷새": 5, "초엿새": 6, "초이레": 7,
    "초여드레": 8, "초아흐레": 9, "초열흘": 10, "열하루": 11, "열이틀": 12, "열사흘": 13,
    "열나흘": 14, "보름": 15, "열엿새": 16, "열이레": 17, "열여드레": 18, "열아흐레": 19,
    "스무날": 20, "스무하루": 21, "스무이틀": 22, "스무사흘": 23, "스무나흘": 24, "스무닷새": 25,
    "그믐": 30, "그믐날": 30,
}  # fmt: skip


def _alt(words: Any) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# What a year or a relative year may be followed by inside the same date: a season, a
# month or a day in words, the solstice, the end of the lunar year, or an event of that
# year ("2013년 오월", "98년 늦가을", "2007년 동지", "1999년 섣달그믐", "2009년 화폐교환 때").
# Each fixes the time finer than the year, so it goes with the date (동지 after a year is
# the solstice, not "comrade").
_EVENT = (
    r"(?:화폐\s?개혁|화폐\s?교환|화페\s?개혁|화페\s?교환|돈\s?바꿀|돈\s?바꾸던|돈\s?바꾸기|큰물|물난리"
    r"|대홍수|홍수|코로나(?:\s?(?:터질|터졌을|때문에|시작될))?|(?:김일성|김정일)\s?(?:이|가)?\s?(?:사망|서거|죽었을|죽던|사망했을|돌아갔을))"
    r"(?:\s?(?:때|당시|무렵|직후|직전|전|후))?"
)
_SEASON_WORD = (
    r"(?:(?:이른|늦은)\s)?(?:초|늦|한)?(?:봄|여름|가을|겨울)(?:\s?(?:초|말|무렵|즈음|쯤))?"
    r"|(?:모내기|김장|가을걷이|추수|보리\s?가을|농촌\s?동원|모내기\s?전투)(?:철|\s?때|\s?무렵)?"
)
_PART = (
    rf"(?:{_SEASON_WORD}|(?:{_alt(_MONTH_WORDS)})(?:\s?(?:{_alt(_DAY_WORDS)})(?:날)?|\s?(?:초순|중순|하순))?"
    rf"|섣달\s?그믐(?:날)?|동지(?:날|섣달)?(?:\s?(?:때|무렵|즈음))?(?=에|엔|때|쯤|께|까지|부터|$|[^가-힣])"
    rf"|{_EVENT})"
)
KO_YEAR_PART = re.compile(
    rf"(?=[\d'])(?<![\d.,]){_YEAR}\s?(?:의\s?)?(?:(?:음력|양력)\s?)?(?P<p>{_PART}|{_HOLIDAY})"
    rf"{_HOLIDAY_END}"
)
KO_REL_PART = re.compile(
    rf"(?=[재그작지올금이다전내후몇두한])(?<![가-힣]){_REL_YEAR}\s?(?:의\s?)?(?:{_PART}){_HOLIDAY_END}"
)
# A two-digit year said before the time it names ("96년 먹을 게 없을 때", "05년 군대 갈
# 적에"): 0x or 45–99 only, and never before a word of duration ("30년 동안", "10년 만에").
KO_YY_CLAUSE = re.compile(
    r"(?=[\d'])(?<![\d.,])'?(?P<y2>0\d|[4-9]\d)\s?년(?:도)?"
    r"(?!\s?(?:동안|간|만|째|이상|넘|가까이|전|후|뒤|반|남짓|정도|씩|이나|여|마다|을|를|이|가|살|생|대|치|짜리))"
    r"(?=\s[^.?!\n\d]{1,20}?(?:때|적에|적엔|시절|무렵|즈음|당시)(?![가-힣]))"
)


KO_MONTH_DAY_WORDS = re.compile(
    rf"(?=[정일이삼사오유칠팔구시동십섣])(?<![가-힣])(?P<m>{_alt(_MONTH_WORDS)})\s?(?P<d>{_alt(_DAY_WORDS)})(?:날)?{_HOLIDAY_END}"
)

# English: "the winter of '97", "in '97", "Chuseok 2017", "at Chuseok two years later".
_HOLIDAY_EN = (
    r"(?:Chuseok|Chusok|Seollal|Sollal|Lunar New Year|Chinese New Year|Dano|Tano|Hansik"
    r"|Daeboreum|the Day of the Sun|Kim Il[- ]?[Ss]ung's birthday|Kim Jong[- ]?[Ii]l's birthday"
    r"|the Day of the Shining Star|Harvest Moon Festival|Christmas"
    r"|(?:the )?first full moon(?: of the (?:lunar )?(?:new )?year)?)"
)
_EN_HOLIDAY_WORDS = (
    "chuseok",
    "chusok",
    "seollal",
    "sollal",
    "new year",
    "dano",
    "tano",
    "hansik",
    "daeboreum",
    "day of the",
    "birthday",
    "harvest moon",
    "christmas",
    "full moon",
)
# An apostrophe year, then what stands before it: "the winter of '97", "in '97".
EN_APOS_YEAR = re.compile(r"(?=['’])['’](?P<y2>\d{2})(?![\w'’])")
_APOS_BEFORE = re.compile(
    r"(?:(?:the\s)?(?:winter|summer|spring|autumn|fall|famine|flood|(?:[a-z]+[- ])?season|monsoon"
    r"|harvest)s?\sof|(?<!\w)(?:in|since|by|until))\s$",
    re.I,
)
EN_YEAR_HOLIDAY = re.compile(
    rf"\b(?:{_HOLIDAY_EN}\s(?:of\s)?(?P<y>(?:19|20)\d{{2}})|(?:the\s)?(?P<y1>(?:19|20)\d{{2}})\s{_HOLIDAY_EN})\b"
)
EN_REL_HOLIDAY = re.compile(
    rf"\b{_HOLIDAY_EN}\s(?:(?:one|two|three|four|five|a|\d)\s(?:years?|winters?)\s(?:later|after|before|ago)"
    r"|(?:of\s)?(?:that|the\sfollowing|the\snext|the\sprevious|last|next)\syear)\b"
    rf"|\b(?:that|the\sfollowing|the\snext|last)\syear'?s?\s{_HOLIDAY_EN}\b"
)

# "two years before, at Chuseok", "the year after at Seollal": the relative year first.
EN_REL_YEAR_HOLIDAY = re.compile(
    r"\b(?:(?:(?:one|two|three|four|five|a|\d)\s(?:years?|winters?)\s(?:later|after|before|earlier|ago))"
    r"|(?:the|that)\s(?:year|winter)\s(?:before|after)|the\sfollowing\syear|the\snext\syear|last\syear"
    r"|the\sprevious\syear)"
    rf",?\s(?:at|on|during|around|just\sbefore|just\safter|right\sbefore|right\safter)\s(?:the\s)?{_HOLIDAY_EN}\b"
)
# A holiday alone ("we crossed at Chuseok") fixes a day of a year said elsewhere: proposed
# at low confidence in testimony, as in Korean.
EN_HOLIDAY_ALONE = re.compile(
    r"\b(?:Chuseok|Chusok|Seollal|Sollal|Lunar\sNew\sYear|Dano|Tano|Hansik|Daeboreum"
    r"|the\sDay\sof\sthe\sSun|the\sDay\sof\sthe\sShining\sStar|New\sYear'?s\sDay)\b"
)

# "the winter of 1997", "in late autumn 2004": a season of a year is one date.
EN_SEASON_YEAR = re.compile(
    r"(?=[tTelmswafiIdDoObB])\b(?:(?:in|during|over|by)\s)?(?:the\s)?(?:(?:early|late|mid)[- ]?)?"
    r"(?:spring|summer|autumn|fall|winter)"
    r"\s(?:of\s)?(?P<y>(?:19|20)\d{2})\b",
    re.I,
)
# "the day before Lunar New Year in 2007", "New Year's Eve, 2010": a day by a holiday.
EN_DAY_BY_HOLIDAY = re.compile(
    r"\b(?:(?:on|at|in|around)\s)?(?:(?:the\s)?(?:day|night|eve|week|morning|evening)\s(?:before|after)"
    r"\s(?:the\s)?)?"
    rf"(?:{_HOLIDAY_EN}|New\sYear'?s\s(?:Eve|Day))(?:,?\s(?:in\s|of\s)?(?P<y>(?:19|20)\d{{2}})\b)?"
)
# "two winters later", "four years before", "a few months after": a time fixed from
# another the text gives; said in words it still dates the event.
_EN_COUNT = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a\sfew|a\scouple\sof|several|\d{1,2})"
)
EN_RELATIVE_SPAN = re.compile(
    rf"(?=[otfsenaTOFSENA\d])\b{_EN_COUNT}\s(?:years?|winters?|summers?|springs?|autumns?|months?)"
    r"\s(?:later|afterwards|after|before|earlier|ago)\b",
    re.I,
)
# "이 년 만에", "두 해 뒤에", "3년 후에": the same in Korean, with its particle of time.
KO_RELATIVE_SPAN = re.compile(
    r"(?<![가-힣\d])(?:(?:한|두|세|석|네|넉|다섯|여섯|일|이|삼|사|오|육|칠|팔|구|십|\d{1,2})\s?"
    r"(?:년|해|달|개월)|보름|열흘|이레|닷새|나흘|사흘|이틀|이태)\s?"
    r"(?:만에|뒤에|후에|지나서|지난\s?뒤에|지난\s?후에|전에)(?![가-힣])"
)
# A day of the week, in a week the text dates elsewhere ("on Tuesday morning", "그 월요일"),
# is a day: proposed at low confidence. Habits ("every Monday", "Mondays", "매주 월요일") not.
_WEEKDAY_EN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
EN_WEEKDAY = re.compile(rf"(?=[MTWFSmtwfs])(?<!every\s)(?<!Every\s)\b(?i:{_WEEKDAY_EN})(?![s'’\w])")
KO_WEEKDAY = re.compile(
    r"(?=[월화수목금토일])(?<!매주\s)(?<!매주)(?<!주마다\s)(?<![가-힣])[월화수목금토일]요일"
    r"(?:\s?(?:날|아침|저녁|밤|새벽|오후|오전))?(?!마다)"
)
CONF_WEEKDAY = 0.25


# An event of the country dates a life told around it ("김일성 사망 때", "화폐개혁 이듬해",
# "6.25 때"): said in testimony, alone, it fixes a year; info keeps only its decade, and
# none for a currency change (there were several: 1992's 화폐교환, 2009's 화폐개혁).
_EVENT_DECADE = (
    (re.compile(r"김일성|수령님"), 1990),
    (re.compile(r"김정일|장군님"), 2010),
    (re.compile(r"6\.25|육이오|륙이오|조국해방전쟁"), 1950),
)
KO_EVENT_ALONE = re.compile(
    r"(?=[김수장화돈6육륙조큰홍물해])(?<![가-힣\d])(?:(?:김일성|김정일|수령님|장군님)\s?(?:이|가|께서)?\s?"
    r"(?:사망|서거|돌아가셨을|돌아가신|죽었을|죽던)|화[폐페]\s?(?:개혁|교환)|돈\s?바꿀|돈\s?바꾸던"
    r"|김정은\s?(?:이|가)?\s?(?:나오던|나온|등장한|등장하던|올라온|올라오던)\s?해"
    r"|해방\s?(?:전해|이듬해|되던\s?해|그해|직후|직전|전|후)"
    r"|(?:큰물|홍수|물난리)\s?(?:이|가)?\s?(?:난|나던|났던|진|지던)\s?해(?:\s?(?:봄|여름|가을|겨울))?"
    r"|6\.25|육이오|륙이오|조국해방전쟁)"
    r"(?:\s?(?:이듬해|다음\s?해|그해|직후|직전)(?:\s?(?:봄|여름|가을|겨울))?)?"
    r"(?=\s?(?:때|당시|무렵|즈음|직후|직전|이듬해|다음\s?해|그해|이|였|이었|에|엔|쯤)|[^가-힣]|$)"
)
# "음력 삼월", "음력 3월 열흘": a lunar month fixes the time as a month does.
KO_LUNAR_MONTH = re.compile(
    rf"(?<![가-힣])음력\s?(?:{_alt(_MONTH_WORDS)}|\d{{1,2}}\s?월)"
    rf"(?:\s?(?:{_alt(_DAY_WORDS)}|\d{{1,2}}\s?일|초순|중순|하순))?{_HOLIDAY_END}"
)
# "중학교 4학년 때": a school year dates a childhood event as a year does.
KO_SCHOOL_YEAR = re.compile(
    r"(?<![가-힣])(?:인민학교|소학교|초등학교|초급중학교|고급중학교|고등중학교|중학교|고중|대학)\s?"
    r"(?:\d|[일이삼사오육]|한|두|세|네|다섯|여섯)\s?학년(?=\s?(?:때|적|무렵|봄|여름|가을|겨울|이었|였|에|이에요|이야|이고|인데|이던|일)"
    r"|[^가-힣]|$)"
)
# "결혼한 지 삼 년째 되던 해": a year counted from an event of one's life.
KO_YEAR_SINCE = re.compile(
    r"(?<![가-힣])[가-힣]{1,4}\s?지\s(?:[한두세네]|다섯|여섯|일곱|여덟|아홉|열|[일이삼사오육칠팔구십]|\d{1,2})"
    r"\s?(?:년|해)\s?(?:째|만)?\s?(?:되던|되는|된|되었을|됐을)\s?해(?:\s?(?:봄|여름|가을|겨울))?"
)
# "지난달 25일", "이번 달 3일": a day of a month said from the present.
KO_REL_MONTH_DAY = re.compile(
    r"(?<![가-힣])(?:지난\s?달|이번\s?달|다음\s?달|그\s?달|저번\s?달)\s?\d{1,2}\s?일(?![가-힣]{2})"
)
EN_REL_MONTH_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\sof\s(?:last|this|next|that|the\sfollowing|the\sprevious)\smonth\b"
)
# "병오년생", "갑신년에": a year of the sexagenary cycle (stem and branch of one parity).
_STEMS, _BRANCHES = "갑을병정무기경신임계", "자축인묘진사오미신유술해"
_CYCLE = "|".join(
    s + b for i, s in enumerate(_STEMS) for j, b in enumerate(_BRANCHES) if i % 2 == j % 2
)
KO_CYCLE_YEAR = re.compile(rf"(?<![가-힣])(?:{_CYCLE})년(?=생|에|엔|이|도|부터|까지|[^가-힣]|$)")
# "그때가 98년이에요", "05년에 왔어요": a two-digit year of the famine or after, said with its
# particle or copula (10년 etc. are durations: only 80–99 and 00–09).
KO_YY_SAID = re.compile(
    r"(?=[\d'])(?<![\d.,~-])'?(?P<y2>0\d|[89]\d)\s?년(?=에(?!서)|엔|이에요|이었|이야|이지|입니다"
    r"|이고|인데|이니까|쯤|께|부터|까지|이었는데)"
)

# English events: "the year the leader died", "the year after the currency reform".
_EN_EVENT = (
    r"(?:(?:the\s)?(?:Great\s)?[Ll]eader|Kim\sIl[- ]?[Ss]ung|Kim\sJong[- ]?[Ii]l)"
    r"\s(?:died|passed\saway)"
    r"|(?:the\s)?(?:currency\s(?:reform|revaluation|exchange)|great\sflood|floods)"
    r"|(?:the\s)?young\sgeneral\s(?:appeared|came\sout|was\sannounced)|liberation"
)
_EN_KIN_EVENT = (
    r"(?:my|our|his|her|their)\s(?:(?:younger|older|elder|little|baby|eldest|youngest)\s)?"
    r"(?:father|mother|dad|mum|mom|husband|wife|son|daughter|brother|sister|grandmother|grandfather"
    r"|uncle|aunt|baby|child)\s(?:died|passed\saway|was\sborn|was\sarrested|was\staken|disappeared"
    r"|left|was\ssent\saway)"
)
EN_EVENT_YEAR = re.compile(
    r"\b(?:year|winter|summer|spring|autumn|fall|month)\s(?:(?:after|before|of)\s)?(?:when\s)?"
    rf"(?:{_EN_EVENT}|{_EN_KIN_EVENT})\b"
)
EN_EVENT_ALONE = re.compile(
    r"\b(?:in|after|before|during|since|at)\s(?:the\s)?(?P<r>currency\s(?:reform|revaluation))\b"
    r"|\bwhen\s(?:the\s)?(?P<l>(?:Great\s)?[Ll]eader\sdied)\b"
)
_EN_ORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,2}(?:st|nd|rd|th))"
)
EN_LUNAR_MONTH = re.compile(rf"\b(?:{_EN_ORD}\s)?(?:day\sof\sthe\s)?{_EN_ORD}\slunar\smonth\b")
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# "June that year", "the winter before last", "last spring": fixed from a year said elsewhere.
EN_REL_MONTH = re.compile(
    rf"\b{_EN_MONTH}\s(?:of\s)?(?:that|the\sfollowing|the\snext|the\sprevious|last|next)\syear\b"
    r"|\b(?:winter|summer|spring|autumn|fall|year)\sbefore\slast\b"
    r"|\b(?:this|last)\s(?:spring|summer|autumn|fall|winter)\b"
    r"|\b(?:early|late)\sin\sthe\s(?:famine|Arduous\sMarch)\b"
    r"|\b(?:start|beginning|end|height)\sof\sthe\s(?:famine|Arduous\sMarch)\b"
)


def _span(start: int, end: int, conf: float, **info: Any) -> Span:
    return Span(
        start, end, PiiType.DATE, conf, "date", {k: v for k, v in info.items() if v is not None}
    )


def _year_of(m: re.Match[str], *, four: str = "y4", two: str = "y2") -> int | None:
    if m.groupdict().get(four):
        return int(m.group(four))
    if m.groupdict().get(two):
        return numbers.two_digit_year(m.group(two))
    return None


def find(text: str) -> list[Span]:
    """Spoken dates in ``text``: each a DATE span over the whole expression."""
    out: list[Span] = []
    low = text.lower()
    if re.search("[가-힣]", text):
        for m in sparse.finditer(KO_YEAR_HOLIDAY, text):
            y = _year_of(m)
            out.append(_span(m.start(), m.end(), 0.8, year=y, holiday=True))
        for m in sparse.finditer(KO_REL_HOLIDAY, text):
            out.append(_span(m.start(), m.end(), 0.55, relative=True, holiday=True))
        for m in sparse.finditer(KO_HOLIDAY_ALONE, text) if is_testimony(text) else ():
            out.append(_span(m.start(), m.end(), 0.3, holiday=True))
        for m in sparse.finditer(KO_NEW_YEAR_KEPT, text) if is_testimony(text) else ():
            out.append(_span(m.start(), m.end(), 0.3, holiday=True))
        for m in sparse.finditer(KO_REL_SEASON, text):
            out.append(_span(m.start(), m.end(), 0.35, relative=True))
        for m in sparse.finditer(KO_YEAR_FAMINE, text):
            out.append(_span(m.start(), m.end(), 0.75, year=_year_of(m)))
        for m in sparse.finditer(KO_FAMINE, text) if is_testimony(text) else ():
            out.append(_span(m.start(), m.end(), 0.45, decade=1990))
        for m in sparse.finditer(KO_YY_SPOKEN, text):
            out.append(_span(m.start(), m.end(), 0.45, year=numbers.two_digit_year(m.group("y2"))))
        for m in sparse.finditer(KO_SINO_YEAR, text):
            yy = _SINO_DIGIT[m.group("t")] * 10 + (_SINO_DIGIT[m.group("u")] if m.group("u") else 0)
            out.append(_span(m.start(), m.end(), 0.5, year=numbers.two_digit_year(f"{yy:02d}")))
        for m in sparse.finditer(KO_YEAR_PART, text):
            out.append(_span(m.start(), m.end(), 0.75, year=_year_of(m)))
        for m in sparse.finditer(KO_REL_PART, text):
            out.append(_span(m.start(), m.end(), 0.45, relative=True))
        for m in sparse.finditer(KO_YY_CLAUSE, text):
            out.append(_span(m.start(), m.end(), 0.45, year=numbers.two_digit_year(m.group("y2"))))
        for m in sparse.finditer(KO_MONTH_DAY_WORDS, text):
            mo, d = _MONTH_WORDS[m.group("m")], _DAY_WORDS[m.group("d")]
            out.append(_span(m.start(), m.end(), 0.6, month=mo, day=d))
    if re.search("[가-힣]", text):
        for m in sparse.finditer(KO_RELATIVE_SPAN, text):
            out.append(_span(m.start(), m.end(), 0.3, relative=True))
        out += _korean_said(text)
    out += _english_said(text)
    for m in sparse.finditer(EN_SEASON_YEAR, text):
        out.append(_span(m.start(), m.end(), 0.6, year=int(m.group("y"))))
    for m in sparse.finditer(EN_RELATIVE_SPAN, text):
        out.append(_span(m.start(), m.end(), 0.3, relative=True))
    if any(w in low for w in _EN_HOLIDAY_WORDS):
        for m in sparse.finditer(EN_DAY_BY_HOLIDAY, text):
            y = int(m.group("y")) if m.group("y") else None
            said = re.sub(r"^(?:on|at|in|around)\s", "", m.group(0).lower())
            if y or said.startswith(("the", "day", "night", "eve", "week", "morn")):
                out.append(_span(m.start(), m.end(), 0.6, year=y, holiday=True))
    for rx in (KO_WEEKDAY, EN_WEEKDAY):
        for m in sparse.finditer(rx, text):
            out.append(_span(m.start(), m.end(), CONF_WEEKDAY, weekday=True))
    if "'" in text or "’" in text:
        for m in sparse.finditer(EN_APOS_YEAR, text):
            lead = _APOS_BEFORE.search(text, max(0, m.start() - 24), m.start())
            y = numbers.two_digit_year(m.group("y2"))
            if lead:
                out.append(_span(lead.start(), m.end(), 0.5, year=y))
            elif m.start() == 0 or text[m.start() - 1] in " \t\n,(":  # "the famine, '98 I think"
                out.append(_span(m.start(), m.end(), 0.4, year=y))
    if any(w in low for w in _EN_HOLIDAY_WORDS):
        for m in sparse.finditer(EN_YEAR_HOLIDAY, text):
            y = int(m.group("y") or m.group("y1"))
            out.append(_span(m.start(), m.end(), 0.8, year=y, holiday=True))
        for m in sparse.finditer(EN_REL_HOLIDAY, text):
            out.append(_span(m.start(), m.end(), 0.5, relative=True, holiday=True))
        for m in sparse.finditer(EN_REL_YEAR_HOLIDAY, text):
            out.append(_span(m.start(), m.end(), 0.5, relative=True, holiday=True))
        for m in sparse.finditer(EN_HOLIDAY_ALONE, text) if is_testimony(text) else ():
            out.append(_span(m.start(), m.end(), 0.3, holiday=True))
    return out


def _korean_said(text: str) -> list[Span]:
    """Events, lunar months, school years, cycle years and two-digit years said in Korean."""
    out = []
    spoken = is_testimony(text)
    for m in sparse.finditer(KO_EVENT_ALONE, text) if spoken else ():
        decade = next((d for rx, d in _EVENT_DECADE if rx.search(m.group(0))), None)
        out.append(_span(m.start(), m.end(), 0.45, decade=decade))
    for m in sparse.finditer(KO_YEAR_SINCE, text) if spoken else ():
        out.append(_span(m.start(), m.end(), 0.4, relative=True))
    for m in sparse.finditer(KO_REL_MONTH_DAY, text):
        out.append(_span(m.start(), m.end(), 0.5, relative=True))
    for m in sparse.finditer(KO_LUNAR_MONTH, text):
        out.append(_span(m.start(), m.end(), 0.5, lunar=True))
    for m in sparse.finditer(KO_SCHOOL_YEAR, text) if spoken else ():
        out.append(_span(m.start(), m.end(), 0.35, relative=True))
    for m in sparse.finditer(KO_CYCLE_YEAR, text):
        out.append(_span(m.start(), m.end(), 0.5))
    for m in sparse.finditer(KO_YY_SAID, text) if spoken else ():
        out.append(_span(m.start(), m.end(), 0.45, year=numbers.two_digit_year(m.group("y2"))))
    return out


def _english_said(text: str) -> list[Span]:
    """Events, lunar months and months of a year said elsewhere, in English."""
    low = text.lower()
    words = (
        "died",
        "currency",
        "flood",
        "lunar",
        "year",
        "before last",
        "month",
        "born",
        "left",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "famine",
        "march",
        "liberation",
    )
    if not any(w in low for w in words):
        return []
    spoken = is_testimony(text)
    out = []
    for rx in (EN_EVENT_YEAR, EN_EVENT_ALONE, EN_LUNAR_MONTH, EN_REL_MONTH, EN_REL_MONTH_DAY):
        for m in (
            sparse.finditer(rx, text) if spoken or rx in (EN_LUNAR_MONTH, EN_REL_MONTH_DAY) else ()
        ):
            g = next((k for k in ("r", "l") if rx.groupindex.get(k) and m.group(k)), 0)
            out.append(_span(m.start(g), m.end(g), 0.45, relative=True))
    return out

"""Times of a life said by structure rather than by listed phrases: Sino-Korean years,
the year of an event of one's own life (제대하던 해), decades, years and seasons counted
from one the story gave (이듬해, the spring after next), 띠, answers to "몇 살", any person
noun that "is" a number.

Why apart from :mod:`.temporal` and :mod:`.spoken_dates`: those read listed forms; these
rules were written on development passages no list had seen (benchmarks/dev5), and
together they passed the ~500 lines a module should hold.
"""

from __future__ import annotations

import re

from moksori.protect.detect import numbers, sparse
from moksori.protect.detect.voice import is_testimony
from moksori.protect.spans import PiiType, Span


def _date(start: int, end: int, conf: float, **parts: object) -> Span:
    info = {k: v for k, v in parts.items() if v is not None and v is not False}
    return Span(start, end, PiiType.DATE, conf, "date", info)


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
# "그 이태 뒤 여름", "두 해 뒤 봄": a season counted from a year the story gave.
KO_COUNTED_SEASON = re.compile(
    r"(?<![가-힣])(?:(?:한|두|세|네|이|삼|사)\s?(?:해|년)|이태)\s?(?:뒤|후|지나서|지난)\s"
    r"(?:봄|여름|가을|겨울|설|추석)(?=$|[^가-힣]|에|엔|부터|까지|였|이었|쯤)"
)
# "the year of the Jang Song-thaek affair": a year named by a public event.
EN_YEAR_OF_EVENT = re.compile(
    r"\byear\sof\sthe\s(?:[A-Z][\w-]+\s){1,3}(?:affair|incident|purge|flood|floods|famine|reform"
    r"|exchange|Olympics|Games|war|crackdown)\b"
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


def life_dates(text: str) -> list[Span]:
    """Dates of one life said by structure: Sino-Korean years, years of an event, decades,
    counted holidays, seasons relative to one said before (testimony only: in a paper the
    same words are history)."""
    if not is_testimony(text):
        return []
    out = []
    for m in sparse.finditer(KO_SINO_YEAR_SAID, text):
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
        KO_COUNTED_SEASON,
        EN_YEAR_OF_EVENT,
    ):
        out += [_date(m.start(), m.end(), 0.4, relative=True) for m in sparse.finditer(rx, text)]
    for m in sparse.finditer(EN_FAMINE_SAID, text):
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
# "그때 제가 열여섯, 동생이 열두 살": a speaker's age said bare after 제가/내가.
KO_I_WAS_AGE = re.compile(
    rf"(?:제가|내가|저는|나는)\s(?P<n>{numbers.NATIVE})(?=[,.]|\s?(?:이었|였|이에요|예요))"
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


def life_ages(text: str) -> list[Span]:
    """Ages said by structure (see the patterns above); a 띠 carries no number to keep."""
    out = [
        Span(m.start(), m.end(), PiiType.AGE, 0.5, "age", {})
        for rx in (KO_ZODIAC, EN_ZODIAC)
        for m in sparse.finditer(rx, text)
    ]
    for m in sparse.finditer(KO_DECADE_LINE, text):
        band = numbers.native_number(m.group("n"))
        out.append(Span(m.start(), m.end(), PiiType.AGE, 0.5, "age", {"band": band}))
    for m in sparse.finditer(KO_I_WAS_AGE, text):
        n = numbers.native_number(m.group("n").replace(" ", ""))
        if n is not None and 1 < n <= 99:
            out.append(Span(m.start("n"), m.end("n"), PiiType.AGE, 0.5, "age", {"age": n}))
    for m in sparse.finditer(KO_AGE_ANSWER, text):
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
        for m in sparse.finditer(rx, text):
            n = numbers.english_number(m.group("n"))
            if n is not None and 0 < n <= 110:
                out.append(Span(m.start("n"), m.end("n"), PiiType.AGE, 0.5, "age", {"age": n}))
    return out


def find(text: str) -> list[Span]:
    """Dates (testimony only) and ages said by structure in ``text``."""
    return life_dates(text) + life_ages(text)

"""Ages said bare: a number that is a person's age only by where it stands.

Why a module of its own: speakers list their children with ages and no 살 ("큰딸이
열여섯, 작은놈이 열둘"), answer "지금은 열다섯", and go on "열일곱, 열여덟 그렇게";
English notes write "his son, then 14" or "I'm thirty-five now". The number alone
is any count, so each rule here asks for the frame that makes it an age: a subject
that is a person or a time and a clause that ends on the number, a list that an age
began, or "then"/"now" between commas. :mod:`.ages` owns the phrases that say
"age" themselves (살, years old).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from moksori.protect.detect import sparse
from moksori.protect.detect.numbers import (
    EN_FIRST,
    NATIVE_UNITS_RE,
    NOT_HANGUL_BEFORE,
    NUM,
    english_number,
    native_number,
)
from moksori.protect.spans import PiiType, Span

NAME = "age"
_COUNTER = (
    r"(?!\s?(?:명|개|권|마리|번|채|가지|시|분|장|대|켤레|그릇|잔|병|곳|군데|해|달|날|주|살|집|식구"
    r"|사람|놈|년|원|리|킬로|근|평|층|호|칸|쌍|짝|토막|포기|통))"
)
# "봉희는 열아홉.", "큰딸이 열여섯,", "지금은 열다섯.": a subject, then ten-and-a-unit
# ending the clause. Counted things and groups are subjects too ("식구가 열둘"): not ages.
KO_SUBJECT_TEEN = re.compile(
    rf"(?<=[은는이가]\s)(?P<n>열\s?(?:{NATIVE_UNITS_RE}))"
    r"(?=\s?(?:[.,!?…~]|이었|였|이에요|예요|이야|임다|임메|이지|이고|이구|이래|이라|입니|입네|$))"
    + _COUNTER
)
_SUBJECT = re.compile(r"(?<![가-힣])(?P<subj>[가-힣]{1,6})(?:은|는|이|가)\s$")
_GROUPS = frozenset(
    "식구 사람 사람들 우리 저희 인원 형제 자매 남매 가족 분조 작업반 반 조 집 집들 학생 애들"
    " 아이들 동무들 군인 병사 나이 숫자 번호 개수 수 점수 등수 차례 층 방 칸 돈 값 달 날"
    " 시간 해 년 명 개".split()
)
# "열일곱, 열여덟 그렇게", "서른둘인가 셋": a second number right after an age, in the
# same breath and ending it, is an age too ("스물한 살, 둘 다 대학생" counts them).
KO_NEXT = re.compile(
    rf"^\s?(?:,|·|/|~|인가|이나|아니|아니면|쯤|에서)\s?{NOT_HANGUL_BEFORE}"
    rf"(?P<n>(?:열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s?(?:{NATIVE_UNITS_RE})?|{NATIVE_UNITS_RE}"
    r"|\d{1,2})(?=$|[^가-힣\d\s]|\s?살|쯤|이었|였|이에요|이야|에\s|\s(?:그렇게|그쯤|정도|됐|되었))"
)
# "his son Ho Il, then 22, was", "(then seven)", "in Kanggye, now nineteen.": an
# apposition of "then"/"now" with a number that ends the clause.
EN_THEN_NOW = re.compile(
    rf"(?=[tn])(?:(?<=[,(]\s)|(?<=\())(?:then|now|aged|by\snow)\s(?:about\s|around\s|nearly\s|almost\s)?"
    rf"({NUM})(?=[,;)!?]|\.(?!\d)|\s(?:and|but|when|in|at)\b|$)",
    re.IGNORECASE,
)
# "and is now fifty-five.", "I'm thirty-five now", "who is 63 and lives": a person's
# present age, the clause ending on it.
EN_IS_AGE = re.compile(
    rf"(?=[aiIwsh])\b(?:and\sis|and\swas|who\sis|I['’]m|I\sam|she['’]s|he['’]s|is\snow|was\sthen)"
    rf"\s(?:now\s|then\s|only\s|just\s|about\s|around\s)?({NUM})"
    rf"(?=[,;)!?]|\.(?!\d)|\s(?:now|then|and|this|when|years?)\b|$)",
    re.IGNORECASE,
)
# "), is 63 and lives": a name with its other spellings in brackets, then the age.
EN_AFTER_BRACKET = re.compile(
    r"(?<=\))(?:,\s(?:is|was)\s|,\s)(?:then\s|now\s|aged\s)?(\d{1,2})(?=,\s|\sand\b|;)"
)
# "I was, uh, twenty-seven?": a filler between the verb and the age.
EN_FILLED = re.compile(
    rf"(?=[IiSsHhWw])\b(?:I|she|he|we)\s(?:was|am|is|were)\s?,?\s(?:uh|um|er|erm|hmm|like)[,.]*\s"
    rf"({NUM})(?=[,;)!?]|\.(?!\d)|\s(?:or|maybe|then|now)\b|$)",
    re.IGNORECASE,
)
# "(speaker: male, 40s)": a band after a gender, as transcripts head a speaker.
EN_GENDER_BAND = re.compile(r"(?=[mfMF])\b(?:male|female|man|woman|M|F),\s([1-9]0)['’]?s\b")
# "twenty-seven? Twenty-eight, Korean age": the age corrected or hedged right after it.
EN_NEXT = re.compile(
    rf"^[?,]\s(?:or\s|maybe\s|no,\s)?(?P<n>{NUM})(?=[,;)!?]|\.(?!\d)|\s(?:Korean|now)\b|$)",
    re.IGNORECASE,
)
# "the youngest, sixteen.", "the youngest of us, only twenty-two.": a rank, then a number.
EN_RANKED = re.compile(
    rf"(?=[tmhoTMHO])\b(?:the|my|her|his|our|their)\s(?:youngest|eldest|oldest|middle\sone)"
    rf"(?:\sone)?(?:\sof\s(?:us|them|the\s[a-z]+|all))?,\s(?:then\s|now\s|only\s|just\s)?({NUM})"
    r"(?=[,;)!?]|\.(?!\d)|$)",
    re.IGNORECASE,
)
_EN_NOT_AFTER = re.compile(
    r"\s?(?:%|percent|o['’]clock|a\.m|p\.m|am\b|pm\b|minutes|hours|days|weeks|months|people"
    r"|men|women|families|kilos|kg|km|dollars|won|yuan|times)",
    re.IGNORECASE,
)


def _span(start: int, end: int, n: int | None, conf: float) -> Span | None:
    if n is None or not 1 <= n <= 110:
        return None
    return Span(start, end, PiiType.AGE, conf, NAME, {"age": n})


def _number(said: str) -> int | None:
    bare = said.replace(" ", "")
    if bare.isdigit():
        return int(bare)
    return native_number(bare) or english_number(said)


def find(text: str, ages: Sequence[Span] = ()) -> list[Span]:
    """Ages said bare in ``text``; ``ages`` are the ages already found, which a list continues."""
    found: list[Span | None] = []
    for m in sparse.finditer(KO_SUBJECT_TEEN, text) if "열" in text else ():
        sm = _SUBJECT.search(text, max(0, m.start() - 9), m.start())
        subj = sm.group("subj") if sm else ""
        if not subj or subj in _GROUPS or subj.endswith(("들", "명")):
            continue
        found.append(_span(m.start("n"), m.end("n"), _number(m.group("n")), 0.5))
    if re.search(f"[{EN_FIRST}\\d]", text):
        for m in sparse.finditer(EN_GENDER_BAND, text):
            band = int(m.group(1))
            found.append(Span(m.start(1), m.end(), PiiType.AGE, 0.6, NAME, {"band": band}))
        for rx in (EN_THEN_NOW, EN_IS_AGE, EN_AFTER_BRACKET, EN_RANKED, EN_FILLED):
            for m in sparse.finditer(rx, text):
                if _EN_NOT_AFTER.match(text, m.end(1)):
                    continue
                found.append(_span(m.start(1), m.end(1), english_number(m.group(1)), 0.5))
    spans = [s for s in found if s is not None]
    queue = sorted([*ages, *spans], key=lambda s: s.start)
    while queue:  # a list goes on from each age, the new one included
        age = queue.pop(0)
        after = text[age.end : age.end + 24]
        nm = KO_NEXT.match(after) or EN_NEXT.match(after)
        if nm:
            a, b = age.end + nm.start("n"), age.end + nm.end("n")
            nxt = _span(a, b, _number(nm.group("n")), 0.5)
            if nxt is not None:
                spans.append(nxt)
                queue.insert(0, nxt)
    return spans

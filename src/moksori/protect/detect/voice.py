"""Whose voice a text is in: a witness speaking of her own life, or prose about many.

Why: "인민반장이 매일 검열을 했어요" names one man in one street; "인민반장은
주민들의 동향을 감시한다" (a report) names no one. A role, or the famine said
without a year, identifies only in a first-person account, so the role and
spoken-date detectors ask this first. The test is deliberately crude and
leans to testimony: a first-person word in one sentence in eight is enough, and
so is a spoken ending (…어요, …지, …습네다) in one sentence in five, since
Korean speakers drop "I" ("아버지가 보위원이었어요"). A short text is read as
testimony too, unless it is laid out or written as a report (two section headings such
as "1. 배경" or "Methods", or three sentences ending on a reporting verb, "…고 밝혔다")
and has not one first-person word ("we" aside: a paper's authors) or spoken ending.
Two shapes are testimony whatever their pronouns: a transcript in interview turns
("Q: … / A: …", "면담자: … / 구술자: …"), whose answers may never say "I", and a note
that opens by naming itself one ("Field notes, …", "Case summary …", "면담 기록"):
written about one person in the third person, it is still that person's life.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FIRST_KO = re.compile(
    r"(?=[나저내제우])(?<![가-힣])(?:나|저|내|제|우리|저희|나의|저의)"
    r"(?:는|가|도|를|을|한테|에게|랑|하고|의|네)?(?![가-힣]|\s?\d)"
)
_FIRST_EN = re.compile(r"(?=[Imm])\b(?:I|me|my|mine)\b")
# "we" and "our" are also the authors of a paper ("we interviewed 40 migrants"): half weight.
_WE_EN = re.compile(r"(?=[WwOoU])\b(?:[Ww]e|[Oo]ur|us)\b")
_SPOKEN_END = re.compile(
    r"(?:요|죠|시오|네다|슴다|거든|니까|는데|지|야|어|아|래|대|댔|게|냐|니|걸|데)"
    r"(?:[.!?…~]+|(?=\n|$))"
)
_SENTENCE = re.compile(r"[.!?。？！]+(?:\s|$)|\n+")
_SHORT = 400  # a short text (a memo, one answer) is read as testimony: too little to judge
# A section heading alone on its line: numbered ("2. 면담 사례", "III. Results") or named.
_HEADING = re.compile(
    r"(?m)^[ \t#*]*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[가-하]\.)[ \t]+[^\n.!?]{1,60}"
    r"|(?:abstract|introduction|background|literature review|methods?|findings|results"
    r"|discussion|conclusions?|references|서론|배경|연구\s?방법|결과|논의|결론|요약|참고\s?문헌))"
    r"[ \t]*$",
    re.IGNORECASE,
)
# A Korean news or report sentence ends on a reporting verb: "…라고 밝혔다.", "…로 나타났다."
_REPORTED = re.compile(
    r"(?:밝혔|말했|전했|하였|설명했|강조했|지적했|발표했|보도했|나타났|덧붙였|예정이|계획이|방침이)다[.\n]"
)


# Speech a report quotes: "…" or “…” on one line. Its "I" is the quoted person's, not the
# text's, so a news story full of quotes is still a news story.
_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”|「[^」\n]{1,400}」')


# A turn of an interview: optional timestamp, then a role label and a colon.
_TURN = re.compile(
    r"(?m)^[ \t]*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?"
    r"(?:Q|A|Interviewer|Interviewee|Respondent|Participant|Narrator|Informant"
    r"|면담자|구술자|피면담자|연구자|참여자|질문|답변|문|답)(?:\s?\d{1,2})?[ \t]*[:：]"
)
# A note naming its own genre in its first words: interview, field or case notes.
_NOTE_HEAD = re.compile(
    r"^\W{0,3}(?:(?:interview|field|case|session|fieldwork|focus[- ]group|visit|phone[- ]call"
    r"|interviewer['’]?s?|caseworker['’]?s?)\s(?:notes?|summary|log|record|memo)\b"
    r"|(?:summary|notes?|record) (?:of|from|on) (?:an?|the|my|our) [\w\s'’-]{0,30}?"
    r"(?:interview|focus group|home visit|session|meeting)"
    r"|from the (?:interview|case|field) (?:log|notes?|record|file)"
    r"|(?:면담|면접|인터뷰|구술|현장|상담|사례)\s?(?:기록|노트|일지|요약|메모|정리))",
    re.IGNORECASE,
)


def _interview_shaped(text: str) -> bool:
    """Turns of an interview on a third of the lines or more, or a note's own heading."""
    if _NOTE_HEAD.match(text.lstrip()):
        return True
    turns = len(_TURN.findall(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    return turns >= 2 and turns * 3 >= lines


@lru_cache(maxsize=2)  # the detectors of one text ask in turn; keep no old texts alive
def is_testimony(text: str) -> bool:
    """True unless the text almost never says "I" or "we" outside the speech it quotes and
    is long or shaped as a report (a paper, a report, news)."""
    if _interview_shaped(text):
        return True
    report_shaped = len(_HEADING.findall(text)) >= 2 or len(_REPORTED.findall(text)) >= 3
    if len(text) < _SHORT and not report_shaped:
        return True  # a memo, one answer: too little to judge
    sentences = max(1, len(_SENTENCE.findall(text)))
    own = _QUOTED.sub('""', text)
    first = len(_FIRST_KO.findall(own)) + len(_FIRST_EN.findall(own))
    spoken = len(_SPOKEN_END.findall(own))
    if report_shaped and first == 0 and spoken == 0:
        return False  # shaped as a report, and at most "we": its authors
    if len(text) < _SHORT:
        return True  # short, and someone speaks
    first += len(_WE_EN.findall(own)) // 2
    return first * 8 >= sentences or spoken * 5 >= sentences

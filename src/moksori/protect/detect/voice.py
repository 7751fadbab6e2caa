"""Whose voice a text is in: a witness speaking of her own life, or prose about many.

Why: "인민반장이 매일 검열을 했어요" names one man in one street; "인민반장은
주민들의 동향을 감시한다" (a report) names no one. A role, or the famine said
without a year, identifies only in a first-person account, so the role and
spoken-date detectors ask this first. The test is deliberately crude and
leans to testimony: a first-person word in one sentence in eight is enough, and
so is a spoken ending (…어요, …지, …습네다) in one sentence in five, since
Korean speakers drop "I" ("아버지가 보위원이었어요").
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


@lru_cache(maxsize=2)  # the detectors of one text ask in turn; keep no old texts alive
def is_testimony(text: str) -> bool:
    """True unless the text is long and almost never says "I" or "we" (a paper, a report)."""
    if len(text) < _SHORT:
        return True
    sentences = max(1, len(_SENTENCE.findall(text)))
    first = len(_FIRST_KO.findall(text)) + len(_FIRST_EN.findall(text))
    first += len(_WE_EN.findall(text)) // 2
    return first * 8 >= sentences or len(_SPOKEN_END.findall(text)) * 5 >= sentences

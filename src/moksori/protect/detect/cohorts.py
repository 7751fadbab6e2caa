"""Hanawon cohorts: "하나원 142기", "class 142", the group a migrant was resettled with.

Why its own module: a cohort of a few dozen people, with a year and a hometown,
singles one out; it is removed by the default policy, never generalised. Numbers
with 기 count missiles and graves too, so the word before it is checked.
"""

from __future__ import annotations

import re

from moksori.protect.detect import sparse
from moksori.protect.spans import PiiType, Span

HANAWON = re.compile(r"하나원|Hanawon|Hana\s?won|Hana Center", re.I)
KO_COHORT = re.compile(
    r"(?=[제\d])(?<![\d.,])(?:제\s?)?(\d{1,3})\s?기(?:생|수)?"
    r"(?=$|[^\uac00-\ud7a3]|는|은|이|가(?!바이트)|로|으로|에|와|과|의|를|을|도|만|부터|까지|동기|출신|"
    r"수료|졸업|였|이었|인데|예요|입니다|라|랑|하고|때|분|들|중|였다|다(?![가-힣])|이다)"
)
EN_COHORT = re.compile(
    r"(?=[cbig\d])\b(?:(?:class|cohort|batch|intake|group)\s(?:no\.?\s?|number\s|#)?(\d{1,3})\b"
    r"|(\d{1,3})(?:st|nd|rd|th)\s(?:graduating\s)?(?:class|cohort|batch|intake))",
    re.I,
)


# 기 also counts missiles, towers and graves: "미사일 30기".
_COUNTED_BY_GI = re.compile(r"(?:미사일|탄도탄|기지|묘|무덤|탑|원전|원자로|발전기|엔진|위성)\s?$")


def find_cohorts(text: str) -> list[Span]:
    out: list[Span] = []
    for pattern in (KO_COHORT, EN_COHORT):
        for m in sparse.finditer(pattern, text):
            if _COUNTED_BY_GI.search(text[max(0, m.start() - 6) : m.start()]):
                continue
            n = int(next(g for g in m.groups() if g))
            window = text[max(0, m.start() - 30) : m.end() + 30]
            if HANAWON.search(window):
                conf = 0.9
            elif pattern is KO_COHORT:
                conf = 0.6 if n >= 10 else 0.4
            else:
                conf = 0.4
            out.append(Span(m.start(), m.end(), PiiType.COHORT, conf, "cohort", {"cohort": n}))
    return out

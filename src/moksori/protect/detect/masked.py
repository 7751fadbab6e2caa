"""Text that is already masked: it is left alone and never masked twice.

"김 모 씨", "김모씨", "[redacted]", "[이름]", "Ms. P", "OOO", "○○○", "***", and a
name marked "(가명)" (a pseudonym the interviewer already chose).
"""

from __future__ import annotations

import re

from moksori.protect.detect import sparse

_PATTERNS = [
    # 김 모 씨, 김모씨, 김모(33)씨, 박 모 군: a surname + 모 is the press's own mask.
    r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]\s?모(?=\s?(?:\(\d+\)\s?)?(?:씨|군|양|님|氏|\(|\s|$|[이가는을를의와과도]))",
    # Bracketed masks: [redacted], [REDACTED], [이름], [삭제], <name>, {PERSON}
    r"[\[<{](?:redacted|removed|name|person|삭제|이름|비공개|익명|가명|[A-Z_]{3,})[\]>}]",
    # Letter masks: OOO, ○○○, XXX, ***, ◯◯, ㅇㅇㅇ, 김OO, 김○○
    r"(?:[\uac00-\ud7a3])?(?:[O○◯●◎〇]{2,}|X{2,}|x{3,}|\*{2,}|ㅇ{2,}|□{2,})",
    # Ms. P, Mr. K, Dr. L.
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Rev)\.?\s[A-Z]\b\.?(?![a-z])",
    # A single capital as a mask: "interviewee A", "A 씨", "B씨".
    # … also with age and sex, or a title: "A(27·여)씨", "K기자", "A 원사", "B(3)군".
    r"(?<![A-Za-z])[A-Z](?=\s?(?:\(\d+(?:\s?[·,]\s?[^()\n]{1,8})?\)\s?)?"
    r"(?:씨|님|군|양|기자|원사|상사|중사|하사|일병|이병|상병|병장|교사|목사|여성|남성|변호사))",
    # 영미(가명), Youngmi (pseudonym), Youngmi (a pseudonym)
    r"[\uac00-\ud7a3]{2,4}\s?\(가명\)",
    r"\b[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)?\s\((?:a\s)?pseudonym\)",
]
# The characters a mask can start with, as a lookahead: the regex engine then passes
# over every other position at once.
_FIRST = r"(?=[\uac00-\ud7a3\[<{O○◯●◎〇Xx*ㅇ□A-Z])"
MASK = re.compile(_FIRST + "(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")")
PSEUDONYM_MARK = re.compile(r"^(.+?)\s?\((?:가명|(?:a\s)?pseudonym)\)$")


def masks(text: str) -> tuple[list[tuple[int, int]], set[str]]:
    """:func:`masked_zones` and :func:`marked_pseudonyms` from one pass over the text."""
    zones: list[tuple[int, int]] = []
    pseudonyms: set[str] = set()
    for m in sparse.finditer(MASK, text):
        zones.append(m.span())
        if m.group().endswith(")"):  # every pseudonym mark ends with its bracket
            pm = PSEUDONYM_MARK.match(m.group())
            if pm:
                pseudonyms.add(pm.group(1).strip())
    return zones, pseudonyms


def masked_zones(text: str) -> list[tuple[int, int]]:
    """Code-point ranges that are masks already, in order."""
    return masks(text)[0]


def marked_pseudonyms(text: str) -> set[str]:
    """Names the text itself marks as pseudonyms; their other mentions are left alone too."""
    return masks(text)[1]

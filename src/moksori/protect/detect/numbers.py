"""Numbers as people say them, in Korean and English: 스물세, 서른다섯, 사십삼, forty-two, '97.

Ages, dates and their generalisation all parse the same spoken numbers, so they
live here once. A pattern starting with (?=[…]) names the characters a match can
start with: the regex engine then passes over every other position at once.
"""

from __future__ import annotations

import re
from typing import Any

CURRENT_YY = 26  # two-digit years up to this are read as 20xx, the rest as 19xx

NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
               "일흔": 70, "여든": 80, "아흔": 90}  # fmt: skip
NATIVE_UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4,
                "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}  # fmt: skip
SINO_TENS = {"십": 10, "이십": 20, "삼십": 30, "사십": 40, "오십": 50, "육십": 60, "칠십": 70,
             "팔십": 80, "구십": 90}  # fmt: skip
EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19}  # fmt: skip
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}  # fmt: skip
EN_DECADES = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
              "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip


def alt(words: Any) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


NATIVE_TENS_RE = alt(NATIVE_TENS)
NATIVE_UNITS_RE = alt(NATIVE_UNITS)
NATIVE = rf"(?:(?:{NATIVE_TENS_RE})\s?(?:{NATIVE_UNITS_RE})?|(?:{NATIVE_UNITS_RE}))"
EN_DIGIT_RE = alt(k for k in EN_UNITS if EN_UNITS[k] < 10)
EN_NUM = rf"(?:(?:{alt(EN_TENS)})(?:[- ](?:{EN_DIGIT_RE}))?|{alt(EN_UNITS)})"
NUM = rf"(?:\d{{1,3}}|{EN_NUM})"
NOT_HANGUL_BEFORE = r"(?<![\uac00-\ud7a3])"
# A pattern starting with (?=[…]) names the characters a match can start with: the
# regex engine then passes over every other position at once (scans run 3–5× faster).
NATIVE_FIRST = "".join(sorted({w[0] for w in (*NATIVE_TENS, *NATIVE_UNITS)}))
EN_FIRST = "".join(sorted({w[0] for w in (*EN_TENS, *EN_UNITS)}))


def native_number(words: str) -> int | None:
    """스물세 → 23, 서른 → 30, 다섯 → 5; None when it is not a native numeral."""
    s = words.replace(" ", "")
    total = 0
    for tens, v in sorted(NATIVE_TENS.items(), key=lambda kv: -len(kv[0])):
        if s.startswith(tens):
            total, s = v, s[len(tens) :]
            break
    if s:
        if s not in NATIVE_UNITS:
            return None
        total += NATIVE_UNITS[s]
    return total or None


SINO_UNITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}


def sino_number(words: str) -> int | None:
    """오십 → 50, 사십삼 → 43 (tens 20-90 and a unit)."""
    if len(words) < 2 or words[1] != "십" or words[0] not in SINO_UNITS:
        return None
    unit = SINO_UNITS.get(words[2:], 0) if words[2:] else 0
    if words[2:] and not unit:
        return None
    return SINO_UNITS[words[0]] * 10 + unit


def english_number(words: str) -> int | None:
    """forty-two → 42, nineteen → 19, 42 → 42."""
    s = words.lower().strip()
    if s.isdigit():
        return int(s)
    parts = re.split(r"[- ]", s)
    if parts[0] in EN_TENS:
        unit = EN_UNITS.get(parts[1], 0) if len(parts) > 1 else 0
        return EN_TENS[parts[0]] + unit
    return EN_UNITS.get(s)


def two_digit_year(digits: str) -> int:
    """'97 → 1997, '05 → 2005 (up to CURRENT_YY read as this century), 2011 → 2011."""
    n = int(digits)
    if len(digits) == 4:
        return n
    return 2000 + n if n <= CURRENT_YY else 1900 + n

"""Phone numbers and bank accounts: both are runs of digit groups, so one pass finds both.

Why our own candidate pattern rather than ``PhoneNumberMatcher`` alone: the
matcher misses many phone-shaped strings (foreign formats, numbers with a
typo), and the spec asks for every phone in the text. So every run of 7-15
digits in groups is a candidate; ``phonenumbers`` only decides the confidence
(a valid number in a region we expect is near certain, a merely phone-shaped
one is still reported, lower). A candidate that is a date, a list of years, a
price or a count ("1,500,000원", "16명") is not a phone.

Bank accounts look like phones with a long group (110-123-456789); a word
like 계좌/통장/account nearby decides, and without one a long-grouped number
that is no valid phone is an account with low confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from moksori.protect.detect import sparse
from moksori.protect.spans import PiiType, Span

DASH = r"\-‐‑–−"
_SP = r"[ \u00a0]"
_SEP = rf"(?:{_SP}?[{DASH}.]{_SP}?|{_SP}|\){_SP}?[{DASH}]?|{_SP}?\(|/)"
_CANDIDATE = re.compile(
    rf"(?<![A-Za-z0-9_+@#=.:/\\{DASH}])"
    rf"(?:\+{_SP}?|\()?\d+(?:{_SEP}\(?\d+\)?)*"
    rf"(?:{_SP}?(?:x|ext\.?|extension|내선){_SP}?\d{{1,6}})?"
    r"(?![A-Za-z0-9_@]|[.,]\d)",
    re.IGNORECASE,
)
_EXTENSION = re.compile(rf"{_SP}?(?:x|ext\.?|extension|내선){_SP}?\d{{1,6}}$", re.IGNORECASE)

# Regions whose numbers we expect: Korea and China first, then English-language texts.
REGIONS = ("KR", "CN", "US", "GB")

PHONE_CONTEXT = re.compile(
    r"(?:전화|연락처|연락|핸드폰|휴대폰|휴대전화|폰|(?<!계좌)(?<!계좌 )(?<!등록)번호|"
    r"phone|tel|mobile|cell|call|fax|팩스|手机|电话|号码|whatsapp)",
    re.IGNORECASE,
)
ACCOUNT_CONTEXT = re.compile(
    r"(?:계좌|통장|은행|뱅크|입금|송금|이체|예금|국민|신한|농협|기업|새마을|우체국|수협|신협|토스|"
    r"account|bank|iban|账户|账号|银行|卡号)",
    re.IGNORECASE,
)
# What follows a number that is a quantity, not a phone.
_UNIT_AFTER = re.compile(
    r"^\s?(?:원|만원|억|명|개|권|장|마리|대|시간|시|분|초|년|월|일|층|세|살|km|kg|cm|mm|m²|%|"
    r"달러|위안|元|엔|won|dollars?|yuan|people|persons|years?|pages?)(?![A-Za-z])",
    re.IGNORECASE,
)
_POSTCODE_CONTEXT = re.compile(
    r"(?:zip|post\s?code|postal|우편번호|邮编)(?:\s?code)?(?:\s(?:is|was))?\W{0,5}$", re.I
)
# "17151 2450 Crown St": two space-joined numbers before a street name are an address.
_ADDRESS_AFTER = re.compile(r"^ (?:[A-Z][a-z]|[A-Z]{2,}\b)|^\s?(?:번지|호|동|로\b|길\b)")
_CURRENCY_BEFORE = re.compile(r"[$₩£€¥]\s?$|(?:USD|KRW|CNY|RMB)\s?$")
_NUMERIC_DATE = re.compile(
    rf"^(?:(?:19|20)\d\d{_SP}?[{DASH}./]{_SP}?\d{{1,2}}{_SP}?[{DASH}./]{_SP}?\d{{1,2}}\.?"
    rf"|\d{{1,2}}{_SP}?[{DASH}./]{_SP}?\d{{1,2}}{_SP}?[{DASH}./]{_SP}?(?:19|20)?\d\d)$"
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
CONTEXT_WINDOW = 25
MAX_PIECES = 6  # space-separated groups in one number: "+46 (0)8 928 571 38"


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    valid: bool


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _excluded(s: str) -> bool:
    """Dates, year lists and ranges, and runs that mix separators the way no phone does."""
    groups = _groups(s)
    if _NUMERIC_DATE.match(s.strip()) or all(_YEAR.match(g) for g in groups):
        return True
    if re.fullmatch(r"\d+[.,]\d+", s):
        return True  # a decimal
    if re.fullmatch(r"[\d ]+", s) and len(groups) >= 3 and min(len(g) for g in groups) == 1:
        return True  # "0 37 74 111": a list of numbers
    rest = re.sub(r"^\+\d{1,3} ", "", _EXTENSION.sub("", s))
    rest = re.sub(r"^\(\d{1,4}\) ?", "", rest)
    if "(" in rest[1:] or ")" in rest:
        return True  # a bracket may only open the number or follow its country code
    return " " in rest and re.search(rf"[{DASH}.]", rest) is not None


def _valid_phone(s: str) -> bool:
    """A number that ``phonenumbers`` accepts as valid in some region we expect."""
    body = _EXTENSION.sub("", s)
    if _excluded(body):
        return False
    try:
        if body.lstrip().startswith("+") or body.startswith("00"):
            num = phonenumbers.parse(body if body.startswith("+") else "+" + body[2:], None)
            return phonenumbers.is_valid_number(num)
        digits = _digits(body)
        for region in REGIONS:
            if region == "KR" and digits[0] != "0" and not re.fullmatch(r"1[5-9]\d{6}", digits):
                continue  # outside 0… numbers Korea has only 15xx/16xx/18xx service lines
            if phonenumbers.is_valid_number(phonenumbers.parse(body, region)):
                return True
    except phonenumbers.NumberParseException:
        return False
    return False


def _groups(s: str) -> list[str]:
    return re.findall(r"\d+", _EXTENSION.sub("", s))


def _shaped(s: str) -> bool:
    """Could be a phone by its shape alone: 7-15 digits, not a date or a list of years."""
    groups = _groups(s)
    n = sum(len(g) for g in groups)
    if not 7 <= n <= 15:
        return False
    if _excluded(s):
        return False
    if len(groups) == 1 and not s.startswith("+"):
        # A bare run of digits: 10-11 digits (KR 010…, CN 1[3-9]…, US), or 9 from 0 (KR 02…).
        return n in (10, 11) or (n == 9 and s[0] == "0")
    if "/" in s:  # slashes join dates and fractions, rarely phone groups
        return False
    # A lone digit between groups is a list of numbers, not a phone ("+1 415…" is fine).
    rest = _groups(s.replace("(0)", ""))  # "+46 (0)8 …": the trunk zero is not a group
    return all(len(g) >= 2 for g in (rest[1:] if s.startswith("+") else rest))


def _account_shaped(s: str) -> bool:
    """Korean account layouts: hyphen-joined groups with one of five or more digits."""
    groups = _groups(s)
    if _excluded(s):
        return False
    n = sum(len(g) for g in groups)
    if "/" in s or "(" in s or "+" in s:
        return False
    if len(groups) >= 2 and re.fullmatch(rf"[\d{DASH}]+", s):
        if len(groups) == 2 and s[0] == "0":
            return False  # 0961-7596216 is a trunk prefix and a number
        return 10 <= n <= 16 and max(len(g) for g in groups) >= 5
    if len(groups) >= 3 and re.fullmatch(r"[\d ]+", s):  # card numbers 4454 7945 1139 0933
        return 13 <= n <= 19 and all(len(g) == 4 for g in groups[:-1])
    return len(groups) == 1 and 12 <= n <= 19


def _candidates(text: str) -> list[tuple[int, int]]:
    """Digit runs, cut at spaces into the sub-runs that best read as one number each."""
    out: list[tuple[int, int]] = []
    for m in sparse.finditer(_CANDIDATE, text):
        start, end = m.start(), m.end()
        s = text[start:end]
        # Trim unbalanced brackets at the edges.
        while s and s[-1] == ")" and s.count("(") < s.count(")"):
            s, end = s[:-1], end - 1
        while s and s[0] == "(" and s.count("(") > s.count(")"):
            s, start = s[1:], start + 1
        if s.startswith("(") and s.endswith(")") and s.count("(") == s.count(")") == 1:
            s, start, end = s[1:-1], start + 1, end - 1  # "(010-1234-5678)"
        if sum(c.isdigit() for c in s) < 7:
            continue
        out.extend(_split(text, start, end))
    return out


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Greedy from the left: the longest space-joined piece that is a valid phone, else shaped."""
    s = text[start:end]
    cuts = [0] + [i + 1 for i, c in enumerate(s) if c in " \u00a0"] + [len(s) + 1]
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(cuts) - 1:
        best: tuple[int, int, int] | None = None  # (level, a, b): longest valid, else longest
        for j in range(min(len(cuts) - 1, i + MAX_PIECES), i, -1):
            a, b = cuts[i], cuts[j] - 1
            sub = s[a:b].strip()
            if not sub or not 7 <= sum(c.isdigit() for c in sub) <= 19:
                continue
            level = 2 if _valid_phone(sub) else 1 if _shaped(sub) or _account_shaped(sub) else 0
            if not level and sub.isdigit() and 7 <= len(sub) <= 19:
                level = 1  # a bare run: context decides in find()
            if level and (best is None or level > best[0]):
                best = (level, a, b)
                if level == 2:
                    break
        if best is None:
            i += 1
            continue
        _, a, b = best
        pieces.append((start + a, start + b))
        i = next(k for k, c in enumerate(cuts) if c - 1 >= b)
    return pieces


def _distance(pattern: re.Pattern[str], text: str, start: int) -> int | None:
    """How far before ``start`` the nearest context word ends, if within the window."""
    window = text[max(0, start - CONTEXT_WINDOW) : start]
    ends = [m.end() for m in pattern.finditer(window)]
    return len(window) - ends[-1] if ends else None


def _is_quantity(text: str, start: int, end: int) -> bool:
    return bool(
        _UNIT_AFTER.match(text[end : end + 8])
        or _CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    )


# A number read out in Sino-Korean digits in a transcript: 공일공 일이삼사 오육칠팔.
_SPOKEN = re.compile(
    r"(?<![\uac00-\ud7a3])[공영][일이][공영](?:[ \-]?[공영일이삼사오육륙칠팔구]){7,8}"
    r"(?![\uac00-\ud7a3])"
    # "공일공에 구팔칠육에 오사삼이요": groups said with 에 between them.
    r"|(?<![\uac00-\ud7a3])[공영][일이][공영]에\s[공영일이삼사오육륙칠팔구]{3,4}에\s"
    r"[공영일이삼사오육륙칠팔구]{4}(?=이|요|예요|입니다|[^\uac00-\ud7a3]|$)"
)


def find(text: str) -> list[Span]:
    """Phones and bank accounts in ``text``; never both for the same digits."""
    out: list[Span] = []
    for start, end in _candidates(text):
        s = text[start:end]
        valid = _valid_phone(s)
        to_account = _distance(ACCOUNT_CONTEXT, text, start)
        to_phone = _distance(PHONE_CONTEXT, text, start)
        if to_account is not None and (to_phone is None or to_account < to_phone):
            if not valid or to_account <= 12:
                out.append(Span(start, end, PiiType.ACCOUNT, 0.9, "account"))
                continue
        bare = s.isdigit()
        groups = _groups(s)
        if _POSTCODE_CONTEXT.search(text[max(0, start - 20) : start]):
            continue
        spaced = re.fullmatch(r"[\d ]+", s) is not None and len(groups) == 2
        if spaced and _ADDRESS_AFTER.match(text[end : end + 6]) and to_phone is None:
            continue
        if valid:
            if _is_quantity(text, start, end) and to_phone is None:
                continue
            out.append(Span(start, end, PiiType.PHONE, 0.95, "phone"))
        elif _account_shaped(s) and to_phone is None:
            out.append(Span(start, end, PiiType.ACCOUNT, 0.4 if bare else 0.5, "account"))
        elif _shaped(s):
            if _is_quantity(text, start, end):
                continue
            out.append(
                Span(start, end, PiiType.PHONE, 0.75 if to_phone is not None else 0.55, "phone")
            )
        elif to_phone is not None and bare and len(s) <= 15:
            out.append(Span(start, end, PiiType.PHONE, 0.5, "phone"))
    for m in sparse.finditer(_SPOKEN, text):
        out.append(Span(m.start(), m.end(), PiiType.PHONE, 0.8, "phone"))
    return out

"""Structured identifiers: RRN, foreigner number, e-mail, URL, handle, passport, phone, account.

Each pattern proposes spans with a confidence; where two overlap, the more
specific kind wins (an e-mail is not also a URL or a handle, an RRN is not
also a phone, a phone is not also an account), so every string is reported
once. Checks such as the RRN checksum only raise confidence: a number with a
typo, a post-2020 RRN without checksum, or a half-masked one
(850314-2******) still identifies a person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from moksori.protect.detect import phones, sparse
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

# A pattern starting with (?=[…]) names the characters a match can start with: the
# regex engine then passes over every other position at once (scans run 3–5× faster).

NAME = "identifiers"

_DASH = phones.DASH
_MASKED = "*＊XxＸ●○•#"
# A Korean particle may follow directly ("730915-2129462를"), so only Latin letters, digits
# and masks around the number stop it.
RRN = re.compile(
    rf"(?=\d)(?<![A-Za-z0-9_{_DASH}])(\d{{2}})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    rf"(?:[ ]?[{_DASH}][ ]?|[ ]?)([\d{_MASKED}])([\d{_MASKED}]{{6}})(?![A-Za-z0-9_{_MASKED}])"
)
RRN_CONTEXT = re.compile(r"주민(?:등록)?\s?번호|주민번호|주민등록|resident registration", re.I)
FOREIGNER_CONTEXT = re.compile(r"외국인\s?등록|alien registration|foreigner registration", re.I)
# "주민번호 앞자리 850314": the birth-date half alone, after the word.
RRN_FRONT = re.compile(r"(?=\d)(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d*])")
# Chinese resident identity number: 6-digit region, YYYYMMDD, 3 digits, check digit.
CN_ID = re.compile(
    r"(?=\d)(?<![\w])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b"
)
# A US social security number: reported as a national ID (there is no separate type).
SSN = re.compile(rf"(?=\d)(?<![\d{_DASH}])\d{{3}}[{_DASH}]\d{{2}}[{_DASH}]\d{{4}}(?![\d{_DASH}])")
SSN_CONTEXT = re.compile(r"ssn|social security|사회보장", re.I)
IPV4 = re.compile(
    r"(?=\d)(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)

_TLD = (
    r"com|org|net|edu|gov|mil|int|info|biz|io|me|co|tv|ai|app|dev|blog|news|online|site|xyz|"
    r"kr|cn|jp|kp|ru|uk|us|de|fr|ca|au|nz|hk|tw|mo|sg|ch|se|nl|be|it|es|pl|cz|at|dk|no|fi|"
    r"br|pt|in|eu|mn|vn|th"
)
EMAIL = re.compile(
    r"(?=[A-Za-z0-9])(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])"
)
# "kim.jm [at] example [dot] com", "kimjm 골뱅이 naver 점 com": the domain must read as one,
# letters first and a known top-level domain last, so "university at 35. My" is no e-mail.
_AT = r"(?:\s?[\[(]\s?at\s?[\])]\s?|\s(?:at|골뱅이)\s)"
_DOT = r"(?:\s?[\[(]\s?dot\s?[\])]\s?|\s(?:dot|점)\s|\.)"
EMAIL_SPELLED = re.compile(
    rf"(?=[A-Za-z0-9])(?<![\w.])([A-Za-z0-9][A-Za-z0-9._\-]*){_AT}"
    rf"([A-Za-z][A-Za-z0-9\-]*(?:{_DOT}[A-Za-z][A-Za-z0-9\-]*)*){_DOT}({_TLD})"
    r"(?![A-Za-z0-9])",
    re.I,
)
_AT_WORDS = frozenset(
    "work works worked working job jobs is are was were be been am me us him her them it "
    "look looked looking find found post posted read see saw shop shopped sell sold buy bought "
    "live lived stay stayed meet met online available".split()
)
# Plain "at" with a real dot ("work at naver.com") needs an id-like name or a mail provider.
_MAIL_HOSTS = re.compile(
    r"^(?:gmail|googlemail|naver|daum|hanmail|kakao|nate|yahoo|hotmail|outlook|live|icloud|"
    r"me|qq|163|126|sina|foxmail|proton|protonmail|aol|mail)\b",
    re.I,
)
# Without a path, only a domain under one of these is clearly a web address ("home.It" is a typo).
_STRONG_TLD = re.compile(r"\.(?:com|org|net|edu|gov|io|info|kr|cn|kp|jp)$", re.I)
URL_SCHEME = re.compile(r"(?=[hf])(?<![\w])(?:https?|ftp)://[^\s<>\"'`]+", re.I)
URL_WWW = re.compile(r"(?=w)(?<![\w./])www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[^\s<>\"'`]*", re.I)
URL_BARE = re.compile(
    rf"(?=[A-Za-z0-9])(?<![\w@./\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+(?:{_TLD})"
    r"(?::\d{2,5})?(?:/[^\s<>\"'`]*)?(?![A-Za-z0-9\-@])",
    re.I,
)
_SOCIAL_SITES = (
    r"instagram\.com|facebook\.com|fb\.com|twitter\.com|x\.com|tiktok\.com|youtube\.com|"
    r"weibo\.com|t\.me|vk\.com|linkedin\.com/in|threads\.net|band\.us|story\.kakao\.com|"
    r"blog\.naver\.com|m\.blog\.naver\.com"
)
SOCIAL_URL = re.compile(
    rf"(?=[hwmiftxyvlbs])(?<![\w.])(?:https?://)?(?:www\.|m\.)?({_SOCIAL_SITES})/@?[A-Za-z0-9_.\-]+/?",
    re.I,
)
AT_HANDLE = re.compile(r"(?=@)(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_HANDLE_TOKEN = r"@?[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?"
# Korean (and Chinese) platform words: what follows in Latin letters is the ID.
HANDLE_KO = re.compile(
    r"(?:카카오톡|카톡|카카오|위챗|웨이신|微信|라인|텔레그램|인스타그램|인스타|페이스북|페북|트위터|"
    r"틱톡|스카이프|큐큐|시그널|왓츠앱|위쳇|아이디|닉네임|계정)"
    r"\s*(?:아이디|ID|id|계정|닉네임|주소)?\s*(?:는|은|이|가|도|:|：|=)?\s*"
    rf"({_HANDLE_TOKEN})(?![A-Za-z0-9_@])"
)
# English platform words need "ID", a colon or "is" before the ID: "line" and "signal" are words.
HANDLE_EN = re.compile(
    r"(?=[kwltifsqv])(?<![A-Za-z])(?:kakao\s?talk|kakao|wechat|weixin|line|telegram|instagram|insta|facebook|"
    r"twitter|tiktok|skype|qq|signal|whatsapp|viber|snapchat)"
    r"(?:\s?(?:id|handle|account|username|user\s?name)\s?(?:is|:|：|=)?|\s?(?::|：|=)|\s(?:is))\s*"
    rf"({_HANDLE_TOKEN})(?![A-Za-z0-9_@])",
    re.I,
)
# An ID-shaped word a little after a platform or ID word: "on KakaoTalk, my ID is sunny_hye85",
# "a message on WeChat, oksun_dd1962, when", "위챗으로 연락했어요. 아이디가 oksun_dd1962".
# Shape: letters first, then a digit or an underscore somewhere (plain words are not IDs).
_ID_SHAPED = r"[A-Za-z][A-Za-z0-9._]*(?:\d|_)[A-Za-z0-9._]*[A-Za-z0-9_]"
HANDLE_NEAR = re.compile(
    r"(?=[kwltifsqvyunh카위웨微라텔인페트틱스큐왓아닉계])(?:(?<![A-Za-z])(?:kakao\s?talk|kakao|wechat|weixin|line|telegram|instagram|insta|"
    r"facebook|twitter|tiktok|skype|qq|signal|whatsapp|viber|snapchat|youtube|threads|"
    r"user\s?name|username|nickname|handle|ID)(?![A-Za-z])"
    r"|카카오톡|카톡|카카오|위챗|웨이신|微信|라인|텔레그램|인스타그램|인스타|페이스북|페북|트위터|"
    r"틱톡|스카이프|큐큐|왓츠앱|위쳇|아이디|닉네임|계정)"
    r"[^.!?\n。]{0,30}?"
    rf"(?<![\w.@/])({_ID_SHAPED})(?![A-Za-z0-9_@]|\.\w)",  # a particle may follow: "…0415요"
    re.I,
)
PASSPORT = re.compile(
    r"(?=[A-Z])(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d{7,8}|[A-Z]\d{3}[A-Z]\d{4})(?![A-Za-z0-9])"
)
PASSPORT_LOOSE = re.compile(
    r"(?=[A-Za-z])(?<![A-Za-z0-9])(?:[A-Za-z]{1,2}\d{7,8}|[A-Za-z]\d{3}[A-Za-z]\d{4})(?![A-Za-z0-9])"
)
PASSPORT_CONTEXT = re.compile(r"여권|passport|护照|려권", re.I)
CONTEXT_WINDOW = 25
_TRAILING = ".,;:!?'\"”’)]}>」』。，、"

# Higher wins when spans overlap. An e-mail beats the bare domain in it ("gmail.com") and a
# handle; a full web address (scheme, www., a social site) holds the handle or e-mail inside
# it (youtube.com/@name) and is reported whole, as a URL.
_PRIORITY = {
    PiiType.EMAIL: 8,
    PiiType.URL: 7,
    PiiType.HANDLE: 6,
    PiiType.RRN: 4,
    PiiType.FOREIGNER_ID: 4,
    PiiType.PASSPORT: 3,
    PiiType.PHONE: 2,
    PiiType.ACCOUNT: 2,
}
_FULL_URL = 9
FULL_URL_CONFIDENCE = 0.95  # scheme, www. or a social site


def _rank(s: Span) -> int:
    if s.type == PiiType.URL and s.confidence >= FULL_URL_CONFIDENCE:
        return _FULL_URL
    return _PRIORITY.get(s.type, 0)


def _before(text: str, start: int, pattern: re.Pattern[str], window: int = CONTEXT_WINDOW) -> bool:
    return pattern.search(text[max(0, start - window) : start]) is not None


def _rrn_checksum_ok(digits: str) -> bool:
    """The pre-2020 check digit. New numbers have none, so a failure never rejects."""
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    total = sum(int(d) * w for d, w in zip(digits[:12], weights, strict=True))
    return (11 - total % 11) % 10 == int(digits[12])


def _memo(find: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    """``find`` remembered for the last few texts, returning fresh spans on every call.

    Why: the temporal detector asks for the same text's web addresses and ID numbers
    right after this detector did (nothing is dated inside them). The spans are
    copied because callers may change them (``fold`` moves ``info`` between spans).
    """
    remembered = lru_cache(maxsize=4)(lambda text: tuple(find(text)))

    def fresh(text: str) -> list[Span]:
        return [
            Span(s.start, s.end, s.type, s.confidence, s.detector, dict(s.info))
            for s in remembered(text)
        ]

    fresh.__doc__ = find.__doc__
    return fresh


@_memo
def find_rrns(text: str) -> list[Span]:
    out: list[Span] = []
    for m in sparse.finditer(RRN, text):
        yy, mm, dd, g, rest = m.groups()
        number = yy + mm + dd + g + rest
        masked = not number.isdigit()
        hyphen = any(c in _DASH for c in m.group())
        foreign = g in "5678" or _before(text, m.start(), FOREIGNER_CONTEXT)
        if masked:
            conf = 0.85 if hyphen or _before(text, m.start(), RRN_CONTEXT) else 0.6
        elif _rrn_checksum_ok(number):
            conf = 0.98
        else:
            conf = 0.9 if hyphen and g in "12345678" else 0.7
        kind = PiiType.FOREIGNER_ID if foreign else PiiType.RRN
        out.append(Span(m.start(), m.end(), kind, conf, kind.value))
    for m in sparse.finditer(RRN_FRONT, text):
        foreign = _before(text, m.start(), FOREIGNER_CONTEXT, 15)
        if foreign or _before(text, m.start(), RRN_CONTEXT, 15):
            kind = PiiType.FOREIGNER_ID if foreign else PiiType.RRN
            out.append(Span(m.start(), m.end(), kind, 0.8, kind.value))
    for m in sparse.finditer(SSN, text):
        conf = 0.9 if _before(text, m.start(), SSN_CONTEXT, 40) else 0.6
        out.append(Span(m.start(), m.end(), PiiType.RRN, conf, "ssn", {"country": "US"}))
    for m in sparse.finditer(CN_ID, text):
        out.append(Span(m.start(), m.end(), PiiType.RRN, 0.9, "cn_id", {"country": "CN"}))
    return out


def _trim(text: str, start: int, end: int) -> int:
    """End of a URL without the sentence punctuation or Korean particle glued to it."""
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text[start:end].count("(") >= text[start:end].count(")"):
            break
        end -= 1
    # Korean text glues particles to a URL: "example.org에서"; a URL has no hangul.
    m = re.search(r"[\uac00-\ud7a3]", text[start:end])
    return start + m.start() if m else end


@_memo
def find_web(text: str) -> list[Span]:
    out: list[Span] = []
    for m in sparse.finditer(EMAIL, text):
        out.append(Span(m.start(), m.end(), PiiType.EMAIL, 0.97, "email"))
    for m in sparse.finditer(EMAIL_SPELLED, text):
        spelled = re.search(r"[\[(]|\s(?:dot|점)\s|골뱅이", m.group(), re.I)
        local, domain = m.group(1), m.group(2)
        idlike = re.search(r"[\d._\-]", local) is not None
        host = _MAIL_HOSTS.match(domain) is not None and local.lower() not in _AT_WORDS
        if not spelled and not idlike and not host:
            continue  # "I work at naver.com": a word, "at", a web address
        out.append(Span(m.start(), m.end(), PiiType.EMAIL, 0.7, "email"))
    for m in sparse.finditer(SOCIAL_URL, text):
        end = _trim(text, m.start(), m.end())
        info = {"platform": m.group(1).split(".")[0].lower()}
        out.append(Span(m.start(), end, PiiType.URL, 0.98, "url", info))
    for pattern, conf in ((URL_SCHEME, 0.97), (URL_WWW, 0.95), (URL_BARE, 0.7)):
        for m in sparse.finditer(pattern, text):
            end = _trim(text, m.start(), m.end())
            if end - m.start() < 4:
                continue
            if pattern is URL_BARE and "/" not in text[m.start() : end]:
                if not _STRONG_TLD.search(text[m.start() : end].split(":")[0]):
                    continue
            c = conf if pattern is not URL_BARE or "/" not in text[m.start() : end] else 0.85
            out.append(Span(m.start(), end, PiiType.URL, c, "url"))
    for m in sparse.finditer(IPV4, text):
        out.append(Span(m.start(), m.end(), PiiType.URL, 0.8, "ip"))
    for m in sparse.finditer(AT_HANDLE, text):
        if len(m.group()) >= 3:
            out.append(Span(m.start(), m.end(), PiiType.HANDLE, 0.8, "handle"))
    for m in sparse.finditer(HANDLE_NEAR, text):
        token = m.group(1)
        if len(token) >= 5 and sum(c.isalpha() for c in token) >= 2:
            out.append(Span(m.start(1), m.end(1), PiiType.HANDLE, 0.75, "handle"))
    for pattern in (HANDLE_KO, HANDLE_EN):
        for m in sparse.finditer(pattern, text):
            token = m.group(1)
            if len(token.lstrip("@")) < 3 or token.isdigit() and len(token) < 5:
                continue
            if token.isupper() and token.isalpha() and len(token) <= 5:
                continue  # an acronym: 트위터 CEO, WeChat ID: TV
            out.append(Span(m.start(1), m.end(1), PiiType.HANDLE, 0.85, "handle"))
    return out


def find_passports(text: str) -> list[Span]:
    out: list[Span] = []
    seen: set[int] = set()
    for m in sparse.finditer(PASSPORT_LOOSE, text):
        if _before(text, m.start(), PASSPORT_CONTEXT, 40):
            out.append(Span(m.start(), m.end(), PiiType.PASSPORT, 0.9, "passport"))
            seen.add(m.start())
    for m in sparse.finditer(PASSPORT, text):
        if m.start() not in seen:
            out.append(Span(m.start(), m.end(), PiiType.PASSPORT, 0.5, "passport"))
    return out


def first_free(ranked: Iterable[Span]) -> list[Span]:
    """The spans, best first, that overlap no better one; in text order. O(n log n)."""
    starts: list[int] = []  # kept spans never overlap, so starts and ends sort alike
    ends: list[int] = []
    kept: list[Span] = []
    for s in ranked:
        i = bisect.bisect_right(starts, s.start)
        if i > 0 and ends[i - 1] > s.start:
            continue  # the kept span before it reaches into it
        if i < len(starts) and starts[i] < s.end:
            continue  # the kept span after it starts inside it
        starts.insert(i, s.start)
        ends.insert(i, s.end)
        kept.insert(i, s)
    return kept


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Keep one span per stretch of text: the more specific kind, then the longer, wins."""
    return first_free(
        sorted(
            spans,
            key=lambda s: (-_rank(s), -(s.end - s.start), -s.confidence, s.start),
        )
    )


def find(text: str) -> list[Span]:
    """Every structured identifier in ``text``, without double reports."""
    return resolve(find_web(text) + find_rrns(text) + find_passports(text) + phones.find(text))


def detect(tokenised: TokenisedText) -> list[Span]:
    return find(tokenised.text)

"""Remove web chrome (menus, banners, footers ...) from plain-text web captures.

Researchers save web pages as text; the body sentences are evidence and must
all survive, while menus, donate banners, tag clouds, archive months, share
buttons and footers should not be indexed. The approach follows jusText's idea
(classify lines by length and function-word density, then smooth by context)
but is tuned for recall: a line is dropped only on clear evidence, and
everything dropped is returned as :class:`RemovedText`.

Only lines are dropped, never rewritten, so the kept text is made of the
original lines (hard-wrapped paragraphs stay hard-wrapped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import justext

from moksori.ingest.model import RemovedText

# Line classes.
GOOD = "good"  # prose: body text
NEAR = "near"  # medium line with some prose signals (title, byline, short sentence)
SHORT = "short"  # short, neutral: heading, list item or menu item
BAD = "bad"  # explicit chrome pattern
LINKY = "linky"  # structurally a list of links (separators, URL)

# Headings whose following short lines are list items ("Tags", "Archives", "Related posts").
_LIST_REASONS = {"link list", "tag cloud", "category list", "archive list"}
_MENU_HEADINGS = frozenset(
    "menu|main menu|navigation|sections|메뉴|전체메뉴|전체 메뉴|주메뉴|블로그 메뉴".split("|")
)
_LIST_HEADING = re.compile(r"카테고리의 다른 글$|의 다른 글$|^more (?:from|in) \S", re.IGNORECASE)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_ARCHIVE_ITEM = re.compile(
    rf"^(?:(?:{_MONTHS})\.?,?\s+\d{{4}}|\d{{4}}\s*년\s*\d{{1,2}}\s*월|\d{{4}}\s*[./-]\s*\d{{1,2}}\.?)"
    r"\s*(?P<count>[(\[]\d{1,4}[)\]])?$",
    re.IGNORECASE,
)
_YEAR_COUNT = re.compile(r"^\d{4}\s*[(\[]\d{1,4}[)\]]$")
_COUNTED_ITEM = re.compile(r"^[^()\[\]]{1,40}?\s*[(\[]\d{1,4}[)\]]$")


def _words(*items: str) -> frozenset[str]:
    return frozenset(w for item in items for w in item.split("|"))


_HEADINGS: dict[str, frozenset[str]] = {
    "navigation": _words(
        "skip to content|skip to main content|skip navigation|jump to navigation|menu|main menu|"
        "toggle navigation|open menu|close menu|navigation|home|homepage|search|search this site|"
        "search for|back to top|go to top|top|previous|next|previous post|next post|"
        "previous article|next article|older posts|newer posts|older entries|newer entries|"
        "read more|continue reading|load more|view all|see all|about us|contact|contact us|"
        "log in|login|sign in|register|my account|leave a comment|leave a reply|comments|"
        "no comments|reply|sitemap|site map|language|english|한국어",
        "메뉴|전체메뉴|전체 메뉴|주메뉴|메뉴 열기|메뉴 닫기|닫기|홈|홈으로|처음으로|검색|검색하기|"
        "통합검색|본문 바로가기|주메뉴 바로가기|바로가기|이전|다음|이전 글|다음 글|이전글|다음글|"
        "이전 기사|다음 기사|목록|목록으로|목록보기|더보기|더 보기|맨 위로|위로|로그인|로그아웃|"
        "회원가입|마이페이지|사이트맵|오시는 길|찾아오시는 길|댓글|댓글쓰기|댓글 쓰기|답글|"
        "공지사항|자주 묻는 질문|문의하기",
    ),
    "link list": _words(
        "related|related posts|related articles|related stories|you may also like|"
        "you might also like|check these out|check this out|recommended|recommended for you|"
        "popular posts|most popular|most read|trending|recent posts|recent articles|"
        "latest posts|latest news|latest stories|more stories|more news|links|blogroll",
        "관련 글|관련글|관련 기사|관련기사|관련 게시물|함께 보면 좋은 글|추천 글|추천 기사|인기 글|"
        "인기글|인기 기사|많이 본 뉴스|많이 본 기사|가장 많이 본 기사|최근 글|최근글|최신 글|"
        "최신 기사|최근 게시물|주요 뉴스|이 기사와 함께 본 기사|최근에 올라온 글|최근에 달린 댓글|"
        "최근 댓글|recent comments",
    ),
    "tag cloud": _words("tags|tag|tag cloud|tagged|tagged with|labels", "태그|태그 클라우드"),
    "category list": _words(
        "categories|category|topics|filed under|posted in",
        "카테고리|전체 카테고리|분류|분류 전체보기|전체보기|게시판",
    ),
    "archive list": _words(
        "archives|archive|blog archive|monthly archives", "보관함|글 보관함|아카이브|월별 보관함"
    ),
    "banner": _words(
        "donate|donate now|donate today|give now|give today|make a donation|support us|"
        "support our work|become a supporter|become a member|join us|subscribe|subscribe now|"
        "subscribe to our newsletter|sign up|sign up now|sign up for our newsletter|newsletter|"
        "get our newsletter|get updates|join our mailing list|take action|act now|"
        "advertisement|sponsored",
        "후원|후원하기|정기후원|정기 후원|일시후원|일시 후원|후원 안내|"
        "후원 신청|후원신청|후원자 되기|"
        "후원해 주세요|후원하러 가기|구독|구독하기|뉴스레터|뉴스레터 구독|뉴스레터 신청|무료 구독|"
        "구독 신청|기사 제보|제보하기|광고|광고 문의",
    ),
    "cookie notice": _words(
        "accept|accept all|reject all|manage cookies|cookie settings|got it", "동의|모두 동의"
    ),
}
_LABELLED = re.compile(
    r"^(?P<label>tags?|tagged(?: with| as)?|labels|태그|categories|category|filed under|"
    r"posted in|카테고리|분류)\s*[:：]?\s+\S",
    re.IGNORECASE,
)
_SHARE_STRONG = _words(
    "share|share:|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|"
    "kakaotalk|print|email|e-mail",
    "카카오톡|카카오스토리|페이스북|트위터|공유|공유하기|스크랩|인쇄|프린트|이메일|글자크기|글씨크기",
)
_SHARE_WEAK = _words(
    "this|this:|article|post|story|page|via|on|x|mail|copy|link|url|kakao|line|band|naver|"
    "pocket|tumblr|like|+|gmail",
    "카카오|네이버|밴드|라인|링크|복사|url복사|보내기|좋아요|가|작게|크게|기사|",
)
# Strong footer marks count anywhere in a short line; weak ones only where it is not prose
# ("Names were withheld under the shelter's privacy policy." is body text).
_FOOTER_STRONG = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|무단\s?전재|"
    r"재배포\s?금지|저작권자|registered charity|charity (?:no|number)|registered in england|"
    r"powered by (?:wordpress|ghost|blogger|squarespace|wix)",
    re.IGNORECASE,
)
_FOOTER_WEAK = re.compile(
    r"privacy policy|terms of (?:use|service)|terms (?:and|&) conditions|cookie policy|theme by|"
    r"개인정보\s?(?:처리\s?방침|보호\s?정책)|이용\s?약관|청소년\s?보호\s?정책|이메일\s?무단\s?수집|"
    r"사업자\s?등록\s?번호|통신판매업|company (?:no|number)|발행인|편집인|대표전화|고객센터|"
    r"\btel\b\.?\s*[:+\d(]|\bfax\b|팩스",
    re.IGNORECASE,
)
# Appeals only count at the start of a sentence: "Donate now!", not "they donate now and then".
_BANNER_PHRASE = re.compile(
    r"(?:^|[.!?]\s+)(?:please\s+)?(?:(?:donate|give) (?:now|today)|make a (?:gift|donation)|"
    r"subscribe to (?:our|the) newsletter|"
    r"sign up (?:for|to) (?:our|the)(?: \w+)? (?:newsletter|mailing list)|"
    r"join our mailing list)\b",
    re.IGNORECASE,
)
_BANNER_KO = re.compile(
    r"후원하기|^후원\s?계좌|정기\s?후원\s?(?:신청|하기|참여)|뉴스레터를? (?:구독|신청)"
)
_COOKIE = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\b(?:accept|manage|reject)(?: all)? cookies\b|"
    r"\bcookies?\b.*\b(?:consent|cookie policy|privacy policy|cookie settings|by continuing|"
    r"you agree)\b|\bby continuing\b.*\bcookies?\b",
    re.IGNORECASE,
)
_COOKIE_KO = re.compile(r"쿠키.*(?:동의|수집|정책|설정)|쿠키를? 사용합니다")
_COUNTER = re.compile(
    r"^(?:comments?|replies|likes?|views?|shares?|total|today|yesterday|댓글|공감|좋아요|조회수?|"
    r"추천|방문자|오늘|어제|전체)\s*[:：]?\s*\(?\d[\d,]*\)?$|"
    r"^\d[\d,]*\s*(?:comments?|replies|likes?|views?|shares?|개의 댓글)$",
    re.IGNORECASE,
)
_HASHTAGS = re.compile(r"^#[^\s#]+(?:[\s,]+#[^\s#]+)+$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^\S+@\S+\.\w+$")
_PAGINATION = re.compile(
    r"^(?:page \d+ of \d+|(?:[«‹<]\s*)?(?:\d{1,3}\s+){2,}\d{1,3}(?:\s*[»›>…])?|"
    r"«\s*(?:older|newer|previous|prev)\b.*|"
    r".*\b(?:older|newer|next)\s*»)$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^[^>›»]{1,25}(?:\s[>›»]\s[^>›»]{1,40}){1,5}$")
_SEPARATORS = re.compile(r"\s*(?:\||·|•|∙|ㆍ| {3,})\s*")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_BULLET = re.compile(r"^[\s\-–—•·*»›>|▶►▸◆◇■□●○※☞→]+")
_TRAIL = re.compile(r"[\s:：»›>→…|·.!]+$")
_SENTENCE_END = re.compile(r"(?:[.!?。…]|(?:다|요|죠|까|음|함|임))[\"'”’)\]]*$")
_TURN = re.compile(
    r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?"
    r"(?P<label>Q|A|문|답|[A-Z][A-Za-z.'\-]{0,20}(?: [A-Z][A-Za-z.'\-]{0,20}){0,2}"
    r"|[가-힣]{1,6}(?: ?[가-힣A-Z]{1,3})?)\s*[:：]\s*\S"
)
_NOT_SPEAKERS = _words(
    "tags|tag|tagged|labels|categories|category|posted in|filed under|share|share this|follow|"
    "follow us|tel|fax|email|e-mail|phone|address|copyright|source|photo|image|credit|related|"
    "read more|archives|menu|search|keywords|note|notes",
    "태그|카테고리|분류|공유|주소|전화|팩스|이메일|출처|사진|관련기사|관련 기사|"
    "저작권|문의|메뉴|검색",
)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e\u4e00-\u9fff]")
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Particles and verb endings that close most 어절 in running Korean prose.
_KO_ENDINGS = tuple(
    "은|는|이|가|을|를|에|의|도|로|와|과|고|며|서|면|지|게|다|요|죠|까|니|데|만|나|께|한|된|할|던|"
    "운|라|야|여|해|져|워|려|록|인|했|등".split("|")
)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """jusText's English stoplist (jusText is a dependency of trafilatura)."""
    return frozenset(w.casefold() for w in justext.get_stoplist("English"))


@dataclass
class _Line:
    start: int  # offset of the line in the input text
    text: str  # without the newline
    cls: str = SHORT
    reason: str = ""
    sentence: bool = False
    keep: bool = True
    opens_list: bool = False  # a heading whose following short lines are its items

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _weight(s: str) -> int:
    """Length where Hangul/CJK counts double, so 'long' means the same in both languages."""
    return len(s) + len(_HANGUL.findall(s))


def _ends_sentence(s: str) -> bool:
    return _SENTENCE_END.search(s.rstrip()[-12:]) is not None


def _opens_list(ln: _Line) -> bool:
    core = _core(ln.text)
    if core in _MENU_HEADINGS or _LIST_HEADING.search(core):
        return True
    return any(core in _HEADINGS[r] for r in _LIST_REASONS)


def _density(s: str) -> float:
    """Share of function words (English stopwords, Korean particles/endings): high in prose."""
    lowered = s.casefold()
    en = _EN_TOKEN.findall(lowered)
    sw = _stopwords()
    hits = sum(1 for t in en if t in sw)
    ko = [t.strip(".,!?\"'“”‘’()[]·…:;") for t in lowered.split() if _HANGUL.search(t)]
    hits += sum(1 for t in ko if t.endswith(_KO_ENDINGS))
    total = len(en) + len(ko)
    return hits / total if total else 0.0


def _prose(s: str) -> bool:
    return _ends_sentence(s) and len(s.split()) >= 6 and _density(s) >= 0.2


def _core(s: str) -> str:
    return _TRAIL.sub("", _BULLET.sub("", s)).strip().casefold()


def is_speaker_turn(s: str) -> bool:
    """'Q: 네.' / '김순희: 그래요.' / 'Interviewer: ...' — never boilerplate."""
    m = _TURN.match(s)
    return m is not None and m.group("label").strip().casefold() not in _NOT_SPEAKERS


def _share_buttons(s: str) -> bool:
    tokens = [t for t in re.split(r"[\s|/·•,]+", s.casefold()) if t]
    if not tokens or len(tokens) > 12:
        return False
    allowed = _SHARE_STRONG | _SHARE_WEAK
    return any(t.rstrip(":") in _SHARE_STRONG for t in tokens) and all(
        t.rstrip(":") in allowed or t in allowed for t in tokens
    )


def _chrome_reason(s: str) -> str | None:
    """The reason an explicit chrome pattern matches this (stripped) line, if any."""
    w = _weight(s)
    core = _core(s)
    if w <= 80:
        for reason, words in _HEADINGS.items():
            if core in words:
                return reason
        m = _LABELLED.match(s.strip())
        if m and not _ends_sentence(s):
            label = m.group("label").casefold()
            return (
                "tag cloud"
                if label in {"tags", "tag", "tagged", "labels", "태그"}
                or label.startswith("tagged")
                else "category list"
            )
        am = _ARCHIVE_ITEM.match(core) or _ARCHIVE_ITEM.match(s.strip())
        if am and am.group("count"):
            return "archive list"
        if _YEAR_COUNT.match(s.strip()):
            return "archive list"
        if _COUNTED_ITEM.match(_BULLET.sub("", s).strip()) and not _ends_sentence(s):
            return "category list"
        if _COUNTER.match(s.strip()):
            return "navigation"
        if _LIST_HEADING.search(core):
            return "link list"
        if _HASHTAGS.match(s.strip()):
            return "tag cloud"
        if _share_buttons(s):
            return "share buttons"
        if _URL.match(s.strip()):
            return "link list"
        if _EMAIL.match(s.strip()):
            return "footer"
        if _PAGINATION.match(s.strip()):
            return "navigation"
        if _BREADCRUMB.match(s.strip()) and not _ends_sentence(s):
            return "navigation"
    if w <= 300 and (_COOKIE.search(s) or _COOKIE_KO.search(s)):
        return "cookie notice"
    if w <= 250 and _FOOTER_STRONG.search(s):
        return "footer"
    if w <= 250 and _FOOTER_WEAK.search(s) and not _prose(s):
        return "footer"
    if w <= 200 and _BANNER_PHRASE.search(_BULLET.sub("", s)):
        return "banner"
    if w <= 80 and _BANNER_KO.search(s) and not re.search(r"다[.!]?$", s):
        return "banner"
    return None


def _separated_list(s: str) -> bool:
    """'Home | About | Blog' or 'a · b · c': three or more short items, no sentence."""
    if _ends_sentence(s):
        return False
    items = [i for i in _SEPARATORS.split(s.strip()) if i]
    if len(items) >= 3 and all(_weight(i) <= 30 for i in items):
        return True
    commas = [i.strip() for i in re.split(r"[,，、]", s) if i.strip()]
    return (
        len(commas) >= 5
        and all(_weight(i) <= 25 and len(i.split()) <= 3 for i in commas)
        and _density(s) < 0.15
    )


def _classify(s: str) -> tuple[str, str, bool]:
    """(class, reason, ends-like-a-sentence) for one non-blank line on its own."""
    s = s.strip()
    sentence = _ends_sentence(s)
    if is_speaker_turn(s) or _TABLE_ROW.match(s):
        return GOOD, "", sentence  # interview turns and table rows are content
    reason = _chrome_reason(s)
    if reason:
        return BAD, reason, sentence
    if _separated_list(s):
        return LINKY, "link list" if "," not in s else "tag cloud", sentence
    w = _weight(s)
    d = _density(s)
    words = len(s.split())
    if (w >= 80 and d >= 0.2 and words >= 6) or (w >= 50 and sentence and d >= 0.2 and words >= 6):
        return GOOD, "", sentence
    if w >= 30 and (d >= 0.1 or sentence):
        return NEAR, "", sentence
    return SHORT, "", sentence


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(_Line(pos, raw))
        pos += len(raw) + 1
    return lines


def _continues(prev: _Line) -> bool:
    """A long line that stops mid-sentence: the next line is its hard-wrapped continuation."""
    return prev.cls != BAD and _weight(prev.text.strip()) >= 50 and not prev.sentence


def _hard_wrapped(para: list[_Line]) -> bool:
    """Lines of a similar, moderate width: a paragraph wrapped by an editor or a PDF export.

    One-paragraph-per-line captures have long lines of very different lengths;
    for those each line is judged on its own.
    """
    widths = [_weight(ln.text.strip()) for ln in para[:-1]]
    return (
        bool(widths)
        and min(widths) >= 40
        and max(widths) <= 130
        and max(widths) - min(widths) <= 45
    )


def _mark_paragraphs(lines: list[_Line]) -> None:
    """A hard-wrapped paragraph that reads as prose is body as a whole, short last line too."""
    para: list[_Line] = []

    def flush() -> None:
        if len(para) >= 2 and _hard_wrapped(para):
            prose = [ln for ln in para if ln.cls != BAD]
            joined = " ".join(ln.text.strip() for ln in prose)
            if (
                (len(para) - len(prose)) * 3 <= len(para)
                and _weight(joined) >= 150
                and _density(joined) >= 0.2
            ):
                for i, ln in enumerate(para):
                    if ln.cls != BAD or (i > 0 and _continues(para[i - 1])):
                        ln.cls, ln.reason = GOOD, ""
        para.clear()

    for ln in lines:
        if ln.blank:
            flush()
        else:
            para.append(ln)
    flush()


def _promote_archive_runs(body: list[_Line]) -> None:
    """'March 2019' alone may be a heading; two or more in a row are an archive list."""
    flags = [ln.cls in (SHORT, NEAR) and bool(_ARCHIVE_ITEM.match(_core(ln.text))) for ln in body]
    for i, ln in enumerate(body):
        near = (i > 0 and (flags[i - 1] or body[i - 1].reason == "archive list")) or (
            i + 1 < len(body) and (flags[i + 1] or body[i + 1].reason == "archive list")
        )
        if flags[i] and near:
            ln.cls, ln.reason = BAD, "archive list"


def _analyse(text: str) -> list[_Line]:
    lines = _split_lines(text)
    for ln in lines:
        if not ln.blank:
            ln.cls, ln.reason, ln.sentence = _classify(ln.text)
    _mark_paragraphs(lines)
    _promote_archive_runs([ln for ln in lines if not ln.blank])
    for ln in lines:
        ln.opens_list = ln.cls == BAD and _opens_list(ln)
    return lines


def _listish(ln: _Line) -> bool:
    return ln.cls == SHORT or (ln.cls in (NEAR, LINKY) and not ln.sentence)


def _decide(body: list[_Line]) -> None:
    """Context smoothing over the non-blank lines; sets ``keep`` and ``reason``."""
    goods = [i for i, ln in enumerate(body) if ln.cls == GOOD]
    if not goods or not any(ln.cls == BAD for ln in body):
        return  # no body or no clear chrome: unsure, keep everything
    first, last = goods[0], goods[-1]

    # Title and byline just above the body are kept, even across share buttons;
    # other chrome above them (menu, banner) ends the heading.
    heading: set[int] = set()
    k = first - 1
    while k >= 0 and len(heading) < 3 and first - k <= 10:
        ln = body[k]
        if ln.cls == LINKY or (ln.cls == BAD and ln.reason != "share buttons"):
            break
        if ln.cls in (SHORT, NEAR):
            heading.add(k)
        k -= 1

    # Lines following a list heading ("Tags", "Archives", "Related posts") are its items.
    listed: dict[int, str] = {}
    i = 0
    while i < len(body):
        ln = body[i]
        if not ln.opens_list:
            i += 1
            continue
        j = i + 1
        while (
            j < len(body)
            and j not in heading
            and (_listish(body[j]) or (j > last and body[j].cls in (NEAR, SHORT, LINKY)))
        ):
            j += 1
        followed_by_chrome = j >= len(body) or body[j].cls in (BAD, LINKY)
        for k in range(i + 1, j):
            if not (first < k < last) or followed_by_chrome:
                listed[k] = ln.reason if ln.reason in _LIST_REASONS else "navigation"
        i = j

    # Runs of three or more short lines: a menu (only removed outside the body),
    # unless a line ending in a colon introduces them as a list.
    menu: set[int] = set()
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and body[j].cls in (SHORT, LINKY):
            j += 1
        introduced = i > 0 and body[i - 1].cls != BAD and body[i - 1].text.rstrip()[-1:] in ":："
        if j - i >= 3 and not introduced:
            menu.update(range(i, j))
        i = max(j, i + 1)

    header_bad = [k for k in range(first) if body[k].cls == BAD]
    footer_bad = [k for k in range(last + 1, len(body)) if body[k].cls == BAD]
    for k, ln in enumerate(body):
        if ln.cls == GOOD:
            continue
        if ln.cls == BAD:
            ln.keep = False
        elif k in listed:
            ln.keep, ln.reason = False, listed[k]
        elif first < k < last:
            continue  # inside the body: short lines, lists and headings stay
        elif k < first and header_bad:
            if ln.cls == LINKY or (k in menu and k not in heading):
                ln.keep, ln.reason = False, ln.reason or "navigation"
            elif ln.cls == SHORT and k < header_bad[-1] and k not in heading:
                ln.keep, ln.reason = False, "navigation"
        elif k > last and footer_bad:
            if ln.cls == LINKY or k in menu:
                ln.keep, ln.reason = False, ln.reason or "link list"
            elif k > footer_bad[0] and (ln.cls == SHORT or not ln.sentence):
                ln.keep, ln.reason = False, "footer"


def looks_like_web_capture(text: str) -> bool:
    """True only on clear evidence of web chrome: several chrome lines of two or more kinds.

    Interview transcripts (many speaker turns), essays and papers have at most
    an odd line that looks like chrome, so they stay False.
    """
    lines = [ln for ln in _analyse(text) if not ln.blank]
    if not lines:
        return False
    turns = sum(1 for ln in lines if is_speaker_turn(ln.text))
    if turns * 10 >= len(lines) * 3:
        return False
    bad = [ln for ln in lines if ln.cls == BAD]
    kinds = {ln.reason for ln in bad}
    signals = len(bad) + sum(1 for ln in lines if ln.cls == LINKY)
    return (signals >= 3 and len(kinds) >= 2) or signals >= 6


def has_body_text(text: str) -> bool:
    """Whether anything reads as content rather than menus, links and footers.

    Prose or a sentence counts; so does a short line (a title, a poem) unless it
    sits in a run of short lines together with explicit chrome ("Home",
    "Donate now", "© 2024"): that run is a menu.
    """
    lines = [ln for ln in _analyse(text) if not ln.blank]
    if any(ln.cls in (GOOD, NEAR) or (ln.cls == SHORT and ln.sentence) for ln in lines):
        return True
    has_chrome = any(ln.cls in (BAD, LINKY) for ln in lines)
    return any(ln.cls == SHORT for ln in lines) and not (has_chrome and len(lines) >= 2)


def strip_boilerplate(text: str) -> tuple[str, list[RemovedText]]:
    """Drop chrome lines from normalised text; return (kept text, removed pieces).

    Paragraph breaks are kept (a removed line separates paragraphs), blank-line
    runs collapse to one, and each removed piece records the offset in the kept
    text where it stood.
    """
    lines = _analyse(text)
    _decide([ln for ln in lines if not ln.blank])
    if all(ln.keep for ln in lines):
        return text, []
    out: list[str] = []
    size = 0
    pending_break = False
    removed: list[RemovedText] = []
    current: list[_Line] = []

    def close_piece() -> None:
        if current:
            piece = text[current[0].start : current[-1].start + len(current[-1].text)]
            removed.append(RemovedText(piece.strip("\n"), current[0].reason, size))
            current.clear()

    for ln in lines:
        if ln.blank:
            pending_break = True
            continue
        if not ln.keep:
            if current and current[-1].reason != ln.reason:
                close_piece()
            current.append(ln)
            pending_break = True
            continue
        close_piece()
        if out:
            sep = "\n\n" if pending_break else "\n"
            out.append(sep)
            size += len(sep)
        out.append(ln.text)
        size += len(ln.text)
        pending_break = False
    close_piece()
    return "".join(out), removed

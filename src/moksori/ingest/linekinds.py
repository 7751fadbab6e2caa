"""What one line of a web capture is on its own: prose, a heading, or a piece of chrome.

Split from :mod:`moksori.ingest.boilerplate`, which judges lines in context.
Each test here looks only at the line itself and is tuned for recall: a line
is called chrome (``BAD``) only on an explicit pattern, because the context
pass removes ``BAD`` lines even in the middle of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import justext

from moksori.ingest.turns import is_speaker_turn
from moksori.ingest.widgets import (
    LOGO_HEADING,
    LOGO_HEADINGS,
    LOGO_ROW,
    labelled_furniture,
    widget_reason,
)

# Line classes.
GOOD = "good"  # prose: body text
NEAR = "near"  # medium line with some prose signals (title, byline, short sentence)
SHORT = "short"  # short, neutral: heading, list item or menu item
BAD = "bad"  # explicit chrome pattern
LINKY = "linky"  # structurally a list of links (separators, URL)
# A BAD reason that is no evidence of a web page: a rule of "━━━" or "* * *" carries no
# words, so it is dropped with other chrome but never makes a text look like a capture.
DECORATION = "decoration"

# Headings whose following short lines are list items ("Tags", "Archives", "Related posts").
LIST_REASONS = {"link list", "tag cloud", "category list", "archive list", LOGO_ROW}
_MENU_HEADINGS = frozenset(
    "menu|main menu|navigation|sections|메뉴|전체메뉴|전체 메뉴|주메뉴|블로그 메뉴".split("|")
)
_LIST_HEADING = re.compile(
    r"카테고리의 다른 글$|의 다른 글$|^more (?:from|in) \S|^also from \S|"
    r"^이 블로그 .{1,30} 카테고리\s?글$|"  # Naver's list of the category's posts
    r"^recommended (?:from|for|by) \S|"
    r"\S의\s?(?:이전|다음)\s?(?:글|기사|포스트|게시물)$|"  # "매거진의 이전글" over its title
    r"^\S+\s(?:추천|인기|관련|최신|최근|많이 본)\s?(?:글|기사|포스트|게시물)$",  # "브런치 추천 글"
    re.IGNORECASE,
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
ARCHIVE_ITEM = re.compile(
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
        "no comments|reply|sitemap|site map|language|english|한국어|discussion about this post|"
        "trending now|editor's picks|top stories|related content|top of page|open navigation|"
        "close navigation|close this dialog|no thanks|maybe later|see all responses|"
        "text to speech|follow us|follow us on instagram|follow us on facebook|"
        "follow us on twitter|follow us on x|follow us on linkedin|follow us on youtube|"
        "restacks|top comments|newest comments|"
        "member-only story|members-only story|members only|subscribers only|paid subscribers only|"
        "유료 회원 전용|멤버십 전용",
        "메뉴|전체메뉴|전체 메뉴|주메뉴|메뉴 열기|메뉴 닫기|전체메뉴 열기|전체메뉴 닫기|"
        "닫기|홈|홈으로|처음으로|검색|검색하기|"
        "통합검색|본문 바로가기|주메뉴 바로가기|바로가기|이전|다음|이전 글|다음 글|이전글|다음글|"
        "이전 기사|다음 기사|목록|목록으로|목록보기|더보기|더 보기|맨 위로|위로|로그인|로그아웃|"
        "회원가입|마이페이지|사이트맵|오시는 길|찾아오시는 길|댓글|댓글쓰기|댓글 쓰기|답글|"
        "프로필|프로필 보기|신고하기|view profile|report abuse|report this post|본문|페이지 정보|"
        "제목|조회수|조회|추천수|hits|전체글 보기|전체글보기|전체 글 보기|"
        "게시물 정보|게시글 정보|"
        "공지사항|자주 묻는 질문|문의하기|기사제보|이 기사를 추천합니다|기자의 다른 기사|"
        "이 기자의 다른 기사|인쇄하기|sns 공유|글씨 크게|글씨 작게|기사 저장|독자 의견|"
        "기사 원문 보기|전체 메뉴 보기|검색창 열기|카카오 채널|카카오톡 채널|주요뉴스|최신뉴스",
    ),
    "link list": _words(
        "related|related posts|related articles|related stories|you may also like|"
        "you might also like|check these out|check this out|recommended|recommended for you|"
        "popular posts|most popular|most read|trending|recent posts|recent articles|"
        "latest posts|latest news|latest stories|more stories|more news|links|blogroll",
        "관련 글|관련글|관련 기사|관련기사|관련 게시물|함께 보면 좋은 글|추천 글|추천 기사|인기 글|"
        "인기글|인기 기사|많이 본 뉴스|많이 본 기사|가장 많이 본 기사|최근 글|최근글|최신 글|"
        "최신 기사|최근 게시물|주요 뉴스|이 기사와 함께 본 기사|최근에 올라온 글|최근에 달린 댓글|"
        "최근 댓글|recent comments|read next|함께 읽어 보세요|함께 읽어보세요|이 글도 읽어 보세요|"
        "함께 읽으면 좋은 기사|함께 읽으면 좋은 글|같이 읽으면 좋은 글|같이 읽으면 좋은 기사|"
        "sponsored content|sponsored stories|sponsored links|promoted stories|promoted content|"
        "paid content|from our partners|more from our partners|추천 광고",
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
        "support our work|become a supporter|become a member|become a monthly supporter|"
        "become a monthly donor|give monthly|join us|subscribe|subscribe now|"
        "subscribe to our newsletter|sign up|sign up now|sign up for our newsletter|newsletter|"
        "get our newsletter|get updates|join our mailing list|take action|act now|"
        "advertisement|sponsored|make a one-time gift|give a gift in memory|leave a legacy|"
        "subscribe for updates|sign the petition|volunteer with us|gift article|"
        "share full article",
        "후원|후원하기|정기후원|정기 후원|일시후원|일시 후원|후원 안내|"
        "후원 신청|후원신청|후원자 되기|"
        "후원해 주세요|후원하러 가기|구독|구독하기|뉴스레터|뉴스레터 구독|뉴스레터 신청|무료 구독|"
        "구독 신청|기사 제보|제보하기|광고|광고 문의|자원봉사 신청",
    ),
    "cookie notice": _words(
        "accept|accept all|reject all|manage cookies|cookie settings|got it|cookie preferences|"
        "decline all|allow all|allow selection|only necessary|necessary only|accept cookies",
        "동의|모두 동의|쿠키 설정",
    ),
}
# Items that mark a separated line ("Home | About | News | Donate") as the site menu; alone
# on a line they may be a section heading of the body, so they only count inside such lists.
_MENU_ITEMS = _words(
    "about|news|blog|stories|events|resources|publications|media|get involved|our work|"
    "what we do|who we are|campaigns|shop|faq|press|programs|programmes|projects|volunteer|"
    "give|donate|support|team|impact|careers|jobs|partners|contact|join|privacy|terms|cookies|"
    "accessibility|sitemap|help|press",
    "단체소개|기관소개|소개|활동|사업|소식|자료실|이야기|커뮤니티|알림마당|참여|english",
)
# "▶ 이전 글: …" / "Next post: …": links to the neighbouring posts.
_PREV_NEXT = re.compile(
    r"^(?:back to|return to)\s(?:all\s|the\s)?(?:stories|blog|news|posts|articles|home|list|"
    r"updates|events|journal|press|insights|resources|search results)$|"  # "Back to Stories"
    r"^(?:이전|다음|윗|아랫)\s?(?:글|기사|포스트|게시물|게시글)\s*[:：]|"
    r"^(?:previous|prev|next|older|newer)\s+(?:post|article|story|entry)\s*[:：]",
    re.IGNORECASE,
)
# "(사)새봄이웃 | 대표: 가상인 | 전화 02-000-0000": the organisation's contact block.
_CONTACT = re.compile(
    r"(?:전화|대표\s?번호|tel|phone|☎)\.?\s*[:：]?\s*\+?\(?\d{2,4}\)?[-.\s]\d{3,4}[-.\s]\d{4}|"
    r"(?:^|\|\s*)(?:대표|대표자|주소|address)\s*[:：]",
    re.IGNORECASE,
)
# A date with a day, or an author label: "2021년 4월 18일 | 글쓴이: … | 조회 312" is a byline
# (kept with the title), not a menu, even though it is a separated list.
_BYLINE = re.compile(
    rf"\d{{4}}\s*년\s*\d{{1,2}}\s*월\s*\d{{1,2}}\s*일|(?<![\d.])\d{{4}}[./-]\d{{1,2}}[./-]\d{{1,2}}\b|"
    r"(?<!\d)\d{4}\.\s\d{1,2}\.\s\d{1,2}\b|"  # "2025. 2. 11." as Korean blogs print it
    r"(?:작성일|등록일|게시일)\s*[:：]?\s*\d{2,4}[-./]\d{1,2}[-./]\d{1,2}|"  # a board's "25-04-10"
    r"^(?:updated|published|posted|last updated)\b[^.!?]{0,30}\d{1,2}:\d{2}|"  # "Updated 10:32 AM"
    r"^(?:updated |posted )?\d{1,2}\s?(?:minutes?|mins?|hours?|hrs?|days?) ago$|"
    r"^(?:입력|수정|등록|작성|업데이트)\s*[:：]?\s*\d{1,2}\s?(?:분|시간|일) 전$|"
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b|"
    r"글쓴이|작성자|^by\s|^(?:posted|published|written|words) (?:on|by)\b|"
    r"(?:^|[\s(—–])(?:written|interview(?:ed)?|words|text|translated|edited|photos?|"
    r"illustrations?|additional reporting) by\s|"
    r"^[가-힣]{2,4} (?:기자|특파원|연구원)(?:\s+[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?)?$|"
    r"^글\s?[:：=]|"
    r"^글\s+[가-힣]{2,4}\s*(?:[(·|]|(?:활동가|기자|연구원|간사|팀장|대표|위원|교수|작가)$)|"
    r"^글\s*[:：]?\s*[가-힣A-Za-z]{1,10}\s?(?:팀|부|실|센터|위원회|편집부|사무국)$",
    re.IGNORECASE,
)
_LOGO = re.compile(r"\blogo\b|로고", re.IGNORECASE)
# "└ 봄날: 좋은 워크숍이었어요": a reader's comment is the reader's words, kept as content.
_REPLY = re.compile(r"^[└↳┗]\s*[^:：\s][^:：]{0,20}[:：]\s*\S")
_DECORATION = re.compile(r"^[\s\-–—_=~*+·•─━═│┃┄┅┈┉╌╍▪▫■□◆◇○●★☆♥♡❤❖✦✧]{3,}$|^[·•∙|]$")
_LABELLED = re.compile(
    r"^(?P<label>tags?|tagged(?: with| as)?|labels|태그|categories|category|filed under|"
    r"posted in|카테고리|분류)\s*[:：]?\s+\S",
    re.IGNORECASE,
)
_SHARE_STRONG = _words(
    "share|share:|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|"
    "kakaotalk|print|email|e-mail|follow|following|unfollow",
    "카카오톡|카카오스토리|페이스북|트위터|공유|공유하기|스크랩|인쇄|프린트|이메일|글자크기|글씨크기|"
    "팔로우|팔로잉|이웃추가|서로이웃추가",
)
_SHARE_WEAK = _words(
    "this|this:|article|post|story|page|via|on|x|mail|copy|link|url|kakao|line|band|naver|"
    "pocket|tumblr|like|+|gmail",
    "카카오|네이버|밴드|라인|링크|복사|url복사|보내기|좋아요|가|작게|크게|기사|설정|",
)
# Strong footer marks count anywhere in a short line; weak ones only where it is not prose
# ("Names were withheld under the shelter's privacy policy." is body text).
_FOOTER_STRONG = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|무단\s?전재|"
    r"재배포\s?금지|저작권자|registered charity|charity (?:no|number)|registered in england|"
    r"powered by (?:wordpress|ghost|blogger|squarespace|wix|google(?: translate)?)|"
    r"made with (?:squarespace|wix|webflow|carrd)|^blog at wordpress\.com|"
    r"powered by (?:kakao|tistory|naver)|designed by tistory|"
    r"^저작자\s?표시|^creative commons\b|^cc by(?:-nc)?(?:-nd|-sa)?(?:\s\d\.\d)?$|"
    r"^do not sell (?:or share )?my (?:personal )?(?:information|info|data)$",
    re.IGNORECASE,
)
_FOOTER_WEAK = re.compile(
    r"privacy policy|terms of (?:use|service)|terms (?:and|&) conditions|cookie policy|theme by|"
    r"개인정보\s?(?:처리\s?방침|보호\s?정책)|이용\s?약관|청소년\s?보호\s?정책|이메일\s?무단\s?수집|"
    r"사업자\s?등록\s?번호|통신판매업|company (?:no|number)|발행인|편집인|대표전화|고객센터|"
    r"청소년\s?보호\s?책임자|발행\s?[·ㆍ]\s?편집|"
    r"\btel\b\.?\s*[:+\d(]|\bfax\b|팩스",
    re.IGNORECASE,
)
# Appeals only count at the start of a sentence: "Donate now!", not "they donate now and then".
_BANNER_PHRASE = re.compile(
    r"(?:^|[.!?]\s+)(?:please\s+)?(?:(?:donate|give) (?:now|today)|make a (?:gift|donation)|"
    r"subscribe to (?:our|the) newsletter|"
    r"sign up (?:for|to) (?:our|the)(?: [\w-]+){0,3} (?:newsletter|mailing list)|"
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
    r"추천|방문자|오늘|어제|전체|구독자|팔로워|followers?|subscribers?)\s*[:：]?\s*\(?\d[\d,.]*"
    r"[kK만천]?\)?$|"
    r"^\d+ (?:responses?|comments?|replies|thoughts) (?:to|on) [\"“'‘].{1,100}$|"
    r"^\d[\d,.]*[kK]?\s*(?:comments?|replies|likes?|views?|shares?|restacks?|reposts?|claps?|"
    r"followers?|subscribers?|"
    r"reactions?|개의 댓글)$|^(?:라이킷|restacks?|reposts?|claps?|reactions?)\s*\d[\d,]*$",
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
_BULLET = re.compile(r"^[\s\-–—•·*»›>«‹|▶►▸◆◇■□●○※☞→♥♡❤★☆]+")
_TRAIL = re.compile(r"[\s:：»›>→…|·.!♥♡❤★☆◀◁]+$")
_SENTENCE_END = re.compile(r"(?:[.!?。…]|(?:다|요|죠|까|음|함|임))[\"'”’)\]]*$")
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
class Line:
    start: int  # offset of the line in the input text
    text: str  # without the newline
    cls: str = SHORT
    reason: str = ""
    sentence: bool = False
    keep: bool = True
    opens_list: bool = False  # a heading whose following short lines are its items
    byline: bool = False  # a reporter's e-mail taken into the byline

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def weight(s: str) -> int:
    """Length where Hangul/CJK counts double, so 'long' means the same in both languages."""
    return len(s) + len(_HANGUL.findall(s))


def ends_sentence(s: str) -> bool:
    """Whether the line ends as a sentence does; a date's full stop ("… 2023. 12. 11.",
    a related post's title with its date) is no sentence's."""
    tail = s.rstrip()[-14:]
    return _SENTENCE_END.search(tail[-12:]) is not None and not _DATE_END.search(tail)


_DATE_END = re.compile(r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.$")


def is_byline(s: str) -> bool:
    """A date with a day, or an author label: the line under an article's headline."""
    return _BYLINE.search(s) is not None


def heads_list(ln: Line) -> bool:
    """A heading whose following short lines are its items ("Tags", "Archives", "Related")."""
    core = core_of(ln.text)
    if core in _MENU_HEADINGS or core in LOGO_HEADINGS or LOGO_HEADING.match(core):
        return True
    if all(p in LOGO_HEADINGS for p in re.split(r"\s+/\s+", core)):
        return True  # "Featured in / 언론 보도"
    if _LIST_HEADING.search(core):
        return True
    return _heading_reason(core) in LIST_REASONS


_SYMBOLS = re.compile(r"^[^\w\[(]+")  # "💌 정기후원": an emoji before a button's label


def _heading_reason(core: str) -> str | None:
    """Reason for a known chrome heading, also bilingual ("Check these out / 함께 읽어 보세요")."""
    parts = [_SYMBOLS.sub("", p).strip() for p in re.split(r"\s+/\s+", core)]
    reasons = [next((r for r, words in _HEADINGS.items() if p in words), None) for p in parts]
    return reasons[0] if None not in reasons else None


def density(s: str) -> float:
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
    return ends_sentence(s) and len(s.split()) >= 6 and density(s) >= 0.2


def core_of(s: str) -> str:
    return _TRAIL.sub("", _BULLET.sub("", s)).strip().casefold()


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
    if _DECORATION.match(s.strip()):
        return DECORATION
    w = weight(s)
    core = core_of(s)
    if w <= 80:
        heading = _heading_reason(core)
        if heading:
            return heading
        if _PREV_NEXT.match(core):  # the linked title may end like a sentence
            return "navigation"
        if _LOGO.search(s) and w <= 60 and not ends_sentence(s):
            return "logo"
        m = _LABELLED.match(s.strip())
        if m and not ends_sentence(s):
            label = m.group("label").casefold()
            return (
                "tag cloud"
                if label in {"tags", "tag", "tagged", "labels", "태그"}
                or label.startswith("tagged")
                else "category list"
            )
        am = ARCHIVE_ITEM.match(core) or ARCHIVE_ITEM.match(s.strip())
        if am and am.group("count"):
            return "archive list"
        if _YEAR_COUNT.match(s.strip()):
            return "archive list"
        if _COUNTED_ITEM.match(_BULLET.sub("", s).strip()) and not ends_sentence(s):
            return "category list"
        if _COUNTER.match(s.strip()):
            return "navigation"
        if _LIST_HEADING.search(core) and not ends_sentence(s):
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
        if _BREADCRUMB.match(s.strip()) and not ends_sentence(s):
            return "navigation"
    if w <= 300 and (_COOKIE.search(s) or _COOKIE_KO.search(s)):
        return "cookie notice"
    if w <= 250 and _FOOTER_STRONG.search(s):
        return "footer"
    if w <= 250 and _FOOTER_WEAK.search(s) and not _prose(s):
        return "footer"
    if w <= 250 and _CONTACT.search(s) and not ends_sentence(s):
        return "footer"
    menu = _menu_reason(s)
    if menu:
        return menu
    widget = widget_reason(s.strip(), w)
    if widget:
        return widget
    if w <= 200 and _BANNER_PHRASE.search(_BULLET.sub("", s)):
        return "banner"
    if w <= 80 and _BANNER_KO.search(s) and not ends_sentence(s):
        return "banner"
    return None


def _menu_reason(s: str) -> str | None:
    """'Home | About | News | Donate': a separated line of two or more known menu items.

    Half the items or more must be known, so a list of topics stays LINKY (kept
    inside the body); the reason is "banner" when the known items are appeals.
    """
    items = [core_of(i) for i in _SEPARATORS.split(s.strip()) if i.strip()]
    if len(items) < 3 or ends_sentence(s) or any(weight(i) > 30 for i in items):
        return None
    banner = [i for i in items if i in _HEADINGS["banner"]]
    known = [i for i in items if i in _MENU_ITEMS or any(i in w for w in _HEADINGS.values())]
    if len(known) < 2 or len(known) * 2 < len(items):
        return None
    return "banner" if len(banner) * 2 > len(known) else "navigation"


def _separated_list(s: str) -> bool:
    """'Home | About | Blog' or 'a · b · c': three or more short items, no sentence."""
    if ends_sentence(s):
        return False
    items = [i for i in _SEPARATORS.split(s.strip()) if i]
    if len(items) >= 3 and all(weight(i) <= 30 for i in items):
        return True
    commas = [i.strip() for i in re.split(r"[,，、]", s) if i.strip()]
    return (
        len(commas) >= 5
        and all(weight(i) <= 25 and len(i.split()) <= 3 for i in commas)
        and density(s) < 0.15
    )


def classify(s: str) -> tuple[str, str, bool]:
    """(class, reason, ends-like-a-sentence) for one non-blank line on its own."""
    s = s.strip()
    sentence = ends_sentence(s)
    furniture = labelled_furniture(s)
    if furniture:
        return BAD, furniture, sentence
    if is_speaker_turn(s) or _TABLE_ROW.match(s) or _REPLY.match(s):
        return GOOD, "", sentence  # interview turns, table rows and comments are content
    reason = _chrome_reason(s)
    if reason:
        return BAD, reason, sentence
    if _separated_list(s) and not _BYLINE.search(s):
        return LINKY, "link list" if "," not in s else "tag cloud", sentence
    w = weight(s)
    d = density(s)
    words = len(s.split())
    if (w >= 80 and d >= 0.2 and words >= 6) or (w >= 50 and sentence and d >= 0.2 and words >= 6):
        return GOOD, "", sentence
    if w >= 30 and (d >= 0.1 or sentence):
        return NEAR, "", sentence
    return SHORT, "", sentence

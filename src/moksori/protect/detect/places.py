"""Places, addresses and postcodes in Korean and English text.

Why so liberal: a county or a neighbourhood can identify a migrant's family, and
North Korean place names are unknown to South Korean tools. Sources, in order:

* the gazetteer (:mod:`moksori.protect.gazetteer`) in both scripts, with bare
  names that are also common words ("무산", "과일") accepted only with an
  administrative suffix or in a place context;
* Korean administrative units by suffix on Kiwi proper nouns (X군, X동, X노동자구);
* Kiwi proper nouns in a locative context ("X에서 살다", "X 출신"), and any other
  proper noun at low confidence;
* Latin-script names and English contexts ("moved to X", "in X County"),
  in :mod:`moksori.protect.detect.places_latin`;
* road, lot and apartment addresses and postcodes
  (:mod:`moksori.protect.detect.addresses`).

Consecutive units ("함경북도 무산군 무산읍") give ONE place span over the whole
sequence; ``info`` holds the province (hangul), country and finest level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from moksori.protect import gazetteer as gz
from moksori.protect.detect import addresses
from moksori.protect.detect.places_latin import city_after, latin_places
from moksori.protect.spans import PiiType, Span, fold
from moksori.protect.textview import TextView, Tok

NAME = "places"

H = "\uac00-\ud7a3"
_ADMIN = (
    "노동자구|특별자치시|특별자치도|특별시|광역시|직할시|자치주|자치현|자치구"
    "|구역|지구|시|군|구|읍|면|동|리|현|진|성"
)
_PARTICLE = re.compile(
    r"(?:에서는|에서도|에서부터|에서|에는|에도|에다|에|으로는|으로|로는|로|까지|부터|의|은|는|이|가|을|를"
    r"|과|와|도|만|이나|나|이랑|랑|하고|처럼|보다|쪽|엔|이며|이고|이다|였|이었|인데|이라|라는|이란|란)"
)
_LOCATIVE = re.compile(
    r"\s?(?:에서|에|으로|로|까지|부터|쪽|출신|사람|지역|일대|인근|근처|시내|부근|현지|지방|땅|국경|시민|주민"
    r"|태생|고향|행|발|방면|방향|변두리|근방|시골|농촌|읍내|장마당|역)"
)
# What else makes a known but ambiguous name a place ("무산 이야기", "소치 올림픽");
# not used for unknown proper nouns, where "노아 이야기" is about a person.
_TOPIC = re.compile(
    r"\s?(?:이야기|얘기|소식|사투리|말씨|시절|지명|(?:동계|하계)?올림픽|월드컵|엑스포|아시안게임)"
)
# Nouns glued to a place name that leave it a place: 미국인, 중국산, 서울시장, 용인지명.
_HEAD = re.compile(
    r"(?:인|식|판|산|제|계|측|시장|시민|시청|시내|도청|군청|구청|도지사|군수|주민|출신|지명|지역"
    r"|지방|사투리|말씨|쪽|땅|(?:동계|하계)?올림픽|월드컵|엑스포|아시안게임|국경|경찰|정부|당국|대사관"
    r"|영사관|공항|역|항|시절|사람)"
)
_NOT_NOUN = ("V", "E", "XSV", "XSA")  # a verb or ending starts here: "해주는" is not 해주
# Spoken particles Kiwi leaves glued to a name it does not know: 청진서 (에서), 혜산선
# (에서는), 무산엔, 회령으론, 연길이래요. A gazetteer name is a place before any of them,
# whatever the subject or the ending of the sentence.
_SPOKEN_PARTICLE = re.compile(
    r"(?:에선|에서만|에서처럼|에다가|엘|엔|서는|서도|서부터|서|선|으론|론|으로부터|로부터"
    r"|이래|래요|이었|였|이야|이지|이요|이에요|예요|입니|이라|라고|라구|같은|뿐|께|편|이든|든"
    r"|으루|루|까정|꺼정|에서리|서리|에루|이랑|랑|하구|이구|구)"
)
# "경남이 아바이", "연길 언니": a bare name before a kinship word is a person's name.
_KIN_AFTER = re.compile(
    r"이?\s(?:형님|형|언니|오빠|누나|누님|동생|아바이|아매|할매|할배|이모|삼촌|동무|동지|에미나이|씨|여사|녀사"
    r"|아저씨|아줌마|아재|아지매)(?:들|님)?(?:이|가|은|는|을|를|의|한테|에게|도|랑|하고|네|께)?(?![가-힣])"
)
_KIN_WORD = re.compile(r"(?:아바이|아매|오마니|아바지|에미나이|할매|할배|아재|아지매)(?:들)?")
_CUE_BEFORE = re.compile(
    r"(?:고향|출신지|북한|중국|조선|이북|살던 곳|살던 데"
    r"|(?:간|온|닿은|도착한|넘어간|건너간|숨은|숨어\s?있던|있던|잡힌|팔려\s?간)\s?(?:데|곳))\S*\s*$"
)
_SUFFIX_TOKENS = {
    "도",
    "시",
    "군",
    "구",
    "구역",
    "읍",
    "면",
    "동",
    "리",
    "노동자구",
    "특별시",
    "광역시",
}
_UNIT_ENDINGS = (
    "노동자구",
    "특별시",
    "광역시",
    "직할시",
    "구역",
    "도",
    "시",
    "군",
    "구",
    "읍",
    "면",
)
# Nouns that make the proper noun before them a place: 혜산역, 요덕 수용소, 팔달산.
_PLACE_NOUNS = set(
    (
        "역 산 산맥 강 천 강변 천변 광장 공원 항 공항 섬 해안 해변 "
        "반도 호수 궁 사 령 고개 기지 거리 다리 대교 터널 장마당 마을 "
        "골 촌 단지 공단 타워 평야 고원 만 해협 대륙 지방 지역 도시 "
        "국경 변 일대 부두 포구 해수욕장 터미널 정류장 수용소 교화소 "
        "관리소 노동단련대 집결소 구류장 탄광 광산 농장 협동농장 목장 "
        "기차역 읍내 시내 변두리 동네 부락 작업반"
    ).split()
)
_SURNAME_1 = set(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우"
    "구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모"
    "탁국어은편용예봉경리"
)
_PLACE_END = tuple("동리시군구도읍면산강천역섬항포진주원성촌골봉령현궁사각문교관암로길해만호")

CONF_GAZ = 0.9
CONF_UNIT = 0.8
CONF_CONTEXT = 0.6
CONF_NNP = 0.35


# --------------------------------------------------------------------- hangul gazetteer
@cache
def _hangul_names() -> dict[str, tuple[gz.Place, ...]]:
    out: dict[str, list[gz.Place]] = {}
    for p in gz.places():
        for n in p.names_ko:
            k = gz.ko_key(n)
            if len(k) >= 2 and re.fullmatch(f"[{H}]+", k):
                out.setdefault(k, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _hangul_regex() -> re.Pattern[str]:
    return re.compile(f"({_longest_first(_hangul_names())})({_ADMIN})?")


_Trie = dict[str, "_Trie"]  # letter → the words' next letters; "" ends a word


def _longest_first(words: Iterable[str], group: int = 64) -> str:
    """A regex for the longest of ``words`` at a position, as a trie of its letters.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches, but
    the plain alternation tries its two thousand names one by one at every
    syllable; the trie tries only the first letters, a lookahead picking a group of
    ``group`` of them first. Ending a word is the last choice at each node, so the
    longest word wins.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie, top: bool = False) -> str:
        letters = sorted(ch for ch in node if ch)
        alts = [re.escape(ch) + emit(node[ch]) for ch in letters]
        if top and len(alts) > group:
            heads = [
                "".join(map(re.escape, letters[i : i + group])) for i in range(0, len(alts), group)
            ]
            alts = [
                f"(?=[{h}])(?:{'|'.join(alts[i * group : (i + 1) * group])})"
                for i, h in enumerate(heads)
            ]
        elif len(alts) == 1 and "" not in node:
            return alts[0]
        if "" in node:
            alts.append("")
        return f"(?:{'|'.join(alts)})" if alts != [""] else ""

    return emit(trie, top=True)


def _needs(name: str, cands: tuple[gz.Place, ...]) -> str:
    """The weakest requirement among the places a bare name may denote."""
    order = {"": 0, "context": 1, "suffix": 2}
    return min((p.needs(name) for p in cands), key=lambda n: order[n])


def _boundary_ok(view: TextView, ends: set[int], end: int, heads: bool = False) -> bool:
    """The name ends here: at a token end, before a particle, or (bare names) a head noun."""
    text = view.text
    if end >= len(text) or not re.match(f"[{H}]", text[end]):
        return True
    if end in ends or _PARTICLE.match(text, end) or _SPOKEN_PARTICLE.match(text, end):
        return True
    return heads and bool(_HEAD.match(text, end))


_SUFFIX_RANK = (
    ("노동자구", 5), ("특별시", 1), ("광역시", 1), ("직할시", 1), ("구역", 4), ("도", 1),
    ("시", 3), ("군", 3), ("구", 4), ("읍", 5), ("면", 5), ("동", 6), ("리", 6),
)  # fmt: skip


class _Unit:
    """One place unit; ``rank`` is its depth as written ("무산읍" is a town, not the county)."""

    __slots__ = ("start", "end", "place", "conf", "rank")

    def __init__(
        self, start: int, end: int, place: gz.Place | None, conf: float, word: str = ""
    ) -> None:
        self.start, self.end, self.place, self.conf = start, end, place, conf
        self.rank = gz.rank(place) if place is not None else 9
        for suf, r in _SUFFIX_RANK:
            if word.endswith(suf) and len(word) > len(suf) + 1:
                self.rank = max(self.rank, r) if place is not None else r
                break


def _gazetteer_units(view: TextView, ends: set[int]) -> list[_Unit]:
    text, names = view.text, _hangul_names()
    # Tag of the token starting at each offset: "해주는" is 하/VV + 어 + 주, not 해주.
    first_tag: dict[int, str] = {}
    for t in view.tokens:
        first_tag.setdefault(t.start, t.tag)
    out: list[_Unit] = []
    last_end = -10
    pos = 0
    rx = _hangul_regex()
    while True:
        m = rx.search(text, pos)
        if not m:
            break
        s, e = m.start(), m.end()
        pos = s + 1
        chained = s == last_end or bool(re.fullmatch(r"\s*", text[last_end:s])) and last_end >= 0
        if (
            s > 0
            and re.match(f"[{H}]", text[s - 1])
            and not (chained or (text[s - 1] in "도시군구역" and s in first_tag))
        ):
            continue  # "시리즈" holds no 리즈; "강원도철원" holds 철원
        name, suffix = m.group(1), m.group(2)
        if suffix and not _boundary_ok(view, ends, e):
            e, suffix = m.end(1), None  # "무산도" is 무산 + particle 도
        if not _boundary_ok(view, ends, e, heads=not suffix):
            continue
        cands = names[name]
        if not suffix and not chained and _KIN_AFTER.match(text, e):
            continue
        if (
            not suffix
            and first_tag.get(s, "N").startswith(_NOT_NOUN)
            and first_tag.get(e, "E" if re.match(f"[{H}]", text[e : e + 1]) else "N").startswith(
                ("E", "X", "V")
            )
        ):
            continue  # "해주는" is 하+어+주+는; "싼야에서" is still 싼야 + 에서
        if not suffix and not chained:
            need = _needs(name, cands)
            if need == "suffix":
                continue
            if need == "context" and not (
                _LOCATIVE.match(text, e)
                or _TOPIC.match(text, e)
                or _CUE_BEFORE.search(text[max(0, s - 12) : s])
            ):
                continue
        out.append(_Unit(s, e, cands[0], CONF_GAZ, text[s:e]))
        last_end = e
        pos = e
    return out


# --------------------------------------------------------------------- hanja and sites
_CJK = gz.CJK
_RX_PAREN_HANJA = re.compile(rf"\(\s*[{_CJK}]{{1,8}}\s*\)")
# 민허우(閩侯)현, 구이저우(貴州)성: a transliteration glossed in hanja, then its unit.
_RX_GLOSSED = re.compile(
    rf"(?<![{H}])[{H}]{{1,6}}\(\s*[{_CJK}]{{1,8}}\s*\)"
    r"(?:특별시|자치구|자치주|자치현|지구|시|성|현|구|진|향|촌|주|도|군)?"
)
# Named sites by their last word: 대통령궁, 증산철교, 세빛둥둥섬, 마우나리조트, 양주눈썰매장.
_RX_SITE = re.compile(
    rf"(?<![{H}])(?!자궁|미궁|왕궁|고궁|광장[^{H}]|공원[^{H}])[{H}]{{2,10}}"
    r"(?:궁|궁전|광장|공항|대교|철교|타워|공원|리조트|화산|의사당|해수욕장|썰매장|스키장|유원지"
    r"|테마파크|수용소|교화소|관리소|지구|섬)"
    rf"(?=$|[^{H}]|{_PARTICLE.pattern})"
)


@cache
def _hanja_regex() -> re.Pattern[str]:
    names = {
        gz.ko_key(n)
        for p in gz.places()
        for n in p.names_ko
        if re.fullmatch(f"[{_CJK}]{{2,}}", gz.ko_key(n))
    }
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![{_CJK}])(?:{body})[市省縣县區区州鎮镇村郡道]?(?![{_CJK}])")


def _hanja_units(text: str) -> list[_Unit]:
    """Places written in hanja (北京, 延吉), and hanja-glossed transliterations (민허우(閩侯)현)."""
    out: list[_Unit] = []
    for m in _hanja_regex().finditer(text):
        out.append(_Unit(m.start(), m.end(), gz.lookup(m.group(0)), CONF_GAZ))
    for m in _RX_GLOSSED.finditer(text):
        word = m.group(0)
        if word.endswith(")") and not _LOCATIVE.match(text, m.end()):
            continue  # 고토 겐지(後藤健二) 씨: a gloss alone may be a person
        out.append(_Unit(m.start(), m.end(), None, CONF_CONTEXT))
    return out


def _site_units(text: str) -> list[_Unit]:
    """Named sites by their last word (two syllables at least before it)."""
    return [
        _Unit(m.start(), m.end(), gz.lookup(m.group(0)), CONF_UNIT) for m in _RX_SITE.finditer(text)
    ]


def _extend_glosses(units: list[_Unit], text: str) -> None:
    """A place glossed in hanja takes the gloss: 베이징(北京), 푸저우(福州)시."""
    for u in units:
        if u.place is None and u.conf <= CONF_NNP:
            continue  # 고토 겐지(後藤健二): a bare proper noun may be a person
        m = _RX_PAREN_HANJA.match(text, u.end)
        if m:
            u.end = m.end()
            suf = re.match(
                r"(?:시|성|현|구|진)(?![가-힣])|(?:시|성|현|구|진)(?=[은는이가을를의에와과도])",
                text[u.end :],
            )
            if suf:
                u.end += suf.end()


_RX_LIST_ITEM = re.compile(rf"[{H}]{{2,6}}")


def _list_units(units: list[_Unit], text: str) -> list[_Unit]:
    """Items of a "·" list next to a known place are places too: 괴산·음성, 오류·가좌·공릉지구."""
    if "·" not in text or not units:
        return []
    sure = [u for u in units if u.place is not None or u.conf >= CONF_UNIT]
    starts = {u.start for u in sure}
    ends = {u.end for u in sure}
    out: list[_Unit] = []
    for m in re.finditer(rf"[{H}]{{1,8}}(?:·[{H}]{{1,8}})+", text):
        items = list(re.finditer(rf"[{H}]+", m.group(0)))
        known = [m.start() + it.start() in starts or m.start() + it.end() in ends for it in items]
        if not any(known):
            continue
        for it, k in zip(items, known, strict=True):
            a, b = m.start() + it.start(), m.start() + it.end()
            if k:
                continue
            word = _PARTICLE_END.sub("", text[a:b]) if b == m.end() else text[a:b]
            if 2 <= len(word) <= 6:
                out.append(_Unit(a, a + len(word), gz.lookup(word), CONF_NNP))
    return out


_PARTICLE_END = re.compile(rf"(?:{_PARTICLE.pattern})$")


# --------------------------------------------------------------------- Kiwi units
def _kiwi_units(view: TextView) -> list[_Unit]:
    """Proper nouns that are administrative units, or stand where places stand."""
    toks = view.tokens
    text = view.text
    out: list[_Unit] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.tag != "NNP" or not re.search(f"[{H}A-Za-z]", t.form):
            i += 1
            continue
        j = i
        # NNP + a separate suffix token: 혜장/NNP 동/NNG, 대홍단/NNP 군/NNG
        while (
            j + 1 < len(toks)
            and toks[j + 1].start == toks[j].end
            and toks[j + 1].form in _SUFFIX_TOKENS
            and toks[j + 1].tag in {"NNG", "NNB", "XSN", "NNP"}
        ):
            j += 1
        k = j
        while (
            k + 1 < len(toks)
            and toks[k + 1].start - toks[k].end <= 1
            and toks[k + 1].form in _PLACE_NOUNS
            and toks[k + 1].tag in {"NNG", "NNP"}
        ):
            k += 1
        start, end = t.start, toks[k].end
        word = text[start : toks[j].end]
        if k == i and (_KIN_AFTER.match(text, end) or _KIN_WORD.fullmatch(word)):
            i = k + 1
            continue  # "영철이 형", "아바이": a person, not a place
        if j > i or k > j or (len(t.form) >= 3 and t.form.endswith(_UNIT_ENDINGS)):
            out.append(_Unit(start, end, gz.lookup(word), CONF_UNIT, word))
        elif _LOCATIVE.match(text, end) or _locative_token(toks, j):
            out.append(_Unit(start, end, gz.lookup(word), CONF_CONTEXT, word))
        elif not _person_like(t.form):
            out.append(_Unit(start, end, gz.lookup(word), CONF_NNP, word))
        i = k + 1
    return out


def _person_like(form: str) -> bool:
    """A surname, or a Korean name shape (김혜수), which the person detectors own."""
    if re.fullmatch(f"[{H}]", form):
        return True
    return bool(
        re.fullmatch(f"[{H}]{{2,3}}", form)
        and form[0] in _SURNAME_1
        and not form.endswith(_PLACE_END)
        and gz.lookup(form) is None
    )


def _locative_token(toks: list[Tok], j: int) -> bool:
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and nxt.tag == "JKB" and nxt.form in {"에서", "에", "으로", "로", "까지"}


# --------------------------------------------------------------------- merging
def _merge(units: list[_Unit], text: str) -> list[Span]:
    """Overlapping units, and space-joined units going down the hierarchy, become one span.

    "함경북도 무산군 무산읍" is one place; "투먼 도문 훈춘" (a list) stays three.
    """
    units = sorted(units, key=lambda u: (u.start, -u.end))
    groups: list[list[_Unit]] = []
    for u in units:
        if groups:
            g = groups[-1]
            end = max(x.end for x in g)
            if u.start < end:
                g.append(u)
                continue
            if re.fullmatch(r"[ \t]?", text[end : u.start]) and _deeper(g, u):
                g.append(u)
                continue
        groups.append([u])
    out: list[Span] = []
    for g in groups:
        start, end = min(u.start for u in g), max(u.end for u in g)
        known = [u.place for u in g if u.place is not None]
        conf = max(u.conf for u in g)
        info: dict[str, str] = {}
        if known:
            top = gz.resolve(" ".join(p.name_ko for p in known)) or known[0]
            finest = max(known, key=lambda p: gz.rank(p))
            info = {"province": top.top.name_ko, "country": top.country, "level": finest.level}
            conf = max(conf, CONF_GAZ if len(g) > 1 else conf)
        out.append(Span(start, end, PiiType.PLACE, conf, NAME, info))
    return out


def _deeper(group: list[_Unit], u: _Unit) -> bool:
    last = max(group, key=lambda x: x.end)
    return u.rank > last.rank or u.place is None or last.place is None


# --------------------------------------------------------------------- entry point


def _trim(places: list[Span], addrs: list[Span], text: str) -> list[Span]:
    """A place running into an address ends where the address starts ("양천구 | 목동동로 233").

    Places wholly inside an address are dropped: "목동동로 233" has no place in it.
    """
    out: list[Span] = []
    for p in places:
        if any(a.start <= p.start and p.end <= a.end for a in addrs):
            continue
        for a in addrs:
            if p.start < a.start < p.end:
                end = len(text[p.start : a.start].rstrip()) + p.start
                if end > p.start:
                    p = Span(p.start, end, p.type, p.confidence, p.detector, p.info)
        if p.end > p.start and not any(a.start <= p.start < a.end for a in addrs):
            out.append(p)
    return out


def detect(view: TextView) -> list[Span]:
    text = view.text
    ends = {t.end for t in view.tokens}
    units = _gazetteer_units(view, ends) if re.search(f"[{H}]", text) else []
    units += _kiwi_units(view)
    units += [_Unit(*u) for u in latin_places(text)]
    if re.search(f"[{_CJK}]", text):
        units += _hanja_units(text)
    units += _site_units(text)
    _extend_glosses(units, text)
    units += _list_units(units, text)
    found = _merge(units, text)
    addrs = addresses.address_spans(view)
    found = _trim(found, addrs, text) + city_after(text, addrs, NAME)
    posts = addresses.postcode_spans(text, addrs, found)
    return fold(found + addrs + posts)

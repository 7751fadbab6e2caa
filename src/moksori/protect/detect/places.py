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
sequence, with a ward or village said after it ("신포시 풍어동"); ``info`` holds the
province (hangul), country and finest level (:mod:`.place_units`). Hanja, named
sites and "·" lists are read in :mod:`.place_sites`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from moksori.protect import gazetteer as gz
from moksori.protect.detect import addresses
from moksori.protect.detect.place_sites import (
    CJK,
    extend_glosses,
    hanja_units,
    list_units,
    site_units,
)
from moksori.protect.detect.place_units import (
    CONF_CONTEXT,
    CONF_GAZ,
    CONF_NNP,
    CONF_UNIT,
    LOCATIVE,
    NAME,
    PARTICLE,
    Unit,
    lower_units,
    merge,
)
from moksori.protect.detect.places_latin import city_after, latin_places
from moksori.protect.spans import Span, fold
from moksori.protect.tokenised import Tok, TokenisedText

H = "\uac00-\ud7a3"
_ADMIN = (
    "노동자구|특별자치시|특별자치도|특별시|광역시|직할시|자치주|자치현|자치구"
    "|구역|지구|시|군|구|읍|면|동|리|현|진|성"
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
    r"|영사관|공항|역|항|시절|사람|광산|탄광|청년탄광|협동농장|농장|온천|제련소|발전소|련합기업소"
    r"|연합기업소|기업소|제철소|세관|교화소|집결소)"
)
# A site named by its place, said as one word: 무산광산, 아오지탄광, 주을온천. The name
# before it is the place, even one that is also a common word.
_SITE = re.compile(
    r"(?:광산|탄광|청년탄광|협동농장|온천|제련소|발전소|련합기업소|연합기업소|기업소|제철소|세관"
    r"|교화소|집결소)"
)
_NOT_NOUN = ("V", "E", "XSV", "XSA")  # a verb or ending starts here: "해주는" is not 해주
# Spoken particles Kiwi leaves glued to a name it does not know: 청진서 (에서), 혜산선
# (에서는), 무산엔, 회령으론, 연길이래요. A gazetteer name is a place before any of them,
# whatever the subject or the ending of the sentence.
_SPOKENPARTICLE = re.compile(
    r"(?:에선|에서만|에서처럼|에다가|엘|엔|서는|서도|서부터|서|선|으론|론|으로부터|로부터"
    r"|이래|래요|이었|였|이야|이지|이요|이에요|예요|입니|이라|라고|라구|같은|뿐|께|편|이든|든"
    r"|으루|루|까정|꺼정|에서리|서리|에루|이랑|랑|하구|이구|구)"
)
# "경남이 아바이", "연길 언니": a bare name before a kinship word is a person's name.
_KIN_AFTER = re.compile(
    r"이?\s(?:형님|형|언니|오빠|누나|누님|동생|아바이|아매|할매|할배|이모|삼촌|동무|동지|에미나이|씨|여사|녀사"
    r"|아저씨|아줌마|아재|아지매)(?:들|님)?(?:이|가|은|는|을|를|의|한테|에게|도|랑|하고|네|께)?(?![가-힣])"
)
_KIN_WORD = re.compile(
    r"(?:큰|작은|외)?(?:아바이|아매|오마니|어마니|아바지|에미나이|할매|할배|아재|아지매|아주마이|아즈마이|아즈바이|클마니"
    r"|할마니|할아바이|오라바이|나그내)(?:들)?"
)


def kin_word(word: str) -> bool:
    """A North Korean word of kinship or address (큰아바지, 오마니): no place, no one's name."""
    return bool(_KIN_WORD.fullmatch(word))


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


# --------------------------------------------------------------------- hangul gazetteer
@cache
def _hangul_names() -> dict[str, tuple[gz.Place, ...]]:
    out: dict[str, list[gz.Place]] = {}
    for p in gz.places():
        for n in p.names_ko:
            k = gz.ko_key(n)
            if len(k) >= 2 and re.fullmatch(f"[{H}]+", k):
                out.setdefault(k, []).append(p)
    for k, v in list(out.items()):
        for variant in _tense_spellings(k) if v[0].country not in ("KR", "KP") else ():
            out.setdefault(variant, list(v))
    return {k: tuple(v) for k, v in out.items()}


# North Korean spellings of foreign names write a tense consonant where the South writes
# an aspirated one (하바롭스끄 for 하바롭스크, 까자흐스딴): each foreign name is known in
# that spelling too, but only where a place stands, since such a spelling may be an
# ordinary word. ㅅ→ㅆ is left out: it would turn every city's 시 into the honorific 씨.
_TENSE = {14: 13, 15: 1, 16: 4, 17: 8}  # initial ㅊ→ㅉ, ㅋ→ㄲ, ㅌ→ㄸ, ㅍ→ㅃ


@cache
def _tense_spellings(name: str) -> frozenset[str]:
    chars = []
    for ch in name:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            ch = chr(0xAC00 + _TENSE.get(initial, initial) * 588 + rest)
        chars.append(ch)
    return frozenset({"".join(chars)} - {name})


@cache
def _nk_spellings() -> frozenset[str]:
    names = _hangul_names()
    return frozenset(
        k
        for k, v in names.items()
        if gz.ko_key(v[0].name_ko) != k
        and all(k not in (gz.ko_key(n) for n in p.names_ko) for p in v)
    )


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


def _boundary_ok(tokenised: TokenisedText, ends: set[int], end: int, heads: bool = False) -> bool:
    """The name ends here: at a token end, before a particle, or (bare names) a head noun."""
    text = tokenised.text
    if end >= len(text) or not re.match(f"[{H}]", text[end]):
        return True
    if end in ends or PARTICLE.match(text, end) or _SPOKENPARTICLE.match(text, end):
        return True
    return heads and bool(_HEAD.match(text, end))


def _gazetteer_units(tokenised: TokenisedText, ends: set[int]) -> list[Unit]:
    text, names = tokenised.text, _hangul_names()
    # Tag of the token starting at each offset: "해주는" is 하/VV + 어 + 주, not 해주.
    first_tag: dict[int, str] = {}
    for t in tokenised.tokens:
        first_tag.setdefault(t.start, t.tag)
    out: list[Unit] = []
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
        if suffix and not _boundary_ok(tokenised, ends, e):
            e, suffix = m.end(1), None  # "무산도" is 무산 + particle 도
        if not _boundary_ok(tokenised, ends, e, heads=not suffix):
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
            if need == "" and name in _nk_spellings():
                need = "context"
            if need == "suffix":
                continue
            if need == "context" and not (
                LOCATIVE.match(text, e)
                or _TOPIC.match(text, e)
                or _SITE.match(text, e)
                or _CUE_BEFORE.search(text[max(0, s - 12) : s])
            ):
                continue
        out.append(Unit(s, e, cands[0], CONF_GAZ, text[s:e]))
        last_end = e
        pos = e
    return out


# --------------------------------------------------------------------- Kiwi units
def _kiwi_units(tokenised: TokenisedText) -> list[Unit]:
    """Proper nouns that are administrative units, or stand where places stand."""
    toks = tokenised.tokens
    text = tokenised.text
    out: list[Unit] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if _unknown_village(t, text):
            out.append(Unit(t.start, t.end, None, CONF_CONTEXT, t.form))
            i += 1
            continue
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
            out.append(Unit(start, end, gz.lookup(word), CONF_UNIT, word))
        elif (LOCATIVE.match(text, end) or _locative_token(toks, j)) and (
            len(word) > 1 or gz.lookup(word) is not None
        ):  # one syllable no gazetteer knows ("당에 바쳤다": the Party) is no place name
            out.append(Unit(start, end, gz.lookup(word), CONF_CONTEXT, word))
        elif not _person_like(t.form):
            out.append(Unit(start, end, gz.lookup(word), CONF_NNP, word))
        i = k + 1
    return out


# "룡북리.", "원정리 다리 쪽": a word Kiwi does not know, ending as a village or ward does.
_VILLAGE = re.compile(f"[{H}]{{2,4}}(?:리|동|노동자구)")
_NOT_VILLAGE_AFTER = re.compile(
    r"이(?:가|는|를|랑|하고|도|네|한테)|씨|동무|동지|\s?(?:형|언니|오빠|누나)"
)


def _unknown_village(t: Tok, text: str) -> bool:
    return (
        t.oov
        and t.tag.startswith("NN")
        and bool(_VILLAGE.fullmatch(t.form))
        and not _NOT_VILLAGE_AFTER.match(text, t.end)
        and not _KIN_AFTER.match(text, t.end)
    )


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


def detect(tokenised: TokenisedText) -> list[Span]:
    text = tokenised.text
    ends = {t.end for t in tokenised.tokens}
    units = _gazetteer_units(tokenised, ends) if re.search(f"[{H}]", text) else []
    units += _kiwi_units(tokenised)
    units += [Unit(*u) for u in latin_places(text)]
    if re.search(f"[{CJK}]", text):
        units += hanja_units(text)
    units += site_units(text)
    extend_glosses(units, text)
    units += list_units(units, text)
    found = lower_units(tokenised, merge(units, text), lambda e: _boundary_ok(tokenised, ends, e))
    addrs = addresses.address_spans(tokenised)
    found = _trim(found, addrs, text) + city_after(text, addrs, NAME)
    posts = addresses.postcode_spans(text, addrs, found)
    return fold(found + addrs + posts)

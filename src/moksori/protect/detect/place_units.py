"""Place units and how they join into one place span.

Why a module of its own: every source of places (the gazetteer, Kiwi's proper nouns,
hanja, named sites, lists) yields units with a depth ("무산읍" is a town, not the
county) and a confidence; consecutive units going down the hierarchy ("함경북도 무산군
무산읍") are one place, and a village or ward said after a known place ("신포시
풍어동") belongs to it, though no gazetteer lists it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from moksori.protect import gazetteer as gz
from moksori.protect.detect.korean_lexicon import surname_len
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "places"
H = "\uac00-\ud7a3"

PARTICLE = re.compile(
    r"(?:에서는|에서도|에서부터|에서|에는|에도|에다|에|으로는|으로|로는|로|까지|부터|의|은|는|이|가|을|를"
    r"|과|와|도|만|이나|나|이랑|랑|하고|처럼|보다|쪽|엔|이며|이고|이다|였|이었|인데|이라|라는|이란|란)"
)
LOCATIVE = re.compile(
    r"\s?(?:에서|에|으로|로|까지|부터|쪽|출신|사람|지역|일대|인근|근처|시내|부근|현지|지방|땅|국경|시민|주민"
    r"|태생|고향|행|발|방면|방향|변두리|근방|시골|농촌|읍내|장마당|역)"
)

CONF_GAZ = 0.9
CONF_UNIT = 0.8
CONF_CONTEXT = 0.6
CONF_NNP = 0.35


_SUFFIX_RANK = (
    ("노동자구", 5), ("특별시", 1), ("광역시", 1), ("직할시", 1), ("구역", 4), ("도", 1),
    ("시", 3), ("군", 3), ("구", 4), ("읍", 5), ("면", 5), ("동", 6), ("리", 6),
)  # fmt: skip


class Unit:
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


def merge(units: list[Unit], text: str) -> list[Span]:
    """Overlapping units, and space-joined units going down the hierarchy, become one span.

    "함경북도 무산군 무산읍" is one place; "투먼 도문 훈춘" (a list) stays three.
    """
    units = sorted(units, key=lambda u: (u.start, -u.end))
    groups: list[list[Unit]] = []
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


def _deeper(group: list[Unit], u: Unit) -> bool:
    last = max(group, key=lambda x: x.end)
    return u.rank > last.rank or u.place is None or last.place is None


# A lower unit said after a place ("신포시 풍어동", "신의주 본부동", "은덕군 학송리",
# "연길 하남가"): no gazetteer lists every ward and village, yet left readable it is the
# most precise part of the place. Kiwi reads a common word (우리, 소리, 활동) as one
# token; a village name it splits or does not know.
_RX_LOWER = re.compile(
    rf"[ \t](?P<w>[{H}]{{1,5}}?(?:로동자구|노동자구|구역|동|리|가|읍|면|촌)"
    rf"|\d{{1,3}}\s?(?:인민반|반))"
)
_LOWER_NOT = frozenset(
    "우리 소리 머리 자리 거리 다리 마리 보리 유리 요리 미리 활동 행동 운동 이동".split()
)


def lower_units(
    tokenised: TokenisedText, found: list[Span], ends_name: Callable[[int], bool]
) -> list[Span]:
    """Each place widened over the lower units said right after it (``ends_name``: a name
    may end at this offset, before a particle or a space)."""
    out = [_deepest(tokenised, s, ends_name) for s in found]
    widened = [new for new, old in zip(out, found, strict=True) if new is not old]
    if not widened:
        return out
    return [
        s
        for s in out
        if not any(o is not s and o.start <= s.start and s.end <= o.end for o in widened)
    ]


def _deepest(tokenised: TokenisedText, s: Span, ends_name: Callable[[int], bool]) -> Span:
    """``s`` widened over each lower unit said after it in turn ("회령시 오산덕동 12반")."""
    text = tokenised.text
    while True:
        m = _RX_LOWER.match(text, s.end)
        if not (m and m.group("w") not in _LOWER_NOT and ends_name(m.end())):
            end = _bare_lower(tokenised, s)
            if end is None:
                return s
            s = Span(s.start, end, s.type, s.confidence, s.detector, s.info)
            continue
        i = bisect_left(tokenised.tokens, m.start("w"), key=lambda t: t.start)
        toks = []
        while i < len(tokenised.tokens) and tokenised.tokens[i].start < m.end():
            toks.append(tokenised.tokens[i])
            i += 1
        whole = (
            len(toks) == 1 and toks[0].end == m.end() and toks[0].tag != "NNP" and not toks[0].oov
        )
        particle = bool(toks) and toks[-1].tag.startswith(("J", "E", "V"))
        if not toks or whole or particle or toks[0].tag.startswith(("V", "M")):
            return s
        s = Span(s.start, m.end(), s.type, s.confidence, s.detector, s.info)


# "북청군 신창에서", "갑산 회린.", "경성군 주을": a village said after its county or city
# with no suffix at all. Only a word Kiwi does not know as one common word (it splits
# it, tags it a proper noun, or does not know it), ending on a particle or the clause:
# "청진 사람", "회령 가서", "평양 말씨" stay as they are.
_RX_BARE = re.compile(rf"[ \t](?P<w>[{H}]{{2,3}})(?=[ \t]*(?:[.,!?…\n]|$)|[{H}])")
_BARE_LEVELS = frozenset({"county", "city", "district"})
_BARE_NOT = frozenset(
    "사람 사람들 출신 태생 지역 지방 일대 근처 부근 시내 읍내 쪽 말씨 사투리 장마당 역전 시절"
    " 국경 주민 시민 동네 고향 이야기 얘기 소식 가서 와서 살다 가다".split()
)
_FAMILIAR = re.compile(r"이(?:가|는|를|랑|하고|도|네|한테)?(?:\s|$|[.,!?])|씨|동무|동지")


def _bare_lower(tokenised: TokenisedText, s: Span) -> int | None:
    """The end of a village said bare after ``s``, a county or city; None if none is."""
    said = tokenised.text[s.start : s.end]
    if s.info.get("level") not in _BARE_LEVELS and not re.search(r"(?:군|시|구역)$", said):
        return None
    m = _RX_BARE.match(tokenised.text, s.end)
    if not m:
        return None
    a = m.start("w")
    for b in range(m.end("w"), a + 1, -1):  # "신창에서": 신창, not 신창에
        end = _bare_word(tokenised, a, b)
        if end is not None:
            return end
    return None


def _bare_word(tokenised: TokenisedText, a: int, b: int) -> int | None:
    text = tokenised.text
    word = text[a:b]
    if word in _BARE_NOT or _FAMILIAR.match(text, b) or (len(word) == 3 and word[-1] == "이"):
        return None
    i = bisect_left(tokenised.tokens, a, key=lambda t: t.start)
    toks = []
    while i < len(tokenised.tokens) and tokenised.tokens[i].start < b:
        toks.append(tokenised.tokens[i])
        i += 1
    if not toks or toks[0].start != a or toks[-1].end != b:
        return None  # the word runs on past b, or starts inside a token
    if not all(t.tag in ("NNG", "NNP", "NNB", "XSN") and t.form != "이" for t in toks):
        return None
    if len(toks) == 1 and toks[0].tag != "NNP" and not toks[0].oov:
        return None  # one word Kiwi knows: "사람", "광산"
    if len(word) == 3 and len(toks) == 1 and surname_len(word, rare_ok=False):
        return None  # "회령 김철수가": a person, whom the name detectors find
    nxt = tokenised.tokens[i] if i < len(tokenised.tokens) else None
    if nxt is not None and nxt.start == b and not nxt.tag.startswith(("J", "S")):
        return None
    return b


def _said(tokenised: TokenisedText, s: Span) -> str:
    return tokenised.text[s.start : s.end]

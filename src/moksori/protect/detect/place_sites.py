"""Places written in hanja, named sites, and the items of a "·" list of places.

Why apart from the gazetteer reading: these are found by their script (北京, 延吉,
민허우(閩侯)현), their last word (대통령궁, 증산철교) or their neighbours in a list
(괴산·음성), not by a hangul name the gazetteer lists.
"""

from __future__ import annotations

import re
from functools import cache

from moksori.protect import gazetteer as gz
from moksori.protect.detect import sparse
from moksori.protect.detect.place_units import (
    CONF_CONTEXT,
    CONF_GAZ,
    CONF_NNP,
    CONF_UNIT,
    LOCATIVE,
    PARTICLE,
    Unit,
)

H = "\uac00-\ud7a3"
CJK = gz.CJK
_RX_PAREN_HANJA = re.compile(rf"\(\s*[{CJK}]{{1,8}}\s*\)")
# 민허우(閩侯)현, 구이저우(貴州)성: a transliteration glossed in hanja, then its unit.
_RX_GLOSSED = re.compile(
    rf"(?<![{H}])[{H}]{{1,6}}\(\s*[{CJK}]{{1,8}}\s*\)"
    r"(?:특별시|자치구|자치주|자치현|지구|시|성|현|구|진|향|촌|주|도|군)?"
)
# Named sites by their last word: 대통령궁, 증산철교, 세빛둥둥섬, 마우나리조트, 양주눈썰매장.
_RX_SITE = re.compile(
    rf"(?<![{H}])(?!자궁|미궁|왕궁|고궁|광장[^{H}]|공원[^{H}])[{H}]{{2,10}}"
    r"(?:궁|궁전|광장|공항|대교|철교|타워|공원|리조트|화산|의사당|해수욕장|썰매장|스키장|유원지"
    r"|테마파크|수용소|교화소|관리소|지구|섬)"
    rf"(?=$|[^{H}]|{PARTICLE.pattern})"
)


@cache
def _hanja_regex() -> re.Pattern[str]:
    names = {
        gz.ko_key(n)
        for p in gz.places()
        for n in p.names_ko
        if re.fullmatch(f"[{CJK}]{{2,}}", gz.ko_key(n))
    }
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![{CJK}])(?:{body})[市省縣县區区州鎮镇村郡道]?(?![{CJK}])")


def hanja_units(text: str) -> list[Unit]:
    """Places written in hanja (北京, 延吉), and hanja-glossed transliterations (민허우(閩侯)현)."""
    out: list[Unit] = []
    for m in sparse.finditer(_hanja_regex(), text):
        out.append(Unit(m.start(), m.end(), gz.lookup(m.group(0)), CONF_GAZ))
    for m in sparse.finditer(_RX_GLOSSED, text):
        word = m.group(0)
        if word.endswith(")") and not LOCATIVE.match(text, m.end()):
            continue  # 고토 겐지(後藤健二) 씨: a gloss alone may be a person
        out.append(Unit(m.start(), m.end(), None, CONF_CONTEXT))
    return out


# "청진 농포 집결소", "전거리교화소": a camp or prison named by its place; the place name is
# the span (the kind of camp names no one), as the gold of v2 has it.
_RX_CAMP = re.compile(
    rf"(?<![{H}])(?P<n>[{H}]{{2,4}})\s?(?:집결소|교화소|단련대|노동단련대|로동단련대|구류장|수용소"
    r"|관리소|교양소|노동교화소|로동교화소)"
    rf"(?=$|[^{H}]|{PARTICLE.pattern})"
)
_NOT_CAMP_NAME = frozenset(
    "보위부 보안서 안전부 보안부 안전서 분주소 정치범 우리 그런 이런 저런 여자 남자 중국 북한 조선"
    " 국경 도의 군의 시의 큰 작은 어느 다른 같은 노동 로동 집단 임시 이민국 출입국 경찰서"
    " 공안국 공안 변방대 변방 대사관 보위국 안전국 세관 난민".split()
)
# "저는 오산덕동이고요", "고향은 남문동이에요": a ward or village said as where one is from.
_RX_OWN_WARD = re.compile(
    rf"(?:저는|나는|난|전|우리\s?집은|우리는|고향은|고향이|집은|집이)\s"
    rf"(?P<n>[{H}]{{2,5}}(?:동|리|구역|노동자구|로동자구))"
    r"(?=이고|이구|이에요|이요|예요|이야|입니다|입메|이었|였|에서|에|이지|[.,!?]|$)"
)
_NOT_WARD = re.compile(
    r"(?:활동|운동|행동|이동|노동|로동|감동|출동|소동|변동|진동|작동|충동|공동|협동|관리|처리|정리|수리"
    r"|요리|거리|자리|머리|소리|다리|마리|보리|유리|논리|원리|심리|무리|의리|조리|경리|총리|구역)$"
)


def site_units(text: str) -> list[Unit]:
    """Named sites by their last word (two syllables at least before it), the places
    that name a camp, and a ward said as where one is from."""
    out = [
        Unit(m.start(), m.end(), gz.lookup(m.group(0)), CONF_UNIT)
        for m in sparse.finditer(_RX_SITE, text)
    ]
    for m in sparse.finditer(_RX_CAMP, text):
        name = m.group("n")
        if name not in _NOT_CAMP_NAME:
            out.append(Unit(m.start("n"), m.end("n"), gz.lookup(name), CONF_CONTEXT))
    for m in sparse.finditer(_RX_OWN_WARD, text):
        if not _NOT_WARD.search(m.group("n")) or m.group("n").endswith(("노동자구", "로동자구")):
            out.append(Unit(m.start("n"), m.end("n"), None, CONF_CONTEXT, m.group("n")))
    return out


def extend_glosses(units: list[Unit], text: str) -> None:
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


def list_units(units: list[Unit], text: str) -> list[Unit]:
    """Items of a "·" list next to a known place are places too: 괴산·음성, 오류·가좌·공릉지구."""
    if "·" not in text or not units:
        return []
    sure = [u for u in units if u.place is not None or u.conf >= CONF_UNIT]
    starts = {u.start for u in sure}
    ends = {u.end for u in sure}
    out: list[Unit] = []
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
                out.append(Unit(a, a + len(word), gz.lookup(word), CONF_NNP))
    return out


_PARTICLE_END = re.compile(rf"(?:{PARTICLE.pattern})$")

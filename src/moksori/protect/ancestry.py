"""The checked place hierarchy: a place is only ever replaced by something that contains it.

Why: a redacted text may lose detail but must never say something false. A
replacement is computed from the words the text itself says, never from a
detector's guess: the surface form is looked up in the gazetteer as a whole
(or as a written sequence of units, "함경북도 무산군"), every place it may
denote is kept, and the answer is their lowest common ancestor: the province,
else the region, else the country that holds every reading, else nothing (the
caller writes the neutral tag). So "Geoje Island" cannot become Iceland through
a stray word, an ambiguous "순천" (North and South) becomes the tag, and the
bare "북" or "the North", which name no unit, are never expanded into a province.

The hierarchy is two steps of the data files: a unit → its province row (or
country row for foreign cities) → the country row of its ISO code; a province
or country row carries its region label (``region_ko``/``region_en``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from moksori.protect import gazetteer as gz
from moksori.protect.gazetteer import Place

# Levels that are already as coarse as a province: a province policy keeps them as said.
COARSE = frozenset({"province", "country"})

# Words that name one of the two Korean states only by direction: no unit, no ancestor.
STATE_WORDS = frozenset(
    {"북", "남", "이북", "이남", "북녘", "남녘", "북쪽", "남쪽", "북측", "남측"}
    | {"north", "south", "the north", "the south", "northern", "southern"}
)

# Korean particles a detector may leave inside a span ("무산에서"): they name no place.
_PARTICLES = sorted(
    (
        "에서부터 에서는 에서도 에서 에게 에는 에도 으로 이랑 까지 부터 "
        "에 로 은 는 이 가 을 를 와 과 의 도 랑"
    ).split(),
    key=len,
    reverse=True,
)
# A finer unit written after a known one ("서울 양천구 신정동", "Hyesan, Yonbong-dong"):
# it lies inside the unit before it, so it changes nothing about the ancestors.
_FINER_KO = re.compile(
    r"[가-힣\d]+(?:동|리|읍|면|가|로|길|구역|지구|노동자구|마을|번지|시장|장마당|역|역전|공항|병원|학교"
    r"|대학|광장|공원|부두|아파트|호텔|식당)"
)
_FINER_EN = re.compile(
    r"[a-z'’\d]+-?(?:dong|tong|ri|ni|eup|up|myeon|myon|ga|ro|gil|maeul)", re.IGNORECASE
)
# English words that only say what kind of unit the name before them is ("Musan County",
# kept as said), and words for a finer place inside it ("Hyesan Market", never kept).
_KIND_WORDS = frozenset(
    "city county province prefecture district region state island islands island's "
    "si shi gun kun gu ku guyok kuyok do to".split()
)
_UNIT_WORDS = _KIND_WORDS | frozenset(
    "town village area market station airport port harbour harbor hospital".split()
)
# A suffix stripped to find a bare name must name a unit the bare name can be:
# "거제도" (the island) is in 거제시, "Musan County" is 무산군; "신정동" is not "신정군".
_KO_STRIP: dict[str, frozenset[str]] = {
    "시": frozenset({"city", "province"}),
    "군": frozenset({"county"}),
    "도": frozenset({"city", "county"}),  # an island named after its county or city
    "현": frozenset({"city", "county"}),
    "성": frozenset({"province"}),
}
_EN_STRIP: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "province"}),
    "si": frozenset({"city"}),
    "shi": frozenset({"city", "province"}),
    "county": frozenset({"county", "city"}),
    "gun": frozenset({"county"}),
    "kun": frozenset({"county"}),
    "province": frozenset({"province"}),
    "do": frozenset({"province", "city", "county"}),
    "island": frozenset({"city", "county", "province"}),
    "district": frozenset({"district", "city"}),
    "gu": frozenset({"district"}),
    "ku": frozenset({"district"}),
    "guyok": frozenset({"district"}),
    "kuyok": frozenset({"district"}),
    "prefecture": frozenset({"city", "region"}),
}


# District names that many Korean cities share while the gazetteer lists one (Seoul's
# 중구): a bare mention is only known to be in South Korea.
_SHARED_DISTRICTS = frozenset(
    {"중구", "동구", "서구", "남구", "북구", "강서구"}
    | {"junggu", "donggu", "seogu", "namgu", "bukgu", "gangseo", "gangseogu"}
)
# Rivers, seas and border mountains lie between units, not inside one: "crossed the
# Tumen" must never become "crossed Jilin". They have no ancestor here (the tag).
_BETWEEN = re.compile(
    r"\b(?:river|sea|coast|lake|strait|line|demilitari[sz]ed|joint security)\b", re.IGNORECASE
)
_BETWEEN_KO = frozenset(
    {"백두산", "두만강", "압록강", "도문강", "서해안", "임진강", "한강", "메콩강"}
    | {"판문점", "군사분계선", "북방한계선"}  # on the line between the two states
)


@dataclass(frozen=True)
class Ancestor:
    """A name that is true of a place (its province, region or country), both languages."""

    ko: str
    en: str

    def name(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@cache
def _countries() -> dict[str, Place]:
    return {p.country: p for p in gz.places() if p.level == "country"}


def chain(place: Place) -> tuple[Ancestor, ...]:
    """What is true of a place at province level or coarser, finest first: the place
    itself if it is a top-level row, its province, its region, its country.

    A unit below its province never appears in its own chain: naming it would leak it.
    """
    if _BETWEEN.search(place.name_en) or place.name_ko in _BETWEEN_KO:
        return ()
    out: list[Ancestor] = []
    top = place.top
    out.append(Ancestor(gz._PAREN.sub("", top.name_ko), top.name_en))
    if top.region_ko and top.region_en:
        out.append(Ancestor(top.region_ko, top.region_en))
    country = _countries().get(place.country)
    if country is not None:
        out.append(Ancestor(country.name_ko, country.name_en))
    return tuple(dict.fromkeys(out))


def _exact(name: str) -> tuple[Place, ...]:
    """Places one written name denotes exactly (every spelling, every rank), with the
    river of that name ("Tumen": the city or the river) and, for a district name many
    cities share, the country."""
    native = bool(gz._NATIVE.search(name))
    key = gz.ko_key(name) if native else gz.en_key(name)
    if not key:
        return ()
    index = gz._index()
    found = index.get(key, ())
    if found or not native:  # "도문" is the city or the river (도문강)
        river = index.get(key + ("강" if native else "river"), ())
        found += tuple(p for p in river if p not in found)
    if found and key in _SHARED_DISTRICTS:
        country = _countries().get(found[0].country)
        if country is not None and country not in found:
            found += (country,)
    return found


def _stripped(name: str) -> tuple[Place, ...]:
    """Places a name with its unit suffix denotes: 거제도 → 거제시, Musan County → 무산군."""
    name = name.strip()
    if re.search("[가-힣]", name):
        key = gz.ko_key(name)
        for suffix, levels in _KO_STRIP.items():
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                found = gz._index().get(key[: -len(suffix)], ())
                ok = tuple(p for p in found if p.level in levels)
                if ok:
                    return ok
        return ()
    low = gz._APOS.sub("", gz.strip_marks(name).lower()).strip()
    m = re.search(r"[\s\-]+([a-z]+)$", low)
    if m and m.group(1) in _EN_STRIP:
        found = gz._index().get(gz.en_key(low[: m.start()]), ())
        return tuple(p for p in found if p.level in _EN_STRIP[m.group(1)])
    return ()


def readings(name: str) -> tuple[Place, ...]:
    """Every place one name may denote; empty when it is not one gazetteer name."""
    return _exact(name) or _stripped(name)


def _strip_particle(word: str) -> str:
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) > len(particle) + 1:
            bare = word[: -len(particle)]
            if readings(bare):
                return bare
    return word


def _units(surface: str) -> tuple[list[tuple[Place, ...]], bool] | None:
    """The readings of each unit of a written sequence, and whether a finer unit the
    gazetteer lacks was passed over; None if any word is not a place.

    "함경북도 무산군 무산읍", "양강도혜산시", "Musan County, North Hamgyong". Unknown
    finer units after a known one ("연봉동", "수남시장") and unit words ("Island") are
    allowed: they lie inside the unit before them.
    """
    words = [w for w in re.split(r"[\s,/·]+", surface.strip()) if w]
    if not words:
        return None
    words[-1] = _strip_particle(words[-1])
    out: list[tuple[Place, ...]] = []
    finer = False
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            found = readings(" ".join(words[i:j]))
            if found:
                out.append(found)
                i = j
                break
        else:
            word = words[i]
            if word.casefold() in _UNIT_WORDS and out:
                finer = finer or word.casefold() not in _KIND_WORDS
                i += 1
                continue
            if out and (_FINER_KO.fullmatch(word) or _FINER_EN.fullmatch(word)):
                finer = True
                i += 1
                continue
            parts = _segment(word) if re.fullmatch("[가-힣]+", word) else None
            if not parts:
                return None
            units, more = parts
            out += units
            finer = finer or more
            i += 1
    return out, finer


def _segment(word: str) -> tuple[list[tuple[Place, ...]], bool] | None:
    """Unspaced hangul units ("양강도혜산시"), only if the units cover the whole word
    (a finer unit the gazetteer lacks may end it: "혜산시연봉동")."""
    out: list[tuple[Place, ...]] = []
    i = 0
    while i < len(word):
        for j in range(len(word), i + 1, -1):
            found = readings(word[i:j])
            if found:
                out.append(found)
                i = j
                break
        else:
            if out and _FINER_KO.fullmatch(word[i:]):
                return out, True
            return None
    return out, False


def _consistent(units: Sequence[tuple[Place, ...]]) -> list[Place]:
    """The places a sequence of units may denote: for every choice of one reading per
    unit that nests (each pair shares a province, or one is the other's country), its
    finest member. "대구 중구": 중구 is Seoul's or some other city's, so the place is
    a 중구 inside 대구광역시."""
    out: list[Place] = []
    for choice in itertools.islice(itertools.product(*units), 256):
        if all(_contains(a, b) or _contains(b, a) for a, b in itertools.combinations(choice, 2)):
            finest = max(gz.rank(p) for p in choice)
            out += [p for p in choice if gz.rank(p) == finest and p not in out]
    return out


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is ``inner``'s province (or its country), or the same top."""
    if outer.level == "country":
        return outer.country == inner.country
    return outer.top is inner.top


def read(surface: str) -> tuple[list[Place], bool]:
    """Every place the surface may denote, and whether the surface is just their name
    (one unit, nothing finer passed over), so that keeping it as said leaks nothing."""
    whole = readings(surface)
    if whole:
        return list(whole), True
    bare = _strip_particle(surface.strip())
    if bare != surface.strip() and readings(bare):
        return list(readings(bare)), True
    parsed = _units(surface)
    if not parsed:
        return [], False
    units, finer = parsed
    return _consistent(units), len(units) == 1 and not finer


def interpret(surface: str) -> list[Place]:
    """Every place the surface may denote, checked against all its written units."""
    return read(surface)[0]


def common_ancestor(places: Sequence[Place], level: str, lang: str) -> str | None:
    """The finest name true of every place at ``level`` or coarser, or None.

    ``province``: the common province, else region, else country. ``region``: the
    common region label, else the common country (never a province).
    """
    chains = [chain(p) for p in places]
    if not chains:
        return None
    shared = [a for a in chains[0] if all(a in c for c in chains[1:])]
    if level == "region":  # a region label, else the country; never the province itself
        tops = {Ancestor(gz._PAREN.sub("", p.top.name_ko), p.top.name_en) for p in places}
        countries = {Ancestor(c.name_ko, c.name_en) for c in _countries().values()}
        shared = [a for a in shared if a not in tops] or [a for a in shared if a in countries]
    return shared[0].name(lang) if shared else None


def generalise(surface: str, level: str, lang: str) -> str | None:
    """What a place finding becomes under a province/region policy; None means the tag.

    A country, or a province under the province policy, stays as said: it is
    already as coarse as asked, and the original words are never false.
    """
    said = surface.strip()
    if not said or said.casefold() in STATE_WORDS:
        return None  # "북", "the North": mask; never a unit of one side
    places, named = read(said)
    if not places:
        return None
    if named and all(p.level == "country" for p in places):
        return surface
    if named and level == "province" and all(p.level in COARSE or _is_top(p) for p in places):
        return surface
    return common_ancestor(places, level, lang)


def _is_top(p: Place) -> bool:
    """A top-level row (a province, or a historic region like 함경도 with no parent)."""
    return not p.province and p.level != "country"


def generalise_place(text: str, info: dict[str, object], level: str, lang: str) -> str | None:
    """The redacted view's place renderer: ``info`` is ignored on purpose (it is a
    detector's guess); only the words of ``text`` decide."""
    del info
    return generalise(text, level, lang)

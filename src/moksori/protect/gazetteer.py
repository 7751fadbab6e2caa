"""Places of North Korean migration testimony, looked up in either script and generalised.

Why a hand-made gazetteer: a county name ("무산", "Musan") can identify a family,
so detection must know North Korean units that South Korean NER models lack, and
redaction must replace a place by its province or a coarse region
(:func:`generalise`). Data: ``data/gazetteer.tsv`` (NK, SK, Chinese border,
transit countries), ``data/places_world.txt`` (countries, major cities) and
``data/places_landmarks.txt`` (sites such as 판문점 or 청와대); see their headers
for columns and sources. Hanja spellings (北京, 延吉) count as Korean-script names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Level = Literal["province", "region"]
Lang = Literal["ko", "en"]

DATA_FILES = ("gazetteer.tsv", "places_world.txt", "places_landmarks.txt")
FALLBACK = {"ko": "어느 지역", "en": "a place"}

# Longest first: "구역" before "구", "노동자구" before "구".
KO_SUFFIXES = (
    "특별자치시",
    "특별자치도",
    "조선족자치주",
    "조선족자치현",
    "노동자구",
    "특별시",
    "광역시",
    "직할시",
    "자치구",
    "자치주",
    "구역",
    "지구",
    "시",
    "군",
    "구",
    "도",
    "읍",
    "면",
    "동",
    "리",
    "현",
    "진",
    "성",
)
# Suffixes stripped from a unit's own name to get its bare form ("무산군" → "무산").
_BARE_STRIP = {
    "KP": (
        "노동자구",
        "특별시",
        "직할시",
        "구역",
        "지구",
        "시",
        "군",
        "구",
        "읍",
        "면",
        "동",
        "리",
    ),
    "KR": ("특별자치시", "특별시", "광역시", "시", "군", "구", "읍", "면", "동", "리"),
    "CN": ("조선족자치주", "조선족자치현", "자치주", "시", "현", "진", "성"),
}
EN_SUFFIX = re.compile(
    r"[\s\-]+(?:city|county|province|prefecture|district|region|state|"
    r"si|shi|gun|kun|gu|ku|guyok|kuyok|guyeok|do|to|dong|tong|ri|ni|eup|up|myeon|myon|"
    r"rodongjagu|nodongjagu|workers'? district)$"
)
_PAREN = re.compile(r"\s*\([^)]*\)")
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NATIVE = re.compile(f"[\uac00-\ud7a3{CJK}]")  # hangul or hanja: not a romanisation
_HANJA_SUFFIX = "市省縣县區区州鎮镇村郡道"
_APOS = re.compile(r"['’ʼ‘`]")


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit. ``province`` is the hangul name of its province row."""

    name_ko: str
    name_en: str
    level: str  # province | city | county | district | town | neighbourhood | region | country
    country: str  # ISO 3166-1 alpha-2: KP, KR, CN, ...
    province: str  # "" for provinces and countries
    region_ko: str
    region_en: str
    context_names: frozenset[str]  # common words too ("무산"): need a place context
    suffix_names: frozenset[str]  # too common ("과일", "위원"): need an admin suffix
    names_ko: tuple[str, ...]
    names_en: tuple[str, ...]

    def needs(self, name: str) -> str:
        """What a bare mention of ``name`` needs to count: "", "context" or "suffix"."""
        if name in self.suffix_names:
            return "suffix"
        if name in self.context_names:
            return "context"
        return ""

    @property
    def top(self) -> Place:
        """The province (or country) this unit belongs to; itself for top-level rows."""
        if not self.province:
            return self
        return _by_name().get(self.province, self)


def strip_marks(s: str) -> str:
    """Latin text without diacritics: Ch'ŏngjin → Ch'ongjin."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ko_key(s: str) -> str:
    return re.sub(r"[\s\-·]", "", _PAREN.sub("", s))


def en_key(s: str) -> str:
    s = _APOS.sub("", strip_marks(_PAREN.sub("", s)).lower())
    return re.sub(r"[\W_]", "", s)


def bare_ko(name: str, country: str, level: str) -> str | None:
    """The unit's name without its administrative suffix, if at least two syllables remain."""
    name = ko_key(name)
    if level in ("province", "country", "region"):
        return None
    for suf in _BARE_STRIP.get(country, ()):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return None


def latin_variants(name: str, korean: bool = True) -> set[str]:
    """McCune-Reischauer name plus plain and Revised-Romanisation-like spellings.

    The Korean spellings (ŏ → eo, Kaesong → Gaeseong) only for Korean names
    (``korean``): voicing "Perth", "Kent" or "Tokyo" made "Berth", "Gent" (which
    then read as Kent, in the United Kingdom) and "Dokyo".
    """
    base = _PAREN.sub("", name).strip()
    if not base:
        return set()
    out = {base, strip_marks(base)}
    if not korean:
        return {v for v in out | {_APOS.sub("", x) for x in out} if v}
    rr = base.replace("ŏ", "eo").replace("Ŏ", "Eo").replace("ŭ", "eu").replace("Ŭ", "Eu")
    out.add(strip_marks(rr))
    for v in list(out):
        unap = _APOS.sub("", v)
        out.add(unap)
        # Unaspirated initials are voiced in RR: Kaesong → Gaeseong, Tanchon → Dancheon.
        if v and "'" not in v[:3] and "’" not in v[:3]:
            for mr, r in (("Ch", "J"), ("K", "G"), ("T", "D"), ("P", "B")):
                if v.startswith(mr) and not v.startswith(mr + "'"):
                    out.add(_APOS.sub("", r + v[len(mr) :]))
                    break
    return {v for v in out if v}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


def _flagged(flags: str, kind: str) -> frozenset[str]:
    """Names listed in the flags cell: ``ctx:무산;sfx:과일,연탄``."""
    out: set[str] = set()
    for part in flags.split(";"):
        head, _, names = part.partition(":")
        if head.strip() == kind:
            out.update(_split(names))
    return frozenset(out)


def _read_rows() -> Iterable[list[str]]:
    pkg = resources.files("moksori.protect") / "data"
    for fname in DATA_FILES:
        for line in (pkg / fname).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            yield cols + [""] * (10 - len(cols))


@cache
def places() -> tuple[Place, ...]:
    """Every row of the data files, in file order (North Korea first)."""
    rows = list(_read_rows())
    regions = {r[0]: (r[8], r[9]) for r in rows if r[8]}
    out: list[Place] = []
    for ko, en, level, country, prov, alt_ko, alt_en, flags, rko, ren in rows[:]:
        if not rko:
            rko, ren = regions.get(prov, ("", ""))
        alts = _split(alt_ko)
        names_ko = [ko, *(a for a in alts if _NATIVE.search(a))]
        bare = bare_ko(ko, country, level)
        if bare:
            names_ko.append(bare)
        names_en: set[str] = set()
        for n in [en, *_split(alt_en), *(a for a in alts if not _NATIVE.search(a))]:
            names_en |= latin_variants(n, korean=country in ("KP", "KR"))
        out.append(
            Place(
                name_ko=ko,
                name_en=en,
                level=level,
                country=country,
                province=prov,
                region_ko=rko,
                region_en=ren,
                context_names=_flagged(flags, "ctx"),
                suffix_names=_flagged(flags, "sfx"),
                names_ko=tuple(dict.fromkeys(_PAREN.sub("", n).strip() for n in names_ko)),
                names_en=tuple(sorted(names_en)),
            )
        )
    return tuple(out)


@cache
def _by_name() -> dict[str, Place]:
    return {p.name_ko: p for p in places()}


@cache
def _index() -> dict[str, tuple[Place, ...]]:
    """Normalised key → places, exact names before variants, then file order."""
    ranked: dict[str, list[tuple[int, int, Place]]] = {}
    for i, p in enumerate(places()):
        keys: list[tuple[str, int]] = [(ko_key(p.name_ko), 0), (en_key(p.name_en), 0)]
        keys += [(ko_key(n), 1) for n in p.names_ko[1:]]
        keys += [(en_key(n), 1) for n in p.names_en]
        seen: set[str] = set()
        for k, rank in keys:
            if k and k not in seen:
                seen.add(k)
                ranked.setdefault(k, []).append((rank, i, p))
    return {k: tuple(p for _, _, p in sorted(v, key=lambda t: t[:2])) for k, v in ranked.items()}


def _keys_of(name: str) -> list[str]:
    """Normalised lookup keys of a query, with and without an administrative suffix."""
    name = name.strip()
    if not name:
        return []
    if re.search(r"[\uac00-\ud7a3]", name):
        k = ko_key(name)
        out = [k]
        for suf in KO_SUFFIXES:
            if k.endswith(suf) and len(k) - len(suf) >= 2:
                out.append(k[: -len(suf)])
        return out
    if re.search(f"[{CJK}]", name):
        k = ko_key(name)
        return [k, k[:-1]] if k[-1] in _HANJA_SUFFIX and len(k) >= 3 else [k]
    low = _APOS.sub("", strip_marks(name).lower()).strip()
    out = [en_key(low)]
    m = EN_SUFFIX.search(low)
    if m:
        out.append(en_key(low[: m.start()]))
    return [k for k in out if k]


def candidates(name: str) -> tuple[Place, ...]:
    """Every place a single name may denote, best first (ambiguous: 순천, 고성, 강원도)."""
    idx = _index()
    for k in _keys_of(name):
        if k in idx:
            return idx[k]
    return ()


def lookup(name: str) -> Place | None:
    """The place a name most likely denotes, in hangul or any romanisation, or None."""
    found = candidates(name)
    return found[0] if found else None


def _units(text: str) -> list[tuple[Place, ...]]:
    """Candidates of each unit of a written sequence: "함경북도 무산군 무산읍", "North Hamgyong".

    Longest run of words first, so "North Hamgyong" is one unit, not "Hamgyong".
    """
    words = [w for w in re.split(r"[\s,/·]+", text.strip()) if w]
    out: list[tuple[Place, ...]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            found = candidates(" ".join(words[i:j]))
            if found:
                out.append(found)
                i = j
                break
        else:
            if re.search(r"[\uac00-\ud7a3]", words[i]):
                out += _segment(words[i])
            i += 1
    return out


def _segment(word: str) -> list[tuple[Place, ...]]:
    """Greedy longest-prefix split of unspaced hangul units."""
    out: list[tuple[Place, ...]] = []
    i = 0
    while i < len(word):
        for j in range(len(word), i + 1, -1):
            found = candidates(word[i:j])
            if found:
                out.append(found)
                i = j
                break
        else:
            i += 1
    return out


def resolve(name_or_place: str | Place) -> Place | None:
    """The top-most unit of a sequence, resolved so all units agree on one province."""
    if isinstance(name_or_place, Place):
        return name_or_place
    units = _units(name_or_place)
    if not units:
        return None
    tops = [{p.top.name_ko for p in cands} for cands in units]
    best: Place | None = None
    for i, cands in enumerate(units):
        others = (
            set().union(*(t for j, t in enumerate(tops) if j != i)) if len(units) > 1 else set()
        )
        pick = next((p for p in cands if p.top.name_ko in others), cands[0])
        if best is None or rank(pick) < rank(best):
            best = pick
    return best


_LEVEL_RANK = {
    "country": 0,
    "province": 1,
    "region": 2,
    "city": 3,
    "county": 3,
    "district": 4,
    "town": 5,
    "neighbourhood": 6,
    "landmark": 6,
}


def rank(p: Place) -> int:
    """0 for countries, growing towards neighbourhoods."""
    return _LEVEL_RANK.get(p.level, 9)


def generalise(name_or_place: str | Place, level: Level = "province", lang: Lang = "ko") -> str:
    """A place as its province ("함경북도") or coarse region ("북부 국경 지역"), for
    grouping attribute values (``hierarchy``): spellings merge (양강도, 량강도).

    Only a true ancestor of every place the name may denote is returned
    (``ancestry``); an unknown or contradictory name gives a neutral phrase, so
    the original never leaks and nothing false is said.
    """
    from moksori.protect import ancestry  # ancestry reads this module's tables

    if isinstance(name_or_place, Place):
        found = [name_or_place]
    else:
        found = ancestry.interpret(name_or_place)
    general = ancestry.common_ancestor(found, level, lang) if found else None
    return general or FALLBACK[lang]


@cache
def all_names() -> frozenset[str]:
    """Every surface form, hangul and Latin, for detectors."""
    out: set[str] = set()
    for p in places():
        out.update(p.names_ko)
        out.update(p.names_en)
    return frozenset(n for n in out if n)

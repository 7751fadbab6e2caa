"""Places written in Latin script: gazetteer names, English cue phrases, city lines.

Why a module of its own: English and romanised text ("moved to Hyesan City",
"originally from Musan-gun", "Rua do Arenque 1634, Goiânia") is matched by
word lookups and English phrasing, with nothing of Kiwi or the hangul suffixes
that :mod:`moksori.protect.detect.places` works with. Confidences are on the
same scale as that module's (0.9 a gazetteer name, 0.6 a place word context).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from moksori.protect import gazetteer as gz
from moksori.protect.detect import sparse
from moksori.protect.detect.english_names import common_word
from moksori.protect.romanise import rr_syllable
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import HANGUL

# A pattern starting with (?=[…]) names the characters a match can start with: the
# regex engine then passes over every other position at once (scans run 3–5× faster).

CONF_GAZ = 0.9
CONF_CONTEXT = 0.6
CONF_UNIT = 0.8  # a romanised name with its unit: as sure as a hangul admin unit


class LatinPlace(NamedTuple):
    """A candidate place: its offsets, its gazetteer entry if known, a confidence."""

    start: int
    end: int
    place: gz.Place | None
    conf: float


_EN_COMMON = {
    "nice", "split", "turkey", "guinea", "chad", "jersey", "cork", "queens", "kent",
    "surrey", "phoenix", "rio", "mali", "lima", "jordan", "victoria", "sofia", "salvador",
    "gaza", "niger", "bonn", "la", "usi", "anak", "china", "georgia", "essex", "korea",
}  # fmt: skip
_STOP_CAP = {
    "The", "A", "An", "My", "His", "Her", "Our", "Their", "Your", "This", "That", "It",
    "I", "We", "He", "She", "They", "You", "Mr", "Mrs", "Ms", "Dr", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "English", "Korean", "Chinese", "Christmas", "Chuseok", "God", "Church", "Mom", "Dad",
    "Apt", "Apartment", "Suite", "Unit", "Box", "Flat", "Room", "Floor",
    "Mother", "Father", "Grandma", "Grandpa", "Uncle", "Aunt", "School", "University",
}  # fmt: skip
_PLACE_WORD = (
    r"(?:City|County|Province|Prefecture|District|State|Region|Village|Town|Township|Island|"
    r"Islands|Valley|Mountains?|Mount|River|Lake|Bay|Beach|Harbou?r|Port|Camp|Airport|Station|"
    r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Square|Park|Border|Oblast|Krai)"
)
_CAP = r"(?:[A-ZÀ-ÞĀ-ſ][\w'’\-]*|[A-ZÀ-Þ]{2,})"
_PREP = r"(?:in|from|to|near|at|around|outside|inside|across|towards?|via|through|into|of|on)"
_LOC_VERB = (
    r"(?:live[sd]?|living|born|raised|grew up|moved|move|moving|relocated|flew|fly|flying|"
    r"travel(?:l?ed|l?ing|s)?|returned|return|arrived|based|located|situated|resides?|resided|"
    r"settled|stayed|staying|visit(?:ed|ing|s)?|went|escaped|fled|crossed|headed|trip|"
    r"vacation|holiday|business trip|back|reached)"
)
# How a migrant tells a route: "by boat to Huay Xai", "the train to Dandong", "walked to
# Mengla", "were taken to Tumen", "hid in Yanji", "worked in Helong". These words take a
# person as object too ("they caught Chol"), so only with a preposition.
_ROUTE = (
    r"(?:boat|bus|train|ferry|truck|lorry|taxi|plane|walked|walking|ran|drove|sailed|swam|"
    r"taken|sent|smuggled|transferred|deported|hid|hiding|worked|working|caught|arrested|"
    r"detained|jailed|imprisoned|sold|stuck|waited|hidden|kept)"
)
_RX_PLACE_WORD = re.compile(rf"\b{_PREP}\s+((?:{_CAP}\s+){{0,3}}{_CAP}\s+{_PLACE_WORD})")
_RX_ROUTE = re.compile(
    rf"\b{_ROUTE}\s+(?:in|to|at|into|near|through|across|towards?|via|outside)\s+(?:the\s+)?"
    rf"((?:{_CAP}(?:\s+(?:de|del|la|le|upon|am|an|der|di|da|do|dos|y|og))?\s+){{0,3}}{_CAP})"
)
_RX_LOC_VERB = re.compile(
    rf"\b{_LOC_VERB}\s+(?:(?:in|to|at|from|into|near|for)\s+)?(?:the\s+)?"
    rf"((?:{_CAP}(?:\s+(?:de|del|la|le|upon|am|an|der|di|da|do|dos|y|og))?\s+){{0,3}}{_CAP})"
)
# A town before its postcode ("support Factset in Bjert 6091"), or after a street ("lives on
# Glyn St street in Highveld"): the number or the street vouches for the name.
_RX_BEFORE_POSTCODE = re.compile(
    rf"(?=[itafn])\b(?:in|to|at|from|near)\s+"
    rf"((?:{_CAP}\s+(?:(?:de|del|la|le|di|da|do|dos)\s+)?){{0,3}}{_CAP})"
    r"\s+\d{4,5}(?:-\d{3,4})?\b(?!\s*(?:years|people|km|miles|m\b|%))"
)
_RX_AFTER_STREET = re.compile(
    rf"(?=[sral])\b(?:street|road|avenue|lane|st\.?)\s+in\s+"
    rf"((?:{_CAP}\s+(?:(?:de|del|la|le)\s+)?){{0,3}}{_CAP})"
)
_RX_ALLCAPS = re.compile(
    r"\b(?:in|to|from|at|near|into)\s+((?:[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]{2,}\s?){1,3})(?![a-z])"
)
# Phrases that announce a place in any script or case: "originally from ΠΑΦΟΣ",
# "I'm in Flateyri, at the conference", "the University of KVALØYSLETTA".
_RX_CUE = re.compile(
    r"(?=[omcfegiwhlru])"
    r"\b(?:originally from|(?:moved|came|come|fled|escaped) (?:here |there )?from|grew up in|"
    r"(?:I'm|I am|we're|we are) (?:now )?in|home (?:city|town)|hometown|(?:lives?|living) in|"
    r"(?:returned|flew|moved|relocated) to|University of|Where:)\s+(?:the\s+)?"
    r"([^\W\d_][\w'’.\-]*(?:[ \-](?:[^\W\d_][\w'’\-]*|\([^()\n]{1,30}\))){0,4})",
    re.IGNORECASE,
)
_CUE_JOIN = {"de", "del", "la", "le", "di", "da", "do", "dos", "du", "nad", "na", "u", "am", "an"}
_CUE_STOP = {
    "the", "a", "an", "my", "our", "his", "her", "their", "this", "that", "love",
    "trouble", "charge", "fear", "town", "here", "there", "touch", "need", "time",
}  # fmt: skip


def _cue_name(seg: str) -> str:
    """The leading capitalised words of ``seg`` ("Soto del Barco"), or "" for "love"."""
    words = seg.split(" ")
    keep: list[str] = []
    for w in words:
        core = w.strip(".,")
        if not core or core.lower() in _CUE_STOP and not keep:
            break
        if core[0].isupper() or core[0] == "(" or (keep and core.lower() in _CUE_JOIN):
            keep.append(w)
            if w != core:
                break  # "Seoul. We": a sentence or clause ends here
        else:
            break
    while keep and keep[-1].lower() in _CUE_JOIN:
        keep.pop()
    return " ".join(keep).rstrip(".,")


# Border towns named after their river: "the Tumen" is the river (shared by everyone who
# crossed it), "in Tumen" the city (a place that narrows who is speaking).
_RIVER_TOWNS = frozenset({"tumen", "tuman", "yalu", "amnok"})
_RIVER_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
# Words that make a phrase an institution, not a place: "came from the Review Board".
_INSTITUTION = re.compile(
    r"\b(?:Board|Ministry|University|Institute|Foundation|Committee|Council|Agency|Party"
    r"|Association|Commission|Service|Centers?|Centres?|Office|Bureau|Department"
    r"|International|Watch|Organi[sz]ation|Society|Assembly)\b"
)
_ACRONYMS = {"USD", "EUR", "KRW", "IBM", "NASA", "FBI", "CIA", "NGO", "PDF", "GMT", "UTC", "THE"}


_LATIN_WORD = re.compile(r"[A-Za-z0-9À-ɏ'’]+")
_SUFFIX_WORDS = frozenset(
    "city county province prefecture district region state island islands si shi gun kun gu "
    "guyok guyŏk kuyŏk kuyok dong ri ni eup up myeon do".split()
)


@cache
def _latin_index() -> tuple[frozenset[str], int]:
    """Every English name of the gazetteer as lowercase words joined by one space.

    Why not one big alternation: Python's regex tries ~1,500 names at every
    position (~1 s per MB); a dictionary probe per word is ~50× faster.
    """
    keys: set[str] = set()
    longest = 1
    for place in gz.places():
        for name in place.names_en:
            words = [w.casefold() for w in re.split(r"[\s\-]+", name) if w]
            if len(name) >= 2 and words:
                keys.add(" ".join(words))
                longest = max(longest, len(words))
    return frozenset(keys), longest


@cache
def _latin_prefixes() -> frozenset[str]:
    """Every name's first words ("north", "north hamgyong"): a run of words that is none
    of these starts no name, so the search stops there."""
    keys, _ = _latin_index()
    return frozenset(" ".join(k.split(" ")[:n]) for k in keys for n in range(1, k.count(" ") + 2))


def _latin_matches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of gazetteer names in Latin script, longest first, with an optional
    unit word after ("Hyesan City", "Musan-gun"); hangul may follow, not precede."""
    keys, longest = _latin_index()
    prefixes = _latin_prefixes()
    words = [(m.start(), m.end(), m.group().casefold()) for m in sparse.finditer(_LATIN_WORD, text)]
    i = 0
    while i < len(words):
        start = words[i][0]
        if words[i][2] not in prefixes or start and HANGUL.match(text, start - 1):
            i += 1
            continue
        found = 0
        key = ""
        for n in range(1, min(longest, len(words) - i) + 1):
            j = i + n - 1
            if n > 1:
                gap = text[words[j - 1][1] : words[j][0]]
                if gap not in (" ", "-", "\t"):
                    break
            key = words[j][2] if n == 1 else f"{key} {words[j][2]}"
            if key not in prefixes:
                break
            if key in keys:
                found = n
        if not found:
            i += 1
            continue
        end = words[i + found - 1][1]
        k = i + found
        if k < len(words) and words[k][2] in _SUFFIX_WORDS:
            gap = text[end : words[k][0]]
            if gap in (" ", "-"):
                end = words[k][1]
                k += 1
        yield start, end
        i = k


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3) : i]
    return i == 0 or bool(re.search(r"(?:^|[.!?\"“\n])\s*$", before)) or text[:i].strip() == ""


# A romanised Korean place name with its administrative unit, in any romanisation:
# "Rimyong-ri", "Migok-dong", "Sinpo-si", "Unhung-gun", "Puryong Nodongjagu", "Ilsin ri".
# The unit says it is a place; the stem must read as Korean syllables (not "Make-up").
_RX_KOREAN_UNIT = re.compile(
    r"(?=[A-Z])\b([A-Z][a-z]{1,12}(?:[\-‐' ][A-Za-z][a-z]{0,10})?)"
    r"(?:[\-‐](gu|ku|gun|kun|si|shi)"  # only hyphenated: "a Machine gun" is no county
    r"|[\-‐ ](ri|ni|dong|tong|eup|ŭp|myeon|myon|myŏn|nodongjagu|rodongjagu|guyok|guyŏk"
    r"|kuyok|kuyŏk))\b(?![\-‐])"
)
# "a village called Rimyong", "the farm named Sinhung": a name a place word vouches for.
_RX_CALLED = re.compile(
    rf"(?=[vtcdfmsaphkwrbiu])\b(?:village|town|city|district|county|farm|camp|mine|place|area"
    rf"|settlement|station|hamlet|neighbou?rhood|commune|kolkhoz|port|harbou?r|island|valley"
    rf"|workers'? district|ward|restaurant|shop|store|factory|company|bar|karaoke|hotel|inn"
    rf"|church|school|market|clinic|hospital|unit|brigade)\s+(?:called|named|known\s+as)\s+"
    rf"((?:{_CAP}[ \-]){{0,2}}{_CAP})"
)
# A named site: capitalised words before the word for a building or a workplace ("Sanggye
# Middle School", "Mudan Garden Restaurant", "Onnuri Church", "Chongjin Steel Works"). Where
# a witness's child goes to school or where she worked narrows who she is; in a paper the
# expository gate drops a body's name (``expository.drops``).
_RX_SITE = re.compile(
    rf"(?=[A-Z])\b((?:{_CAP}\s+){{1,4}}(?:Elementary\s+|Primary\s+|Middle\s+|High\s+"
    r"|Secondary\s+|Girls'?\s+|Boys'?\s+)?(?:School|Kindergarten|Hospital|Clinic|Factory"
    r"|Mine|Restaurant|Hotel|Market|Church|Cafe|Café|Karaoke|Polytechnic|College|University"
    r"|Prison|Works|Farm|Shipyard|Bakery|Salon))\b"
)
# The gazetteer levels a unit word can name: "Pongchon-dong" is a city ward, not the
# county Pongchon, so its entry (and the province it would print) is not taken.
_UNIT_LEVELS = {
    **dict.fromkeys(("ri", "ni", "eup", "up", "ŭp", "nodongjagu", "rodongjagu"), ("town",)),
    **dict.fromkeys(("dong", "tong"), ("neighbourhood", "district")),
    **dict.fromkeys(("gu", "ku", "guyok", "guyŏk", "kuyok", "kuyŏk"), ("district",)),
    **dict.fromkeys(("gun", "kun", "myeon", "myon", "myŏn"), ("county",)),
    **dict.fromkeys(("si", "shi"), ("city",)),
}


def _with_unit(name: str) -> gz.Place | None:
    """The gazetteer entry of a name written with its unit, if the unit fits its level."""
    place = gz.lookup(name)
    unit = re.split(r"[\s\-‐]+", name.casefold())[-1]
    if place is None or unit not in _UNIT_LEVELS:
        return place
    return place if place.level in _UNIT_LEVELS[unit] else None


@cache
def _place_syllables() -> frozenset[str]:
    """Every hangul syllable as Revised, North Korean and McCune-Reischauer-like spellings
    write it in place names ("gok", "chon", "pyong", "kang"): place names use syllables
    no given name does."""
    out: set[str] = set()
    for code in range(11172):
        rr = rr_syllable(chr(0xAC00 + code))
        for v in (rr, rr.replace("eo", "o").replace("eu", "u")):
            out.add(v)
            for voiced, plain in (("g", "k"), ("b", "p"), ("d", "t"), ("j", "ch")):
                if v.startswith(voiced):
                    out.add(plain + v[1:])
    return frozenset(out)


def _syllable_count(word: str) -> int:
    """Fewest romanised syllables that spell ``word``, or 99 when none do."""
    syl = _place_syllables()
    best = [0] + [99] * len(word)
    for i in range(len(word)):
        if best[i] < 99:
            for j in range(i + 1, min(len(word), i + 6) + 1):
                if word[i:j] in syl:
                    best[j] = min(best[j], best[i] + 1)
    return best[-1]


def _korean_unit(stem: str) -> bool:
    """The stem of "Rimyong-ri" reads as one to four romanised Korean syllables."""
    parts = [w for w in re.split(r"[\-‐' ]", stem.casefold()) if w]
    return bool(parts) and sum(_syllable_count(w) for w in parts) <= 4


def _korean_units(text: str) -> list[LatinPlace]:
    out: list[LatinPlace] = []
    for m in sparse.finditer(_RX_KOREAN_UNIT, text):
        stem = m.group(1)
        if stem.split()[0] in _STOP_CAP or common_word(stem.split()[-1]):
            continue
        if not _korean_unit(stem):
            continue
        out.append(LatinPlace(m.start(), m.end(), _with_unit(m.group()), CONF_UNIT))
    for m in sparse.finditer(_RX_SITE, text):
        words = m.group(1).split()
        while words and (words[0] in _STOP_CAP or common_word(words[0])):
            words = words[1:]  # "The Sanggye …", "My …", "North …"
        if len(words) >= 2:
            name = " ".join(words)
            start = m.end(1) - len(name)
            out.append(LatinPlace(start, m.end(1), None, CONF_CONTEXT))
    for m in sparse.finditer(_RX_CALLED, text):
        s, e = m.span(1)
        name = _cue_name(text[s:e])
        if name and name.split()[0] not in _STOP_CAP and not _INSTITUTION.search(name):
            out.append(LatinPlace(s, s + len(name), _with_unit(name), CONF_CONTEXT))
    return out


_TRAILING_I = re.compile(r"\s+I$")


def latin_places(text: str) -> list[LatinPlace]:
    """Places in Latin script: gazetteer names, then names in English place contexts."""
    out: list[LatinPlace] = _korean_units(text)
    for m_start, m_end in _latin_matches(text):
        if text[m_start : m_start + 4] == "the ":  # "to the Netherlands": the name, no article
            m_start += 4
        word = text[m_start:m_end]
        if not word[0].isupper():
            p = gz.lookup(word)
            if not (word.islower() and p is not None and p.level == "country"):
                continue
        key = word.lower()
        if key in _EN_COMMON and (not word[0].isupper() or _sentence_start(text, m_start)):
            continue
        if key in _RIVER_TOWNS and _RIVER_BEFORE.search(text[max(0, m_start - 8) : m_start]):
            continue  # "crossed the Tumen": the river, which everyone crossed
        out.append(LatinPlace(m_start, m_end, _with_unit(word), CONF_GAZ))
    for rx, conf in (
        (_RX_PLACE_WORD, CONF_CONTEXT),
        (_RX_LOC_VERB, 0.5),
        (_RX_ROUTE, 0.5),
        (_RX_ALLCAPS, 0.4),
        (_RX_BEFORE_POSTCODE, 0.5),
        (_RX_AFTER_STREET, CONF_CONTEXT),
    ):
        for m in sparse.finditer(rx, text):
            s, e = m.span(1)
            seg = _TRAILING_I.sub("", text[s:e].rstrip())  # "reached Dandong I stayed"
            first = seg.split()[0].strip(".,") if seg.split() else ""
            if not seg or first in _STOP_CAP or seg.strip() in _ACRONYMS:
                continue
            if _INSTITUTION.search(seg):
                continue
            if seg.lower() in _RIVER_TOWNS and _RIVER_BEFORE.search(text[max(0, s - 8) : s]):
                continue
            out.append(LatinPlace(s, s + len(seg), _with_unit(seg), conf))
    out += _above_country(text)
    for m in sparse.finditer(_RX_CUE, text):
        name = _cue_name(m.group(1))
        if name and name.split()[0] not in _STOP_CAP and not _INSTITUTION.search(name):
            out.append(LatinPlace(m.start(1), m.start(1) + len(name), _with_unit(name), 0.5))
    return out


_LINE_MARKS = " \t>?*•-"
_TOWN_LINE = re.compile(r"[^\W\d_][\w'’.\-]*(?:[ \-][^\W\d_][\w'’.\-]*){0,3}")


@cache
def _countries() -> frozenset[str]:
    """Every Latin name of a country, case folded: a dictionary probe per line."""
    return frozenset(
        name.casefold() for p in gz.places() if p.level == "country" for name in p.names_en
    )


def _above_country(text: str) -> list[LatinPlace]:
    """A short line right above a country line is the town of an address block:
    "Chiclana de la Frontera ⏎ Spain", ">ALFRICK ⏎ >United Kingdom", "marke ⏎ belgium 97466"."""
    if "\n" not in text:
        return []
    out: list[LatinPlace] = []
    pos = 0
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for i in range(len(lines) - 1):
        below = lines[i + 1].strip(_LINE_MARKS)
        if not below or len(below) > 40:
            continue
        if below.rstrip("0123456789 -,\t").casefold() not in _countries():
            continue  # "Spain", "belgium 97466", "United Kingdom"
        line = lines[i]
        name = line.strip(_LINE_MARKS).rstrip(",")
        if not name or not _TOWN_LINE.fullmatch(name) or name.split()[0] in _STOP_CAP:
            continue
        if any(common_word(w) for w in name.split()):
            continue  # "Thanks ⏎ Korea": a sign-off, not a town
        town = gz.lookup(name)
        if town is not None and town.level == "country":
            continue
        start = starts[i] + line.index(name)
        out.append(LatinPlace(start, start + len(name), town, 0.5))
    return out


# "Rua do Arenque 1634, Goiânia"; "Apt. 902 ⏎ >Qaqortoq ⏎ >Greenlander 96817".
_RX_CITY_LINE = re.compile(
    r"(?:,[ \t]*|[ \t]*\n[\s>?]*)"
    r"([^\W\d_][\w'’.\-]*(?:[ \-](?:[^\W\d_][\w'’.\-]*|\([^()\n]{1,30}\))){0,4})(?![\w'’]*:)"
)


def city_after(text: str, addrs: list[Span], detector: str) -> list[Span]:
    """Capitalised words right after an address (same line after a comma, or next lines)."""
    out: list[Span] = []
    for a in addrs:
        pos = a.end
        for _ in range(3):
            m = _RX_CITY_LINE.match(text, pos)
            if not m:
                break
            name = _cue_name(m.group(1))
            if not name or name.split()[0] in _STOP_CAP:
                break
            s = m.start(1)
            out.append(Span(s, s + len(name), PiiType.PLACE, 0.5, detector, _info(name)))
            pos = s + len(name)
            pos = re.match(r"[ \t]*(?:\d[\d \-]*)?", text[pos:]).end() + pos  # type: ignore[union-attr]
    return out


def _info(name: str) -> dict[str, str]:
    p = gz.lookup(name)
    if p is None:
        return {}
    return {"province": p.top.name_ko, "country": p.country, "level": p.level}

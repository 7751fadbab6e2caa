"""The written forms of a name or place, and where they stand in a text.

Why a module of its own: propagation (``propagate.py``) and review groups
(``groups.py``) must agree on what counts as the same name: "김영철", "영철이",
"Young-chol" and "Kim Young-chol"; "회령시", "회령에서" and "Hoeryong". Forms
compare squashed (no spaces or hyphens, casefolded); romanised Korean names
compare by :func:`romanise.name_key`; places by the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from moksori.protect import gazetteer
from moksori.protect.detect.korean_lexicon import lexicon
from moksori.protect.romanise import name_key, split_key, surname_id
from moksori.protect.scan import variants
from moksori.protect.spans import PiiType

SAME = 0.9  # the source's own form, elsewhere: a little less sure than the source
SHORT = 0.8  # given name alone, other script, a word of a place

HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
ALL_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_ADMIN = re.compile(r"(?:특별자치도|특별자치시|특별시|광역시|노동자구|구역|[도시군구읍면동리])$")
_SEPARATORS = re.compile(r"[\s\-‐]+")

# What may follow a two-syllable form inside the same word: particles, the familiar
# 이, 씨/님, a kinship word ("영철형"), an admin suffix for places. "철수했다" or
# "무산됐다" are ordinary words, so a short form followed by anything else is no name.
_PARTICLES = (
    "",
    "가 이 은 는 을 를 의 도 만 와 과 랑 이랑 하고 한테 한테서 에게 에게서 께 께서 "
    "아 야 여 이여 요 이요 이다 다 였다 이었다 였어요 이었어요 예요 이에요 에요 "
    "라고 이라고 라는 이라는 란 이란 처럼 보다 까지 부터 에 에서 로 으로 쪽 "
    "형 오빠 언니 누나 동생 아버지 어머니 엄마 아빠 삼촌 이모 고모 동무 선생 "
    "형님 누님 아바지 오마니 아바이 아매 할머니 할아버지 할매 할배 아저씨 아줌마 아주마이 동지 "
    "오래비 누이",
)
_TAILS = ("", "는", "도", "요", "만", "서", "에", "의")
_PERSON_BEFORE = ("", "이", "씨", "님", "네", "이네", "씨네")
_PLACE_BEFORE = tuple(" 시 군 도 읍 리 동 구 면 구역 노동자구 사람 사람들".split(" "))


def _endings(before: Iterable[str]) -> frozenset[str]:
    words = [p for chunk in _PARTICLES for p in chunk.split()] + [""]
    return frozenset(b + p + t for b in before for p in words for t in _TAILS)


PERSON_ENDINGS = _endings(_PERSON_BEFORE)
_PLACE_ENDINGS = _endings(_PLACE_BEFORE)


def has_final(syllable: str) -> bool:
    """Whether a hangul syllable ends in a consonant (영철 → 영철이, 순희 → 순희)."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def squash(text: str) -> str:
    """The comparison form of a surface: no spaces or hyphens, casefolded."""
    return _SEPARATORS.sub("", text).casefold()


def ending_ok(form: str, rest: str, type_: PiiType) -> bool:
    """Whether ``rest`` (the word after a form) makes the form a name, not part of a word."""
    if not rest:
        return True
    if type_ == PiiType.PERSON:
        return rest in PERSON_ENDINGS
    return rest in _PLACE_ENDINGS


@dataclass
class Form:
    """One written form to look for, and what a finding of it carries."""

    type: PiiType
    text: str
    confidence: float
    entities: set[int] = field(default_factory=set)
    info: dict[str, Any] = field(default_factory=dict)
    short: bool = False  # a two-syllable hangul form: checked against what follows
    by_key: bool = False  # a name key, matched against romanised words (see person_keys)
    origins: set[str] = field(default_factory=set)  # the source texts it comes from
    confirmed: bool = False  # a reviewer accepted one of its sources

    @property
    def entity(self) -> int | None:
        """The one entity the form stands for; none when two people share it (순희)."""
        return next(iter(self.entities)) if len(self.entities) == 1 else None


# Double surnames that are no everyday word: said alone before a term of address
# ("독고 아바이", "남궁 선생") they still name the one person (사공, 서문, 동방 are words).
_DISTINCT_SURNAMES = frozenset("남궁 황보 제갈 선우 독고".split())


# "제 동생", "애들 아버지": someone's relation said as a phrase, no name to spread.
_OWNER = re.compile(r"^(?:제|내|저희|우리|너희|그|애들|우리\s?집|큰집|저의|나의|니|네)\s?")


def _kin_word(word: str) -> bool:
    """A word of relation or address (동생, 어머니, 언니): every family has one."""
    lex = lexicon()
    return word in lex.roles or word in lex.cues


def person_forms(name: str) -> list[tuple[str, float]]:
    """A person's name and the shorter forms people write, each with its confidence factor.

    Romanisations are not listed: English text is matched by name key instead
    (:func:`person_keys`), which covers "Young-chol", "Yongchol" and "Yeong-cheol" alike.
    A relation taken for a name ("제 동생") has no form: spread, it would hide every
    brother in the project as one person.
    """
    name = " ".join(name.split())
    compact = name.replace(" ", "")
    if _kin_word(compact) or _kin_word(_OWNER.sub("", name).replace(" ", "")):
        return []
    out: list[tuple[str, float]] = [(name, SAME)]
    if ALL_HANGUL.match(compact):
        given = None
        if len(compact) == 4 and surname_id(compact[:2]):
            given = compact[2:]
            if compact[:2] in _DISTINCT_SURNAMES:
                out.append((compact[:2], SHORT))
        elif len(compact) == 3:
            short = variants(compact) - {compact}
            given = next(iter(short), None)
        if given and not _kin_word(given):
            out.append((given, SHORT))
    else:
        out += [(v, SHORT) for v in variants(name) if v != name]
    return out


def person_keys(name: str) -> list[tuple[str, float]]:
    """Name keys a romanised mention is compared by: the full name's, and the given name's."""
    surname, given = split_key(" ".join(name.split()))
    if not given or given.startswith("~"):
        return []
    if surname is None:
        return [(given, SAME if not ALL_HANGUL.match(name) else SHORT)]
    factor = SHORT if ALL_HANGUL.match(name.replace(" ", "")) else SAME
    return [(f"{surname}|{given}", factor), (given, SHORT)]


def place_forms(place: str) -> list[tuple[str, float]]:
    """A place as written, each of its words, each word without its admin suffix, and the
    other names the gazetteer gives the one place a word stands for (무산 → Musan)."""
    place = " ".join(place.split())
    out: list[tuple[str, float]] = [(place, SAME)]
    words = place.split() if ALL_HANGUL.match(place.replace(" ", "")) else [place]
    for word in words:
        if word != place:
            out.append((word, SHORT))
        bare = _ADMIN.sub("", word) if ALL_HANGUL.match(word) else word
        if len(bare) >= 2 and bare != word:
            out.append((bare, SHORT))
        out += [(name, SHORT) for name in gazetteer_names(word)]
    return out


def is_place(text: str) -> bool:
    """Whether the gazetteer knows a written form as a place (not a country)."""
    return any(p.level != "country" for p in gazetteer.candidates(text))


def gazetteer_names(name: str) -> tuple[str, ...]:
    """Every hangul and Latin name of the one place ``name`` denotes; none if ambiguous.

    Countries are left out: no one is found by "중국" or "China".
    """
    found = gazetteer.candidates(name)
    if len(found) != 1 or found[0].level == "country":
        return ()
    p = found[0]
    return tuple(
        n
        for n in (*p.names_ko, *p.names_en)
        if (ALL_HANGUL.match(n.replace(" ", "")) or n.isascii()) and len(squash(n)) >= 2
    )


def _trie(words: Iterable[str]) -> str:
    """One regex for many literal words, as a trie: the longest word wins at each start."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
        return body

    return build(root)


class Matcher:
    """Every form in a text: hangul forms by one trie regex (both types at once), Latin
    forms and romanised names over the capitalised words (:func:`latin_mentions`)."""

    def __init__(self, forms: dict[tuple[str, str], Form]) -> None:
        self.by_text: dict[str, list[Form]] = {}
        self.latin: dict[str, list[Form]] = {}  # squashed Latin form → its forms
        for form in forms.values():
            if form.by_key:
                continue
            if ALL_HANGUL.match(form.text.replace(" ", "")):
                self.by_text.setdefault(form.text, []).append(form)
            else:
                self.latin.setdefault(squash(form.text), []).append(form)
        self.hangul = (
            re.compile(f"(?<![\uac00-\ud7a3]){_trie(self.by_text)}") if self.by_text else None
        )
        self.keys = {k: f for (kind, k), f in forms.items() if kind == "key"}

    def find(self, text: str) -> list[tuple[int, int, Form]]:
        found: list[tuple[int, int, Form]] = []
        if self.hangul is not None:
            for m in self.hangul.finditer(text):
                found += [(m.start(), m.end(), f) for f in self.by_text[m.group()]]
        if self.keys or self.latin:
            found += latin_mentions(text, self.latin, self.keys)
        return found


_CAPITALISED_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’‐-]*(?: [A-Z][A-Za-z'’‐-]*)*")
_WORD = re.compile(r"[^ ]+")


def romanised_mentions(text: str, keys: dict[str, Form]) -> list[tuple[int, int, Form]]:
    """Romanised mentions of known Korean names, by name key (see :func:`latin_mentions`)."""
    return latin_mentions(text, {}, keys)


def latin_mentions(
    text: str, literal: dict[str, list[Form]], keys: dict[str, Form]
) -> list[tuple[int, int, Form]]:
    """Capitalised runs of one to four words that are a known Latin form or name key.

    Literal forms compare squashed ("Grace Park", "Ji-min" = "Jimin"); Korean names
    compare by name key, so "Kim Young-chol", "Youngchol Kim" and "Young-chol" all
    find 김영철. A single word counts by key only when hyphenated or five letters
    long ("Hana" is a word too).
    """
    out: list[tuple[int, int, Form]] = []
    for run in _CAPITALISED_RUN.finditer(text):
        base = run.start()
        words = [(base + m.start(), base + m.end()) for m in _WORD.finditer(run.group())]
        i = 0
        while i < len(words):
            step = 1
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                piece = text[start:end]
                hits = literal.get(squash(piece), [])
                if not hits and n <= 3 and ("-" in piece or len(piece) >= 5 or n > 1):
                    form = keys.get(key_of(piece))
                    hits = [form] if form is not None else []
                if hits:
                    out += [(start, end, f) for f in hits]
                    step = n
                    break
            i += step
    return out


@lru_cache(maxsize=65536)
def key_of(piece: str) -> str:
    """A name key, cached: the same capitalised words recur in every document."""
    return name_key(piece)

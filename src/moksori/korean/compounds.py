"""The parts of compound words, found with Kiwi once per word and cached.

The index holds a compound under its parts as well (:mod:`moksori.korean.terms`), so
that a search for a part finds it: 혜산시 → 혜산, 조선로동당 → 조선, 노동당, 노동 (nouns),
도와주다 → 돕다, 주다 and 찾아가다 → 찾다, 가다 (a verb joined to an auxiliary or a
second verb by ``-아/어``). Kiwi finds the parts when the whole word is blocked from
its dictionary; a verb's split counts only if Kiwi reads it as verb + ``-아/어`` +
verb, so 가르치다 or 보내다 are never cut.

A third kind of key is a one-syllable verb stem before an ending that drops a ㄹ
(사세요, 사셨어요, 사는): Kiwi reads them as 사다 (buy), but they are as often 살다
(live). When Kiwi knows the ㄹ verb, it is indexed beside the reading Kiwi chose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from moksori.korean.orthography import to_south

if TYPE_CHECKING:
    from kiwipiepy import Token

EXTRA_SEPARATOR = "zzzextra"

# Administrative and common noun suffixes: 혜산시 → 혜산, 탈북민 → 탈북.
NOUN_SUFFIXES: frozenset[str] = frozenset("시군도구동리읍면민자인당들원족부")
MIN_PART = 2  # syllables; shorter parts are too ambiguous to index

# Second verbs of ``-아/어`` compounds (주다, 드리다, 가다, 오다, 보다, 내다, 버리다, 두다,
# 놓다, 남다, 받다, 먹다, 치우다); a verb stem ending in one of them may be a compound.
AUX_STEMS: frozenset[str] = frozenset(
    {"주", "드리", "가", "오", "보", "내", "버리", "두", "놓", "남", "받", "먹", "치우"}
)
# Connective endings that join the two verbs (도와+주, 가져다+주).
INFINITIVE_ENDINGS: frozenset[str] = frozenset({"어", "아", "여", "어다", "아다"})
# Vowels an ``-아/어`` form ends in: ㅏ ㅐ ㅒ ㅓ ㅔ ㅕ ㅘ ㅙ ㅝ
# (찾아, 해, 건네, 넘겨, 도와, 돼, 세워).
_INFINITIVE_VOWELS = frozenset({0, 1, 3, 4, 5, 6, 9, 10, 14})
_SYL_FIRST, _SYL_LAST, _N_VOWELS, _N_FINALS = 0xAC00, 0xD7A3, 21, 28
_RIEUL_FINAL = 8

# What a three-syllable common noun may split into.
_NOMINAL = frozenset({"NNG", "NNP", "NR", "XSN", "NNB"})

VERB_KEY = "V:"
RIEUL_KEY = "L:"

_WORD = re.compile(r"[^\W_]+")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_CACHE_MAX = 300_000

# Resolved parts of each key: a noun as written, or VERB_KEY/RIEUL_KEY + a verb stem.
PARTS: dict[str, tuple[str, ...]] = {}


def clean(terms: Iterable[str]) -> tuple[str, ...]:
    """Make every term one lowercase unicode61 token (split on anything else)."""
    out: list[str] = []
    for term in terms:
        for piece in _WORD.findall(term.lower()):
            out.append(piece + "0" if piece == EXTRA_SEPARATOR else piece)
    return tuple(out)


def suffix_part(word: str) -> str | None:
    """혜산시 → 혜산: the word without a known suffix, if ≥ 2 syllables remain."""
    if len(word) > MIN_PART and word[-1] in NOUN_SUFFIXES:
        return word[:-1]
    return None


def noun_parts(word: str) -> list[str]:
    """Canonical form plus suffix-stripped part of one noun (or compound part)."""
    south = to_south(word)
    out = [south]
    stripped = suffix_part(south)
    if stripped is not None:
        out.append(to_south(stripped))
    return out


def _syllable(char: str) -> tuple[int, int] | None:
    """(vowel, final) of a Hangul syllable, None for anything else."""
    code = ord(char)
    if code < _SYL_FIRST or code > _SYL_LAST:
        return None
    rest = (code - _SYL_FIRST) % (_N_VOWELS * _N_FINALS)
    return rest // _N_FINALS, rest % _N_FINALS


def infinitive(surface: str) -> bool:
    """Whether a written verb form can be an ``-아/어`` form (도와, 찾아, 일해, 가져다)."""
    if not surface:
        return False
    if surface.endswith("다") and len(surface) > 1:
        return True
    found = _syllable(surface[-1])
    return found is not None and found[1] == 0 and found[0] in _INFINITIVE_VOWELS


def verb_key(stem: str) -> str | None:
    """The key of a verb stem that may be a compound (도와주, 찾아가), else None."""
    if len(stem) < 2 or not _HANGUL_WORD.fullmatch(stem):
        return None
    for size in (1, 2):
        if len(stem) > size and stem[-size:] in AUX_STEMS and infinitive(stem[:-size]):
            return VERB_KEY + stem
    return None


def rieul_key(stem: str) -> str | None:
    """The key of a one-syllable open stem a dropped ㄹ may hide (사 → 살), else None."""
    if len(stem) != 1 or stem in AUX_STEMS or stem in ("하", "되", "이"):
        return None
    found = _syllable(stem)
    if found is None or found[1] != 0:
        return None
    return RIEUL_KEY + stem


def _with_rieul(stem: str) -> str:
    return chr(ord(stem) + _RIEUL_FINAL)


def resolve(keys: Iterable[str]) -> None:
    """Find the parts of every key not yet in :data:`PARTS` (one Kiwi call per kind)."""
    from moksori.korean import kiwi as _kiwi  # lazy: start-up (kiwipiepy)

    pending = sorted({k for k in keys if k not in PARTS})
    if not pending:
        return
    if len(PARTS) > _CACHE_MAX:
        PARTS.clear()
    nouns = [k for k in pending if not k.startswith((VERB_KEY, RIEUL_KEY))]
    verbs = [k[len(VERB_KEY) :] for k in pending if k.startswith(VERB_KEY)]
    rieuls = [k[len(RIEUL_KEY) :] for k in pending if k.startswith(RIEUL_KEY)]
    # Read in South Korean spelling: Kiwi knows 노인 better than its variant 로인 (로인정).
    souths = [to_south(n) for n in nouns]
    blocklist = [f"{n}/{tag}" for n in {*nouns, *souths} for tag in ("NNG", "NNP")]
    split = _kiwi.tokenize_many_blocked(souths, blocklist)
    prefixed: dict[str, str] = {}  # noun → its first two syllables, to check
    for noun, south, tokens in zip(nouns, souths, split, strict=True):
        if len(noun) == 3 and not _nominal_split(south, tokens):
            PARTS[noun] = ()
            if tokens and tokens[0].tag == "XPN" and _nominal_split(south, tokens[1:]):
                prefixed[noun] = south[:2]  # 노+인정 may be 노인+정 (노인정)
            continue
        parts: list[str] = []
        for tk in tokens:
            if (
                tk.tag in ("NNG", "NNP")
                and len(tk.form) >= MIN_PART
                and tk.form not in (noun, south)
            ):
                parts.extend(noun_parts(tk.form))
        PARTS[noun] = clean(dict.fromkeys(parts))
    heads = list(prefixed.values())
    for noun, tokens in zip(prefixed, _kiwi.tokenize_many(heads), strict=True):
        if len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].form == prefixed[noun]:
            PARTS[noun] = clean(noun_parts(prefixed[noun]))
    blocklist = [f"{v}/{tag}" for v in verbs for tag in ("VV", "VA")]
    texts = [v + "다" for v in verbs]
    for stem, tokens in zip(verbs, _kiwi.tokenize_many_blocked(texts, blocklist), strict=True):
        PARTS[VERB_KEY + stem] = _verb_parts(stem, tokens)
    texts = [_with_rieul(s) + "다" for s in rieuls]
    for stem, tokens in zip(rieuls, _kiwi.tokenize_many(texts), strict=True):
        known = bool(tokens) and tokens[0].tag.startswith("VV") and tokens[0].len == 1
        full = _with_rieul(stem)
        PARTS[RIEUL_KEY + stem] = clean((full + "다",)) if known and tokens[0].form == full else ()


def _nominal_split(word: str, tokens: Sequence[Token]) -> bool:
    """Whether a three-syllable word's split is nouns as written (중+학교, 연락+책, 회사+원),
    not a word misread: 아버+이+지, 어+머니, 노(prefix)+인정, 어머님 → 어머니+ㅁ."""
    return all(
        tk.tag in _NOMINAL and tk.form == word[tk.start : tk.end]
        for tk in tokens
        if tk.start < len(word)
    )


def _verb_parts(stem: str, tokens: Sequence[Token]) -> tuple[str, ...]:
    """돕+어+주 → (돕다, 주다): the two verbs of a split read as verb + ``-아/어`` + verb."""
    body = [tk for tk in tokens if tk.start < len(stem)]
    if len(body) != 3:
        return ()
    first, joint, second = body
    if not (first.tag.startswith(("VV", "VA")) and first.start == 0):
        return ()
    if joint.tag != "EC" or joint.form not in INFINITIVE_ENDINGS:
        return ()
    if not second.tag.startswith(("VV", "VA", "VX")) or second.start + second.len != len(stem):
        return ()
    if not infinitive(stem[: second.start]):
        return ()
    return clean(dict.fromkeys((to_south(first.form + "다"), to_south(second.form + "다"))))

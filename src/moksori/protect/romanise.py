"""Korean names across scripts: romanisations of a hangul name, and one comparison key.

Why: an English interview summary writes "Kim Ji-min" (or "Jimin Kim", or the
North Korean "Kim Jong-un" style) for the person a Korean transcript calls
김지민. Pseudonyms must be the same in both languages, so both spellings need a
common key. Pure functions over ``data/korean_romanised.txt``; no network.

What :func:`name_key` unifies, deliberately loosely (recall over precision):

* script: 김지민 ≡ Kim Ji-min (hangul is romanised by RR first);
* order and separators: Kim Ji-min ≡ Kim Jimin ≡ Jimin Kim ≡ KIM JI MIN;
* surname spellings: Kim/Gim, Lee/Yi/Rhee/Ri (이 ≡ 리), Park/Pak/Bak, Choi/Choe,
  Jung/Jeong/Chung, Lim/Im (임 ≡ 림), Noh/Ro, Yu/Ryu/Yoo (유 ≡ 류) ...;
* given-name spellings: the vowels of 어/오/우/으 (eo, o, u, eu, oo, ŏ, ŭ) fall
  together, as do ee/i and 의/이, g/k, d/t, b/p, j/ch, r/l, sh/s and doubled letters
  (so Young-mi ≡ Yeong-mi ≡ Yong-mi, Chol-su ≡ Cheol-su ≡ Chul-soo, Jong-un ≡ Jeong-eun).

What it does NOT unify, or unifies too much:

* a given name alone keeps a given-name key ("지민", "Ji-min" → one key) that is
  NOT equal to the full-name key: callers link them with :func:`split_key`;
* distinct names that collapse together share a key (민수/민서/민소, 정민/종민,
  은희/운희, 선희/순희); a pseudonym map may merge two such people;
* a two-syllable hangul name is read as a given name (허준 → given "heojun");
  a spaced pair like "Ji Min" whose first part is a surname reads as surname + given;
* vowels a/ae/e/i/ya/ye/wa/wo etc. stay distinct, and no sound changes across
  syllables (RR for names writes each syllable separately);
* non-Korean names get only case, accent and whitespace folding ("~john smith").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "korean_romanised.txt"

_L = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_V = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_T = [""] + "k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_SEP = re.compile(r"[\s\-‐‑·.'’]+")


@dataclass(frozen=True)
class _Data:
    surname_rom: dict[str, tuple[str, ...]]  # hangul → romanisations, canonical first
    rom_to_id: dict[str, str]  # lowercase romanisation → canonical id
    given_hangul: frozenset[str]
    syllables: frozenset[str]  # lowercase romanised given-name syllables


def _sections(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out[current] = []
        else:
            out.setdefault(current, []).append(line)
    return out


@lru_cache(maxsize=1)
def _data() -> _Data:
    sec = _sections(DATA)
    surname_rom: dict[str, tuple[str, ...]] = {}
    rom_to_id: dict[str, str] = {}
    for line in sec["surnames"]:
        hangul, *roms = line.split()
        surname_rom[hangul] = tuple(roms)
        for r in roms:
            rom_to_id.setdefault(r.lower(), roms[0].lower())
    given = frozenset(s for line in sec["given"] for s in line.split())
    syl: set[str] = {s.lower() for line in sec["extra"] for s in line.split()}
    for h in given:
        syl |= {v.lower() for v in _syllable_variants(h)}
    return _Data(surname_rom, rom_to_id, given, frozenset(syl))


def rr_syllable(ch: str) -> str:
    """Revised Romanisation of one hangul syllable, as written in names (no assimilation)."""
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(f"not a hangul syllable: {ch!r}")
    lead = _L[code // 588]
    return ("" if lead == "-" else lead) + _V[(code % 588) // 28] + _T[code % 28]


def _syllable_styles(ch: str) -> tuple[str, str, str, str]:
    """(RR, North-Korean/MR-style, popular, popular with k for g) spellings of a syllable."""
    rr = rr_syllable(ch)
    nk = rr.replace("eo", "o").replace("eu", "u")
    if rr == "yeong":
        pop = "young"
    elif rr == "u":
        pop = "woo"
    elif re.search(r"eo[nmlkpg]", rr):
        pop = rr.replace("yeo", "yu").replace("eo", "u")
    elif re.fullmatch(r"[^aeiouyw]*u[nkm]?", rr):
        pop = rr.replace("u", "oo")
    else:
        pop = rr.replace("hui", "hee")
    kpop = "k" + pop[1:] if rr[:1] == "g" else pop
    return rr, nk, pop, kpop


def _syllable_variants(ch: str) -> list[str]:
    rr, nk, pop, kpop = _syllable_styles(ch)
    extra = ["k" + rr[1:]] if rr[:1] == "g" else []
    return list(dict.fromkeys([rr, nk, pop, kpop, *extra]))


def _given_variants(given: str) -> list[list[str]]:
    per = [_syllable_styles(c) for c in given]
    styles = [tuple(p[i] for p in per) for i in range(4)]
    return [list(s) for s in dict.fromkeys(styles)]


def _split_hangul(name: str) -> tuple[str | None, str]:
    """(surname, given) of a hangul name; two syllables are a given name alone."""
    d = _data()
    if len(name) >= 4 and name[:2] in d.surname_rom:
        return name[:2], name[2:]
    if len(name) >= 3 and name[0] in d.surname_rom:
        return name[0], name[1:]
    return None, name


def romanisations(name: str) -> list[str]:
    """Romanisations of a name that is all hangul; none for anything else (a finding's
    text may hold punctuation or Latin letters: '답:' must not stop a scan)."""
    flat = re.sub(r"\s+", "", name)
    return romanise_name(flat) if _HANGUL.match(flat) else []


def romanise_name(hangul: str) -> list[str]:
    """Common romanisations of a hangul name, RR ("Kim Ji-min") first.

    Given name hyphenated, joined and spaced; surname variants; both orders.
    A name without a known surname is romanised as a given name only.
    """
    name = re.sub(r"\s+", "", hangul)
    if not _HANGUL.match(name):
        raise ValueError(f"not a hangul name: {hangul!r}")
    surname, given = _split_hangul(name)
    givens: list[str] = []
    for syls in _given_variants(given):
        cap = [s.capitalize() for s in syls]
        givens += [
            "-".join([cap[0], *syls[1:]]),
            "".join([cap[0], *syls[1:]]),
            " ".join(cap),
        ]
    givens = list(dict.fromkeys(givens))
    if surname is None:
        return givens
    surnames = _data().surname_rom[surname]
    out = [f"{s} {g}" for s in surnames for g in givens]
    out += [f"{g} {s}" for s in surnames for g in givens]
    return list(dict.fromkeys(out))


def _fold(text: str) -> str:
    """Lowercase ASCII letters only: ŏ → o, ŭ → u, apostrophes and accents dropped."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if "a" <= c.lower() <= "z").lower()


_GIVEN_RULES = [
    (r"ee|ui", "i"),  # hee, 희 hui
    (r"woo|wu", "u"),  # 우
    (r"([a-z])\1", r"\1"),  # soo, kk, ss, jj
    (r"ou|eo|eu", "o"),  # young, ŏ and ŭ folded, 으
    (r"u", "o"),  # Jung/Jeong/Jong, Chul/Cheol/Chol
    (r"sh", "s"),
    (r"j", "ch"),
    (r"c(?!h)", "k"),
    (r"g", "k"),
    (r"d", "t"),
    (r"b", "p"),
    (r"r", "l"),
]


def given_key(given: str) -> str:
    """Key of a given name in any script or spelling (see the module docstring)."""
    text = given.strip()
    if _HANGUL.match(re.sub(r"\s+", "", text)):
        text = "".join(rr_syllable(c) for c in re.sub(r"\s+", "", text))
    key = _fold(text)
    for pattern, repl in _GIVEN_RULES:
        key = re.sub(pattern, repl, key)
    return key


def surname_id(part: str) -> str | None:
    """Canonical id of a surname in hangul or any listed romanisation, else None."""
    d = _data()
    if part in d.surname_rom:
        return d.surname_rom[part][0].lower()
    return d.rom_to_id.get(_fold(part))


def is_korean_given(text: str, max_syllables: int = 3) -> bool:
    """Whether a romanised word (maybe hyphenated or spaced) splits into given-name syllables."""
    parts = [_fold(p) for p in _SEP.split(text) if p]
    if not parts:
        return False
    syl = _data().syllables
    if len(parts) > 1:
        return len(parts) <= max_syllables and all(p in syl for p in parts)
    return 0 < len(segment(parts[0])) <= max_syllables


@lru_cache(maxsize=4096)
def segment(word: str) -> tuple[str, ...]:
    """Fewest given-name syllables that spell ``word`` (lowercase), or () if none do."""
    syl = _data().syllables
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prev = best[i]
        if prev is None:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            if word[i:j] in syl:
                cand = (*prev, word[i:j])
                cur = best[j]
                if cur is None or len(cand) < len(cur):
                    best[j] = cand
    return best[n] or ()


def split_key(name: str) -> tuple[str | None, str]:
    """(surname id or None, given-name key) of a Korean name in hangul or romanised.

    Order is found from the surname list: "Kim Ji-min" and "Ji-min Kim" both work;
    when both ends are surnames the first is taken (Korean order), unless it is
    hyphenated. Non-Korean names give (None, "~" + folded text).
    """
    text = name.strip()
    compact = re.sub(r"\s+", "", text)
    if _HANGUL.match(compact):
        surname, given = _split_hangul(compact)
        return (surname_id(surname) if surname else None), given_key(given)
    parts = [p for p in re.split(r"\s+", text) if p]
    if len(parts) >= 2:
        first, last = parts[0], parts[-1]
        if surname_id(first) and "-" not in first and is_korean_given(" ".join(parts[1:])):
            return surname_id(first), given_key(" ".join(parts[1:]))
        if surname_id(last) and is_korean_given(" ".join(parts[:-1])):
            return surname_id(last), given_key(" ".join(parts[:-1]))
    if is_korean_given(text):
        return None, given_key(text)
    return None, "~" + " ".join(_fold(p) for p in parts)


def name_key(name: str) -> str:
    """One string per person name: "kim|chimin" for 김지민, Kim Ji-min, KIM JI MIN, Gim Jimin."""
    surname, given = split_key(name)
    return f"{surname}|{given}" if surname else given


def romanised_syllables() -> frozenset[str]:
    """Lowercase romanised given-name syllables (detectors use it)."""
    return _data().syllables


def romanised_surnames() -> frozenset[str]:
    """Lowercase romanised surnames (detectors use it)."""
    return frozenset(_data().rom_to_id)


__all__ = [
    "given_key",
    "is_korean_given",
    "name_key",
    "romanisations",
    "romanise_name",
    "romanised_surnames",
    "romanised_syllables",
    "rr_syllable",
    "segment",
    "split_key",
    "surname_id",
]

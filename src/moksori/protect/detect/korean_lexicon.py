"""The word lists Korean names are judged by: surnames, cue and role words, non-persons.

Why a module of its own: the name detector, the speaker labels, the nickname
detector and the learned labeller's features all read the same lists
(protect/data/korean_*.txt), loaded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"


def read_data(name: str) -> list[list[str]]:
    """Rows of a data file: comment lines and blanks skipped, fields split on whitespace."""
    rows: list[list[str]] = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split())
    return rows


@dataclass(frozen=True)
class _Lexicon:
    surnames: frozenset[str]  # common single and all double surnames
    rare_surnames: frozenset[str]  # count only with a proper noun or an honorific
    cues: dict[str, str | None]  # word after a name → implied gender
    roles: dict[str, str | None]  # word before a name → implied gender
    not_person: frozenset[str]  # proper nouns that are places or organisations


@cache
def lexicon() -> _Lexicon:
    common: set[str] = set()
    rare: set[str] = set()
    for row in read_data("korean_surnames.txt"):
        (rare if "rare" in row[1:] else common).add(row[0])
    cues = {r[0]: (r[1] if len(r) > 1 else None) for r in read_data("korean_person_cues.txt")}
    roles = {r[0]: (r[1] if len(r) > 1 else None) for r in read_data("korean_person_roles.txt")}
    not_person = frozenset(w for row in read_data("korean_not_person.txt") for w in row)
    return _Lexicon(frozenset(common), frozenset(rare), cues, roles, not_person)


def surname_len(word: str, *, rare_ok: bool) -> int:
    """Length of the surname ``word`` starts with (2 for 남궁...), or 0."""
    lex = lexicon()
    if len(word) >= 3 and word[:2] in lex.surnames:
        return 2
    if word[:1] in lex.surnames or (rare_ok and word[:1] in lex.rare_surnames):
        return 1
    return 0

"""The index's `impact` column: which rows can reach the top of a BM25 ranking.

BM25 gives a row more for a word it repeats and for being short. Each passage
lists in a third FTS5 column, weighted 0 in ranking, the words it repeats and
a marker when it is short, in two tiers:

- **strict:** a word three or more times; twice in a row of at most 12 tokens;
  the marker `0tiny` on a row of at most 4 tokens;
- **wide:** any repeated word (written with the suffix `0`); the marker
  `0short` on a row of at most 12 tokens.

A match that no tier names for any query word scores at most a bound that
depends only on the index statistics (`Tier.frontier`), so ranking a big match
set scores the named rows first and proves that no other row could beat the
k-th of them (see `store.ranking`). The ranking is the same either way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# FTS5's unicode61 tokens are runs of letters, numbers and private-use
# characters, case-folded; counting the same runs never gives more tokens
# than FTS5 does, so a row we call long is long to bm25() too.
_TOKEN = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff\U000f0000-\U0010fffd])+")


@dataclass(frozen=True)
class Tier:
    suffix: str  # appended to a word this tier names
    marker: str  # names a row of at most max_len[1] tokens
    # repeats → the longest row (in tokens) in which the tier names the word;
    # None: any row. More repeats than the keys: always named.
    max_len: dict[int, int | None]

    def names(self, repeats: int, length: int) -> bool:
        if repeats not in self.max_len:
            return True
        limit = self.max_len[repeats]
        return limit is None or length <= limit

    def frontier(self) -> list[tuple[int, int]]:
        """(repeats, length) at which an unnamed row scores most: BM25 grows with
        repeats and shrinks with length."""
        return [(tf, limit + 1) for tf, limit in self.max_len.items() if limit is not None]


STRICT = Tier(suffix="", marker="0tiny", max_len={1: 4, 2: 12})
WIDE = Tier(suffix="0", marker="0short", max_len={1: 12, 2: None})
TIERS = (STRICT, WIDE)


# The usual terms string: letters and digits in words separated by single spaces.
_PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")


def index_tokens(terms: str) -> list[str]:
    """The tokens FTS5 will see in a terms string (never more than it counts)."""
    if _PLAIN.fullmatch(terms):  # the common case, at C speed (ingest calls this per passage)
        return terms.lower().split(" ")
    return [t.lower() for t in _TOKEN.findall(terms)]


def impact_terms(terms: str) -> str:
    """The impact column for a passage whose index terms are `terms`."""
    tokens = index_tokens(terms)
    length = len(tokens)
    marks: list[str] = []
    for token, n in Counter(tokens).items():
        if n < 2:
            continue
        tier = next(t for t in TIERS if t.names(n, length))
        marks.append(token + tier.suffix)
    marker = next((t.marker for t in TIERS if t.names(1, length)), None)
    if marker:
        marks.append(marker)
    return " ".join(marks)


def tier_clause(tier: Tier, tokens: set[str]) -> str:
    """FTS5 names of the rows a tier (and every stricter one) marks for these tokens."""
    upto = TIERS[: TIERS.index(tier) + 1]
    names = {t.marker for t in upto} | {tok + t.suffix for t in upto for tok in tokens}
    return "impact : (" + " OR ".join(f'"{n}"' for n in sorted(names)) + ")"

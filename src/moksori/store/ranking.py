"""BM25 ranking of a full-text match set: pruned where provably safe, on two cores.

FTS5 scores every matching row (a docsize lookup and a walk of the hit
positions, about 0.8 µs each), so a word found in 100,000 passages costs
~100 ms on one core. Two things cut that without changing the ranking:

- **Pruning.** For a query whose matches must contain every scored phrase,
  first score only the rows the impact column names for its words (short rows
  and rows that repeat a word; see `store.impact`), strict tier first. Every
  other match scores at most a bound computed here from the index statistics.
  If the k-th best named row beats the bound, the named rows' top k is the
  true top k; otherwise the next tier is tried, and then every match is scored.
- **Two connections.** The index is split by rowid into halves, each ranked on
  its own connection and thread (SQLite releases the GIL while it works), and
  the two top lists are merged. BM25's statistics are global in FTS5, so a row
  scores the same in either half and the merge is exact.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlcipher3

from moksori.errors import QueryError
from moksori.store.database import Connection
from moksori.store.impact import TIERS, Tier, index_tokens, tier_clause

# FTS5's bm25() constants, and the column weights: the impact column only
# selects rows, it never adds to a score.
K1 = 1.2
B = 0.75
BM25 = "bm25(segment_fts, 1.0, 1.0, 0.0)"

# Below this many indexed rows the hand-over to a thread costs more than it saves.
PARALLEL_MIN_ROWS = 20_000
# Below this many matches, scoring them all is as cheap as pruning.
PRUNE_MIN_MATCHES = 5_000
# Pruning is tried for one-phrase queries only. With two or more common words
# FTS5 walks every word's full list to weigh it (idf) whatever the pruning,
# and the bound, which must take the fewest possible hits per word, is rarely
# beaten: measured on the 1M-passage benchmark it cost more than it saved.
PRUNE_MAX_PHRASES = 1

_MAX_ROWID = 2**63 - 1
# Two subqueries: SQLite answers a lone min() or max() from the b-tree's edge,
# but scans the whole table for both in one SELECT.
_ROWID_RANGE = (
    "SELECT (SELECT min(id) FROM segment_fts_docsize), (SELECT max(id) FROM segment_fts_docsize)"
)
_RANK = (
    f"SELECT rowid, {BM25} AS score FROM segment_fts "
    "WHERE segment_fts MATCH ? AND rowid >= ? AND rowid < ? "
    "ORDER BY score, rowid LIMIT ?"
)
_COUNT = "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ? AND rowid >= ? AND rowid < ?"

Ranked = list[tuple[int, float]]
T = TypeVar("T")


@dataclass(frozen=True)
class RankQuery:
    """A compiled search, as the ranker needs it."""

    match: str  # the FTS5 expression, without a column filter
    column: str | None  # "terms" to leave out repeated passages
    required_phrases: list[str] | None  # see query.Compiled
    terms: frozenset[str]  # every positive term, for the impact clause

    def expression(self, inner: str) -> str:
        return f"{self.column} : ({inner})" if self.column else inner

    @property
    def full(self) -> str:
        return self.expression(self.match)

    def pruned(self, tier: Tier) -> str:
        tokens = {tok for t in self.terms for tok in index_tokens(t)}
        return f"({self.full}) AND {tier_clause(tier, tokens)}"


def run_query(conn: Connection, sql: str, args: list[Any]) -> list[tuple[Any, ...]]:
    """A full-text query; FTS5 syntax errors become a QueryError the user can act on."""
    try:
        rows: list[tuple[Any, ...]] = conn.execute(sql, args).fetchall()
    except sqlcipher3.OperationalError as exc:
        raise QueryError(f"cannot run this query: {exc}") from None
    return rows


def _count(conn: Connection, match: str, lo: int, hi: int) -> int:
    return int(run_query(conn, _COUNT, [match, lo, hi])[0][0])


def _rank(conn: Connection, match: str, lo: int, hi: int, top: int) -> Ranked:
    return [(int(r[0]), float(r[1])) for r in run_query(conn, _RANK, [match, lo, hi, top])]


def _varints(blob: bytes) -> list[int]:
    """SQLite's big-endian varints, as FTS5 writes its statistics record."""
    out: list[int] = []
    i = 0
    while i < len(blob):
        value = 0
        for j in range(9):
            byte = blob[i]
            i += 1
            if j == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


def index_statistics(conn: Connection) -> tuple[int, float]:
    """Rows in the index and their mean length in tokens, exactly as bm25() uses them."""
    row = conn.execute("SELECT block FROM segment_fts_data WHERE id = 1").fetchone()
    if row is None or not row[0]:
        return 0, 0.0
    numbers = _varints(bytes(row[0]))
    n_rows, tokens = numbers[0], sum(numbers[1:])
    return n_rows, (tokens / n_rows if n_rows else 0.0)


def _idf(n_rows: int, n_hits: int) -> float:
    idf = math.log((n_rows - n_hits + 0.5) / (n_hits + 0.5))
    return idf if idf > 0 else 1e-6


def outside_bound(n_rows: int, avgdl: float, tier: Tier, hits_per_phrase: list[int]) -> float:
    """The best score (as a positive number) of a match the tier does not name.

    Such a row holds no query word more often, or is no shorter, than the
    tier's frontier allows; the bound takes the best frontier point per phrase.
    """
    best = max(
        tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl)) for tf, length in tier.frontier()
    )
    return sum(_idf(n_rows, n) * best for n in hits_per_phrase)


class Ranker:
    """Ranks on the project connection, and on a second read connection for big sets."""

    def __init__(self, conn: Connection, open_reader: Callable[[], Connection] | None) -> None:
        self.conn = conn
        self._open_reader = open_reader
        self._reader: Connection | None = None
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        if self._pool is not None:
            if self._reader is not None:
                self._pool.submit(self._reader.close).result()
            self._pool.shutdown()
            self._pool = self._reader = None

    def count_and_rank(self, q: RankQuery, top: int) -> tuple[int, Ranked]:
        """Total matches and the `top` best (rowid, score), best first."""
        total = sum(self._split(lambda c, lo, hi: _count(c, q.full, lo, hi)))
        if (
            q.required_phrases
            and len(q.required_phrases) <= PRUNE_MAX_PHRASES
            and total >= PRUNE_MIN_MATCHES
        ):
            stats = index_statistics(self.conn)
            for tier in TIERS:
                match = q.pruned(tier)
                ranked = self._top(match, top)
                if self._proven(q, tier, stats, total, top, ranked):
                    return total, ranked
        return total, self._top(q.full, top)

    def _top(self, match: str, top: int) -> Ranked:
        halves = self._split(lambda c, lo, hi: _rank(c, match, lo, hi, top))
        return heapq.nsmallest(top, [r for h in halves for r in h], key=_order)

    def _proven(
        self,
        q: RankQuery,
        tier: Tier,
        stats: tuple[int, float],
        total: int,
        top: int,
        ranked: Ranked,
    ) -> bool:
        """Whether no match the tier leaves out could enter the top `top`."""
        if len(ranked) < min(top, total):
            return False
        phrases = q.required_phrases or []
        kth = -ranked[-1][1] / (1 + 1e-9)  # a margin for floating-point rounding
        # Each phrase is in every match, so it is in at least `total` rows.
        return kth > outside_bound(*stats, tier, [total] * len(phrases))

    def _split(self, job: Callable[[Connection, int, int], T]) -> list[T]:
        """Run a job over the index's lower and upper rowid halves at once."""
        lo, hi = self.conn.execute(_ROWID_RANGE).fetchone()
        # A reader would not see the writes of an open transaction.
        if (
            self._open_reader is None
            or lo is None
            or hi - lo < PARALLEL_MIN_ROWS
            or self.conn.in_transaction
        ):
            return [job(self.conn, 0, _MAX_ROWID)]
        mid = (lo + hi + 1) // 2
        upper = self._submit(lambda c: job(c, mid, _MAX_ROWID))
        return [job(self.conn, 0, mid), upper.result()]

    def _submit(self, job: Callable[[Connection], T]) -> Future[T]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="moksori-rank")

        def run() -> T:
            if self._reader is None:
                assert self._open_reader is not None
                self._reader = self._open_reader()
            return job(self._reader)

        return self._pool.submit(run)


def _order(row: tuple[int, float]) -> tuple[float, int]:
    return (row[1], row[0])

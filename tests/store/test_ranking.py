"""Pruned and two-connection ranking must give exactly FTS5's full BM25 ranking."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from moksori.project import Project
from moksori.store import ranking
from moksori.store.impact import STRICT, WIDE, impact_terms, index_tokens
from moksori.store.ranking import BM25, Ranker, RankQuery, index_statistics

# A Zipf-like vocabulary, so some words are in most rows and some in few.
_VOCAB = [f"w{i}" for i in range(400)] + ["사람", "하다", "고향", "두만강", "ji-min"]


def _random_terms(rng: random.Random) -> str:
    n = rng.choice([3, 5, 8, 11, 12, 13, 16, 20, 25, 30, 45])
    weights = [1 / (i + 1) for i in range(len(_VOCAB))]
    return " ".join(rng.choices(_VOCAB, weights=weights, k=n))


@pytest.fixture
def indexed(project: Project) -> Project:
    """6,000 index rows (a tenth of them repeats) written as the ingest writes them."""
    rng = random.Random(3)
    rows = []
    for rowid in range(1, 6001):
        terms = _random_terms(rng)
        repeat = rng.random() < 0.1
        rows.append((rowid, "" if repeat else terms, terms if repeat else "", impact_terms(terms)))
    project.conn.executemany(
        "INSERT INTO segment_fts(rowid, terms, repeat_terms, impact) VALUES (?, ?, ?, ?)", rows
    )
    return project


def _full(conn: object, q: RankQuery, top: int) -> list[tuple[int, float]]:
    rows = conn.execute(  # type: ignore[attr-defined]
        f"SELECT rowid, {BM25} AS s FROM segment_fts WHERE segment_fts MATCH ? "
        "ORDER BY s, rowid LIMIT ?",
        [q.full, top],
    ).fetchall()
    return [(int(r), float(s)) for r, s in rows]


_QUERIES = [
    (['"w0"'], None),
    (['"w1"', '"w0"'], None),
    (['"w2"', '"w5"', '"w0"'], None),
    (['"사람"'], None),
    (['"w3 w0"'], None),  # a phrase
    (['"ji min"'], None),  # a term FTS5 splits into two tokens
    (None, '"w0" OR "w7"'),  # OR: never pruned
]


@pytest.mark.parametrize("column", ["terms", None])
@pytest.mark.parametrize("phrases, match", _QUERIES)
def test_pruned_parallel_ranking_equals_full_ranking(
    indexed: Project,
    monkeypatch: pytest.MonkeyPatch,
    phrases: list[str] | None,
    match: str | None,
    column: str | None,
    passphrase: str,
) -> None:
    monkeypatch.setattr(ranking, "PRUNE_MIN_MATCHES", 0)
    monkeypatch.setattr(ranking, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(ranking, "PRUNE_MAX_PHRASES", 5)  # the bound holds for any number
    proofs: list[bool] = []
    proven = Ranker._proven

    def spy(self: Ranker, *args: object) -> bool:
        proofs.append(proven(self, *args))  # type: ignore[arg-type]
        return proofs[-1]

    monkeypatch.setattr(Ranker, "_proven", spy)
    conn = indexed.conn
    match = match or " AND ".join(phrases or [])
    terms = frozenset(p.strip('"') for p in phrases or [])
    q = RankQuery(match, column, phrases, terms)
    ranker = Ranker(conn, lambda: Project.open(indexed.path, passphrase).conn)
    try:
        for top in (1, 20, 200):
            expected = _full(conn, q, top)
            total, ranked = ranker.count_and_rank(q, top)
            assert ranked == expected
            assert (
                total
                == conn.execute(
                    "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ?", [q.full]
                ).fetchone()[0]
            )
    finally:
        ranker.close()
    if phrases is None:
        assert proofs == []
    elif len(phrases) == 1:
        # the bound proved the pruned ranking at least once; no proof means full scoring
        assert any(proofs), proofs


def test_index_statistics_are_fts5s(indexed: Project) -> None:
    n_rows, avgdl = index_statistics(indexed.conn)
    sizes = [
        sum(ranking._varints(bytes(sz)))
        for (sz,) in indexed.conn.execute("SELECT sz FROM segment_fts_docsize")
    ]
    assert n_rows == len(sizes) == 6000
    assert avgdl == pytest.approx(sum(sizes) / len(sizes))


def test_impact_names_repeats_and_short_rows() -> None:
    # a short row: its repeat in the strict tier, and the strict row marker
    assert impact_terms("사람 하다 사람") == f"사람 {STRICT.marker}"
    twelve = " ".join(f"w{i}" for i in range(12))
    assert impact_terms(twelve) == WIDE.marker
    long = " ".join(f"w{i}" for i in range(13))
    assert impact_terms(long) == ""
    # twice in a long row: wide tier only; three times: strict
    assert impact_terms(long + " w3") == "w3" + WIDE.suffix
    assert impact_terms(long + " w3 w3") == "w3"
    # case-folded as FTS5 folds it
    assert impact_terms("Kim kim") == f"kim {STRICT.marker}"


def test_token_count_never_exceeds_fts5s(project: Project, tmp_path: Path) -> None:
    """Pruning is safe only if a row we call long is long to FTS5 too."""
    samples = ["ji-min 사람 co-op", "혜산시 혜산 iPhone15", "e-mail n.k. 1990년", "\ue000x"]
    for i, text in enumerate(samples, 1):
        project.conn.execute(
            "INSERT INTO segment_fts(rowid, terms, repeat_terms, impact) VALUES (?, ?, '', '')",
            (i, text),
        )
    for i, text in enumerate(samples, 1):
        (sz,) = project.conn.execute(
            "SELECT sz FROM segment_fts_docsize WHERE id = ?", (i,)
        ).fetchone()
        assert len(index_tokens(text)) <= ranking._varints(bytes(sz))[0], text

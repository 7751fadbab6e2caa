"""Exact cosine search over stored vectors, and the float16 storage round trip."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.errors import MoksoriError
from moksori.semantic.index import VectorError, VectorIndex, from_blobs, to_blob


def unit_rows(n: int, d: int = 64, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def exact(matrix: np.ndarray, ids: list[int], q: np.ndarray, k: int) -> list[int]:
    scores = matrix @ q
    return [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-scores[i], ids[i]))[:k]]


def test_finds_the_same_neighbours_as_a_full_sort() -> None:
    m = unit_rows(500)
    ids = [1000 + 3 * i for i in range(500)]
    index = VectorIndex(ids, m)
    for q in unit_rows(20, seed=1):
        hits = index.search(q, 10)
        assert [i for i, _ in hits] == exact(m, ids, q, 10)
        scores = [s for _, s in hits]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] == pytest.approx(float(np.max(m @ q)), abs=1e-5)


def test_a_stored_vector_finds_itself_first_with_cosine_one() -> None:
    m = unit_rows(200)
    index = VectorIndex(list(range(200)), from_blobs([to_blob(v) for v in m]))
    sid, score = index.search(m[42], 1)[0]
    assert sid == 42
    assert score == pytest.approx(1.0, abs=1e-3)


def test_scores_are_cosines_even_for_unnormalised_input() -> None:
    index = VectorIndex([7, 8], np.array([[3.0, 0.0], [1.0, 1.0]], dtype=np.float32))
    hits = dict(index.search(np.array([0.0, 5.0]), 2))
    assert hits[7] == pytest.approx(0.0, abs=1e-6)
    assert hits[8] == pytest.approx(2**-0.5, abs=1e-6)


def test_allowed_ids_restrict_the_answer_both_sparse_and_dense() -> None:
    m = unit_rows(400)
    ids = list(range(10, 410))
    index = VectorIndex(ids, m)
    q = unit_rows(1, seed=5)[0]
    for allowed in ({11, 50, 399, 99999}, set(range(10, 410, 2))):
        hits = index.search(q, 5, allowed_ids=allowed)
        assert {i for i, _ in hits} <= allowed
        keep = [i for i, sid in enumerate(ids) if sid in allowed]
        assert [i for i, _ in hits] == exact(m[keep], [ids[i] for i in keep], q, 5)
    assert index.search(q, 5, allowed_ids=set()) == []
    assert index.search(q, 5, allowed_ids={123456}) == []


def test_k_larger_than_the_index_and_empty_cases() -> None:
    index = VectorIndex([5, 3, 9], unit_rows(3, d=8))
    assert sorted(i for i, _ in index.search(unit_rows(1, d=8)[0], 10)) == [3, 5, 9]
    assert index.search(unit_rows(1, d=8)[0], 0) == []
    empty = VectorIndex([], from_blobs([]))
    assert len(empty) == 0
    assert empty.search(np.ones(512, dtype=np.float32), 5) == []


def test_a_damaged_row_scores_zero_instead_of_breaking_the_ranking() -> None:
    m = unit_rows(50, d=16)
    m[3] = np.nan
    index = VectorIndex(list(range(50)), m)
    hits = index.search(m[10], 50)
    assert len(hits) == 50 and hits[0][0] == 10
    assert dict(hits)[3] == 0.0


def test_equal_scores_are_ordered_by_id() -> None:
    row = unit_rows(1, d=16)[0]
    index = VectorIndex([30, 10, 20, 40], np.stack([row, row, row, -row]))
    assert [i for i, _ in index.search(row, 2)] == [10, 20]


def test_float16_storage_halves_the_size_and_keeps_the_ranking() -> None:
    m = unit_rows(300, d=512, seed=3)
    blobs = [to_blob(v) for v in m]
    assert {len(b) for b in blobs} == {1024}
    back = from_blobs(blobs)
    assert back.dtype == np.float32 and back.shape == m.shape
    assert float(np.abs(back - m).max()) < 1e-3
    q = unit_rows(1, d=512, seed=4)[0]
    ids = list(range(300))
    assert [i for i, _ in VectorIndex(ids, back).search(q, 20)] == exact(m, ids, q, 20)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-1, 1, width=32), min_size=1, max_size=64))
def test_blob_round_trip_is_within_float16_precision(values: list[float]) -> None:
    v = np.array(values, dtype=np.float32)
    back = from_blobs([to_blob(v)])[0]
    assert back.shape == v.shape
    assert np.allclose(back, v, atol=1e-3)


def test_bad_input_raises_clear_errors() -> None:
    with pytest.raises(VectorError, match="damaged"):
        from_blobs([b"\x00" * 1024, b"\x00" * 1022])
    with pytest.raises(VectorError, match="invalid numbers"):
        to_blob(np.array([0.1, float("nan")]))
    with pytest.raises(VectorError, match="3 ids were given for 2 vectors"):
        VectorIndex([1, 2, 3], unit_rows(2))
    with pytest.raises(VectorError, match="twice"):
        VectorIndex([1, 1], unit_rows(2))
    index = VectorIndex([1, 2], unit_rows(2))
    with pytest.raises(VectorError, match="query vector has 3 numbers"):
        index.search(np.ones(3), 1)
    assert issubclass(VectorError, MoksoriError)

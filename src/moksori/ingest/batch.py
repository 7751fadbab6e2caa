"""Many files through the pipeline, on all cores, one bad file never stopping the rest.

Files are read and analysed in worker processes (Kiwi is CPU-bound and the
GIL would otherwise hold us to one core); results come back in input order
so document ids follow the order the user gave.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from moksori.errors import IngestError
from moksori.ingest.limits import Limits
from moksori.ingest.model import IngestedFile
from moksori.ingest.pipeline import ingest_bytes, ingest_path
from moksori.korean import kiwi


@dataclass
class Job:
    path: Path
    name: str
    size: int
    sha256: str | None = None


Outcome = IngestedFile | IngestError


def collect_files(inputs: Iterable[Path]) -> tuple[list[Job], list[IngestError]]:
    """Expand folders (recursively, skipping hidden entries) into a sorted file list."""
    jobs: list[Job] = []
    errors: list[IngestError] = []
    for item in inputs:
        if item.is_dir():
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    p = Path(root) / f
                    jobs.append(Job(p, str(p.relative_to(item.parent)), _size(p)))
        elif item.is_file():
            jobs.append(Job(item, item.name, _size(item)))
        else:
            errors.append(IngestError(str(item), "no such file or folder"))
    return jobs, errors


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _run_one(path: Path, name: str, limits: Limits) -> Outcome:
    return _outcome(lambda: ingest_path(path, limits, source_name=name), name)


def ingest_upload(data: bytes, name: str, limits: Limits | None = None) -> Outcome:
    """One file that came as bytes (a browser upload): never written to disk."""
    return _outcome(lambda: ingest_bytes(data, name, limits), name)


def _outcome(work: Callable[[], IngestedFile], name: str) -> Outcome:
    """The file, or the error that names it: one bad file never stops the rest."""
    try:
        return work()
    except IngestError as exc:
        return exc
    except MemoryError:
        return IngestError(name, "ran out of memory while reading this file")
    except Exception as exc:  # a reader library failed in a way we did not foresee
        return IngestError(name, f"could not be read ({type(exc).__name__}); file kept out")


def ingest_many(
    jobs: list[Job],
    limits: Limits | None = None,
    workers: int | None = None,
    on_done: Callable[[Job], None] | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    """Yield (job, IngestedFile or IngestError) in input order."""
    limits = limits or Limits()
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            out = _run_one(job.path, job.name, limits)
            if on_done:
                on_done(job)
            yield job, out
        return
    ctx = kiwi.pool_context()
    pending = deque(jobs)
    window: deque[tuple[Job, Future[Outcome]]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=kiwi.init_worker_process
    )
    try:
        while pending or window:
            while pending and len(window) < workers * 2:
                job = pending.popleft()
                window.append((job, pool.submit(_run_one, job.path, job.name, limits)))
            job, fut = window.popleft()
            try:
                out = fut.result()
            except BrokenProcessPool:
                out = IngestError(job.name, "the reader process crashed on this file")
                # the pool is unusable: resubmit what was in flight to a fresh one
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(
                    max_workers=workers, mp_context=ctx, initializer=kiwi.init_worker_process
                )
                pending.extendleft(reversed([j for j, _ in window]))
                window.clear()
            if on_done:
                on_done(job)
            yield job, out
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

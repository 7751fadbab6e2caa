"""Many files through the pipeline, on all cores, one bad file never stopping the rest.

Files are read and analysed in worker processes (Kiwi is CPU-bound and the
GIL would otherwise hold us to one core); results come back in input order
so document ids follow the order the user gave.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path

from moksori.errors import IngestError
from moksori.ingest.limits import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from moksori.ingest.limits import SECONDS_PER_MB as SECONDS_PER_MB
from moksori.ingest.limits import Limits
from moksori.ingest.model import IngestedFile
from moksori.ingest.pipeline import ingest_bytes, ingest_path
from moksori.ingest.regular import NotRegularFile, check_entry, is_system_path, open_regular
from moksori.korean import kiwi
from moksori.pools import kill_workers

MB = 1024 * 1024


@dataclass
class Job:
    path: Path  # never a link: a followed link is replaced by its real target
    name: str
    size: int
    sha256: str | None = None


Outcome = IngestedFile | IngestError


def collect_files(
    inputs: Iterable[Path], *, follow_symlinks: bool = False
) -> tuple[list[Job], list[IngestError]]:
    """Expand folders (recursively, skipping hidden entries) into a sorted file list.

    Only regular files become jobs; pipes, devices, sockets and (unless
    ``follow_symlinks``) symbolic links become one error each, naming the entry
    (see :mod:`moksori.ingest.regular`).
    """
    jobs: list[Job] = []
    errors: list[IngestError] = []
    for item in inputs:
        try:
            st = os.lstat(item)
        except OSError:
            errors.append(IngestError(str(item), "no such file or folder"))
            continue
        try:
            if _is_folder(item, st.st_mode, follow_symlinks):
                _walk(item, follow_symlinks, jobs, errors)
                continue
            entry = check_entry(item, str(item), follow_symlinks=follow_symlinks)
        except IngestError as exc:
            errors.append(exc)
            continue
        jobs.append(Job(entry.path, item.name, entry.size))
    return jobs, errors


def _is_folder(item: Path, mode: int, follow: bool) -> bool:
    """A folder to walk: a real one, or with ``follow`` a link to one; never /dev, /proc, /sys."""
    if stat.S_ISLNK(mode) and follow:
        if not item.is_dir():
            return False
    elif not stat.S_ISDIR(mode):
        return False
    if is_system_path(os.path.realpath(item)):
        raise NotRegularFile(str(item), "a system folder (/dev, /proc, /sys); skipped")
    return True


def _walk(top: Path, follow: bool, jobs: list[Job], errors: list[IngestError]) -> None:
    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename or top)
        errors.append(IngestError(_display(where, top), "cannot read folder; skipped"))

    for root, dirs, files in os.walk(top, onerror=unreadable):
        here = Path(root)
        visible = sorted(d for d in dirs if not d.startswith("."))
        dirs[:] = [d for d in visible if not (here / d).is_symlink()]
        for d in visible:
            if (here / d).is_symlink():  # os.walk would not descend; say so
                errors.append(
                    NotRegularFile(
                        _display(here / d, top), "a link to a folder, not followed; skipped"
                    )
                )
        for f in sorted(files):
            if f.startswith("."):
                continue
            name = _display(here / f, top)
            try:
                entry = check_entry(here / f, name, follow_symlinks=follow)
            except IngestError as exc:
                errors.append(exc)
                continue
            jobs.append(Job(entry.path, name, entry.size))


def _display(path: Path, top: Path) -> str:
    """A file's name as the user sees it: relative to the folder above the one added."""
    try:
        return str(path.relative_to(top.parent))
    except ValueError:
        return str(path)


def file_sha256(path: Path) -> str:
    """SHA-256 of a regular file (anything else raises OSError, as a vanished file does)."""
    try:
        fd = open_regular(path, str(path))
    except IngestError as exc:
        raise OSError(errno.EINVAL, exc.reason) from None
    h = hashlib.sha256()
    with os.fdopen(fd, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def time_limit(size: int, timeout: float) -> float:
    """Seconds a file of ``size`` bytes may take: ``timeout`` plus SECONDS_PER_MB per MB."""
    return timeout + SECONDS_PER_MB * size / MB


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
    timeout: float | None = None,
) -> Iterator[tuple[Job, Outcome]]:
    """Yield (job, IngestedFile or IngestError) in input order.

    With a ``timeout`` every file is read in a worker process, and one that takes
    longer than :func:`time_limit` becomes an error: its worker is killed (no
    thread can be stopped from outside) and the others go on in a fresh pool.
    Without one, one worker or one file means reading here, in this process.
    """
    limits = limits or Limits()
    workers = workers or os.cpu_count() or 1
    if timeout is None and (workers <= 1 or len(jobs) <= 1):
        for job in jobs:
            out = _run_one(job.path, job.name, limits)
            if on_done:
                on_done(job)
            yield job, out
        return
    if not jobs:
        return
    workers = min(workers, len(jobs))
    ctx = kiwi.pool_context()
    pending = deque(jobs)
    window: deque[tuple[Job, Future[Outcome]]] = deque()
    pool = _pool(ctx, workers)
    finished = False
    try:
        while pending or window:
            while pending and len(window) < workers * 2:
                job = pending.popleft()
                window.append((job, pool.submit(_run_one, job.path, job.name, limits)))
            job, fut = window.popleft()
            # The head of the window is running (every job sent before it is done), so
            # a file gets at least its limit, counted from when it reaches the head.
            limit = None if timeout is None else time_limit(job.size, timeout)
            try:
                out = fut.result(timeout=limit)
            except TimeoutError:
                out = IngestError(job.name, f"took longer than {limit:.0f} s to read; skipped")
                pool = _restart(pool, ctx, workers, window, limits)
            except BrokenProcessPool:
                out = IngestError(job.name, "the reader process crashed on this file")
                pool = _restart(pool, ctx, workers, window, limits)
            if on_done:
                on_done(job)
            yield job, out
        finished = True
    finally:
        if not finished:  # interrupted, or the caller stopped: nothing may keep reading
            kill_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=True)


def _pool(ctx: BaseContext, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=kiwi.init_worker_process
    )


def _restart(
    pool: ProcessPoolExecutor,
    ctx: BaseContext,
    workers: int,
    window: deque[tuple[Job, Future[Outcome]]],
    limits: Limits,
) -> ProcessPoolExecutor:
    """Kill a stuck or broken pool; files it finished are kept, the rest start again."""
    kill_workers(pool)
    pool.shutdown(wait=False, cancel_futures=True)  # never wait on a stuck worker
    fresh = _pool(ctx, workers)
    for i, (job, fut) in enumerate(window):
        if not (fut.done() and not fut.cancelled() and fut.exception() is None):
            window[i] = (job, fresh.submit(_run_one, job.path, job.name, limits))
    return fresh

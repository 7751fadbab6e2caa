"""Peak resident memory of this process and of every process it started.

``getrusage(RUSAGE_CHILDREN)`` misses ingest workers: they are children of
multiprocessing's fork server, not of us, and are never waited for. So a
thread samples /proc (Linux) for the whole process tree instead.
"""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum of RSS of root's descendants, largest single descendant RSS) in KiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(statm[1]) * PAGE_KB
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    total = largest = 0
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, []))
    return total, largest


class PeakMemory:
    """Context manager sampling the process tree every ``interval`` seconds."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.children_total_kb = 0
        self.largest_child_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            if Path("/proc/self/stat").exists():
                total, largest = _tree_rss_kb(os.getpid())
                self.children_total_kb = max(self.children_total_kb, total)
                self.largest_child_kb = max(self.largest_child_kb, largest)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def report(self) -> dict[str, float]:
        main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {
            "main_mb": round(main_kb / 1024, 1),
            "largest_worker_mb": round(self.largest_child_kb / 1024, 1),
            "workers_total_mb": round(self.children_total_kb / 1024, 1),
            "all_processes_mb": round((main_kb + self.children_total_kb) / 1024, 1),
        }

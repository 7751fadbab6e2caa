"""Imported by the pools' fork server, never by hand (see :mod:`moksori.pools`).

The fork server already exits when the process that started it dies (its "alive"
pipe reaches end of file); when it was started from that process's main thread it
also asks Linux to kill it then, and it records its pid so each worker can check
it was not orphaned before asking the same.
"""

from __future__ import annotations

import os

from moksori.pools import PARENT_VARIABLE, die_with_parent, scrub_environment

server_pid: int | None = None


def _start() -> None:
    global server_pid
    parent = os.environ.pop(PARENT_VARIABLE, None)
    scrub_environment()
    if parent is not None:
        die_with_parent()
        if os.getppid() != int(parent):  # the parent died before prctl took effect
            os._exit(1)
    server_pid = os.getpid()


_start()

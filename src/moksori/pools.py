"""Worker processes that never hold a passphrase and die with the process that made them.

Every pool (ingest, import, de-identification scan, embedding) forks its workers
from multiprocessing's fork server. Two leaks follow from its defaults:

* the fork server (and multiprocessing's resource tracker) are ``exec``'d with the
  parent's environment, and ``/proc/PID/environ`` shows that environment for the
  life of the process, whatever ``os.environ`` says later; so they are started
  here, once, with every ``MOKSORI_*PASSPHRASE``/``*PASSWORD`` variable left out;
* a worker outlives a parent killed with ``kill -9`` (holding testimony in memory);
  so the fork server exits when its parent dies (its "alive" pipe, and on Linux
  ``PR_SET_PDEATHSIG``) and every worker asks the kernel to kill it when the fork
  server goes (:func:`init_worker`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver, get_context
from multiprocessing.context import ForkServerContext

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# The fork server reads this to know which process it must die with (see pool_server).
PARENT_VARIABLE = "MOKSORI_POOL_PARENT"
SERVER_PRELOAD = "moksori.pool_server"

_start_lock = threading.Lock()


def is_secret_variable(name: str) -> bool:
    """MOKSORI_PASSPHRASE, MOKSORI_VAULT_PASSPHRASE, MOKSORI_USER_PASSWORD and kin."""
    upper = name.upper()
    return upper.startswith("MOKSORI_") and ("PASSPHRASE" in upper or "PASSWORD" in upper)


def scrub_environment() -> None:
    """Remove every secret variable from this process's ``os.environ``."""
    for name in [n for n in os.environ if is_secret_variable(n)]:
        os.environ.pop(name, None)


def die_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent thread exits (no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return False


def context(preload: Sequence[str] = ()) -> ForkServerContext:
    """The fork-server context of a pool, its server started with a clean environment.

    ``preload`` modules are imported once in the server, so its children share them
    (Kiwi, see :func:`moksori.korean.kiwi.pool_context`). The server is one per
    process: the first pool decides what it preloads.
    """
    ctx = get_context("forkserver")
    ctx.set_forkserver_preload([SERVER_PRELOAD, *preload])
    with _start_lock:
        saved = {n: os.environ[n] for n in list(os.environ) if is_secret_variable(n)}
        for name in saved:
            del os.environ[name]
        main_thread = threading.current_thread() is threading.main_thread()
        if main_thread:
            os.environ[PARENT_VARIABLE] = str(os.getpid())
        try:
            forkserver.ensure_running()  # also starts the resource tracker
        finally:
            os.environ.pop(PARENT_VARIABLE, None)
            os.environ.update(saved)
    return ctx


def init_worker() -> None:
    """Initialiser of every pool's worker: die with the fork server, hold no secret.

    PR_SET_PDEATHSIG fires when the parent dies; if the fork server died between
    this worker's fork and now, the signal was missed, so check the parent again.
    """
    die_with_parent()
    # set in the fork server by its preload, inherited by the fork; None elsewhere
    server = getattr(sys.modules.get(SERVER_PRELOAD), "server_pid", None)
    if server is not None and os.getppid() != server:
        os._exit(1)
    scrub_environment()


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL every worker of ``pool`` (one is stuck, or we are going away)."""
    processes = getattr(pool, "_processes", None) or {}
    for pid in list(processes):
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

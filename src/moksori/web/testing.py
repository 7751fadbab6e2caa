"""Serve an app on a free loopback port from a background thread.

The browser tests and the load test need a real HTTP server (a browser cannot
talk to an in-process TestClient), but not a second process to start, find and
kill. This runs uvicorn's ``Server`` in a daemon thread on a socket bound to
127.0.0.1 with a port the kernel picks, so tests never collide on a port and
nothing listens beyond this machine.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

LOOPBACK = ("127.0.0.1", "::1")


def loopback_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening-ready socket on loopback only; port 0 lets the kernel choose."""
    if host not in LOOPBACK:
        raise ValueError(f"test servers listen on loopback only, not {host!r}")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=TCP: asyncio sets TCP_NODELAY on accepted sockets only when it sees it;
    # without it, Nagle + delayed ACK add 40 ms to every response (headers and
    # body are two writes). The listening socket's NODELAY is inherited too.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextlib.contextmanager
def serve_in_thread(
    app: Any, *, host: str = "127.0.0.1", port: int = 0, start_timeout: float = 30.0
) -> Iterator[str]:
    """Run ``app`` until the block ends; yields its base URL (``http://127.0.0.1:PORT``).

    The app's lifespan runs (startup and shutdown), as under ``moksori serve``.
    """
    sock = loopback_socket(host, port)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="moksori-test-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + start_timeout
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the test server stopped while starting (see its log)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the test server did not start within {start_timeout} s")
            time.sleep(0.02)
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=start_timeout)
        sock.close()

#!/usr/bin/env python3
"""Web hardening benchmark (issue 14, items 7 and 8): memory under hostile bodies and
the login brake under parallel guessing, against the real server.

    python benchmarks/web_hardening.py [--parallel 10] [--mb 190] [--guesses 40]

``moksori serve`` runs as a child process on 127.0.0.1. Bodies: ``--parallel``
clients at once each send ``--mb`` MB to ``/login`` (announced by Content-Length,
then chunked), and unauthenticated to ``/upload`` and ``/api/codings`` (chunked).
The server's resident memory is read from /proc before and its peak (VmHWM) after
each round. Then ``--guesses`` wrong passwords for one account are sent at once:
how many were answered 401 (checked) and how many 429 (refused before the check).

Prints a table and saves benchmarks/results/web_hardening.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(REPO / "src"))

import httpx2  # noqa: E402

PASSPHRASE = "benchmark passphrase (fictional corpus)"
OWNER = ("Bench Owner", "bench owner password")
CHUNK = 1024 * 1024


def _memory_kib(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(path: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, MOKSORI_PASSPHRASE=PASSPHRASE)
    proc = subprocess.Popen(
        [sys.executable, "-m", "moksori", "serve", str(path), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx2.get(f"http://127.0.0.1:{port}/login", timeout=2)
            return proc
        except httpx2.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def _body(mb: int, sent: list[int]) -> Iterator[bytes]:
    block = b"x" * CHUNK
    for _ in range(mb):
        sent[0] += CHUNK
        yield block


def _hostile(base: str, path: str, mb: int, announce: bool) -> tuple[str, int, float]:
    """One oversized POST: (outcome, bytes the client managed to hand over, seconds)."""
    sent = [0]
    headers = {"content-type": "application/x-www-form-urlencoded", "accept": "application/json"}
    if announce:
        headers["content-length"] = str(mb * CHUNK)
    t0 = time.perf_counter()
    try:
        r = httpx2.post(base + path, content=_body(mb, sent), headers=headers, timeout=120)
        outcome = str(r.status_code)
    except httpx2.TransportError:
        outcome = "closed"  # the server answered and hung up while the client still wrote
    return outcome, sent[0], time.perf_counter() - t0


def _round(pid: int, base: str, path: str, mb: int, n: int, announce: bool) -> dict[str, Any]:
    before = _memory_kib(pid)["VmRSS"]
    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(lambda _: _hostile(base, path, mb, announce), range(n)))
    after = _memory_kib(pid)
    return {
        "path": path,
        "body": "content-length" if announce else "chunked",
        "clients": n,
        "mb_each": mb,
        "outcomes": dict(Counter(r[0] for r in results)),
        "client_sent_mb_max": round(max(r[1] for r in results) / CHUNK, 1),
        "seconds_max": round(max(r[2] for r in results), 2),
        "rss_before_mb": round(before / 1024, 1),
        "rss_after_mb": round(after["VmRSS"] / 1024, 1),
        "rss_peak_mb": round(after["VmHWM"] / 1024, 1),
    }


def _guesses(base: str, n: int) -> dict[str, Any]:
    with httpx2.Client(base_url=base) as client:
        token = re.search(r'name="login_csrf" value="([^"]+)"', client.get("/login").text)
        assert token

        def guess(i: int) -> int:
            data = {"name": OWNER[0], "password": f"wrong {i}", "login_csrf": token.group(1)}
            return client.post("/login", data=data).status_code

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=n) as pool:
            statuses = Counter(pool.map(guess, range(n)))
        elapsed = time.perf_counter() - t0
        right = {"name": OWNER[0], "password": OWNER[1], "login_csrf": token.group(1)}
        after = client.post("/login", data=right).status_code
    return {
        "guesses": n,
        "checked_401": statuses.get(401, 0),
        "refused_429": statuses.get(429, 0),
        "other": {k: v for k, v in statuses.items() if k not in (401, 429)},
        "right_password_then": after,
        "seconds": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parallel", type=int, default=10)
    parser.add_argument("--mb", type=int, default=190)
    parser.add_argument("--guesses", type=int, default=40)
    args = parser.parse_args()

    from moksori.access.users import Users
    from moksori.project import Project

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.moksori"
        with Project.create(path, PASSPHRASE) as p:
            Users(p.conn).add(*OWNER, "owner")
        port = _free_port()
        proc = _start(path, port)
        base = f"http://127.0.0.1:{port}"
        try:
            rounds = [
                _round(proc.pid, base, "/login", args.mb, args.parallel, announce=True),
                _round(proc.pid, base, "/login", args.mb, args.parallel, announce=False),
                _round(proc.pid, base, "/upload", args.mb, args.parallel, announce=False),
                _round(proc.pid, base, "/api/codings", args.mb, args.parallel, announce=False),
            ]
            brake = _guesses(base, args.guesses)
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    print(f"{'round':34} {'outcomes':22} {'sent≤MB':>8} {'s≤':>6} {'RSS MB':>8} {'peak':>7}")
    for r in rounds:
        label = f"{r['clients']}× {r['mb_each']} MB {r['path']} ({r['body']})"
        print(
            f"{label:34} {json.dumps(r['outcomes']):22} {r['client_sent_mb_max']:>8} "
            f"{r['seconds_max']:>6} {r['rss_after_mb']:>8} {r['rss_peak_mb']:>7}"
        )
    print(
        f"{brake['guesses']} parallel wrong passwords: {brake['checked_401']} checked (401), "
        f"{brake['refused_429']} refused (429), other {brake['other']}; "
        f"right password afterwards: {brake['right_password_then']}"
    )
    RESULTS.mkdir(exist_ok=True)
    out = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "bodies": rounds,
        "login_brake": brake,
    }
    (RESULTS / "web_hardening.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()

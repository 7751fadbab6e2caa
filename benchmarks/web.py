#!/usr/bin/env python3
"""Web workspace benchmarks (issue 7): the render benchmark and the load test.

    python benchmarks/web.py                      # both (render, then a 60 s load test)
    python benchmarks/web.py render --runs 30     # one long document page, in process
    python benchmarks/web.py load --seconds 60 --coders 20 [--think-ms 1000]
    python benchmarks/web.py load --think-ms 0    # back to back: the server's ceiling
    python benchmarks/web.py viewer --sizes 5,50,400  # viewer search over the redacted index

render: a generated 20,000-word interview (Korean turns, English translation
turns, emoji) with 500 codings; ``GET /documents/{id}`` (and its JSON,
``GET /api/documents/{id}``) through an in-process TestClient, so the time is
the server's own work: median and p95 over ``--runs``; target < 300 ms.

load: the real app under uvicorn on 127.0.0.1 (a child process, so the
clients' threads do not share the server's GIL) on a generated project;
``--coders`` threads, each an ``httpx2.Client`` logged in through the real
login form, for ``--seconds``, mix page reads (``/documents``,
``/documents/{id}``), codings (``POST /api/codings`` with the CSRF header) and
searches (``/api/search``), each coder pausing ``--think-ms`` on average between
requests (uniform 0..2x; 0 sends back to back, which measures the server's
ceiling rather than people). Per kind: count, errors, p50/p95/max. Afterwards
the project is opened again: every coding answered 201 must be there, and no
other. Target p95 < 200 ms for page loads and coding writes.

Everything is generated here (fictional text, seeded). Prints a table and
saves benchmarks/results/web.json (keys render, load, load_no_think: each run
updates its own).
Projects are cached in benchmarks/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
RESULTS = HERE / "results"
sys.path.insert(0, str(REPO / "src"))

from web_study import (  # noqa: E402 - after the path is set
    CODES,
    OWNER,
    PASSPHRASE,
    SEARCHES,
    build_project,
    cached,
    coder_account,
    form_login,
    interview_text,
    passages_of,
    summary,
    working_copy,
)

RENDER_TARGET_MS = 300.0
LOAD_TARGET_MS = 200.0  # p95, page loads and coding writes


# --- render benchmark ---------------------------------------------------------------
def run_render(words: int, codings: int, runs: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from moksori.project import Project
    from moksori.web.app import WebSettings, create_app

    def build(path: Path) -> None:
        build_project(path, {"long-interview.ko.txt": interview_text(words, 1)}, 0, codings, 2)

    template = cached(f"web-render-{words}w-{codings}c-v1.moksori", build)
    with Project.open(template, PASSPHRASE) as project:
        (doc_id,) = project.conn.execute("SELECT id FROM document").fetchone()
        text = project.document(doc_id).text
        stored = project.conn.execute(
            "SELECT count(*) FROM coding WHERE document_id = ?", (doc_id,)
        ).fetchone()[0]
        app = create_app(project, WebSettings())
        result: dict[str, Any] = {
            "document": {
                "words": len(text.split()),
                "characters": len(text),
                "codings": stored,
            },
            "runs": runs,
            "target_ms": RENDER_TARGET_MS,
        }
        with TestClient(app, base_url="http://testserver") as client:
            form_login(client, *OWNER)
            for label, url, accept in (
                ("page", f"/documents/{doc_id}", "text/html"),
                ("json", f"/api/documents/{doc_id}", "application/json"),
            ):
                times: list[float] = []
                status, size = 0, 0
                for i in range(runs + 2):  # two warm-up requests
                    t0 = time.perf_counter()
                    response = client.get(url, headers={"accept": accept})
                    elapsed = (time.perf_counter() - t0) * 1000
                    status, size = response.status_code, len(response.content)
                    if status != 200:
                        break
                    if i >= 2:
                        times.append(elapsed)
                entry: dict[str, Any] = {"url": url, "status": status, "bytes": size}
                if status == 200:
                    entry |= summary(times) | {"mean_ms": round(statistics.mean(times), 1)}
                    # the page really carries every coding (not an empty or cut view)
                    entry["codings_shown"] = (
                        len(response.json()["codings"])
                        if label == "json"
                        else len(re.findall(r' id="coding-\d', response.text))
                    )
                result[label] = entry
    return result


def print_render(r: dict[str, Any]) -> None:
    d = r["document"]
    rows = [
        ("document", f"{d['words']:,} words, {d['characters']:,} chars, {d['codings']} codings")
    ]
    for label in ("page", "json"):
        e = r[label]
        if e["status"] != 200:
            rows.append((f"GET {e['url']}", f"HTTP {e['status']} (route missing or failing)"))
            continue
        verdict = "met" if e["p50_ms"] < r["target_ms"] else "NOT met"
        rows.append(
            (
                f"GET {e['url']}",
                f"median {e['p50_ms']} ms, p95 {e['p95_ms']} ms, max {e['max_ms']} ms "
                f"({e['bytes'] / 1e6:.2f} MB, {e['codings_shown']} codings; "
                f"target < {r['target_ms']:.0f} ms: {verdict})",
            )
        )
    _table(f"render benchmark ({r['runs']} runs, in process)", rows)


# --- load test ----------------------------------------------------------------------
KINDS = ("documents", "document", "coding", "search")
MIX = (("documents", 0.15), ("document", 0.35), ("coding", 0.30), ("search", 0.20))
TARGETED = ("documents", "document", "coding")


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    coding_ids: list[int] = field(default_factory=list)
    login_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str | None, coding_id: int | None = None) -> None:
        with self.lock:
            self.times[kind].append(ms)
            if error:
                self.errors[kind].append(error)
            if coding_id is not None:
                self.coding_ids.append(coding_id)


@dataclass
class Target:
    """What a simulated coder may code: a document's passages in UTF-16 offsets."""

    doc_id: int
    passages: list[tuple[int, int, int, int]]  # start, end (code points), start16, end16
    to16: Any


def load_targets(project: Any) -> list[Target]:
    from moksori.web.offsets import Utf16Map

    targets = []
    for doc_id, passages in passages_of(project).items():
        utf16 = Utf16Map(project.document(doc_id).text)
        rows = [(s, e, utf16.to_utf16(s), utf16.to_utf16(e)) for s, e in passages]
        targets.append(Target(doc_id, rows, utf16.to_utf16))
    return targets


HTML = {"accept": "text/html"}
JSON = {"accept": "application/json"}


def _pick(rng: random.Random) -> str:
    r = rng.random()
    for kind, weight in MIX:
        if r < weight:
            return kind
        r -= weight
    return MIX[-1][0]


def _one(
    client: Any, kind: str, rng: random.Random, targets: list[Target], csrf: str
) -> tuple[str | None, int | None]:
    """One request of ``kind``: (error or None, id of a created coding)."""
    expected, coding_id = 200, None
    if kind == "documents":
        response = client.get("/documents", headers=HTML)
    elif kind == "document":
        response = client.get(f"/documents/{rng.choice(targets).doc_id}", headers=HTML)
    elif kind == "search":
        response = client.get("/api/search", params={"q": rng.choice(SEARCHES)}, headers=JSON)
    else:
        expected = 201
        target = rng.choice(targets)
        start, end, _, _ = rng.choice(target.passages)
        a = rng.randint(start, end - 1)
        b = rng.randint(a + 1, end)
        body = {
            "document_id": target.doc_id,
            "code": rng.choice(CODES),
            "start16": target.to16(a),
            "end16": target.to16(b),
        }
        response = client.post("/api/codings", json=body, headers={**JSON, "X-CSRF-Token": csrf})
        if response.status_code == 201:
            coding_id = int(response.json()["id"])
    if response.status_code != expected:
        return f"HTTP {response.status_code}: {response.text[:160]}", None
    return None, coding_id


def _coder(
    i: int,
    url: str,
    targets: list[Target],
    tally: Tally,
    ready: threading.Barrier,
    stop: list[float],
    think_ms: float,
    logins: list[float],
) -> None:
    import httpx2

    rng = random.Random(f"moksori-web-load:{i}")
    with httpx2.Client(base_url=url, timeout=60.0) as client:
        t0 = time.perf_counter()
        csrf = ""
        try:
            csrf = form_login(client, *coder_account(i))
        except Exception as exc:
            with tally.lock:
                tally.login_errors.append(f"{type(exc).__name__}: {exc}")
        logins.append((time.perf_counter() - t0) * 1000)
        ready.wait()  # everyone starts together (a failed login still releases the rest)
        if not csrf:
            return
        while time.monotonic() < stop[0]:
            kind = _pick(rng)
            t0 = time.perf_counter()
            try:
                error, coding_id = _one(client, kind, rng, targets, csrf)
            except Exception as exc:  # a dropped connection or a timeout is an error too
                error, coding_id = f"{type(exc).__name__}: {exc}", None
            tally.add(kind, (time.perf_counter() - t0) * 1000, error, coding_id)
            if think_ms:
                time.sleep(rng.uniform(0, 2 * think_ms) / 1000)


def _warm_up(url: str) -> float:
    """The first search loads Kiwi (seconds); it happens once per server, not per
    coder, so it is timed here and kept out of the measured minute."""
    import httpx2

    with httpx2.Client(base_url=url, timeout=120.0) as client:
        form_login(client, *OWNER)
        t0 = time.perf_counter()
        response = client.get("/api/search", params={"q": SEARCHES[0]}, headers=JSON)
        response.raise_for_status()
        return (time.perf_counter() - t0) * 1000


@contextlib.contextmanager
def served(path: Path, threads: int) -> Iterator[str]:
    """The app in a child process on 127.0.0.1; stops when its stdin closes."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "serve", str(path)]
    cmd += ["--threads", str(threads)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin and proc.stdout
    try:
        url = proc.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the server did not start (said {url!r})")
        yield url
    finally:
        proc.stdin.close()
        proc.wait(timeout=120)


def serve(path: Path, threads: int) -> None:
    """Child process of the load test: serve until stdin closes."""
    from moksori.project import Project
    from moksori.web.app import WebSettings, create_app
    from moksori.web.testing import serve_in_thread

    with Project.open(path, PASSPHRASE) as project:
        app = create_app(project, WebSettings(threads=threads))
        with serve_in_thread(app) as url:
            print(url, flush=True)
            sys.stdin.read()


def run_load(
    coders: int, seconds: float, documents: int, words: int, think_ms: float, threads: int
) -> dict[str, Any]:
    from moksori.project import Project

    def build(path: Path) -> None:
        docs = {
            f"interview-{i:02d}.ko.txt": interview_text(words, 100 + i) for i in range(documents)
        }
        build_project(path, docs, accounts, 30, 3)

    accounts = max(coders, 20)  # one cached project serves every run of up to 20 coders
    template = cached(f"web-load-{documents}d-{words}w-{accounts}c-v1.moksori", build)
    path = working_copy(template, "web-load-run.moksori")
    with Project.open(path, PASSPHRASE) as project:
        targets = load_targets(project)
    tally = Tally()
    logins: list[float] = []
    ready = threading.Barrier(coders + 1)
    stop = [float("inf")]
    with served(path, threads) as url:
        cold_search_ms = _warm_up(url)
        workers = [
            threading.Thread(
                target=_coder, args=(i, url, targets, tally, ready, stop, think_ms, logins)
            )
            for i in range(coders)
        ]
        for w in workers:
            w.start()
        ready.wait()
        started = time.monotonic()
        stop[0] = started + seconds
        for w in workers:
            w.join()
        elapsed = time.monotonic() - started
    ids = set(tally.coding_ids)
    names = [coder_account(i)[0] for i in range(coders)]
    with Project.open(path, PASSPHRASE) as project:
        found: set[int] = set()
        id_list = sorted(ids)
        for k in range(0, len(id_list), 500):
            chunk = id_list[k : k + 500]
            marks = ",".join("?" * len(chunk))
            found |= {
                r[0]
                for r in project.conn.execute(f"SELECT id FROM coding WHERE id IN ({marks})", chunk)
            }
        marks = ",".join("?" * len(names))
        stored = project.conn.execute(
            f"SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id "
            f"WHERE k.name IN ({marks})",
            names,
        ).fetchone()[0]
    kinds: dict[str, dict[str, Any]] = {
        k: {
            "count": len(tally.times[k]),
            "errors": len(tally.errors[k]),
            **summary(tally.times[k]),
            **({"first_errors": tally.errors[k][:3]} if tally.errors[k] else {}),
        }
        for k in KINDS
    }
    total = sum(v["count"] for v in kinds.values())
    return {
        "coders": coders,
        "seconds": round(elapsed, 1),
        "think_ms": think_ms,
        "server_threads": threads,
        "project": {"documents": len(targets), "words_per_document": words},
        "cold_first_search_ms": round(cold_search_ms, 1),
        "logins_ms": summary(logins),
        "login_errors": tally.login_errors[:3],
        "requests": total,
        "requests_per_s": round(total / elapsed, 1) if elapsed else 0,
        "kinds": kinds,
        "codings": {
            "answered_201": len(tally.coding_ids),
            "distinct_ids": len(ids),
            "found_after": len(found),
            "stored_by_load_coders": stored,
            "lost": len(ids - found),
        },
        "target_p95_ms": LOAD_TARGET_MS,
    }


def load_failures(r: dict[str, Any]) -> list[str]:
    """What makes the load test fail: any error, any lost or extra coding."""
    out = [f"{k}: {v['errors']} errors" for k, v in r["kinds"].items() if v["errors"]]
    if r["login_errors"]:
        out.append(f"login failed: {r['login_errors'][0]}")
    c = r["codings"]
    if c["lost"]:
        out.append(f"{c['lost']} codings answered 201 are missing")
    if c["stored_by_load_coders"] != c["distinct_ids"]:
        out.append(
            f"{c['stored_by_load_coders']} codings stored by the load coders, "
            f"{c['distinct_ids']} answered 201"
        )
    if r["requests"] == 0:
        out.append("no requests were made")
    return out


def print_load(r: dict[str, Any]) -> None:
    rows = [
        (
            "run",
            f"{r['coders']} coders, {r['seconds']} s, think {r['think_ms']} ms, "
            f"{r['requests']:,} requests ({r['requests_per_s']}/s), "
            f"{r['server_threads']} server threads",
        ),
        ("first search (cold)", f"{r['cold_first_search_ms']} ms (loads Kiwi; before the clock)"),
        (
            f"{r['coders']} logins at once",
            f"p50 {r['logins_ms']['p50_ms']} ms, max {r['logins_ms']['max_ms']} ms "
            "(login form, argon2id; before the clock)",
        ),
    ]
    for k, v in r["kinds"].items():
        verdict = ""
        if k in TARGETED and v["count"]:
            ok = v["p95_ms"] < r["target_p95_ms"]
            verdict = f"  (p95 target < {r['target_p95_ms']:.0f} ms: {'met' if ok else 'NOT met'})"
        rows.append(
            (
                k,
                f"{v['count']:,} requests, {v['errors']} errors, p50 {v['p50_ms']} ms, "
                f"p95 {v['p95_ms']} ms, max {v['max_ms']} ms{verdict}",
            )
        )
    c = r["codings"]
    rows.append(
        (
            "codings",
            f"{c['answered_201']:,} answered 201 ({c['distinct_ids']:,} distinct), "
            f"{c['found_after']:,} found after, {c['stored_by_load_coders']:,} stored, "
            f"{c['lost']} lost",
        )
    )
    failures = load_failures(r)
    rows.append(
        ("verdict", "FAILED: " + "; ".join(failures) if failures else "no errors, no lost coding")
    )
    _table("load test (loopback)", rows)


# --- output -----------------------------------------------------------------------
# --- viewer search (issue 14): the redacted index ------------------------------------
def run_viewer(sizes: list[int], words: int, runs: int) -> dict[str, Any]:
    """For each project size: build the in-memory index of the redacted text (cold),
    then time the search page's work for a viewer against the team's, same queries."""
    from moksori.project import Project
    from moksori.protect import redacted_index
    from moksori.web.pages.search import run_search

    out: dict[str, Any] = {"sizes": []}
    for n in sizes:
        name = f"viewer-{n}x{words}.moksori"

        def build(path: Path, n: int = n) -> None:
            docs = {f"interview-{i:04d}.txt": interview_text(words, i) for i in range(n)}
            build_project(path, docs, coders=0, codings_per_doc=0, seed=n)
            with Project.open(path, PASSPHRASE) as p:
                p.deid.scan(workers=2)

        path = cached(name, build)
        with Project.open(path, PASSPHRASE) as p:
            chars = p.conn.execute("SELECT total(length(text)) FROM document").fetchone()[0]
            passages = p.conn.execute(
                "SELECT count(*) FROM segment WHERE kind != 'sentence'"
            ).fetchone()[0]
            redacted_index._cache.clear()
            t0 = time.perf_counter()
            p.deid.search_redacted("강")
            build_s = time.perf_counter() - t0
            viewer, team = [], []
            for _ in range(runs):
                for q in SEARCHES:  # the search page's own work, snippets and offsets included
                    t = time.perf_counter()
                    run_search(p, q, "keyword", "", originals=False)
                    viewer.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    run_search(p, q, "keyword", "", originals=True)
                    team.append((time.perf_counter() - t) * 1000)
            fid = p.conn.execute("SELECT min(id) FROM finding").fetchone()[0]
            p.deid.findings.set_status([fid], "rejected", "bench")
            t0 = time.perf_counter()
            p.deid.search_redacted("강")
            rebuild_s = time.perf_counter() - t0
        v, t = summary(viewer), summary(team)
        out["sizes"].append(
            {
                "documents": n,
                "characters": int(chars),
                "passages": int(passages),
                "index_build_s": round(build_s, 2),
                "rebuild_after_review_s": round(rebuild_s, 2),
                "viewer_search": v,
                "team_search": t,
                "p95_ratio_viewer_to_team": round(v["p95_ms"] / max(t["p95_ms"], 0.01), 2),
            }
        )
    return out


def print_viewer(r: dict[str, Any]) -> None:
    rows = []
    for s in r["sizes"]:
        rows.append(
            (
                f"{s['documents']} docs, {s['characters']:,} chars, {s['passages']:,} passages",
                f"index {s['index_build_s']} s (rebuild {s['rebuild_after_review_s']} s); "
                f"viewer p50/p95 {s['viewer_search']['p50_ms']}/{s['viewer_search']['p95_ms']} ms, "
                f"team {s['team_search']['p50_ms']}/{s['team_search']['p95_ms']} ms "
                f"(×{s['p95_ratio_viewer_to_team']})",
            )
        )
    _table("viewer search over the redacted index", rows)


def _table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows + [(title, "")])
    print(f"\n{title.ljust(width)}  result\n{'-' * width}  {'-' * 60}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


def save(key: str, value: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "web.json"
    data: dict[str, Any] = {}
    if out.exists():
        data = json.loads(out.read_text())
    data[key] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        **value,
    }
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    print(f"\nsaved {out} ({key})")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="command")
    render = sub.add_parser("render", help="time GET /documents/{id} on a long document")
    render.add_argument("--words", type=int, default=20_000)
    render.add_argument("--codings", type=int, default=500)
    render.add_argument("--runs", type=int, default=30)
    load = sub.add_parser("load", help="simulated coders against the served app")
    load.add_argument("--coders", type=int, default=20)
    load.add_argument("--seconds", type=float, default=60)
    load.add_argument("--documents", type=int, default=12)
    load.add_argument("--words", type=int, default=2_000, help="words per document")
    load.add_argument(
        "--think-ms",
        type=float,
        default=1000,
        help="mean pause of a coder between requests (0: back to back, saturates the server)",
    )
    load.add_argument("--threads", type=int, default=8, help="server request threads")
    viewer = sub.add_parser("viewer", help="viewer search over the redacted index, by size")
    viewer.add_argument("--sizes", default="5,50,400", help="documents per project")
    viewer.add_argument("--words", type=int, default=2_000, help="words per document")
    viewer.add_argument("--runs", type=int, default=5)
    server = sub.add_parser("serve", help=argparse.SUPPRESS)
    server.add_argument("project", type=Path)
    server.add_argument("--threads", type=int, default=8)
    a = ap.parse_args()
    if a.command == "serve":
        serve(a.project, a.threads)
        return
    failed: list[str] = []
    if a.command == "viewer":
        r = run_viewer([int(x) for x in a.sizes.split(",")], a.words, a.runs)
        print_viewer(r)
        save("viewer", r)
        return
    if a.command in (None, "render"):
        runs = max(20, getattr(a, "runs", 30))
        r = run_render(getattr(a, "words", 20_000), getattr(a, "codings", 500), runs)
        print_render(r)
        save("render", r)
        if r["page"]["status"] != 200:
            failed.append(f"render: GET {r['page']['url']} answered {r['page']['status']}")
    if a.command in (None, "load"):
        r = run_load(
            getattr(a, "coders", 20),
            getattr(a, "seconds", 60),
            getattr(a, "documents", 12),
            getattr(a, "words", 2_000),
            getattr(a, "think_ms", 1000),
            getattr(a, "threads", 8),
        )
        print_load(r)
        save("load" if r["think_ms"] else "load_no_think", r)
        failed += load_failures(r)
    if failed:
        sys.exit("FAILED: " + "; ".join(failed))


if __name__ == "__main__":
    main()

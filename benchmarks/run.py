#!/usr/bin/env python3
"""moksori benchmarks: ingest throughput vs raw Kiwi, search latency vs LIKE, peak memory.

    python3 tasks.py bench            # full size: ≥ 50 MB corpus, ≥ 1M segments
    python3 tasks.py bench --quick    # small smoke run

Each phase runs in its own process so its peak memory (RSS, with its worker
processes) is its own. Prints a table and saves benchmarks/results/latest.json.
Built corpora and projects are cached in benchmarks/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

PASSPHRASE = "benchmark passphrase (fictional corpus)"


def corpus_dir(mb: int) -> Path:
    from corpus import generate_corpus

    out = WORK / f"corpus-{mb}mb"
    done = out / ".complete"
    if not done.exists():
        out.mkdir(parents=True, exist_ok=True)
        generate_corpus(out, mb * 1_000_000, seed=0)
        done.write_text("ok")
    return out


# --- phase: raw Kiwi ------------------------------------------------------------
def _paragraphs(mb: int) -> list[str]:
    from moksori.ingest.decode import decode_bytes
    from moksori.ingest.normalise import normalise

    out: list[str] = []
    for p in sorted(corpus_dir(mb).glob("*.txt")):
        text = normalise(decode_bytes(p.read_bytes(), p.name).text)
        out += [x for x in text.split("\n\n") if x.strip()]
    return out


def phase_kiwi(mb: int, workers: int) -> dict[str, Any]:
    """Plain Kiwi (the wheel's model, no moksori rules) on the same paragraphs, as lists."""
    from kiwipiepy import Kiwi

    paragraphs = _paragraphs(mb)
    chars = sum(len(x) for x in paragraphs)
    raw: dict[str, float] = {}
    for n in sorted({1, workers}):
        kiwi = Kiwi(num_workers=n)
        kiwi.tokenize("준비")
        t0 = time.perf_counter()
        for _ in kiwi.tokenize(paragraphs):
            pass
        raw[f"{n} thread{'s' if n > 1 else ''}"] = round(chars / (time.perf_counter() - t0))
    # The analyser ingest really uses: the same model plus ~15k North Korean
    # spelling variants (moksori.korean.kiwi), which make Korean analysis slower.
    from moksori.korean import kiwi as moksori_kiwi

    moksori_kiwi.configure(num_workers=workers)
    ours = moksori_kiwi.get_kiwi()
    ours.tokenize("준비")
    t0 = time.perf_counter()
    for _ in ours.tokenize(paragraphs):
        pass
    with_variants = round(chars / (time.perf_counter() - t0))
    return {
        "characters": chars,
        "chars_per_s": raw,
        "with_nk_variants_chars_per_s": {f"{workers} threads": with_variants},
    }


# --- phase: ingest -------------------------------------------------------------
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class DescendantCpu:
    """CPU seconds (user + system) of this process's descendants (the ingest workers,
    children of multiprocessing's fork server and never waited for), by sampling
    /proc: the machine is shared, so CPU time, not wall time, compares two runs."""

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval = interval
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        parents: dict[int, int] = {}
        cpu: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry.name)] = int(fields[1])
            cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICKS
        stack = [p for p, pp in parents.items() if pp == os.getpid()]
        while stack:
            pid = stack.pop()
            self.seen[pid] = max(self.seen.get(pid, 0.0), cpu.get(pid, 0.0))
            stack.extend(p for p, pp in parents.items() if pp == pid)

    def _run(self) -> None:
        while not self._stop.is_set():
            if Path("/proc/self/stat").exists():
                self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> DescendantCpu:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def seconds(self) -> float:
        return round(sum(self.seen.values()), 1)


def phase_ingest(mb: int, workers: int) -> dict[str, Any]:
    from memory import PeakMemory

    from moksori import sources
    from moksori.project import Project

    src = corpus_dir(mb)
    files = sorted(src.glob("*.txt"))
    total_bytes = sum(p.stat().st_size for p in files)
    project_path = WORK / f"ingest-{mb}mb.moksori"
    for f in WORK.glob(project_path.name + "*"):
        f.unlink()
    scan = sources.shared_passages.scan_document
    scan_cpu = [0.0]

    def timed_scan(*args: Any) -> int:
        t = time.process_time()
        try:
            return scan(*args)
        finally:
            scan_cpu[0] += time.process_time() - t

    sources.shared_passages.scan_document = timed_scan  # type: ignore[assignment]
    with (
        PeakMemory() as memory,
        DescendantCpu() as workers_cpu,
        Project.create(project_path, PASSPHRASE) as proj,
    ):
        t0 = time.perf_counter()
        c0 = time.process_time()
        report = proj.add([src], workers=workers)
        elapsed = time.perf_counter() - t0
        writer_cpu = time.process_time() - c0
        info = proj.info()
    sources.shared_passages.scan_document = scan  # type: ignore[assignment]
    assert report.count("error") == 0, report.to_json()
    return {
        "files": len(files),
        "input_mb": round(total_bytes / 1e6, 2),
        "characters": info.characters,
        "segments": info.segments,
        "seconds": round(elapsed, 2),
        "chars_per_s": round(info.characters / elapsed),
        "mb_per_s": round(total_bytes / 1e6 / elapsed, 3),
        "workers": workers,
        # CPU seconds: the writing process (all of it, and its shared-passage lookup)
        # and the worker processes; comparable between runs on a busy machine.
        "cpu_s": {
            "writer": round(writer_cpu, 1),
            "writer_shared_passages": round(scan_cpu[0], 1),
            "workers": workers_cpu.seconds(),
        },
        "peak_memory": memory.report(),
    }


# --- phase: build the search project --------------------------------------------
def search_project(n_segments: int, workers: int) -> Path:
    from corpus import generate_segments

    from moksori.project import Project

    # Bump the suffix when the project format or the corpus layout changes.
    path = WORK / f"search-{n_segments}-v5.moksori"
    if path.exists() and (WORK / f"{path.name}.complete").exists():
        return path
    for f in WORK.glob(path.name + "*"):
        f.unlink()
    src = WORK / f"segments-{n_segments}-v5"
    src.mkdir(parents=True, exist_ok=True)
    per_file = 200  # passages per document: an interview or a long web page
    batch: list[str] = []
    index = 0
    for text in generate_segments(n_segments, seed=1):
        batch.append(text)
        if len(batch) == per_file:
            (src / f"part-{index:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
            batch, index = [], index + 1
    if batch:
        (src / f"part-{index:05d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
    with Project.create(path, PASSPHRASE) as proj:
        proj.add([src], workers=workers)
    (WORK / f"{path.name}.complete").write_text("ok")
    return path


def _queries(proj: Any, n: int, seed: int) -> list[str]:
    """1–3 word queries drawn from real passages, so hit rates are realistic."""
    rng = random.Random(seed)
    max_id = proj.conn.execute("SELECT max(id) FROM segment").fetchone()[0]
    queries: list[str] = []
    while len(queries) < n:
        row = proj.conn.execute(
            'SELECT substr(d.text, s.start + 1, s."end" - s.start) FROM segment s '
            "JOIN document d ON d.id = s.document_id WHERE s.id >= ? AND s.kind != 'sentence' "
            "LIMIT 1",
            (rng.randint(1, max_id),),
        ).fetchone()
        if not row:
            continue
        words = [w.strip(".,!?\"'()[]:;") for w in row[0].split()]
        words = [w for w in words if len(w) >= 2 and not w.isdigit()]
        if not words:
            continue
        k = min(len(words), rng.choice((1, 1, 2, 3)))
        queries.append(" ".join(rng.sample(words, k)))
    return queries


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def phase_search(n_segments: int, workers: int, n_queries: int, n_like: int) -> dict[str, Any]:
    from memory import PeakMemory

    from moksori.project import Project

    t0 = time.perf_counter()
    path = search_project(n_segments, workers)
    build_s = time.perf_counter() - t0
    with PeakMemory() as memory, Project.open(path, PASSPHRASE) as proj:
        info = proj.info()
        queries = _queries(proj, n_queries, seed=7)
        t = time.perf_counter()
        proj.search(queries[0])  # cold: loads Kiwi and the first index pages
        first_ms = (time.perf_counter() - t) * 1000
        times: list[float] = []
        totals: list[int] = []
        for q in queries:
            t = time.perf_counter()
            r = proj.search(q, limit=20)
            times.append((time.perf_counter() - t) * 1000)
            totals.append(r.total)
        # naive baseline: LIKE '%word%' over the raw text (QualCoder and Taguette style)
        like_times: list[float] = []
        for q in queries[:n_like]:
            words = q.split()
            where = " AND ".join("text LIKE ?" for _ in words)
            t = time.perf_counter()
            proj.conn.execute(
                f"SELECT id FROM document WHERE {where}", [f"%{w}%" for w in words]
            ).fetchall()
            like_times.append((time.perf_counter() - t) * 1000)
    p95 = _pct(times, 95)
    by_size: dict[str, dict[str, float]] = {}
    for label, lo, hi in (
        ("≤ 10k matches", 0, 10_000),
        ("10k–50k matches", 10_001, 50_000),
        ("> 50k matches", 50_001, 10**12),
    ):
        chosen = [t for t, n in zip(times, totals, strict=True) if lo <= n <= hi]
        if chosen:
            by_size[label] = {
                "queries": len(chosen),
                "p50_ms": round(_pct(chosen, 50), 1),
                "p95_ms": round(_pct(chosen, 95), 1),
            }
    like_p95 = _pct(like_times, 95)
    return {
        "passages_indexed": info.passages_indexed,
        "segments": info.segments,
        "build_seconds": round(build_s, 1),
        "queries": len(queries),
        "median_hits": statistics.median(totals),
        "first_query_ms": round(first_ms, 1),
        "p50_ms": round(_pct(times, 50), 2),
        "p95_ms": round(p95, 2),
        "by_match_count": by_size,
        "like_queries": len(like_times),
        "like_p50_ms": round(_pct(like_times, 50), 1),
        "like_p95_ms": round(like_p95, 1),
        "speedup_p95_vs_like": round(like_p95 / p95, 1) if p95 else None,
        "peak_memory": memory.report(),
    }


# --- orchestration ---------------------------------------------------------------
def run_phase(name: str, args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, *args], capture_output=True, text=True
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"benchmark phase {name} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def mean_kiwi(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The two baseline runs averaged, each kept for the record."""
    out: dict[str, Any] = {"characters": before["characters"], "runs": [before, after]}
    for key in ("chars_per_s", "with_nk_variants_chars_per_s"):
        out[key] = {k: round((v + after[key][k]) / 2) for k, v in before[key].items()}
    return out


def ratios(ingest: dict[str, Any], kiwi: dict[str, Any]) -> dict[str, float]:
    """End-to-end ingest throughput over raw Kiwi throughput of the same text."""
    rate = ingest["chars_per_s"]
    out = {f"vs {k}": round(rate / v, 3) for k, v in kiwi["chars_per_s"].items()}
    out["vs best"] = round(rate / max(kiwi["chars_per_s"].values()), 3)
    variants = kiwi["with_nk_variants_chars_per_s"]
    out["vs Kiwi with NK variants"] = round(rate / max(variants.values()), 3)
    return out


def print_table(results: dict[str, Any]) -> None:
    ing, kiwi, se = results["ingest"], results["raw_kiwi"], results["search"]
    mem, smem = ing["peak_memory"], se["peak_memory"]
    rows = [
        (
            "ingest corpus",
            f"{ing['input_mb']} MB, {ing['files']} files, {ing['segments']:,} segments",
        ),
        (
            "ingest throughput",
            f"{ing['chars_per_s']:,} chars/s, {ing['mb_per_s']} MB/s "
            f"({ing['workers']} worker processes)",
        ),
        (
            "raw Kiwi tokenise (mean)",
            ", ".join(f"{k}: {v:,} chars/s" for k, v in kiwi["chars_per_s"].items()),
        ),
        *(
            (
                f"  run {i} ({'before' if i == 1 else 'after'} ingest)",
                ", ".join(f"{k}: {v:,} chars/s" for k, v in run["chars_per_s"].items()),
            )
            for i, run in enumerate(kiwi.get("runs", []), 1)
        ),
        (
            "Kiwi + NK spelling variants",
            ", ".join(
                f"{k}: {v:,} chars/s" for k, v in kiwi["with_nk_variants_chars_per_s"].items()
            ),
        ),
        ("ingest / raw Kiwi (best)", f"{results['ratio']['vs best']} (target ≥ 0.7)"),
        (
            "ingest / Kiwi + NK variants",
            f"{results['ratio']['vs Kiwi with NK variants']} (the analyser ingest runs)",
        ),
        (
            "ingest peak memory",
            f"main {mem['main_mb']} MB, largest worker {mem['largest_worker_mb']} MB, "
            f"all processes {mem['all_processes_mb']} MB",
        ),
        (
            "search project",
            f"{se['passages_indexed']:,} passages indexed, {se['segments']:,} segments",
        ),
        (
            "search p50 / p95",
            f"{se['p50_ms']} / {se['p95_ms']} ms over {se['queries']} queries (target p95 < 50 ms)",
        ),
        *[
            (f"  {label}", f"{v['queries']} queries, p50 {v['p50_ms']} / p95 {v['p95_ms']} ms")
            for label, v in se["by_match_count"].items()
        ],
        (
            "LIKE scan p50 / p95",
            f"{se['like_p50_ms']} / {se['like_p95_ms']} ms over {se['like_queries']} queries",
        ),
        ("first query after open", f"{se['first_query_ms']} ms (Kiwi load, cold cache)"),
        ("FTS speed-up at p95", f"{se['speedup_p95_vs_like']}×"),
        ("search peak memory", f"{smem['main_mb']} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'benchmark'.ljust(width)}  result")
    print(f"{'-' * width}  {'-' * 60}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--mb", type=int, default=None, help="ingest corpus size in MB (default 50)")
    ap.add_argument("--segments", type=int, default=None, help="search project size (default 1M)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--phase", choices=["kiwi", "ingest", "search"], help=argparse.SUPPRESS)
    ap.add_argument(
        "--suite",
        choices=["all", "core", "deid", "interop", "bilingual", "web", "hostile", "latency"],
        default="all",
        help="core: ingest/search (issue 2); deid: de-identification (benchmarks/deid.py); "
        "interop: REFI-QDA import/export (benchmarks/interop.py); bilingual: alignment, "
        "embedding speed and cross-lingual retrieval (alignment.py, semantic.py, retrieval.py); "
        "web: document render time and a 20-coder load test (web.py); hostile: zip bombs, "
        "one-line and misdecodable files through moksori add (hostile.py; not part of all); "
        "latency: start-up of --help, info, code list, memo add as ratios (latency.py; "
        "not part of all)",
    )
    a = ap.parse_args()
    mb = a.mb or (2 if a.quick else 50)
    segs = a.segments or (20_000 if a.quick else 1_000_000)
    n_queries, n_like = (50, 10) if a.quick else (300, 30)
    # A phase runs in its own process (for a clean peak-memory figure) and does
    # only that phase, never the other suites.
    if a.phase:
        WORK.mkdir(exist_ok=True)
        if a.phase == "kiwi":
            print(json.dumps(phase_kiwi(mb, a.workers)))
        elif a.phase == "ingest":
            print(json.dumps(phase_ingest(mb, a.workers)))
        else:
            print(json.dumps(phase_search(segs, a.workers, n_queries, n_like)))
        return
    if a.suite == "latency":
        print("start-up latency benchmark (benchmarks/latency.py) …", flush=True)
        subprocess.run([sys.executable, str(HERE / "latency.py")], check=True)
        return
    if a.suite == "hostile":
        hostile = [sys.executable, str(HERE / "hostile.py")] + (["--quick"] if a.quick else [])
        print("hostile inputs benchmark (benchmarks/hostile.py) …", flush=True)
        subprocess.run(hostile, check=True)
        return
    if a.suite in ("all", "deid"):
        deid = [sys.executable, str(HERE / "deid.py")] + (["--limit", "500"] if a.quick else [])
        print("de-identification benchmark (benchmarks/deid.py) …", flush=True)
        subprocess.run(deid, check=True)
        for extra in (
            ["frozen_deid.py"],  # v1: a development set since its first scoring
            ["frozen_deid.py", "--set", "frozen2"],  # v2: a development set since its scoring
            ["frozen_deid.py", "--set", "dev4"],  # dev4: a development set from the start
            ["frozen_deid.py", "--set", "frozen3"],  # v3: held out; report it, never tune on it
            ["expository.py"],
            ["review_groups.py"],
        ):
            print(f"de-identification: benchmarks/{' '.join(extra)} …", flush=True)
            subprocess.run([sys.executable, str(HERE / extra[0]), *extra[1:]], check=True)
        if a.suite == "deid":
            return
    if a.suite in ("all", "interop"):
        interop = [sys.executable, str(HERE / "interop.py")]
        interop += ["--sources", "20", "--selections", "2000", "--repeat", "1"] if a.quick else []
        print("REFI-QDA interop benchmark (benchmarks/interop.py) …", flush=True)
        subprocess.run(interop, check=True)
        if a.suite == "interop":
            return
    if a.suite in ("all", "web"):
        web = [sys.executable, str(HERE / "web.py")]
        web += ["load", "--seconds", "10"] if a.quick else []
        print("web workspace benchmark (benchmarks/web.py) …", flush=True)
        subprocess.run(web, check=True)
        if a.suite == "web":
            return
    if a.suite in ("all", "bilingual"):
        for script, extra in (
            ("alignment.py", []),
            ("semantic.py", []),
            ("retrieval.py", ["--latency", "5000" if a.quick else "100000"]),
        ):
            print(f"bilingual benchmark (benchmarks/{script}) …", flush=True)
            subprocess.run([sys.executable, str(HERE / script), *extra], check=True)
        if a.suite == "bilingual":
            return
    WORK.mkdir(exist_ok=True)
    common = ["--mb", str(mb), "--segments", str(segs), "--workers", str(a.workers)]
    if a.quick:
        common.append("--quick")
    print(f"raw Kiwi baseline: {mb} MB corpus …", flush=True)
    kiwi = run_phase("kiwi", common)
    print(f"ingest benchmark: {mb} MB corpus …", flush=True)
    ingest = run_phase("ingest", common)
    # The machine's speed drifts between phases (up to 25% seen), so the raw
    # Kiwi baseline is measured again right after ingest and the two averaged.
    print(f"raw Kiwi baseline again, after ingest: {mb} MB corpus …", flush=True)
    kiwi = mean_kiwi(kiwi, run_phase("kiwi", common))
    print(f"search benchmark: {segs:,} segments …", flush=True)
    search = run_phase("search", common)
    results = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "quick": a.quick,
        "raw_kiwi": kiwi,
        "ingest": ingest,
        "ratio": ratios(ingest, kiwi),
        "search": search,
    }
    print_table(results)
    RESULTS.mkdir(exist_ok=True)
    name = "quick.json" if a.quick else "latest.json"
    (RESULTS / name).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nsaved {RESULTS / name}")


if __name__ == "__main__":
    main()

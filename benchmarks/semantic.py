#!/usr/bin/env python3
"""Meaning-based search benchmark (issue 6, points 4-5): encoder, vector index, retrieval.

    python benchmarks/semantic.py    # full run, 100,000 vectors
    python benchmarks/semantic.py --vectors 20000 --repeat 1    # quick
    python benchmarks/semantic.py --compare    # also usearch, hnswlib, sqlite-vec if installed

1. Encoder throughput (segments/s) on the interview sentences of
   benchmarks/bilingual/alignment.jsonl, the passages of retrieval.json and long
   turns (four passages run together), with
   1 BLAS thread, 2 BLAS threads and 2 worker processes (``encoder.workers``).
   The machine is shared, so each figure is run ``--repeat`` times: best and median.
2. The index over ``--vectors`` passage vectors. They are synthetic but shaped like
   real ones: each is a mix of two real USE vectors of the benchmark texts plus
   Gaussian noise, re-normalised. They go through float16 storage (``to_blob`` /
   ``from_blobs``) as in a project. Build time, memory, and query latency p50/p95
   (k=20) for the 137 real queries of retrieval.json, **query encoding included**,
   without and with a filter (5% of passages allowed). Recall@20 against exact
   float32 search. Target: p95 under 100 ms over 100,000.
3. Retrieval quality of encoder + index alone on retrieval.json: recall@5 and MRR
   for cross-lingual, same-language and all queries.

Prints a table and saves benchmarks/results/semantic.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "bilingual"
RESULTS = HERE / "results"
TARGET_MS = 100.0
K = 20
sys.path.insert(0, str(REPO / "src"))

from moksori.semantic import encoder  # noqa: E402
from moksori.semantic.index import VectorIndex, from_blobs, to_blob  # noqa: E402


def sentences() -> list[str]:
    out: list[str] = []
    for line in (DATA / "alignment.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ex = json.loads(line)
            out += [s["text"] for s in ex["ko"]] + [s["text"] for s in ex["en"]]
    return out


def retrieval() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "retrieval.json").read_text(encoding="utf-8"))
    return data


def _rate(fn: Callable[[], object], n: int, repeat: int) -> dict[str, float]:
    rates = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        rates.append(n / (time.perf_counter() - t))
    return {"best": round(max(rates), 1), "median": round(statistics.median(rates), 1)}


def throughput(repeat: int) -> dict[str, Any]:
    """Segments per second for each way of running the encoder on 2 cores."""
    sents = sentences() * 2
    passages = [p["text"] for p in retrieval()["passages"]] * 4
    # long speaker turns: four passages of the same language run together
    by_lang = sorted(retrieval()["passages"], key=lambda p: p["lang"])
    turns = [" ".join(p["text"] for p in by_lang[i : i + 4]) for i in range(0, len(by_lang), 4)]
    kinds = {"sentences": sents, "passages": passages, "turns": turns * 4}
    out: dict[str, Any] = {
        "texts": {k: len(v) for k, v in kinds.items()},
        "mean_words": {
            k: round(statistics.mean(len(t.split()) for t in v), 1) for k, v in kinds.items()
        },
    }
    t = time.perf_counter()
    encoder.encode(["warm up"])
    out["load_s"] = round(time.perf_counter() - t, 2)
    for mode in ("1 thread", "2 threads", "2 workers"):
        encoder.configure(threads=2 if mode == "2 threads" else 1)
        encoder.encode(sents[:64])
        with encoder.workers(2 if mode == "2 workers" else 1):
            encoder.encode(sents[:256])  # start and load any workers
            out[mode] = {
                k: _rate(lambda v=v: encoder.encode(v), len(v), repeat) for k, v in kinds.items()
            }
    encoder.configure(threads=1)
    return out


def synthetic(base: np.ndarray, n: int, seed: int) -> np.ndarray:
    """n vectors shaped like real ones: two real vectors mixed, plus noise, unit length."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for s in range(0, n, 50_000):
        m = min(50_000, n - s)
        i, j = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
        a = rng.uniform(0.5, 1.0, m).astype(np.float32)[:, None]
        x = a * base[i] + (1 - a) * base[j]
        x += rng.normal(0, 0.02, x.shape).astype(np.float32)
        out[s : s + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def _pcts(ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), 2),
        "p95_ms": round(float(np.percentile(ms, 95)), 2),
    }


def index_bench(n: int, compare: bool) -> dict[str, Any]:
    data = retrieval()
    base = encoder.encode(sentences() + [p["text"] for p in data["passages"]])
    vectors = synthetic(base, n, seed=0)
    blobs = [to_blob(v) for v in vectors]
    ids = list(range(1, n + 1))
    t = time.perf_counter()
    index = VectorIndex(ids, from_blobs(blobs))
    build = time.perf_counter() - t
    queries = [q["query"] for q in data["queries"]]
    encoder.encode(queries[:1])
    plain, filtered, enc_only, found = [], [], [], []
    rng = np.random.default_rng(1)
    allowed = {int(i) for i in rng.choice(ids, n // 20, replace=False)}
    for text in queries:
        t0 = time.perf_counter()
        q = encoder.encode([text])[0]
        t1 = time.perf_counter()
        hits = index.search(q, K)
        t2 = time.perf_counter()
        index.search(q, K, allowed_ids=allowed)
        t3 = time.perf_counter()
        enc_only.append((t1 - t0) * 1000)
        plain.append((t2 - t0) * 1000)
        filtered.append((t1 - t0 + t3 - t2) * 1000)
        found.append([sid for sid, _ in hits])
    qv = encoder.encode(queries)
    exact = np.argsort(-(qv @ vectors.T), axis=1)[:, :K] + 1
    recall = float(np.mean([len(set(f) & set(e)) / K for f, e in zip(found, exact, strict=True)]))
    out: dict[str, Any] = {
        "vectors": n,
        "vector_source": "mix of two real USE vectors of the benchmark texts + N(0, 0.02) noise",
        "stored_bytes_per_vector": len(blobs[0]),
        "build_s": round(build, 2),
        "memory_mb": round(index.nbytes / 2**20, 1),
        "query_encode": _pcts(enc_only),
        "query_total": _pcts(plain),
        "query_total_filtered_5pct": _pcts(filtered),
        "recall_at_20_vs_exact_float32": round(recall, 4),
        "target_p95_ms": TARGET_MS,
    }
    if compare:
        out["alternatives"] = alternatives(vectors, qv)
    return out


def alternatives(vectors: np.ndarray, qv: np.ndarray) -> dict[str, Any]:
    """Search-only latency and recall of the graph indexes and sqlite-vec, when installed."""
    n = len(vectors)
    exact = np.argsort(-(qv @ vectors.T), axis=1)[:, :K]
    out: dict[str, Any] = {}

    def measure(name: str, build: Callable[[], Callable[[np.ndarray], list[int]]]) -> None:
        try:
            t = time.perf_counter()
            search = build()
            built = time.perf_counter() - t
        except ImportError:
            out[name] = "not installed"
            return
        ms, hits = [], []
        for q in qv:
            t = time.perf_counter()
            hits.append(search(q))
            ms.append((time.perf_counter() - t) * 1000)
        rec = float(np.mean([len(set(h) & set(e)) / K for h, e in zip(hits, exact, strict=True)]))
        out[name] = {"build_s": round(built, 2), **_pcts(ms), "recall_at_20": round(rec, 4)}

    def usearch() -> Callable[[np.ndarray], list[int]]:
        from usearch.index import Index

        idx = Index(ndim=vectors.shape[1], metric="cos", dtype="f16")
        idx.add(np.arange(n), vectors, threads=2)
        return lambda q: [int(k) for k in idx.search(q, K).keys]

    def hnsw() -> Callable[[np.ndarray], list[int]]:
        import hnswlib

        idx = hnswlib.Index(space="ip", dim=vectors.shape[1])
        idx.init_index(max_elements=n, ef_construction=100, M=16)
        idx.add_items(vectors, np.arange(n), num_threads=2)
        idx.set_ef(64)
        return lambda q: [int(k) for k in idx.knn_query(q, K, num_threads=1)[0][0]]

    def sqlite_vec() -> Callable[[np.ndarray], list[int]]:
        import sqlcipher3
        import sqlite_vec as sv

        conn = sqlcipher3.connect(":memory:")
        conn.enable_load_extension(True)
        sv.load(conn)
        conn.execute(f"CREATE VIRTUAL TABLE v USING vec0(e float[{vectors.shape[1]}])")
        conn.executemany(
            "INSERT INTO v(rowid, e) VALUES (?, ?)",
            ((i, v.tobytes()) for i, v in enumerate(vectors)),
        )
        sql = "SELECT rowid FROM v WHERE e MATCH ? AND k = ? ORDER BY distance"
        return lambda q: [int(r[0]) for r in conn.execute(sql, (q.tobytes(), K))]

    measure("usearch (HNSW, f16, defaults)", usearch)
    measure("hnswlib (M=16, ef=64)", hnsw)
    measure("sqlite-vec in SQLCipher (brute force)", sqlite_vec)
    return out


def quality() -> dict[str, Any]:
    """recall@5 and MRR of encoder + index on retrieval.json, per query kind."""
    data = retrieval()
    passages = data["passages"]
    index = VectorIndex(
        list(range(len(passages))),
        from_blobs([to_blob(v) for v in encoder.encode([p["text"] for p in passages])]),
    )
    groups: dict[str, list[tuple[float, float]]] = {}
    for q in data["queries"]:
        relevant = set(q["relevant"])
        ranked = [
            passages[i]["id"]
            for i, _ in index.search(encoder.encode([q["query"]])[0], len(passages))
        ]
        first = next(r for r, pid in enumerate(ranked, 1) if pid in relevant)
        score = (len(relevant & set(ranked[:5])) / len(relevant), 1 / first)
        for g in (q["kind"], f"{q['kind']}, {q['lang']} query", "all"):
            groups.setdefault(g, []).append(score)
    return {
        g: {
            "queries": len(v),
            "recall_at_5": round(statistics.mean(a for a, _ in v), 3),
            "mrr": round(statistics.mean(b for _, b in v), 3),
        }
        for g, v in sorted(groups.items())
    }


def table(result: dict[str, Any]) -> None:
    rows: list[tuple[str, str]] = []
    thr = result["encoder"]
    rows.append(("encoder load", f"{thr['load_s']} s"))
    for mode in ("1 thread", "2 threads", "2 workers"):
        for kind, words in thr["mean_words"].items():
            r = thr[mode][kind]
            rows.append(
                (
                    f"encode {kind} (~{words:g} words), {mode}",
                    f"{r['best']} /s best, {r['median']} /s median",
                )
            )
    ix = result["index"]
    rows.append(
        ("index vectors", f"{ix['vectors']:,} ({ix['stored_bytes_per_vector']} B stored each)")
    )
    rows.append(("index build (from blobs)", f"{ix['build_s']} s, {ix['memory_mb']} MB in memory"))
    for key in ("query_encode", "query_total", "query_total_filtered_5pct"):
        r = ix[key]
        rows.append((key.replace("_", " "), f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms"))
    rows.append(("recall@20 vs exact float32", str(ix["recall_at_20_vs_exact_float32"])))
    for name, r in ix.get("alternatives", {}).items():
        rows.append(
            (name, r if isinstance(r, str) else ", ".join(f"{k} {v}" for k, v in r.items()))
        )
    for g, r in result["quality"].items():
        rows.append(
            (
                f"retrieval {g} ({r['queries']} queries)",
                f"recall@5 {r['recall_at_5']}, MRR {r['mrr']}",
            )
        )
    width = max(len(k) for k, _ in rows)
    print(f"\n{'semantic benchmark'.ljust(width)}  result\n{'-' * width}  {'-' * 50}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--vectors", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", action="store_true", help="also measure the alternative indexes")
    args = ap.parse_args()
    result: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load": os.getloadavg(),
        },
        "model": encoder.MODEL,
        "encoder": throughput(args.repeat),
        "index": index_bench(args.vectors, args.compare),
        "quality": quality(),
    }
    table(result)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "semantic.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nsaved {RESULTS / 'semantic.json'}")


if __name__ == "__main__":
    main()

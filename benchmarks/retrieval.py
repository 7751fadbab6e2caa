"""Cross-lingual retrieval through the product: keyword, meaning and hybrid search.

Builds a project from benchmarks/bilingual/retrieval.json (every passage a
paragraph of one document per language, so segmentation is the real one),
embeds it with `Project.embed`, and asks every query with `Project.search` in
the three modes. Reports recall@5 and MRR (first relevant hit, over the top
20) for cross-lingual queries (English → Korean, Korean → English), for
same-language queries and for all, so the gain of meaning-based search over
keywords is visible. The set is fictional, written for moksori, and held-in.

    python benchmarks/retrieval.py                    # quality, table + JSON
    python benchmarks/retrieval.py --latency 100000   # also p50/p95 of the product's
                                                      # semantic and hybrid search over
                                                      # 100,000 embedded passages
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

DATA = HERE / "bilingual" / "retrieval.json"
RESULTS = HERE / "results" / "retrieval.json"
PASSPHRASE = "benchmark passphrase (fictional corpus)"
MODES = ("keyword", "semantic", "hybrid")
DEPTH = 20


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def build(folder: Path) -> Any:
    from moksori.project import Project

    data = json.loads(DATA.read_text(encoding="utf-8"))
    for lang in ("ko", "en"):
        texts = [p["text"] for p in data["passages"] if p["lang"] == lang]
        (folder / f"passages-{lang}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    project = Project.create(folder / "retrieval.moksori", PASSPHRASE)
    project.add([folder / "passages-ko.txt", folder / "passages-en.txt"], workers=1)
    return project, data


def evaluate() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        project, data = build(Path(tmp))
        by_text = {_key(p["text"]): p["id"] for p in data["passages"]}
        t0 = time.perf_counter()
        embedded = project.embed().embedded
        embed_s = time.perf_counter() - t0
        scores: dict[str, dict[str, list[tuple[bool, float]]]] = {m: {} for m in MODES}
        unmatched = 0
        for q in data["queries"]:
            group = (
                f"{q['lang']}→{'ko' if q['lang'] == 'en' else 'en'}"
                if q["kind"] == "cross"
                else "same"
            )
            for mode in MODES:
                hits = project.search(q["query"], mode=mode, limit=DEPTH).hits
                ids = [by_text.get(_key(h.text)) for h in hits]
                unmatched += sum(1 for i in ids if i is None)
                rank = next((r for r, i in enumerate(ids, 1) if i in q["relevant"]), None)
                found5 = len({i for i in ids[:5] if i in q["relevant"]}) / len(q["relevant"])
                scores[mode].setdefault(group, []).append((found5, 1 / rank if rank else 0.0))
        project.close()
    table: dict[str, Any] = {}
    for mode in MODES:
        rows = scores[mode]
        everything = [x for v in rows.values() for x in v]
        rows_all = {**rows, "cross (both)": [x for k, v in rows.items() if k != "same" for x in v]}
        rows_all["all"] = everything
        table[mode] = {
            group: {
                "queries": len(v),
                "recall@5": round(sum(r for r, _ in v) / len(v), 3),
                "mrr": round(sum(m for _, m in v) / len(v), 3),
            }
            for group, v in rows_all.items()
        }
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "passages": len(data["passages"]),
        "queries": len(data["queries"]),
        "embedded": embedded,
        "embed_seconds": round(embed_s, 1),
        "hits_not_matched_to_a_passage": unmatched,
        "by_mode": table,
    }


def latency(n: int, queries: list[str]) -> dict[str, Any]:
    """Query latency of the product path (encode, index, hits from SQL) over n passages."""
    sys.path.insert(0, str(HERE))
    from corpus import generate_segments

    from moksori.project import Project

    work = HERE / "work"
    path = work / f"semantic-{n}.moksori"
    built = work / f"{path.name}.complete"
    t0 = time.perf_counter()
    if not built.exists():
        for f in work.glob(path.name + "*"):
            f.unlink()
        src = work / f"semantic-{n}-src"
        src.mkdir(parents=True, exist_ok=True)
        texts = list(generate_segments(n, seed=3))
        for i in range(0, n, 500):
            (src / f"part-{i // 500:05d}.txt").write_text("\n\n".join(texts[i : i + 500]))
        with Project.create(path, PASSPHRASE) as p:
            p.add([src])
            p.embed()
        built.write_text("ok")
    build_s = time.perf_counter() - t0
    out: dict[str, Any] = {"passages": n, "build_seconds": round(build_s, 1)}
    with Project.open(path, PASSPHRASE) as p:
        embedded = p.conn.execute("SELECT count(*) FROM segment_vector").fetchone()[0]
        t = time.perf_counter()
        p.search(queries[0], mode="semantic")  # loads the encoder and builds the index
        out["first_query_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out["embedded"] = embedded
        for mode in ("semantic", "hybrid"):
            times = []
            for q in queries:
                t = time.perf_counter()
                p.search(q, mode=mode, limit=20)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            out[mode] = {
                "queries": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            }
    return out


def print_table(res: dict[str, Any]) -> None:
    head = f"{res['passages']} passages, {res['queries']} queries"
    print(f"\n{head}; embedded in {res['embed_seconds']} s")
    groups = list(next(iter(res["by_mode"].values())).keys())
    print(f"{'mode':10} " + " ".join(f"{g:>22}" for g in groups))
    for mode, rows in res["by_mode"].items():
        cells = [f"R@5 {rows[g]['recall@5']:.3f} MRR {rows[g]['mrr']:.3f}" for g in groups]
        print(f"{mode:10} " + " ".join(f"{c:>22}" for c in cells))
    lat = res.get("latency")
    if lat:
        print(
            f"\nlatency over {lat['passages']:,} passages ({lat['embedded']:,} embedded; "
            f"first query {lat['first_query_ms']} ms, build {lat['build_seconds']} s):"
        )
        for mode in ("semantic", "hybrid"):
            m = lat[mode]
            print(
                f"  {mode:9} p50 {m['p50_ms']} ms, p95 {m['p95_ms']} ms over {m['queries']} queries"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--latency", type=int, default=0, help="passages for the latency run")
    a = ap.parse_args()
    res = evaluate()
    if a.latency:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        qs = [q["query"] for q in data["queries"]]
        random.Random(5).shuffle(qs)
        res["latency"] = latency(a.latency, qs[:100])
    print_table(res)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nsaved {RESULTS}")


if __name__ == "__main__":
    main()

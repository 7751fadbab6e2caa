"""Lemma search against hand-checked gold: recall and precision per query class.

Builds a temporary encrypted project from a gold set's corpus/, asks every query of
its queries.tsv with `Project.search` (keyword mode, no limit in practice), maps each
hit to the speaker turn(s) its offsets cover, and compares with the turns the query's
regular expression matches (see the set's check_gold.py). Two sets, both written
before any tuning of the analyser (issue 19, point 5):
- dev (benchmarks/lemma_search/): 24 transcripts, 16 Korean and 8 English; tuned on.
- heldout (benchmarks/lemma_search_heldout/): 20 other transcripts, 13 Korean and 7
  English, written blind by a second evaluator; never tune on it.
Targets: recall >= 0.98 and precision >= 0.95 in every class.

    python benchmarks/lemma_search.py                 # dev: table + results/lemma_search.json
    python benchmarks/lemma_search.py --set heldout   # results/lemma_search_heldout.json
    python benchmarks/lemma_search.py --show          # also each failing query's missed/extra ids
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

SETS = {"dev": HERE / "lemma_search", "heldout": HERE / "lemma_search_heldout"}
RESULTS = {
    "dev": HERE / "results" / "lemma_search.json",
    "heldout": HERE / "results" / "lemma_search_heldout.json",
}


def load_set(name: str) -> Any:
    """The set's check_gold module: its corpus, turns, queries and gold."""
    spec = importlib.util.spec_from_file_location("check_gold", SETS[name] / "check_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_gold"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gold_set = load_set("dev")  # main() swaps in the set asked for
PASSPHRASE = "benchmark passphrase (fictional corpus)"
LIMIT = 100_000  # more than the corpus has passages: every hit counts
TARGET_RECALL = 0.98
TARGET_PRECISION = 0.95

Key = tuple[str, int]  # (file name, turn number)


def build(folder: Path) -> tuple[Any, dict[int, list[Any]], list[str]]:
    """The project, each document's turns located in its stored text, and any mismatch
    between the stored turns and the corpus files (there should be none)."""
    from moksori.project import Project

    project = Project.create(folder / "lemma.moksori", PASSPHRASE)
    project.add([*sorted(gold_set.CORPUS.glob("*.txt"))], workers=1)
    by_doc: dict[int, list[Any]] = {}
    problems = []
    expected: dict[str, list[str]] = {}
    for p in gold_set.load_corpus():
        expected.setdefault(p.doc, []).append(p.text)
    for d in project.documents():
        stored = gold_set.turns(d.source_name, project.document(d.id).text)
        by_doc[d.id] = stored
        if [t.text for t in stored] != expected.get(d.source_name):
            problems.append(f"{d.source_name}: stored turns differ from the file's")
    if len(by_doc) != len(expected):
        problems.append(f"{len(by_doc)} documents stored for {len(expected)} files")
    return project, by_doc, problems


def retrieved(hits: list[Any], by_doc: dict[int, list[Any]]) -> tuple[set[Key], int]:
    """The turns the hits cover (by offsets), and how many hits covered no turn."""
    out: set[Key] = set()
    lost = 0
    for h in hits:
        covered = [
            (t.doc, t.n)
            for t in by_doc.get(h.document_id, [])
            if t.start < h.end and h.start < t.end
        ]
        out.update(covered)
        lost += not covered
    return out, lost


def score(tp: int, n_gold: int, n_found: int) -> tuple[float, float]:
    recall = tp / n_gold if n_gold else 1.0
    precision = tp / n_found if n_found else (1.0 if not n_gold else 0.0)
    return recall, precision


def evaluate() -> dict[str, Any]:
    passages = gold_set.load_corpus()
    queries = gold_set.load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.process_time()
        project, by_doc, problems = build(Path(tmp))
        build_cpu = time.process_time() - t0
        rows = []
        t0 = time.process_time()
        for q in queries:
            want = {(p.doc, p.n) for p in gold_set.gold(q, passages)}
            error = None
            try:
                res = project.search(q.query, limit=LIMIT, include_duplicates=True)
                got, lost = retrieved(res.hits, by_doc)
                total = res.total
            except Exception as e:  # a query the product refuses counts as finding nothing
                got, lost, total, error = set(), 0, 0, f"{type(e).__name__}: {e}"
            tp = len(want & got)
            recall, precision = score(tp, len(want), len(got))
            rows.append(
                {
                    "id": q.id,
                    "class": q.cls,
                    "query": q.query,
                    "gold": len(want),
                    "found": len(got),
                    "hits": total,
                    "true_positives": tp,
                    "recall": round(recall, 3),
                    "precision": round(precision, 3),
                    "missed": sorted(f"{d}#{n}" for d, n in want - got),
                    "extra": sorted(f"{d}#{n}" for d, n in got - want),
                    "hits_outside_turns": lost,
                    "error": error,
                }
            )
        search_cpu = time.process_time() - t0
        project.close()
    return {
        "passages": len(passages),
        "documents": len({p.doc for p in passages}),
        "queries": len(queries),
        "build_cpu_seconds": round(build_cpu, 1),
        "search_cpu_seconds": round(search_cpu, 1),
        "setup_problems": problems,
        "targets": {"recall": TARGET_RECALL, "precision": TARGET_PRECISION},
        "by_class": summarise(rows),
        "per_query": rows,
    }


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per class and overall: passage-level (pooled) recall and precision, which the
    targets apply to, and the mean over queries beside them."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["class"], []).append(r)
    groups["overall"] = rows
    korean = [r for r in rows if r["class"] != "english"]
    groups["korean"] = korean
    out = {}
    for name, rs in groups.items():
        tp = sum(r["true_positives"] for r in rs)
        recall, precision = score(tp, sum(r["gold"] for r in rs), sum(r["found"] for r in rs))
        failing = [r for r in rs if r["recall"] < 1.0 or r["precision"] < 1.0]
        out[name] = {
            "queries": len(rs),
            "recall": round(recall, 3),
            "precision": round(precision, 3),
            "mean_query_recall": round(sum(r["recall"] for r in rs) / len(rs), 3),
            "mean_query_precision": round(sum(r["precision"] for r in rs) / len(rs), 3),
            "queries_not_exact": len(failing),
            "meets_targets": recall >= TARGET_RECALL and precision >= TARGET_PRECISION,
        }
    return out


def print_table(res: dict[str, Any], show: bool) -> None:
    print(
        f"\n{res['queries']} queries over {res['passages']} turns in {res['documents']} files "
        f"(build {res['build_cpu_seconds']} s CPU, searches {res['search_cpu_seconds']} s CPU)"
    )
    for p in res["setup_problems"]:
        print("SETUP PROBLEM:", p)
    print(
        f"\n{'class':16} {'queries':>7} {'recall':>7} {'precis.':>7} {'q-mean R':>8} "
        f"{'q-mean P':>8} {'not exact':>9}  target"
    )
    for name, c in res["by_class"].items():
        print(
            f"{name:16} {c['queries']:>7} {c['recall']:>7.3f} {c['precision']:>7.3f} "
            f"{c['mean_query_recall']:>8.3f} {c['mean_query_precision']:>8.3f} "
            f"{c['queries_not_exact']:>9}  {'met' if c['meets_targets'] else 'MISSED'}"
        )
    failing = [r for r in res["per_query"] if r["recall"] < 1.0 or r["precision"] < 1.0]
    print(f"\nqueries not exact ({len(failing)}): id class query  gold found tp  recall precision")
    for r in failing:
        note = f"  [{r['error']}]" if r["error"] else ""
        print(
            f"  {r['id']:4} {r['class']:15} {r['query']!s:10} {r['gold']:>4} {r['found']:>4} "
            f"{r['true_positives']:>4}  {r['recall']:.3f} {r['precision']:.3f}{note}"
        )
        if show:
            print(f"        missed {r['missed']}\n        extra  {r['extra']}")


def main() -> None:
    global gold_set
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="dev", help="gold set (default dev)")
    ap.add_argument("--show", action="store_true", help="list missed and extra turn ids")
    a = ap.parse_args()
    gold_set = load_set(a.set)
    res = {"set": a.set, **evaluate()}
    print_table(res, a.show)
    out = RESULTS[a.set]
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nsaved {out}")


if __name__ == "__main__":
    main()

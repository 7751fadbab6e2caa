"""Precision on expository text: how many findings in a paper or report protect no one.

The six fictional texts of ``tests/protect/expository_fixture.py`` (an English paper, an
NGO report chapter with tables and sentence-case headings, an English and a Korean news
story, a Korean report and a Korean paper) name states, demonyms, institutions, rivers,
cited authors in several citation shapes and leaders, and a few participants' pseudonyms,
hometowns, ages and dates (marked as gold). A finding that overlaps no gold
identifier protects no one: it costs a reviewer a decision, and replaced it can change
what the text says. Target (issue 15): at most 10% of findings.

    python benchmarks/expository.py            # prints a table, saves results/expository.json
    python benchmarks/expository.py --show     # also the findings that protect no one
                                                 (terminal only: the words themselves)
    python benchmarks/expository.py --set dev2  # benchmarks/expository_dev2 (six texts,
                                                 gold as frozen3/README.md) through the
                                                 project pipeline, as frozen_deid.py scores
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from moksori.protect.scan import detect_texts  # noqa: E402
from tests.protect.expository_fixture import (  # noqa: E402
    CHAPTER_EN,
    NEWS_EN,
    NEWS_KO,
    PAPER_EN,
    PAPER_KO,
    REPORT_KO,
    parse,
)

TEXTS = {
    "paper (English)": PAPER_EN,
    "report (Korean)": REPORT_KO,
    "news (English)": NEWS_EN,
    "news (Korean)": NEWS_KO,
    "chapter (English)": CHAPTER_EN,
    "paper (Korean)": PAPER_KO,
}


def measure(show: bool = False) -> dict[str, Any]:
    parsed = {name: parse(marked) for name, marked in TEXTS.items()}
    t0 = time.perf_counter()
    found = detect_texts([text for text, _ in parsed.values()])
    seconds = time.perf_counter() - t0
    out: dict[str, Any] = {"seconds": round(seconds, 2), "texts": {}}
    for (name, (text, gold)), spans in zip(parsed.items(), found, strict=True):
        empty = [s for s in spans if not any(a < s.end and s.start < b for a, b, _ in gold)]
        if show:  # terminal only: the fixture is fictional, but never save words
            for s in empty:
                print(f"  {name}: {s.type.value} {s.detector} {text[s.start : s.end]!r}")
        hit = [g for g in gold if any(g[0] < s.end and s.start < g[1] for s in spans)]
        by_type: dict[str, dict[str, int]] = {}
        for g in gold:
            row = by_type.setdefault(g[2], {"gold": 0, "found": 0})
            row["gold"] += 1
            row["found"] += g in hit
        out["texts"][name] = {
            "characters": len(text),
            "findings": len(spans),
            "protect_no_one": len(empty),
            "share_protecting_no_one": round(len(empty) / max(1, len(spans)), 3),
            "empty_by_type": _count(s.type.value for s in empty),
            "gold": len(gold),
            "gold_found": len(hit),
            "by_type": by_type,
        }
    return out


def measure_set(folder: Path, show: bool = False) -> dict[str, Any]:
    """A set in frozen_deid's record format, scored as frozen_deid scores its expository
    texts (upload, scan, accept all): findings touching only ignore spans count neither way."""
    sys.path.insert(0, str(HERE))
    import frozen_deid as fd

    passages = fd.load("expository.jsonl", folder)
    t0 = time.process_time()
    with tempfile.TemporaryDirectory(prefix="moksori-expository-") as tmp:
        outcome = fd.run_project(passages, Path(tmp))
    out: dict[str, Any] = {"cpu_seconds": round(time.process_time() - t0, 2), "texts": {}}
    for p, pred in zip(passages, outcome.preds, strict=True):
        s = fd.score([p], [pred])["overall"]
        empty = [x for x in pred if not any(fd._overlaps(g, x) for g in p.gold + p.ignore)]
        if show:  # terminal only: the set is fictional, but never save words
            for x in empty:
                print(f"  {p.id}: {x.label} {p.text[x.start : x.end]!r}")
        out["texts"][p.id] = {
            "characters": len(p.text),
            "findings": s["pred"],
            "protect_no_one": len(empty),
            "share_protecting_no_one": s["protect_no_one"] or 0.0,
            "empty_by_type": _count(x.label for x in empty),
            "gold": s["gold"],
            "gold_found": round((s["recall_overlap"] or 0) * s["gold"]),
        }
    return out


def _count(items: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in items:
        counts[x] = counts.get(x, 0) + 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "expository.json")
    ap.add_argument("--show", action="store_true", help="print findings that protect no one")
    ap.add_argument(
        "--set", choices=("fixture", "dev2"), default="fixture", help="which texts to score"
    )
    a = ap.parse_args()
    if a.set == "dev2":
        result = measure_set(HERE / "expository_dev2", a.show)
        if a.out == HERE / "results" / "expository.json":
            a.out = HERE / "results" / "expository_dev2.json"
    else:
        result = measure(a.show)
    print(f"{'text':<18} {'findings':>8} {'protect no one':>15} {'gold found':>11}")
    for name, r in result["texts"].items():
        share = f"{r['protect_no_one']} ({r['share_protecting_no_one']:.0%})"
        print(f"{name:<18} {r['findings']:>8} {share:>15} {r['gold_found']:>5}/{r['gold']:<5}")
    found = sum(r["findings"] for r in result["texts"].values())
    empty = sum(r["protect_no_one"] for r in result["texts"].values())
    gold = sum(r["gold"] for r in result["texts"].values())
    hit = sum(r["gold_found"] for r in result["texts"].values())
    print(
        f"{'all':<18} {found:>8} {f'{empty} ({empty / max(1, found):.0%})':>15} {hit:>5}/{gold:<5}"
    )
    print("target: at most 10% of findings protect no one")
    result["when"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    result["machine"] = {"python": platform.python_version()}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"saved {a.out}")


if __name__ == "__main__":
    main()

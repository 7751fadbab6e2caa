#!/usr/bin/env python3
"""Review at the scale of real projects: how many decisions settle a scanned project.

    python benchmarks/review_groups.py                 # fictional study, 40 testimonies
    python benchmarks/review_groups.py --korean 80 --english 20

Builds the fictional study of tests/protect/study_corpus.py (12 people and 8 places
named in the forms people use: full name, given name with 이, kinship word, 씨,
romanised in English summaries), scans it, groups the findings
(``Deid.groups``), accepts every group one decision at a time, and counts what
is still readable in the accepted-only view. If the throughput project of
benchmarks/deid.py exists (benchmarks/work/deid-scan-2mb.moksori), a copy of it
is scanned as well to time propagation and grouping on 1.4M characters.

Prints a table and saves benchmarks/results/review_groups.json. Every name in the
corpus is invented; the counts printed hold no text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

PASSPHRASE = "benchmark passphrase (fictional corpus)"
VAULT = "benchmark vault passphrase"
THROUGHPUT = HERE / "work" / "deid-scan-2mb.moksori"


def study(korean: int, english: int, tmp: Path) -> dict[str, Any]:
    from moksori.project import Project
    from moksori.protect.view import document_view
    from tests.protect.study_corpus import PEOPLE, PLACES, write_study

    with Project.create(tmp / "study.moksori", PASSPHRASE) as p:
        p.add([write_study(tmp / "docs", korean, english)], workers=2)
        t0 = time.perf_counter()
        scan = p.deid.scan(workers=2)
        scan_s = time.perf_counter() - t0
        findings = len(p.deid.findings.select())
        t0 = time.perf_counter()
        groups = p.deid.groups()
        group_s = time.perf_counter() - t0
        vault = p.deid.create_vault(tmp / "study.vault", VAULT)
        decisions = 0
        t0 = time.perf_counter()
        while True:
            todo = p.deid.groups()
            if not todo:
                break
            p.deid.decide_groups([todo[0].id], "accepted", vault=vault)
            decisions += 1
        decide_s = time.perf_counter() - t0
        forms = [f for full, roman in PEOPLE for f in (full, full[1:], roman)]
        forms += [f for pair in PLACES for f in pair]
        planted = readable = 0
        for d in p.documents():
            original = p.document(d.id).text
            view = document_view(p.conn, d.id, include_proposed=False).text
            for form in forms:
                planted += original.count(form)
                readable += view.count(form)
        vault.close()
    return {
        "documents": korean + english,
        "entities": len(PEOPLE) + len(PLACES),
        "findings": findings,
        "propagated": scan.spread,
        "groups": len(groups),
        "decisions_to_settle": decisions,
        "findings_per_decision": round(findings / max(1, decisions), 1),
        "planted_mentions": planted,
        "readable_after_accepting_every_group": readable,
        "scan_seconds": round(scan_s, 2),
        "group_seconds": round(group_s, 3),
        "decide_seconds_total": round(decide_s, 2),
    }


def throughput(tmp: Path) -> dict[str, Any]:
    from moksori.project import Project
    from moksori.protect import deid

    if not THROUGHPUT.exists():
        return {
            "skipped": f"{THROUGHPUT.name} not built (run benchmarks/deid.py --only throughput)"
        }
    copy = tmp / "throughput.moksori"
    shutil.copy(THROUGHPUT, copy)
    with Project.open(copy, PASSPHRASE) as p:
        with p.conn:
            p.conn.execute("DELETE FROM finding")
            p.conn.execute("DELETE FROM deid_scan")
        chars = int(p.conn.execute("SELECT sum(char_count) FROM document").fetchone()[0])
        timed: dict[str, float] = {}
        original = deid.Deid.propagate

        def propagate(self: Any, vault: Any = None, *, sources: Any = None) -> list[int]:
            t0 = time.perf_counter()
            out = original(self, vault, sources=sources)
            timed["propagate"] = time.perf_counter() - t0
            return out

        deid.Deid.propagate = propagate  # type: ignore[method-assign]
        try:
            t0 = time.perf_counter()
            scan = p.deid.scan(workers=2)
            scan_s = time.perf_counter() - t0
        finally:
            deid.Deid.propagate = original  # type: ignore[method-assign]
        findings = len(p.deid.findings.select())
        t0 = time.perf_counter()
        groups = p.deid.groups(status=None)
        group_s = time.perf_counter() - t0
    return {
        "documents": scan.documents,
        "characters": chars,
        "findings": findings,
        "propagated": scan.spread,
        "groups": len(groups),
        "findings_per_group": round(findings / max(1, len(groups)), 1),
        "scan_seconds": round(scan_s, 2),
        "propagate_seconds": round(timed.get("propagate", 0.0), 2),
        "propagate_share_of_scan": round(timed.get("propagate", 0.0) / scan_s, 3),
        "group_seconds": round(group_s, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--korean", type=int, default=30, help="Korean testimonies")
    ap.add_argument("--english", type=int, default=10, help="English summaries")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "review_groups.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[str, Any] = {"study": study(args.korean, args.english, Path(tmp))}
        if not args.skip_throughput:
            results["throughput"] = throughput(Path(tmp))
    for section, values in results.items():
        print(section)
        for k, v in values.items():
            print(f"  {k:<40} {v}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

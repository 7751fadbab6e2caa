#!/usr/bin/env python3
"""REFI-QDA benchmark: import and export of the large .qdpx fixture (issue 5, point 8).

    python benchmarks/interop.py                 # 200 sources, 20,000 selections
    python benchmarks/interop.py --sources 20 --selections 2000 --repeat 1

The fixture comes from scripts/qdpx_fixtures.py (cached in benchmarks/work/).
Times ``import_qdpx`` into a fresh encrypted project and ``export_qdpx`` of that
project, each ``--repeat`` times (the machine is shared, so best and median are
given), then validates the export against Project.xsd when ../shared/refi-qda is
present, timed on its own. Target: under 10 s each. Prints a table and saves
benchmarks/results/interop.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
RESULTS = HERE / "results"
SCHEMA = REPO.parent / "shared" / "refi-qda" / "Project.xsd"
PASSPHRASE = "benchmark passphrase (fictional corpus)"
TARGET_S = 10.0
sys.path.insert(0, str(REPO / "src"))


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "qdpx_fixtures", REPO / "scripts" / "qdpx_fixtures.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["qdpx_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def fixture(sources: int, selections: int) -> tuple[Path, Any]:
    """The large package, built once per size (bump -v1 when the generator changes)."""
    path = WORK / f"qdpx-large-{sources}x{selections}-v1.qdpx"
    done = WORK / f"{path.name}.complete"
    gen = _generator()
    if not (path.exists() and done.exists()):
        WORK.mkdir(parents=True, exist_ok=True)
        gen.make_large(path, sources=sources, selections=selections, seed=0)
        done.write_text("ok")
    return path, gen


def _fresh(name: str) -> Path:
    path = WORK / name
    for f in WORK.glob(name + "*"):
        f.unlink()
    return path


def run(sources: int, selections: int, repeat: int) -> dict[str, Any]:
    from moksori.interop.qdpx_export import export_qdpx
    from moksori.interop.qdpx_import import import_qdpx
    from moksori.project import Project

    path, _ = fixture(sources, selections)
    imports: list[float] = []
    exports: list[float] = []
    report: Any = None
    out = WORK / "qdpx-large-export.qdpx"
    for i in range(repeat):
        with Project.create(_fresh(f"qdpx-import-{i}.moksori"), PASSPHRASE) as proj:
            t0 = time.perf_counter()
            report = import_qdpx(proj, path)
            imports.append(time.perf_counter() - t0)
            out.unlink(missing_ok=True)
            t0 = time.perf_counter()
            export_qdpx(proj, out)
            exports.append(time.perf_counter() - t0)
        for f in WORK.glob(f"qdpx-import-{i}.moksori*"):
            f.unlink()
    result: dict[str, Any] = {
        "fixture": {
            "sources": sources,
            "selections": selections,
            "mb": round(path.stat().st_size / 1e6, 2),
        },
        "imported": {
            "documents": report.documents,
            "codings": report.codings,
            "cases": report.cases,
            "elements": sum(report.elements.values()),  # every one imported or skipped
            "skipped": report.skipped,
        },
        "import_s": {
            "best": round(min(imports), 2),
            "median": round(statistics.median(imports), 2),
            "runs": [round(t, 2) for t in imports],
        },
        "export_s": {
            "best": round(min(exports), 2),
            "median": round(statistics.median(exports), 2),
            "runs": [round(t, 2) for t in exports],
        },
        "target_s": TARGET_S,
    }
    if SCHEMA.is_file():
        from lxml import etree

        from moksori.interop.refi import load_schema

        t0 = time.perf_counter()
        schema = load_schema(SCHEMA)
        with zipfile.ZipFile(out) as z:
            doc = etree.fromstring(z.read("project.qde"), etree.XMLParser(huge_tree=True))
        valid = schema.validate(doc)
        result["validate"] = {"valid": bool(valid), "seconds": round(time.perf_counter() - t0, 2)}
    else:
        result["validate"] = {"skipped": f"{SCHEMA} not found"}
    return result


def print_table(r: dict[str, Any]) -> None:
    fx, imp, exp, val = r["fixture"], r["import_s"], r["export_s"], r["validate"]
    got = r["imported"]

    def verdict(s: float) -> str:
        return "met" if s < TARGET_S else "NOT met"

    rows = [
        ("fixture", f"{fx['sources']} sources, {fx['selections']:,} selections, {fx['mb']} MB"),
        (
            "imported",
            f"{got['documents']} documents, {got['codings']:,} codings, {got['cases']} cases",
        ),
        (
            "accounted for",
            f"{got['elements']:,} elements of the file; skipped: {got['skipped'] or 'nothing'}",
        ),
        (
            "import (best / median)",
            f"{imp['best']} / {imp['median']} s (target < 10 s: {verdict(imp['median'])})",
        ),
        (
            "export (best / median)",
            f"{exp['best']} / {exp['median']} s (target < 10 s: {verdict(exp['median'])})",
        ),
        (
            "export vs Project.xsd",
            f"valid={val['valid']} in {val['seconds']} s" if "valid" in val else val["skipped"],
        ),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"\n{'interop benchmark'.ljust(width)}  result\n{'-' * width}  {'-' * 60}")
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--selections", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        **run(a.sources, a.selections, max(1, a.repeat)),
    }
    print_table(result)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "interop.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nsaved {RESULTS / 'interop.json'}")


if __name__ == "__main__":  # worker processes of the import re-import this file
    main()

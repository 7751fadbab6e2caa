#!/usr/bin/env python3
"""Build frozen set v2 from its marked-up sources (same markup and format as v1).

    python benchmarks/frozen2/build.py          # writes testimonies.jsonl, expository.jsonl
    python benchmarks/frozen2/build.py --check  # fails if the jsonl differ from the sources

The parser is v1's (benchmarks/frozen/build.py), imported rather than copied, so both sets
follow one markup: ``[[p|name]]`` gold spans, ``{{text}}`` ignore spans, ``### <id>``
passages. Only the folder differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUTPUTS = {
    "testimonies.jsonl": ("testimonies_ko.txt", "testimonies_en.txt"),
    "expository.jsonl": ("expository_en.txt", "expository_ko.txt"),
}


def _v1() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "frozen_v1_build", HERE.parent / "frozen" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build() -> dict[str, str]:
    """Return the jsonl text of every output file."""
    import json

    v1 = _v1()
    result: dict[str, str] = {}
    seen: set[str] = set()
    for name, sources in OUTPUTS.items():
        rows = [r for src in sources for r in v1.read_source(SRC / src)]
        for r in rows:
            if r["id"] in seen:
                raise ValueError(f"duplicate passage id {r['id']}")
            seen.add(r["id"])
        result[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args()
    built = build()
    stale = [
        n
        for n, t in built.items()
        if not (HERE / n).exists() or (HERE / n).read_text(encoding="utf-8") != t
    ]
    if args.check:
        if stale:
            sys.exit(f"out of date: {', '.join(stale)} (run benchmarks/frozen2/build.py)")
        print("frozen set v2 is up to date")
        return
    for name, text in built.items():
        (HERE / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(built)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the expository development set dev2 from its marked-up sources (v1's markup).

    python benchmarks/expository_dev2/build.py          # writes expository.jsonl
    python benchmarks/expository_dev2/build.py --check  # fails if the jsonl differs

The passage parser is v1's (benchmarks/frozen/build.py), imported rather than copied, so
every set follows one markup. dev2 has expository texts only, so there is one output.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SOURCES = ("expository_en.txt", "expository_ko.txt")


def _v1() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "frozen_v1_build", HERE.parent / "frozen" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build() -> str:
    """Return the text of expository.jsonl."""
    v1 = _v1()
    rows = [r for src in SOURCES for r in v1.read_source(HERE / "src" / src)]
    if len({r["id"] for r in rows}) != len(rows):
        raise ValueError("duplicate passage id")
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    built = build()
    out = HERE / "expository.jsonl"
    if ap.parse_args().check:
        if not out.exists() or out.read_text(encoding="utf-8") != built:
            sys.exit("out of date: expository.jsonl (run benchmarks/expository_dev2/build.py)")
        print("expository_dev2 is up to date")
        return
    out.write_text(built, encoding="utf-8", newline="\n")
    print("wrote expository.jsonl")


if __name__ == "__main__":
    main()

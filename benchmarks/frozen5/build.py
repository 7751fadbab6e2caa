#!/usr/bin/env python3
"""Build frozen set v5 from its marked-up sources (same markup and format as v1 to v4).

    python benchmarks/frozen5/build.py          # writes testimonies.jsonl, expository.jsonl
    python benchmarks/frozen5/build.py --check  # fails if the jsonl differ from the sources

The parser is v1's (benchmarks/frozen/build.py), imported rather than copied, so the five
sets follow one markup: ``[[p|name]]`` gold spans, ``{{text}}`` ignore spans, ``### <id>``
passages. Only the folder differs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


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
    result: dict[str, str] = _v1().build(HERE)
    return result


if __name__ == "__main__":
    _v1().main(HERE)

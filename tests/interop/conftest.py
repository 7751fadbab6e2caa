"""Shared interop fixtures: the ``.qdpx`` packages of scripts/qdpx_fixtures.py, built per test.

The generator is loaded by path (scripts/ is not a package) and writes into
``tmp_path``, so every test gets fresh files and nothing binary is committed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_generator() -> ModuleType:
    name = "moksori_qdpx_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "qdpx_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def qdpx_gen() -> ModuleType:
    """scripts/qdpx_fixtures.py: vendor-quirk packages and the large fixture."""
    return _load_generator()


@pytest.fixture
def quirk_dir(tmp_path: Path) -> Path:
    out = tmp_path / "qdpx"
    out.mkdir()
    return out


@pytest.fixture
def outside_file(tmp_path: Path) -> Path:
    """A real file an ``absolute://`` path names; an import must never read it."""
    f = tmp_path / "outside" / "secret 비밀.txt"
    f.parent.mkdir()
    f.write_text("SECRET 비밀 text that must stay outside 🔒\n", encoding="utf-8")
    return f


@pytest.fixture
def small_large(qdpx_gen: ModuleType, quirk_dir: Path) -> Any:
    """The large fixture at test size: 20 sources, 2,000 selections."""
    return qdpx_gen.make_large(quirk_dir / "large.qdpx", sources=20, selections=2000, seed=3)

"""Shared interop fixtures: the ``.qdpx`` packages of scripts/qdpx_fixtures.py, built per test.

The generator is loaded by path (scripts/ is not a package) and writes into
``tmp_path``, so every test gets fresh files and nothing binary is committed.
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from moksori.project import Project

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


def add_study_texts(p: Project, tmp_path: Path, ko: str, en: str) -> tuple[int, int]:
    """Add a Korean text (written in NFD, as some Mac editors save it; the store holds NFC)
    and its English counterpart, and the two coders the study fixtures code with."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ko.txt").write_text(unicodedata.normalize("NFD", ko), encoding="utf-8")
    (folder / "en.txt").write_text(en, encoding="utf-8")
    assert p.add([folder], workers=1).count("added") == 2
    ids = {d.source_name: d.id for d in p.documents()}
    p.coders.add("연구자 A", "owner")
    p.coders.add("coder b")
    return ids["in/ko.txt"], ids["in/en.txt"]

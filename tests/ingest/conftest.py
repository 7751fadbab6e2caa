"""Shared helpers for ingest tests: the binary fixture generator and sample files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


def _load_fixture_generator() -> ModuleType:
    # Loaded by path under a distinct name: scripts/ is not a package.
    name = "moksori_test_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fx() -> ModuleType:
    """scripts/fixtures.py, which builds docx/hwpx/hwp/pdf files as bytes."""
    return _load_fixture_generator()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA

"""Shared helpers for ingest tests: the binary fixture generator and sample files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"

# Fictional testimony for the hostile-folder tests.
KO = "참여자: 저는 혜산에서 왔어요. 2010년 겨울에 강을 건넜습니다.\n"
EN = "Participant: I crossed the river in the winter of 2010.\n"


def hostile_folder(tmp_path: Path) -> Path:
    """Two interviews beside a pipe and links to /dev/zero, /etc/passwd and a file
    outside the folder (the ingest and CLI tests each add their own extras)."""
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes.txt").write_text("A note kept outside the folder.\n", encoding="utf-8")
    d = tmp_path / "interviews"
    d.mkdir()
    (d / "ko.txt").write_text(KO, encoding="utf-8")
    (d / "en.txt").write_text(EN, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "passwd.txt").symlink_to("/etc/passwd")
    (d / "escape.txt").symlink_to(outside / "notes.txt")
    return d


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

"""Shared fixtures. The passphrase used in tests is fictional and never printed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.project import Project

TEST_PASSPHRASE = "correct horse battery staple 말"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MOKSORI_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.moksori"


@pytest.fixture
def project(project_path: Path, passphrase: str) -> Iterator[Project]:
    p = Project.create(project_path, passphrase)
    yield p
    p.close()


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["MOKSORI_PASSPHRASE"] = TEST_PASSPHRASE
    env.update(extra)
    return env

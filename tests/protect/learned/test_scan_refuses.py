"""A project scan with a missing or damaged model stops with one error and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from moksori.errors import DeidError, ModelMissing
from moksori.project import Project
from moksori.protect.learned import labeller


def _findings(project: Project) -> int:
    return int(project.conn.execute("SELECT count(*) FROM finding").fetchone()[0])


def test_a_damaged_model_stops_the_project_scan(
    testimony: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(labeller.DATA_DIR, tmp_path / "model")
    damaged = tmp_path / "model" / labeller.MODEL_KO
    damaged.write_bytes(damaged.read_bytes()[:-100])
    monkeypatch.setattr(labeller, "DATA_DIR", tmp_path / "model")
    with pytest.raises(ModelMissing) as caught:
        testimony.deid.scan()
    assert isinstance(caught.value, DeidError)  # the CLI prints it as one line
    assert "reinstall moksori" in str(caught.value)
    assert _findings(testimony) == 0  # no silent fallback to the rules alone
    monkeypatch.undo()
    testimony.deid.scan()
    assert _findings(testimony) > 0

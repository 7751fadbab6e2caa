"""The web workspace never writes testimony to a file: reports and exports are
made in memory and sent to the browser."""

from __future__ import annotations

import builtins
import os
import tempfile
from typing import Any

import pytest

from moksori.project import Project
from tests.web.conftest import Browser


@pytest.fixture
def no_writes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail any file opened for writing, and any temporary file or folder."""
    attempts: list[str] = []
    real_open = builtins.open
    real_os_open = os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            attempts.append(str(file))
            raise AssertionError(f"a file was opened for writing: {file}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            attempts.append(str(path))
            raise AssertionError(f"a file was opened for writing: {path}")
        return real_os_open(path, flags, *args, **kwargs)

    def no_temp(*args: Any, **kwargs: Any) -> Any:
        attempts.append("temporary file")
        raise AssertionError("a temporary file or folder was made")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("mkstemp", "mkdtemp", "TemporaryDirectory", "NamedTemporaryFile"):
        monkeypatch.setattr(tempfile, name, no_temp)
    return attempts


def test_reports_and_exports_are_made_in_memory(
    as_owner: Browser, study: Project, no_writes: list[str]
) -> None:
    doc = next(d for d in study.documents() if d.source_name == "interview-01.ko.txt")
    study.codings.apply("Crossing", doc.id, 0, 20, coder="Coder Lee")
    page = as_owner.client.get("/reports?original=true")
    assert page.status_code == 200, page.text[:300]
    report = as_owner.client.get("/reports/download/report.html?original=true")
    assert report.status_code == 200 and "Crossing" in report.text
    for fmt in ("csv", "xlsx"):
        export = as_owner.client.get(f"/coded/export?format={fmt}&original=true")
        assert export.status_code == 200 and len(export.content) > 100
    assert no_writes == []

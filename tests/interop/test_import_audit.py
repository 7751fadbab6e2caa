"""An import from another tool is one audited use case: its files leave no event of
their own (store/documents.insert_file records none), the import leaves one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.qdpx_import import import_qdpx
from moksori.project import Project
from moksori.store import audit
from tests.interop.conftest import add_study_texts

KO = "면담자: 언제 건넜어요?\n참여자: 2011년에 강을 건넜습니다.\n"
EN = "Interviewer: How did you cross?\nParticipant: At night.\n"


@pytest.fixture
def other(tmp_path: Path, passphrase: str) -> Iterator[Project]:
    p = Project.create(tmp_path / "other.moksori", passphrase)
    yield p
    p.close()


def test_a_qdpx_import_is_one_event_of_counts(
    project: Project, other: Project, tmp_path: Path
) -> None:
    add_study_texts(project, tmp_path, KO, EN)
    out = tmp_path / "study.qdpx"
    export_qdpx(project, out)
    before = audit.last_id(other.conn)
    report = import_qdpx(other.acting_as("연구자 A"), out)
    events = [e for e in audit.entries(other.conn) if e["id"] > before]
    assert [e["action"] for e in events] == [str(audit.Action.PROJECT_IMPORT)]
    (event,) = events
    assert event["actor"] == "연구자 A"
    assert event["detail"]["choice"] == "qdpx"
    assert event["detail"]["counts"]["documents"] == report.documents == 2
    assert "study" not in str(event["detail"])  # no file name, no text

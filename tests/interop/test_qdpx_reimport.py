"""Importing the same .qdpx twice merges, memos included, as codings always did."""

from __future__ import annotations

from pathlib import Path

from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.qdpx_import import import_qdpx
from moksori.project import Project
from tests.interop.test_qdpx_import import other, study  # noqa: F401  (fixtures)


def _memos(p: Project) -> list[tuple[str, str, str]]:
    return sorted((m.target_kind, m.title, m.text) for m in p.memos.list())


def _coding_memos(p: Project) -> list[int]:
    rows = p.conn.execute("SELECT target_id FROM memo WHERE target_kind = 'coding'").fetchall()
    return sorted(int(r[0]) for r in rows)


def test_a_second_import_adds_no_memo(study: Project, other: Project, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "study.qdpx"
    export_qdpx(study, out)
    first = import_qdpx(other, out)
    assert first.memos == 5 and first.memos_existing == 0
    memos, coding_memos = _memos(other), _coding_memos(other)
    codings = other.conn.execute("SELECT count(*) FROM coding").fetchone()[0]

    again = import_qdpx(other, out)
    assert again.memos == 0 and again.memos_existing == 5 and again.codings == 0
    assert _memos(other) == memos
    # the coding memo stays on its coding, not moved to the project on the second pass
    assert _coding_memos(other) == coding_memos and len(coding_memos) == 1
    assert other.conn.execute("SELECT count(*) FROM coding").fetchone()[0] == codings


def test_a_memo_changed_elsewhere_comes_in_beside_the_old_one(
    study: Project,  # noqa: F811
    other: Project,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "study.qdpx"
    export_qdpx(study, out)
    import_qdpx(other, out)
    memo = next(m for m in study.memos.list() if m.target_kind == "project")
    study.memos.edit(memo.id, text="김순희 overview, revised")
    export_qdpx(study, out)
    again = import_qdpx(other, out)
    assert again.memos == 1 and again.memos_existing == 4  # nothing lost, nothing doubled
    texts = [m.text for m in other.memos.list() if m.target_kind == "project"]
    assert sorted(texts) == ["김순희 overview", "김순희 overview, revised"]

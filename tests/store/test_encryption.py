"""The project file is encrypted at rest and a wrong passphrase changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from moksori.errors import ProjectExists, ProjectNotFound, WrongPassphrase
from moksori.project import Project

SECRET_SENTENCE = "김순희 씨는 혜산에서 2010년에 강을 건넜습니다. Kim Sunhee crossed the river."


def _project_with_text(path: Path, passphrase: str, tmp_path: Path) -> None:
    src = tmp_path / "interview.txt"
    src.write_text(SECRET_SENTENCE * 20, encoding="utf-8")
    with Project.create(path, passphrase) as p:
        report = p.add([src], workers=1)
        assert report.count("added") == 1


def test_stock_sqlite_sees_only_noise(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    _project_with_text(project_path, passphrase, tmp_path)
    raw = b"".join(f.read_bytes() for f in project_path.parent.glob(project_path.name + "*"))
    assert b"SQLite format 3" not in raw
    for needle in ("김순희", "혜산", "Kim Sunhee", "crossed", "segment_fts", "CREATE TABLE"):
        assert needle.encode("utf-8") not in raw
        assert needle.encode("utf-16-le") not in raw
    conn = sqlite3.connect(project_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_wrong_passphrase_is_clear_and_touches_nothing(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    _project_with_text(project_path, passphrase, tmp_path)
    before = {p.name: p.read_bytes() for p in project_path.parent.glob("study.moksori*")}
    with pytest.raises(WrongPassphrase) as info:
        Project.open(project_path, "not the passphrase")
    assert "wrong passphrase" in str(info.value)
    assert "not the passphrase" not in str(info.value)
    after = {p.name: p.read_bytes() for p in project_path.parent.glob("study.moksori*")}
    assert before == after
    with Project.open(project_path, passphrase) as p:
        assert p.info().documents == 1


def test_open_missing_and_create_existing(project_path: Path, passphrase: str) -> None:
    with pytest.raises(ProjectNotFound):
        Project.open(project_path, passphrase)
    assert not project_path.exists()  # opening must not create a file
    Project.create(project_path, passphrase).close()
    with pytest.raises(ProjectExists):
        Project.create(project_path, passphrase)


def test_a_plain_sqlite_file_is_not_a_project(tmp_path: Path, passphrase: str) -> None:
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t(a)")
    conn.commit()
    conn.close()
    with pytest.raises(WrongPassphrase):
        Project.open(plain, passphrase)


def test_each_project_has_its_own_salt(tmp_path: Path, passphrase: str) -> None:
    a, b = tmp_path / "a.moksori", tmp_path / "b.moksori"
    Project.create(a, passphrase).close()
    Project.create(b, passphrase).close()
    assert a.read_bytes()[:16] != b.read_bytes()[:16]

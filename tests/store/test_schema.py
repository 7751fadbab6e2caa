from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import ProjectError, SchemaTooNew
from moksori.project import Project
from moksori.store import schema


def test_new_project_is_at_latest_schema(project: Project) -> None:
    info = project.info()
    assert info.schema_version == schema.LATEST_VERSION
    assert info.encryption.startswith("SQLCipher 4")
    assert "argon2id" in info.key_derivation


def test_migrations_run_on_open(
    project_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project.create(project_path, passphrase).close()
    extra = (schema.LATEST_VERSION + 1, "CREATE TABLE later_feature (id INTEGER PRIMARY KEY);")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    monkeypatch.setattr(schema, "LATEST_VERSION", extra[0])
    with Project.open(project_path, passphrase) as p:
        assert schema.current_version(p.conn) == extra[0]
        p.conn.execute("SELECT count(*) FROM later_feature").fetchone()


def test_a_failing_migration_leaves_the_schema_as_it_was(
    project_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project.create(project_path, passphrase).close()
    bad = (schema.LATEST_VERSION + 1, "CREATE TABLE half (id INTEGER);\nNOT VALID SQL;")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, bad])
    monkeypatch.setattr(schema, "LATEST_VERSION", bad[0])
    with pytest.raises(ProjectError, match="schema"):
        Project.open(project_path, passphrase)
    monkeypatch.undo()
    with Project.open(project_path, passphrase) as p:
        assert schema.current_version(p.conn) == schema.LATEST_VERSION
        names = {r[0] for r in p.conn.execute("SELECT name FROM sqlite_master")}
        assert "half" not in names


def test_newer_schema_is_refused(project: Project, project_path: Path, passphrase: str) -> None:
    project.conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    project.close()
    with pytest.raises(SchemaTooNew):
        Project.open(project_path, passphrase)

"""Passphrases: long enough for anything new, taken out of the environment once read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moksori.cli import passphrase
from moksori.cli.app import app
from moksori.errors import PassphraseMissing, VaultError, WeakPassphrase
from moksori.project import Project
from moksori.protect.deid import share_project
from moksori.store import database
from tests.conftest import TEST_PASSPHRASE

SECRETS = ("MOKSORI_PASSPHRASE", "MOKSORI_VAULT_PASSPHRASE", "MOKSORI_SHARE_PASSPHRASE")


@pytest.fixture(autouse=True)
def forget_secrets() -> Iterator[None]:
    """Secrets taken from the environment live for the process; not across these tests."""
    passphrase._taken.clear()
    passphrase._files.clear()
    yield
    passphrase._taken.clear()
    passphrase._files.clear()


def test_a_short_passphrase_makes_nothing_new(tmp_path: Path, project: Project) -> None:
    for short in ("x", "12345678901", "aaaaaaaaaaaaaaaa", "  short  "):
        with pytest.raises(WeakPassphrase, match="at least 12 characters"):
            Project.create(tmp_path / "new.moksori", short)
        assert not (tmp_path / "new.moksori").exists()
    with pytest.raises(VaultError, match="at least 12 characters"):
        project.deid.create_vault(tmp_path / "study.vault", "vault")
    with pytest.raises(WeakPassphrase, match="at least 12 characters"):
        share_project(project.conn, tmp_path / "shared.moksori", "share", None)
    assert not (tmp_path / "study.vault").exists() and not (tmp_path / "shared.moksori").exists()
    Project.create(tmp_path / "ok.moksori", "네 단어로 된 긴 암호문").close()  # 13 characters


def test_init_refuses_a_short_passphrase_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOKSORI_PASSPHRASE", "qz7")
    r = CliRunner().invoke(app, ["init", str(tmp_path / "s.moksori")])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "at least 12 characters" in lines[0] and "qz7" not in r.output
    assert not (tmp_path / "s.moksori").exists()


def test_an_existing_project_with_a_short_passphrase_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.moksori"
    with monkeypatch.context() as m:  # made before the rule existed
        m.setattr(database, "check_new_passphrase", lambda *_: None)
        Project.create(path, "x").close()
    Project.open(path, "x").close()
    monkeypatch.setenv("MOKSORI_PASSPHRASE", "x")
    r = CliRunner().invoke(app, ["info", str(path)])
    assert r.exit_code == 0, r.output


def test_secrets_leave_the_environment_when_the_cli_starts(
    project_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOKSORI_VAULT_PASSPHRASE", "vault passphrase (cli test)")
    r = CliRunner().invoke(app, ["info", str(project_path)])
    assert r.exit_code == 0, r.output
    assert not [v for v in SECRETS if v in os.environ]
    # a process started now does not inherit them
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(sorted(k for k in os.environ if 'PASS' in k))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert child.stdout.strip() == "[]"
    # and the same command can still ask for it again (e.g. to compare two passphrases)
    assert passphrase.get_passphrase() == TEST_PASSPHRASE
    assert passphrase.get_vault_passphrase() == "vault passphrase (cli test)"


def test_a_passphrase_from_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret"
    secret.write_text("a passphrase from a file 목소리\n", encoding="utf-8")
    monkeypatch.delenv("MOKSORI_PASSPHRASE", raising=False)
    monkeypatch.setenv("MOKSORI_PASSPHRASE_FILE", str(secret))
    assert passphrase.get_passphrase() == "a passphrase from a file 목소리"
    assert "MOKSORI_PASSPHRASE_FILE" not in os.environ
    monkeypatch.setenv("MOKSORI_VAULT_PASSPHRASE_FILE", str(tmp_path / "missing"))
    passphrase.take_secrets()  # at CLI start: nothing read yet, so nothing fails yet
    assert "MOKSORI_VAULT_PASSPHRASE_FILE" not in os.environ
    with pytest.raises(PassphraseMissing, match="cannot read MOKSORI_VAULT_PASSPHRASE_FILE"):
        passphrase.get_vault_passphrase()

"""The vault: its own passphrase, bound to one project, and refusing bad input cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import KnownNamesError, VaultError, VaultMismatch, WrongVaultPassphrase
from moksori.project import Project
from moksori.protect.deid import parse_known_names
from moksori.protect.vault import Vault
from tests.protect.conftest import VAULT_PASSPHRASE


def test_vault_is_encrypted_and_holds_names(vault: Vault, testimony: Project) -> None:
    testimony.deid.add_known(["김순희", "Kim Soon-hee"], vault, pseudonym="Youngmi")
    raw = vault.path.read_bytes()
    assert "김순희".encode() not in raw and b"Kim Soon-hee" not in raw
    assert b"SQLite format 3" not in raw[:16]
    found = vault.entity_for("Kim Soon-hee")
    assert found is not None and found == vault.entity_for("김순희")


def test_wrong_vault_passphrase_changes_nothing(vault: Vault, testimony: Project) -> None:
    path = vault.path
    vault.close()
    before = path.read_bytes()
    with pytest.raises(WrongVaultPassphrase):
        testimony.deid.open_vault(path, "not the vault passphrase")
    assert path.read_bytes() == before


def test_vault_of_another_project_is_refused(vault: Vault, tmp_path: Path, passphrase: str) -> None:
    other = Project.create(tmp_path / "other.moksori", passphrase)
    try:
        with pytest.raises(VaultMismatch, match="another project"):
            other.deid.open_vault(vault.path, VAULT_PASSPHRASE)
    finally:
        other.close()


def test_malformed_vault_files(testimony: Project, tmp_path: Path, passphrase: str) -> None:
    junk = tmp_path / "junk.vault"
    junk.write_bytes(b"\x00" * 10)
    with pytest.raises(VaultError):
        testimony.deid.open_vault(junk, VAULT_PASSPHRASE)
    # A moksori *project* with the same passphrase is not a vault either.
    proj = tmp_path / "looks-like.vault"
    Project.create(proj, VAULT_PASSPHRASE).close()
    with pytest.raises(VaultError, match="malformed"):
        testimony.deid.open_vault(proj, VAULT_PASSPHRASE)
    with pytest.raises(VaultError, match="no vault"):
        testimony.deid.open_vault(tmp_path / "missing.vault", VAULT_PASSPHRASE)


def test_vault_cannot_overwrite_an_existing_file(vault: Vault, testimony: Project) -> None:
    with pytest.raises(VaultError, match="already exists"):
        testimony.deid.create_vault(vault.path, VAULT_PASSPHRASE)


def test_known_names_file_errors_name_the_line(vault: Vault, testimony: Project) -> None:
    with pytest.raises(KnownNamesError, match="line 2: an alias is empty"):
        parse_known_names("지민 = Ji Min\n박옥순 = = Park Ok-sun\n")
    with pytest.raises(KnownNamesError, match="no names"):
        parse_known_names("# only a comment\n\n")
    entries = parse_known_names("지민 = Ji Min = Jimin\n리철수 = Ri Chol-su\nJimin = 김지민\n")
    with pytest.raises(KnownNamesError, match="line 3: a name repeats one on line 1"):
        testimony.deid.add_known_many(entries, vault)
    with pytest.raises(KnownNamesError, match="repeats an earlier alias"):
        testimony.deid.add_known(["지민", "지민"], vault)
    # all or nothing: nothing from the refused lists was kept
    assert vault.people() == [] and testimony.deid.entities.list() == []


def test_known_names_with_pseudonyms(vault: Vault, testimony: Project) -> None:
    entries = parse_known_names("지민 = Ji Min = Jimin -> Youngmi / 영미  # the main participant\n")
    [entity] = testimony.deid.add_known_many(entries, vault)
    assert (entity.pseudonym, entity.pseudonym_ko, entity.chosen) == ("Youngmi", "영미", True)
    assert [p.aliases for p in vault.known()] == [("지민", "Ji Min", "Jimin")]

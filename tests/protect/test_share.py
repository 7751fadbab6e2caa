"""The shared copy reveals no one: grep every byte of the decrypted file for planted names."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import VaultMismatch
from moksori.project import Project
from moksori.protect.deid import share_project
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.store.database import open_keyed
from tests.conftest import TEST_PASSPHRASE
from tests.protect.conftest import PLANTED, VAULT_PASSPHRASE, doc_id

SHARE_PASSPHRASE = "passphrase of the shared copy"


def _plaintext(path: Path, passphrase: str, tmp: Path) -> bytes:
    """The whole database decrypted with SQLCipher's own export: every table, index, FTS shadow."""
    db = open_keyed(path, passphrase)
    plain = tmp / "plain.db"
    db.conn.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
    db.conn.execute("SELECT sqlcipher_export('plaintext')")
    db.conn.execute("DETACH DATABASE plaintext")
    db.conn.close()
    return plain.read_bytes()


@pytest.fixture
def coded(vault: Vault, testimony: Project) -> Project:
    p = testimony
    p.deid.add_known(
        ["김순희", "Kim Soon-hee", "순희"], vault, pseudonym="Youngmi", pseudonym_ko="영미"
    )
    p.deid.add_known(["리철수", "Ri Chol-su"], vault)
    p.deid.scan(vault=vault)
    p.deid.review(Selector(), "accepted", vault=vault)
    d = doc_id(p, "interview-ko")
    text = p.document(d).text
    p.coders.add("a")
    p.codebook.create("가족 Family")
    start = text.index("남동생")
    p.codings.apply("가족 Family", d, start, text.index("\n", start), coder="a")
    p.memos.add("project", None, "리철수 came with her; 김순희 worries about him", author="a")
    return p


def test_shared_copy_has_no_planted_identity(coded: Project, vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "shared.moksori"
    report = share_project(coded.conn, out, SHARE_PASSPHRASE, vault)
    assert report.documents == 2 and report.codings == 1 and report.memos == 1
    raw = _plaintext(out, SHARE_PASSPHRASE, tmp_path)
    assert b"segment_fts_data" in raw and b"memo_fts_data" in raw  # FTS shadow tables too
    for name in PLANTED:
        assert name.encode() not in raw, "a planted identifier reached the shared copy"
        assert name.lower().encode() not in raw.lower()
    # the master project still holds them (originals are never changed)
    (tmp_path / "m").mkdir()
    assert "김순희".encode() in _plaintext(coded.path, TEST_PASSPHRASE, tmp_path / "m")


def test_shared_copy_is_usable_for_analysis(coded: Project, vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "shared.moksori"
    share_project(coded.conn, out, SHARE_PASSPHRASE, vault)
    with Project.open(out, SHARE_PASSPHRASE) as shared:
        [coding] = shared.codings.list()
        d = shared.document(coding.document_id)
        quote = d.text[coding.start : coding.end]
        assert quote.startswith("남동생 ") and "리철수" not in quote
        assert shared.search("남동생").total >= 1
        assert shared.search("리철수").total == 0
        assert [e.pseudonym for e in shared.deid.entities.list()][:1] == ["Youngmi"]
        # the same vault re-identifies in the copy (the project GUID is kept)
        with shared.deid.open_vault(vault.path, VAULT_PASSPHRASE) as v:
            assert "김순희" in shared.deid.reveal("Youngmi", v)


def test_a_vault_cannot_cross_to_an_unrelated_project(
    coded: Project, vault: Vault, tmp_path: Path
) -> None:
    other = Project.create(tmp_path / "unrelated.moksori", SHARE_PASSPHRASE)
    with pytest.raises(VaultMismatch):
        other.deid.open_vault(vault.path, VAULT_PASSPHRASE)
    other.close()


def test_free_text_takes_the_pseudonym_of_its_script(
    coded: Project, vault: Vault, tmp_path: Path
) -> None:
    coded.cases.add("김순희", "김순희 was interviewed twice; Kim Soon-hee asked for a copy")
    out = tmp_path / "shared.moksori"
    share_project(coded.conn, out, SHARE_PASSPHRASE, vault)
    with Project.open(out, SHARE_PASSPHRASE) as shared:
        [case] = shared.cases.list()
        assert case.name == "영미"
        assert "영미 was interviewed" in case.description and "Youngmi asked" in case.description
        [memo] = shared.memos.list()
        assert "김순희" not in memo.text and "영미 worries" in memo.text


def test_a_memo_on_a_passage_points_at_the_same_words_in_the_copy(
    coded: Project, vault: Vault, tmp_path: Path
) -> None:
    d = doc_id(coded, "interview-ko")
    text = coded.document(d).text
    start = text.index("남동생")  # after names that the copy replaces: offsets shift
    end = text.index("\n", start)
    coded.memos.add("document", d, "동생 이야기", author="a", span=(start, end))
    out = tmp_path / "shared.moksori"
    share_project(coded.conn, out, SHARE_PASSPHRASE, vault)
    with Project.open(out, SHARE_PASSPHRASE) as shared:
        (memo,) = [m for m in shared.memos.list() if m.start is not None]
        (coding,) = shared.codings.list()
        assert (memo.start, memo.end) == (coding.start, coding.end)  # same words as coded
        assert memo.quote is not None and memo.quote.startswith("남동생 ")
        assert "리철수" not in memo.quote

"""Scan → review → pseudonyms, across documents and languages; exports wait for review."""

from __future__ import annotations

import json

import pytest

from moksori.errors import UnreviewedFindings, VaultError
from moksori.project import Project
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.protect.view import document_view
from moksori.store import audit
from tests.protect.conftest import doc_id


def test_known_names_give_one_pseudonym_in_both_languages(vault: Vault, testimony: Project) -> None:
    testimony.deid.add_known(
        ["김순희", "Kim Soon-hee", "순희"], vault, pseudonym="Youngmi", pseudonym_ko="영미"
    )
    testimony.deid.scan(vault=vault)
    testimony.deid.review(Selector(status="proposed"), "accepted", vault=vault)
    ko = document_view(testimony.conn, doc_id(testimony, "interview-ko")).text
    en = document_view(testimony.conn, doc_id(testimony, "interview-en")).text
    assert "영미: 저는" in ko and "영미야" in ko and "김순희" not in ko
    assert "Youngmi: I crossed" in en and "Soon-hee" not in en
    assert "[전화번호]" in ko and "010-2398-4417" not in ko


def test_accepted_names_get_consistent_generated_pseudonyms(
    vault: Vault, testimony: Project
) -> None:
    d = doc_id(testimony, "interview-ko")
    text = testimony.document(d).text
    start = text.index("리철수")
    testimony.deid.findings.add_manual(d, start, start + 3, "person")
    testimony.deid.review(Selector(types=["person"]), "accepted", vault=vault)
    [entity] = [e for e in testimony.deid.entities.list() if e.findings]
    assert entity.pseudonym == "P01" and entity.pseudonym_ko == "인물1"
    assert "남동생 인물1이랑" in document_view(testimony.conn, d).text  # 일이랑
    testimony.deid.entities.rename(entity.id, "Cheol", "철이")
    assert "남동생 철이랑" in document_view(testimony.conn, d).text


def test_choosing_and_merging_pseudonyms_is_audited(vault: Vault, testimony: Project) -> None:
    d = doc_id(testimony, "interview-ko")
    text = testimony.document(d).text
    for name in ("리철수", "김순희"):
        at = text.index(name)
        testimony.deid.findings.add_manual(d, at, at + 3, "person")
    testimony.deid.review(Selector(types=["person"]), "accepted", vault=vault)
    p = testimony.acting_as("Reviewer Oh")
    first, second = [e for e in p.deid.entities.list() if e.findings][:2]
    p.deid.entities.rename(first.id, "Cheol", "철이")
    [renamed] = audit.entries(p.conn, "deid.entity.rename")
    assert renamed["actor"] == "Reviewer Oh"
    assert renamed["detail"] == {"targets": {"entity": [first.guid]}}  # never the pseudonym
    p.deid.entities.merge(second.id, first.id)
    [merged] = audit.entries(p.conn, "deid.entity.merge")
    detail = merged["detail"]
    assert detail["targets"]["entity"] == [second.guid, first.guid]
    assert detail["counts"] == {"findings": second.findings}
    assert audit.trash(p.conn, detail["targets"]["trash"][0])["guid"] == second.guid
    trail = json.dumps(audit.entries(p.conn), ensure_ascii=False)
    assert not any(w in trail for w in ("Cheol", "철이", "리철수", "김순희"))


def test_accepting_a_name_needs_the_vault(testimony: Project) -> None:
    d = doc_id(testimony, "interview-ko")
    testimony.deid.findings.add_manual(d, 0, 3, "person")
    testimony.conn.execute("UPDATE finding SET status = 'proposed'")
    with pytest.raises(VaultError, match="needs the vault"):
        testimony.deid.review(Selector(), "accepted")
    assert testimony.deid.findings.unreviewed() == 1


def test_rescan_keeps_decisions(vault: Vault, testimony: Project) -> None:
    testimony.deid.scan(vault=vault)
    first = testimony.deid.findings.select()
    assert first, "the scan found nothing"
    testimony.deid.review(Selector(ids=[first[0].id]), "rejected")
    testimony.deid.scan(vault=vault, rescan=True)
    again = {
        (f.document_id, f.start, f.end, f.type): f.status for f in testimony.deid.findings.select()
    }
    key = (first[0].document_id, first[0].start, first[0].end, first[0].type)
    assert again[key] == "rejected"
    assert len(again) == len(first)


def test_exports_refuse_unreviewed_findings(vault: Vault, testimony: Project) -> None:
    with pytest.raises(UnreviewedFindings, match="not been scanned"):
        testimony.deid.require_reviewed(False)
    testimony.deid.scan(vault=vault)
    with pytest.raises(UnreviewedFindings, match="await review"):
        testimony.deid.require_reviewed(False)
    testimony.deid.require_reviewed(True)  # the explicit override


def test_bulk_review_by_string_and_type(vault: Vault, testimony: Project) -> None:
    testimony.deid.scan(vault=vault)
    phones = testimony.deid.findings.select(Selector(types=["phone"]))
    assert phones
    n = testimony.deid.review(Selector(text="010-2398-4417"), "rejected").changed
    assert n >= 1
    assert all(
        f.status == "rejected"
        for f in testimony.deid.findings.select(Selector(text="010-2398-4417"))
    )


def test_reveal_is_audited_without_the_name(vault: Vault, testimony: Project) -> None:
    entity = testimony.deid.add_known(["박옥순", "Park Ok-sun"], vault, pseudonym="Mira")
    assert testimony.deid.reveal("Mira", vault, actor="lead") == ["박옥순", "Park Ok-sun"]
    [entry] = audit.entries(testimony.conn, "deid.reveal")
    assert entry["actor"] == "lead" and entry["detail"]["targets"]["entity"] == [entity.guid]
    assert "박옥순" not in json.dumps(entry, ensure_ascii=False)


def test_project_tables_hold_no_names(vault: Vault, testimony: Project) -> None:
    """Findings, entities and the audit keep spans and pseudonyms only."""
    testimony.deid.add_known(["김순희", "Kim Soon-hee"], vault, pseudonym="Youngmi")
    testimony.deid.scan(vault=vault)
    testimony.deid.review(Selector(), "accepted", vault=vault)
    for table in ("finding", "entity", "audit", "setting", "deid_scan"):
        dump = json.dumps(
            testimony.conn.execute(f"SELECT * FROM {table}").fetchall(), ensure_ascii=False
        )
        assert "김순희" not in dump and "Soon-hee" not in dump, table

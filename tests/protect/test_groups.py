"""Review per entity: ~250 findings over 20 people and places settle in about 20 decisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.errors import DeidError, VaultError
from moksori.project import Project
from moksori.protect.deid import group_refs
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.protect.view import document_view
from moksori.store import audit
from tests.protect.conftest import VAULT_PASSPHRASE
from tests.protect.study_corpus import PEOPLE, PLACES, write_study

ENTITIES = len(PEOPLE) + len(PLACES)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    project.add([write_study(tmp_path / "study")], workers=1)
    project.deid.scan(workers=1)
    return project


@pytest.fixture
def vault(study: Project, tmp_path: Path) -> Iterator[Vault]:
    v = study.deid.create_vault(tmp_path / "study.vault", VAULT_PASSPHRASE)
    yield v
    v.close()


def test_accepting_every_group_settles_the_project_in_about_one_decision_per_entity(
    study: Project, vault: Vault
) -> None:
    findings = study.deid.findings.select()
    groups = study.deid.groups()
    assert len(findings) >= 200
    assert len(groups) <= 1.2 * ENTITIES
    assert sum(g.size for g in groups) == len(findings)  # every proposal is in one group
    for g in groups:
        study.deid.decide_groups([g.id], "accepted", vault=vault)
    assert study.deid.findings.unreviewed() == 0
    assert study.deid.groups() == []
    # one pseudonym per person, whatever the form or the script
    people = [g for g in study.deid.groups(status="accepted") if g.type == "person"]
    assert all(g.entity_id is not None for g in people)
    for d in study.documents():
        text = document_view(study.conn, d.id, include_proposed=False).text
        for full, roman in PEOPLE:
            assert full not in text and full[1:] not in text, d.source_name
            assert roman not in text and roman.split(" ", 1)[1] not in text, d.source_name
        for full, bare in PLACES:
            assert full not in text and bare not in text, d.source_name


def test_a_group_joins_the_forms_and_scripts_of_one_person(study: Project) -> None:
    groups = study.deid.groups(with_text=True)
    [young] = [g for g in groups if "김영철" in g.texts]
    assert {"영철", "Kim Young-chol", "Young-chol"} <= set(young.texts)
    assert young.documents >= 3 and young.min_confidence <= young.mean_confidence
    [hoeryong] = [g for g in groups if "회령시" in g.texts]
    assert "회령" in hoeryong.texts and hoeryong.type == "place"


def test_groups_show_no_text_unless_asked(study: Project) -> None:
    dump = json.dumps([g.to_json() for g in study.deid.groups()], ensure_ascii=False)
    assert "texts" not in dump
    for full, roman in PEOPLE:
        assert full not in dump and roman not in dump


def test_a_group_decision_is_one_audited_transaction(study: Project, vault: Vault) -> None:
    [young] = [g for g in study.deid.groups(with_text=True) if "김영철" in g.texts]
    report = study.deid.decide_groups([young.id], "accepted", vault=vault, actor="lead")
    assert report.changed == young.size and report.entities_created == 1
    entry = audit.entries(study.conn, "deid.review")[-1]
    assert group_refs(entry["detail"]) == [young.id] and entry["actor"] == "lead"
    assert "김영철" not in json.dumps(entry, ensure_ascii=False)
    [after] = [g for g in study.deid.groups(status="accepted") if young.findings[0] in g.findings]
    assert after.id.startswith("e") and after.proposed == 0
    # deciding a settled group again changes nothing (and never "every finding")
    assert study.deid.decide_groups([after.id], "rejected").changed == 0
    assert study.deid.findings.unreviewed() == len(study.deid.findings.select()) - young.size
    # a finding id inside a group names it too; a rejection of the group is one more decision
    study.deid.decide_groups([f"f{young.findings[-1]}"], "rejected", again=True)
    assert all(
        f.status == "rejected" for f in study.deid.findings.select(Selector(ids=after.findings))
    )


def test_accepting_a_name_group_needs_the_vault_and_unknown_groups_are_refused(
    study: Project,
) -> None:
    person = next(g for g in study.deid.groups() if g.type == "person")
    with pytest.raises(VaultError, match="vault"):
        study.deid.decide_groups([person.id], "accepted")
    assert study.deid.findings.unreviewed() == len(study.deid.findings.select())
    with pytest.raises(DeidError, match="no group"):
        study.deid.decide_groups(["f999999"], "rejected")
    place = next(g for g in study.deid.groups() if g.type == "place")
    assert study.deid.decide_groups([place.id], "accepted").changed == place.size


def test_a_failed_group_decision_leaves_the_project_as_it_was(
    study: Project, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    [young] = [g for g in study.deid.groups(with_text=True) if "김영철" in g.texts]
    audits = len(audit.entries(study.conn))

    def broken(*args: object, **kwargs: object) -> list[int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(study.deid), "propagate", broken)
    with pytest.raises(RuntimeError):
        study.deid.decide_groups([young.id], "accepted", vault=vault)
    after = study.deid.findings.select(Selector(ids=young.findings))
    assert all(f.status == "proposed" and f.entity_id is None for f in after)
    assert study.deid.entities.list() == [] and len(audit.entries(study.conn)) == audits


def test_accept_all_gives_each_person_one_pseudonym_in_every_form_and_script(
    project: Project, tmp_path: Path
) -> None:
    """Accepting by selector (``deid review accept --all``) links entities by group, as a
    group decision does: the given name alone and the familiar form share the full name's
    pseudonym, never one of their own."""
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "참여자: 옆집에 방순옥이라는 아주머니가 살았어요. 순옥이 아주머니는 장사를 했어요. "
        "나중에 순옥 아주머니가 잡혀갔어요.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Participant: My friend Choi Myung-soo came with me. Myung-soo was braver than me.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        "참여자: 명수는 용감했어요. 최명수가 먼저 강을 건넜어요.\n", encoding="utf-8"
    )
    project.add([folder], workers=1)
    project.deid.scan(workers=1)
    v = project.deid.create_vault(tmp_path / "people.vault", VAULT_PASSPHRASE)
    try:
        project.deid.review(Selector(status="proposed"), "accepted", vault=v)
    finally:
        v.close()
    findings = project.deid.findings.select()
    entity_of: dict[str, set[int | None]] = {}
    for f in findings:
        if f.type == "person":
            said = project.deid.findings.text_of(f)
            key = (
                "순옥" if "순옥" in said else "명수" if "명수" in said or "Myung" in said else said
            )
            entity_of.setdefault(key, set()).add(f.entity_id)
    assert len(entity_of["순옥"]) == 1 and None not in entity_of["순옥"]
    assert len(entity_of["명수"]) == 1 and None not in entity_of["명수"]
    assert entity_of["순옥"] != entity_of["명수"]

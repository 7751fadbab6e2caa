"""Every coding use case records exactly one audit event, naming the actor, with
GUIDs and counts only; what a destructive change removes is kept in the trash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moksori.coding.codebook_io import import_yaml
from moksori.errors import CodebookConflict
from moksori.project import Project
from moksori.store import audit
from tests.coding.conftest import span
from tests.conftest import TEST_PASSPHRASE


def events_since(p: Project, since: int) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in audit.entries(p.conn) if e["id"] > since]


def test_each_change_is_one_event_naming_the_actor(study: Project) -> None:
    p = study.acting_as("Researcher Han")
    since = audit.last_id(p.conn)
    code = p.codebook.create("Shame", definition="hiding where one comes from")
    p.codebook.create("Feelings")
    p.codebook.move("Shame", "Feelings")
    p.codebook.edit("Feelings/Shame", name="Embarrassment", colour="#abc")
    d, s, e = span(p, "youngmi", "말을 안 하게 됐어요")
    coding = p.codings.apply("Feelings/Embarrassment", d, s, e)
    p.codings.set_memo(coding.id, "she stopped talking")
    memo = p.memos.add("code", "Feelings/Embarrassment", "silence protects")
    p.memos.edit(memo.id, text="silence protects her")
    p.cases.add("영미")
    p.cases.define_attribute("age_band", "category", ["20s", "30s"])
    p.cases.set_value("영미", "age_band", "30s")
    p.codings.remove(coding.id)
    p.memos.delete(memo.id)
    actions = [e["action"] for e in events_since(p, since)]
    assert actions == [
        "code.create",
        "code.create",
        "code.move",
        "code.edit",
        "coding.add",
        "coding.memo",
        "memo.add",
        "memo.edit",
        "case.create",
        "attribute.create",
        "attribute.set",
        "coding.delete",
        "memo.delete",
    ]
    trail = events_since(p, since)
    assert {e["actor"] for e in trail} == {"Researcher Han"}
    text = json.dumps([e["detail"] for e in trail], ensure_ascii=False)
    for secret in ("Shame", "Embarrassment", "hiding", "silence", "영미", "age_band", "30s"):
        assert secret not in text, secret  # no names, values or text: GUIDs and counts
    assert trail[0]["detail"]["targets"]["code"] == [code.guid]


def test_uncode_keeps_the_coding_in_the_trash(study: Project) -> None:
    study.codebook.create("Silence")
    d, s, e = span(study, "youngmi", "말을 안 하게 됐어요")
    coding = study.codings.apply("Silence", d, s, e, memo="only at work")
    study.codings.remove(coding.id)
    (event,) = audit.entries(study.conn, "coding.delete")
    assert event["detail"]["targets"]["coding"] == [coding.guid]
    kept = audit.trash(study.conn, event["detail"]["targets"]["trash"][0])
    assert (kept["start"], kept["end"], kept["memo"]) == (s, e, "only at work")


def test_a_failed_change_leaves_no_event(study: Project) -> None:
    study.codebook.create("Silence")
    since = audit.last_id(study.conn)
    with pytest.raises(CodebookConflict):
        study.codebook.create("silence")
    with pytest.raises(CodebookConflict):
        study.codebook.merge("Silence", "Silence")
    assert events_since(study, since) == []


def test_an_import_is_one_event_of_counts(study: Project) -> None:
    since = audit.last_id(study.conn)
    report = import_yaml(
        study.acting_as("lead").codebook,
        "codebook:\n  - name: Hiding\n    children: [Accent, Origin]\n"
        "links:\n  - {from: Accent, to: Origin, relation: causes}\n",
    )
    (event,) = events_since(study, since)
    assert event["action"] == "codebook.import" and event["actor"] == "lead"
    assert event["detail"]["choice"] == "yaml"
    assert event["detail"]["counts"] == {"created": len(report.created), "updated": 0, "links": 1}


def test_query_coding_counts_without_the_query(study: Project) -> None:
    study.codebook.create("Asking")
    made = study.codings.apply_query("Asking", "물어봐요")
    (event,) = audit.entries(study.conn, "coding.query")
    assert event["detail"]["counts"] == {"hits": len(made), "added": len(made)}
    assert "물어" not in json.dumps(event["detail"], ensure_ascii=False)


def test_a_qdc_codebook_import_is_one_event_too(study: Project, tmp_path: Path) -> None:
    from moksori.interop.qdc import export_qdc, import_qdc

    study.codebook.create("Hiding")
    study.codebook.create("Accent", parent="Hiding")
    with Project.create(tmp_path / "other.moksori", TEST_PASSPHRASE) as other:
        since = audit.last_id(other.conn)
        import_qdc(other.acting_as("lead").codebook, export_qdc(study.codebook))
        (event,) = events_since(other, since)
    assert (event["action"], event["actor"], event["detail"]["choice"]) == (
        "codebook.import",
        "lead",
        "qdc",
    )
    assert event["detail"]["counts"]["created"] == 2

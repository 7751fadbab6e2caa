"""The disagreement list and reconciliation into the consensus coder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from moksori.coding import reconcile as reconcile_module
from moksori.coding.reconcile import Reconciler
from moksori.coding.reliability import Reliability
from moksori.errors import CodingError
from moksori.project import Project
from tests.coding.test_reliability import CODINGS, build, doc_ids

PAIR = ["minji", "james"]


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    build(project, tmp_path, {k: CODINGS[k] for k in PAIR})
    return project


def consensus_codings(p: Project) -> set[tuple[int, str, int, int, str, int]]:
    rows = p.conn.execute(
        'SELECT g.document_id, c.name, g.start, g."end", g.origin, g.source_id FROM coding g '
        "JOIN code c ON c.id = g.code_id JOIN coder r ON r.id = g.coder_id "
        "WHERE r.role = 'consensus'"
    ).fetchall()
    return {tuple(r) for r in rows}


def test_disagreement_list_shows_what_each_coder_has(coded: Project) -> None:
    found = Reconciler(coded.conn).disagreements(PAIR)
    ko, en = doc_ids(coded)["ko.txt"], doc_ids(coded)["en.txt"]
    by_key = {(d.document_id, d.code, d.excerpt[:12]): d for d in found}
    crossing = by_key[(ko, "Crossing", "2010년 겨울에 강을 "[:12])]
    assert crossing.kind == "different_ranges"
    assert crossing.excerpt == "2010년 겨울에 강을 건넜어요. 너무 무서웠어요."
    assert len(crossing.a) == 1 and len(crossing.b) == 1
    assert crossing.document == "ko.txt"
    sister = next(d for d in found if d.excerpt == "지금은 동생과 같이 살아요.")
    assert sister.kind == "only_b" and sister.a == [] and sister.code == "Family"
    nurse = next(d for d in found if d.excerpt == "I studied to become a nurse.")
    assert nurse.kind == "only_b" and nurse.code == "Work"
    factory = next(d for d in found if d.excerpt == "공장에 다녔어요")
    assert factory.kind == "only_a"
    # "My father stayed behind." is coded identically by both: not a disagreement
    assert not any(d.document_id == en and d.excerpt.startswith("My father") for d in found)
    assert all(d.decided is None for d in found)
    text = coded.document(ko).text
    assert all(d.excerpt == text[d.start : d.end] for d in found if d.document_id == ko)
    only_fear = Reconciler(coded.conn).disagreements(PAIR, codes=["Fear"], documents=["en.txt"])
    assert {d.code for d in only_fear} == {"Fear"} and {d.document for d in only_fear} == {"en.txt"}
    assert found[0].to_json()["a"][0]["coding_id"] == crossing.a[0].coding_id


def test_adopting_a_makes_the_consensus_equal_to_a_and_is_idempotent(coded: Project) -> None:
    rec = Reconciler(coded.conn)
    n_disagreements = len(rec.disagreements(PAIR))
    report = rec.reconcile(PAIR, "a")
    assert report.decisions == n_disagreements and report.agreements > 0
    assert report.consensus == "consensus" and report.removed == 0
    held = consensus_codings(coded)
    assert {h[4] for h in held} == {"consensus"}
    minji = coded.coders.get("minji").id
    sources = coded.conn.execute(
        "SELECT coder_id FROM coding WHERE id IN (SELECT source_id FROM coding WHERE "
        "origin = 'consensus')"
    ).fetchall()
    assert {s[0] for s in sources} == {minji}
    # the consensus is exactly minji's coding: perfect agreement on characters
    agree = Reliability(coded.conn).agreement(["minji", "consensus"], unit="char")
    assert agree.overall.all_units.alpha == 1.0
    again = rec.reconcile(PAIR, "a")
    assert (again.added, again.removed) == (0, 0)
    assert consensus_codings(coded) == held
    assert all(d.decided == "a" for d in rec.disagreements(PAIR))


def test_a_later_decision_replaces_an_earlier_one(coded: Project) -> None:
    rec = Reconciler(coded.conn)
    rec.reconcile(PAIR, "a")
    crossing = next(d for d in rec.disagreements(PAIR) if d.code == "Crossing" and d.b)
    report = rec.reconcile(PAIR, "b", coding_ids=[crossing.b[0].coding_id])
    assert report.decisions == 1 and report.agreements == 0
    assert (report.added, report.removed) == (1, 1)
    after = {(d.document_id, d.code, d.start): d.decided for d in rec.disagreements(PAIR)}
    assert after[(crossing.document_id, "Crossing", crossing.start)] == "b"
    both = rec.reconcile(PAIR, "both", coding_ids=[crossing.a[0].coding_id])
    assert (both.added, both.removed, both.unchanged) == (1, 0, 1)
    assert (
        next(
            d for d in rec.disagreements(PAIR) if d.start == crossing.start and d.code == "Crossing"
        ).decided
        == "both"
    )


def test_adopting_both_keeps_each_range_once(coded: Project) -> None:
    Reconciler(coded.conn).reconcile(PAIR, "both", codes=["Family"])
    held = consensus_codings(coded)
    en = doc_ids(coded)["en.txt"]
    text = coded.document(en).text
    family_en = sorted(text[s:e] for d, code, s, e, _, _ in held if d == en and code == "Family")
    assert family_en == ["I sent money home every month.", "My father stayed behind."]
    assert {code for _, code, *_ in held} == {"Family"}


def test_hand_made_consensus_codings_are_left_alone(coded: Project) -> None:
    consensus = coded.coders.consensus()
    ko = doc_ids(coded)["ko.txt"]
    text = coded.document(ko).text
    start = text.index("공장에 다녔어요")
    code = coded.codebook.get("Work").id
    coded.conn.execute(
        'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, created_at, '
        "origin) VALUES ('hand', ?, ?, ?, ?, ?, '2024-01-01', 'manual')",
        (code, ko, start, start + len("공장에 다녔어요"), consensus.id),
    )
    Reconciler(coded.conn).reconcile(PAIR, "b")  # B has nothing there
    row = coded.conn.execute("SELECT origin FROM coding WHERE guid = 'hand'").fetchone()
    assert row == ("manual",)


def test_each_decision_is_its_own_transaction(
    coded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = reconcile_module.audit.record

    def failing(*args: Any, **kwargs: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(reconcile_module.audit, "record", failing)
    with pytest.raises(RuntimeError):
        Reconciler(coded.conn).reconcile(PAIR, "a")
    # the first decision stands, the second left nothing behind
    assert len(consensus_codings(coded)) == 1
    assert coded.conn.in_transaction is False


def test_bad_requests(coded: Project) -> None:
    rec = Reconciler(coded.conn)
    coded.coders.consensus()
    with pytest.raises(CodingError, match="consensus coder"):
        rec.disagreements(["minji", "consensus"])
    with pytest.raises(CodingError, match="exactly two"):
        rec.disagreements(["minji", "james", "consensus"])
    with pytest.raises(CodingError, match="different"):
        rec.disagreements(["minji", "minji"])
    with pytest.raises(CodingError, match="adopt must be"):
        rec.reconcile(PAIR, "neither")
    with pytest.raises(CodingError, match="coding 9999"):
        rec.reconcile(PAIR, "a", coding_ids=[9999])


def test_blind_coding_limits_who_may_compare(coded: Project) -> None:
    owner = coded.coders.add("lead", "owner")
    minji = coded.coders.get("minji")
    rec, rel = Reconciler(coded.conn), Reliability(coded.conn)
    assert coded.codings.blind()
    with pytest.raises(CodingError, match="blind coding is on: minji cannot see .*james"):
        rec.disagreements(PAIR, viewer=minji)
    with pytest.raises(CodingError, match="blind coding is on"):
        rec.reconcile(PAIR, "a", viewer=minji)
    with pytest.raises(CodingError, match="blind coding is on"):
        rel.agreement(PAIR, viewer=minji)
    assert rec.disagreements(PAIR, viewer=owner)
    rec.reconcile(PAIR, "a", viewer=owner)
    # a coder may compare themself with the consensus
    assert rel.agreement(["minji", "consensus"], viewer=minji).overall.all_units.alpha == 1.0
    assert audit_actors(coded) == {"lead"}
    coded.codings.set_blind(False, by="lead")
    assert rec.disagreements(PAIR, viewer=minji)


def audit_actors(p: Project) -> set[str | None]:
    return {r[0] for r in p.conn.execute("SELECT actor FROM audit WHERE action = 'reconcile'")}

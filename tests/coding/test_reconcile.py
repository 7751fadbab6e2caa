"""Disagreement units and reconciliation into the consensus coder, as stored decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from moksori.coding import reconcile as reconcile_module
from moksori.coding.reconcile import Reconciler
from moksori.coding.reliability import Reliability
from moksori.errors import CodingError
from moksori.project import Project
from moksori.store import audit, schema
from moksori.store.audit import Action, Event
from tests.coding.test_reliability import CODINGS, build, doc_ids, insert_coding

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


def held_text(p: Project) -> set[tuple[str, str]]:
    """The consensus as (code, text) pairs."""
    texts = {i: p.document(i).text for i in doc_ids(p).values()}
    return {(code, texts[d][s:e]) for d, code, s, e, _, _ in consensus_codings(p)}


def test_a_unit_spans_overlapping_differences_across_codes(coded: Project) -> None:
    found = Reconciler(coded.conn).disagreements(PAIR)
    ko = doc_ids(coded)["ko.txt"]
    text = coded.document(ko).text
    # James coded two sentences as Crossing and a word of the second as Fear; Minji coded
    # each sentence: one unit holding both codes of both coders
    first = found[0]
    assert first.excerpt == "2010년 겨울에 강을 건넜어요. 너무 무서웠어요."
    assert first.kind == "different_ranges" and first.codes == ["Crossing", "Fear"]
    assert [(r.code, text[r.start : r.end]) for r in first.a] == [
        ("Crossing", "2010년 겨울에 강을 건넜어요."),
        ("Fear", "너무 무서웠어요."),
    ]
    assert [r.code for r in first.b] == ["Crossing", "Fear"]
    # "A coded Work where B coded Work and Family" is one unit, not two
    work = next(d for d in found if d.excerpt.startswith("I worked"))
    assert work.kind == "different_codes"
    assert [r.code for r in work.a] == ["Work"] and [r.code for r in work.b] == ["Work", "Family"]
    sister = next(d for d in found if d.excerpt == "지금은 동생과 같이 살아요.")
    assert sister.kind == "only_b" and sister.a == [] and sister.codes == ["Family"]
    assert next(d for d in found if d.excerpt == "공장에 다녔어요").kind == "only_a"
    # "My father stayed behind." is coded identically by both: no unit holds it
    assert not any("My father" in d.excerpt for d in found)
    assert len(found) == 11 and {d.state for d in found} == {"undecided"}
    assert all(d.decided is None and d.earlier == [] for d in found)
    assert all(d.excerpt == text[d.start : d.end] for d in found if d.document_id == ko)
    # a code filter keeps the units where that code is coded, whole
    fear = Reconciler(coded.conn).disagreements(PAIR, codes=["Fear"], documents=["ko.txt"])
    assert [d.excerpt[:4] for d in fear] == ["2010", "잡힐까 "]
    assert fear[0].codes == ["Crossing", "Fear"]
    assert first.to_json()["a"][0]["coding_id"] == first.a[0].coding_id
    assert first.to_json()["codes"] == ["Crossing", "Fear"]


def test_adopting_a_in_a_change_of_code_rejects_b_alternative(
    project: Project, tmp_path: Path
) -> None:
    build(
        project,
        tmp_path,
        {
            "minji": [("en.txt", "Fear", "I was terrified the whole time.")],
            "james": [("en.txt", "Crossing", "I was terrified the whole time.")],
        },
    )
    rec = Reconciler(project.conn)
    (unit,) = rec.disagreements(PAIR)
    assert unit.kind == "different_codes"
    report = rec.reconcile(PAIR, "a", coding_ids=[unit.b[0].coding_id])
    assert (report.decisions, report.added) == (1, 1)
    assert held_text(project) == {("Fear", "I was terrified the whole time.")}
    # the bulk run that follows leaves the decision alone: Crossing is not carried over
    bulk = rec.reconcile(PAIR, "both")
    assert (bulk.decisions, bulk.kept, bulk.added) == (0, 1, 0)
    assert held_text(project) == {("Fear", "I was terrified the whole time.")}


# --- the issue's study: 13 passages, two coders ------------------------------------
PASSAGES = [
    "I could not tell anyone at work where I came from.",
    "My mother still lives in Hyesan.",
    "The broker took half of what I earned.",
    "At church they helped without asking questions.",
    "I send money home through a broker twice a year.",
    "The counsellor at Hanawon was kind to me.",
    "Banks asked for papers I did not have.",
    "I was afraid the police would send me back.",
    "My brother found me a job in a factory.",
    "I prayed every night on the way.",
    "I worked nights in a restaurant. The owner paid late.",
    "My daughter stayed with my aunt. I call her on Sundays.",
    "Nobody explained how the housing lottery works.",
]
THEMES = ("Barriers", "Help anonymously", "Family", "Work", "Faith")
AGREED = [
    (0, "Barriers"),
    (1, "Family"),
    (2, "Barriers"),
    (3, "Help anonymously"),
    (4, "Family"),
    (5, "Help anonymously"),
    (6, "Barriers"),
]


def study(p: Project, tmp_path: Path) -> dict[str, Any]:
    """Passages 1-7 coded alike; 8-10 a change of code; 11-12 a range difference;
    13 coded by A only."""
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "p01.txt").write_text("\n".join(PASSAGES) + "\n", encoding="utf-8")
    p.add([folder / "p01.txt"], workers=1)
    doc = doc_ids(p)["p01.txt"]
    text = p.document(doc).text
    for name in THEMES:
        p.codebook.create(name)
    p.coders.add("A")
    p.coders.add("B")

    def span(n: int, part: str | None = None) -> tuple[int, int]:
        phrase = part or PASSAGES[n]
        start = text.index(phrase, text.index(PASSAGES[n]))
        return start, start + len(phrase)

    ids: dict[str, int] = {}
    for n, code in AGREED:
        for coder in ("A", "B"):
            insert_coding(p, code, doc, *span(n), coder)
    for n, code_a, code_b in ((7, "Barriers", "Help anonymously"), (8, "Family", "Work"),
                              (9, "Faith", "Barriers")):  # fmt: skip
        ids[f"a{n}"] = insert_coding(p, code_a, doc, *span(n), "A")
        ids[f"b{n}"] = insert_coding(p, code_b, doc, *span(n), "B")
    ids["a10"] = insert_coding(p, "Work", doc, *span(10), "A")
    ids["b10"] = insert_coding(p, "Work", doc, *span(10, "I worked nights in a restaurant."), "B")
    ids["a11"] = insert_coding(p, "Family", doc, *span(11, "My daughter stayed with my aunt."), "A")
    ids["b11"] = insert_coding(p, "Family", doc, *span(11), "B")
    ids["a12"] = insert_coding(p, "Barriers", doc, *span(12), "A")
    return ids


def test_the_issue_study_keeps_every_explicit_decision(project: Project, tmp_path: Path) -> None:
    ids = study(project, tmp_path)
    rec = Reconciler(project.conn)
    pair = ["A", "B"]
    units = rec.disagreements(pair)
    assert len(units) == 6  # 3 changes of code, 2 range differences, 1 only A
    assert [u.kind for u in units] == ["different_codes"] * 3 + ["different_ranges"] * 2 + [
        "only_a"
    ]
    for coding, side in (("b7", "a"), ("a8", "b"), ("a9", "a"), ("b10", "a"), ("a11", "b")):
        report = rec.reconcile(pair, side, coding_ids=[ids[coding]])
        assert (report.decisions, report.added) == (1, 1)
    assert len(rec.disagreements(pair, state="decided")) == 5
    (left,) = rec.disagreements(pair, state="undecided")
    assert left.excerpt == PASSAGES[12]

    bulk = rec.reconcile(pair, "both")  # to carry over the agreements
    assert (bulk.decisions, bulk.kept, bulk.agreements) == (1, 5, 7)
    expected = {(code, PASSAGES[n]) for n, code in AGREED} | {
        ("Barriers", PASSAGES[7]),
        ("Work", PASSAGES[8]),
        ("Faith", PASSAGES[9]),
        ("Work", PASSAGES[10]),
        ("Family", PASSAGES[11]),
        ("Barriers", PASSAGES[12]),
    }
    assert len(consensus_codings(project)) == 13
    assert held_text(project) == expected
    # running it again changes nothing, and writes nothing to the trail
    events = len(audit.entries(project.conn, Action.RECONCILE))
    again = rec.reconcile(pair, "both")
    assert (again.added, again.removed, again.decisions) == (0, 0, 0)
    assert len(audit.entries(project.conn, Action.RECONCILE)) == events
    after = {u.excerpt: u for u in rec.disagreements(pair)}
    assert after[PASSAGES[7]].decided == "a" and not after[PASSAGES[7]].bulk
    assert after[PASSAGES[12]].decided == "both" and after[PASSAGES[12]].bulk
    # the same decisions read from the other side of the pair
    flipped = {u.excerpt: u.decided for u in rec.disagreements(["B", "A"])}
    assert flipped[PASSAGES[7]] == "b" and flipped[PASSAGES[8]] == "a"


def test_explicit_decisions_replace_and_neither_and_new_code(
    project: Project, tmp_path: Path
) -> None:
    ids = study(project, tmp_path)
    rec = Reconciler(project.conn, actor="lead")
    pair = ["A", "B"]
    rec.reconcile(pair, "a", coding_ids=[ids["a7"]])
    # a bulk decision is replaced only by an explicit one
    rec.reconcile(pair, "both")
    assert ("Help anonymously", PASSAGES[7]) not in held_text(project)
    replaced = rec.reconcile(pair, "both", coding_ids=[ids["b7"]])
    assert (replaced.added, replaced.removed, replaced.unchanged) == (1, 0, 1)
    assert {("Barriers", PASSAGES[7]), ("Help anonymously", PASSAGES[7])} <= held_text(project)
    neither = rec.reconcile(pair, "neither", coding_ids=[ids["a7"]])
    assert (neither.added, neither.removed) == (0, 2)
    assert not any(t == PASSAGES[7] for _, t in held_text(project))
    new = rec.reconcile(pair, "new", coding_ids=[ids["a8"]], new_code="Faith")
    assert (new.added, new.removed) == (1, 2)  # the bulk 'both' had put Family and Work
    assert ("Faith", PASSAGES[8]) in held_text(project)
    assert ("Family", PASSAGES[8]) not in held_text(project)
    unit = next(u for u in rec.disagreements(pair) if u.excerpt == PASSAGES[8])
    assert (unit.decided, unit.new_code, unit.decided_by) == ("new", "Faith", "lead")
    # the same decision again changes nothing
    events = len(audit.entries(project.conn, Action.RECONCILE))
    same = rec.reconcile(pair, "new", coding_ids=[ids["b8"]], new_code="Faith")
    assert (same.added, same.removed) == (0, 0)
    assert len(audit.entries(project.conn, Action.RECONCILE)) == events
    # the trail names the decision and the new code by GUID, with the choice word
    last = audit.entries(project.conn, Action.RECONCILE)[-1]["detail"]
    assert last["choice"] == "new" and set(last["targets"]) == {"a", "b", "decision", "code"}
    rows = project.conn.execute("SELECT count(*) FROM reconcile_decision").fetchone()[0]
    assert rows == 6  # one per unit, however often decided


def test_a_changed_unit_waits_for_an_explicit_decision(project: Project, tmp_path: Path) -> None:
    ids = study(project, tmp_path)
    rec = Reconciler(project.conn)
    pair = ["A", "B"]
    rec.reconcile(pair, "a", coding_ids=[ids["a7"]])
    doc = doc_ids(project)["p01.txt"]
    text = project.document(doc).text
    start = text.index("the police")
    insert_coding(project, "Faith", doc, start, start + len("the police"), "B")
    unit = next(u for u in rec.disagreements(pair) if u.excerpt == PASSAGES[7])
    assert (unit.state, unit.decided, unit.earlier) == ("changed", None, ["a"])
    bulk = rec.reconcile(pair, "b")
    assert bulk.kept == 1
    assert ("Barriers", PASSAGES[7]) in held_text(project)  # the earlier decision still holds
    rec.reconcile(pair, "b", coding_ids=[ids["b7"]])
    held = held_text(project)
    assert ("Barriers", PASSAGES[7]) not in held and ("Faith", "the police") in held
    unit = next(u for u in rec.disagreements(pair) if u.excerpt == PASSAGES[7])
    assert (unit.state, unit.decided, unit.earlier) == ("decided", "b", [])


def test_a_decided_unit_split_in_two_keeps_its_decision_for_the_other_half(
    project: Project, tmp_path: Path
) -> None:
    ids = study(project, tmp_path)
    rec = Reconciler(project.conn)
    pair = ["A", "B"]
    doc = doc_ids(project)["p01.txt"]
    text = project.document(doc).text
    late = text.index("The owner paid late.")
    insert_coding(project, "Faith", doc, late, late + len("The owner paid late."), "B")
    rec.reconcile(pair, "a", coding_ids=[ids["a10"]])  # Work over the whole passage
    # A recodes: Faith on the first sentence, Work on the second; the unit splits in two
    project.conn.execute("DELETE FROM coding WHERE id = ?", (ids["a10"],))
    first = text.index(PASSAGES[10])
    insert_coding(project, "Faith", doc, first, late - 1, "A")
    insert_coding(project, "Work", doc, late, late + len("The owner paid late."), "A")
    halves = [u for u in rec.disagreements(pair) if PASSAGES[10].find(u.excerpt) >= 0]
    assert [(u.state, u.earlier) for u in halves] == [("changed", ["a"])] * 2
    rec.reconcile(pair, "b", coding_ids=[halves[0].b[0].coding_id])
    after = [u for u in rec.disagreements(pair) if PASSAGES[10].find(u.excerpt) >= 0]
    assert [(u.state, u.decided) for u in after] == [("decided", "b"), ("changed", None)]
    bulk = rec.reconcile(pair, "both")
    assert (bulk.kept, bulk.decisions) == (2, 5)  # both halves kept, the 5 others decided


def test_decisions_made_before_schema_10_are_honoured(
    project_path: Path, passphrase: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema-9 project reconciled by the old per-code clusters: its decisions live
    in the audit trail only. After the upgrade they still count, and bulk leaves them."""
    with Project.create(project_path, passphrase) as p:
        ids = study(p, tmp_path)
        consensus = p.coders.consensus()
        a7, b7 = (
            p.conn.execute(
                'SELECT guid, code_id, start, "end" FROM coding WHERE id = ?', (i,)
            ).fetchone()
            for i in (ids["a7"], ids["b7"])
        )
        # the old code decided Barriers (A only) 'a' and Help anonymously (B only) 'a'
        p.conn.execute(
            'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, created_at, '
            "origin, source_id) VALUES ('0123456789abcdef0123456789abcdef', ?, ?, ?, ?, ?, "
            "'2025-01-01', 'consensus', ?)",
            (a7[1], doc_ids(p)["p01.txt"], a7[2], a7[3], consensus.id, ids["a7"]),
        )
        for targets in ({"a": [a7[0]], "b": []}, {"a": [], "b": [b7[0]]}):
            audit.record(p.conn, Event(Action.RECONCILE, targets, {"added": 1}, "a"), actor="old")
        # back to schema 9: schema 10's tables did not exist yet
        p.conn.execute("DROP TABLE reconcile_made")
        p.conn.execute("DROP TABLE reconcile_decision")
        p.conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
        p.conn.commit()
    later = [(v, sql if v <= 10 else "") for v, sql in schema.MIGRATIONS]  # already there
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    with Project.open(project_path, passphrase) as p:
        assert schema.current_version(p.conn) == schema.LATEST_VERSION
        rec = Reconciler(p.conn)
        unit = next(u for u in rec.disagreements(["A", "B"]) if u.excerpt == PASSAGES[7])
        assert (unit.state, unit.decided, unit.decided_by) == ("decided", "a", "old")
        report = rec.reconcile(["A", "B"], "both")
        assert report.kept == 1 and report.decisions == 5
        held = held_text(p)
        assert ("Barriers", PASSAGES[7]) in held and ("Help anonymously", PASSAGES[7]) not in held
        assert len(consensus_codings(p)) == 7 + 1 + 4 * 2 + 1  # agreed, kept, both, only A
        # deciding it again explicitly replaces it, old consensus coding included
        rec.reconcile(["A", "B"], "b", coding_ids=[ids["a7"]])
        held = held_text(p)
        assert ("Barriers", PASSAGES[7]) not in held and ("Help anonymously", PASSAGES[7]) in held


# --- kept from before the units ------------------------------------------------------
def test_adopting_a_makes_the_consensus_equal_to_a_and_is_idempotent(coded: Project) -> None:
    rec = Reconciler(coded.conn)
    n_units = len(rec.disagreements(PAIR))
    report = rec.reconcile(PAIR, "a")
    assert report.decisions == n_units and report.agreements > 0
    assert report.consensus == "consensus" and report.removed == 0
    held = consensus_codings(coded)
    assert {h[4] for h in held} == {"consensus"}
    minji = coded.coders.get("minji").id
    sources = coded.conn.execute(
        "SELECT coder_id FROM coding WHERE id IN (SELECT source_id FROM coding WHERE "
        "origin = 'consensus')"
    ).fetchall()
    assert {s[0] for s in sources} == {minji}
    agree = Reliability(coded.conn).agreement(["minji", "consensus"], unit="char")
    assert agree.overall.all_units.alpha == 1.0
    again = rec.reconcile(PAIR, "a")
    assert (again.added, again.removed) == (0, 0)
    assert consensus_codings(coded) == held
    assert all(d.decided == "a" and d.bulk for d in rec.disagreements(PAIR))


def test_adopting_both_keeps_each_range_once(coded: Project) -> None:
    Reconciler(coded.conn).reconcile(PAIR, "both", codes=["Family"], documents=["en.txt"])
    en = doc_ids(coded)["en.txt"]
    text = coded.document(en).text
    held = consensus_codings(coded)
    got = sorted((code, text[s:e]) for d, code, s, e, _, _ in held)
    # the Family unit holds B's Work too (one unit); the agreed Family line once
    assert got == [
        ("Family", "I sent money home every month."),
        ("Family", "My father stayed behind."),
        ("Work", "I worked in a restaurant kitchen."),
        ("Work", "I worked in a restaurant kitchen. I sent money home every month."),
    ]


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
    rec = Reconciler(coded.conn)
    rec.reconcile(PAIR, "b")  # B has nothing there
    unit = next(d for d in rec.disagreements(PAIR) if d.excerpt == "공장에 다녔어요")
    rec.reconcile(PAIR, "a", coding_ids=[unit.a[0].coding_id])
    rec.reconcile(PAIR, "neither", coding_ids=[unit.a[0].coding_id])
    row = coded.conn.execute("SELECT origin FROM coding WHERE guid = 'hand'").fetchone()
    assert row == ("manual",)


def test_each_decision_is_its_own_transaction(
    coded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = reconcile_module.Event
    first = Reconciler(coded.conn).disagreements(PAIR)[0]

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(reconcile_module, "Event", failing)
    with pytest.raises(RuntimeError):
        Reconciler(coded.conn).reconcile(PAIR, "a")
    # the first unit's decision stands, the second left nothing behind
    assert len(consensus_codings(coded)) == len(first.a) == 2
    assert coded.conn.execute("SELECT count(*) FROM reconcile_decision").fetchone()[0] == 1
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
    with pytest.raises(CodingError, match="state must be"):
        rec.disagreements(PAIR, state="open")
    with pytest.raises(CodingError, match="adopt must be"):
        rec.reconcile(PAIR, "mine")
    with pytest.raises(CodingError, match="coding 9999"):
        rec.reconcile(PAIR, "a", coding_ids=[9999])
    with pytest.raises(CodingError, match="one unit at a time"):
        rec.reconcile(PAIR, "new", new_code="Fear")
    with pytest.raises(CodingError, match="adopt 'new'"):
        rec.reconcile(PAIR, "a", coding_ids=[1], new_code="Fear")
    en = doc_ids(coded)["en.txt"]
    start = coded.document(en).text.index("My father stayed behind.")
    father = coded.conn.execute(
        "SELECT min(id) FROM coding WHERE document_id = ? AND start = ?", (en, start)
    ).fetchone()[0]
    with pytest.raises(CodingError, match="coded alike"):
        rec.reconcile(PAIR, "a", coding_ids=[father])


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
    assert rel.agreement(["minji", "consensus"], viewer=minji).overall.all_units.alpha == 1.0
    assert audit_actors(coded) == {"lead"}
    assert {d.decided_by for d in rec.disagreements(PAIR)} == {"lead"}
    coded.codings.set_blind(False, by="lead")
    assert rec.disagreements(PAIR, viewer=minji)


def audit_actors(p: Project) -> set[str | None]:
    return {r[0] for r in p.conn.execute("SELECT actor FROM audit WHERE action = 'reconcile'")}

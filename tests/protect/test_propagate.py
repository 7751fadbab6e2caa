"""Entity propagation: a name or place decided once is found at every mention in the project.

The detectors' own findings are cleared after the scan, so what is found here is
found by propagation alone. Every name is fictional.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.project import Project
from moksori.protect.findings import Finding, Selector
from moksori.protect.forms import ending_ok, person_forms, romanised_mentions
from moksori.protect.propagate import Row, collect_forms
from moksori.protect.spans import PiiType
from moksori.protect.vault import Vault
from moksori.store import audit
from tests.protect.conftest import VAULT_PASSPHRASE, doc_id

DOCS = {
    "a-ko.txt": "응답자: 우리 동네에 김영철이라는 사람이 있었어요. 회령시에서 같이 살았어요.\n",
    "b-ko.txt": (
        "응답자: 영철이가 먼저 강을 건넜어요. 영철 형은 나중에 왔고요.\n"
        "응답자: 김영철은 지금 서울에 있어요. 군대가 철수했어요. 계획이 무산됐어요.\n"
        "응답자: 회령에서 떠났어요. 회령사람들은 다 알아요.\n"
    ),
    "e-ko.txt": "응답자: 영철(가명)이 그랬어요. 영철이는 착해요. [이름]은 김영철 씨라고.\n",
    "f-ko.txt": "".join(f"응답자: 사실은 {n}번째로 갔어요.\n" for n in range(6)),
    "c-en.txt": (
        "Respondent: My cousin Kim Young-chol crossed first.\n"
        "Respondent: Young-chol wrote to us from Seoul. Youngchol Kim is well.\n"
        "Respondent: We grew up in Hoeryong, near the river.\n"
    ),
}


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    project.add([folder], workers=1)
    project.deid.scan(workers=1)
    project.conn.execute("DELETE FROM finding")  # keep the scans, forget what detectors found
    return project


@pytest.fixture
def vault(study: Project, tmp_path: Path) -> Iterator[Vault]:
    v = study.deid.create_vault(tmp_path / "study.vault", VAULT_PASSPHRASE)
    yield v
    v.close()


def _mark(p: Project, name: str, doc: str, said: str, type_: str = "person") -> Finding:
    d = doc_id(p, doc)
    start = p.document(d).text.index(said)
    return p.deid.mark(d, start, start + len(said), type_)


def _found(p: Project, doc: str, type_: str = "person") -> list[tuple[str, Finding]]:
    d = doc_id(p, doc)
    text = p.document(d).text
    return [
        (text[f.start : f.end], f)
        for f in p.deid.findings.select(Selector(documents=[d], types=[type_]))
    ]


def _unmark(p: Project, f: Finding) -> Finding:
    """The marked finding back to a proposal, so a review can accept it."""
    p.conn.execute("DELETE FROM finding WHERE id != ?", (f.id,))
    p.conn.execute("UPDATE finding SET status = 'proposed' WHERE id = ?", (f.id,))
    return p.deid.findings.select(Selector(ids=[f.id]))[0]


def test_an_accepted_name_is_proposed_at_every_mention_with_its_entity(
    study: Project, vault: Vault
) -> None:
    source = _unmark(study, _mark(study, "", "a-ko", "김영철"))
    report = study.deid.review(Selector(ids=[source.id]), "accepted", vault=vault)
    entity = study.deid.findings.select(Selector(ids=[source.id]))[0].entity_id
    assert entity is not None and report.proposed > 0
    ko = _found(study, "b-ko")
    # the full name, the given name with the familiar 이 and with a kinship word
    assert sorted(s for s, _ in ko) == ["김영철", "영철", "영철"]
    for _, f in ko:
        assert f.detector == "propagated" and f.status == "proposed"
        assert f.entity_id == entity and f.confidence < 1.0
    en = sorted(s for s, _ in _found(study, "c-en"))
    assert en == ["Kim Young-chol", "Young-chol", "Youngchol Kim"]
    assert all(f.entity_id == entity for _, f in _found(study, "c-en"))
    # a name the text marks as a pseudonym is left alone there, and masks stay masks
    assert [s for s, _ in _found(study, "e-ko")] == ["김영철"]
    # a decision by id proposes; it is one audited decision that lists what it proposed
    entry = audit.entries(study.conn, "deid.review")[-1]
    targets = entry["detail"]["targets"]
    assert len(targets["propagated"]) == 7 and targets["settled"] == []


def test_a_word_that_starts_like_a_name_is_not_a_name(study: Project) -> None:
    """철수 the name is found in 철수가, not in 철수했어요 (withdrew); 무산 likewise."""
    d = doc_id(study, "b-ko")
    text = study.document(d).text
    at = text.index("철수")
    study.conn.execute(
        'INSERT INTO finding(document_id, start, "end", type, detector, confidence, status, '
        "created_at) VALUES (?, ?, ?, 'person', 'manual', 1.0, 'accepted', 'now')",
        (d, at, at + 2),
    )
    assert study.deid.propagate() == []  # the only other 철수 is the verb
    assert ending_ok("철수", "가", PiiType.PERSON) and ending_ok("영철", "이랑", PiiType.PERSON)
    assert not ending_ok("철수", "했어요", PiiType.PERSON)
    assert ending_ok("회령", "에서", PiiType.PLACE) and not ending_ok(
        "무산", "됐어요", PiiType.PLACE
    )


def test_a_word_a_detector_took_for_a_name_once_is_not_spread(study: Project) -> None:
    """Proposed sources spread only when detectors found a fifth of their mentions."""
    d = doc_id(study, "f-ko")
    at = study.document(d).text.index("사실은")
    study.conn.execute(
        'INSERT INTO finding(document_id, start, "end", type, detector, confidence, '
        "created_at) VALUES (?, ?, ?, 'person', 'korean_names', 0.9, 'now')",
        (d, at, at + 3),
    )
    assert study.deid.propagate() == []  # found 1 time in 6
    study.conn.execute("UPDATE finding SET status = 'accepted'")
    assert len(study.deid.propagate()) == 5  # a reviewer said it is a name: every mention


def test_a_place_spreads_with_particles_and_keeps_its_province(study: Project) -> None:
    d = doc_id(study, "a-ko")
    at = study.document(d).text.index("회령시")
    study.conn.execute(
        'INSERT INTO finding(document_id, start, "end", type, detector, confidence, info, '
        "created_at) VALUES (?, ?, ?, 'place', 'places', 0.95, ?, 'now')",
        (d, at, at + 3, json.dumps({"province": "함경북도"}, ensure_ascii=False)),
    )
    assert len(study.deid.propagate()) == 3
    found = _found(study, "b-ko", "place")
    assert [s for s, _ in found] == ["회령", "회령"]  # 회령에서, 회령사람들
    assert all(f.info == {"province": "함경북도"} for _, f in found)
    assert "무산" not in [s for s, _ in found]
    # the gazetteer's other names of the same place, in English text too, in one group
    assert [s for s, _ in _found(study, "c-en", "place")] == ["Hoeryong"]
    [group] = [g for g in study.deid.groups(with_text=True) if "Hoeryong" in g.texts]
    assert {"회령시", "회령"} <= set(group.texts)


def test_rejected_forms_never_spread_and_a_rerun_adds_nothing(study: Project) -> None:
    _mark(study, "", "a-ko", "김영철")
    assert study.deid.propagate() == []  # the mark propagated already: idempotent
    first = {s for s, _ in _found(study, "b-ko")}
    assert "영철" in first
    young = [f.id for s, f in _found(study, "b-ko") if s == "영철"]
    study.deid.review(Selector(ids=young), "rejected")
    study.conn.execute("DELETE FROM finding WHERE status = 'proposed' AND detector = 'propagated'")
    study.deid.propagate()
    again = [s for s, f in _found(study, "b-ko") if f.status == "proposed"]
    assert "영철" not in again and "김영철" in again


def test_a_romanised_name_reaches_the_one_hangul_name_with_its_key(study: Project) -> None:
    """No reverse romanisation: the hangul form must be a finding of the project already."""
    _mark(study, "", "c-en", "Kim Young-chol")
    assert not [s for s, _ in _found(study, "b-ko") if s == "김영철"]
    d = doc_id(study, "a-ko")
    at = study.document(d).text.index("김영철")
    study.conn.execute(
        'INSERT INTO finding(document_id, start, "end", type, detector, confidence, '
        "created_at) VALUES (?, ?, ?, 'person', 'korean_names', 0.3, 'now')",
        (d, at, at + 3),
    )
    study.deid.propagate()
    assert "김영철" in [s for s, _ in _found(study, "b-ko")]


def test_two_people_with_one_given_name_give_it_no_entity() -> None:
    rows = [
        Row(1, PiiType.PERSON, "김순희", "accepted", "korean_names", 1.0, 1, {}),
        Row(2, PiiType.PERSON, "박순희", "accepted", "korean_names", 1.0, 2, {}),
        Row(3, PiiType.PERSON, "최하나", "proposed", "korean_names", 0.9, None, {}),
    ]
    forms = collect_forms(rows)
    assert forms[("person", "김순희")].entity == 1
    assert forms[("person", "순희")].entity is None  # two people: no pseudonym guessed
    assert forms[("person", "순희")].confidence < forms[("person", "김순희")].confidence
    keys = {k: f for (kind, k), f in forms.items() if kind == "key"}
    text = "Kim Soon-hee met Soonhee Park. Hana Centre staff and Ha-na helped."
    found = {text[a:b]: f.entity for a, b, f in romanised_mentions(text, keys)}
    assert found == {"Kim Soon-hee": 1, "Soonhee Park": 2, "Ha-na": None}


def test_nothing_spreads_into_documents_never_scanned(study: Project, tmp_path: Path) -> None:
    folder = tmp_path / "later"
    folder.mkdir()
    (folder / "d-ko.txt").write_text("응답자: 영철이가 또 왔어요.\n", encoding="utf-8")
    study.add([folder], workers=1)
    _mark(study, "", "a-ko", "김영철")
    assert _found(study, "d-ko") == []  # the scan proposes it, with the detectors
    study.deid.scan(workers=1)
    assert any("영철" in s for s, _ in _found(study, "d-ko"))


def test_countries_are_not_spread() -> None:
    rows = [
        Row(1, PiiType.PLACE, "China", "accepted", "places", 1.0, None, {}),
        Row(2, PiiType.PLACE, "중국", "proposed", "places", 0.9, None, {}),
        Row(3, PiiType.PLACE, "혜산", "proposed", "places", 0.9, None, {}),
    ]
    forms = {text for (_, text) in collect_forms(rows)}
    assert "china" not in forms and "중국" not in forms
    assert {"혜산", "혜산시", "hyesan"} <= forms


def test_an_unreviewed_person_that_is_a_town_is_not_spread() -> None:
    """A town taken for a person would become one pseudonym across testimonies."""
    town = Row(1, PiiType.PERSON, "회령", "proposed", "korean_names", 0.9, None, {})
    assert ("person", "회령") not in collect_forms([town])
    town.status = "accepted"  # a reviewer says it is a person here: recall first
    assert ("person", "회령") in collect_forms([town])


@pytest.mark.parametrize("said", ["제 동생", "애들 아버지", "우리 어머니", "동생", "이모"])
def test_a_relation_taken_for_a_name_has_no_form_to_spread(said: str) -> None:
    """Spread, "제 동생" would hide every brother in the project as one person."""
    assert person_forms(said) == []


def test_a_name_keeps_its_given_name_form_unless_that_is_a_relation() -> None:
    assert person_forms("김영철") == [("김영철", 0.9), ("영철", 0.8)]
    assert ("서연", 0.8) in person_forms("이서연")  # 이 the surname, not "this"


REPORT = (
    "Resettlement in numbers\n\n"
    "The ministry said on Tuesday that most of the 1,200 arrivals last year came from "
    "border counties. Hoeryong and Musan together accounted for more than half of them, "
    "according to the ministry's annual survey. Officials expect the share to fall as "
    "crossings become harder. The survey also found that 62 percent of arrivals were "
    "women, a figure that has changed little over the past decade. Researchers say the "
    "numbers reflect the cost of brokers rather than any change in policy.\n"
)


def test_a_place_does_not_spread_where_the_documents_own_scan_would_drop_it(
    project: Project, tmp_path: Path
) -> None:
    """A town decided in a testimony is not proposed in a report's statistics sentence: the
    report's gate says it locates no one there, and a mask there protects no one."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "c-en.txt").write_text(DOCS["c-en.txt"], encoding="utf-8")
    (folder / "report-en.txt").write_text(REPORT, encoding="utf-8")
    project.add([folder], workers=1)
    project.deid.scan(workers=1)
    assert _found(project, "report-en", "place") == []  # its own scan proposes nothing
    project.conn.execute("UPDATE finding SET status = 'accepted'")
    project.deid.propagate()
    assert "Hoeryong" in [s for s, _ in _found(project, "c-en", "place")]
    assert _found(project, "report-en", "place") == []

"""Cases, their links to documents, ranges and speaker turns, and typed values.

The interviews are fictional: a Korean group interview with two participants
(linked by speaker), a second interview with one of them, and an English one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from moksori.errors import (
    AttributeValueError,
    CodebookConflict,
    CodingError,
    NotFound,
    RangeOutsideDocument,
    UnknownCase,
)
from moksori.project import Project
from moksori.store import audit

GROUP = (
    "면접자: 오늘 두 분께 여쭤보겠습니다. 언제 오셨어요?\n"
    "은별: 저는 2010년에 왔어요. 혜산에서 살았어요.\n"
    "하늘: 저는 2015년에 왔습니다. 함흥이 고향이에요.\n"
    "면접자: 처음에 어떠셨어요?\n"
    "은별: 많이 힘들었어요.\n"
    "하늘: 저도 그랬어요.\n"
)
FOLLOW_UP = "면접자: 다시 만나서 반가워요.\n은별: 네, 요즘은 회사에 다녀요.\n면접자: 좋네요.\n"
ENGLISH = (
    "Interviewer: When did you leave?\n"
    "Participant: I left in 2012, in the winter.\n"
    "Interviewer: And then?\n"
    "Participant: I waited in China for two years.\n"
)


@pytest.fixture
def docs(project: Project, tmp_path: Path) -> dict[str, int]:
    """Add the three interviews; returns document ids by file name."""
    folder = tmp_path / "interviews"
    folder.mkdir()
    for name, text in (("group.txt", GROUP), ("follow-up.txt", FOLLOW_UP), ("en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    report = project.add([folder], workers=1)
    assert report.count("added") == 3
    return {Path(d.source_name).name: d.id for d in project.documents()}


def _turns(project: Project, doc_id: int, speaker: str) -> list[tuple[int, int]]:
    detail = project.document(doc_id)
    return [(s.start, s.end) for s in detail.segments if s.kind == "turn" and s.speaker == speaker]


def _offset(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


# --- at(): which cases a stretch of text belongs to --------------------------------
def test_at_whole_document_range_and_speaker(project: Project, docs: dict[str, int]) -> None:
    cases = project.cases
    for name in ("은별", "하늘", "Mina"):
        cases.add(name)
    group, follow, en = docs["group.txt"], docs["follow-up.txt"], docs["en.txt"]
    cases.link("은별", group, speaker="은별")
    cases.link("하늘", "interviews/group.txt", speaker="하늘")  # by file name
    cases.link("은별", follow)  # a second interview with the same participant
    start, end = _offset(project.document(en).text, "I left in 2012, in the winter.")
    cases.link("Mina", en, start=start, end=end)

    for s, e in _turns(project, group, "은별"):
        assert cases.at(group, s, e) == ["은별"]
    for s, e in _turns(project, group, "하늘"):
        assert cases.at(group, s, e) == ["하늘"]
    for s, e in _turns(project, group, "면접자"):
        assert cases.at(group, s, e) == []
    # a stretch over two turns belongs to both participants
    s, e = _offset(project.document(group).text, "혜산에서 살았어요.\n하늘: 저는")
    assert cases.at(group, s, e) == ["은별", "하늘"]
    # the whole follow-up interview, interviewer turns included, is 은별's
    assert cases.at(follow, 0, 5) == ["은별"]
    # ranges: end exclusive on both sides
    assert cases.at(en, start, start + 1) == ["Mina"]
    assert cases.at(en, end, end + 3) == []
    assert cases.at(en, start - 3, start) == []
    assert cases.at(en, start - 3, start + 1) == ["Mina"]
    assert cases.at(en, start, start) == ["Mina"]  # a point inside the range


def test_one_participant_several_interviews(project: Project, docs: dict[str, int]) -> None:
    cases = project.cases
    cases.add("은별")
    cases.link("은별", docs["group.txt"], speaker="은별")
    cases.link("은별", "interviews/follow-up.txt")
    assert cases.documents_of("은별") == sorted([docs["group.txt"], docs["follow-up.txt"]])
    kinds = sorted(k.kind for k in cases.links("은별"))
    assert kinds == ["document", "speaker"]
    assert cases.links()[0].to_json()["case"] == "은별"


def test_speaker_is_matched_ignoring_case_and_stored_as_written(
    project: Project, docs: dict[str, int]
) -> None:
    project.cases.add("Mina")
    link = project.cases.link("mina", docs["en.txt"], speaker="participant")
    assert link.speaker == "Participant" and link.kind == "speaker"
    turns = _turns(project, docs["en.txt"], "Participant")
    assert len(turns) == 2
    assert all(project.cases.at(docs["en.txt"], s, e) == ["Mina"] for s, e in turns)


# --- bad links change nothing -------------------------------------------------------
def test_range_outside_document_is_refused(project: Project, docs: dict[str, int]) -> None:
    project.cases.add("Mina")
    length = len(project.document(docs["en.txt"]).text)  # as stored, not as the file
    for start, end in ((0, length + 1), (-1, 5), (10, 10), (20, 5)):
        with pytest.raises(RangeOutsideDocument, match=f"{length} characters"):
            project.cases.link("Mina", docs["en.txt"], start=start, end=end)
    assert project.cases.links() == []
    link = project.cases.link("Mina", docs["en.txt"], start=0, end=length)  # the very end fits
    assert (link.start, link.end) == (0, length)


def test_bad_link_arguments(project: Project, docs: dict[str, int]) -> None:
    cases = project.cases
    cases.add("은별")
    with pytest.raises(CodingError, match="both a start and an end"):
        cases.link("은별", docs["group.txt"], start=3)
    with pytest.raises(CodingError, match="not both"):
        cases.link("은별", docs["group.txt"], start=0, end=3, speaker="은별")
    with pytest.raises(CodingError, match="no turns by that speaker") as caught:
        cases.link("은별", docs["follow-up.txt"], speaker="하늘")
    assert "하늘" not in str(caught.value)  # labels from documents are never echoed
    with pytest.raises(NotFound):
        cases.link("은별", "no-such-file.txt")
    with pytest.raises(UnknownCase):
        cases.link("nobody", docs["group.txt"])
    cases.link("은별", docs["group.txt"], speaker="은별")
    with pytest.raises(CodebookConflict, match="already linked"):
        cases.link("은별", docs["group.txt"], speaker="은별")
    assert len(cases.links()) == 1


def test_unlink(project: Project, docs: dict[str, int]) -> None:
    cases = project.cases
    cases.add("은별")
    cases.link("은별", docs["group.txt"], speaker="은별")
    cases.link("은별", docs["group.txt"], start=0, end=10)
    cases.link("은별", docs["follow-up.txt"])
    with pytest.raises(NotFound, match="no such link"):
        cases.unlink("은별", docs["group.txt"], start=0, end=11)
    assert cases.unlink("은별", docs["group.txt"], start=0, end=10) == 1
    assert cases.unlink("은별", docs["follow-up.txt"]) == 1
    assert [k.kind for k in cases.links()] == ["speaker"]
    assert cases.unlink("은별", docs["group.txt"], every=True) == 1
    assert cases.links() == []
    with pytest.raises(NotFound):
        cases.unlink("은별", docs["group.txt"], every=True)


# --- cases themselves -----------------------------------------------------------------
def test_add_get_rename(project: Project) -> None:
    cases = project.cases
    a = cases.add("  Mina  ", "interviewed twice")
    assert (a.name, a.description) == ("Mina", "interviewed twice")
    assert cases.get("MINA") == a == cases.get(a.id) == cases.get(str(a.id))
    with pytest.raises(CodebookConflict):
        cases.add("mina")
    with pytest.raises(CodingError, match="only digits"):
        cases.add("17")
    with pytest.raises(CodingError):
        cases.add("   ")
    with pytest.raises(UnknownCase, match="case list"):
        cases.get("Jun")
    cases.add("Jun")
    with pytest.raises(CodebookConflict):
        cases.rename("Jun", "MINA")
    assert cases.rename("Jun", "Junho").name == "Junho"
    assert [c.name for c in cases.list()] == ["Junho", "Mina"]
    assert cases.get("Junho").to_json()["guid"]


def test_delete_cascades_and_keeps_a_record(project: Project, docs: dict[str, int]) -> None:
    cases = project.cases
    c = cases.add("은별")
    cases.add("하늘")
    cases.define_attribute("birth_year", "integer")
    cases.set_value("은별", "birth_year", 1988)
    cases.set_value("하늘", "birth_year", 1991)
    cases.link("은별", docs["group.txt"], speaker="은별")
    project.conn.execute(
        "INSERT INTO memo(guid, target_kind, target_id, title, text, created_at, updated_at) "
        "VALUES ('g1', 'case', ?, 'note', '두 번 만났다', '2024-01-01', '2024-01-01')",
        (c.id,),
    )
    result = cases.delete("은별")
    assert result["values"] == 1 and result["links"] == 1 and result["memos"] == 1
    assert [x.name for x in cases.list()] == ["하늘"]
    assert cases.links() == []
    assert project.conn.execute("SELECT count(*) FROM case_value").fetchone()[0] == 1
    assert project.conn.execute("SELECT count(*) FROM memo").fetchone()[0] == 0
    (entry,) = audit.entries(project.conn, "case.delete")
    kept = audit.trash(project.conn, entry["detail"]["targets"]["trash"][0])
    assert kept["name"] == "은별"
    assert kept["values"] == {"birth_year": 1988}
    assert kept["memos"][0]["text"] == "두 번 만났다"


# --- attributes and values ------------------------------------------------------------
def test_typed_values(project: Project) -> None:
    cases = project.cases
    cases.add("은별")
    cases.define_attribute("birth_year", "integer", description="as the participant gave it")
    cases.define_attribute("left", "date")
    cases.define_attribute("age_band", "ordinal", ["20대", "30대", "40대"])
    cases.define_attribute("home_province", "category", ["함경북도", "양강도", "평안남도"])
    cases.define_attribute("employed", "boolean")
    cases.define_attribute("income", "float")
    cases.define_attribute("education", "text")
    assert cases.set_value("은별", "birth_year", "1988년생") == 1988
    cases.set_value("은별", "left", "2010년 3월 5일")
    cases.set_value("은별", "AGE_BAND", "30대")
    cases.set_value("은별", "home_province", "양강도")
    cases.set_value("은별", "employed", "예")
    cases.set_value("은별", "income", "2,500.5")
    cases.set_value("은별", "education", "  고등중학교 졸업 ")
    assert cases.values("은별") == {
        "birth_year": 1988,
        "left": dt.date(2010, 3, 5),
        "age_band": "30대",
        "home_province": "양강도",
        "employed": True,
        "income": 2500.5,
        "education": "고등중학교 졸업",
    }
    stored = dict(
        project.conn.execute(
            "SELECT a.name, v.value FROM case_value v JOIN attribute a ON a.id = v.attribute_id"
        ).fetchall()
    )
    assert stored["left"] == "2010-03-05" and stored["employed"] == "true"
    age = cases.attribute("age_band")
    assert age.rank("40대") > age.rank("20대")
    assert cases.detail("은별").to_json()["values"]["left"] == "2010-03-05"


def test_wrong_value_is_refused_and_changes_nothing(project: Project) -> None:
    cases = project.cases
    cases.add("은별")
    cases.define_attribute("birth_year", "integer")
    cases.define_attribute("age_band", "ordinal", ["20대", "30대"])
    cases.set_value("은별", "birth_year", 1988)
    with pytest.raises(AttributeValueError, match=r"birth_year \(integer\) of '은별'"):
        cases.set_value("은별", "birth_year", "nineteen eighty")
    with pytest.raises(AttributeValueError, match="20대, 30대"):
        cases.set_value("은별", "age_band", "50대")
    assert cases.values("은별") == {"birth_year": 1988}
    assert cases.set_value("은별", "birth_year", "") is None  # blank removes
    assert cases.values("은별") == {}


def test_attribute_definitions(project: Project) -> None:
    cases = project.cases
    with pytest.raises(CodingError, match="unknown attribute type"):
        cases.define_attribute("x", "number")
    with pytest.raises(CodingError, match="needs its levels"):
        cases.define_attribute("age_band", "ordinal")
    with pytest.raises(CodingError, match="only ordinal and category"):
        cases.define_attribute("birth_year", "integer", ["a"])
    with pytest.raises(CodingError, match="given twice"):
        cases.define_attribute("gender", "category", ["여", "남", "여"])
    with pytest.raises(CodingError, match="reserved"):
        cases.define_attribute("Pseudonym", "text")
    a = cases.define_attribute("gender", "category", ["여", "남"])
    with pytest.raises(CodebookConflict):
        cases.define_attribute("GENDER", "text")
    assert cases.add_levels("gender", ["기타"]).levels == ["여", "남", "기타"]
    assert [x.to_json()["type"] for x in cases.attributes()] == ["category"]
    cases.add("Mina")
    cases.set_value("Mina", a, "기타")
    assert cases.delete_attribute("gender")["values"] == 1
    assert cases.attributes() == [] and cases.values("Mina") == {}
    with pytest.raises(NotFound):
        cases.set_value("Mina", "gender", "여")


def test_table_has_every_case_and_attribute(project: Project) -> None:
    cases = project.cases
    cases.define_attribute("birth_year", "integer")
    cases.define_attribute("employed", "boolean")
    cases.add("하늘")
    cases.add("Mina")
    cases.set_value("Mina", "employed", "no")
    cases.set_value("하늘", "birth_year", 1991)
    assert cases.table() == [
        {"case": "Mina", "birth_year": None, "employed": False},
        {"case": "하늘", "birth_year": 1991, "employed": None},
    ]

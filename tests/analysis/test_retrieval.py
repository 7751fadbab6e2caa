"""Retrieval of coded segments among cases whose attributes match."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.analysis.coded import Selection
from moksori.analysis.retrieval import Condition, excerpts_table, retrieve
from moksori.errors import AttributeValueError, CodingError, NotFound
from moksori.project import Project
from tests.analysis.conftest import ACCENT, DISCRIMINATION, HELP


def test_code_among_cases_with_an_attribute(study: Project) -> None:
    found = retrieve(study.conn, "도움 찾기", where=["gender=여성"])
    assert [e.text for e in found] == ["저는 동생한테 물어봐요.", "인터넷에 물어봐요."]
    assert [e.cases for e in found] == [["순희"], ["영미"]]
    assert [e.document for e in found] == ["interviews/group.txt", "interviews/youngmi.txt"]
    assert {e.code for e in found} == {HELP} and {e.coder for e in found} == {"Han"}
    doc = study.document(found[0].document_id).text
    assert all(doc[e.start : e.end] == e.text for e in found[:1])


def test_numbers_compare_as_numbers_and_conditions_are_anded(study: Project) -> None:
    # children >= 2 is 영미 (2) and 철수 (10); as text "10" < "2" would drop 철수
    found = retrieve(study.conn, "정착", where=["children>=2"])
    assert len(found) == 6  # c1, c2, c4, c13 (영미) and c9, c10 (철수)
    assert {c for e in found for c in e.cases} == {"영미", "철수"}
    both = retrieve(study.conn, "정착", where=["gender = 남성", "children >= 2"])
    assert [e.text for e in both] == ["교회에서 도움을 받아요.", "말투 때문에 힘들어요."]
    # a missing value matches nothing, not even !=
    assert retrieve(study.conn, "가족", where=["children!=2"]) == retrieve(
        study.conn, "가족", where=["children=0"]
    )


def test_subcodes_and_coder_filter(study: Project) -> None:
    assert len(retrieve(study.conn, DISCRIMINATION)) == 6  # 2 of 차별, 4 of 말투
    assert len(retrieve(study.conn, DISCRIMINATION, subcodes=False)) == 2
    mine = retrieve(study.conn, ACCENT, selection=Selection(coders=["Mina"]))
    assert [(e.text, e.coder) for e in mine] == [("사람들이 물었어요", "Mina")]


def test_conditions_parse_and_refuse_nonsense(study: Project) -> None:
    assert Condition.parse("year left >= 2010") == Condition("year left", ">=", "2010")
    assert str(Condition.parse("gender=여성")) == "gender=여성"
    with pytest.raises(CodingError, match="looks like"):
        Condition.parse("gender")
    with pytest.raises(CodingError, match="compare it with = or !="):
        retrieve(study.conn, HELP, where=["gender<여성"])
    with pytest.raises(AttributeValueError, match="children"):
        retrieve(study.conn, HELP, where=["children=many"])
    with pytest.raises(AttributeValueError):
        retrieve(study.conn, HELP, where=["gender=기타"])  # not a level
    with pytest.raises(NotFound):
        retrieve(study.conn, HELP, where=["religion=none"])


def test_excerpts_as_a_table(study: Project) -> None:
    found = retrieve(study.conn, "가족")
    t = excerpts_table(found)
    assert t.columns == [
        "code",
        "document",
        "start",
        "end",
        "cases",
        "speaker",
        "coder",
        "text",
        "memo",
    ]
    assert t.rows == [str(e.coding_id) for e in found]
    assert [t.cell(r, "text") for r in t.rows] == [
        "동생한테",
        "My mother is still in Hyesan.",
        "어머니는 혜산에 계세요.",
    ]


def test_excerpts_carry_the_speaker_of_their_turn(study: Project) -> None:
    found = retrieve(study.conn, "도움 찾기", where=["gender=여성"])
    assert [e.speaker for e in found] == ["순희", "영미"]
    table = excerpts_table(found)
    assert "speaker" in table.columns
    assert [row[table.columns.index("speaker")] for row in table.values] == ["순희", "영미"]


def test_tables_write_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from moksori.analysis.tables import Table

    table = Table(
        rows=["1", "2"],
        columns=["code", "speaker", "start", "text"],
        values=[["말투", "영미", 3, "억양 때문에"], ["말투", None, 40, "accent 🙂"]],
        title="t",
        row_header="coding",
    )
    back = pq.read_table(table.to_parquet(tmp_path / "t.parquet")).to_pylist()
    assert back[0] == {
        "coding": "1",
        "code": "말투",
        "speaker": "영미",
        "start": 3,
        "text": "억양 때문에",
    }
    assert back[1]["speaker"] is None and back[1]["text"] == "accent 🙂"

"""Memos: on every kind of target, with author and time, searchable in Korean and English."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from moksori.coding.memos import Memos
from moksori.errors import CodingError, NotFound, QueryError, UnknownCase, UnknownCode
from moksori.project import Project
from tests.coding.test_reliability import build, doc_ids, insert_coding


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    build(project, tmp_path, {"minji": [], "james": []})
    project.conn.execute(
        "INSERT INTO cases(guid, name, created_at) VALUES ('g-case-1', 'P07', '2024-01-01')"
    )
    return project


def test_memos_on_every_kind_of_target(study: Project) -> None:
    memos: Memos = study.memos
    ko = doc_ids(study)["ko.txt"]
    coding = insert_coding(study, "Fear", ko, 0, 3, "minji")
    on_project = memos.add("project", None, "연구 질문: 탈북 과정의 두려움", author="minji")
    on_code = memos.add("code", "Fear", "Fear appears at every border.", author="james")
    on_doc = memos.add(
        "document", "ko.txt", "참여자가 강을 건넌 이야기", title="첫 인상", author="minji"
    )
    on_case = memos.add("case", "P07", "P07 speaks of her mother often.", author="minji")
    on_coding = memos.add("coding", coding, "Is this fear or caution?", author="james")

    assert on_project.target_kind == "project" and on_project.target_id is None
    assert on_code.target == "Fear" and on_code.author == "james"
    assert on_doc.target == "ko.txt" and on_doc.title == "첫 인상"
    assert on_case.target == "P07"
    assert on_coding.target == f"coding #{coding} (Fear)"
    assert on_doc.created_at == on_doc.updated_at

    assert [m.id for m in memos.list()] == [
        on_project.id, on_code.id, on_doc.id, on_case.id, on_coding.id
    ]  # fmt: skip
    assert [m.id for m in memos.list("code")] == [on_code.id]
    assert [m.id for m in memos.list("document", ko)] == [on_doc.id]
    assert [m.id for m in memos.list("project")] == [on_project.id]
    assert memos.list("document", "en.txt") == []


def test_search_finds_korean_inflections_and_english_stems(study: Project) -> None:
    memos = study.memos
    crossing = memos.add("project", None, "참여자들은 모두 밤에 강을 건넜다.", author="minji")
    family = memos.add("code", "Family", "Mothers stay behind; families are split.", author="minji")
    assert [m.id for m in memos.search("건너다")] == [crossing.id]
    assert [m.id for m in memos.search("건넜어요")] == [crossing.id]
    assert [m.id for m in memos.search("family")] == [family.id]
    assert {m.id for m in memos.search("mother OR 강")} == {crossing.id, family.id}
    assert memos.search("family NOT mothers") == []
    assert memos.search('"stay behind"')[0].id == family.id
    with pytest.raises(QueryError):
        memos.search("doc:ko.txt 강")
    with pytest.raises(QueryError):
        memos.search("   ")


def test_edit_reindexes_and_delete_removes_from_search(study: Project) -> None:
    memos = study.memos
    memo = memos.add("project", None, "first thoughts about work", author="minji")
    edited = memos.edit(memo.id, text="이제는 가족이 핵심 범주로 보인다", title="core?")
    assert edited.title == "core?" and edited.updated_at >= edited.created_at
    assert memos.search("work") == []
    assert [m.id for m in memos.search("가족")] == [memo.id]
    assert [m.id for m in memos.search("core")] == [memo.id]  # titles are searched too
    memos.delete(memo.id)
    assert memos.search("가족") == []
    with pytest.raises(NotFound):
        memos.get(memo.id)
    count = study.conn.execute("SELECT count(*) FROM memo_fts").fetchone()[0]
    assert count == 0


def test_export_groups_by_target_with_author_and_time(study: Project) -> None:
    memos = study.memos
    memos.add("code", "Work", '=HYPERLINK("x") looks like a formula', author="james")
    memos.add("project", None, "Overall: fear, family, work.", title="Plan", author="minji")
    memos.add("code", "Fear", "Fear first.", author="minji")
    memos.add("code", "Fear", "두려움은 계속된다.", author="james")

    md = memos.export("md")
    assert md.index("## Project") < md.index("## Code: Fear") < md.index("## Code: Work")
    assert "### Plan" in md and "*minji, " in md and "두려움은 계속된다." in md

    groups = json.loads(memos.export("json"))
    assert [(g["target_kind"], g["target"]) for g in groups] == [
        ("project", "project"), ("code", "Fear"), ("code", "Work")
    ]  # fmt: skip
    assert [m["author"] for m in groups[1]["memos"]] == ["minji", "james"]
    assert all(m["created_at"] for g in groups for m in g["memos"])

    rows = list(csv.DictReader(io.StringIO(memos.export("csv"))))
    assert [r["target"] for r in rows] == ["project", "Fear", "Fear", "Work"]
    assert rows[3]["text"].startswith("'=")  # not run as a formula by a spreadsheet
    with pytest.raises(CodingError):
        memos.export("docx")


def test_bad_targets_are_clear_errors(study: Project) -> None:
    memos = study.memos
    with pytest.raises(UnknownCode):
        memos.add("code", "Nonexistent", "x", author="minji")
    with pytest.raises(UnknownCase):
        memos.add("case", "P99", "x", author="minji")
    with pytest.raises(NotFound):
        memos.add("coding", 999, "x", author="minji")
    with pytest.raises(NotFound):
        memos.add("document", "missing.txt", "x", author="minji")
    with pytest.raises(CodingError, match="cannot be on"):
        memos.add("segment", 1, "x", author="minji")
    with pytest.raises(CodingError, match="no target"):
        memos.add("project", "P07", "x", author="minji")
    with pytest.raises(CodingError, match="which code"):
        memos.add("code", None, "x", author="minji")
    with pytest.raises(CodingError, match="some text"):
        memos.add("project", None, "   ", author="minji")


def test_deleted_target_keeps_its_memo(study: Project) -> None:
    memo = study.memos.add("case", "P07", "keep me", author="minji")
    study.conn.execute("DELETE FROM cases WHERE name = 'P07'")
    assert study.memos.get(memo.id).target == f"case #{memo.target_id} (deleted)"


def test_a_memo_on_a_passage_keeps_its_range_and_quote(study: Project) -> None:
    ko = doc_ids(study)["ko.txt"]
    text = study.document(ko).text
    start = text.index("강을 건넜어요")
    memo = study.memos.add(
        "document", ko, "건넌 시기가 겨울", author="minji", span=(start, start + 7)
    )
    assert (memo.start, memo.end, memo.quote) == (start, start + 7, "강을 건넜어요")
    assert memo.range_label == f"{start}-{start + 7}"
    whole = study.memos.add("document", ko, "전체 인상", author="minji")
    assert whole.start is None and whole.quote is None and whole.range_label == ""
    assert study.memos.ranges(ko) == [memo]
    assert {m.id for m in study.memos.list("document", ko)} == {memo.id, whole.id}
    # a quote finds the passage whatever its spacing
    span = study.memos.locate(ko, "어머니께  보냈어요")
    assert text[span[0] : span[1]] == "어머니께 보냈어요"
    # exports show the passage with the memo
    md = study.memos.export("md")
    assert f"(on {start}-{start + 7})" in md and "> 강을 건넜어요" in md
    rows = list(csv.DictReader(io.StringIO(study.memos.export("csv"))))
    assert [r["quote"] for r in rows if r["start"]] == ["강을 건넜어요"]
    assert json.loads(study.memos.export("json"))[0]["memos"][0]["quote"] is None


def test_a_memo_range_must_lie_inside_a_document(study: Project) -> None:
    ko = doc_ids(study)["ko.txt"]
    n = len(study.document(ko).text)
    for bad in [(5, 5), (-1, 3), (0, n + 1), (9, 4)]:
        with pytest.raises(CodingError, match="not inside the document"):
            study.memos.add("document", ko, "x", author="minji", span=bad)
    with pytest.raises(CodingError, match="only a memo on a document"):
        study.memos.add("code", "Fear", "x", author="minji", span=(0, 3))
    with pytest.raises(CodingError, match="does not contain"):
        study.memos.locate(ko, "없는 문장입니다")
    assert study.memos.list() == []

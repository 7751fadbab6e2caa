"""Search on a real ingested mini-corpus: Korean morphology, NK spelling, stems, filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import QueryError
from moksori.project import Project
from moksori.store.query import Filters

INTERVIEW_KO = """면접자: 언제 강을 건너셨어요?
김순희: 저는 2010년 겨울에 두만강을 건넜습니다. 혜산시 근처였어요.
면접자: 한국에서 모르는 게 있으면 어떻게 하세요?
김순희: 모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요.
면접자: 일은 어떠세요?
김순희: 로동은 힘들었지만 녀성 동무들이 많이 도와줬어요.
"""

INTERVIEW_EN = """Interviewer: When did you cross?
Youngmi: I crossed the river in 2010. People noticed my accent in Seoul.
Interviewer: What do you do when you do not know something?
Youngmi: I ask strangers on the internet instead of people I know.
Interviewer: And work?
Youngmi: The labour was hard, but the women there helped me a lot.
"""


@pytest.fixture
def corpus_project(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "ko.txt").write_text(INTERVIEW_KO, encoding="utf-8")
    (tmp_path / "en.txt").write_text(INTERVIEW_EN, encoding="utf-8")
    report = project.add(
        [tmp_path / "ko.txt", tmp_path / "en.txt"], attributes={"study": "pilot"}, workers=1
    )
    assert report.count("added") == 2, report.to_json()
    return project


def texts(project: Project, query: str, **kw: object) -> list[str]:
    return [h.text for h in project.search(query, **kw).hits]  # type: ignore[arg-type]


def test_korean_verbs_by_dictionary_form(corpus_project: Project) -> None:
    hits = texts(corpus_project, "건너다")
    assert any("건넜습니다" in t for t in hits)
    assert any("건너셨어요" in t for t in hits)
    assert any("안 묻고" in t for t in texts(corpus_project, "묻다"))


def test_compound_found_by_its_part(corpus_project: Project) -> None:
    assert any("혜산시" in t for t in texts(corpus_project, "혜산"))


def test_north_korean_spelling_both_ways(corpus_project: Project) -> None:
    assert any("로동" in t for t in texts(corpus_project, "노동"))
    assert any("로동" in t for t in texts(corpus_project, "로동"))
    assert any("녀성" in t for t in texts(corpus_project, "여성"))


def test_english_stems(corpus_project: Project) -> None:
    assert any("accent" in t for t in texts(corpus_project, "accents"))
    assert any("crossed" in t for t in texts(corpus_project, "cross"))


def test_boolean_phrase_and_filters(corpus_project: Project) -> None:
    both = corpus_project.search("crossed OR 건너다")
    assert {h.lang for h in both.hits} >= {"ko", "en"}
    assert texts(corpus_project, '"my accent"')
    assert not texts(corpus_project, '"accent my"')
    only_ko = corpus_project.search("crossed OR 건너다", filters=Filters(langs=["ko"]))
    assert only_ko.hits and all(h.lang == "ko" for h in only_ko.hits)
    assert all(h.speaker == "김순희" for h in corpus_project.search("건너다 speaker:김순희").hits)
    assert not texts(corpus_project, "건너다 NOT 혜산") == texts(corpus_project, "건너다")
    assert texts(corpus_project, "crossed attr:study=pilot")
    assert not texts(corpus_project, "crossed attr:study=other")


def test_hits_carry_exact_code_point_offsets(corpus_project: Project) -> None:
    result = corpus_project.search("인터넷")
    assert result.hits
    for hit in result.hits:
        doc = corpus_project.document(hit.document_id)
        assert doc.text[hit.start : hit.end] == hit.text
        assert hit.highlights
        for hl in hit.highlights:
            assert doc.text[hl.start : hl.end].startswith("인터넷")


def test_ranked_by_bm25(corpus_project: Project) -> None:
    scores = [h.score for h in corpus_project.search("river OR accent OR crossed").hits]
    assert scores == sorted(scores, reverse=True)


def test_bad_query_is_a_clear_error(corpus_project: Project) -> None:
    with pytest.raises(QueryError):
        corpus_project.search("(unbalanced")

"""Code frequencies by document, case and attribute, checked against the table in conftest."""

from __future__ import annotations

import pytest

from moksori.analysis.coded import Selection
from moksori.analysis.frequencies import NO_CASE, NO_VALUE, frequencies
from moksori.errors import CodingError, NotFound
from moksori.project import Project
from tests.analysis.conftest import ACCENT, DISCRIMINATION, FAMILY, HELP, SETTLING, code_text

GROUP, JUN, YOUNGMI = "interviews/group.txt", "interviews/jun.txt", "interviews/youngmi.txt"


def test_by_document(study: Project) -> None:
    t = frequencies(study.conn, "document")
    assert t.columns == [GROUP, JUN, YOUNGMI]
    assert t.rows == [DISCRIMINATION, ACCENT, HELP, FAMILY]  # codebook order, no folder
    assert t.values == [[0, 1, 1], [1, 1, 2], [2, 1, 1], [1, 1, 1]]
    assert t.meta == {"measure": "codings", "rollup": False}


def test_by_document_rolled_up_and_cut_to_depth(study: Project) -> None:
    t = frequencies(study.conn, "document", selection=Selection(rollup=True))
    assert t.rows == [SETTLING, DISCRIMINATION, ACCENT, HELP, FAMILY]
    assert t.row(SETTLING) == {GROUP: 3, JUN: 3, YOUNGMI: 4}
    assert t.row(DISCRIMINATION) == {GROUP: 1, JUN: 2, YOUNGMI: 3}
    top = frequencies(study.conn, "document", selection=Selection(rollup=True, depth=0))
    assert top.rows == [SETTLING, FAMILY]


def test_by_case_codings_and_cases(study: Project) -> None:
    t = frequencies(study.conn, "case")
    assert t.columns == ["Jun", "순희", "영미", "철수"]  # no "(no case)": every coding has one
    assert t.row(ACCENT) == {"Jun": 1, "순희": 0, "영미": 2, "철수": 1}
    assert t.row(FAMILY) == {"Jun": 1, "순희": 1, "영미": 1, "철수": 0}
    # counting cases, each case counts once per cell
    assert frequencies(study.conn, "case", measure="cases").row(ACCENT)["영미"] == 1


def test_by_category_attribute_both_measures(study: Project) -> None:
    codings = frequencies(study.conn, "gender")
    assert codings.columns == ["여성", "남성"]  # the levels' own order
    assert codings.row(ACCENT) == {"여성": 2, "남성": 2}
    assert codings.row(FAMILY) == {"여성": 2, "남성": 1}
    cases = frequencies(study.conn, "Gender", measure="cases")  # names ignore case
    assert cases.row(ACCENT) == {"여성": 1, "남성": 2}  # 영미 twice is one woman
    assert cases.row(HELP) == {"여성": 2, "남성": 2}
    assert cases.meta["cases_per_column"] == {"여성": 2, "남성": 2}


def test_by_integer_attribute_sorts_numbers_and_keeps_missing(study: Project) -> None:
    t = frequencies(study.conn, "children")
    assert t.columns == ["0", "2", "10", NO_VALUE]  # numeric order, not "0", "10", "2"
    assert t.row(HELP) == {"0": 1, "2": 1, "10": 1, NO_VALUE: 1}  # 순희 has no value
    assert t.meta["cases_per_column"] == {"0": 1, "2": 1, "10": 1}


def test_coder_filter(study: Project) -> None:
    t = frequencies(study.conn, "document", selection=Selection(coders=["Mina"]))
    assert t.values == [[0, 1, 0], [0, 0, 1], [0, 1, 0], [0, 0, 0]]


def test_codings_outside_any_case_get_their_own_column(own_study: Project) -> None:
    code_text(own_study, HELP, "group.txt", "두 분은 어떻게 도움을 받으세요?")  # the interviewer
    assert frequencies(own_study.conn, "case").row(HELP)[NO_CASE] == 1
    assert frequencies(own_study.conn, "gender").row(HELP)[NO_VALUE] == 1


def test_bad_requests(study: Project) -> None:
    with pytest.raises(NotFound):
        frequencies(study.conn, "no such attribute")
    with pytest.raises(CodingError, match="measure"):
        frequencies(study.conn, "case", measure="characters")

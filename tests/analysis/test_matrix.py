"""The code × case matrix."""

from __future__ import annotations

import pytest

from moksori.analysis.coded import Selection
from moksori.analysis.matrix import code_case_matrix
from moksori.errors import CodingError, UnknownCase
from moksori.project import Project
from tests.analysis.conftest import ACCENT, DISCRIMINATION, FAMILY, HELP, SETTLING


def test_counts_of_codings_per_case(study: Project) -> None:
    t = code_case_matrix(study.conn)
    assert t.columns == ["Jun", "순희", "영미", "철수"]
    assert t.rows == [DISCRIMINATION, ACCENT, HELP, FAMILY]
    assert t.values == [
        [1, 0, 1, 0],
        [1, 0, 2, 1],
        [1, 1, 1, 1],
        [1, 1, 1, 0],
    ]


def test_presence_characters_and_chosen_cases(study: Project) -> None:
    presence = code_case_matrix(study.conn, measure="presence", cases=["영미", "순희"])
    assert presence.columns == ["영미", "순희"]
    assert presence.row(ACCENT) == {"영미": 1, "순희": 0}
    chars = code_case_matrix(study.conn, measure="characters")
    assert chars.cell(ACCENT, "영미") == len("말투 때문에 사람들이 물었어요.") + len(
        "사람들이 물었어요"
    )
    assert chars.cell(FAMILY, "순희") == len("동생한테")


def test_rollup(study: Project) -> None:
    t = code_case_matrix(study.conn, selection=Selection(rollup=True, depth=0))
    assert t.rows == [SETTLING, FAMILY]
    assert t.row(SETTLING) == {"Jun": 3, "순희": 1, "영미": 4, "철수": 2}


def test_bad_requests(study: Project) -> None:
    with pytest.raises(CodingError, match="measure"):
        code_case_matrix(study.conn, measure="cases")
    with pytest.raises(UnknownCase):
        code_case_matrix(study.conn, cases=["nobody"])

"""Co-occurrence by overlapping ranges and by shared segments (see the table in conftest)."""

from __future__ import annotations

import pytest

from moksori.analysis.coded import Selection
from moksori.analysis.cooccurrence import cooccurrence
from moksori.errors import CodingError
from moksori.project import Project
from tests.analysis.conftest import ACCENT, DISCRIMINATION, FAMILY, HELP, SETTLING


def _symmetric(values: list[list[object]]) -> bool:
    return all(values[i][j] == values[j][i] for i in range(len(values)) for j in range(i))


def test_overlap(study: Project) -> None:
    t = cooccurrence(study.conn, "overlap")
    assert t.rows == t.columns == [DISCRIMINATION, ACCENT, HELP, FAMILY]
    assert _symmetric(t.values)
    # c5 (말투) inside c6 (차별); c12 (가족) inside c11 (도움 찾기). c1 and c13 share a code.
    assert t.values == [
        [2, 1, 0, 0],
        [1, 4, 0, 0],
        [0, 0, 4, 1],
        [0, 0, 1, 3],
    ]


def test_overlap_rolled_up(study: Project) -> None:
    t = cooccurrence(study.conn, "overlap", selection=Selection(rollup=True))
    assert t.cell(SETTLING, SETTLING) == 10  # every coding under 정착
    assert t.cell(SETTLING, FAMILY) == 1  # c11 with c12
    # c1 with c13 and c5 with c6: two codings each time, never one coding with itself
    assert t.cell(SETTLING, DISCRIMINATION) == 2


def test_same_sentence_and_same_turn(study: Project) -> None:
    sentence = cooccurrence(study.conn, "sentence")
    assert sentence.cell(DISCRIMINATION, ACCENT) == 1  # only Jun's first sentence
    assert sentence.cell(HELP, FAMILY) == 1  # 순희's sentence
    assert sentence.cell(HELP, ACCENT) == 0
    assert sentence.cell(ACCENT, ACCENT) == 3  # sentences touched by 말투
    turn = cooccurrence(study.conn, "turn")
    assert _symmetric(turn.values)
    assert turn.cell(DISCRIMINATION, ACCENT) == 2  # 영미's and Jun's first answers
    assert turn.cell(HELP, FAMILY) == 3
    assert turn.cell(HELP, ACCENT) == 1  # 철수's turn
    assert turn.cell(ACCENT, ACCENT) == 3
    assert turn.meta["diagonal"] == "segments the code touches"


def test_segments_with_rollup_do_not_pair_a_coding_with_itself(study: Project) -> None:
    t = cooccurrence(study.conn, "sentence", selection=Selection(rollup=True))
    # 철수's second sentence holds only c10 (말투), which stands for 차별 and 정착 too:
    # one coding, so no pair. Pairs come from 영미's first sentence (c1, c13) and
    # Jun's first (c5, c6).
    assert t.cell(SETTLING, DISCRIMINATION) == 2
    assert t.cell(DISCRIMINATION, ACCENT) == 2
    assert t.cell(SETTLING, SETTLING) == 9  # sentences touched by anything under 정착


def test_only_given_codes_in_given_order_and_bad_unit(study: Project) -> None:
    t = cooccurrence(study.conn, "paragraph", only=[FAMILY, "말투"])
    assert t.rows == [FAMILY, ACCENT]
    assert t.values == [[0, 0], [0, 0]]  # these transcripts have turns, not paragraphs
    with pytest.raises(CodingError, match="unknown unit"):
        cooccurrence(study.conn, "chapter")

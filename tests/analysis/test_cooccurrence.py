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
    # c12 (가족) inside c11 (도움 찾기), both Han's. c5 (말투, Han) inside c6 (차별, Mina)
    # is two coders' judgements over the same words: no one coded both, so it does not
    # co-occur (it used to count 1: issue 17). c1 and c13 share a code.
    assert t.values == [
        [2, 0, 0, 0],
        [0, 4, 0, 0],
        [0, 0, 4, 1],
        [0, 0, 1, 3],
    ]


def test_two_coders_overlapping_codings_never_co_occur(study: Project) -> None:
    han = cooccurrence(study.conn, "overlap", selection=Selection(coders=("Han",)))
    assert han.cell(HELP, FAMILY) == 1 and han.cell(DISCRIMINATION, ACCENT) == 0
    mina = cooccurrence(study.conn, "overlap", selection=Selection(coders=("Mina",)))
    assert mina.rows == [DISCRIMINATION, ACCENT, HELP]
    assert mina.cell(DISCRIMINATION, ACCENT) == 0
    both = cooccurrence(study.conn, "overlap", selection=Selection(coders=("Han", "Mina")))
    # several coders: each coder's own counts, added up
    assert both.cell(ACCENT, ACCENT) == han.cell(ACCENT, ACCENT) + mina.cell(ACCENT, ACCENT)
    assert both.cell(DISCRIMINATION, ACCENT) == 0


def test_overlap_rolled_up(study: Project) -> None:
    t = cooccurrence(study.conn, "overlap", selection=Selection(rollup=True))
    assert t.cell(SETTLING, SETTLING) == 10  # every coding under 정착
    assert t.cell(SETTLING, FAMILY) == 1  # c11 with c12
    # c1 with c13 and c5 with c6 are two coders' (no pair), and a coding never pairs with
    # itself (c1 stands for 정착 and 차별 alone)
    assert t.cell(SETTLING, DISCRIMINATION) == 0
    han = cooccurrence(study.conn, "overlap", selection=Selection(coders=("Han",), rollup=True))
    assert han.cell(SETTLING, DISCRIMINATION) == 0 and han.cell(SETTLING, SETTLING) == 7


def test_same_sentence_and_same_turn(study: Project) -> None:
    sentence = cooccurrence(study.conn, "sentence")
    # Jun's first sentence holds Han's 말투 (c5) and Mina's 차별 (c6): two coders, no pair
    assert sentence.cell(DISCRIMINATION, ACCENT) == 0
    assert sentence.cell(HELP, FAMILY) == 1  # 순희's sentence
    assert sentence.cell(HELP, ACCENT) == 0
    # sentences touched by 말투, each coder's counted: 영미's first (Han and Mina), Jun's
    # first, 철수's second
    assert sentence.cell(ACCENT, ACCENT) == 4
    turn = cooccurrence(study.conn, "turn")
    assert _symmetric(turn.values)
    assert turn.cell(DISCRIMINATION, ACCENT) == 1  # 영미's first answer (c1, c2: Han's)
    assert turn.cell(HELP, FAMILY) == 2  # 영미's second answer and 순희's (Jun's: two coders)
    assert turn.cell(HELP, ACCENT) == 1  # 철수's turn
    assert turn.cell(ACCENT, ACCENT) == 4
    assert turn.meta["diagonal"] == "segments the code touches"


def test_segments_with_rollup_do_not_pair_a_coding_with_itself(study: Project) -> None:
    t = cooccurrence(study.conn, "sentence", selection=Selection(coders=("Han",), rollup=True))
    # 철수's second sentence holds only c10 (말투), which stands for 차별 and 정착 too:
    # one coding, so no pair; no sentence holds two of Han's codings under 정착.
    assert t.cell(SETTLING, DISCRIMINATION) == 0
    assert t.cell(DISCRIMINATION, ACCENT) == 0
    assert t.cell(SETTLING, SETTLING) == 7  # Han's sentences touched by anything under 정착
    turn = cooccurrence(study.conn, "turn", selection=Selection(coders=("Han",), rollup=True))
    # 영미's first answer: c1 (말투) and c2 (차별), two codings; 철수's: c9 (도움 찾기, so
    # 정착) with c10 (말투, so 차별)
    assert turn.cell(DISCRIMINATION, ACCENT) == 1 and turn.cell(SETTLING, DISCRIMINATION) == 2


def test_only_given_codes_in_given_order_and_bad_unit(study: Project) -> None:
    t = cooccurrence(study.conn, "paragraph", only=[FAMILY, "말투"])
    assert t.rows == [FAMILY, ACCENT]
    assert t.values == [[0, 0], [0, 0]]  # these transcripts have turns, not paragraphs
    with pytest.raises(CodingError, match="unknown unit"):
        cooccurrence(study.conn, "chapter")

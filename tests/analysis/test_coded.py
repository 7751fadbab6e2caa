"""The shared reading of codings: cases as Cases.at gives them, coder filters, roll-up."""

from __future__ import annotations

import pytest

from moksori.analysis.coded import Selection, case_names, codes, load, targets
from moksori.errors import UnknownCoder
from moksori.project import Project


def test_cases_of_each_coding_match_cases_at(study: Project) -> None:
    names = case_names(study.conn)
    ranges = load(study.conn)
    assert len(ranges) == 13
    for g in ranges:
        assert sorted(names[c] for c in g.cases) == sorted(
            study.cases.at(g.document_id, g.start, g.end)
        )
    # the interviewer's turns belong to nobody; 철수's and 순희's only to them
    assert {tuple(sorted(names[c] for c in g.cases)) for g in ranges} == {
        ("영미",),
        ("Jun",),
        ("철수",),
        ("순희",),
    }


def test_coder_filter_and_blind_viewer(study: Project) -> None:
    mina = study.coders.get("Mina").id
    assert {g.coder_id for g in load(study.conn, Selection(coders=["mina"]))} == {mina}
    assert len(load(study.conn, Selection(coders=["Mina"]))) == 3
    # blind coding is on: Mina sees only her own codings, the owner sees all 13
    assert len(load(study.conn, Selection(viewer="Mina"))) == 3
    assert len(load(study.conn, Selection(viewer="Han"))) == 13
    assert load(study.conn, Selection(coders=["Han"], viewer="Mina")) == []
    with pytest.raises(UnknownCoder):
        load(study.conn, Selection(coders=["nobody"]))


def test_rollup_targets_are_the_code_and_its_ancestors(study: Project) -> None:
    rows = codes(study.conn)
    path = {r.id: r.path for r in rows}
    by_path = {r.path: r.id for r in rows}
    up = targets(rows, rollup=True)
    assert [path[c] for c in up[by_path["정착/차별/말투"]]] == [
        "정착/차별/말투",
        "정착/차별",
        "정착",
    ]
    assert targets(rows, rollup=False)[by_path["정착/차별/말투"]] == (by_path["정착/차별/말투"],)

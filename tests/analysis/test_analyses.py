"""The analysis service's default: one judgement counted once, never everyone added up."""

from __future__ import annotations

import pytest

from moksori.analysis.coded import ChooseCoders, Selection
from moksori.project import Project
from tests.analysis.conftest import ACCENT, code_text


def _accent_total(study: Project, selection: Selection | None = None) -> int:
    return sum(study.analysis.frequencies("document", selection=selection).row(ACCENT).values())


def test_two_coders_and_no_consensus_refuses_by_default(study: Project) -> None:
    for call in (
        lambda: study.analysis.frequencies("document"),
        lambda: study.analysis.cooccurrence(),
        lambda: study.analysis.matrix(),
        lambda: study.analysis.retrieve(ACCENT),
    ):
        with pytest.raises(ChooseCoders, match="Han.*Mina|Mina.*Han"):
            call()


def test_explicit_choices_count_what_they_name(study: Project) -> None:
    # 말투 (the accent code): Han coded c1, c5, c10; Mina coded c13 (see conftest's table)
    assert _accent_total(study, study.analysis.choose(["Han"])) == 3
    assert _accent_total(study, study.analysis.choose(["Mina"])) == 1
    assert _accent_total(study, Selection()) == 4  # everyone, only when asked for


def test_the_consensus_is_the_default_once_it_has_codings(own_study: Project) -> None:
    own_study.coders.add("Agreed", "consensus")
    code_text(own_study, ACCENT, "youngmi.txt", "말투 때문에", coder="Agreed")
    assert _accent_total(own_study) == 1
    assert [e.text for e in own_study.analysis.retrieve(ACCENT)] == ["말투 때문에"]

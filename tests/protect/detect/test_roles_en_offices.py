"""English offices said in testimony: boards, shops, regiments and ranks (fictional)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import roles
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise

LEAD = "I remember all of it. "


def _roles(text: str) -> list[str]:
    return [text[s.start : s.end] for s in roles.detect(tokenise(text)) if s.type == PiiType.ROLE]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("My uncle was the mine's supply board chairman until 2003.", "supply board chairman"),
        ("Her sister was the store manager of the county cooperative.", "store manager"),
        ("His father was deputy commander of the coastal artillery battalion.", "deputy commander"),
        ("A first lieutenant took our papers at the post.", "lieutenant"),
        ("We paid the border security men at Manpo every month.", "border security men"),
    ],
)
def test_an_office_said_of_one_person_is_a_role(text: str, role: str) -> None:
    assert any(role in r for r in _roles(LEAD + text))


def test_a_plural_rank_or_a_figure_of_speech_is_no_role() -> None:
    assert not _roles(LEAD + "Lieutenants came and went. He was a captain of industry.")

"""English dates fixed by a life or a national calendar, in testimony only (fictional)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import life_dates_en, temporal
from moksori.protect.spans import PiiType


def _dates(text: str) -> set[str]:
    return {text[s.start : s.end] for s in temporal.find(text) if s.type == PiiType.DATE}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I crossed the summer after my wedding, in the rain.", "summer after my wedding"),
        ("My aunt came to Hyesan the year after. She stayed.", "year after"),
        (
            "We left the year my grandfather was arrested, in the autumn.",
            "year my grandfather was arrested",
        ),
        ("By the third winter I had a room of my own.", "third winter"),
        (
            "They freed him for the 60th anniversary of the Republic, I think.",
            "60th anniversary of the Republic",
        ),
        ("I remember it was Victory Day, because of the parade.", "Victory Day"),
        ("That was 2007, November, when the snow came early.", "November"),
    ],
)
def test_a_time_fixed_by_a_life_is_a_date(text: str, said: str) -> None:
    assert said in _dates(text)


def test_a_paper_says_none_of_it() -> None:
    paper = (
        "Background\n"
        "The survey was repeated the year after, and the second year of the panel added "
        "questions on income. Methods\n"
        "Respondents were recruited through resettlement centres across the country, and "
        "the responses were weighted by region and by the year of arrival. In the third "
        "year the panel lost a fifth of its respondents, most of them to moves abroad, "
        "which the analysis treats as missing at random after checking the balance.\n"
    )
    assert not life_dates_en.find(paper)

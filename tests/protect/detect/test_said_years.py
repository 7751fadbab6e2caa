"""Two-digit years said in a list, in a famine frame, or with an apostrophe alone (fictional)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import temporal
from moksori.protect.spans import PiiType


def _years(text: str) -> dict[str, int | None]:
    return {
        text[s.start : s.end]: s.info.get("year")
        for s in temporal.find(text)
        if s.type == PiiType.DATE
    }


@pytest.mark.parametrize(
    ("text", "said", "year"),
    [
        ("작업반에서 97년 한 해에 일곱이 굶어 죽었소.", "97년", 1997),
        ("98년 큰물 지고 나서 다 떠났지비.", "98년", 1998),
        ("94년 여름에 한 번, 95년, 이렇게 두 번 잡혔슴다.", "95년", 1995),
        ("2003년하고 04년에 장사 나갔다 왔소.", "04년", 2004),
        ("We crossed in the spring, '99 I believe.", "'99", 1999),
    ],
)
def test_a_two_digit_year_in_its_frame_is_a_date(text: str, said: str, year: int) -> None:
    at = text.index(said)
    assert [
        s
        for s in temporal.find(text)
        if s.start <= at and at + len(said) <= s.end and s.info.get("year") == year
    ]


@pytest.mark.parametrize(
    "text",
    [
        "그 집에서 20년 동안 살았소.",  # a duration
        "1998년, 10년 넘게 그 공장에 다녔지.",  # a duration after a year
        "She said 'no' twice and left.",
    ],
)
def test_durations_and_quotes_are_not_years(text: str) -> None:
    said = _years(text)
    assert not [k for k in said if k in ("20년", "10년", "'no'")]

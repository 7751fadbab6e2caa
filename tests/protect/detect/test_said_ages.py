"""Ages said bare, found by their frame (fictional testimony, Korean and English)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import said_ages, temporal
from moksori.protect.spans import PiiType


def _ages(text: str) -> dict[str, int | None]:
    return {
        text[s.start : s.end]: s.info.get("age")
        for s in temporal.find(text)
        if s.type == PiiType.AGE
    }


@pytest.mark.parametrize(
    ("text", "said", "age"),
    [
        ("막내 순옥이는 열넷. 그해 겨울에 앓았소.", "열넷", 14),
        ("둘째 놈이 열하나, 셋째가 아홉 살이었지요.", "열하나", 11),
        ("그땐 애기였는데 지금은 열일곱.", "열일곱", 17),
        ("내가 열다섯, 열여섯 그렇게 됐을 거요.", "열여섯", 16),
        ("She left Kilju with the landlord's son, then 17.", "17", 17),
        ("She crossed with her grandson (then nine) in the spring.", "nine", 9),
        ("He was born in Kusong and is now sixty-two.", "sixty-two", 62),
        ("The client, Ma Hye-ran (Ma Hyeran on her card), is 48 and works nights.", "48", 48),
        ("I'm forty-four now and my knees are bad.", "forty-four", 44),
        ("Three sons. The eldest, twenty. He stayed.", "twenty", 20),
        ("Nine of us crossed. The eldest of us, only fifty-one.", "fifty-one", 51),
    ],
)
def test_a_bare_number_in_the_frame_of_an_age_is_an_age(text: str, said: str, age: int) -> None:
    assert _ages(text).get(said) == age


@pytest.mark.parametrize(
    "text",
    [
        "우리 식구가 열다섯. 방은 두 칸이었소.",  # a household counted, not an age
        "작업반 사람들이 열넷, 다 굶었지요.",
        "애들은 스물두 살, 둘 다 학생이에요.",  # "both of them", after an age
        "We waited, then 14 trucks came.",
        "It is now 5 o'clock. He is now 3 km away.",
    ],
)
def test_counts_stay_counts(text: str) -> None:
    assert not [s for s in said_ages.find(text) if s.type == PiiType.AGE]
    assert "둘" not in _ages(text) and "14" not in _ages(text)


@pytest.mark.parametrize(
    ("text", "said", "age"),
    [
        ("I crossed in 2003. I was, um, nineteen? Twenty, Korean age.", "Twenty", 20),
        ("I crossed in 2003. She was, uh, thirty-four, I think.", "thirty-four", 34),
    ],
)
def test_an_age_said_with_a_filler_or_corrected(text: str, said: str, age: int) -> None:
    assert _ages(text).get(said) == age


def test_a_band_after_a_gender_heads_a_speaker() -> None:
    text = "Interviewee B (female, 50s) speaks first."
    assert [s.info for s in said_ages.find(text)] == [{"band": 50}]

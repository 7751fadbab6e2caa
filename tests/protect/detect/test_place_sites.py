"""Places named by a camp and wards said as where one is from (fictional testimony)."""

from __future__ import annotations

import pytest

from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType


def places(text: str) -> set[str]:
    return {text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PLACE}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("회령 사람이에요. 저는 오산덕동이고요.", "오산덕동"),
        ("나는 남문동. 다리 하나 사이였어.", "남문동"),
        ("우리 집은 남산동에 있었어요.", "남산동"),
        ("그 뒤에 농포 집결소로 가서 석 달 있었어요.", "농포"),
    ],
)
def test_a_camp_names_its_place_and_a_ward_said_as_home_is_a_place(text: str, place: str) -> None:
    assert any(place in p for p in places(text))


@pytest.mark.parametrize(
    "text",
    [
        "저는 봉사활동이에요.",
        "나는 그 자리에서 울었어요.",
        "보위부 구류장에 있었어요.",
        "정치범 수용소 얘기는 들었어요.",
    ],
)
def test_ordinary_words_and_agencies_before_a_camp_are_no_places(text: str) -> None:
    assert places(text) == set()


def test_an_agency_before_a_camp_is_no_place() -> None:
    assert not any("이민국" in p for p in places("방콕 이민국 수용소로 갔어요."))

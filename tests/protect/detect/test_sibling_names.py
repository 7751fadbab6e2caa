"""A child named between a rank or kinship word and an age (fictional testimony)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import sibling_names
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("큰애 하늘 열두 살, 작은애 구슬 아홉 살.", "구슬"),
        ("작은딸 보배 네 살이었소.", "보배"),
        ("둘째 나라 여섯 살.", "나라"),
        ("막내 가람이 두 살.", "가람"),
    ],
)
def test_a_word_between_a_rank_and_an_age_is_a_name(text: str, name: str) -> None:
    found = {text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON}
    assert name in found


@pytest.mark.parametrize(
    "text",
    ["아들 하나 다섯 살.", "딸 지금 열 살이오.", "동생 그때 일곱 살.", "아들 둘이 다섯 살, 세 살."],
)
def test_a_count_or_a_time_before_the_age_is_no_name(text: str) -> None:
    assert not sibling_names.detect(tokenise(text))

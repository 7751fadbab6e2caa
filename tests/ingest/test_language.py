"""Script-based language detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("저는 1998년에 두만강을 건넜습니다.", "ko"),
        ("네", "ko"),
        ("We crossed the Tumen River in 1998.", "en"),
        ("저는 Seoul에서 일해요.", "ko"),  # one English word does not make it mixed
        ("I ate 국수 at the market.", "en"),
        ("저는 2010년에 왔어요. At first I didn't understand the words at all.", "mixed"),
        ("At first I didn't understand, 정말 하나도 몰랐어요 그때는.", "mixed"),
        ("", "und"),
        ("1998 — 2010 😀 !!!", "und"),
        ("中华人民共和国", "und"),
        ("abcd 가나", "ko"),  # tie goes to Korean (a syllable counts as two letters)
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_minority_needs_share_and_words() -> None:
    korean = "가나다라마 " * 20
    assert detect_language(korean + "one two three") == "ko"  # < 20% of letters
    assert detect_language("가나다 " * 3 + "abc def ghi") == "mixed"
    assert detect_language("가나다라마바사아자차 " + "abcdefghij") == "ko"  # one Latin word


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_always_one_of_four(text: str) -> None:
    assert detect_language(text) in {"ko", "en", "mixed", "und"}

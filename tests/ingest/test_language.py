"""Script-based language detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.ingest.language import detect_language, sentence_languages


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


@pytest.mark.parametrize(
    "passage",
    [
        "영미: 말투 때문에 사람들이 물었어요. 그래서 말을 안 했어요. 2010.",
        "Jun: 네. 그래요.",
        "Jun: I stopped talking. Really! 1998.",
        "저는 Seoul National University 에서 공부했어요. 정말 good experience 였어요.",
        "🙂 ... 123",
        "Mixed: 안녕하세요 hello there friend. 그리고 끝.",
    ],
)
def test_sentence_languages_equal_detecting_each_sentence(passage: str) -> None:
    cuts = [0, *(i + 1 for i, ch in enumerate(passage) if ch in ".!:"), len(passage)]
    sentences = [passage[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if passage[a:b]]
    assert sentence_languages(passage, sentences) == [detect_language(s) for s in sentences]

"""North/South spelling folding (두음법칙)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.korean.orthography import KEEP_INITIAL, NK_VOCABULARY, south_vocabulary, to_south

PAIRS = [
    ("로동", "노동"),
    ("녀성", "여성"),
    ("리용", "이용"),
    ("료리", "요리"),
    ("력사", "역사"),
    ("락원", "낙원"),
    ("량심", "양심"),
    ("뇨소", "요소"),
    ("례절", "예절"),
    ("로인", "노인"),
    ("류학", "유학"),
    ("뢰물", "뇌물"),
    ("루각", "누각"),
    ("래일", "내일"),
    ("니탄", "이탄"),
    ("뉴대", "유대"),
    ("념원", "염원"),  # with a final consonant
    ("로동당", "노동당"),
]


@pytest.mark.parametrize(("north", "south"), PAIRS)
def test_north_to_south(north: str, south: str) -> None:
    assert to_south(north) == south


@pytest.mark.parametrize(("north", "south"), PAIRS)
def test_south_spelling_is_unchanged(north: str, south: str) -> None:
    assert to_south(south) == south


@pytest.mark.parametrize(
    "word", ["남녀", "조선로동당", "사랑", "러시아", "레몬", "", "labour", "1998"]
)
def test_only_initial_rule_syllables_change(word: str) -> None:
    assert to_south(word) == word


def test_loanwords_keep_their_initial() -> None:
    for word in ("뉴스", "라디오", "녀석"):
        assert word in KEEP_INITIAL
        assert to_south(word) == word


def test_vocabulary_maps_north_words_to_south_words() -> None:
    assert south_vocabulary("닭알") == "달걀"
    assert south_vocabulary("동무") is None
    assert all(to_south(v) == v for v in NK_VOCABULARY.values())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=6))
def test_idempotent_and_only_first_syllable(word: str) -> None:
    once = to_south(word)
    assert to_south(once) == once
    assert len(once) == len(word)
    assert once[1:] == word[1:]

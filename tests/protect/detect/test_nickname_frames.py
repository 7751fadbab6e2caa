"""Nicknames introduced by a frame of speech (fictional testimony)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import nicknames
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def _names(text: str) -> set[str]:
    return {
        text[s.start : s.end] for s in nicknames.detect(tokenise(text)) if s.type == PiiType.PERSON
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("우리 작업반에 메주라고 있었소. 얼굴이 넓적해서.", "메주"),
        ("우리끼리는 족제비라고 했어요. 눈치가 빨라서요.", "족제비"),
        ("반장이라 안 하고 두꺼비라 했슴다.", "두꺼비"),
        ("그 군관 남편은 말라깽이. 밥을 안 먹어서.", "말라깽이"),
        ("옆 동네 곱슬머리 아주마이가 떡을 팔았지비.", "곱슬머리 아주마이"),
    ],
)
def test_a_word_framed_as_what_someone_was_called_is_a_name(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "회의라고 있었는데 아무도 안 갔소.",  # a meeting, not a person
        "우리는 그게 사실이라고 했지.",  # "we said it was true"
        "그 남자는 한족. 말이 안 통해서.",  # what he was, not what he was called
        "그 사람은 선생. 나이가 많아서.",
    ],
)
def test_words_in_like_frames_that_name_no_one(text: str) -> None:
    assert not _names(text)


def test_what_people_only_called_someone_is_a_name() -> None:
    assert "늑대" in _names("본 이름은 모르고 다들 늑대라고만 했어요.")

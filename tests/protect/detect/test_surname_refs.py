"""A surname used as a person, glued to a title or with 가 (fictional testimony)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import surname_refs
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def _found(text: str) -> set[tuple[str, str]]:
    spans = surname_refs.detect(tokenise(text))
    return {(s.type.value, text[s.start : s.end]) for s in spans}


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("그때 보위부에서 나온 안지도원이 우리 집을 뒤졌소.", "안"),
        ("우리 직장에서는 한소대장이라고만 불렀슴다.", "한"),
        ("그 손가 놈이 장마당 매대를 다 뺏어 갔지.", "손"),
        ("분조에서 다들 안가를 미워했어요.", "안"),
        ("우리 반 보위원이 손가. 아무도 말을 안 했소.", "손"),
    ],
)
def test_a_surname_before_a_title_or_ga_is_a_person(text: str, surname: str) -> None:
    assert ("person", surname) in _found(text)
    said = {text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON}
    assert surname in said  # the scan keeps it, whatever the model reads from Kiwi's split


def test_a_glued_office_is_a_role_too() -> None:
    assert ("role", "지도원") in _found("그때 안지도원이 우리 집을 뒤졌소.")
    assert ("role", "선생") not in _found("강선생 말이오.")  # a form of address


@pytest.mark.parametrize(
    "text",
    [
        "작은아들은 서른인데 아직 장가를 못 갔대요.",  # 장가: a wedding
        "우리 마을 이장이 다 알았소.",  # 이장: a village head
        "우리 농장 당비서가 제일 무서웠소.",  # the Party's secretary
        "나는 안가. 거긴 다시 안 가.",  # "I am not going"
        "전부장이 그렇게 말했소.",  # 전: the former head
    ],
)
def test_words_that_only_look_like_it_are_not_persons(text: str) -> None:
    assert not [p for p in _found(text) if p[0] == "person"]


@pytest.mark.parametrize(
    "text",
    ["우리 아버지는 제련소 기사장을 했어요.", "그 사람은 상평리 리당비서였소."],
)
def test_a_syllable_of_the_office_itself_is_no_surname(text: str) -> None:
    assert not _found(text)  # 기사장 is one office; 리당비서 is the village's secretary

"""Villages and wards said without a suffix after their county, or unknown to Kiwi (fictional)."""

from __future__ import annotations

import pytest

from moksori.protect.detect import places
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def _places(text: str) -> list[str]:
    return [text[s.start : s.end] for s in places.detect(tokenise(text)) if s.type == PiiType.PLACE]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("외할매는 길주군 덕산에서 살다가 청진으로 왔소.", "길주군 덕산"),
        ("고향요? 명간군 상평에서 났소.", "명간군 상평"),
        ("그래서 저희가 덕천시 남덕동 아빠트 살았디요.", "덕천시 남덕동"),
    ],
)
def test_a_village_after_its_county_belongs_to_the_place(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("그 사람은 상창리. 거기서 나고 자랐소.", "상창리"),
        ("거긴 안흥리 다리 쪽이오. 강 건너 바로.", "안흥리"),
    ],
)
def test_an_unknown_word_shaped_as_a_village_is_a_place(text: str, word: str) -> None:
    assert word in _places(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("우리는 청진 사람. 회령 가서 장사했소.", "청진"),
        ("무산 쪽으로 갔소. 평양 말씨 쓰는 사람.", "무산"),
        ("회령 김철수가 먼저 왔소.", "회령"),
    ],
)
def test_common_words_after_a_place_are_not_villages(text: str, place: str) -> None:
    found = _places(text)
    assert place in found
    assert not [p for p in found if p.startswith(place + " ")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("아버지는 무산광산 선광장에서 일했소.", "무산"),
        ("삼촌은 아오지탄광에서 석탄 캤지비.", "아오지"),
    ],
)
def test_a_site_named_by_its_place_holds_the_place(text: str, place: str) -> None:
    assert any(place in p for p in _places(text))

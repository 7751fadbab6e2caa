"""Already-masked text is recognised, so it is never masked twice."""

from __future__ import annotations

import pytest

from moksori.protect.detect.masked import marked_pseudonyms, masked_zones


@pytest.mark.parametrize(
    ("text", "mask"),
    [
        ("성매매 여성 김모(33)씨 등", "김모"),
        ("57살 안모 씨와 아내", "안모"),
        ("B 씨는 사법시험", "B"),
        ("교사 A(44)씨가 연구원", "A"),
        ("송치된 A(27·여)씨는", "A"),
        ("모 방송사에 근무하는 K기자는", "K"),
        ("A 원사의 판정", "A"),
        ("He met Ms. P at church.", "Ms. P"),
        ("이름은 [redacted]이고", "[redacted]"),
        ("OOO 선생님이", "OOO"),
        ("영미(가명)는 말했다", "영미(가명)"),
    ],
)
def test_masks_are_recognised(text: str, mask: str) -> None:
    assert mask in [text[a:b] for a, b in masked_zones(text)]


@pytest.mark.parametrize(
    "text",
    ["앤젤모씨가 왔다", "Kim Soon-hee said", "KBS 기자", "그 모습이", "Hyesan City"],
)
def test_names_and_words_are_not_masks(text: str) -> None:
    zones = [text[a:b] for a, b in masked_zones(text)]
    assert not any(len(z) >= 2 and z.isalpha() and z.isascii() for z in zones), zones
    assert "앤젤모" not in "".join(zones)


def test_marked_pseudonyms() -> None:
    assert marked_pseudonyms("영미(가명)는 … 영미가 말했다. Jun (pseudonym) said") == {
        "영미",
        "Jun",
    }

"""Browser (UTF-16) offsets ↔ stored code-point offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moksori.web.offsets import OffsetError, Utf16Map


def test_korean_and_emoji_convert_both_ways() -> None:
    text = "강을 건넜습니다 🌊 너무 추웠어요 😢."
    m = Utf16Map(text)
    wave = text.index("🌊")
    assert m.to_utf16(wave) == wave  # nothing astral before it
    assert m.to_utf16(wave + 1) == wave + 2  # the wave takes two UTF-16 units
    after = text.index("너무")
    start16 = m.to_utf16(after)
    assert text.encode("utf-16-le")[start16 * 2 :].decode("utf-16-le").startswith("너무")
    assert m.from_utf16(start16) == after
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2


def test_an_offset_inside_a_surrogate_pair_or_outside_is_refused() -> None:
    m = Utf16Map("a😢b")
    with pytest.raises(OffsetError, match="inside a character"):
        m.from_utf16(2)
    with pytest.raises(OffsetError, match="outside"):
        m.from_utf16(5)
    with pytest.raises(OffsetError, match="outside"):
        m.to_utf16(-1)


@given(st.text(max_size=60))
def test_every_code_point_boundary_round_trips(text: str) -> None:
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        j = m.to_utf16(i)
        assert j == len(text[:i].encode("utf-16-le")) // 2
        assert m.from_utf16(j) == i

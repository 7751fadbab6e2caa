"""normalise: the canonical text form, and that applying it twice changes nothing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeff첫 줄", "첫 줄"),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("a\u2028b\u2029c\u0085d", "a\nb\nc\nd"),
        ("\u1112\u1161\u11ab\u1100\u116e\u11a8", "한국"),  # conjoining jamo -> syllables
        ("탈\u200b북\u200c민\u200d\u2060", "탈북민"),
        ("co\u00adop\ufeffer", "cooper"),
        ("\uf0b7 항목 \uf0a7 항목 \uf0fc", "• 항목 ▪ 항목 ✓"),
        ("옛\ue0bc\uf537한글", "옛한글"),  # unmapped private-use characters go
        ("a\x01b\x1fc\x7fd", "a b c d"),
        ("tab\tkept", "tab\tkept"),
        ("page\x0cbreak\x0bline", "page\nbreak\nline"),
    ],
)
def test_normalise_cases(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_removing_invisible_char_between_jamo_still_composes() -> None:
    assert normalise("\u1100\u200b\u1161") == "가"


_SPECIALS = st.sampled_from(
    list("\r\n\t\x00\x0b\x0c\x1f\x7f\x85\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u2029")
    + ["\uf0b7", "\ue000", "\uf8ff", "\u1100", "\u1161", "\u11a8", "\u0301", "\u212b"]
)
_TEXT = st.lists(st.one_of(st.characters(), _SPECIALS), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_normalised_text_has_canonical_form(text: str) -> None:
    out = normalise(text)
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in out)
    assert not set(out) & set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029\u0085")
    assert all(ch in "\t\n" or ord(ch) >= 0x20 for ch in out)

"""normalise: the canonical text form (NFC, LF, no leading BOM; every visible or invisible
character kept), and that applying it twice changes nothing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.ingest.normalise import PUA_SYMBOLS, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeff첫 줄", "첫 줄"),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("a\u2028b\u2029c\u0085d", "a\nb\nc\nd"),
        ("\u1112\u1161\u11ab\u1100\u116e\u11a8", "한국"),  # conjoining jamo -> syllables
        ("\ufeff\ufeff첫 줄", "첫 줄"),  # a doubled BOM too, or a second pass would differ
        ("a\r\x85b\r\x0bc", "a\n\nb\n\nc"),  # line ends 1:1: CR then NEL is two
        ("탈\u200b북\u200c민\u200d\u2060", "탈\u200b북\u200c민\u200d\u2060"),
        ("co\u00adop\ufeffer", "co\u00adop\ufeffer"),  # soft hyphen, BOM mid-text: kept
        ("탈북민\u200b이야기", "탈북민\u200b이야기"),  # a ZWSP keeps two words two
        ("\uf0b7 항목 \uf0a7 항목 \uf0fc", "• 항목 ▪ 항목 ✓"),
        ("옛\ue0bc\uf537한글", "옛\ue0bc\uf537한글"),  # HWP old hangul (PUA) is text
        ("\u845b\U000e0100 \u2764\ufe0f", "\u845b\U000e0100 \u2764\ufe0f"),  # variation sel.
        ("\u1112\u1161\u11ab\r\n", "한\n"),
        ("a\x01b\x1fc\x7fd", "a b c d"),
        ("tab\tkept", "tab\tkept"),
        ("page\x0cbreak\x0bline", "page\nbreak\nline"),
    ],
)
def test_normalise_cases(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_a_zwj_family_emoji_stays_one_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧
    out = normalise(f"\ufeff우리 {family} 가족\r\n")
    assert out == f"우리 {family} 가족\n"
    assert len(family) == 5 and out.count("\u200d") == 2
    regex = pytest.importorskip("regex")  # grapheme clusters (\X)
    assert regex.findall(r"\X", out.split()[1]) == [family]  # one grapheme, not three


def test_only_a_leading_bom_goes() -> None:
    assert normalise("\ufeff앞\ufeff뒤") == "앞\ufeff뒤"
    assert normalise("\n\ufeff앞") == "\n\ufeff앞"


def test_nothing_composes_across_a_kept_invisible_char() -> None:
    assert normalise("\u1100\u200b\u1161") == "\u1100\u200b\u1161"
    assert normalise("\u1100\u1161\u200b") == "가\u200b"


def test_canonical_text_is_returned_as_is() -> None:
    text = "이미 정규화된 글\u200b입니다.\n" * 1000
    assert normalise(text) is text


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
    assert not out.startswith("\ufeff")
    assert not set(out) & (set(map(chr, PUA_SYMBOLS)) | set("\u2028\u2029\u0085"))
    assert all(ch in "\t\n" or 0x20 <= ord(ch) < 0x7F or ord(ch) >= 0xA0 for ch in out)


def _by_the_rule(text: str) -> str:
    """The rule, one character at a time: line ends to LF, controls to a space, the
    PUA bullets to their look-alikes, a leading BOM out, every other character kept."""
    out = []
    for ch in text.lstrip("\ufeff").replace("\r\n", "\n"):
        if ch in "\r\x0b\x0c\x85\u2028\u2029":
            out.append("\n")
        elif ch not in "\t\n" and (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0):
            out.append(" ")
        else:
            out.append(PUA_SYMBOLS.get(ord(ch), ch))
    return unicodedata.normalize("NFC", "".join(out))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_only_line_ends_controls_bullets_a_leading_bom_and_nfc_change_text(text: str) -> None:
    assert normalise(text) == _by_the_rule(text)


def test_kept_zero_width_spaces_make_no_segment_of_their_own() -> None:
    """str.isspace() is False for a ZWSP: a line of them alone is still a blank line."""
    from moksori.ingest.model import Block
    from moksori.ingest.segment import segment

    text = normalise(
        "\u200b\r\n첫 문단입니다.\r\n\u200b\r\n둘째\u200b문단 👨\u200d👩\u200d👧\r\n\u2060 \u200b"
    )
    segments = segment(text, [(0, len(text), Block(text))])
    passages = [text[s.start : s.end] for s in segments if s.kind != "sentence"]
    assert passages == ["첫 문단입니다.", "둘째\u200b문단 👨\u200d👩\u200d👧"]

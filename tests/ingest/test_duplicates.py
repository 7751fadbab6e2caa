"""Paragraph fingerprints find an earlier post embedded in a later page."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from moksori.ingest.boilerplate import strip_boilerplate
from moksori.ingest.duplicates import (
    find_embedded_duplicates,
    fingerprint,
    normalise_for_fingerprint,
    split_paragraphs,
)

DATA = Path(__file__).parent / "data" / "web"

LONG_EN = (
    "Mrs. Han is one of forty-two women who joined our kitchen programme last winter. "
    "The programme started as a simple idea from our volunteers."
)
LONG_KO = (
    "이씨는 2016년 겨울 두만강을 건너 중국 연길에 도착했다. 그곳에서 2년 가까이 식당 일을 했다."
)


def paragraphs(text: str) -> list[str]:
    return [text[a:b] for a, b in split_paragraphs(text)]


@pytest.mark.parametrize(
    "short",
    [
        "Thank you.",
        "네.",
        "Q: 네.",
        "A: Yes.",
        "김순희: 그래요.",
        "She laughed when I asked about it.",
        "14 March 2023",
        "Check these out",
        "",
        "   ",
        "... !!! ---",
    ],
)
def test_short_paragraphs_get_no_fingerprint(short: str) -> None:
    assert fingerprint(short) is None


def test_fingerprint_ignores_case_spacing_wrapping_and_punctuation() -> None:
    fp = fingerprint(LONG_EN)
    assert fp is not None
    assert fingerprint(LONG_EN.upper()) == fp
    assert fingerprint(textwrap.fill(LONG_EN, 40)) == fp
    assert fingerprint("  " + LONG_EN.replace(".", "").replace(" ", "   ") + "\n") == fp
    assert fingerprint(LONG_EN.replace("forty-two", "forty two")) == fp
    assert fingerprint(LONG_EN.replace("forty-two", "forty-three")) != fp


def test_fingerprint_is_stable_and_versioned() -> None:
    fp = fingerprint(LONG_EN)
    assert fp == fingerprint(LONG_EN)
    assert fp is not None and fp.startswith("p1:") and len(fp) == 3 + 32
    assert normalise_for_fingerprint("Mrs. HAN, “said”:  네!") == "mrs han said 네"


def test_korean_paragraphs_are_fingerprinted() -> None:
    fp = fingerprint(LONG_KO)
    assert fp is not None
    assert fingerprint(LONG_KO.replace(". ", ".\n")) == fp
    assert fingerprint("탈북민 김씨는 한국에 입국했다.") is None  # 4 어절


def test_split_paragraphs_spans() -> None:
    text = "\nfirst line\nwrapped\n\n\nsecond\n  \nthird"
    spans = split_paragraphs(text)
    assert [text[a:b] for a, b in spans] == ["first line\nwrapped", "second", "third"]


def test_embedded_post_has_the_same_fingerprints_as_the_original() -> None:
    original, _ = strip_boilerplate((DATA / "ngo_blog_en.txt").read_text(encoding="utf-8"))
    embedding, _ = strip_boilerplate((DATA / "blog_embedded_en.txt").read_text(encoding="utf-8"))
    known = {fp: i for i, p in enumerate(paragraphs(original)) if (fp := fingerprint(p))}
    assert len(known) >= 8

    later = paragraphs(embedding)
    found = find_embedded_duplicates(later, known)
    duplicated = [p for p, hit in zip(later, found, strict=True) if hit is not None]
    assert [p[:30] for p in duplicated] == [
        "When Han Yeong-ja arrived in I",
        "Mrs. Han is one of forty-two w",
        "The hardest part of resettleme",
    ]
    # Each copy points at the matching paragraph of the original post.
    for p, hit in zip(later, found, strict=True):
        if hit is not None:
            assert paragraphs(original)[hit] == p

    # The new post's own paragraphs are not duplicates; short ones have no fingerprint.
    assert found[later.index(next(p for p in later if p.startswith("On a warm Saturday")))] is None
    for short in ("Check these out", "14 March 2023", "She laughed when I asked about it."):
        matching = [p for p in later if short in p]
        assert all(fingerprint(p) is None for p in matching if len(p) < 60)
    assert "Check these out" not in embedding  # the heading itself was chrome


def test_find_embedded_duplicates_with_nothing_known() -> None:
    assert find_embedded_duplicates([LONG_EN, "네."], {}) == [None, None]
    fp = fingerprint(LONG_KO)
    assert fp is not None
    assert find_embedded_duplicates(["네.", LONG_KO], {fp: "doc 3"}) == [None, "doc 3"]


@pytest.mark.parametrize(
    "question",
    [
        "면접자: 떠나야겠다고 마음먹은 계기가 있었어요? 그때 가족들은 어떻게 생계를 꾸리셨어요?",
        "Interviewer: Could you tell me a little about your childhood and your home town?",
        "Could you tell me a little about your childhood and the town you grew up in?",
    ],
)
def test_interview_questions_get_no_fingerprint(question: str) -> None:
    # the same guide is read to every participant: asking again is not a repeat
    assert fingerprint(question) is None

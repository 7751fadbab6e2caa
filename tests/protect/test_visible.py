"""Detection reads past invisible characters, and findings land on stored offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moksori.korean import terms
from moksori.protect import visible as visible_module
from moksori.protect.scan import detect_texts
from moksori.protect.spans import PiiType
from moksori.protect.visible import visible

SHY, ZWSP, ZWJ, WJ = "\u00ad", "\u200b", "\u200d", "\u2060"


def test_the_view_and_its_way_back() -> None:
    stored = f"김{SHY}영철{ZWSP}이 {ZWJ}왔다"
    view = visible(stored)
    assert view.text == "김영철 이 왔다"
    assert view.span(0, 3) == (0, 4)  # 김영철 covers the soft hyphen inside it
    assert view.span(4, 5) == (5, 6)  # the particle after the ZWSP (a space in the view)
    assert stored[slice(*view.span(6, 8))] == "왔다"
    assert view.stored(len(view.text)) == len(stored)


def test_plain_text_is_its_own_view() -> None:
    text = "김영철이 왔다. John Smith came.\n" * 100
    view = visible(text)
    assert view.identity and view.text is text and view.span(3, 9) == (3, 9)


def test_only_invisible_characters() -> None:
    view = visible(ZWJ + SHY)
    assert view.text == "" and view.stored(0) == 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["가", "a", " ", SHY, ZWSP, ZWJ, WJ, "\ufe0f"]), max_size=30))
def test_every_view_character_maps_to_the_same_stored_one(chars: list[str]) -> None:
    stored = "".join(chars)
    view = visible(stored)
    for i, ch in enumerate(view.text):
        j = view.stored(i)
        assert stored[j] == ch or (ch == " " and stored[j] == ZWSP)
        assert view.span(i, i + 1) == (j, j + 1)


def test_the_same_invisible_set_as_search() -> None:
    assert (visible_module.ZWSP, visible_module.HIDDEN) == (terms.ZWSP, terms.HIDDEN)


KO = "그때 {}이 왔어요. 김영철 씨는 회령 사람이에요."
EN = "I met {} in Seoul. John Smith was kind."
CASES = [
    *[(KO, f"김{m}영철") for m in (SHY, ZWJ, WJ)],  # inside the name
    (KO.replace("{}이", f"{{}}{ZWSP}이"), "김영철"),  # a ZWSP between name and particle
    *[(EN, f"John Sm{m}ith") for m in (SHY, ZWJ, WJ)],
    (EN, f"John{ZWSP}Smith"),  # a ZWSP as the gap between given name and surname
]


@pytest.mark.parametrize(("template", "name"), CASES)
def test_a_name_with_an_invisible_character_is_found(template: str, name: str) -> None:
    text = template.format(name)
    at = text.index(name)
    (spans,) = detect_texts([text])
    persons = [(s.start, s.end) for s in spans if s.type == PiiType.PERSON]
    assert (at, at + len(name)) in persons, (text, [text[a:b] for a, b in persons])
    assert all(0 <= a < b <= len(text) for a, b in persons)


def test_a_zwsp_between_name_and_particle_and_a_batch_keeps_offsets() -> None:
    texts = [
        "평범한 문장입니다.",
        f"박{WJ}지민{ZWSP}씨가 말했다. 박지민 씨는 웃었다.",
        "Jane Doe said so.",
    ]
    found = detect_texts(texts)
    persons = [texts[1][s.start : s.end] for s in found[1] if s.type == PiiType.PERSON]
    assert f"박{WJ}지민" in persons and "박지민" in persons
    assert not any(ZWSP in p for p in persons)
    assert "Jane Doe" in [texts[2][s.start : s.end] for s in found[2]]


def test_known_names_are_found_through_invisible_characters() -> None:
    from moksori.protect.known import KnownNames

    known = KnownNames()
    known.add("g-1", ["김\u00ad영철", "Kim Yong-chol"])  # an excerpt with a soft hyphen
    text = "그날 김\u00ad영철이 왔다. Later Kim Yong\u200d-chol left; 김영철 stayed."
    got = sorted((a, b) for a, b, _ in known.find(text))
    want = [
        (text.index("김\u00ad영철"), text.index("김\u00ad영철") + 4),
        (text.index("Kim Yong"), text.index("-chol") + 5),
        (text.index("김영철"), text.index("김영철") + 3),
    ]
    assert set(want) <= set(got)  # (the given name alone is a form too)
    assert all(any(a <= s and e <= b for a, b in want) for s, e in got)

"""Romanisation of Korean names and the cross-script comparison key."""

from __future__ import annotations

import pytest

from moksori.protect.romanise import (
    is_korean_given,
    name_key,
    romanise_name,
    rr_syllable,
    segment,
    split_key,
    surname_id,
)


@pytest.mark.parametrize(
    ("ch", "rr"), [("김", "gim"), ("지", "ji"), ("철", "cheol"), ("희", "hui")]
)
def test_rr_syllable(ch: str, rr: str) -> None:
    assert rr_syllable(ch) == rr


def test_rr_syllable_rejects_latin() -> None:
    with pytest.raises(ValueError):
        rr_syllable("a")


def test_romanise_name_forms_and_orders() -> None:
    forms = romanise_name("김지민")
    assert forms[0] == "Kim Ji-min"
    for expected in ["Kim Jimin", "Kim Ji Min", "Gim Ji-min", "Ji-min Kim", "Jimin Kim"]:
        assert expected in forms


def test_romanise_name_surname_and_vowel_variants() -> None:
    lee = romanise_name("이순희")
    assert {"Lee Soon-hee", "Yi Sun-hui", "Rhee Sun-hui"} <= set(lee)
    ri = romanise_name("리철수")
    assert {"Ri Cheol-su", "Ri Chol-su", "Lee Chul-soo"} <= set(ri)
    park = romanise_name("박영미")
    assert {"Park Young-mi", "Pak Yong-mi", "Bak Yeong-mi"} <= set(park)


def test_romanise_given_name_alone() -> None:
    assert romanise_name("지민") == ["Ji-min", "Jimin", "Ji Min"]


def test_romanise_rejects_non_hangul() -> None:
    with pytest.raises(ValueError):
        romanise_name("Kim")


@pytest.mark.parametrize(
    "spelling",
    ["김지민", "Kim Ji-min", "Kim Jimin", "Jimin Kim", "KIM JI MIN", "Gim Ji-min", "Ji-min Kim"],
)
def test_name_key_unifies_one_person(spelling: str) -> None:
    assert name_key(spelling) == name_key("김지민")


@pytest.mark.parametrize(
    ("hangul", "romanised"),
    [
        ("리철수", "Ri Chol-su"),
        ("이철수", "Lee Chul-soo"),
        ("김정은", "Kim Jong-un"),
        ("김정은", "Kim Jong Un"),
        ("박영미", "Park Young-mi"),
        ("박영미", "Pak Yong-mi"),
        ("이순희", "Yi Sun-hui"),
        ("장미란", "Jang Mi-ran"),
        ("남궁민수", "Namgung Min-su"),
    ],
)
def test_name_key_across_scripts(hangul: str, romanised: str) -> None:
    assert name_key(hangul) == name_key(romanised)


def test_given_name_alone_has_given_key() -> None:
    assert name_key("지민") == name_key("Ji-min") == name_key("Jimin")
    assert name_key("Jimin") != name_key("Kim Jimin")
    assert split_key("Kim Jimin")[1] == name_key("Jimin")


def test_name_key_keeps_different_people_apart() -> None:
    assert name_key("Kim Ji-min") != name_key("Park Ji-min")
    assert name_key("김지민") != name_key("김지현")
    assert name_key("Lee Soon-hee") != name_key("Lee Mi-ran")


def test_non_korean_names_are_only_folded() -> None:
    assert name_key("John Smith") == name_key("  JOHN   SMITH ")
    assert name_key("José Núñez") == "~jose nunez"


def test_surname_id_and_segmentation() -> None:
    assert surname_id("Rhee") == surname_id("이") == surname_id("리") == "lee"
    assert surname_id("Smith") is None
    assert segment("jimin") == ("ji", "min")
    assert segment("xyz") == ()
    assert is_korean_given("Soon-hee") and is_korean_given("Chol-su")
    assert not is_korean_given("Strawberry")


def test_a_name_that_is_not_all_hangul_has_no_romanisations() -> None:
    from moksori.protect.romanise import romanisations
    from moksori.protect.scan import KnownMatcher, KnownName

    assert romanisations("답:") == [] and romanisations("Kim") == []
    assert "Kim Ji-min" in romanisations("김 지민")
    matcher = KnownMatcher.of([KnownName("e-1", ("답:", "김지민"))])  # a finding's text
    found = matcher.find("그때 김지민이 답: 네")  # no ValueError from romanising "답:"
    assert 3 in [s.end - s.start for s in found]

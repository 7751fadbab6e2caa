"""Gazetteer lookups in both scripts and generalisation to province and region."""

from __future__ import annotations

import pytest

from moksori.protect import gazetteer as gz


@pytest.mark.parametrize(
    ("name", "ko", "country"),
    [
        ("무산", "무산군", "KP"),
        ("무산군", "무산군", "KP"),
        ("Musan County", "무산군", "KP"),
        ("Hyeshan", "혜산시", "KP"),
        ("hyesan-si", "혜산시", "KP"),
        ("Cheongjin", "청진시", "KP"),
        ("Ch'ŏngjin", "청진시", "KP"),
        ("Sinŭiju", "신의주시", "KP"),
        ("Sinuiju", "신의주시", "KP"),
        ("양강도", "량강도", "KP"),
        ("나선", "라선특별시", "KP"),
        ("Hamgyong-bukto", "함경북도", "KP"),
        ("North Hamgyong", "함경북도", "KP"),
        ("양천구", "양천구", "KR"),
        ("Nowon", "노원구", "KR"),
        ("연길", "연길시", "CN"),
        ("옌지", "연길시", "CN"),
        ("투먼", "도문시", "CN"),
        ("Shenyang", "심양시", "CN"),
        ("라오스", "라오스", "LA"),
        ("Laos", "라오스", "LA"),
    ],
)
def test_lookup_both_scripts(name: str, ko: str, country: str) -> None:
    place = gz.lookup(name)
    assert place is not None, name
    assert (place.name_ko, place.country) == (ko, country)


def test_unknown_and_common_words_are_not_places() -> None:
    for word in ("활동", "운동", "관리", "사람", "Tuesday"):
        assert gz.lookup(word) is None, word


def test_flags_mark_common_words() -> None:
    fruit = gz.lookup("과일군")
    musan = gz.lookup("무산")
    assert fruit is not None and fruit.needs("과일") == "suffix"
    assert musan is not None and musan.needs("무산") == "context"
    assert musan.needs("무산군") == ""


@pytest.mark.parametrize(
    ("text", "level", "lang", "expected"),
    [
        ("함경북도 무산군 무산읍", "province", "ko", "함경북도"),
        ("함경북도 무산군 무산읍", "province", "en", "North Hamgyong"),
        ("함경북도 무산군", "region", "ko", "북부 국경 지역"),
        ("Musan", "region", "en", "a northern border area"),
        ("양강도혜산시", "province", "ko", "량강도"),
        ("평양시 대동강구역", "region", "en", "the capital"),
        ("서울 양천구 신정동", "region", "ko", "수도권"),
        ("연길", "region", "en", "a Chinese province bordering North Korea"),
        ("Vientiane", "region", "en", "a third country"),
        ("강원도 원산시", "region", "ko", "북한 중남부"),  # a port: never "inland"
        ("강원도 춘천시", "region", "ko", "강원권"),
    ],
)
def test_generalise(text: str, level: gz.Level, lang: gz.Lang, expected: str) -> None:
    assert gz.generalise(text, level, lang) == expected


def test_generalise_place_object_and_unknown() -> None:
    place = gz.lookup("회령")
    assert place is not None
    assert gz.generalise(place, "province", "ko") == "함경북도"
    assert gz.generalise("어딘가모를곳", "province", "en") == gz.FALLBACK["en"]


def test_all_names_covers_both_scripts() -> None:
    names = gz.all_names()
    for n in ("혜산", "Hyesan", "단둥", "Dandong", "함경북도"):
        assert n in names


@pytest.mark.parametrize(
    ("name", "ko"),
    [
        ("北京", "베이징시"),
        ("北京市", "베이징시"),
        ("延吉", "연길시"),
        ("싼허", "삼합진"),
        ("深圳", "선전"),
        ("NLL", "북방한계선"),
        ("구이저우", "귀주성"),
    ],
)
def test_hanja_and_new_names(name: str, ko: str) -> None:
    place = gz.lookup(name)
    assert place is not None, name
    assert place.name_ko == ko


def test_landmarks_generalise_to_their_province() -> None:
    assert gz.generalise("임진각", "province", "ko") == "경기도"
    # Panmunjom straddles the line between the two states: no province is true of it
    assert gz.generalise("판문점", "province", "ko") == gz.FALLBACK["ko"]
    assert gz.generalise("청와대", "province", "en") == "Seoul"
    assert gz.lookup("국회") is not None and gz.lookup("국회").needs("국회") == "context"  # type: ignore[union-attr]


def test_common_words_among_chinese_names_are_flagged() -> None:
    for word in ("신장", "소치"):
        place = gz.lookup(word)
        assert place is not None and place.needs(word) == "context", word
    assert gz.lookup("사천성") is not None
    sichuan = [p for p in gz.candidates("사천") if p.country == "CN"]
    assert all(p.needs("사천") == "suffix" for p in sichuan)


def test_no_english_word_is_a_country_by_accident() -> None:
    """ "Island" was a spelling of Iceland (Ísland), so "Geoje Island" became Iceland."""
    assert gz.lookup("Island") is None
    assert gz.generalise("Geoje Island", "province", "en") == "South Gyeongsang"
    assert gz.generalise("Baengnyeong Island", "province", "ko") == "인천광역시"


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("순천", "province", gz.FALLBACK["ko"]),  # 평안남도 and 전라남도: no common province
        ("광주", "province", "대한민국"),  # 광주광역시 or 경기도 광주시: both in the South
        ("강원도", "region", gz.FALLBACK["ko"]),  # the northern and the southern province
        ("두만강", "province", gz.FALLBACK["ko"]),  # a border river lies in no province
        ("Hyesan Island", "province", "량강도"),
        ("혜산 근처", "province", gz.FALLBACK["ko"]),  # a word that is no unit: no guess
    ],
)
def test_generalise_only_to_what_every_reading_shares(
    name: str, level: gz.Level, expected: str
) -> None:
    assert gz.generalise(name, level, "ko") == expected


def test_korean_spellings_are_derived_only_for_korean_names() -> None:
    """Gaeseong is Kaesong; but "Berth" is not Perth and "Gent" is Ghent, not Kent."""
    assert gz.lookup("Gaeseong") is not None and gz.lookup("Gaeseong").name_ko == "개성특별시"  # type: ignore[union-attr]
    for word in ("Berth", "Dokyo", "Beking", "Boland", "Jina"):
        assert gz.lookup(word) is None, word
    assert {p.country for p in gz.candidates("Gent")} == {"BE"}

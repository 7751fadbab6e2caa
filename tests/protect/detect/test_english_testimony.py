"""English testimony as migrants tell it: romanised Korean places with their unit, a
route told by its means, a romanised given name alone, and nicknames glossed after the
name. Fictional sentences written for these tests."""

from __future__ import annotations

import pytest

from moksori.protect.detect import english_names
from moksori.protect.detect.places_latin import latin_places
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import TokenisedText


def _found(text: str, type_: PiiType) -> list[str]:
    return [text[s.start : s.end] for s in detect_text(text) if s.type == type_]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We lived in a small village called Sambong-ri, up in the hills.", "Sambong-ri"),
        ("She came from the Tokhung-ri cooperative farm.", "Tokhung-ri"),
        ("Our flat was in a district called Pongchon-dong.", "Pongchon-dong"),
        ("My aunt moved to Songpyong-guyok after the wedding.", "Songpyong-guyok"),
        ("He worked at the mine in Yongbuk-ri for ten years.", "Yongbuk-ri"),
        ("Grandmother was born in Unhung-gun, in the mountains.", "Unhung-gun"),
    ],
)
def test_a_romanised_korean_name_with_its_unit_is_a_place(text: str, place: str) -> None:
    assert place in _found(text, PiiType.PLACE)
    assert place not in _found(text, PiiType.PERSON)


def test_a_unit_word_takes_no_gazetteer_entry_of_another_level() -> None:
    """ "Pongchon-dong" is a ward, not the county Pongchon: its province is not assumed."""
    text = "We rented a room in Pongchon-dong."
    places = [p for p in latin_places(text) if text[p.start : p.end] == "Pongchon-dong"]
    assert places and all(p.place is None for p in places)


def test_an_english_word_before_a_unit_word_is_no_place() -> None:
    text = "Make-up and a Follow-up, a Machine gun, a Water gun and a Line-up: New-gu."
    assert latin_places(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("From there we went by boat to Chiang Khong with two other women.", "Chiang Khong"),
        ("At night the broker walked us to Mae Sai, and we waited.", "Mae Sai"),
        ("For a month we hid in Tonghua Village behind a pig shed.", "Tonghua Village"),
    ],
)
def test_a_route_told_by_its_means_names_a_place(text: str, place: str) -> None:
    assert place in _found(text, PiiType.PLACE)


def test_a_route_word_with_a_person_as_object_is_no_place() -> None:
    text = "They caught Chol at the border, and we worked for Samsung later."
    assert "Chol" not in _found(text, PiiType.PLACE)
    assert "Samsung" not in _found(text, PiiType.PLACE)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In the North her name was written Sonhui, not Seonhui as here.", "Sonhui"),
        ("My cousin said Jiyoung never wrote back after that winter.", "Jiyoung"),
        ("At the market everyone bought from Myongsuk because she was honest.", "Myongsuk"),
    ],
)
def test_a_romanised_given_name_alone_is_a_person(text: str, name: str) -> None:
    spans = english_names.detect(TokenisedText(text))
    found = {text[s.start : s.end]: s.confidence for s in spans}
    assert found.get(name, 0) >= english_names.KOREAN_ALONE


def test_a_given_name_alone_at_a_sentence_start_is_a_weak_guess() -> None:
    text = "Jiyoung sent money twice a year."
    spans = english_names.detect(TokenisedText(text))
    assert [(text[s.start : s.end], s.confidence) for s in spans] == [
        ("Jiyoung", english_names.CONTEXT)
    ]


def test_korean_words_firms_and_places_are_not_given_names() -> None:
    text = (
        "Her songbun was bad, so she sold kimchi for Daewoo workers near Joseon Street. "
        "Later she went to Musan and then to Hyesan."
    )
    assert _found(text, PiiType.PERSON) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('There was a guard at the post; we called her "the Owl" because she never slept.', "Owl"),
        (
            "Everybody at the market knew Iron Mouth. That was what they called the tofu seller.",
            "Iron Mouth",
        ),
        ('My cousin and "Sparrow", that was her classmate, went across first.', "Sparrow"),
    ],
)
def test_a_nickname_glossed_around_it_is_a_person(text: str, name: str) -> None:
    assert name in _found(text, PiiType.PERSON)


def test_a_sentence_start_before_a_gloss_is_no_nickname() -> None:
    assert _found("Yes. That is how people call it there.", PiiType.PERSON) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Later I met Choe Kum Sun in Yanji, at the station.", "Choe Kum Sun"),
        ("Park Ji Young and I left in May.", "Park Ji Young"),
        ("The nurse was called Ri Ok Son, a quiet woman.", "Ri Ok Son"),
    ],
)
def test_a_spaced_korean_name_with_a_syllable_that_is_an_english_word(text: str, name: str) -> None:
    spans = english_names.detect(TokenisedText(text))
    assert name in [text[s.start : s.end] for s in spans]


def test_a_capitalised_name_ending_in_an_organisations_head_is_no_person() -> None:
    text = "Sun Moon Fellowship paid for the flight, and the Open Door Network found us a flat."
    assert _found(text, PiiType.PERSON) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sŏ Chŏng-ae was the head of our unit.", "Sŏ Chŏng-ae"),
        ("I knew Lim Chol and his wife from the mine.", "Lim Chol"),
        ("Yu Sik, Ri Nam and Kang Hun carried the sacks.", "Ri Nam"),
        ("My neighbour O Hye-suk sold tofu at the station.", "O Hye-suk"),
        ("My uncle Ri Ch'ol-su drove the tractor.", "Ri Ch'ol-su"),
        ("Kang Ch'ang-il helped us across.", "Kang Ch'ang-il"),
    ],
)
def test_romanised_names_in_every_system_and_one_syllable_given_names(text: str, name: str) -> None:
    spans = english_names.detect(TokenisedText(text))
    assert name in [text[s.start : s.end] for s in spans]


def test_a_surname_before_a_place_word_names_the_place_not_a_person() -> None:
    text = "We sat by the Han River, then slept at the Park Hotel. So Young went home."
    assert english_names.detect(TokenisedText(text)) == []


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("My son went to Sanggye Middle School before we left.", "Sanggye Middle School"),
        ("I worked at the Mudan Garden Restaurant in Shenyang.", "Mudan Garden Restaurant"),
        ("We sang at Haebit Karaoke most nights.", "Haebit Karaoke"),
        ("She worked in a restaurant called Haedang in Yanji.", "Haedang"),
        ("They put us in a unit called Kangson Brigade.", "Kangson Brigade"),
    ],
)
def test_a_named_school_workplace_or_venue_is_a_place(text: str, site: str) -> None:
    """Where a witness worked or her child went to school narrows who she is."""
    assert site in [text[p.start : p.end] for p in latin_places(text)]


def test_a_common_word_before_a_building_word_is_no_site() -> None:
    text = "After the High School exams she left, and the Central Hospital closed."
    assert latin_places(text) == []


def test_a_pronoun_after_a_place_is_not_part_of_it() -> None:
    text = "When I reached Dandong I stayed with a Korean-Chinese family."
    assert {text[p.start : p.end] for p in latin_places(text)} == {"Dandong"}


def test_a_romanised_word_after_the_is_no_given_name() -> None:
    text = "I lived near the Yanghwa fish factory with my aunt."
    assert english_names.detect(TokenisedText(text)) == []


def test_given_names_before_a_shop_or_hotel_word_name_the_business() -> None:
    text = "We ate at Victoria Hotel, then Grace Bakery; Sophia Kindergarten is near."
    assert english_names.detect(TokenisedText(text)) == []


def test_a_surname_that_is_also_a_venue_word_stays_a_name() -> None:
    text = "Then Jenny Inn called me, and Rachel Bar and Anna Garden came."
    found = [text[s.start : s.end] for s in english_names.detect(TokenisedText(text))]
    assert found == ["Jenny Inn", "Rachel Bar", "Anna Garden"]

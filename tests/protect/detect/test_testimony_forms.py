"""Forms of identifiers in spoken testimony that the rules once missed (issue 15, T1).

Every sentence here is fictional and written for this test: ages said after a name or
with a hedge, a pseudonym mark with an age, nicknames said with 라고 and a term of
address, English nicknames and short forms, English roles of a relative, relative
years with a holiday in English, Russian logging towns.
"""

from __future__ import annotations

import pytest

from moksori.protect import gazetteer as gz
from moksori.protect.detect import nicknames, roles, spoken_dates
from moksori.protect.detect.ages import find_ages
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def ages_in(text: str) -> dict[str, object]:
    """Each age span and the number it keeps (its age or band; None for a threshold)."""
    return {text[s.start : s.end]: s.info.get("age", s.info.get("band")) for s in find_ages(text)}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Min-su was 19 then, and she still lived with us.", "19", 19),
        ("My brother, Dong-hyun, was forty-two when he died.", "forty-two", 42),
        ("Our youngest, Su-bin, is 6, and she likes school.", "6", 6),
        ("She was perhaps 50. Nobody knew for sure.", "50", 50),
        ("He was probably 35 when they took him.", "35", 35),
        ("Eunhye (30s, left in 2009) said the first year was hard.", "30s", 30),
        ("2010년 입국한 김영숙(가명·47)씨는 말했다.", "47", 47),
        ("최정희(가명, 61세)씨는 혼자 산다.", "61", 61),
        ("쉰둘인데도 장마당에 나갔어요.", "쉰둘", 52),
        ("마흔인 남자가 찾아왔어요.", "마흔", 40),
    ],
)
def test_ages_said_after_a_name_or_with_a_hedge(text: str, span: str, value: int) -> None:
    assert ages_in(text).get(span) == value


@pytest.mark.parametrize(
    "text",
    [
        "It was 40 degrees in the shade.",
        "There was 1 left on the shelf.",
        "The price was 40, and we could not pay.",
        "Chapter was 3 in the old edition.",
        "Room (20s, 30s) were empty.",
    ],
)
def test_numbers_after_words_that_are_no_name_are_not_ages(text: str) -> None:
    assert ages_in(text) == {}


def nicks(text: str) -> list[str]:
    return [text[s.start : s.end] for s in nicknames.detect(tokenise(text))]


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("옆 마을에 살던 그 여자를 우리는 꺽다리 아줌마라고 불렀어요.", "꺽다리 아줌마"),
        ("동네에서는 다들 안경 할배라고 했지요.", "안경 할배"),
        ("사람들이 뒤에서는 메주덩어리라고 했어요.", "메주덩어리"),
        ("그 동네에서 여우라고 불리는 여자가 있었어요.", "여우"),
        ("장마당에서 참새라고 불린 아이가 있었어요.", "참새"),
        ("The neighbours called him Sparrow because he was so small.", "Sparrow"),
        ("Everyone at the station called her Crane, I don't know why.", "Crane"),
        ("Her name was Lee Soon-ja, or just Soon to us.", "Soon"),
    ],
)
def test_nicknames_said_with_a_term_of_address_or_a_verb_of_calling(text: str, nick: str) -> None:
    assert nick in nicks(text)


@pytest.mark.parametrize(
    "text",
    [
        "사람들이 거짓말이라고 했어요.",  # what people said, not whom they called
        "They called her Auntie.",  # a term of address
        "We called him Sir, as the others did.",
        "in the morning, Tuesday.",
        "I went to Seoul, or just to the south, as we said.",
    ],
)
def test_sayings_and_terms_of_address_are_not_nicknames(text: str) -> None:
    assert nicks(text) == []


def roles_in(text: str) -> list[str]:
    return [text[s.start : s.end] for s in roles.detect(tokenise(text))]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "I was scared. My uncle was a border guard in Hyesan until 2005, I think.",
            "border guard",
        ),
        (
            "In 2003 my father went to Siberia with a timber brigade and came back thin.",
            "timber brigade",
        ),  # fmt: skip
        (
            "I went to Russia and worked for a construction team there, honestly.",
            "construction team",
        ),  # fmt: skip
        (
            "He was the political instructor of our company, you know.",
            "political instructor of our company",  # the title with the unit it names
        ),
    ],
)
def test_english_roles_of_a_relative(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_border_guards_in_general_are_no_role() -> None:
    assert roles_in("Border guards patrol the river. I was scared of them.") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "My grandmother passed away three years before, at Seollal. I was there.",
            "three years before, at Seollal",
        ),  # fmt: skip
        (
            "We left the year after, around Lunar New Year, and I remember the snow.",
            "the year after, around Lunar New Year",
        ),  # fmt: skip
        (
            "I remember we crossed at Chuseok because the guards were drunk. I was scared.",
            "Chuseok",
        ),  # fmt: skip
    ],
)
def test_english_holidays_with_a_relative_year(text: str, span: str) -> None:
    spans = spoken_dates.find(text)
    assert span in [text[s.start : s.end] for s in spans]
    assert all(s.type == PiiType.DATE and "year" not in s.info for s in spans)


@pytest.mark.parametrize("name", ["틴다", "체그도민", "Tynda", "Vanino"])
def test_russian_logging_towns_are_places_in_russia(name: str) -> None:
    place = gz.lookup(name)
    assert place is not None and place.country == "RU" and place.province == "러시아"


def test_a_logging_town_is_found_with_its_particle() -> None:
    text = "아버지는 로씨야 벌목공으로 체그도민에 나가 있었어요. 저는 어렸어요."
    places = [text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PLACE]
    assert any(p.startswith("체그도민") for p in places)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("My daughter is now eleven.", "eleven", 11),
        ("At 16 I was sent to the youth brigade.", "16", 16),
        ("열일곱 먹던 해에 시집갔어요.", "열일곱", 17),
        ("40 넘어서 탈북했어요.", "40", None),  # a threshold: found, no decade to state
        ("그때 서른 중반이었어요.", "서른 중반", 30),
        ("환갑 넘은 어머니를 두고 왔어요.", "환갑", None),
    ],
)
def test_more_ages_as_people_say_them(text: str, span: str, value: int | None) -> None:
    assert ages_in(text).get(span) == value


@pytest.mark.parametrize("text", ["At 7 we had breakfast.", "값이 50 넘어서 못 샀어요."])
def test_times_and_prices_are_not_ages(text: str) -> None:
    assert ages_in(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [("막내 남동생 이름은 충성이었어요.", "충성"), ("그 아이 이름이 향이에요.", "향")],
)
def test_a_word_said_to_be_a_name_is_a_person(text: str, name: str) -> None:
    got = [text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON]
    assert name in got


@pytest.mark.parametrize("text", ["이름이 뭐였더라.", "이름은 기억이 안 나요."])
def test_asking_or_forgetting_a_name_names_no_one(text: str) -> None:
    assert nicks(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Everybody knew Granny Pak.", "Pak"),
        ("We went to Uncle Kwon and he fed us.", "Kwon"),
        ("His name was Chol, I think.", "Chol"),
    ],
)
def test_english_names_after_kinship_words_and_name_was(text: str, name: str) -> None:
    got = [text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON]
    assert name in got


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("보위부 반탐과 지도원이 우리 집에 왔어요. 무서웠어요.", "보위부 반탐과 지도원"),
        ("삼촌은 쿠웨이트 건설 나갔다가 왔어요. 그때 저는 어렸어요.", "쿠웨이트 건설"),
        (
            "My brother worked as a driver for the Bowibu. I was scared of him.",
            "driver for the Bowibu",
        ),  # fmt: skip
    ],
)
def test_roles_by_department_and_labour_abroad(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_overseas_dispatch_in_general_is_no_role() -> None:
    assert roles_in("해외 파견 나갔던 사람들이 많았어요. 저는 몰랐어요.") == []


@pytest.mark.parametrize(
    "text",
    ["He was over 40.", "She was almost twelve when she left.", "마흔 다 돼서 애를 낳았어요."],
)
def test_an_age_said_as_a_threshold_keeps_no_number(text: str) -> None:
    """Its decade would be false ("40대 넘어서" is past the forties): a tag hides it."""
    spans = find_ages(text)
    assert spans and all("age" not in s.info and "band" not in s.info for s in spans)


@pytest.mark.parametrize("text", ["We were four in the group.", "We were six, all from Musan."])
def test_a_head_count_is_no_age(text: str) -> None:
    assert ages_in(text) == {}


def test_a_plural_subject_can_still_have_an_age() -> None:
    assert ages_in("They were 12 when they left.") == {"12": 12}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("My uncle was a police officer in Onsong, so we were safe for a while.", "police officer"),
        ("Her father was a party cadre and they had a good house.", "party cadre"),
        ("My brother was a soldier in the 8th Corps. I was proud.", "the 8th Corps"),
        ("오빠는 9군단에서 복무했어요. 그때 저는 어렸어요.", "9군단"),
    ],
)
def test_one_officer_and_numbered_units(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_decades_and_police_in_general_are_no_role() -> None:
    assert roles_in("1990년대에 많이 죽었어요. 저는 그때 어렸어요.") == []
    assert roles_in("The police officers came to every house. I was scared.") == []


def test_a_county_named_after_a_person_is_a_person_before_a_title() -> None:
    text = "김정숙 녀사가 도와줬어요. 그 분은 좋은 분이었어요."
    spans = [(text[s.start : s.end], s.type) for s in detect_text(text)]
    assert ("김정숙", PiiType.PERSON) in spans
    assert ("김정숙", PiiType.PLACE) not in spans


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("우리 동네 꼬마들이 저를 깜둥이라고 놀렸어요.", "깜둥이"),  # the whole noun, with its 이
        ("그 사람을 우리는 그냥 대장이라고 했어요.", "대장"),
    ],
)
def test_teasing_names_and_calling_with_fillers(text: str, nick: str) -> None:
    assert nick in nicks(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Kim Ok-sun, then 35, was already a widow.", "35", 35),
        ("My mother, aged about 60, stayed behind.", "60", 60),
        ("He was a boy of about twelve.", "twelve", 12),
        ("My grandmother is ninety this year.", "ninety", 90),
        ("He must have been 50 or so.", "50", 50),
        ("Our baby was two months old.", "two months old", None),  # no decade: a tag
    ],
)
def test_english_ages_with_then_about_and_must_have_been(
    text: str, span: str, value: int | None
) -> None:
    assert span in ages_in(text) and ages_in(text)[span] == value


@pytest.mark.parametrize(
    ("text", "span", "year"),
    [
        ("구십칠년도에 떠났어요.", "구십칠년도", 1997),
        ("팔십오년도 겨울에 태어났어요.", "팔십오년도", 1985),
    ],
)
def test_a_year_said_in_sino_korean_words(text: str, span: str, year: int) -> None:
    got = {text[s.start : s.end]: s.info.get("year") for s in spoken_dates.find(text)}
    assert got.get(span) == year


@pytest.mark.parametrize("text", ["삼십 년 동안 살았어요.", "이십년도 넘게 살았어요."])
def test_durations_in_sino_korean_words_are_no_year(text: str) -> None:
    assert spoken_dates.find(text) == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("도 보위국 반탐처장이 우리 삼촌이었어요. 무서웠어요.", "보위국 반탐처장"),
        ("엄마는 장마당 관리원이었어요. 그래서 다 알았어요.", "장마당 관리원"),
        ("오빠는 폭풍군단에 있었어요. 저는 어렸어요.", "폭풍군단"),
    ],
)
def test_provincial_bureaus_markets_and_named_corps(text: str, role: str) -> None:
    assert role in roles_in(text)

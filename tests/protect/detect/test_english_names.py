"""English-script person names, including romanised Korean names."""

from __future__ import annotations

import pytest

from moksori.protect.detect.english_names import NAME, detect
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import TokenisedText


def names(text: str) -> list[str]:
    spans = detect(TokenisedText(text))
    assert all(s.type == PiiType.PERSON and s.detector == NAME for s in spans)
    return [text[s.start : s.end] for s in spans]


def conf(text: str, name: str) -> float:
    for s in detect(TokenisedText(text)):
        if text[s.start : s.end] == name:
            return s.confidence
    raise AssertionError(f"{name!r} not found in {text!r}")


def test_exact_span_of_korean_full_name() -> None:
    text = "In 2011 Kim Ji-min crossed the river."
    spans = detect(TokenisedText(text))
    assert [(s.start, s.end) for s in spans] == [(8, 18)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ri Chol-su met Jang Mi-ran at Hanawon.", ["Ri Chol-su", "Jang Mi-ran"]),
        ("I asked Lee Soon-hee about her mother.", ["Lee Soon-hee"]),
        ("Park Young-mi said the broker was late.", ["Park Young-mi"]),
        ("Ji-min Kim arrived in Seoul in March.", ["Ji-min Kim"]),
        ("We spoke with Kim Jimin and Choi Eun-byul.", ["Kim Jimin", "Choi Eun-byul"]),
        ("A portrait of Kim Jong Un hung there.", ["Kim Jong Un"]),
        ("The interviewee Eun-byul cried.", ["Eun-byul"]),
    ],
)
def test_romanised_korean_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_titles_are_evidence_but_not_part_of_the_span() -> None:
    text = "Mr. Park and Pastor Han met Dr. Orsolya Vekerdi."
    assert names(text) == ["Park", "Han", "Orsolya Vekerdi"]
    assert conf(text, "Orsolya Vekerdi") == pytest.approx(0.9)


def test_single_letter_masks_are_not_names() -> None:
    assert names("Ms. P and Mr. K said nothing.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My friend Jane Hollister told me about it.", ["Jane Hollister"]),
        ("Her husband Tomasz had left for work.", ["Tomasz"]),
        ("We met Brannigan at the church, and Brannigan's wife.", ["Brannigan", "Brannigan"]),
        ("The producer, Wilhelmina Okonjo-Reyes, agreed.", ["Wilhelmina Okonjo-Reyes"]),
        ("Our founders: Ekdahl, Michael and Hodge.", ["Ekdahl", "Michael", "Hodge"]),
        ("follow up with patricia holloway next week.", ["patricia holloway"]),
    ],
)
def test_western_names_in_context(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_confidence_orders_the_evidence() -> None:
    text = "Kim Ji-min and Sarah Boyle met Kowalczyk; later Vekerdi said no."
    assert conf(text, "Kim Ji-min") > conf(text, "Sarah Boyle") > conf(text, "Kowalczyk")
    assert conf(text, "Kowalczyk") > conf(text, "Vekerdi")


@pytest.mark.parametrize(
    "text",
    [
        "North Korea and the United Nations met on Monday in March.",
        "The Workers' Party of Korea met in Pyongyang.",
        "However, The Ministry of Unification opened Hanawon in Seoul.",
        "Hong Kong was a transit point. When we arrived, Thursday was cold.",
        "She lives at 14 Crown Street in Leeds.",
        "Phone numbers were taken at Samsung Electronics Inc.",
    ],
)
def test_negatives(text: str) -> None:
    assert names(text) == []


def test_latin_name_glued_to_a_korean_particle() -> None:
    assert names("교회 동기 중에 Sandra라는 언니가 있었어요. Sandra 언니는 떠났어요.") == [
        "Sandra",
        "Sandra",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Grace is something I learned at church, not a person.",
        "Mark my words, the border will open.",
        "We lived near the Mok-dong apartments, then in Sinchon-ri.",
    ],
)
def test_words_and_neighbourhoods_that_look_like_names(text: str) -> None:
    assert names(text) == []


def test_word_names_with_a_cue_or_mid_sentence_are_names() -> None:
    text = "At church they call me Grace. Mark said the bus was late."
    assert names(text) == ["Grace", "Mark"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was the assistant to Oriel T. Vanstrom for a year.", ["Oriel T. Vanstrom"]),
        ("please change it to Talvi Oksanberg", ["Talvi Oksanberg"]),
        ("No one sang better than early Brodnikova?", ["Brodnikova"]),
        ("follow up with patricia q hollander soon", ["patricia q hollander"]),
        ("they had 4: silvia, tomas, greta and lukas.", ["silvia", "tomas", "greta", "lukas"]),
    ],
)
def test_middle_initials_cues_shapes_and_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_names_inside_an_email_address_are_left_to_the_email() -> None:
    assert names("You said your email is OrielVanstrom@example.com, right?") == []


def test_a_title_on_a_new_line_is_not_a_street() -> None:
    assert names("Margit Halvorsen\n\nCourt clerk\n") == ["Margit Halvorsen"]


# --- expository text and naming phrases (issue 15) -----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Participants came through the Korea Hana Foundation and two churches.",
        "The Hana Centers and church networks shaped their first years.",
        "Human Rights Watch and Amnesty International documented forced returns.",
        "Approval came from the Institutional Review Board of Seoul National University.",
    ],
)
def test_organisations_are_not_people(text: str) -> None:
    assert names(text) == []


def test_a_title_still_makes_a_person_of_an_organisation_word() -> None:
    assert names("Mr. Kim Church said no.") == ["Kim"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("What's your last name? Arcuri", "Arcuri"),
        ("my name is vitoria", "vitoria"),
        ("sometimes people call me višeslav", "višeslav"),
        ("She is Slovak but everyone calls me Ján", "Ján"),
        ("Scott had given Belle his address last week.", "Belle"),
    ],
)
def test_a_naming_phrase_vouches_for_any_word(text: str, name: str) -> None:
    assert name in names(text)


def test_a_naming_phrase_does_not_take_common_words() -> None:
    assert names("What's your name? Thanks for asking.") == []


def test_a_government_named_after_its_leader_is_no_person() -> None:
    assert names("The Kim regime fears the market; the Moon administration did not.") == []
    assert names("I met the Kim family next door.") == ["Kim"]


# --- postal addresses (issue 15) ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Send it to the corner of Kuusiku 7 and Alexander Flat? I am away.",
        "The office is at the corner of 25 Dili Street and King Forges.",
        "Please send a new one to 14 Crown Street Kishiev Squares\n Suite 321\n United Kingdom",
        "My address is 30497 Ibirapita 8057\n Suite 100\n Dolores\n Uruguay",
        ">3369 24 Clarke Avenue\n>Apt. 805\n>Pines Beach\n>New Zealand 34694",
        "Meet me at Apt. 397, Mora de Rubielos, Spain 16200.",
        "19902 Dobrovského 1394 Apt. 066\nSt Georges, QC 54256",
        "Please return it to Leon and Eyrarodda 66 in case of an issue.",
    ],
)
def test_streets_and_towns_of_a_postal_address_are_no_names(text: str) -> None:
    assert names(text) == []


def test_a_name_beside_an_address_stays_a_name() -> None:
    text = (
        "Jennifer Alcaraz\nSuite 541 6343 Skogstien 106\nI lived at 12 Main Street with Minsu Kim."
    )
    assert names(text) == ["Jennifer Alcaraz", "Minsu Kim"]
    assert names("In 2009 I went to Minsu and Jiyoung in Yanji.") == ["Minsu", "Jiyoung"]


def test_a_title_after_the_is_no_name_but_a_name_after_the_is() -> None:
    assert names("Marie Langrová, the Packager, said she was glad.") == ["Marie Langrová"]
    assert "Petersson" in names("Unlike the Petersson novel, it is short.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Favian Rangel from Drake PLC is the keynote speaker.", ["Favian Rangel"]),
        ("Russell Investments is a design agency, like Abt Associates.", []),
        ("The address of Solarlist is USCGC Khadzhiyev FPO AA 65607", []),
    ],
)
def test_firms_and_ships_are_no_people(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lopez, Santos and Coleman is a design agency based in Essen.",
        "The Clark, Romero and Hall Orchestra was founded in 1973.",
        "Thomas and Sons is a multinational.",
        "Owens, Duran and Oneal\n\n12521 Belgrád rkp. 18. Apt. 4",
        "These are the car manufacturers of the city: White, Willis and Hoffman.",
    ],
)
def test_a_firm_named_after_its_partners_is_no_person(text: str) -> None:
    assert names(text) == []


def test_surnames_in_a_list_are_still_people() -> None:
    assert names("Our founders: Kónya, Becker and Vasquez.") == ["Kónya", "Becker", "Vasquez"]
    assert names("I came with Kim, Park and Lee in 2009.") == ["Kim", "Park", "Lee"]


def test_the_body_a_full_name_is_said_with_is_no_person() -> None:
    text = "We invited Kristen Rocher of Butler-Peters, Panjiva's Riku Andou and Josef Mališ."
    assert names(text) == ["Kristen Rocher", "Riku Andou", "Josef Mališ"]
    assert names("Sunhee's friend Jiyoung Park came.") == ["Sunhee", "Jiyoung Park"]


def test_a_home_town_is_no_person() -> None:
    assert names("I am Bojka Žilih, originally from Dolores, and I am 64.") == ["Bojka Žilih"]
    assert names("He grew up in Shelly Park, then he grew up with Minsu.") == ["Minsu"]


def test_a_name_said_to_be_a_firm_is_no_person() -> None:
    assert names("Telenav is a design agency based in Seoul. Minsu is a business owner.") == [
        "Minsu"
    ]

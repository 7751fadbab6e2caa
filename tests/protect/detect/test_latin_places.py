"""Places and addresses in Latin script: border towns, towns before postcodes or above a
country line, countries after "the", and European street forms."""

from __future__ import annotations

import pytest

from moksori.protect.detect import places
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import iter_tokenised


def found(text: str, type_: PiiType | None = None) -> list[str]:
    tokenised = next(iter(iter_tokenised([text])))
    return [text[s.start : s.end] for s in places.detect(tokenised) if type_ in (None, s.type)]


def test_the_tumen_is_the_river_and_tumen_the_city() -> None:
    assert found("I lived in Tumen for two years.", PiiType.PLACE) == ["Tumen"]
    assert found("We crossed the Tumen at night.", PiiType.PLACE) == []
    assert found("Then we waded across the Yalu.", PiiType.PLACE) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Factset helps people in Bjert 6091 every day.", "Bjert"),
        ("The title refers to Glyn St street in Highveld. It was there.", "Highveld"),
        ("Early shows on Marina Fort Street were important.", "Marina Fort Street"),
        ("Blink pay tribute here to the Netherlands.", "Netherlands"),
        ("Maha Cazares\n\nChiclana de la Frontera\nSpain", "Chiclana de la Frontera"),
        ("Przemek Kucharski\n>ALFRICK\n>United Kingdom", "ALFRICK"),
    ],
)
def test_towns_that_context_vouches_for(text: str, place: str) -> None:
    assert place in found(text, PiiType.PLACE)


def test_a_sign_off_above_a_country_is_no_town() -> None:
    assert "Thanks" not in found("Dear team,\nThanks\nKorea")


def test_institutions_are_not_places() -> None:
    assert found("Approval came from the Institutional Review Board.") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("It is the corner of Dalbraut 99 and Frederikke Coves? ok", "the corner of Dalbraut 99"),
        ("Kwiatkowski lives at 28919 136 Filadelfeos Str., Klirou", "28919 136 Filadelfeos"),
        ("Address: 3037 ul. Północna 73", "3037 ul. Północna 73"),
        ("Send it to 808 Kálmán Imre u. 12. please", "808 Kálmán Imre u. 12."),
        (">770 26 rue des lieutemants Thomazo\n>Apt. 735", "770 26 rue des lieutemants"),
        ("The restaurant is at 9816 214 Pavlou Drandaki", "9816 214 Pavlou Drandaki"),
        ("unit 4526 box 0671\ndpo ap 40902", "dpo ap 40902"),
    ],
)
def test_european_and_military_addresses(text: str, address: str) -> None:
    assert any(address in a for a in found(text, PiiType.ADDRESS)), found(text)


def test_a_year_and_a_count_are_no_address() -> None:
    assert found("In 2019 3 Koreans came to the meeting.", PiiType.ADDRESS) == []

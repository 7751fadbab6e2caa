"""Addresses and postcodes on their own, on small fictional texts."""

from __future__ import annotations

from moksori.protect.detect import addresses
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def _found(text: str, kind: PiiType) -> list[str]:
    return [text[s.start : s.end] for s in addresses.detect(tokenise(text)) if s.type == kind]


def test_road_address_fragments_join_into_one_span() -> None:
    text = "주소는 경기도 안산시 단원구 원곡로 45, 한빛빌라 3동 201호예요."
    found = _found(text, PiiType.ADDRESS)
    assert len(found) == 1
    assert "원곡로 45" in found[0] and "201호" in found[0]


def test_labelled_postcode_with_a_particle() -> None:
    assert _found("우편번호는 15357이고요.", PiiType.POSTCODE) == ["15357"]
    assert _found("우편번호: 135-080", PiiType.POSTCODE) == ["135-080"]


def test_english_labelled_postcodes_of_many_shapes() -> None:
    assert _found("My zip code is 35350.", PiiType.POSTCODE) == ["35350"]
    assert _found("ZIP: 7412 SL", PiiType.POSTCODE) == ["7412 SL"]
    assert _found("ZIP: 394 13", PiiType.POSTCODE) == ["394 13"]


def test_zip_after_a_state_name_or_abbreviation() -> None:
    assert _found("Springfield, Illinois 62704", PiiType.POSTCODE) == ["62704"]
    assert _found("Austin, TX 78701-1234", PiiType.POSTCODE) == ["78701-1234"]
    assert _found("Halifax NS B3H 1A1", PiiType.POSTCODE) == ["B3H 1A1"]


def test_numbers_that_are_not_postcodes() -> None:
    assert _found("2011년에 12345원을 냈다.", PiiType.POSTCODE) == []
    text = "12 Oak Street\nMobile: +41 (0)96 471 07 95"
    assert _found(text, PiiType.POSTCODE) == []


def test_postcode_inside_an_address_is_not_repeated() -> None:
    text = "Write to 5 Elm Road, Apt. 4, Dover 19901."
    spans = addresses.detect(tokenise(text))
    posts = [s for s in spans if s.type == PiiType.POSTCODE]
    assert all(
        not any(a.start <= p.start and p.end <= a.end for a in spans if a.type == PiiType.ADDRESS)
        for p in posts
    )


def test_a_subject_before_a_dotted_number_is_no_lot_number() -> None:
    """가 is also the subject particle: "아버지가 8.3 가내작업반" holds no address."""
    assert _found("아버지가 8.3 가내작업반 일을 했어요.", PiiType.ADDRESS) == []
    assert _found("신당동 123번지에 살았어요.", PiiType.ADDRESS) == ["신당동 123번지"]

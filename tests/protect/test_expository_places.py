"""Expository text: places, contact details and dates that locate no one are not proposed,
while the towns, ages and years of the people a text tells about stay findings. Fictional
texts written for these tests (organisations, addresses and numbers are invented)."""

from __future__ import annotations

from moksori.protect.detect.voice import is_testimony
from moksori.protect.expository_places import contact_blocks, organisation_voice
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType, Span

# An organisation's own page: "we" throughout, never "I" outside the story's quotes.
_NGO = (
    "Harbour Light Refugee Fund\n\n"
    "Who we are\nHarbour Light Refugee Fund is a charity based in Seoul with an office in "
    "Vancouver. We fund shelters in China, we pay for medical care, and we train volunteers. "
    "Our partners include the Korea Hana Foundation and several universities in Gwangju.\n\n"
    "The numbers\nMore than 30,000 North Koreans have settled in South Korea. Most come from "
    "the border provinces, and only a few hundred now reach Seoul each year. Most new arrivals "
    "are sent to live in Incheon or Seoul, where rents are high. We work with the Hana Center "
    "network, and we speak up for those still hiding in China. We never publish routes. "
    "Women make up most of those who arrive, and many have spent years in hiding first.\n\n"
    "A family we walked with\nWhen we first met Sol-mi, she was nineteen and had just left "
    "Hanawon. She grew up in Onsong, where her mother sold rice. In March 2017 her mother was "
    'arrested in Yanji. Today Sol-mi lives in Daejeon with her husband. "The first time I '
    'voted, I cried," she told our staff. We still pray for her brother in Onsong.\n\n'
    "How your gift helps\n- 50,000 won pays for a check-up.\n- 150,000 won covers a month of "
    "rent in our Busan shelter. Give monthly and become a Lantern Keeper. We publish our "
    "accounts every May, and we answer every "
    "letter. Our volunteers give their evenings, and our donors make it possible.\n\n"
    "Where to find us\nHarbour Light Refugee Fund, 2nd floor, 31 Saemunan-ro 5-gil, "
    "Jongno-gu, Seoul 03170, Republic of Korea\n"
    "Call us on +82 2 734 9981 or write to hello@harbourlight.example.org\n"
    "Open Monday to Friday, except on Lunar New Year and Chuseok.\n"
)


def _found(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in detect_text(text):
        out.setdefault(text[s.start : s.end], set()).add(s.type.value)
    return out


def test_an_organisations_page_is_read_as_its_own_voice_not_testimony() -> None:
    assert is_testimony(_NGO)  # "we" weighs as half a witness …
    assert organisation_voice(_NGO)  # … but nobody says "I" outside quotes: the body speaks
    assert not organisation_voice("I left in 2010. " * 120)
    assert not organisation_voice("We crossed the river at night. " * 10)  # short


def test_the_people_of_an_organisations_story_stay_findings() -> None:
    found = _found(_NGO)
    for said, type_ in [
        ("Sol-mi", "person"),
        ("nineteen", "age"),  # "she was nineteen and had just left": no range of a sample
        ("Onsong", "place"),
        ("Yanji", "place"),
        ("Daejeon", "place"),  # a big city where she lives
    ]:
        assert type_ in found.get(said, set()), said


def test_its_statistics_seats_and_contact_block_locate_no_one() -> None:
    found = _found(_NGO)
    for said in (
        "Seoul",  # based in, "reach Seoul each year", the address
        "Vancouver",
        "Gwangju",
        "Incheon",
        "Busan",
        "China",
        "Hana",
        "Harbour Light Refugee Fund",
        "Jongno-gu",
        "03170",
        "+82 2 734 9981",
        "hello@harbourlight.example.org",
        "Monday",
        "Chuseok",
        "Lantern Keeper",  # "become a Lantern Keeper": a class of donors, not a person
    ):
        assert said not in found, said


def test_a_dateline_and_a_byline_post_locate_no_one() -> None:
    text = (
        "Waiting for a call from home\n\nBy Ruth Adeyemi, Seoul correspondent\n\n"
        "SEOUL, May 2 — Every night Kyong-ae, 48, checks her phone. She fled in 1998 and now "
        "runs a small shop in Ulsan. According to the ministry, 236 defectors arrived last "
        'year, compared with 1,047 in 2019. "Remittances were the lifeline," said Park '
        "Dong-jin, a researcher at the Asan Institute for Policy Studies in Seoul. Officials "
        "said the border has been sealed since the pandemic, and few people now leave. Her "
        'sister still lives in Chongjin. "My sister called in March 2022," she said. '
        "Analysts expect the numbers to stay low for years, and the ministry agrees.\n"
    )
    found = _found(text)
    assert not is_testimony(text)
    for said in ("SEOUL", "May 2", "Asan", "2019"):
        assert said not in found, said
    assert "Seoul" not in found
    for said in ("Kyong-ae", "48", "1998", "Ulsan", "Chongjin", "March 2022"):
        assert said in found, said


def test_a_korean_dateline_survey_period_and_statistics_locate_no_one() -> None:
    text = (
        '탈북민 정착 30년… "외로움이 더 힘들어"\n\n'
        "(서울=새길뉴스) 한지우 기자 = 탈북민 열 명 가운데 세 명은 외로움을 가장 큰 어려움으로 "
        "꼽은 것으로 나타났다. 조사는 지난해 7월부터 9월까지 탈북민 2,500명을 대상으로 실시됐다. "
        "거주 지역은 경기도가 32%로 가장 많았고 서울과 인천이 뒤를 이었다고 밝혔다.\n\n"
        "경기 안산에 사는 탈북민 B씨(50대)는 함경북도 청진 출신이다. B씨는 2014년 가을 연길을 "
        "거쳐 한국에 왔다고 말했다. 통일부는 상담 예산을 늘리겠다고 발표했다.\n"
    )
    found = _found(text)
    assert not is_testimony(text)
    for said in ("서울", "지난해 7월", "경기도", "인천"):
        assert said not in found, said
    for said in ("안산", "50대", "청진", "2014년 가을", "연길"):
        assert any(said in k for k in found), said
    assert any("안산" in k and PiiType.PLACE.value in v for k, v in found.items())


def test_a_contact_block_is_a_bodys_not_a_letters_own_address() -> None:
    letter = "엄마는 지금 청주에 산다. 주소는 청주시 흥덕구 봉명로 118번길 22, 103동 1204호다."
    body = "발행처: 새길정책연구소 | 주소: 서울특별시 마포구 마포대로 89, 7층 | 전화: 02-3153-6620"
    for text, blocks in ((letter, 0), (body, 1)):
        at = text.index("주소") + 4
        span = Span(at, at + 10, PiiType.ADDRESS, 0.8, "addresses")
        assert len(contact_blocks(text, [span])) == blocks, text

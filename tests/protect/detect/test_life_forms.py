"""Roles, spoken dates and ages found by structure (morphology, grammar) rather than by a
listed phrase: each case uses words no list holds, so it fails if a rule only memorises."""

from __future__ import annotations

import pytest

from moksori.protect.detect import roles, temporal
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise

SPOKEN = "답변: 네. "


def roles_in(text: str) -> list[str]:
    return [text[s.start : s.end] for s in roles.detect(tokenise(text))]


def times_in(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.type.value) for s in temporal.find(text)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "언니 남편이 수남시장 관리소장인데요.", "관리소장"),
        (SPOKEN + "이모부는 군 인민위원회 상업부장이었어요.", "인민위원회 상업부장"),
        (SPOKEN + "그 사람이 돌격대장이었어요.", "돌격대장"),
        (SPOKEN + "역전에서 열차 승무안전원한테 걸렸어요.", "열차 승무안전원"),
        (SPOKEN + "남동생이 도 검찰소 검사한테 불려 갔어요.", "검찰소 검사"),
        (SPOKEN + "그는 청년동맹 초급단체 비서였어요.", "청년동맹 초급단체 비서"),
        (SPOKEN + "조카는 중국 파견 봉제공으로 나갔어요.", "중국 파견 봉제공"),
        (SPOKEN + "이모네 집에 검열그루빠가 들이닥쳤어요.", "검열그루빠"),
        ("I was scared. The new district security inspector came.", "district security inspector"),
        (
            "I was scared. Her husband is the manager of the Sunam market.",
            "manager of the Sunam market",
        ),
        ("I was scared. My mother headed the local women's union.", "local women's union"),
        (
            "I was scared. They told me to join a coal mine shock brigade.",
            "coal mine shock brigade",
        ),
        (
            "I was scared. An agent from the counter-espionage section of the Bowibu came.",
            "agent from the counter-espionage section of the Bowibu",
        ),
        ("I was scared. The crew foreman was a man we called Bear.", "crew foreman"),
    ],
)
def test_roles_by_structure(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    "text",
    [
        SPOKEN + "몸단장을 하고 나갔어요. 가부장 사회였어요.",
        SPOKEN + "국무위원장이 나오는 방송을 봤어요.",
        "The police officers came to every house. I was scared.",
        "I was scared. The officer said nothing.",
    ],
)
def test_words_that_only_end_like_a_role_are_none(text: str) -> None:
    assert roles_in(text) == []


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        (SPOKEN + "구십칠년 그 어려울 때도 우리는 나았어요.", "구십칠년", "date"),
        (SPOKEN + "제대하던 해 겨울에 불려 갔어요.", "제대하던 해 겨울", "date"),
        (SPOKEN + "아버지는 팔십년대 말에 나갔다 오셨어요.", "팔십년대 말", "date"),
        (SPOKEN + "그 이듬해 무산으로 이사 갔어요.", "이듬해", "date"),
        ("I was there. Two Chuseoks ago my sister called.", "Two Chuseoks ago", "date"),
        ("I was there. She went the following spring.", "following spring", "date"),
        ("I was there. The winter I was discharged, he came.", "winter I was discharged", "date"),
        ("I was there. During the Arduous March I was eight.", "Arduous March", "date"),
        ("질문: 그때 몇 살이셨어요?\n답변: 열넷이요.", "열넷", "age"),
        (SPOKEN + "우리 어머니가 말띠라서요.", "말띠", "age"),
        ("I was there. She was born in a year of the horse.", "year of the horse", "age"),
        ("I was there. The new inspector is only thirty-nine.", "thirty-nine", "age"),
        ("I was there. My mother, then seventy-one, had kept it.", "seventy-one", "age"),
        ("I was there. His son is a toddler of two.", "two", "age"),
        ("Q: How old were you then?\nA: About forty. We left.", "forty", "age"),
    ],
)
def test_times_of_a_life_by_structure(text: str, said: str, kind: str) -> None:
    assert (said, kind) in times_in(text)


@pytest.mark.parametrize(
    "text",
    [
        SPOKEN + "오십 년 동안 살았어요. 그러던 해에 왔어요.",
        SPOKEN + "허리띠를 졸라맸어요.",
        "I was there. She is a mother of two.",
    ],
)
def test_durations_belts_and_history_are_no_time_of_a_life(text: str) -> None:
    assert [s for s in temporal.find(text) if s.type in (PiiType.AGE, PiiType.DATE)] == []


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        (SPOKEN + "그 할머니는 다다음 해 봄에 돌아가셨어요.", "다다음 해 봄", "date"),
        (SPOKEN + "지지난해 가을에 단속이 심했대요.", "지지난해 가을", "date"),
        ("I was there. She died the spring after next.", "spring after next", "date"),
        (
            "I was there. In the summer of my second year I fell ill.",
            "summer of my second year",
            "date",
        ),
        ("I was there. An old woman, well past ninety, died.", "ninety", "age"),
    ],
)
def test_counted_years_and_thresholds(text: str, said: str, kind: str) -> None:
    assert (said, kind) in times_in(text)


def test_a_temperature_over_forty_is_no_age() -> None:
    text = "I was there. In summer the inside of a ship is over forty degrees."
    assert [s for s in temporal.find(text) if s.type == PiiType.AGE] == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "남편이 신의주세관 세관원한테 걸렸어요.", "신의주세관 세관원"),
        (SPOKEN + "그 사람은 사단 보위부 군관하고 친했어요.", "사단 보위부 군관"),
        ("I was scared. The prisoner who led our work gang was kind.", "work gang"),
        (
            "I was scared. My husband managed a trading company in Nampo.",
            "trading company in Nampo",
        ),
    ],
)
def test_more_roles_by_structure(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "보안서원이 문을 두드렸어요.", "보안서원"),
        (SPOKEN + "규찰대원들이 장마당을 돌았어요.", "규찰대원"),
        ("Her husband is a border guard officer, so she is careful.", "border guard officer"),
    ],
)
def test_members_of_security_units_and_roles_said_with_is(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "도 안전국 감찰처에서 사람이 나왔어요.", "안전국 감찰처"),
        (SPOKEN + "감방장이 우리한테 잘해 줬어요.", "감방장"),
        ("I was scared. My father ran a shaft at the mine as pit boss.", "pit boss"),
        ("I was scared. The skipper was a cousin of his.", "skipper"),
        (
            "I was scared. Then inspectors from the provincial security bureau took him.",
            "inspectors from the provincial security bureau",
        ),
        ("I was scared. After that our assigned police officer came.", "assigned police officer"),
    ],
)
def test_bare_heads_and_departments(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        (SPOKEN + "주철룡이라고 쉰 줄에 들어선 사람이에요.", "쉰 줄", "age"),
        (SPOKEN + "칠월 칠석에 단련대로 갔어요.", "칠월 칠석", "date"),
        ("I was there. Myong-sun, arrested with me, was 27, and she left.", "27", "age"),
    ],
)
def test_decade_lines_festivals_and_ages_in_a_clause(text: str, said: str, kind: str) -> None:
    assert (said, kind) in times_in(text)


def test_that_year_alone_is_no_date() -> None:
    text = "I was there. The Tumen River was frozen that year, so nobody needed a boat."
    assert [s for s in temporal.find(text) if s.type == PiiType.DATE] == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "길주역 역장이 우리 아버지 친구였어요.", "역장"),
        (
            "I was scared. The stationmaster at Kilju was my father's friend.",
            "stationmaster at Kilju",
        ),
        ("I was scared. The railway police locked us in.", "railway police"),
        ("I was scared. My mother was the county postmaster.", "county postmaster"),
    ],
)
def test_posts_of_a_station_and_an_office(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        (
            "I was there. I was caught during the rainy season of '98.",
            "the rainy season of '98",  # the apostrophe-year rule keeps its 'the'
            "date",
        ),
        ("I was there. That kimchi-making season he came.", "That kimchi-making season", "date"),
        (SPOKEN + "어머니는 그때 쉰을 바라보는 나이였어요.", "쉰을 바라보는", "age"),
    ],
)
def test_seasons_of_work_and_approaching_ages(text: str, said: str, kind: str) -> None:
    assert (said, kind) in times_in(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "저는 인민군 제108훈련소에서 있었어요.", "제108훈련소"),
        (SPOKEN + "할머니는 리 인민위원회 서기장을 하셨어요.", "인민위원회 서기장"),
        (
            "I was scared. I served at the 108th Training Centre until then.",
            "the 108th Training Centre",  # as "the 8th Corps"
        ),
        ("I was scared. The centre's chief of staff was a colonel.", "centre's chief of staff"),
        (
            "I was scared. The company's youth league secretary was a friend.",
            "company's youth league secretary",
        ),
    ],
)
def test_numbered_units_and_titles_after_a_possessive(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_the_end_of_that_lunar_year_is_a_date() -> None:
    text = "I was there. My mother gave up the stall around the end of that lunar year."
    assert ("end of that lunar year", "date") in times_in(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "외화벌이 기지장이 내 삼촌이었어요.", "외화벌이 기지장"),
        ("I was scared. My brother joined a logging crew in Tynda.", "logging crew in Tynda"),
        (
            "I was scared. We were construction workers of the Hwasong company.",
            "construction workers of the Hwasong company",
        ),
    ],
)
def test_bases_and_crews_of_a_trade(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_an_age_after_a_quoted_name() -> None:
    text = 'I was there. Her neighbour, "Granny Crane", is seventy-three. She was kind.'
    assert ("seventy-three", "age") in times_in(text)


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        (SPOKEN + "그때 제가 열여섯, 동생이 열두 살이었어요.", "열여섯", "age"),
        (SPOKEN + "조카는 그 이태 뒤 여름에 군대에 갔어요.", "이태 뒤 여름", "date"),
        (
            "I was there. He left in the year of the Jang Song-thaek affair.",
            "year of the Jang Song-thaek affair",
            "date",
        ),
    ],
)
def test_part_six_forms(text: str, said: str, kind: str) -> None:
    assert (said, kind) in times_in(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (SPOKEN + "고용센터 탈북민 전담 상담관이 소개해 줬어요.", "고용센터 탈북민 전담 상담관"),
        (
            "I was scared. She is the daughter of the smelter hospital's director.",
            "smelter hospital's director",
        ),
    ],
)
def test_dedicated_counsellors_and_a_director_after_a_possessive(text: str, role: str) -> None:
    assert role in roles_in(text)


def test_a_thing_i_bought_is_no_age() -> None:
    assert [
        s for s in temporal.find(SPOKEN + "제가 하나 사 왔어요.") if s.type == PiiType.AGE
    ] == []

"""The whole identifier, as people say it: a date with its month or event, a role with
its unit, a place with its village, an age said in words, a name before a term of
address. Every sentence is fictional and written for these tests.
"""

from __future__ import annotations

import pytest

from moksori.protect.detect import ages, nicknames, places, roles, speakers, temporal
from moksori.protect.tokenised import tokenise


def dates(text: str) -> list[str]:
    return [text[s.start : s.end] for s in temporal.find(text) if s.type.value == "date"]


def ages_in(text: str) -> list[tuple[str, int | None]]:
    out = []
    for s in ages.find_ages(text):
        age = s.info.get("age")
        out.append((text[s.start : s.end], age if isinstance(age, int) else None))
    return out


def roles_in(text: str) -> list[str]:
    return [text[s.start : s.end] for s in roles.detect(tokenise(text))]


def places_in(text: str) -> list[str]:
    return [text[s.start : s.end] for s in places.detect(tokenise(text))]


# --- dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("그게 2011년 유월이었어요. 비가 많이 왔어요.", "2011년 유월"),
        ("87년 늦가을에 시집을 갔슴다.", "87년 늦가을"),
        ("2002년 동지 무렵에 강을 건넜어요.", "2002년 동지 무렵"),
        ("2004년 섣달그믐에 쫓겨났어요.", "2004년 섣달그믐"),
        ("2010년 화폐개혁 때 돈을 다 잃었지비.", "2010년 화폐개혁 때"),
        ("2019년 칠월 보름날에 떠났어요.", "2019년 칠월 보름날"),
        ("작년 섣달에 왔슴다.", "작년 섣달"),
        ("재작년 시월에 들어왔어요.", "재작년 시월"),
        ("88년 군대 갈 적에 헤어졌어요.", "88년"),
        ("03년 장마당 단속이 심할 때 잡혔어요.", "03년"),
        ("입국하고 이 년 만에 딸을 데려왔다.", "이 년 만에"),
        ("두 해 뒤에 다시 만났어요.", "두 해 뒤에"),
        ("He died in the winter of 1994, when I was small.", "in the winter of 1994"),
        ("My sister followed three summers later.", "three summers later"),
        ("It was New Year's Eve, 2012. Snow everywhere.", "New Year's Eve, 2012"),
        ("We left on the day before Chuseok in 2005. I was scared.",
         "on the day before Chuseok in 2005"),
    ],
)  # fmt: skip
def test_a_date_covers_its_month_season_event_or_offset(text: str, span: str) -> None:
    assert span in dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "30년 동안 살았는데 힘들 때가 많았어요.",
        "10년 넘게 일했을 때 그만뒀어요.",
        "2007년 동지들과 함께 일했어요.",
        "2007년 동지가 찾아왔다. 반가웠어요.",
        "I have lived here for two years now.",
    ],
)
def test_durations_and_comrades_are_no_finer_date(text: str) -> None:
    assert not any(("동지" in d or "동안" in d or "만에" in d or "years" in d) for d in dates(text))


# --- roles ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("우리 아바지는 5작업반 반장이었고 오마니는 장사했슴둥.", "5작업반 반장"),
        ("그때 보위부 예심과 지도원이 집에 와서 물어봤어요.", "보위부 예심과 지도원"),
        ("림산 사업소 당비서가 여권을 걷어 갔어요.", "림산 사업소 당비서"),
        ("강가에서 국경경비대 중대장한테 잡혔지비.", "국경경비대 중대장"),
        ("외삼촌은 룡양광산 갱장이었어요.", "룡양광산 갱장"),
        ("그 여자는 외화벌이 회사 사장이었어요.", "외화벌이 회사 사장"),
        ("나는 청년동맹 비서까지 했던 사람임다.", "청년동맹 비서"),
        ("형은 9.27 돌격대에 오래 있었어요.", "9.27 돌격대"),
        ("남포에 있는 제61호 공장에서 일했어요.", "제61호 공장"),
        ("7호 초소 보위원한테 돈을 줬지요.", "7호 초소 보위원"),
        ("시당 조직비서가 와서 말했어요.", "시당 조직비서"),
        ("My father was the head of the duck farm there.", "head of the duck farm"),
        ("I worked in a timber crew in the Russian Far East.", "timber crew"),
        ("The Sinuiju customs officer took a share of it.", "customs officer"),
        ("The chairman of the county farm management committee came.",
         "chairman of the county farm management committee"),
    ],
)  # fmt: skip
def test_a_role_covers_its_unit(text: str, role: str) -> None:
    assert role in roles_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "우리 회사 사장이 좋은 사람이에요.",
        "동생과 지도원이 같이 왔어요.",
        "시장에서 장사할 때 반장이 왔어요.",
        "The head of the family and the children stayed.",
    ],
)
def test_a_bare_workplace_or_a_particle_is_no_unit(text: str) -> None:
    assert roles_in(text) == []


# --- places -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("산소는 함경남도 단천시 신만동 뒷산에 있어요.", "함경남도 단천시 신만동"),
        ("엄마는 혜산 연봉동 사람인데 일찍 나왔어요.", "혜산 연봉동"),
        ("은덕군 오봉리에 살던 이모가 왔어요.", "은덕군 오봉리"),
        ("길주군 평륙리에서 자랐어요.", "길주군 평륙리"),
        ("삼촌은 로씨야 벌목공으로 띤다에 나갔어요.", "띤다"),
        ("삼촌은 까자흐스딴에서 일했어요.", "까자흐스딴"),
    ],
)
def test_a_place_covers_its_village_and_north_korean_spellings(text: str, place: str) -> None:
    assert place in places_in(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("회령시 우리 동네에서 활동했다.", "회령시"),
        ("무산군 소리 들었어요?", "무산군"),
        ("연길 친구가 왔어요.", "연길"),
    ],
)
def test_a_common_word_after_a_place_is_no_village(text: str, place: str) -> None:
    assert places_in(text) == [place]


def test_a_north_korean_spelling_alone_needs_a_place_context() -> None:
    assert places_in("노을이 붉은빛을 띤다.") == []


# --- ages -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "age"),
    [
        ("그 애가 올해 스물여섯임다.", "스물여섯", 26),
        ("우리 오마니는 지금 예순넷이에요.", "예순넷", 64),
        ("나이가 벌써 마흔셋 됐어요.", "마흔셋", 43),
        ("I was nine, my brother fourteen.", "fourteen", 14),
        ("A tall girl, maybe seventeen. She did not talk.", "seventeen", 17),
        ("그 여자는 서른너덧에 시집왔어요.", "서른너덧", 34),
        ("스물두셋쯤 됐을 거예요.", "스물두셋", 22),
    ],
)
def test_ages_said_in_number_words(text: str, span: str, age: int) -> None:
    assert (span, age) in ages_in(text)


@pytest.mark.parametrize(
    "text", ["올해 스물 명이 왔어요.", "There were many of us, maybe twenty.", "지금 열 시예요."]
)
def test_head_counts_and_hours_are_no_age(text: str) -> None:
    assert ages_in(text) == []


# --- names before a term of address, speaker roles ---------------------------------------
def test_a_name_said_with_a_term_of_address_is_the_whole_phrase() -> None:
    text = "다들 황보 아바이라고 불렀재임."
    found = [text[s.start : s.end] for s in nicknames.detect(tokenise(text))]
    assert found == ["황보 아바이"]


def test_an_answerer_label_is_no_name() -> None:
    text = "질문자: 고향이 어디세요?\n답변자: 나는 회령 사람이재임.\n"
    assert speakers.detect(tokenise(text)) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("98년 음력 설에 엄마가 돌아가셨어요.", "98년 음력 설"),
        ("94년 김일성 사망 때 저는 학생이었어요.", "94년 김일성 사망 때"),
        ("He left on the ninth of March 2003, at night.", "the ninth of March 2003"),
    ],
)
def test_a_date_by_the_lunar_calendar_a_public_event_or_an_ordinal_day(
    text: str, span: str
) -> None:
    assert span in dates(text)


def test_a_place_takes_in_every_lower_unit_down_to_the_neighbourhood_unit() -> None:
    assert places_in("회령시 오산덕동 12반에 살았슴다.") == ["회령시 오산덕동 12반"]


def test_a_unit_named_before_a_head_is_one_role_with_it() -> None:
    assert roles_in("오빠는 대흥 수산사업소 선장이었어요.") == ["대흥 수산사업소 선장"]


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ("대흥 수산사업소 선장", "책임자"),
        ("보위부 운전수", "노동자"),
        ("아오지탄광 갱장", "책임자"),
        ("9.27 돌격대", "일터"),
        ("청년동맹 비서", "간부"),
    ],
)
def test_a_role_with_its_unit_becomes_a_true_neutral_word(said: str, word: str) -> None:
    from moksori.protect.role_words import neutral

    assert neutral(said, "ko") == word


def test_a_child_s_name_before_a_parent_word_is_a_name() -> None:
    text = "순이 엄마가 밥을 해 줬어요. 아이 엄마가 또 왔어요."
    found = [text[s.start : s.end] for s in nicknames.detect(tokenise(text))]
    # the name alone, or the whole phrase when Kiwi reads 순이 as one noun
    assert len(found) == 1 and found[0] in ("순이", "순이 엄마")


def test_a_distinct_double_surname_is_a_form_of_the_name() -> None:
    from moksori.protect.forms import person_forms

    forms = [f for f, _ in person_forms("독고명수")]
    assert "독고" in forms and "명수" in forms
    assert "사공" not in [f for f, _ in person_forms("사공민호")]  # 사공 is a boatman too


@pytest.mark.parametrize(
    "text",
    [
        "우리 집 개 이름도 누렁이였는데 잡아먹었슴다.",
        "그 집 고양이를 나비라고 불렀어요.",
    ],
)
def test_an_animal_s_name_is_no_person(text: str) -> None:
    assert nicknames.detect(tokenise(text)) == []


@pytest.mark.parametrize(
    "text", ["오래 있었재임. 거기서 일했지비.", "식모 노릇을 했슴둥. 그래서 돈을 모았슴다."]
)
def test_a_verb_with_a_hamgyong_ending_is_no_name(text: str) -> None:
    from moksori.protect.detect import korean_names

    assert korean_names.detect(tokenise(text)) == []


def test_a_party_committee_s_secretary_is_a_role_not_a_name() -> None:
    from moksori.protect.detect import korean_names

    text = "그때 면당비서가 와서 말했어요."
    assert [text[s.start : s.end] for s in korean_names.detect(tokenise(text))] in ([], ["면"])
    assert roles_in(text) == ["면당비서"]


@pytest.mark.parametrize("rest", ["아바지", "이아바지", "형님", "이네", "오마니", "동지"])
def test_a_name_spreads_to_its_north_korean_kinship_forms(rest: str) -> None:
    from moksori.protect.forms import ending_ok
    from moksori.protect.spans import PiiType

    assert ending_ok("영철", rest, PiiType.PERSON)
    assert not ending_ok("철수", "했다", PiiType.PERSON)

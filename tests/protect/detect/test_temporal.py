"""Dates, ages and cohorts on small fictional sentences: exact spans and parsed info."""

from __future__ import annotations

from typing import Any

import pytest

from moksori.protect.detect import numbers, temporal
from moksori.protect.spans import PiiType, Span


def found(text: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(text[s.start : s.end], s.type.value, s.info) for s in temporal.find(text)]


def only(text: str) -> Span:
    spans = temporal.find(text)
    assert len(spans) == 1, [(text[s.start : s.end], s.type.value) for s in spans]
    return spans[0]


@pytest.mark.parametrize(
    ("text", "span", "info"),
    [
        (
            "2011년 3월 14일에 두만강을 건넜다.",
            "2011년 3월 14일",
            {"year": 2011, "month": 3, "day": 14},
        ),
        ("2011년 3월에 한국에 왔어요.", "2011년 3월", {"year": 2011, "month": 3}),
        ("11년 3월쯤이었어요.", "11년 3월", {"year": 2011, "month": 3}),
        ("서류에는 2016.8.22 로 적혀 있다.", "2016.8.22", {"year": 2016, "month": 8, "day": 22}),
        ("입국일 2016. 8. 22. 이후", "2016. 8. 22.", {"year": 2016, "month": 8, "day": 22}),
        ("입국일: 2016-08-22", "2016-08-22", {"year": 2016, "month": 8, "day": 22}),
        ("2016/8/22 에 면담", "2016/8/22", {"year": 2016, "month": 8, "day": 22}),
        ("She arrived on 14/03/2011.", "14/03/2011", {"year": 2011, "month": 3, "day": 14}),
        ("She arrived on 3/14/2011.", "3/14/2011", {"year": 2011, "month": 3, "day": 14}),
        ("He left on 3/4/2011.", "3/4/2011", {"year": 2011}),  # day and month order unknown
        (
            "They met on March 3, 2014 in Seoul.",
            "March 3, 2014",
            {"year": 2014, "month": 3, "day": 3},
        ),
        ("They met on 3 March 2014.", "3 March 2014", {"year": 2014, "month": 3, "day": 3}),
        (
            "It was the 3rd of March, 2014.",
            "the 3rd of March, 2014",
            {"year": 2014, "month": 3, "day": 3},
        ),
        ("She crossed in March 2014.", "March 2014", {"year": 2014, "month": 3}),
        ("음력 3월 5일이 생일이에요.", "음력 3월 5일", {"month": 3, "day": 5, "lunar": True}),
        ("주체98(2009)년 5월에 떠났다.", "주체98(2009)년 5월", {"year": 2009, "month": 5}),
        ("주체 98년이었어요.", "주체 98년", {"year": 2009}),
        ("90년대 초반에 고난의 행군이 있었다.", "90년대 초반", {"decade": 1990}),
        ("in the late 1990s", "1990s", {"decade": 1990}),
        ("1998~99년 사이에", "1998~99년", {"year": 1998, "year_to": 1999}),
        ("When: 2000-04-16 11:34:35", "2000-04-16 11:34:35", {"year": 2000, "month": 4, "day": 16}),
    ],
)
def test_dates(text: str, span: str, info: dict[str, Any]) -> None:
    s = only(text)
    assert (text[s.start : s.end], s.type, s.info) == (span, PiiType.DATE, info)


def test_bare_years_are_reported_with_low_confidence() -> None:
    ko = only("2014년에 왔어요.")
    en = only("She left in 2014 with her son.")
    full = only("2014년 5월 3일에 왔어요.")
    assert ko.info == en.info == {"year": 2014}
    assert max(ko.confidence, en.confidence) <= 0.5 < full.confidence


def test_two_digit_years_only_with_a_year_particle() -> None:
    assert found("97년에 두만강을 건넜고 10년 동안 숨어 살았다.") == [
        ("97년", "date", {"year": 1997})
    ]
    assert found("03년 겨울") == [("03년 겨울", "date", {"year": 2003})]


def test_relative_dates_only_with_a_month() -> None:
    text = "작년 3월에 왔고 지난해에는 일을 했다."
    [s] = temporal.find(text)
    assert (text[s.start : s.end], s.info) == ("작년 3월", {"month": 3, "relative": True})
    assert s.confidence <= 0.3


@pytest.mark.parametrize(
    "text",
    [
        "3시에 만나서 16명이 밥을 먹었다.",
        "가격은 1,500,000원, 2000원짜리도 있었다.",
        "보고서 2014쪽이 아니라 page 2014 이다.",
        "전화 010-2014-5678, 주민번호 850314-2345678",
        "메일 kim2014@example.org 과 https://example.org/2016/08/22/story",
        "차 40대가 왔고 20세기 초에 세워졌다.",
        "스무 명이 모였다.",
        "미사일 30기를 배치했다.",
        "The meeting is at 10:30 and costs $2014.",
        "Room 1999 is on the 3rd floor.",
        "My shift starts at 7 a.m. and the bus leaves at 9.",
        "The bill was twelve at the time, there were five in the group.",
    ],
)
def test_not_dates_or_ages(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "info"),
    [
        ("그때 23세였다.", "23세", {"age": 23}),
        ("23살 때 왔어요.", "23살", {"age": 23}),
        ("스물세 살에 시집갔다.", "스물세 살", {"age": 23}),
        ("스무 살 때였어요.", "스무 살", {"age": 20}),
        ("서른다섯에 남한에 왔어요.", "서른다섯", {"age": 35}),
        ("열다섯 살 먹은 아이", "열다섯 살", {"age": 15}),
        ("마흔둘에 결혼했다", "마흔둘", {"age": 42}),
        # A threshold keeps no number: "40대가 넘었다" would be false.
        ("만 40세가 넘었다.", "만 40세", {}),
        ("저는 85년생이에요.", "85년생", {"born": 1985}),
        ("1985년생 동갑", "1985년생", {"born": 1985}),
        ("85년 생이라고 했다", "85년 생", {"born": 1985}),
        ("1985년 3월 14일생", "1985년 3월 14일생", {"born": 1985}),
        ("나이는 올해 34", "34", {"age": 34}),
        ("40대 여성이 말했다.", "40대", {"band": 40, "gender": "f"}),
        ("20대 초반 남자였어요.", "20대 초반", {"band": 20, "gender": "m"}),
        ("23세 여성", "23세", {"age": 23, "gender": "f"}),
        ("a 42-year-old woman from Hyesan", "42-year-old", {"age": 42, "gender": "f"}),
        ("He is 42 years old.", "42 years old", {"age": 42}),
        ("a forty-two-year-old man", "forty-two-year-old", {"age": 42, "gender": "m"}),
        ("aged 42, she left", "42", {"age": 42}),
        ("She was in her 20s then.", "in her 20s", {"band": 20, "gender": "f"}),
        ("in his early thirties", "in his early thirties", {"band": 30, "gender": "m"}),
        ("age 23 at the time", "23", {"age": 23}),
        ("I'm 31 y/o.", "31 y/o", {"age": 31}),
        ("My brother just turned 60", "60", {"age": 60}),
        ("When I was 17, I crossed the river.", "17", {"age": 17}),
        ("My son was twelve at the time.", "twelve", {"age": 12}),
        ("when I was nine I went to the market", "nine", {"age": 9}),
        ("The smallest was a girl of seven.", "seven", {"age": 7}),
        ("I went back to school at 41.", "41", {"age": 41}),
    ],
)
def test_ages(text: str, span: str, info: dict[str, Any]) -> None:
    s = only(text)
    assert (text[s.start : s.end], s.type, s.info) == (span, PiiType.AGE, info)


def test_born_year_is_an_age_not_a_date() -> None:
    assert [t for _, t, _ in found("1985년생이고 1985년에 태어났다")] == ["age", "age"]
    assert [t for _, t, _ in found("1985년생이고 2011년에 왔다")] == ["age", "date"]


def test_band_is_less_sure_than_an_exact_age() -> None:
    assert only("40대 여성").confidence < only("43세 여성").confidence


@pytest.mark.parametrize(
    ("words", "number"),
    [("스물세", 23), ("스무", 20), ("서른", 30), ("서른다섯", 35), ("마흔 둘", 42), ("쉰넷", 54),
     ("예순", 60), ("일흔일곱", 77), ("여든", 80), ("아흔아홉", 99), ("열", 10), ("다섯", 5),
     ("하나", 1), ("세", 3), ("사과", None)],
)  # fmt: skip
def test_native_numerals(words: str, number: int | None) -> None:
    assert numbers.native_number(words) == number


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("하나원 142기로 나왔어요.", "142기"),
        ("하나원 142기 수료 후", "142기"),
        ("하나원 제142기 동기들과", "제142기"),
        ("하나원 우리 기수는 142기다.", "142기"),  # the plain written style of a diary
        ("I was in class 142 at Hanawon.", "class 142"),
        ("Hanawon's 142nd class graduated.", "142nd class"),
    ],
)
def test_cohorts(text: str, span: str) -> None:
    s = only(text)
    assert (text[s.start : s.end], s.type, s.info) == (span, PiiType.COHORT, {"cohort": 142})
    assert s.confidence >= 0.9


def test_cohort_without_hanawon_is_less_sure() -> None:
    assert only("142기 동기들").confidence < only("하나원 142기 동기들").confidence


def test_info_never_holds_the_string() -> None:
    text = "2011년 3월 14일, 스물세 살, 85년생, 하나원 142기"
    for s in temporal.find(text):
        assert all(not isinstance(v, str) or v in {"f", "m"} for v in s.info.values())


def test_detect_through_the_scanner() -> None:
    from moksori.protect.scan import detect_text

    text = "저는 85년생이고 2011년 3월에 왔어요. 전화는 010-1234-5678이에요."
    got = {(text[s.start : s.end], s.type.value) for s in detect_text(text)}
    assert {("85년생", "age"), ("2011년 3월", "date"), ("010-1234-5678", "phone")} <= got


@pytest.mark.parametrize(
    ("text", "span", "info"),
    [
        ("97년 배고플 때 동생이 죽었어요.", "97년 배고플 때", {"year": 1997}),
        (
            "1997년 고난의 행군 시기에 아버지가 돌아가셨다.",
            "1997년 고난의 행군 시기",
            {"year": 1997},
        ),
        ("고난의 행군 때 많이 죽었지.", "고난의 행군 때", {"decade": 1990}),
        ("2017년 추석에 전화를 했어요.", "2017년 추석", {"year": 2017, "holiday": True}),
        ("재작년 단오에 어머니 생각이 났어요.", "재작년 단오", {"relative": True, "holiday": True}),
        ("그 이듬해 설에 다시 건넜어.", "그 이듬해 설", {"relative": True, "holiday": True}),
        ("작년 겨울에 하나원을 나왔어요.", "작년 겨울", {"relative": True}),
        ("98년도에 처음 중국에 갔어요.", "98년도", {"year": 1998}),
        ("삼월 열이틀에 떠났어요.", "삼월 열이틀", {"month": 3, "day": 12}),
        ("정월 초하루날 어머니가 우셨다.", "정월 초하루날", {"month": 1, "day": 1}),
        ("We left in the winter of '97.", "the winter of '97", {"year": 1997}),
        (
            "At Chuseok two years later she called.",
            "Chuseok two years later",
            {"relative": True, "holiday": True},
        ),
        ("Chuseok 2017 was the last time.", "Chuseok 2017", {"year": 2017, "holiday": True}),
        ("The 1997 famine took my father.", "1997", {"year": 1997}),  # the year alone
    ],
)
def test_spoken_dates_cover_the_whole_expression(
    text: str, span: str, info: dict[str, Any]
) -> None:
    """A holiday fixes the day: the span must take it with the year, never the year alone."""
    assert (span, "date", info) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "설명을 들었어요.",
        "고난의 행군이 있었다는 건 다 알지요.",  # the famine as a topic
        "순옥 동지는 그 후에 소식이 없었다.",  # 동지 the comrade, not the solstice
    ],
)
def test_holidays_and_the_famine_alone_are_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "age"),
    [
        ("열여섯에 시집을 갔어.", "열여섯", 16),
        ("열일곱 때 처음 강을 건넜어요.", "열일곱", 17),
        ("서른일곱 살 때 국경을 넘었어요.", "서른일곱 살", 37),
        ("김순희(45) 씨가 말했다.", "45", 45),
        ("Park Min-ji, 31, left in 2015.", "31", 31),
        ("Lee Sun-hee (45) said so.", "45", 45),
        ("My sister was 19 when she crossed.", "19", 19),
        ("Her son, aged 7, stayed behind.", "7", 7),
    ],
)
def test_spoken_and_third_person_ages(text: str, span: str, age: int) -> None:
    got = [(t, kind, info.get("age")) for t, kind, info in found(text)]
    assert (span, "age", age) in got


@pytest.mark.parametrize(
    "text",
    [
        "열두 시에 만났어요.",
        "열에 아홉은 잡혔다.",
        "In March, 31, people came.",
        "Room 12, 3 beds.",
    ],
)
def test_numbers_that_are_not_ages(text: str) -> None:
    assert [k for _, k, _ in found(text) if k == "age"] == []


def test_the_famine_in_a_report_dates_no_one() -> None:
    report = "고난의 행군 시기에 많은 주민이 국경을 넘었다. 식량 배급은 중단되었다. " * 10
    assert [t for t, _, _ in found(report) if "행군" in t] == []
    assert ("고난의 행군 때", "date", {"decade": 1990}) in found("제가 고난의 행군 때 떠났어요.")


@pytest.mark.parametrize(
    ("text", "span", "age"),
    [
        ("She was only seventeen when she was sold.", "seventeen", 17),
        ("My younger brother was 12 at the time.", "12", 12),
        ("His wife, then 28, stayed in Musan.", "28", 28),
        ("My grandmother, who was 80, could not walk.", "80", 80),
        ("My husband is 45 now.", "45", 45),
    ],
)
def test_english_third_person_ages(text: str, span: str, age: int) -> None:
    got = [(t, kind, info.get("age")) for t, kind, info in found(text)]
    assert (span, "age", age) in got


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("97년 그 배고픈 시절에 아버지가 돌아가셨어요.", "97년 그 배고픈 시절"),
        ("98년도 고난의 행군 끝날 무렵에 나왔어요.", "98년도 고난의 행군 끝날 무렵"),
        ("고난의 행군이 한창일 때 저는 열 살이었어요.", "고난의 행군이 한창일 때"),
        ("96년 큰물 피해 때 집이 떠내려갔어요.", "96년 큰물 피해 때"),
        ("그 다음해 단오날 다시 만났어요.", "그 다음해 단오날"),
        ("2009년 음력설에 강을 건넜어요.", "2009년 음력설"),
    ],
)
def test_more_spoken_dates(text: str, span: str) -> None:
    assert span in [t for t, kind, _ in found(text) if kind == "date"]


def test_a_holiday_alone_is_proposed_weakly_in_testimony_only() -> None:
    [span] = [s for s in temporal.find("설날 아침에 떠났어요.") if s.type == PiiType.DATE]
    assert span.confidence < 0.5 and span.info == {"holiday": True}
    report = "명절에는 추석과 설날이 있다. 주민들은 추석에 성묘를 한다. " * 20
    assert [t for t, kind, _ in found(report) if kind == "date"] == []


@pytest.mark.parametrize(
    ("text", "span", "age"),
    [
        ("오십 넘어서 탈북했어요.", "오십", None),  # a threshold: no decade to state
        ("사십삼 살에 왔어요.", "사십삼", 43),
        ("그때 내 나이 스물하나였어요.", "스물하나", 21),
        ("딸은 올해 열둘이에요.", "열둘", 12),
    ],
)
def test_sino_and_native_ages(text: str, span: str, age: int | None) -> None:
    got = [(t, kind, info.get("age")) for t, kind, info in found(text)]
    assert (span, "age", age) in got


def test_sino_numbers_that_are_not_ages() -> None:
    assert [k for _, k, _ in found("오십 명이 왔어요. 삼십 분 기다렸어요.") if k == "age"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("She flew to Yanji on Tuesday morning.", "Tuesday"),
        ("We'll meet Monday at the station.", "Monday"),
        ("월요일 아침에 떠났어요.", "월요일 아침"),
    ],
)
def test_a_weekday_is_a_weak_date(text: str, span: str) -> None:
    [s] = [s for s in temporal.find(text) if s.type == PiiType.DATE]
    assert text[s.start : s.end] == span and s.confidence < 0.5 and s.info == {"weekday": True}


@pytest.mark.parametrize(
    "text", ["Every Monday we met.", "Sundays were quiet.", "매주 월요일마다 모였어요."]
)
def test_habits_are_not_dates(text: str) -> None:
    assert [s for s in temporal.find(text) if s.type == PiiType.DATE] == []


def test_counts_in_brackets_are_not_ages() -> None:
    """A report counts people: "남성(45), 여성(38)" are group sizes, not ages."""
    assert [k for _, k, _ in found("남성(45), 여성(38)이 참여했다.") if k == "age"] == []


@pytest.mark.parametrize(
    "text", ["97년 그때 나왔어요.", "97년엔 다 굶었지.", "97년인데 기억이 나요."]
)
def test_a_two_digit_year_said_as_a_time(text: str) -> None:
    assert ("97년", "date", {"year": 1997}) in found(text)


@pytest.mark.parametrize("text", ["20년이 지나서 왔어요.", "10년 동안 살았어요."])
def test_a_two_digit_duration_is_no_year(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "info"),
    [
        ("그 선생님은 김일성 사망 때 우리를 데리고 갔어요.", "김일성 사망", {"decade": 1990}),
        ("떠난 건 화폐개혁 이듬해였어요.", "화폐개혁 이듬해", {}),
        ("할아버지는 6.25 때 전사하셨어요.", "6.25", {"decade": 1950}),
        ("그해 음력 삼월에 돌아가셨어요.", "음력 삼월", {"lunar": True}),
        ("중학교 4학년 때 단속이 심했어요.", "중학교 4학년", {"relative": True}),
        ("그때가 98년이에요.", "98년", {"year": 1998}),
        ("고난의 행군 끝물이디.", "고난의 행군 끝물", {"decade": 1990}),
        ("이듬해 모내기 때 혜산으로 갔어요.", "이듬해 모내기 때", {"relative": True}),
        ("2005년 김장철에 다리를 다쳤어요.", "2005년 김장철", {"year": 2005}),
        ("저는 병오년생, 말띠예요.", "병오년", {}),
        ("I left the year after the currency reform.", "year after the currency reform",
         {"relative": True}),
        ("I was eleven the year the leader died.", "year the leader died", {"relative": True}),
        ("We crossed in the seventh lunar month.", "seventh lunar month", {"relative": True}),
        ("He was arrested the winter before last.", "winter before last", {"relative": True}),
        ("I was released in June that year.", "June that year", {"relative": True}),
        ("He lost everything in the currency reform.", "currency reform", {"relative": True}),
    ],
)  # fmt: skip
def test_dates_said_by_events_lunar_months_and_school_years(
    text: str, span: str, info: dict[str, Any]
) -> None:
    assert (span, "date", info) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "화폐개혁은 2009년 11월에 있었다. 화폐개혁은 시장을 흔들었다. " * 8,  # history
        "The currency reform of 2009 is well documented. " * 8,
        "그 병은 10년이에요.",
    ],
)
def test_events_as_history_and_durations_are_not_dates(text: str) -> None:
    assert [f for f in found(text) if f[1] == "date" and "2009" not in f[0]] == []


@pytest.mark.parametrize(
    ("text", "span", "age"),
    [
        ("련락이 왔는데, 마흔하나라고 하더구만.", "마흔하나", 41),
        ("지금은 열여섯이 됐을 거예요.", "열여섯", 16),
        ("그해 어머니가 쉰이셨어요.", "쉰", 50),
        ("어머니는 서른이셨어요.", "서른", 30),
        ("You must be twenty-one now.", "twenty-one", 21),
        ("My grandmother lived to 85.", "85", 85),
        ("She was ten the year of liberation.", "ten", 10),
    ],
)
def test_ages_said_with_a_copula_a_modal_or_a_death(text: str, span: str, age: int) -> None:
    assert (span, "age", {"age": age}) in found(text)


@pytest.mark.parametrize(
    "text",
    ["쉰 목소리로 말했어요.", "김치가 쉬어서 쉰 냄새가 났다.", "The shop lived to see 1999."],
)
def test_stale_voices_and_years_are_no_ages(text: str) -> None:
    assert [f for f in found(text) if f[1] == "age"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("풀려나고 보름 뒤에 어머니가 왔어요.", "보름 뒤에"),
        ("석 달 만에 풀려났어요.", "석 달 만에"),
        ("2015년 청명 무렵에 잡혔어요.", "2015년 청명 무렵"),
        ("I was nine the summer my father died.", "summer my father died"),
    ],
)
def test_relative_days_holidays_and_family_events(text: str, span: str) -> None:
    assert span in [f[0] for f in found(text) if f[1] == "date"]


def test_a_duration_of_months_is_no_date() -> None:
    assert [f for f in found("석 달을 거기 있었어요.") if f[1] == "date"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("A young miner, Ok Chon-su, only 22; his mother came.", "22"),
        ("I was nine the summer my father died.", "nine"),
    ],
)
def test_ages_after_only_and_before_a_season(text: str, span: str) -> None:
    assert span in [f[0] for f in found(text) if f[1] == "age"]


def test_the_first_full_moon_of_a_year_is_a_holiday_date() -> None:
    text = "The police came the day after the first full moon of 2008."
    assert "the day after the first full moon of 2008" in [f[0] for f in found(text)]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("설 쇠고 나서 바로 우리 집에 왔어요.", "설 쇠고 나서", "date"),
        ("그때 우리 딸이 돌이었어요.", "돌", "age"),
        ("Our daughter had just had her first birthday.", "her first birthday", "age"),
        ("I was a squad leader, twenty-three years of age.", "twenty-three years of age", "age"),
    ],
)
def test_new_year_kept_first_birthdays_and_years_of_age(text: str, span: str, kind: str) -> None:
    assert span in [f[0] for f in found(text) if f[1] == kind]


def test_a_stone_is_no_first_birthday() -> None:
    assert [f for f in found("돌을 던졌어요. 돌이 많았어요.") if f[1] == "age"] == []


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("큰물 난 해 가을에 그 아바이가 죽었시오.", "큰물 난 해 가을", "date"),
        ("그 사람이 김정은이 나오던 해에 올라갔어요.", "김정은이 나오던 해", "date"),
        ("In the year the young general appeared he was promoted.",
         "year the young general appeared", "date"),
        ("지금 막내가 열다섯인데 중학교 2학년이에요.", "중학교 2학년", "date"),
        ("지금 막내가 열다섯인데 중학교 2학년이에요.", "열다섯", "age"),
    ],
)  # fmt: skip
def test_flood_years_a_successor_and_school_years_said_plainly(
    text: str, span: str, kind: str
) -> None:
    assert span in [f[0] for f in found(text) if f[1] == kind]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("스물일곱 되던 해 양력설에 떠났어요.", "양력설", "date"),
        ("올봄에 브로커 통해서 돈을 보냈어요.", "올봄", "date"),
        ("우리 할매는 해방 전해에 나셨대요.", "해방 전해", "date"),
        ("할배는 그 이태 뒤에 돌아가셨어요.", "이태 뒤에", "date"),
        ("I left on New Year's Day that year.", "New Year's Day", "date"),
        ("I sent her money this spring.", "this spring", "date"),
        ("She was born the year before liberation.", "year before liberation", "date"),
        ("She died early in the famine.", "early in the famine", "date"),
        ("She was ten the year of liberation.", "year of liberation", "date"),
        ("My mother-in-law is seventy-eight and kind.", "seventy-eight", "age"),
    ],
)
def test_new_year_seasons_liberation_and_in_laws(text: str, span: str, kind: str) -> None:
    assert span in [f[0] for f in found(text) if f[1] == kind]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("결혼한 지 삼 년째 되던 해에 공안이 왔어요.", "결혼한 지 삼 년째 되던 해"),
        ("지난 설에도 떡을 보내 줬어요.", "지난 설"),
    ],
)
def test_years_counted_from_a_life_event_and_the_last_holiday(text: str, span: str) -> None:
    assert span in [f[0] for f in found(text) if f[1] == "date"]

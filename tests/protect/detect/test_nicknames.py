"""Nicknames in fictional testimony: a noun used as a name or before a term of address."""

from __future__ import annotations

import pytest

from moksori.protect.detect import nicknames
from moksori.protect.scan import SPREAD_CONFIDENCE, detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def found(text: str) -> dict[str, float]:
    out = {}
    for s in nicknames.detect(tokenise(text)):
        assert s.type == PiiType.PERSON and s.detector == nicknames.NAME
        out[text[s.start : s.end]] = s.confidence
    return out


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("뚱보 아줌마가 우리를 숨겨 줬어요.", "뚱보 아줌마"),
        ("안경 아저씨는 중국말을 잘했어요.", "안경 아저씨"),
        ("꺽다리 언니가 제일 먼저 잡혔어.", "꺽다리 언니"),
        ("향미 할매가 우리를 키웠어요.", "향미 할매"),
        ('"곰"이 왔다.', "곰"),
        ("우리는 그를 '여우'라고 불렀다.", "여우"),
        ("다들 족제비라고 불렀어요.", "족제비"),
        ('그 사람을 다들 "두꺼비"라고 했어.', "두꺼비"),
        ("별명이 곰이었어요.", "곰"),
        ("우리는 그를 여우라고 했어요.", "여우"),
        ("그 아바이를 너구리라고 하더라구요.", "너구리"),
        ("빨간모자 아줌마가 표를 팔았어요.", "빨간모자 아줌마"),
        ("곰보 아저씨네 집에 숨었어요.", "곰보 아저씨"),
        ("We called him the Bear.", "Bear"),
        ("We called the broker the Bear; I never learned his name.", "Bear"),
        ("A man everyone called Fox helped us across.", "Fox"),
        ("He was nicknamed Tiger by the guards.", "Tiger"),
    ],
)
def test_nicknames_are_found(text: str, nick: str) -> None:
    assert nick in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "아줌마가 밥을 줬어요.",  # a term of address alone
        "옆집 아줌마가 신고를 했어요.",  # where she lives, not who she is
        "사촌 언니는 중국에 있어요.",
        "조선족 아줌마가 도와줬어요.",
        "연길 아줌마가 전화했어요.",  # a place: the place detector's
        "형편이 어려웠어요.",  # 형 inside another word
        "오라고 불렀어요.",  # "called (him) to come"
        "그것을 사랑이라고 했다.",  # a thing, not a person, is what was called so
        "그를 만나라고 했어요.",  # "told (me) to meet him"
        "'꽃제비'가 되었다.",  # a label for a kind of person
        "젊은 아줌마가 왔어요.",  # an adjective, not a name
        '"삼촌"이 왔어요.',  # a quoted term of address, not said to be a name
        # Said to be a name, still not: accepted, every uncle in the project would be hidden.
        '우리는 그 브로커를 "삼촌"이라고 불렀어요.',
        "The bear came out of the forest.",
        "They called the police.",
    ],
)
def test_ordinary_words_are_not_nicknames(text: str) -> None:
    assert found(text) == {}


def test_a_noun_before_a_term_of_address_is_shown_but_not_spread() -> None:
    conf = found("국수집 아줌마가 밥을 줬지.")
    assert conf and max(conf.values()) < SPREAD_CONFIDENCE


def test_a_name_said_to_be_what_someone_was_called_spreads() -> None:
    text = "다들 족제비라고 불렀어요. 족제비가 또 왔대요."
    got = [text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON]
    assert got.count("족제비") == 2


def test_an_english_nickname_of_two_words() -> None:
    assert "Auntie Fatso" in found("The woman we called Auntie Fatso ran the inn.")


@pytest.mark.parametrize(
    "text",
    [
        "양우석 감독의 영화 '변호인'이 개봉했다.",  # a quoted title
        "오는 27일 방송되는 '무한도전'은 특집이다.",
        "사고 당시 태풍 '갈매기'가 접근하고 있었다.",
        "그추운 얼음바다라 불리우는 차다를 걸었다.",  # a thing "called" something
        "위안부 할머니들의 미술작품을 판다.",
    ],
)
def test_quoted_titles_and_named_things_are_not_nicknames(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "nick"),
    [
        ("련락원이 있었슴다. 꼬맹이라고, 키가 작은 총각이.", "꼬맹이"),
        ("마누라는 옥분이라고, 태천 사람이었는데 먼저 죽었시오.", "옥분"),
        ("털보 아저씨가 길을 알았어요. 수염이 많아서 털보예요.", "털보"),
        ("우리 반에 별명이 다 있었어요. 저는 콩나물이었어요.", "콩나물"),
        ("A short young man, Shorty, drove us to the station.", "Shorty"),
    ],
)
def test_a_name_said_then_glossed(text: str, nick: str) -> None:
    assert found(text).get(nick) == nicknames.CONF_CALLED


@pytest.mark.parametrize(
    "text",
    [
        "그게 문제라고, 모든 사람이 말했어요.",
        "배가 고파서 밥이에요.",  # a gloss of no nickname found elsewhere
        "저는 학생이었어요. 별명은 없었어요.",  # no nickname spoken of before
        "A tall young man, Kim, was there.",  # a romanised name: the names detector's
    ],
)
def test_glosses_of_no_nickname(text: str) -> None:
    got = found(text)
    assert not {k for k, v in got.items() if v >= nicknames.CONF_CALLED} - {"Kim"}


def test_a_nickname_with_its_term_and_copula_then_glossed() -> None:
    got = found("여맹위원장이 까치 할매였어요. 말이 많아서 까치.")
    assert got.get("까치 할매") == nicknames.CONF_ADDRESS
    assert got.get("까치") == nicknames.CONF_CALLED


def test_a_word_said_as_what_a_broker_was_called_is_a_nickname() -> None:
    text = "답변: 저를 넘겨준 건 까마귀라는 브로커였어요."
    assert "까마귀" in [text[s.start : s.end] for s in nicknames.detect(tokenise(text))]

"""Issue 19: compound and auxiliary verbs under their parts, compounds written together
or apart in either spelling, verb queries that never match the bare noun, proper nouns
kept whole, and irregular English forms. Fictional testimony throughout."""

from __future__ import annotations

import sqlite3

import pytest

from moksori.korean.terms import EXTRA_SEPARATOR, index_terms, phrase_terms, query_terms
from moksori.store.query import compile_fts, parse


def match(query: str, texts: list[str]) -> list[int]:
    """Indices of the texts the query finds, through a real FTS5 table as the store has."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(terms)")
    db.executemany("INSERT INTO t(rowid, terms) VALUES (?, ?)", enumerate(index_terms(texts)))
    compiled = compile_fts(parse(query).tree, query_terms, phrase_terms)
    assert compiled.match is not None
    rows = db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (compiled.match,))
    return [int(r[0]) for r in rows]


def terms(text: str) -> set[str]:
    return set(index_terms([text])[0].split()) - {EXTRA_SEPARATOR}


HELPED = [
    "브로커가 손을 잡고 도와줬어요.",  # 0 joined 도와주다
    "선생님이 매일 와서 도와 주셨어요.",  # 1 spaced 도와 주다
    "어머니를 도와드렸어요.",  # 2 도와드리다
    "도움이 많이 필요했어요.",  # 3 the noun 도움
    "이웃이 우리를 도왔습니다.",  # 4 plain 돕다
]


def test_a_compound_verb_is_indexed_under_its_parts() -> None:
    assert {"도와주다", "돕다", "주다"} <= terms(HELPED[0])
    assert {"찾아가다", "찾다", "가다"} <= terms("교수님께 찾아가서 물어봤어요.")
    assert {"살아남다", "살다"} <= terms("그분 아니었으면 살아남지 못했을 거예요.")


def test_the_verb_finds_its_compounds_and_a_compound_only_itself() -> None:
    assert match("돕다", HELPED) == [0, 1, 2, 4]
    assert match("도와주다", HELPED) == [0, 1]
    assert match("도와줬어요", HELPED) == [0, 1]
    assert match("도와드리다", HELPED) == [2]


def test_a_verb_and_its_auxiliary_typed_apart_are_one_query_term() -> None:
    texts = [
        "사촌이 돈을 보내 줘서 살았어요.",
        "돈은 브로커 통해서 보냅니다.",
        "일해 줬슴다.",
        "일합니다.",
    ]
    assert match("보내 주다", texts) == [0]
    assert match("일해 주다", texts) == [2]
    compiled = compile_fts(parse("혜산 두만강").tree, query_terms, phrase_terms)
    assert compiled.match == '("혜산" AND "두만강")'  # two nouns stay two words


def test_a_verb_query_never_matches_the_bare_noun() -> None:
    texts = ["일 년에 한 번 보내요.", "식당에서 일했어요.", "공부가 어려웠어요.", "공부했어요."]
    assert query_terms("일하다") == ["일하다"]
    assert match("일하다", texts) == [1]
    assert match("공부하다", texts) == [3]
    assert match("공부", texts) == [2, 3]  # a noun query does want its -하다 verb


def test_a_proper_noun_stays_whole() -> None:
    texts = [
        "하나원에서 석 달 있었어요.",
        "하나도 몰랐어요.",
        "하나센터 선생님이요.",
        "하나 센터에 갔어요.",
    ]
    assert query_terms("하나원") == ["하나원"]
    assert match("하나원", texts) == [0]
    assert match("하나센터", texts) == [2, 3]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("노동단련대", "로동 단련대에 넉 달 갔소."),
        ("노동단련대", "노동단련대로 갔어요."),
        ("로동단련대", "노동단련대에 여섯 달 있었습니다."),
        ("노동신문", "아침마다 로동신문을 읽었소."),
        ("로동신문", "노동 신문을 봤어요."),
        ("직업훈련", "직업 훈련을 받았어요."),
        ("학교", "고등중학교까지 다녔어요."),
        ("연락", "북쪽 연락책이 잡혔어요."),
    ],
)
def test_a_compound_finds_its_split_form_and_other_spelling(query: str, text: str) -> None:
    assert match(query, [text]) == [0]


def test_a_compound_query_wants_the_compound_not_a_part_alone() -> None:
    assert match("노동단련대", ["단련대에 갔어요.", "노동이 힘들었어요."]) == []
    assert match("어머니", ["어머님은 언제 오셨어요?"]) == []


def test_a_three_syllable_word_is_split_only_into_nouns_as_written() -> None:
    assert match("고양", ["고양이가 울었어요.", "고양에 살아요."]) == [1]  # the city
    assert "아버" not in terms("아버지가 돌아가셨어요.")
    assert "인정" not in terms("로인정에 가면")  # 노(prefix) + 인정 is a misreading,
    assert match("노인", ["로인정에 가면 할매들이 있소."]) == [0]  # 노인 + 정 is not
    assert "회사" in terms("회사원이에요.")


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("힘들다", "힘드시면 말씀하세요."),
        ("살다", "혼자 사세요?"),
        ("지었어요", "창고를 짓슴다."),
        ("아이", "아이가 학교에 다녀요."),
        ("받다", "한 달 조사받고 나왔어요."),
        ("만들다", "어머니가 직접 옷을 만드셨어요."),  # Kiwi: 만들/VX with no verb before
        ("알다", "혹시 그 사람을 아세요?"),  # Kiwi: 아/IC + 세요
    ],
)
def test_irregular_and_honorific_forms(query: str, text: str) -> None:
    assert match(query, [text]) == [0]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("leave", "We left at night."),
        ("left", "They were leaving the village."),
        ("child", "The children's clothes were thin."),
        ("children", "Each child got a bowl."),
        ("teach", "She taught us to read."),
        ("pay", "We paid the broker twice."),
        ("sell", "My aunt sold rice."),
        ("catch", "The guards caught my brother."),
        ("hide", "We hid in a barn."),
        ("send", "My son sent money."),
        ("Hana Center", "I went to the Hana Centre."),
    ],
)
def test_irregular_english_forms(query: str, text: str) -> None:
    assert match(query, [text]) == [0]


def test_left_as_a_direction_is_not_leave() -> None:
    texts = ["Turn at the left side of the road.", "We left the house.", "my left hand hurt"]
    assert match("leave", texts) == [1]
    assert match("grandchildren", ["The children played."]) == []

"""Korean person names in fictional interview sentences (South and North Korean spellings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moksori.protect.detect import korean_names
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise

KLUE_DEV = (
    Path(__file__).resolve().parents[4] / "shared/data/klue-ner/klue-ner-v1.1_dev.spans.jsonl"
)


def names(text: str) -> dict[str, float]:
    """Each reported person string with its confidence; spans checked against the text."""
    out: dict[str, float] = {}
    for s in korean_names.detect(tokenise(text)):
        assert s.type == PiiType.PERSON and s.detector == korean_names.NAME
        assert 0 <= s.start < s.end <= len(text)
        out[text[s.start : s.end]] = s.confidence
    return out


def span_of(text: str, name: str) -> tuple[int, int]:
    i = text.index(name)
    return i, i + len(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("탈북민 김순희 씨는 2011년에 두만강을 건넜어요.", "김순희"),
        ("리철수 동무가 우리 작업반장이었어요.", "리철수"),
        ("로은별이 그러더라고요, 배가 고프다고.", "로은별"),
        ("참가자 이영호는 청진에서 왔다고 했다.", "이영호"),
        ("그때 어머니 박옥순이 많이 아프셨어요.", "박옥순"),
        ("남궁민수 선생님이 우리 반 담임이었지요.", "남궁민수"),
        ("류정숙 할머니가 국경까지 데려다주셨어요.", "류정숙"),
        ("순희 언니가 매일 밥을 해줬어요.", "순희"),
        ("선교사 최동혁 목사님을 연길에서 만났어요.", "최동혁"),
    ],
)
def test_finds_names_with_code_point_spans(text: str, name: str) -> None:
    spans = korean_names.detect(tokenise(text))
    assert span_of(text, name) in {(s.start, s.end) for s in spans}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("아들 철호는 스물한 살에 군대에 갔어요.", "철호"),  # role word, then a given name
        ("우리 동네 춘옥이네 집은 장터 옆이었어요.", "춘옥"),  # name suffix 이 + 네
        ("한국 이름은 이수정인데 영어 이름을 더 좋아했어요.", "이수정"),  # 이/MM 수정/NNG
        ("방송에서 오세련씨때문에 한참 웃었어요.", "오세련"),  # 씨 glued, then more
        ("조윤숙이란 배우 때문에 그 영화를 봤다.", "조윤숙"),  # copula ending 이란
    ],
)
def test_given_and_unknown_names_by_their_shape(text: str, name: str) -> None:
    assert name in names(text)


def test_surname_alone_refers_back_to_a_full_name() -> None:
    text = "목사님이 한경수 목사님인데 처음에 한 목사님이 김치를 갖다 주셨어요."
    assert "한" in names(text)
    # Without the full name, 한 목사님 is "a pastor".
    assert "한" not in names("처음에 한 목사님이 김치를 갖다 주셨어요.")


@pytest.mark.parametrize(
    "text",
    [
        "조선족 아줌마가 도와줬고 한족 남자랑 살았어요.",
        "손전화로 연락하고 장마당에서 팔았어요.",
        "정착금을 받고 카톡이랑 위챗으로 연락해요. 아들 인스타가 있어요.",
        "형사가 왔어요. 북송되면 안 되니까 한국어를 배웠어요.",
        "수남시장이라고 거기서 어머니가 장사를 하셨어요.",
        "선생님 이메일이 있었는데 우리 오마니는 몰랐어요.",
    ],
)
def test_everyday_words_of_migrants_are_not_persons(text: str) -> None:
    assert names(text) == {}


def test_confidence_grows_with_evidence() -> None:
    text = "탈북민 김순희 씨는 말했다. 김순희는 웃었다."
    spans = {(s.start, s.end): s.confidence for s in korean_names.detect(tokenise(text))}
    first = text.index("김순희")
    second = text.index("김순희", first + 1)
    assert spans[(first, first + 3)] >= 0.9
    assert spans[(first, first + 3)] > spans.get((second, second + 3), 0.0)


def test_surname_with_honorific_is_a_person() -> None:
    text = "박 씨와 최 할머니가 도와줬고 김씨는 망을 봤어요."
    found = names(text)
    assert {"박", "최", "김"} <= set(found)


def test_demonstratives_before_titles_are_not_surnames() -> None:
    # 이 할머니 = "this grandmother", 전 대통령 = "the former president"
    assert names("이 할머니가 전 대통령 이야기를 하셨어요.") == {}


def test_gender_hint_from_kinship_cue() -> None:
    text = "리영옥 언니가 먼저 떠났어요."
    spans = korean_names.detect(tokenise(text))
    hit = [s for s in spans if (s.start, s.end) == span_of(text, "리영옥")]
    assert hit and hit[0].info == {"gender": "f"}


@pytest.mark.parametrize(
    "text",
    [
        "우리는 평양에서 중국 연길로 갔어요. 하나원에서 교육을 받았어요.",
        "함경북도 회령시에서 태어나 대동강 근처에서 일했어요.",
        "정부가 주민들에게 배급을 주지 않았습니다.",
        "이사장이 회의에서 김치찌개를 먹자고 했어요.",
        "한국 사람들은 친절했고 회사 사장도 좋았어요.",
        "선생님께서 고향 이야기를 물어보셨어요.",
    ],
)
def test_places_and_common_words_are_not_persons(text: str) -> None:
    assert names(text) == {}


def test_generic_role_words_are_not_reported() -> None:
    found = names("면담자가 묻자 참여자는 어머니와 할머니 이야기를 했다.")
    assert not {"면담자", "참여자", "어머니", "할머니"} & set(found)


@pytest.mark.skipif(not KLUE_DEV.exists(), reason="KLUE NER dev set not in /work/shared/data")
def test_klue_person_recall_on_a_sample() -> None:
    rows = [json.loads(line) for line in KLUE_DEV.read_text(encoding="utf-8").splitlines()[:300]]
    from moksori.protect.tokenised import tokenise_all

    gold = found = 0
    for row, tokenised in zip(rows, tokenise_all([r["text"] for r in rows]), strict=True):
        spans = korean_names.detect(tokenised)
        for e in row["entities"]:
            if e["label"] != "PS" or not any("\uac00" <= c <= "\ud7a3" for c in e["text"]):
                continue
            gold += 1
            found += any(s.start < e["end"] and e["start"] < s.end for s in spans)
    assert gold > 100
    assert found / gold >= 0.85


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("영철이 형이 먼저 강을 건넜어요.", "영철"),
        ("복순이 언니는 장마당에서 국수를 팔았지.", "복순"),
        ("순남이 오빠가 보위부에 끌려갔어요.", "순남"),
        ("춘식이 삼촌은 중국에서 잡혔어.", "춘식"),
        ("명옥이 에미나이가 제일 먼저 갔지.", "명옥"),
        ("영철 형은 그때 군대에 있었어요.", "영철"),
        ("명숙 이모가 우리를 데리고 갔지요.", "명숙"),
        ("광철 동무가 작업반장이었어요.", "광철"),
        ("옥희 아매가 돌아가셨어.", "옥희"),
        ("금철 아바이가 말했시오.", "금철"),
    ],
)
def test_kinship_and_familiar_forms_give_the_name_without_its_familiar_i(
    text: str, name: str
) -> None:
    """One rule: the span is the name, so "영철이 형" and "영철 형" are the same string."""
    assert name in names(text)
    assert name + "이" not in names(text)


def test_a_place_name_used_as_a_given_name_before_a_kinship_word_is_a_person() -> None:
    from moksori.protect.detect import places

    text = "경남이 아바이는 탄광에서 일했어요."
    assert "경남" in names(text)
    assert [s for s in places.detect(tokenise(text)) if s.type == PiiType.PLACE] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("은별이가 보고 싶어요.", "은별"),
        ("명철이랑 같이 강을 건넜어요.", "명철"),
        ("철민이는 군대에 갔어요.", "철민"),
        ("은정이도 같이 왔어요.", "은정"),
    ],
)
def test_a_given_name_with_the_familiar_i_and_a_particle(text: str, name: str) -> None:
    """The same rule as before a kinship word: the span is the name, never its 이."""
    assert name in names(text)
    assert name + "이" not in names(text)


@pytest.mark.parametrize(
    "text", ["동생이가 왔어요.", "고양이가 왔어요.", "책상이랑 의자를 샀어요.", "바람이가 불어."]
)
def test_dialect_double_subjects_and_common_nouns_are_not_names(text: str) -> None:
    assert names(text) == {}


def test_a_city_that_starts_with_a_surname_and_an_honorific_is_not_a_name() -> None:
    """심양은: the city (Shenyang), not 심 양 (Miss Sim); 박양이 is still Miss Park."""
    assert names("심양은 너무 추웠어요.") == {}
    assert names("심양에서 일했다.") == {}
    assert "박" in names("박양이 왔어요.")


def test_numbers_said_in_words_are_no_names() -> None:
    """백 and 공 are surnames, but 백팔십 and 공일공 are numbers read out."""
    got = names("월급은 백팔십만 원이었어요. 번호는 공일공 칠칠사일 구이영삼이에요.")
    assert not {n for n in got if n.startswith(("백팔", "공일"))}
    assert "오일남" in names("오일남 씨가 왔어요.")


def test_a_town_before_a_word_of_home_is_no_name() -> None:
    """정 is a surname, but "정주 외갓집" is the grandparents' home in the town of 정주."""
    assert "정주" not in names("딸내미 숙향이는 정주 외갓집에 맡기고 나 혼자 나왔시오.")
    assert "김정주" in names("김정주 씨가 왔어요.")


def test_a_syllable_inside_a_title_is_no_surname() -> None:
    """Kiwi may read 여/맹/위원장: 맹 before the title is the women's union, not Mr 맹."""
    assert "맹" not in names("우리 동네 여맹위원장이 까치 할매였어요.")
    assert "김" in names("김씨가 왔어요.")

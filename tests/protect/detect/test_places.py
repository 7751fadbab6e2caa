"""Places, addresses and postcodes on small fictional testimony."""

from __future__ import annotations

from moksori.protect.detect import places
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import tokenise


def _found(text: str, kind: PiiType = PiiType.PLACE) -> list[str]:
    return [text[s.start : s.end] for s in places.detect(tokenise(text)) if s.type == kind]


def _spans(text: str) -> list[Span]:
    return places.detect(tokenise(text))


def test_multilevel_sequence_is_one_span_with_province() -> None:
    text = "저는 함경북도 무산군 무산읍에서 태어났어요."
    spans = [s for s in _spans(text) if s.type == PiiType.PLACE]
    assert [text[s.start : s.end] for s in spans] == ["함경북도 무산군 무산읍"]
    assert spans[0].info["province"] == "함경북도"
    assert spans[0].info["country"] == "KP"


def test_unspaced_units_and_north_korean_units() -> None:
    text = "양강도혜산시 혜장동에 살다가 회령시 유선노동자구로 이사했다."
    found = _found(text)
    assert "양강도혜산시 혜장동" in found
    assert "회령시 유선노동자구" in found


def test_bare_names_with_particles_and_a_list_stays_split() -> None:
    text = "혜산에서 살다가 연길로 갔고, 단둥, 심양을 거쳐 라오스로 갔어요."
    assert _found(text) == ["혜산", "연길", "단둥", "심양", "라오스"]


def test_common_words_are_not_places() -> None:
    text = "과일을 사러 연탄 가게에 갔다. 운전 위원 동창 신원 세포. 활동과 운동, 관리가 필요하다."
    assert _found(text) == []


def test_ambiguous_name_needs_place_context() -> None:
    assert _found("계획이 무산됐다.") == []
    assert _found("저는 무산 출신입니다.") == ["무산"]
    assert _found("무산에서 왔어요.") == ["무산"]


def test_korean_addresses_and_postcode() -> None:
    text = "주소는 서울특별시 양천구 목동동로 233, 한빛아파트 101동 1203호입니다. 우편번호 07995"
    assert "서울특별시 양천구" in _found(text)
    addresses = _found(text, PiiType.ADDRESS)
    assert any("목동동로 233" in a and "1203호" in a for a in addresses)
    assert _found(text, PiiType.POSTCODE) == ["07995"]


def test_lot_address_and_inminban() -> None:
    text = "신정동 123-45에 살았고, 북에서는 혜장동 27인민반이었어요."
    addresses = _found(text, PiiType.ADDRESS)
    assert "신정동 123-45" in addresses
    assert any("27인민반" in a for a in addresses)


def test_direction_is_not_a_road() -> None:
    assert _found("서울로 3시간 걸렸다.", PiiType.ADDRESS) == []


def test_english_places_and_romanisations() -> None:
    text = "I was born in Musan County and moved to Seoul. We crossed near Hoeryong, then Yanji."
    found = _found(text)
    assert found == ["Musan County", "Seoul", "Hoeryong", "Yanji"]
    spans = [s for s in _spans(text) if s.type == PiiType.PLACE]
    assert spans[0].info["province"] == "함경북도"


def test_english_common_words_are_not_places() -> None:
    assert _found("Nice to meet you. The turkey was cold.") == []
    assert _found("We stayed in Nice.") == ["Nice"]


def test_english_contextual_places() -> None:
    text = "Mr. Vale flew to KORVALLA on Monday. She lives in Brindlewood County now."
    found = _found(text)
    assert "KORVALLA" in found
    assert "Brindlewood County" in found


def test_english_addresses_and_postcodes() -> None:
    text = (
        "She lives at 12 Baker Street, London NW1 6XE. Send it to Apt 4B, 500 W 5th Ave, NY 10001."
    )
    addresses = _found(text, PiiType.ADDRESS)
    assert "12 Baker Street" in addresses
    assert any("500 W 5th Ave" in a for a in addresses)
    assert _found(text, PiiType.POSTCODE) == ["NW1 6XE", "10001"]


def test_offsets_are_code_points() -> None:
    text = "😀 청진에서 왔습니다."
    spans = [s for s in _spans(text) if s.type == PiiType.PLACE]
    assert [(s.start, s.end) for s in spans] == [(2, 4)]


def test_hanja_places_and_glossed_transliterations() -> None:
    assert _found("그는 北京에 갔다.") == ["北京"]
    text = "중국 베이징(北京)에서 만났고, 푸저우(福州)시 민허우(閩侯)현 도심을 지났다."
    found = _found(text)
    assert "중국 베이징(北京)" in found
    assert any("민허우(閩侯)현" in f for f in found)
    # A hanja gloss on a person is not a place.
    assert not any("後藤" in f for f in _found("고토 겐지(後藤健二) 씨를 만났다."))


def test_sites_by_their_last_word_and_landmarks() -> None:
    found = _found("타흐리르 광장과 대통령궁 주변, 그리고 마우나리조트에서 모였다.")
    assert "대통령궁" in found and "마우나리조트" in found
    assert _found("국회에서 설명회를 열었다.") == ["국회"]
    assert _found("국회가 법을 통과시켰다.") == []
    assert _found("경비정이 NLL을 넘었다.") == ["NLL"]
    assert _found("자궁 검사를 받았다.") == []


def test_place_glued_to_a_noun_and_topic_context() -> None:
    assert "미국" in _found("미국인 변호사를 만났다.")
    assert "소치" in _found("2014 소치동계올림픽에서")
    assert _found("거기에 무산 이야기를 많이 썼어요.") == ["무산"]
    assert _found("회담이 무산 위기에 처했다.") == []
    assert "리즈" not in _found("해리포터 시리즈를 봤다.")
    assert _found("드라마를 정주행했다.") == []


def test_dot_list_items_next_to_a_place() -> None:
    found = _found("충북 증평·진천·괴산·음성에서 출마했다.")
    assert "음성" in found
    assert _found("이정미·김이수·이진성 재판관") in ([], ["이진성"])


def test_chinese_border_town_and_latin_name_before_hangul() -> None:
    assert _found("건너편 싼허 불빛이 보였어요.") == ["싼허"]
    assert _found("2년 동안 Qingdao에서 살았어요.") == ["Qingdao"]


def test_english_cues_and_city_lines_after_an_address() -> None:
    assert _found("Hi, I'm originally from Tjæreborg, and I'm 31.") == ["Tjæreborg"]
    assert _found("I'm in trouble.") == []
    text = "Send it to 12 Oak Street\nApt. 5\nPines Beach\nNew Zealand 34694"
    found = _found(text)
    assert "Pines Beach" in found
    assert _found("Ship to Rua do Arenque 1634, Goiânia") == ["Goiânia"]


def test_a_gazetteer_place_is_found_whatever_the_subject_and_the_ending() -> None:
    """The same Chinese city in sentences that differ only in subject and ending."""
    sentences = [
        "엄마는 도문에서 일했어요.",
        "그 사람은 도문서 살았대.",
        "도문선 다들 그렇게 살았슴다.",
        "언니가 도문에선 일을 했어.",
        "우리 형님은 도문이었지.",
        "동생이 도문 있을 때 편지를 썼다.",
        "도문으론 못 가.",
        "오빠는 청진서 왔습네다.",
        "싼야에서 왔어요.",
        "도문으루 갔슴다.",  # North Korean and dialect particles
        "도문까정 걸었어.",
    ]
    for text in sentences:
        got = _found(text)
        assert any(w in got for w in ("도문", "청진", "싼야")), (text, got)


def test_a_verb_that_starts_like_a_place_is_still_no_place() -> None:
    assert _found("그걸 해주는 사람이 없었어요.") == []


def test_kinship_words_are_not_places() -> None:
    for text in ("영철이 형이 먼저 강을 건넜어요.", "아바이들은 로동 나가서 배급도 못 받았어요."):
        assert _found(text) == [], text


def test_a_context_word_before_makes_an_ambiguous_gazetteer_name_a_place() -> None:
    """삼합 is also a common word: "처음 간 데가" says it is where she went."""
    assert "삼합" in _found("강 건너서 처음 간 데가 삼합이었어요.")

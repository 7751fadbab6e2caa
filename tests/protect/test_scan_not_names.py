"""Words that are never a name or a place, whatever a detector proposed (fictional)."""

from __future__ import annotations

from moksori.protect.scan import KnownName, detect_text, variants
from moksori.protect.spans import PiiType


def _said(text: str, *types: PiiType) -> set[str]:
    return {text[s.start : s.end] for s in detect_text(text) if s.type in types}


def test_spoken_endings_and_kinship_words_are_not_names_or_places() -> None:
    text = (
        "우리 집 옆에 조선족 로씨 아바이가 살았슴메. 아바지는 탄광에서 일했슴메.\n"
        "큰아바지는 그해 겨울에 다쳤시오. 작은어마니가 혼자 남았시오. 2010년에 몽골로 해서 왔시오."
    )
    said = _said(text, PiiType.PERSON, PiiType.PLACE)
    assert not [w for w in said if w.endswith(("슴메", "시오"))]
    assert "큰아바지" not in said and "작은어마니" not in said


def test_a_surname_and_a_kinship_word_spread_as_a_whole() -> None:
    assert variants("강령감") == {"강령감"}  # not 령감: every old man in the project
    assert variants("강영철") == {"강영철", "영철"}
    text = "작업반에 강령감이 있었소. 그 령감이 나를 살렸지. 우리 집 령감은 먼저 갔소."
    persons = [text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.PERSON]
    assert "령감" not in persons


def test_what_the_user_listed_is_found_whatever_it_looks_like() -> None:
    text = "그 사람을 다들 큰아바지라고 불렀소."
    known = [KnownName("00000000-0000-0000-0000-000000000001", ("큰아바지",))]
    spans = detect_text(text, known)
    assert any(text[s.start : s.end] == "큰아바지" and s.detector == "known" for s in spans)


def test_a_chinese_name_ending_like_an_old_verb_is_still_a_name() -> None:
    text = "큰아들 이름이 왕하오예요. 왕하오는 지금 연길에 있어요."
    assert "왕하오" in _said(text, PiiType.PERSON)  # 하오 is also an old ending ("하오")


def test_a_count_after_a_province_is_no_age_and_its_name_no_person() -> None:
    text = "Participants came from Ryanggang (11), North Pyongan (4) and South Hamgyong (2)."
    spans = detect_text(text)
    assert not [s for s in spans if s.type in (PiiType.AGE, PiiType.PERSON)]
    assert "North Pyongan" in _said(text, PiiType.PLACE)

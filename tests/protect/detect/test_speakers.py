"""Speaker labels at line start in fictional transcripts."""

from __future__ import annotations

from moksori.protect.detect import speakers
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise

TRANSCRIPT = """면담자: 고향이 어디세요?
김순희: 함경북도에서 왔어요.
리영철 : 저는 청진에서 왔습니다.
Q: 언제 오셨어요?
A: 2011년에요.
[박옥순] 그때는 배가 고팠어요.
00:01:23 로은별: 네, 맞아요.
질문자: 그 다음에는요?
연구자: 잠시 쉬겠습니다.
Interviewer: When did you leave?
Kim Soon-hee: In 2009, with my aunt.
날짜: 2023년 5월
참여자 3: 네.
"""


def labels(text: str) -> list[str]:
    out = []
    for s in speakers.detect(tokenise(text)):
        assert s.type == PiiType.PERSON and s.detector == speakers.NAME
        assert s.confidence == speakers.CONFIDENCE
        out.append(text[s.start : s.end])
    return out


def test_names_in_labels_are_found_with_exact_spans() -> None:
    spans = speakers.detect(tokenise(TRANSCRIPT))
    got = {TRANSCRIPT[s.start : s.end] for s in spans}
    assert got == {"김순희", "리영철", "박옥순", "로은별", "Kim Soon-hee"}
    for s in spans:
        assert TRANSCRIPT[s.start : s.end].strip() == TRANSCRIPT[s.start : s.end]


def test_role_labels_and_headings_are_not_names() -> None:
    found = labels(TRANSCRIPT)
    for generic in ("면담자", "Q", "A", "질문자", "연구자", "Interviewer", "날짜", "참여자"):
        assert generic not in found


def test_label_only_counts_at_line_start() -> None:
    assert labels("그 사람이 말하길 김순희: 라고 적었다") == []


def test_role_then_name_keeps_only_the_name() -> None:
    text = "Interviewer Park: Thank you."
    spans = speakers.detect(tokenise(text))
    assert [(text[s.start : s.end]) for s in spans] == ["Park"]

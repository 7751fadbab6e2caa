"""Passage/sentence segmentation: transcripts, paragraphs, reader blocks, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moksori.ingest.model import PASSAGE_KINDS, Block, SegmentKind, SegmentSpan
from moksori.ingest.segment import segment

TRANSCRIPTS = Path(__file__).resolve().parent / "data" / "transcripts"
FIXTURES = {p.name: p.read_text(encoding="utf-8") for p in sorted(TRANSCRIPTS.glob("*.txt"))}


def whole(text: str) -> list[SegmentSpan]:
    return segment(text, [(0, len(text), Block(text))])


def check_invariants(text: str, segments: list[SegmentSpan]) -> None:
    last_passage_end = 0
    for i, seg in enumerate(segments):
        assert 0 <= seg.start < seg.end <= len(text), seg
        piece = text[seg.start : seg.end]
        assert piece and not piece[0].isspace() and not piece[-1].isspace(), seg
        if seg.kind == "sentence":
            assert seg.parent is not None and 0 <= seg.parent < i
            parent = segments[seg.parent]
            assert parent.kind in PASSAGE_KINDS
            assert parent.start <= seg.start and seg.end <= parent.end
        else:
            assert seg.kind in PASSAGE_KINDS and seg.parent is None
            assert seg.lang in {"ko", "en", "mixed", "und"}
            assert seg.start >= last_passage_end  # passages do not overlap
            last_passage_end = seg.end
        if seg.kind == "turn":
            assert seg.speaker, seg
    sentences = [s for s in segments if s.kind == "sentence"]
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


def turns(segments: list[SegmentSpan]) -> list[SegmentSpan]:
    return [s for s in segments if s.kind == "turn"]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_invariants(name: str) -> None:
    text = FIXTURES[name]
    check_invariants(text, whole(text))


def test_korean_transcript_turns() -> None:
    text = FIXTURES["ko_interview.txt"]
    segs = whole(text)
    ts = turns(segs)
    assert [t.speaker for t in ts] == ["면접자", "김순희"] * 4
    # Header lines ("장소: 서울", "날짜: ...") are not turns but a paragraph.
    assert segs[0].kind == "paragraph" and "장소: 서울" in text[segs[0].start : segs[0].end]
    # A turn covers its label and runs on over lines and a blank line.
    long_turn = text[ts[3].start : ts[3].end]
    assert long_turn.startswith("김순희: 배급이")
    assert long_turn.endswith("그래도 우리는 버텼습니다.")
    assert "[통역: 장마당은 시장]" in long_turn and "(웃음)" in long_turn
    # A label alone on its line: the turn continues on the next lines.
    assert text[ts[5].start : ts[5].end].startswith("김순희:\n1998년")
    # Sentences hold content only, not the label.
    first_sentences = [s for s in segs if s.kind == "sentence" and s.parent == segs.index(ts[0])]
    assert text[first_sentences[0].start : first_sentences[0].end] == "선생님, 고향이 어디셨어요?"
    assert all(s.lang == "ko" for s in ts)


def test_english_transcript_turns_and_sentences() -> None:
    text = FIXTURES["en_interview.txt"]
    segs = whole(text)
    assert [t.speaker for t in turns(segs)] == ["Interviewer", "P1"] * 3
    sentences = [text[s.start : s.end] for s in segs if s.kind == "sentence"]
    assert "We crossed the Tumen River at night..." in sentences
    assert "Mr. Pak, the broker, walked ahead." in sentences
    assert "We paid him about 3,000 dollars, i.e. everything we had." in sentences
    assert any(s.startswith("Later we reached the U.S. embassy") for s in sentences)


def test_timestamped_mixed_transcript() -> None:
    text = FIXTURES["mixed_interview.txt"]
    segs = whole(text)
    ts = turns(segs)
    assert [t.speaker for t in ts] == ["연구자", "참여자 2"] * 3
    assert text[ts[0].start : ts[0].end].startswith("[00:00:05] 연구자:")
    assert ts[1].lang == "mixed"
    assert "[Korean] 조선에서는" in text[ts[3].start : ts[3].end]


def test_q_and_a_with_dots() -> None:
    segs = whole(FIXTURES["qa_short.txt"])
    assert [t.speaker for t in turns(segs)] == ["Q", "A", "Q", "A"]


def test_prose_is_never_a_transcript() -> None:
    text = FIXTURES["prose_note.txt"]
    segs = whole(text)
    assert not turns(segs)
    paragraphs = [text[s.start : s.end] for s in segs if s.kind == "paragraph"]
    assert len(paragraphs) == 3  # the hard-wrapped first paragraph stays one
    assert paragraphs[1].startswith("Note: this line")


@pytest.mark.parametrize(
    "text",
    [
        "Note: one.\nNote: two.\nNote: three.",
        "회의는 10:30에 시작했다.\n10:45: 휴식\n11:00: 재개",
        "Step 1: do this.\nStep 2: do that.\nStep 3: done.",
        "A single label: here.\nAnd plain text.",
    ],
)
def test_label_lookalikes_are_paragraphs(text: str) -> None:
    assert not turns(whole(text))


def test_two_known_labels_are_enough() -> None:
    assert [t.speaker for t in turns(whole("Q: Where?\nA: Hyesan."))] == ["Q", "A"]


def test_reader_blocks_keep_kind_speaker_and_cue_times() -> None:
    parts = ["  첫 자막입니다.  ", "", "Second cue. Two sentences.", "셀 내용"]
    text = "\n\n".join(parts)
    blocks = []
    pos = 0
    kinds: list[SegmentKind] = ["cue", "cue", "cue", "row"]
    for part, kind in zip(parts, kinds, strict=True):
        blocks.append((pos, pos + len(part), Block(part, kind, "화자", 1000, 2000)))
        pos += len(part) + 2
    segs = segment(text, blocks)
    check_invariants(text, segs)
    passages = [s for s in segs if s.kind != "sentence"]
    assert [p.kind for p in passages] == ["cue", "cue", "row"]  # the empty cue is dropped
    assert text[passages[0].start : passages[0].end] == "첫 자막입니다."
    assert all(p.speaker == "화자" and p.cue_start_ms == 1000 for p in passages)
    assert len([s for s in segs if s.parent == segs.index(passages[1])]) == 2


def test_turn_block_without_speaker_takes_its_label() -> None:
    text = "김순희: 네, 맞아요."
    (turn, sentence) = segment(text, [(0, len(text), Block(text, "turn"))])
    assert turn.speaker == "김순희" and (turn.start, turn.end) == (0, len(text))
    assert text[sentence.start : sentence.end] == "네, 맞아요."


def test_turn_continues_across_free_blocks_but_not_reader_blocks() -> None:
    lines = ["Q: Where were you born?", "A: In Hyesan.", "It is near the river.", "Q: And?"]
    text = "\n\n".join(lines)
    blocks, pos = [], 0
    for line in lines:
        blocks.append((pos, pos + len(line), Block(line)))
        pos += len(line) + 2
    ts = turns(segment(text, blocks))
    assert [t.speaker for t in ts] == ["Q", "A", "Q"]
    assert text[ts[1].start : ts[1].end] == "A: In Hyesan.\n\nIt is near the river."
    blocks[2] = (blocks[2][0], blocks[2][1], Block(lines[2], "paragraph"))
    segs = segment(text, blocks)
    assert text[turns(segs)[1].start : turns(segs)[1].end] == "A: In Hyesan."


def test_empty_and_blank_documents() -> None:
    assert whole("") == []
    assert whole(" \n\n\t ") == []
    assert segment("abc", []) == []


# --- property tests -------------------------------------------------------

PIECES = st.sampled_from(
    list("가나다라마바사아자차카타파하녀로동혜산")
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list("      \n\n\t\u3000\u00a0\r:：.,!?\"'()[]-…。")
    + [
        "😀",
        "👨\u200d👩\u200d👧",
        "漢字",
        "김순희: ",
        "Q: ",
        "A. ",
        "면접자:",
        "\n\n",
        "10:30",
        "Note: ",
        "Dr. ",
        "U.S. ",
        "...",
        "[통역] ",
        "(웃음)",
        "\nP1: ",
        "\n김순희:",
    ]
)
RANDOM_TEXT = st.lists(PIECES, max_size=80).map("".join)
KINDS: list[SegmentKind | None] = [None, None, None, "paragraph", "turn", "cue", "row", "sentence"]


@st.composite
def document(
    draw: st.DrawFn, base: st.SearchStrategy[str]
) -> tuple[str, list[tuple[int, int, Block]]]:
    """A text plus a random partition of it into reader blocks."""
    text = draw(base)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=5))) | {0, len(text)})
    blocks = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        kind = draw(st.sampled_from(KINDS))
        speaker = draw(st.sampled_from([None, "R"])) if kind else None
        blocks.append((start, end, Block(text[start:end], kind, speaker)))
    return text, blocks


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(document(RANDOM_TEXT))
def test_property_random_text(doc: tuple[str, list[tuple[int, int, Block]]]) -> None:
    text, blocks = doc
    check_invariants(text, segment(text, blocks))


@st.composite
def mutated_fixture(draw: st.DrawFn) -> str:
    """A fixture transcript with random pieces spliced in at random places."""
    text = FIXTURES[draw(st.sampled_from(sorted(FIXTURES)))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.lists(PIECES, max_size=4).map("".join)) + text[at:]
    return text


@SETTINGS
@given(document(mutated_fixture()))
def test_property_fixture_transcripts(doc: tuple[str, list[tuple[int, int, Block]]]) -> None:
    text, blocks = doc
    segs = segment(text, blocks)
    check_invariants(text, segs)
    if all(b.kind is None for _, _, b in blocks) and len(blocks) == 1:
        for seg in segs:
            if seg.kind == "turn":
                assert text[seg.start : seg.end].split(":")[0].split()[-1:]  # label text


QA_WITH_ARTICLE = (
    "Interviewer: What would you tell someone who just arrived?\n\n"
    "Yoon-hee: That the first three years are the hardest and they do end.\n\n"
    "Interviewer: Thank you.\n\n"
    "Yoon-hee: Thank you for listening to me.\n\n"
    "{headline}\n\n"
    "{lead}\n\n"
    "Support organizations have begun to shift resources toward this middle period.\n"
)
LEAD_EN = (
    "Researchers who follow North Korean arrivals over time describe a recognizable arc. "
    "The first months are consumed by administration: registering an address, opening a "
    "bank account, learning which office handles which form."
)


def _turn_ends(text: str) -> list[int]:
    return [s.end for s in segment(text, [(0, len(text), Block(text=text))]) if s.kind == "turn"]


def test_qa_turn_stops_at_an_appended_headline_over_a_third_person_lead() -> None:
    text = QA_WITH_ARTICLE.format(headline="Why the first three years decide so much", lead=LEAD_EN)
    at = text.index("Why the first")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))


def test_qa_turn_goes_on_over_a_short_line_when_the_speaker_keeps_talking() -> None:
    """The speaker's own words ("I", "we") after a short line are still the speaker's turn."""
    lead = LEAD_EN.replace("Researchers who follow", "When we followed").replace(
        "describe a recognizable arc", "I saw a recognizable arc"
    )
    text = QA_WITH_ARTICLE.format(headline="And another thing about those years", lead=lead)
    assert max(_turn_ends(text)) > text.index("When we followed")


def test_qa_turn_stops_at_a_headline_glued_to_its_lead() -> None:
    """A text capture has no blank line under the headline; one above it is enough."""
    text = QA_WITH_ARTICLE.format(
        headline="Why the first three years decide so much", lead=LEAD_EN
    ).replace("so much\n\n", "so much\n")
    at = text.index("Why the first")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))


def test_qa_turn_stops_at_a_quoted_korean_headline_over_its_byline() -> None:
    """'… "관리 필요"' ends in 요 like a sentence, but a quote closing without a full stop is a
    headline; "글 = 한지수 기자 (…)" under it is the appended article's byline."""
    text = (
        "인터뷰어: 지금은 어떻게 지내세요?\n\n"
        "순옥: 화요일마다 경로당에서 같이 점심을 먹어요.\n\n"
        "인터뷰어: 마지막으로 하고 싶은 말씀이 있으세요?\n\n"
        "순옥: 돈보다 사람이 필요해요. 밥 한 끼 같이 먹어 주는 사람.\n\n"
        '혼자 늙어가는 탈북 어르신들… "고독사 위험군 관리 필요"\n\n'
        "글 = 한지수 기자 (jisu.han@bokjinews.kr)\n\n"
        "2022.09.14\n\n"
        "65세 이상 북한이탈주민 가운데 혼자 사는 비율이 절반을 넘는 것으로 나타났다.\n"
    )
    at = text.index("혼자 늙어가는")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))


def test_qa_turn_goes_on_over_a_quoted_sentence() -> None:
    """A quoted sentence ending in a full stop is the speaker's, not a headline."""
    text = (
        "인터뷰어: 지금은 어떻게 지내세요?\n\n"
        "순옥: 화요일마다 경로당에서 같이 점심을 먹어요.\n\n"
        "인터뷰어: 그때 무슨 말을 들으셨어요?\n\n"
        "순옥: 아들이 그랬어요.\n\n"
        '"엄마, 이제 여기서 같이 살아요."\n\n'
        "2022.09.14\n\n"
        "그날 저는 밤새 울었어요. 우리 아들이 그렇게 컸구나 싶어서요.\n"
    )
    assert max(_turn_ends(text)) > text.index("그날 저는")


def test_qa_turn_stops_at_a_lead_that_says_us_dollars() -> None:
    """ "US dollars" is a country, not the first person "us": the lead is still written
    about others, and the last answer stops above its headline."""
    lead = LEAD_EN.replace("Researchers who follow", "Families paid in US dollars; researchers")
    text = QA_WITH_ARTICLE.format(headline="Why the first three years decide so much", lead=lead)
    at = text.index("Why the first")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))


def test_qa_turn_stops_at_a_headline_over_a_reporter_with_an_email() -> None:
    """ "최윤아 기자 yuna@…" under a headline is an appended article's byline."""
    text = (
        "인터뷰어: 앞으로 계획은요?\n\n"
        "한결: 가게 하나 더요. 그리고 간판.\n\n"
        "인터뷰어: 마지막으로 하실 말씀은요?\n\n"
        "한결: 다들 밥은 꼭 챙겨 먹었으면 해요.\n\n"
        "전통시장 속 '북한 맛집' 늘었다…탈북민 창업 5년 새 두 배\n\n"
        "최윤아 기자 yuna@example-news.kr\n\n"
        "전국 전통시장에서 북한 음식을 파는 가게가 늘고 있다.\n"
    )
    at = text.index("전통시장 속")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))


def test_qa_turn_stops_at_a_headline_over_short_third_person_paragraphs() -> None:
    """An appended article whose lead is one short sentence: the lead is judged with the
    paragraphs under it, which together are written about others."""
    lead = (
        "Most money travels through a chain of brokers.\n\n"
        "Fees rose sharply after the border closures of 2020.\n\n"
        "In 2023 a South Korean court fined a broker for the first time."
    )
    text = QA_WITH_ARTICLE.format(headline="How remittances reach North Korea", lead=lead)
    at = text.index("How remittances")
    assert _turn_ends(text) and all(end <= at for end in _turn_ends(text))

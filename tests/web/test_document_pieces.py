"""A document page cut into pieces under overlapping codings; UTF-16 offsets; alignment."""

from __future__ import annotations

import random
import time

from moksori.web.document_pieces import (
    CodingIn,
    LinkIn,
    PassageIn,
    attach_aligned,
    attach_by_passage,
    codings_json,
    cover,
    split,
    through,
)
from moksori.web.offsets import Utf16Map

TEXT = "면접자: 강을 건넜습니다 🌊 너무 추웠어요.\n김순희: 오빠도 남았고요 😢.\n"


def u16(text: str, i: int) -> int:
    """What a browser counts before code point i."""
    return len(text[:i].encode("utf-16-le")) // 2


def coding(cid: int, start: int, end: int, code_id: int = 1) -> CodingIn:
    return CodingIn(cid, code_id, f"Code{code_id}", None, "Coder Lee", start, end, None)


def turns(text: str) -> list[PassageIn]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line:
            out.append(PassageIn("turn", line.split(":")[0], pos, pos + len(line)))
        pos += len(line) + 1
    return out


def test_cover_adds_uncovered_text_and_drops_overlaps() -> None:
    text = "one\n\ntwo three\n\nfour"
    got = cover(text, [PassageIn("paragraph", None, 5, 14), PassageIn("paragraph", None, 0, 7)])
    # the second passage (5..14) is clipped where the first (0..7) ends; "four" was in none
    assert [(p.kind, text[p.start : p.end]) for p in got] == [
        ("paragraph", "one\n\ntw"),
        ("paragraph", "o three"),
        ("text", "\n\nfour"),
    ]
    assert cover("  \n", []) == []


def test_pieces_rebuild_each_passage_and_carry_utf16_starts() -> None:
    passages = turns(TEXT)
    wave = TEXT.index("🌊")
    codings = [coding(1, wave, wave + 4), coding(2, TEXT.index("오빠"), TEXT.index("😢") + 1)]
    views = split(TEXT, cover(TEXT, passages), codings, Utf16Map(TEXT))
    assert [v.speaker for v in views] == ["면접자", "김순희"]
    for v in views:
        assert "".join(p.text for p in v.pieces) == TEXT[v.start : v.end]
        assert v.start16 == u16(TEXT, v.start) and v.end16 == u16(TEXT, v.end)
        for p in v.pieces:
            begin = TEXT.index(p.text, v.start)
            assert p.start16 == u16(TEXT, begin)
    coded = [p for v in views for p in v.pieces if p.codings]
    assert [(p.text, p.codings) for p in coded] == [("🌊 너무", (1,)), ("오빠도 남았고요 😢", (2,))]
    assert coded[0].classes == "hl hl-d1"


def test_overlapping_codings_match_a_character_by_character_count() -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("가나다 abc😢🌊\n") for _ in range(400))
    passages = cover(text, turns(text))
    codings = []
    for cid in range(1, 60):
        a = rng.randrange(0, len(text) - 1)
        codings.append(coding(cid, a, rng.randrange(a + 1, min(len(text), a + 80) + 1)))
    views = split(text, passages, codings, Utf16Map(text))
    shown = 0
    for v in views:
        pos = v.start
        for p in v.pieces:
            for i in range(pos, pos + len(p.text)):
                want = {c.id for c in codings if c.start <= i < c.end}
                assert set(p.codings) == want, (i, p.codings, want)
            # outermost first: earlier start, then longer
            keys = [(codings[i - 1].start, -codings[i - 1].end) for i in p.codings]
            assert keys == sorted(keys)
            pos += len(p.text)
            shown += len(p.text)
        assert pos == v.end
    assert shown == sum(p.end - p.start for p in passages)


def test_codings_json_in_utf16() -> None:
    wave = TEXT.index("🌊")
    (got,) = codings_json([coding(5, wave + 1, wave + 3)], Utf16Map(TEXT))
    assert (got["start16"], got["end16"]) == (u16(TEXT, wave + 1), u16(TEXT, wave + 3))
    assert got["start16"] == u16(TEXT, wave) + 2  # the wave takes two UTF-16 units
    assert set(got) == {"id", "code_id", "code", "colour", "coder", "start16", "end16", "memo"}


def test_through_moves_ranges_and_scrubs_labels_and_memos() -> None:
    # a fake redaction: "김순희" (3 chars) at 0 became "[이름]" (4 chars)
    def map_range(s: int, e: int) -> tuple[int, int]:
        return (s + (1 if s >= 3 else 0), e + (1 if e >= 3 else 0))

    def scrub(text: str | None) -> str | None:
        return text.replace("김순희", "[이름]") if text else text

    memo = CodingIn(1, 1, "Family", None, "Coder Lee", 5, 9, "김순희 said so")
    passages, codings = through(map_range, [PassageIn("turn", "김순희", 0, 20)], [memo], scrub)
    assert passages == [PassageIn("turn", "[이름]", 0, 21)]
    assert (codings[0].start, codings[0].end, codings[0].memo) == (6, 10, "[이름] said so")


def test_aligned_sentences_sit_beside_the_passage_they_start_in() -> None:
    this = "A one. A two.\nA three."
    other = "B eins. B zwei.\nB drei."
    views = split(this, cover(this, turns(this)), [], Utf16Map(this))
    links = [
        LinkIn(7, 13, 8, 15, 0.9, False),
        LinkIn(0, 6, 0, 7, 0.3, False),
        LinkIn(14, 22, 16, 23, 1.0, True),
    ]
    attach_aligned(views, links, other)
    assert [[a.text for a in v.aside] for v in views] == [["B eins.", "B zwei."], ["B drei."]]
    assert [a.low for a in views[0].aside] == [True, False]


def test_passage_beside_passage_only_when_counts_match() -> None:
    this, other = "x\ny", "X\nY"
    views = split(this, cover(this, turns(this)), [], Utf16Map(this))
    assert attach_by_passage(views, cover(other, turns(other)), other)
    assert [v.aside[0].text for v in views] == ["X", "Y"]
    fresh = split(this, cover(this, turns(this)), [], Utf16Map(this))
    assert not attach_by_passage(fresh, cover("X", turns("X")), "X")
    assert all(not v.aside for v in fresh)


def test_a_long_interview_with_500_codings_splits_fast() -> None:
    rng = random.Random(1)
    words = ["강을", "건넜습니다", "🌊", "family", "crossed", "어머니는", "😢", "river"]
    lines = [" ".join(rng.choice(words) for _ in range(20)) for _ in range(1000)]
    text = "\n".join(f"화자{i % 2}: {line}" for i, line in enumerate(lines))  # ~20,000 words
    passages = cover(text, turns(text))
    codings = []
    for cid in range(500):
        a = rng.randrange(0, len(text) - 400)
        codings.append(coding(cid + 1, a, a + rng.randrange(1, 400)))
    t0 = time.perf_counter()
    views = split(text, passages, codings, Utf16Map(text))
    codings_json(codings, Utf16Map(text))
    elapsed = time.perf_counter() - t0
    assert sum(len(p.text) for v in views for p in v.pieces) == sum(
        p.end - p.start for p in passages
    )
    assert elapsed < 0.5, f"split took {elapsed:.3f}s"

"""Plain-text web captures lose their chrome and keep every body sentence."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from moksori.ingest.boilerplate import (
    has_body_text,
    is_speaker_turn,
    looks_like_web_capture,
    strip_boilerplate,
)
from moksori.ingest.model import RemovedText

DATA = Path(__file__).parent / "data" / "web"
CAPTURES = ["ngo_blog_en", "ngo_news_ko", "blog_embedded_en", "personal_blog_ko", "news_site_en"]


def load(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def expected(name: str) -> dict[str, list]:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def removed_lines(removed: list[RemovedText]) -> dict[str, str]:
    return {line.strip(): r.reason for r in removed for line in r.text.split("\n") if line.strip()}


def nonblank(text: str) -> Counter[str]:
    return Counter(line for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("name", CAPTURES)
def test_capture_is_recognised(name: str) -> None:
    assert looks_like_web_capture(load(f"{name}.txt"))


@pytest.mark.parametrize("name", CAPTURES)
def test_every_body_sentence_and_title_is_kept(name: str) -> None:
    kept, _ = strip_boilerplate(load(f"{name}.txt"))
    exp = expected(name)
    assert exp["keep"], "fixture lists its body sentences"
    missing = [s for s in exp["keep"] + exp["titles"] if s not in kept]
    assert missing == []


@pytest.mark.parametrize("name", CAPTURES)
def test_chrome_is_removed_with_its_reason(name: str) -> None:
    kept, removed = strip_boilerplate(load(f"{name}.txt"))
    kept_lines = set(kept.split("\n"))
    got = removed_lines(removed)
    for line, reason in expected(name)["remove"]:
        assert line not in kept_lines, line
        assert got.get(line) == reason, (line, got.get(line), reason)


@pytest.mark.parametrize("name", CAPTURES)
def test_nothing_is_lost_and_offsets_are_in_bounds(name: str) -> None:
    text = load(f"{name}.txt")
    kept, removed = strip_boilerplate(text)
    assert nonblank(kept) + sum((nonblank(r.text) for r in removed), Counter()) == nonblank(text)
    assert all(0 <= r.at <= len(kept) for r in removed)
    assert [r.at for r in removed] == sorted(r.at for r in removed)
    assert all(r.text.strip() and r.reason for r in removed)
    assert "\n\n\n" not in kept and kept == kept.strip("\n")


def test_offsets_point_where_the_chrome_stood() -> None:
    kept, removed = strip_boilerplate(load("ngo_blog_en.txt"))

    def piece(line: str) -> RemovedText:
        return next(r for r in removed if line in r.text.split("\n"))

    assert piece("Skip to content").at == 0
    assert piece("© 2023 Bridgeway Migrant Support. All rights reserved.").at == len(kept)
    tags = piece("Tags: resettlement, food, Incheon, women, mental health")
    assert kept[: tags.at].endswith("than anyone in Incheon expects.")
    assert kept[tags.at :].lstrip().startswith("Clara Whitfield coordinates")


def test_specific_chrome_lines_are_gone() -> None:
    kept_en, removed_en = strip_boilerplate(load("ngo_blog_en.txt"))
    kept_ko, removed_ko = strip_boilerplate(load("ngo_news_ko.txt"))
    for chrome in ("Donate now", "© 2023", "March 2023 (4)", "advocacy · China", "Accept"):
        assert chrome not in kept_en
        assert any(chrome in r.text for r in removed_en)
    for chrome in (
        "후원하기",
        "무단전재 및 재배포 금지",
        "2019년 3월 (4)",
        "전체 카테고리",
        "#탈북청년",
    ):
        assert chrome not in kept_ko
        assert any(chrome in r.text for r in removed_ko)
    reasons = {r.reason for r in removed_en}
    assert {
        "navigation",
        "banner",
        "tag cloud",
        "archive list",
        "footer",
        "share buttons",
    } <= reasons


def test_short_lines_inside_the_body_are_kept() -> None:
    kept, _ = strip_boilerplate(load("ngo_blog_en.txt"))
    for line in (
        "She laughed when I asked about it.",
        "What the programme offers:",
        "- weekly cooking classes in a shared kitchen",
        "- a Korean-English buddy for hospital visits",
    ):
        assert line in kept.split("\n")


def test_list_introduced_by_a_colon_is_kept_at_the_end_of_the_body() -> None:
    items = ["- longer leases", "- counselling", "- language classes"]
    text = "\n".join(
        [
            "Home",
            "About",
            "Our work",
            "Donate now",
            "",
            "A survey of 1,200 migrants in Seoul found that nearly a third had moved three times.",
            "The report makes three recommendations:",
            *items,
            "",
            "Share this: Facebook Twitter",
            "Recent posts",
            "Winter coats",
            "Five myths",
            "© 2024 Example Org",
        ]
    )
    kept, removed = strip_boilerplate(text)
    assert kept.split("\n")[-3:] == items
    assert removed_lines(removed)["Five myths"] == "link list"
    assert removed_lines(removed)["Our work"] == "navigation"


def test_paragraph_structure_is_kept() -> None:
    kept, _ = strip_boilerplate(load("ngo_blog_en.txt"))
    paragraphs = kept.split("\n\n")
    assert "She laughed when I asked about it." in paragraphs
    assert paragraphs[0].split("\n") == [
        "Stories from the border",
        "Learning to cook again: Mrs. Han's first winter in Incheon",
        "Posted on 14 March 2023 by Clara Whitfield",
    ]


ACADEMIC = "academic_paper_en.txt"


def test_academic_paper_is_not_a_web_capture_and_is_kept_whole() -> None:
    text = load(ACADEMIC)
    assert len(text.split()) > 2800
    assert not looks_like_web_capture(text)
    kept, removed = strip_boilerplate(text)
    assert kept == text
    assert removed == []


def test_academic_paper_inside_web_chrome_keeps_every_line() -> None:
    paper = load(ACADEMIC)
    blog = load("ngo_blog_en.txt").split("\n")
    header = "\n".join(blog[: blog.index("Donate now") + 1])
    footer = "\n".join(blog[blog.index("Recent Posts") :])
    text = f"{header}\n\n{paper}\n{footer}"
    assert looks_like_web_capture(text)
    kept, removed = strip_boilerplate(text)
    kept_lines = set(kept.split("\n"))
    missing = [line for line in paper.split("\n") if line.strip() and line not in kept_lines]
    assert missing == []
    # A hard-wrapped line that happens to mention a privacy policy stays in its paragraph.
    assert any("privacy policy when we contacted" in line for line in kept_lines)
    got = removed_lines(removed)
    assert got["Donate now"] == "banner"
    assert got["© 2023 Bridgeway Migrant Support. All rights reserved."] == "footer"


def test_interview_transcript_is_never_boilerplate() -> None:
    text = load("interview_transcript.txt")
    assert not looks_like_web_capture(text)
    kept, removed = strip_boilerplate(text)
    assert kept == text
    assert removed == []


@pytest.mark.parametrize(
    "line", ["Q: 네.", "A: Yes.", "김순희: 그래요.", "Interviewer: And then?", "[00:01:02] 답: 네"]
)
def test_speaker_turns(line: str) -> None:
    assert is_speaker_turn(line)


@pytest.mark.parametrize("line", ["Tags: food, China", "Share: Facebook Twitter", "태그: 정착"])
def test_chrome_labels_are_not_speakers(line: str) -> None:
    assert not is_speaker_turn(line)


def test_transcript_inside_a_page_keeps_every_turn() -> None:
    turns = load("interview_transcript.txt")
    blog = load("ngo_blog_en.txt").split("\n")
    text = "\n".join(blog[:11]) + "\n\n" + turns + "\n" + "\n".join(blog[-12:])
    kept, _ = strip_boilerplate(text)
    kept_lines = set(kept.split("\n"))
    assert [ln for ln in turns.split("\n") if ln.strip() and ln not in kept_lines] == []
    assert "Donate now" not in kept_lines


def test_body_sentences_that_mention_chrome_words_are_kept() -> None:
    body = [
        "Many families donate now and then to the church in Ansan, which runs a night school.",
        "She baked cookies to use as gifts for the officers at the station in Dandong.",
        "그는 매달 정기후원을 하고 있다고 말했다.",
        "The archive of March 2019 letters was lost when the office in Yanji was closed.",
    ]
    text = "\n".join(
        ["Home", "About us", "Donate now", "", *body, "", "© 2023 Example Org", "Privacy policy"]
    )
    kept, removed = strip_boilerplate(text)
    for sentence in body:
        assert sentence in kept
    assert "Donate now" not in kept and "© 2023 Example Org" not in kept
    assert removed_lines(removed)["Privacy policy"] == "footer"


def test_unsure_means_keep() -> None:
    # Chrome-looking lines but no body text at all: nothing to anchor on, keep everything.
    text = "Home\nAbout\nContact\nDonate now"
    assert strip_boilerplate(text) == (text, [])
    assert not has_body_text(text)
    essay = "Title\n\nThis is a short essay about resettlement, and it has no web chrome at all."
    assert strip_boilerplate(essay) == (essay, [])
    assert has_body_text(essay)


def test_empty_text() -> None:
    assert strip_boilerplate("") == ("", [])
    assert not looks_like_web_capture("")

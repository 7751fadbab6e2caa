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
CAPTURES = [
    "ngo_blog_en",
    "ngo_news_ko",
    "blog_embedded_en",
    "personal_blog_ko",
    "news_site_en",
    "harbour_light_en",
    "hanbit_blog_ko",
]
# Captures whose first line is a FICTIONAL marker sentence (so the body "starts" above the menu).
MARKED = ["harbour_light_en", "hanbit_blog_ko"]
REPO = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize(
    "line",
    [
        "Tags: food, China",
        "Share: Facebook Twitter",
        "태그: 정착",
        # A date's label is no speaker (heldout7: a "Posted :" line read as a turn, so the
        # share row's "X" and "Font size" under it counted as inside the body).
        "Posted : 2026-11-18 17:05",
        "Updated: 2026-11-18 19:22",
        "작성일 : 2026-11-09 22:41",
    ],
)
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


def assert_aligned(text: str, kept: str, removed: list[RemovedText]) -> None:
    """Each non-blank input line is kept or removed, never both, and each piece's ``at`` is right.

    Walks the input in order: a line is the next removed line or else the next kept
    line. A piece stood right after the last kept line before it (0 if none).
    """
    rem = [(i, ln) for i, r in enumerate(removed) for ln in r.text.split("\n") if ln.strip()]
    kept_lines: list[tuple[str, int]] = []  # (line, end offset in kept)
    pos = 0
    for ln in kept.split("\n"):
        if ln.strip():
            kept_lines.append((ln, pos + len(ln)))
        pos += len(ln) + 1
    ri = ki = 0
    seen: set[int] = set()
    for line in text.split("\n"):
        if not line.strip():
            continue
        if ri < len(rem) and rem[ri][1] == line:
            piece = rem[ri][0]
            if piece not in seen:
                seen.add(piece)
                assert removed[piece].at == (kept_lines[ki - 1][1] if ki else 0), line
            ri += 1
        else:
            assert ki < len(kept_lines) and kept_lines[ki][0] == line, line
            ki += 1
    assert (ri, ki) == (len(rem), len(kept_lines))
    assert all(r.text in text for r in removed), "a piece is a run of input lines"


@pytest.mark.parametrize("name", CAPTURES)
def test_removed_positions_are_exact_and_nothing_is_both_kept_and_removed(name: str) -> None:
    text = load(f"{name}.txt")
    kept, removed = strip_boilerplate(text)
    assert_aligned(text, kept, removed)


@pytest.mark.parametrize("name", CAPTURES)
def test_every_body_sentence_is_kept_as_a_sentence(name: str) -> None:
    """Sentence by sentence, and no kept sentence is listed as removed."""
    kept, removed = strip_boilerplate(load(f"{name}.txt"))
    removed_text = "\n".join(r.text for r in removed)
    for sentence in expected(name)["keep"]:
        assert sentence in kept, sentence
        assert sentence not in removed_text, sentence


@pytest.mark.parametrize("name", MARKED)
def test_capture_without_its_marker_line_is_stripped_the_same(name: str) -> None:
    """Without a sentence above the menu, the header is judged by position; same result."""
    text = load(f"{name}.txt").split("\n", 1)[1]
    kept, removed = strip_boilerplate(text)
    exp = expected(name)
    assert [s for s in exp["keep"][1:] + exp["titles"] if s not in kept] == []
    got = removed_lines(removed)
    assert [(ln, r) for ln, r in exp["remove"] if got.get(ln) != r] == []
    assert_aligned(text, kept, removed)


def test_reader_comments_are_kept_as_content() -> None:
    """Decision: comments are readers' words (sometimes testimony); only the counter goes."""
    kept, removed = strip_boilerplate(load("hanbit_blog_ko.txt"))
    assert "└ 익명: 고맙습니다 :)" in kept.split("\n")
    assert removed_lines(removed)["댓글 3"] == "navigation"


def test_embedded_related_article_is_kept_under_a_removed_heading() -> None:
    kept, removed = strip_boilerplate(load("hanbit_blog_ko.txt"))
    assert removed_lines(removed)["Check these out / 함께 읽어 보세요"] == "link list"
    assert "봄날의 첫 수업\n[현장 스케치] 주말 한국어 교실 첫날 풍경" in kept


DEMO_CAPTURE = REPO / "demo" / "corpus-src" / "ngo-blog-2021-04.txt"


@pytest.mark.skipif(not DEMO_CAPTURE.exists(), reason="demo corpus not present")
def test_demo_capture_loses_its_chrome_and_keeps_its_body() -> None:
    text = DEMO_CAPTURE.read_text(encoding="utf-8")
    kept, removed = strip_boilerplate(text)
    got = removed_lines(removed)
    for line, reason in [
        ("로그인 | 회원가입 | 검색", "navigation"),
        ("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", "decoration"),
        ("────────────────────", "decoration"),
        ("공유하기: 페이스북 | 트위터 | 카카오톡 | 링크 복사", "share buttons"),
        ("▶ 이전 글: 2021년 3월 정착 모임 후기", "navigation"),
        ("▶ 다음 글: 자원봉사자 모집 (상시)", "navigation"),
        ("Check these out / 함께 읽어 보세요", "link list"),
    ]:
        assert got.get(line) == reason, line
    assert [r for ln, r in got.items() if ln.startswith("(사)새봄이웃")] == ["footer"]
    kept_lines = set(kept.split("\n"))
    prose = [ln for ln in text.split("\n") if len(ln) > 60 and ln.rstrip().endswith("다.")]
    assert len(prose) >= 11 and [ln for ln in prose if ln not in kept_lines] == []
    assert "두만강을 건너 온 이웃들의 첫 겨울" in kept_lines
    assert_aligned(text, kept, removed)


def test_academic_paper_inside_menu_bar_chrome_keeps_every_line() -> None:
    paper = load(ACADEMIC)
    page = load("harbour_light_en.txt").split("\n")
    header = "\n".join(page[1 : page.index("News")])
    footer = "\n".join(page[page.index("Posted in Stories, Advocacy | Leave a comment") :])
    text = f"{header}\n\n{paper}\n\n{footer}"
    kept, removed = strip_boilerplate(text)
    kept_lines = set(kept.split("\n"))
    assert [ln for ln in paper.split("\n") if ln.strip() and ln not in kept_lines] == []
    assert removed_lines(removed)["Home | About | News | Donate"] == "navigation"
    assert_aligned(text, kept, removed)


def test_decorative_rules_alone_are_no_evidence_of_a_web_page() -> None:
    essay = "\n".join(
        [
            "The river in winter",
            "",
            "We waited for three nights in a hut above the river, and nobody spoke of the cold.",
            "* * *",
            "In the morning the ice was grey, and the broker told us to walk in single file.",
            "━━━━━━━━━━",
            "Nobody slept.",
        ]
    )
    assert not looks_like_web_capture(essay)
    assert strip_boilerplate(essay) == (essay, [])


def test_topic_list_and_short_sentences_are_not_menus() -> None:
    body = [
        "A survey of 1,200 migrants in Seoul found that nearly a third had moved three times.",
        "Food | Housing | Work",
        "Most of them moved because the rent went up after the first two years of the lease.",
    ]
    text = "\n".join(
        [
            "Home | About | News | Donate",
            "",
            *body,
            "",
            "Tags: housing, Seoul",
            "Thank you for reading.",
        ]
    )
    kept, removed = strip_boilerplate(text)
    assert [ln for ln in body if ln not in kept.split("\n")] == []
    assert "Thank you for reading." in kept
    assert removed_lines(removed) == {
        "Home | About | News | Donate": "navigation",
        "Tags: housing, Seoul": "tag cloud",
    }


@pytest.mark.parametrize(
    "line",
    [
        "▶ 이전 글: 2021년 3월 정착 모임 후기",
        "다음 글: 자원봉사자 모집",
        "Next post: Spring language classes open",
        "(사)새봄이웃 | 대표: 가상인 | 전화 02-000-0000",
        "[Logo] Harbour Light Refugee Network",
        "로그인 | 회원가입 | 검색",
    ],
)
def test_chrome_lines_that_look_like_speaker_turns_are_not_content(line: str) -> None:
    text = "\n".join(
        [
            line,
            "",
            "The workshop ran for four Saturdays and fourteen people took part in every session.",
            "© 2021 Example Org. All rights reserved.",
        ]
    )
    kept, removed = strip_boilerplate(text)
    assert line not in kept and line in removed_lines(removed)


def test_html_capture_keeps_every_body_sentence_and_loses_its_chrome() -> None:
    """The same page as HTML: after article extraction the result must be as clean."""
    from moksori.ingest.limits import Limits
    from moksori.ingest.readers.html import read_html

    (doc,) = read_html((DATA / "harbour_light_en.html").read_bytes(), "page.html", Limits())
    article = "\n\n".join(b.text for b in doc.blocks)
    assert [s for s in expected("harbour_light_en")["keep"][1:] if s not in article] == []
    removed = "\n".join(r.text for r in doc.removed)
    for chrome in (
        "Subscribe to our newsletter",
        "Tags: Tumen River",
        "© 2021 Harbour Light",
        "Privacy policy",
        "Donate now",
        "April 2021",
    ):
        # by line: the byline under the headline ("… | 21 April 2021") is kept
        assert not any(ln.startswith(chrome) for ln in article.split("\n")), chrome
        assert chrome in removed, chrome


def test_logo_row_stops_at_a_headline_and_a_date_above_a_counter_stays() -> None:
    """A media logo row's items are a few words each: the appended article's headline
    after it is no logo; a date over the view counter is the article's, not a menu item."""
    prose = (
        "She worked in a restaurant kitchen from six in the morning until midnight, and "
        "she slept in a storeroom behind the kitchen with two other women."
    )
    text = "\n\n".join(
        [
            "Home",
            "About us",
            "Donate now",
            "2025-06-02",
            "Views 862",
            prose,
            "As featured in",
            "The Daily Ledger",
            "Pacific Public Radio",
            "Why the first three years decide so much",
            prose.replace("She", "He"),
            "© 2025 Example Org. All rights reserved.",
        ]
    )
    kept, removed = strip_boilerplate(text)
    lines = kept.split("\n\n")
    assert "2025-06-02" in lines
    assert "Why the first three years decide so much" in lines
    assert "Pacific Public Radio" not in lines and "Home" not in lines


def test_a_newsletter_post_keeps_title_author_date_and_loses_its_buttons_and_counts() -> None:
    """A blog platform capture: the share row's other buttons ("Notes", "More"), the like and
    comment counts and the paid badge go; the title, author and date over the body stay."""
    prose = (
        "For six years I have volunteered as an interpreter at a legal aid clinic, mostly "
        "for clients who arrived within the last two years."
    )
    text = "\n".join(
        [
            "Field Notes",
            "Share this post",
            "Copy link",
            "Facebook",
            "Email",
            "Notes",
            "More",
            "The interpreter who wouldn't translate",
            "Jane Doe",
            "Apr 09, 2025",
            "∙ Paid",
            "12",
            "3",
            "Share",
            prose,
            "There is one word I have stopped translating.",
            prose.replace("six", "seven"),
            "Write a comment...",
            "Ready for more?",
            "Type your email...",
            "Subscribe",
            "© 2025 Jane Doe",
        ]
    )
    kept, _ = strip_boilerplate(text)
    lines = kept.split("\n")
    for line in ("The interpreter who wouldn't translate", "Jane Doe", "Apr 09, 2025"):
        assert line in lines, line
    assert "There is one word I have stopped translating." in lines
    for line in ("Notes", "More", "∙ Paid", "12", "3", "Write a comment...", "Ready for more?"):
        assert line not in lines, line


def test_a_korean_blog_keeps_its_author_and_date_between_menus() -> None:
    body = (
        "작년 2월에 시작한 반찬 나눔이 벌써 1년이 되었습니다. 매주 목요일 오전, 어르신 스물세 "
        "분께 반찬을 전해 드렸어요."
    )
    text = "\n".join(
        [
            "본문 바로가기",
            "블로그",
            "카테고리 이동",
            "정착 이야기",
            "반찬 나눔, 1년을 돌아보며",
            "다온나눔",
            "2025. 2. 11. 14:32",
            "이웃추가",
            "URL 복사",
            "통계",
            body,
            body.replace("작년", "올해"),
            "공감 18",
            "댓글 4",
            "이 블로그 정착 이야기 카테고리 글",
            "설 명절 고향음식 만들기 후기",
            "2025. 1. 31.",
            "ⓒ NAVER Corp.",
        ]
    )
    kept, _ = strip_boilerplate(text)
    lines = kept.split("\n")
    for line in ("반찬 나눔, 1년을 돌아보며", "다온나눔", "2025. 2. 11. 14:32"):
        assert line in lines, line
    for line in ("URL 복사", "통계", "2025. 1. 31.", "본문 바로가기"):
        assert line not in lines, line


def test_a_headline_between_its_date_and_byline_stays_over_a_share_row() -> None:
    """Date, headline, byline, then share buttons: the share row's buttons do not use up
    the heading, and the headline between its date and its byline is kept."""
    prose = (
        "Last December, four women and two children shared our temporary shelter. All of "
        "them had arrived in the country less than a year before."
    )
    text = "\n".join(
        [
            "Home",
            "About",
            "Donate",
            "Powered by Google Translate",
            "Field Note",
            "January 27, 2025",
            "A Winter at the Shelter",
            "Written by Jimin Oh (Field Worker)",
            "Facebook",
            "Kakao",
            "Copy link 링크 복사",
            prose,
            prose.replace("four", "five"),
            "© 2025 Example Org. All rights reserved.",
        ]
    )
    kept, _ = strip_boilerplate(text)
    lines = kept.split("\n")
    for line in (
        "January 27, 2025",
        "A Winter at the Shelter",
        "Written by Jimin Oh (Field Worker)",
    ):
        assert line in lines, line
    assert "Kakao" not in lines and "Copy link 링크 복사" not in lines and "Home" not in lines


def test_a_row_of_icon_buttons_is_removed() -> None:
    prose = (
        "She worked in a restaurant kitchen from six in the morning until midnight, and "
        "she slept in a storeroom behind the kitchen with two other women."
    )
    text = "\n".join(
        ["Home", "Donate", "A Winter in Yanji", "f", "𝕏", "✉", prose, prose.replace("She", "He")]
    )
    kept, removed = strip_boilerplate(text)
    lines = kept.split("\n")
    assert "A Winter in Yanji" in lines and prose in lines
    assert not {"f", "𝕏", "✉"} & set(lines)


def test_a_one_word_title_under_a_share_row_is_kept() -> None:
    prose = (
        "She worked in a restaurant kitchen from six in the morning until midnight, and "
        "she slept in a storeroom behind the kitchen with two other women."
    )
    text = "\n".join(["Home", "About", "Donate", "Share", "Facebook", "Hope", prose, prose])
    kept, _ = strip_boilerplate(text)
    assert "Hope" in kept.split("\n") and "Facebook" not in kept.split("\n")


def test_a_related_posts_table_under_its_heading_is_removed() -> None:
    """A blog's "other posts in this category" list printed as a table: its rows and
    dates go with the heading; a table inside the body stays."""
    body = (
        "The first winter in Yanji was the coldest she could remember, and the flat had no "
        "heating at all.\n\n| Year | Arrivals |\n|---|---|\n| 2019 | 1047 |\n\n"
        "She worked in a restaurant kitchen from six in the morning until midnight, and she "
        "slept in a storeroom behind the kitchen with two other women.\n\n"
    )
    text = (
        body + "Related posts\n\n2025.12.02\n\n| First payslips of ten young arrivals | (0) | "
        "2025.12.02 |\n|---|---|---|\n| Reading the rent bill together | (1) | 2025.10.27 |"
        "\n\n© 2026 Example Org. All rights reserved."
    )
    kept, _ = strip_boilerplate(text)
    assert "| 2019 | 1047 |" in kept
    assert "First payslips" not in kept
    assert "2025.12.02" not in kept


def test_a_section_label_that_the_menu_also_shows_is_removed_but_not_the_headline() -> None:
    """ "Asia" over the headline is also a menu item: navigation. The headline, although a
    related list repeats it, stays."""
    text = (
        "Skip to main content\n\nWorld\n\nAsia\n\nBusiness\n\nSign In\n\nAsia\n\n"
        "Winter in Yanji\n\nBy Mina Park\n\n"
        "The first winter in Yanji was the coldest she could remember, and the flat had no "
        "heating at all.\n\nShe worked in a restaurant kitchen from six in the morning until "
        "midnight, and she slept in a storeroom behind the kitchen with two other women.\n\n"
        "Read Next\n\nWinter in Yanji\n\nSpring in Seoul\n\n© 2026 Example News"
    )
    kept, _ = strip_boilerplate(text)
    lines = kept.split("\n")
    assert "Winter in Yanji" in lines
    assert "By Mina Park" in lines
    assert "Asia" not in lines


BODY = (
    "The first winter in Yanji was the coldest she could remember, and the flat had no "
    "heating at all.\n\nShe worked in a restaurant kitchen from six in the morning until "
    "midnight, and she slept in a storeroom behind the kitchen with two other women.\n\n"
)


def test_readers_comments_under_a_comments_heading_are_removed() -> None:
    """Name, date, text, buttons: each comment of a plain-text capture goes."""
    text = (
        "Home\n\nAbout\n\nSign in\n\n" + BODY + "Discussion about this post\n\nComments\n\n"
        "Hyejin Park\n\nJan 23\n\nThis should be required reading for every hospital.\n\n"
        "Like (4)\n\nReply\n\nMin Ahn\n\n3 days ago\n\nThank you, I will share it with my "
        "colleagues at the clinic.\n\nReply\n\n© 2026 Example"
    )
    kept, _ = strip_boilerplate(text)
    assert kept.startswith("The first winter in Yanji")
    assert "required reading" not in kept
    assert "I will share it" not in kept
    assert "Hyejin Park" not in kept


def test_page_numbers_of_a_pdf_export_are_removed() -> None:
    """Bare numbers counting up a few lines apart are page numbers; a lone number is not."""
    page = BODY + "Arrivals peaked in 2009, when the border was still open to brokers.\n\n"
    text = "Menu\n\nHome\n\n" + page + "1\n\n" + page + "2\n\n" + page + "3\n\n© 2026 Example"
    kept, _ = strip_boilerplate(text)
    assert not {"1", "2", "3"} & set(kept.split("\n"))
    kept, _ = strip_boilerplate("Menu\n\nHome\n\n" + page + "7\n\n" + page + "© 2026 Example")
    assert "7" in kept.split("\n")


def test_heading_over_the_organisations_status_and_appeal_is_removed() -> None:
    text = (
        "Home\n\nAbout\n\n" + BODY + "About the authors\n\nMina Park is a research fellow at "
        "the institute and has written on resettlement.\n\nAbout ESRI\n\n"
        "The East Sea Research Institute is an independent, non-partisan think tank.\n\n"
        "Support our work: www.example.org/donate\n\n© 2026 ESRI"
    )
    kept, _ = strip_boilerplate(text)
    lines = kept.split("\n")
    assert "About the authors" in lines
    assert "About ESRI" not in lines
    assert "non-partisan think tank" not in kept


def test_a_disclaimer_under_the_site_footer_is_removed_but_a_last_paragraph_is_not() -> None:
    footer = (
        "Apps\n\nNewsletters\n\nAdvertise with Us\n\nCookies\n\nTerms of Use\n\nPrivacy\n\n"
        "Privacy Policy\n\n"
    )
    note = "All quotes delayed a minimum of 15 minutes. See here for a list of exchanges."
    text = "Home\n\nWorld\n\nSign In\n\n" + BODY + footer + note + "\n\n© 2026 Example"
    kept, _ = strip_boilerplate(text)
    assert note not in kept and "Advertise with Us" not in kept
    # A widget in the middle (no footer links) leaves the last paragraph alone.
    widget = "Sign up for our newsletter\n\nEmail address\n\nSubscribe\n\n"
    last = "In March a broker came to the restaurant and offered to take her south for a price."
    kept, _ = strip_boilerplate("Home\n\n" + BODY + widget + last + "\n\n© 2026 Example")
    assert last in kept


def test_a_label_named_in_a_separated_menu_line_is_removed() -> None:
    text = (
        "Home · Programs · Stories · Volunteer · Give\n\nStories\n\n"
        "Five minutes with Mrs. Cho, our Tuesday cook\n\nWritten by Ben Ortiz on 3 July 2024\n\n"
        + BODY
        + "© 2026 Example"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert "Stories" not in lines
    assert "Five minutes with Mrs. Cho, our Tuesday cook" in lines


def test_a_korean_portal_article_keeps_its_headline_and_date_and_drops_reactions() -> None:
    """'입력2026.03.05. 오전 7:31' (no space after the label) is the article's date line,
    so the headline over it and the tool row under it are told apart; the reaction row
    (label, count, label, count ...) goes."""
    headline = '"통장 하나 만드는 데 석 달"…금융 문턱 높은 탈북민'
    text = (
        "뉴스\n\n홈\n\n사회\n\n정치\n\n경제\n\n구독\n\n"
        + headline
        + "\n\n입력2026.03.05. 오전 7:31\n\n이하늘 기자\n\n"
        + "추천\n\n댓글\n\n요약보기\n\n인쇄하기\n\n"
        + BODY
        + "좋아요\n\n0\n\n훈훈해요\n\n0\n\n슬퍼요\n\n0\n\n후속기사 원해요\n\n0\n\n"
        "이 기사는 언론사에서 사회 섹션으로 분류했습니다.\n\n© Kakao Corp."
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert headline in lines and "입력2026.03.05. 오전 7:31" in lines
    assert "훈훈해요" not in lines and "0" not in lines
    assert "이 기사는 언론사에서 사회 섹션으로 분류했습니다." not in lines


@pytest.mark.parametrize("dateline", ["3 hours ago", "Updated 10:32 AM EST", "입력 2시간 전"])
def test_headline_over_a_relative_date_and_a_tool_row_is_kept(dateline: str) -> None:
    headline = "Clinics in border towns struggle to keep interpreters"
    text = (
        "Home\n\nWorld\n\nSign In\n\n" + headline + "\n\n" + dateline + "\n\n"
        "Print\n\nComments\n\nShare\n\n" + BODY + "© 2026 Example"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert headline in lines and dateline in lines


@pytest.mark.parametrize(
    "between",
    ["Share\n\nTweet\n\nEmail\n\n", "Tags: refugees, labour\n\n", "Related posts\n\nSpring\n\n"],
)
def test_notes_under_their_heading_stay_below_a_share_row_tags_or_a_list(between: str) -> None:
    notes = [
        "Notes",
        "1 Ministry of Unification, Survey of North Korean Defectors 2025",
        "[2] Kim, J. (2024). Labour markets and resettlement. Seoul: KIPR",
    ]
    text = (
        "Home\n\nAbout\n\nDonate\n\n" + BODY + between + "\n\n".join(notes) + "\n\n© 2026 Example"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(n in lines for n in notes)
    assert "Tweet" not in lines


@pytest.mark.parametrize(
    ("tail", "credit"),
    [
        (
            "IMG_2043.jpg\n\nMi-ran at her bakery in Busan, March 2026\n\n",
            "Mi-ran at her bakery in Busan, March 2026",
        ),
        (
            "photo_01.jpg\n\n김장 나눔 행사에 참여한 어머니들\n\n",
            "김장 나눔 행사에 참여한 어머니들",
        ),
        ("Share\n\nTweet\n\n(Translated by Hana Seo)\n\n", "(Translated by Hana Seo)"),
    ],
)
def test_a_caption_or_credit_under_the_last_paragraph_stays(tail: str, credit: str) -> None:
    text = (
        "Home\n\nAbout\n\nDonate\n\nA winter in Yanji\n\n"
        + BODY
        + tail
        + "Privacy Policy\n\n© 2026 X"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert credit in lines
    assert "Privacy Policy" not in lines


@pytest.mark.parametrize(
    "head",
    [
        [
            "Winter in Yanji: a mother's story",
            "How one woman survived her first year",
            "By Jane Doe",
            "March 3, 2026",
        ],
        [
            "연길의 겨울, 한 어머니의 이야기",
            "강을 건넌 뒤 첫 해를 버틴 방법",
            "글 박서윤",
            "2026. 3. 3.",
        ],
    ],
)
def test_headline_dek_byline_and_date_over_a_share_row_all_stay(head: list[str]) -> None:
    text = (
        "Home\n\nAbout\n\nStories\n\nDonate\n\nSign in\n\n"
        + "\n\n".join(head)
        + "\n\nShare\n\nTweet\n\n"
        + BODY
        + "Privacy Policy\n\n© 2026 Example Org"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(h in lines for h in head)
    assert "Sign in" not in lines and "Tweet" not in lines


BODY_KO = (
    "국내에 정착한 북한이탈주민 10명 가운데 4명은 최근 1년 사이 돈이 없어 병원 진료를 "
    "포기한 경험이 있는 것으로 나타났다.\n\n"
    "진료를 포기한 이유로는 진료비 부담이 가장 많았고, 일 때문에 시간을 낼 수 없어서가 "
    "뒤를 이었다.\n\n"
)


def test_a_headline_over_two_deks_and_the_reporters_email_stay() -> None:
    """A Korean news head: headline, two dek lines, the reporter, the reporter's e-mail and
    the dates. The e-mail beside "오승민 기자" is the byline's, not a footer's contact."""
    head = [
        '탈북민 10명 중 4명 "의료비 부담에 병원 못 가"',
        "시민단체 실태조사… 치과·정신건강 진료 포기 가장 많아",
        '"건강보험 있어도 비급여 진료비 감당 못 해"',
        "오승민 기자",
        "osm@hanbitilbo.co.kr",
        "입력 2023.12.06 14:22",
    ]
    text = (
        "로그인\n\n회원가입\n\n사회 > 복지\n\n"
        + "\n\n".join(head)
        + "\n\n기사 공유\n\n"
        + BODY_KO
        + "저작권자 © 한빛일보 무단전재 및 재배포 금지"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(h in lines for h in head)
    assert "사회 > 복지" not in lines and "로그인" not in lines


def test_the_reporters_email_under_the_last_paragraph_stays_and_the_footer_goes() -> None:
    text = (
        "전체메뉴\n\n검색\n\n청년 창업 5년 생존율 31%\n\n김보람 기자\n\n"
        + BODY_KO
        + "kbr@hgnews.co.kr\n\n제보는 카카오톡 hgjebo\n\n"
        + "<저작권자(c) 한결뉴스, 무단 전재-재배포 금지>\n\n© 2023 한결뉴스"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert "kbr@hgnews.co.kr" in lines
    assert "제보는 카카오톡 hgjebo" not in lines


def test_a_contact_email_in_a_footer_still_goes() -> None:
    text = (
        "Home\n\nAbout\n\nDonate\n\nA winter in Yanji\n\n"
        + BODY
        + "Privacy Policy\n\ninfo@example.org\n\n© 2026 Example Org"
    )
    assert "info@example.org" not in strip_boilerplate(text)[0].split("\n")


def test_the_reporters_email_and_filing_time_under_a_closing_list_stay() -> None:
    """A wire story ends in a short list; the reporter's e-mail and the "송고" time stand
    under its items, past the copyright line, and are the story's, not the footer's."""
    text = (
        "전체메뉴\n\n검색\n\n청년 창업 5년 생존율 31%\n\n김보람 기자\n\n"
        + BODY_KO
        + "이번 방안에는 다음 내용도 담겼다.\n\n- 취업장려금 지급 기간 연장\n"
        + "- 자격증 취득 장려금 신설\n\nkbr@hgnews.co.kr\n\n"
        + "<저작권자(c) 한결뉴스, 무단 전재-재배포 금지>\n\n2025/06/03 11:12 송고\n\n"
        + "#북한이탈주민\n\n#정착지원금\n\n#통일부\n\n© 2025 한결뉴스"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert "kbr@hgnews.co.kr" in lines and "2025/06/03 11:12 송고" in lines
    assert "- 자격증 취득 장려금 신설" in lines
    assert "#통일부" not in lines and "© 2025 한결뉴스" not in lines


def test_items_of_a_list_the_article_announces_stay_even_menu_words() -> None:
    """ "The centre offers:" over "Korean", "English", "Accounting": alone "English" is a
    language switch, but here the article announces it as an item of its own list."""
    text = (
        "Home\n\nAbout\n\nDonate\n\nA winter in Yanji\n\n"
        + BODY
        + "The centre offers:\n\nKorean\n\nEnglish\n\nAccounting\n\n"
        + BODY
        + "Privacy Policy\n\n© 2026 Example Org"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(item in lines for item in ("Korean", "English", "Accounting"))
    assert "Home" not in lines and "Privacy Policy" not in lines


def test_a_short_thanks_and_the_sign_off_under_the_last_paragraph_stay() -> None:
    """ "고맙습니다." has its own full stop (a menu item has none), "- 봄날나눔 사무국 드림"
    signs the post and "사진: 봄날나눔" credits its photos; the share row and the links to
    the neighbouring posts under them go."""
    text = (
        "메뉴\n홈\n단체소개\n후원하기\n\n봄 김장 나눔을 마치고\n\n2025. 4. 2. 10:15\n\n"
        + BODY_KO
        + "고맙습니다.\n\n- 봄날나눔 사무국 드림\n\n사진: 봄날나눔\n\n공감 12\n\n공유하기\n\n"
        + "카카오톡\n\n이전 글: 3월 정기모임 후기\n\n© 2025 봄날나눔"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    for line in ("고맙습니다.", "- 봄날나눔 사무국 드림", "사진: 봄날나눔"):
        assert line in lines, line
    for line in ("공감 12", "공유하기", "이전 글: 3월 정기모임 후기", "© 2025 봄날나눔"):
        assert line not in lines, line


def test_a_headline_over_three_deks_above_a_share_row_and_photo_stays() -> None:
    """Headline, three deks, then a share row and the lead photo's file name over the
    first paragraph: only the site's menu and banner close its header, so the headline and
    deks stay while the menu, the share row and the file name go."""
    head = [
        "Night classes fill up as newcomers chase certificates",
        "Waiting lists have doubled since spring",
        "Teachers say funding has not kept pace",
        "A third of students are over forty",
    ]
    text = (
        "Home\nWorld\nAsia\nSubscribe\n\n"
        + "\n".join(head)
        + "\n\nShare\nTweet\nEmail\n\nclassroom-night.jpg\nStudents at a night class.\n\n"
        + BODY
        + "Terms of Use\nPrivacy Policy\n© 2025 Harbor Post"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(h in lines for h in head)
    for chrome in ("Home", "Subscribe", "Share", "classroom-night.jpg", "Privacy Policy"):
        assert chrome not in lines, chrome


def test_a_board_posts_title_and_its_date_line_stay() -> None:
    """A Korean board (gnuboard) prints "관리자 작성일25-04-10 14:02 조회 231회" under the
    post's title: a date line with a two-digit year, so the title over it is the post's,
    while the menu and the attachment label above the body go."""
    text = (
        "새터공동체\n공동체소개\n활동\n소식지\n후원\n\n2025년 봄호 - 다시 봄\n"
        "관리자 작성일25-04-10 14:02 조회 231회\n첨부파일\n\n" + BODY_KO + "© 새터공동체"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert "2025년 봄호 - 다시 봄" in lines
    assert "관리자 작성일25-04-10 14:02 조회 231회" in lines
    assert "공동체소개" not in lines and "첨부파일" not in lines


def test_an_impact_counter_and_a_one_line_paragraph_over_it_stay() -> None:
    """ "48" "Families" "1,200" "Meals shared" is a figure over its label (an impact
    counter), not a reaction row's button over its count; "They came." is a sentence."""
    stats = ["They came.", "48", "Families", "1,200", "Meals shared", "15", "Volunteers"]
    text = (
        "Home\nAbout\nGive\n\nOur first year\n\n"
        + BODY
        + "\n".join(stats)
        + "\n\n"
        + BODY
        + "좋아요\n3\n슬퍼요\n0\n화나요\n1\n\n© 2025 Open Table"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert all(s in lines for s in stats)
    assert "좋아요" not in lines and "화나요" not in lines


def test_a_bulleted_menu_under_the_last_paragraph_is_no_sign_off() -> None:
    """A dash signs the post only where it names someone ("- 은별(가명), 멘티"); "- About"
    under the last paragraph of a text capture is its menu."""
    text = (
        "Home\nDonate\n\nA winter in Yanji\n\n"
        + BODY
        + "- Hana Lee, coordinator\n\n- About\n- Stories\n- Contact\n\n© 2026 Example Org"
    )
    lines = strip_boilerplate(text)[0].split("\n")
    assert "- Hana Lee, coordinator" in lines
    assert "- About" not in lines and "- Stories" not in lines

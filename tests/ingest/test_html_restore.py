"""What the article extractor drops from inside the article comes back (issue 17, heldout6):
short speaker turns, a portal story's headline under the site's logo, a two-line caption,
a closing paragraph that is one link, a "name (age)" heading between paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from moksori.ingest.boilerplate import strip_boilerplate
from moksori.ingest.limits import Limits
from moksori.ingest.model import Extracted
from moksori.ingest.readers import html as html_reader
from moksori.ingest.readers.html import read_html
from moksori.ingest.readers.html_restore import with_dropped_paragraphs

DATA = Path(__file__).parent / "data" / "web"
SHORT_TURNS = ["인터뷰어: 자격증은요?", "인터뷰어: 단골은 몇 분이세요?", "한소영: 서른 명쯤요."]


def read(name: str) -> Extracted:
    [doc] = read_html((DATA / name).read_bytes(), name, Limits())
    return doc


def lines(doc: Extracted) -> list[str]:
    return [ln for ln in doc.blocks[0].text.split("\n") if ln]


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_short_turns_the_extractor_dropped_come_back_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura drops short paragraphs between long ones on some pages (a Brunch
    interview lost four questions); the page's own <p> elements put them back."""
    real = html_reader._trafilatura

    def dropping(root):  # type: ignore[no-untyped-def]
        doc = real(root)
        doc.text = "\n".join(ln for ln in doc.text.split("\n") if ln.strip() not in SHORT_TURNS)
        return doc

    monkeypatch.setattr(html_reader, "_trafilatura", dropping)
    text = lines(read("qa_short_turns_ko.html"))
    for turn in SHORT_TURNS:
        assert turn in text, turn
    at = text.index("인터뷰어: 단골은 몇 분이세요?")
    assert text[at + 1] == "한소영: 서른 명쯤요."  # in page order, after the question
    answer = next(ln for ln in text if ln.startswith("한소영: 실기가 어려웠죠."))
    assert text.index("인터뷰어: 자격증은요?") == text.index(answer) - 1


def test_a_gap_is_filled_only_with_paragraphs_between_adjacent_article_lines() -> None:
    blocks = {line: lxml_html.Element("div") for line in ("One.", "Dropped paragraph.", "Two.")}
    visible = ["Home", "A long first paragraph.", "Q: Why?", "A long answer.", "Share", "Next"]
    out = with_dropped_paragraphs(["A long first paragraph.", "A long answer."], visible, {})
    assert out == ["A long first paragraph.", "Q: Why?", "A long answer."]
    # Chrome between two article lines ("Share") and lines outside the article stay out.
    visible = ["First paragraph here.", "Share", "Last paragraph here."]
    kept = ["First paragraph here.", "Last paragraph here."]
    shared = lxml_html.Element("div")
    assert with_dropped_paragraphs(kept, visible, dict.fromkeys(visible, shared)) == kept
    # Two article lines that are not neighbours in the extracted text, nor in one element.
    visible = ["One.", "Dropped paragraph.", "Two."]
    assert with_dropped_paragraphs(["Two.", "One."], visible, blocks) == ["Two.", "One."]


def test_a_first_or_last_paragraph_the_extractor_dropped_comes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At the article's edge only the paragraphs in the same element as its own return."""
    first = "올해 세 번째 금융교실이 지난주 끝났다."
    last = "새날동행은 올해 금융교실을 4기까지 열 계획이다."
    real = html_reader._trafilatura

    def dropping(root):  # type: ignore[no-untyped-def]
        doc = real(root)
        doc.text = "\n".join(ln for ln in doc.text.split("\n") if not ln.startswith((first, last)))
        return doc

    monkeypatch.setattr(html_reader, "_trafilatura", dropping)
    text = lines(read("ngo_link_close_ko.html"))
    assert [ln for ln in text if ln.startswith(first)]
    assert [ln for ln in text if ln.startswith(last)]
    assert "청소년 멘토링 6기 발대식 열려" not in text


def test_a_portal_story_keeps_its_headline_not_the_sites_logo() -> None:
    """A portal's logo is the page's only h1 (links only); the <title> names the story."""
    doc = read("portal_logo_ko.html")
    text = lines(doc)
    assert doc.title == "동네 도서관 한글 교실, 올해 수강생 두 배로"
    assert text[0] == doc.title
    assert "누리포털뉴스" not in text


def test_both_lines_of_a_caption_split_by_br_are_kept() -> None:
    text = lines(read("portal_logo_ko.html"))
    assert "받아쓰기하는 수강생들" in text
    assert (
        "(서울=가상통신) 지난 4월 한 구립도서관 한글 교실에서 수강생들이 받아쓰기를 하고 있다. "
        "[가상통신 자료사진]" in text
    )


def test_a_closing_paragraph_that_is_one_link_is_kept() -> None:
    """The last paragraph of a post, written as one link ("신청 방법은 … 볼 수 있다."), is prose
    the reader saw; trafilatura leaves it out as a link."""
    text = lines(read("ngo_link_close_ko.html"))
    assert "4기 수업 일정과 신청 방법은 누리집 게시판에서 볼 수 있다." in text
    assert "청소년 멘토링 6기 발대식 열려" not in text


def test_a_name_with_an_age_between_paragraphs_is_no_category_count() -> None:
    text = "\n\n".join(
        [
            "Home | About | Stories | Donate",
            "병원 접수창구에서 “어디가 아프세요?”라는 질문은 간단해 보인다. 그러나 막 하나원을 "
            "나온 사람에게 낯선 말은 외국어와 같다.",
            "정민 (26)",
            "“제가 처음 왔을 때 ‘내시경’이 뭔지 몰라서 그냥 네, 네 했어요.”",
            "정민 씨는 지금까지 41번 동행했다.",
            "Categories",
            "Stories (12)",
            "News (4)",
            "© 2024 Example Org. All rights reserved.",
        ]
    )
    kept, _ = strip_boilerplate(text)
    assert "정민 (26)" in kept.split("\n")
    assert "Stories (12)" not in kept and "News (4)" not in kept


def test_a_related_posts_table_cell_is_not_restored_as_a_headline() -> None:
    """trafilatura keeps a blog's "other posts" table as rows ("| title | date |") and drops
    its heading; the first row's title over its date must not come back as a headline."""
    rows = [
        ("할머니들의 응원 편지", "2023. 11. 12."),
        ("맞춤법 퀴즈 대회를 열었다 (상품은 귤 한 봉지)", "2023. 11. 5."),
        ("새 봉사자 두 분이 오셨다", "2023. 10. 29."),
    ]
    table = "".join(f"<tr><td><a href='#'>{t}</a></td><td>{d}</td></tr>" for t, d in rows)
    body = (
        "<article><h1>받아쓰기 공책 세 권째</h1>"
        "<p>오늘로 영자 할머니 받아쓰기 공책이 세 권째가 됐다. 할머니는 올해 일흔여섯이시다.</p>"
        "<p>쉬는 시간에 할머니가 왜 그렇게 받아쓰기를 열심히 하시는지 여쭤봤다. 병원에서 이름을 "
        "직접 쓰고 싶다고 하셨다.</p></article>"
        f"<div><h4>'봉사일기' 카테고리의 다른 글</h4><table>{table}</table></div>"
    )
    [doc] = read_html(page(body), "table.html", Limits())
    text = lines(doc)
    assert "할머니들의 응원 편지" not in text and "2023. 11. 12." not in text
    assert any(ln.startswith("쉬는 시간에 할머니가") for ln in text)


def test_a_pull_quote_after_a_list_comes_back_with_its_attribution() -> None:
    """trafilatura drops a ``<figure><blockquote>`` pull quote; the list over it is one
    paragraph of "- " items, which must not hide that the quote stands between two article
    paragraphs (issue 17, heldout7 WordPress)."""
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Winter</title></head><body>"
        "<article><h1>A first winter in Seoul</h1>"
        "<p>Most of the people we work with arrive after months in China and a long journey "
        "through Southeast Asia. The first winter brings problems nobody warned them about:</p>"
        "<ul><li>Heating bills that arrive weeks later and cost three times as much</li>"
        "<li>Neighbours who never say hello in the lift or on the stairs</li></ul>"
        "<figure class='wp-block-pullquote'><blockquote><p>\"The cold stays outside the window. "
        'The quiet comes in."</p><cite>A resident of the house, age 47</cite></blockquote></figure>'
        "<h2>How the house works</h2>"
        "<p>The house has five rooms. People stay between two and eight weeks after leaving the "
        "resettlement centre, while they wait for their own flat to be ready for them.</p>"
        "<p>Volunteers cook dinner on Fridays, and residents take turns choosing the dish, which "
        "is how we learned to make potato noodles from scratch last year.</p>"
        "</article></body></html>"
    )
    [doc] = read_html(page.encode(), "pullquote.html", Limits())
    lines = [ln for ln in doc.blocks[0].text.split("\n") if ln]
    quote = '"The cold stays outside the window. The quiet comes in."'
    assert quote in lines
    assert lines[lines.index(quote) + 1] == "A resident of the house, age 47"
    assert lines.index(quote) < lines.index("How the house works")


@pytest.mark.parametrize("label", ["Policy Brief No. 31", "정책브리프 제12호"])
def test_a_series_number_over_the_headline_is_kept(label: str) -> None:
    """A report is cited by its number; extractors drop it with the kicker it looks like
    (issue 17, heldout7 think-tank brief)."""
    headline = "Counting the Unregistered: Children Born in Transit"
    parts = "".join(
        f"<h2>{k}. Part {k}</h2><p>Part {k} of the brief describes the interviews held the year "
        "before, and what the women said about the counties where they lived, the work they "
        "found and the people who helped them.</p>"
        for k in range(1, 6)
    )
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{headline} | IPMS</title></head><body>"
        "<nav><ol><li><a href='/'>Home</a></li><li><a href='/p/'>Publications</a></li></ol></nav>"
        f"<article class='publication'><div class='pub-type'>{label}</div><h1>{headline}</h1>"
        "<div class='pub-authors'>Min-seo Kang, Research Fellow</div>"
        "<div class='pub-date'>Published 2 March 2026</div>"
        "<div class='pub-actions'><a href='/x.pdf'>Download PDF (300 KB)</a></div>"
        f"<div class='pub-body'>{parts}</div></article></body></html>"
    )
    [doc] = read_html(page.encode(), "brief.html", Limits())
    lines = [ln for ln in doc.blocks[0].text.split("\n") if ln]
    assert lines[:2] == [label, headline]


def test_a_blogs_linked_name_is_not_put_over_its_post() -> None:
    """The blog's name (an ``<h1>`` that is one link) is the logo, and no visible line is
    named by the ``<title>``: no headline is put back, so neither the name nor the menu
    under it comes in over the post's own heading (issue 17, heldout7 Blogger)."""
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Friday Kitchen: The night Eun-ji cooked for everyone</title></head><body>"
        "<header><h1><a href='https://friday-kitchen.example/'>Friday Kitchen</a></h1>"
        "<p>A volunteer's notes from a community kitchen in Incheon.</p></header>"
        "<ul><li><a href='/'>Home</a></li><li><a href='/p/about.html'>About</a></li>"
        "<li><a href='/p/help.html'>Volunteer with us</a></li></ul>"
        "<div class='post'><h2 class='date-header'>Saturday, March 7, 2026</h2>"
        "<h3 class='post-title'>The night Eun-ji cooked for everyone</h3>"
        "<div class='post-body'>"
        "<p>Most Fridays we cook rice and soup for thirty people and wash up by nine. Last "
        "week Eun-ji asked if she could cook the dish her mother made on holidays instead.</p>"
        "<p>She spent three hours on potato dumplings and would not let anyone help. When "
        "the first tray came out, the room went quiet, and then everyone wanted the recipe.</p>"
        "<p>She wrote it on the whiteboard in Korean and in English, and added a line at the "
        "bottom: the dough must rest, like people do.</p>"
        "</div></div></body></html>"
    )
    [doc] = read_html(page.encode(), "blog.html", Limits())
    lines = [ln for ln in doc.blocks[0].text.split("\n") if ln]
    assert "Friday Kitchen" not in lines
    assert "Volunteer with us" not in lines
    assert "The night Eun-ji cooked for everyone" in lines

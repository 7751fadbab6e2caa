"""HTML captures: the article is kept whole, the page chrome is listed as removed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from moksori.errors import EmptyFile, FileTooLarge
from moksori.ingest.limits import Limits
from moksori.ingest.model import Extracted
from moksori.ingest.readers import html as html_reader
from moksori.ingest.readers.html import decode_html, read_html

DATA = Path(__file__).parent / "data" / "web"
PAGES = ["ngo_blog_en.html", "ngo_news_ko.html"]


def read(name: str) -> Extracted:
    [doc] = read_html((DATA / name).read_bytes(), name, Limits())
    return doc


def expected(name: str) -> dict:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


ARTICLE = (
    "<article><h1>Winter in Yanji</h1>"
    "<p>The first winter in Yanji was the coldest she could remember, and the flat had no heating "
    "at all.</p><p>She worked in a restaurant kitchen from six in the morning until midnight, "
    "and she slept in a storeroom behind the kitchen with two other women.</p>"
    "<p>In March a broker came to the restaurant and offered to take her south for a price she "
    "could not pay.</p></article>"
)
NAV = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About us</a></li></ul></nav>"
FOOTER = "<footer><p>&copy; 2024 Example Org. All rights reserved.</p></footer>"


@pytest.mark.parametrize("name", PAGES)
def test_one_html_document_with_metadata(name: str) -> None:
    doc = read(name)
    exp = expected(name)
    assert doc.format == "html"
    assert doc.web_capture_candidate is False
    assert len(doc.blocks) == 1
    assert doc.title == exp["title"]
    assert doc.date == exp["date"]
    if "author" in exp:
        assert doc.author == exp["author"]


@pytest.mark.parametrize("name", PAGES)
def test_every_body_sentence_is_kept(name: str) -> None:
    text = read(name).blocks[0].text
    missing = [s for s in expected(name)["keep"] if s not in text]
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_chrome_is_left_out_and_listed_as_removed(name: str) -> None:
    doc = read(name)
    text = doc.blocks[0].text
    removed = "\n".join(r.text for r in doc.removed)
    for chrome in expected(name)["chrome"]:
        assert chrome not in text, chrome
        assert chrome in removed, chrome
    assert all(r.reason for r in doc.removed)
    assert any(r.reason == html_reader.REMOVED_REASON for r in doc.removed)


@pytest.mark.parametrize("name", PAGES)
def test_paragraphs_and_offsets(name: str) -> None:
    doc = read(name)
    text = doc.blocks[0].text
    assert "\n\n" in text and "\n\n\n" not in text
    assert all(0 <= r.at <= len(text) for r in doc.removed)
    assert [r.at for r in doc.removed] == sorted(r.at for r in doc.removed)
    assert doc.removed[0].at == 0  # the header stood before the article


def test_visible_headline_opens_the_text() -> None:
    doc = read("ngo_blog_en.html")
    assert doc.blocks[0].text.startswith(expected("ngo_blog_en.html")["title"] + "\n\n")
    assert not any(doc.title in r.text.split("\n") for r in doc.removed if doc.title)


def test_tiny_page_is_kept() -> None:
    data = "<html><body><p>탈북 후 첫 겨울</p></body></html>".encode()
    [doc] = read_html(data, "tiny.html", Limits())
    assert doc.blocks[0].text == "탈북 후 첫 겨울"
    assert doc.removed == []


def test_sidebar_is_placed_after_the_article() -> None:
    doc = read("ngo_blog_en.html")
    text = doc.blocks[0].text
    archive = next(r for r in doc.removed if "March 2023 (4)" in r.text)
    assert archive.at == len(text)


def test_korean_page_honours_meta_charset() -> None:
    data = (DATA / "ngo_news_ko.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read("ngo_news_ko.html")
    assert doc.encoding == "cp949"
    assert doc.quality == "ok"
    assert "탈북 청년" in doc.blocks[0].text


def test_wrong_meta_charset_falls_back_to_detection() -> None:
    korean = "<p>그는 2016년 겨울 두만강을 건너 중국 연길에 도착했다고 천천히 말했다.</p>"
    data = f'<html><head><meta charset="utf-8"></head><body>{korean}</body></html>'.encode("cp949")
    decoded = decode_html(data, "x.html")
    assert "두만강" in decoded.text
    latin_label = page(korean, '<meta charset="iso-8859-1">')
    assert "두만강" in decode_html(latin_label, "x.html").text


def test_deterministic() -> None:
    data = (DATA / "ngo_blog_en.html").read_bytes()
    first = read_html(data, "a.html", Limits())
    second = read_html(data, "a.html", Limits())
    assert first == second


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura", lambda root: None)
    doc = read("ngo_blog_en.html")
    text = doc.blocks[0].text
    missing = [s for s in expected("ngo_blog_en.html")["keep"] if s not in text]
    assert missing == []
    for chrome in ("Donate now", "Skip to content", "March 2023 (4)", "© 2023"):
        assert chrome not in text
        assert any(chrome in r.text for r in doc.removed)


def test_small_page_in_a_bare_layout() -> None:
    [doc] = read_html(page(NAV + ARTICLE + FOOTER), "small.html", Limits())
    text = doc.blocks[0].text
    assert "a broker came to the restaurant" in text
    assert "All rights reserved" not in text
    assert any("All rights reserved" in r.text for r in doc.removed)


def test_chrome_only_page_is_empty() -> None:
    chrome = NAV + "<div class='donate'><a href='/d'>Donate now</a></div>" + FOOTER
    with pytest.raises(EmptyFile, match="no article text found"):
        read_html(page(chrome), "chrome.html", Limits())


@pytest.mark.parametrize("data", [b"", b"   \n", page(""), b"<html></html>"])
def test_empty_pages(data: bytes) -> None:
    with pytest.raises(EmptyFile):
        read_html(data, "empty.html", Limits())


def test_entities_are_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<html><body>{ARTICLE}<p>&c; &x;</p></body></html>"
    ).encode()
    [doc] = read_html(bomb, "bomb.html", Limits())
    text = doc.blocks[0].text
    assert "aaaaaaaaaa" not in text and "root:" not in text
    assert "]>" not in text
    assert "The first winter in Yanji" in text


def test_size_limit() -> None:
    with pytest.raises(FileTooLarge):
        read_html(page(ARTICLE), "big.html", Limits(max_file_bytes=100))


def test_tables_are_kept() -> None:
    table = (
        "<table><tr><th>Year</th><th>Arrivals</th></tr>"
        "<tr><td>2019</td><td>1047</td></tr><tr><td>2020</td><td>229</td></tr></table>"
    )
    [doc] = read_html(page(ARTICLE.replace("</article>", table + "</article>")), "t.html", Limits())
    assert "1047" in doc.blocks[0].text


def test_qa_page_keeps_its_bylines_and_its_turns_stop_at_the_appended_article() -> None:
    """trafilatura drops the bylines under the headlines; they are put back, and the one
    under the appended article's headline ends the last speaker's turn there."""
    from moksori.ingest.pipeline import ingest_bytes

    path = Path(__file__).parent / "data" / "webpages" / "dev" / "qa_ko.html"
    doc = ingest_bytes(path.read_bytes(), path.name).documents[0]
    assert "2024년 3월 2일 | 작성자: 한울타리 홍보팀" in doc.text
    assert "2024년 2월 14일 | 작성자: 오세린 연구원" in doc.text
    article = doc.text.index("청년 탈북민 첫 일자리")
    turns = [s for s in doc.segments if s.kind == "turn"]
    assert len(turns) == 6 and all(t.end <= article for t in turns)
    removed = "\n".join(r.text for r in doc.removed)
    chromes = ("sns_share_btn.png", "한울타리와 함께해 주세요", "ⓒ 한울타리 All rights reserved.")
    for chrome in chromes:
        assert chrome not in doc.text and chrome in removed, chrome


def test_captions_subtitle_byline_and_date_of_the_article_are_kept() -> None:
    """trafilatura drops the dek, the byline, the <time> and the <figcaption>; the article
    holds them, so they come back in page order, while a related list's dates stay out."""
    body = (
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        "<article><h1>Winter in Yanji</h1>"
        "<p class='dek'>Newcomers say the first winter decides whether they stay.</p>"
        "<div class='byline-block'><p class='byline'>By Mina Park and Joon Choi</p>"
        "<time datetime='2025-06-02'>June 2, 2025</time></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").replace(
            "</p><p>She worked",
            "</p><figure><img src='k.jpg' alt=''><figcaption>A flat in Yanji in January, "
            "its windows covered in plastic.</figcaption></figure><p>She worked",
        )
        + "<aside class='related'><ul><li><a href='/x'>Another story</a> "
        "<span class='related-date'>May 1, 2025</span></li></ul></aside>" + FOOTER
    )
    [doc] = read_html(page(body), "news.html", Limits())
    text = doc.blocks[0].text
    lines = [ln for ln in text.split("\n") if ln]
    for line in (
        "Newcomers say the first winter decides whether they stay.",
        "By Mina Park and Joon Choi",
        "June 2, 2025",
        "A flat in Yanji in January, its windows covered in plastic.",
    ):
        assert line in lines, line
    assert lines.index("By Mina Park and Joon Choi") < lines.index("June 2, 2025")
    assert text.index("June 2, 2025") < text.index("The first winter in Yanji")
    assert text.index("The first winter") < text.index("A flat in Yanji") < text.index("She worked")
    assert "May 1, 2025" not in text


def test_labelled_donation_and_citation_boxes_inside_the_article_are_removed() -> None:
    """A box the page labels as a donation call or a "cite this" box is chrome even where
    its appeal reads like prose; it stays visible as removed text."""
    box = (
        "<div class='support-box'><strong>Stand with mothers like her</strong>"
        "<p>Monthly gifts connect the children of single mothers with a study mentor.</p>"
        "<a href='/donate'>Donate now</a></div>"
        "<section id='cite' class='cite-box'><h3>Cite this publication</h3>"
        '<p>Park, Mina. "Winter in Yanji." Example Institute, 2025.</p></section>'
    )
    data = page(NAV + ARTICLE.replace("</p><p>She worked", "</p>" + box + "<p>She worked"))
    [doc] = read_html(data, "box.html", Limits())
    text = doc.blocks[0].text
    removed = "\n".join(r.text for r in doc.removed)
    for line in (
        "Stand with mothers like her",
        "Monthly gifts connect the children of single mothers with a study mentor.",
        "Cite this publication",
        'Park, Mina. "Winter in Yanji." Example Institute, 2025.',
    ):
        assert line not in text and line in removed, line
    assert "She worked in a restaurant kitchen" in text and "In March a broker" in text


def test_byline_and_caption_come_back_under_a_huge_menu() -> None:
    """Think-tank pages put a hundred menu lines before the article; the byline is still
    found, and a lead photo's caption over the headline is kept."""
    menu = "<nav><ul>" + "".join(f"<li><a href='/{i}'>Topic {i}</a></li>" for i in range(120))
    body = (
        menu + "</ul></nav><article>"
        "<figure><img src='hero.jpg' alt=''><figcaption>Arrivals wait at the Hanawon gate "
        "in March.</figcaption></figure>"
        "<h1>Winter in Yanji</h1><p class='pub-authors'>Mina Park, Senior Fellow</p>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>")
    )
    [doc] = read_html(page(body), "think.html", Limits())
    lines = doc.blocks[0].text.split("\n")
    assert "Mina Park, Senior Fellow" in lines
    assert "Arrivals wait at the Hanawon gate in March." in lines
    assert "Topic 7" not in lines


def test_a_short_appended_article_in_a_related_box_is_kept() -> None:
    """A box labelled "related" that holds an article (prose, no call to action) is text."""
    related = (
        "<section class='related-article'><h2>Why the first years matter</h2>"
        "<p>Researchers who follow new arrivals over time describe a recognizable arc, "
        "from paperwork to the first real jobs.</p>"
        "<p>Those who find one trusted colleague report higher life satisfaction years "
        "later, regardless of income.</p></section>"
    )
    [doc] = read_html(
        page(ARTICLE.replace("</article>", related + "</article>")), "r.html", Limits()
    )
    text = doc.blocks[0].text
    assert "Researchers who follow new arrivals" in text
    assert "Those who find one trusted colleague" in text


def test_headline_under_a_logo_h1_and_in_a_most_read_list_is_kept() -> None:
    """A news page's h1 is its logo (trafilatura takes it for the title) and the headline,
    an h2, also stands in the most-read list: it still opens the article."""
    headline = "Job seekers from the North meet the résumé's hometown box"
    body = (
        "<header><h1>Daily Bugle</h1></header><div class='head'>"
        f"<h2>{headline}</h2><p>Interviewers ask where they are from</p>"
        "<span>Published 2026-03-16 06:00</span></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
        + f"<div><h3>Most read</h3><ol><li>1 Rents rise again</li><li>2 {headline}</li>"
        "<li>3 Spring opens early</li></ol></div>" + FOOTER
    )
    [doc] = read_html(page(body), "news.html", Limits())
    lines = doc.blocks[0].text.split("\n")
    assert headline in lines
    assert f"2 {headline}" not in doc.blocks[0].text


def test_author_name_between_headline_and_date_is_kept() -> None:
    """Blog platforms print the author as a bare link over the date, with a Follow button
    and a reading time between: the name is part of the byline."""
    body = (
        "<nav><a href='/'>Home</a> <a href='/about'>About</a> <a href='/in'>Sign in</a></nav>"
        "<article><h1>Winter in Yanji</h1><div><a href='/@river'>River Bridge</a></div>"
        "<div>Follow</div><div>7 min read</div><div><time>Apr 2, 2026</time></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>")
        + FOOTER
    )
    [doc] = read_html(page(body), "blog.html", Limits())
    lines = doc.blocks[0].text.split("\n")
    assert "River Bridge" in lines
    assert "Follow" not in lines


def test_readers_comments_in_a_comment_box_are_removed() -> None:
    """Comments are the readers' words, not the article's: a box the template names
    "comment" goes, list items and all; an article typed "commentary" stays."""
    comments = (
        "<div class='tt-comment-cont'><p>Comments 2</p><ul class='tt-list-reply'>"
        "<li><span>Rain</span><span>2026.01.14 11:02</span><p>Good work, I started to give "
        "monthly too.</p></li><li><span>Hope</span><span>2026.01.14 13:40</span>"
        "<p>Thank you! Have a warm winter.</p></li></ul></div>"
    )
    body = ARTICLE.replace("<article>", "<article class='commentary'>") + comments + FOOTER
    [doc] = read_html(page(body), "c.html", Limits())
    text = doc.blocks[0].text
    assert "Good work, I started to give monthly too." not in text
    assert "Thank you! Have a warm winter." not in text
    assert "In March a broker came to the restaurant" in text


def test_answers_labelled_reply_and_an_editors_comment_paragraph_stay() -> None:
    body = ARTICLE.replace(
        "</article>",
        "<p class='reply'>A: We waited for the broker in the restaurant until the spring came, "
        "and then we left at night.</p><p class='comment'>Editor's note: names were changed "
        "to protect the family.</p></article>",
    )
    [doc] = read_html(page(body + FOOTER), "qa.html", Limits())
    text = doc.blocks[0].text
    assert "We waited for the broker" in text
    assert "Editor's note: names were changed" in text


def _lines_of(body: str, head: str = '<meta charset="utf-8">') -> list[str]:
    [doc] = read_html(page(body, head), "p.html", Limits())
    return [ln for ln in doc.blocks[0].text.split("\n") if ln]


def test_a_dek_of_two_lines_and_the_reporters_email_come_back() -> None:
    """An <h3 class="subheadline"> split by <br> is the dek (not an inner headline), and the
    byline box's e-mail is the reporter's: extractors drop both."""
    body = (
        NAV + "<div class='article-head'><h2 class='headline'>Winter in Yanji</h2>"
        "<h3 class='subheadline'>Newcomers say the first winter decides it<br>"
        "Most stay once they have lived through it</h3>"
        "<div class='byline'><p class='reporter'>Mina Park</p>"
        "<p class='email'>mpark@example-news.kr</p></div>"
        "<p class='date'>June 2, 2025</p></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
        + FOOTER
    )
    lines = _lines_of(body)
    for part in (
        "Newcomers say the first winter decides it",
        "Most stay once they have lived through it",
        "mpark@example-news.kr",
    ):
        assert part in lines, part
    assert lines.index("Most stay once they have lived through it") < lines.index("June 2, 2025")


def test_the_author_the_metadata_names_and_an_author_list_come_back() -> None:
    """A name printed as a bare profile link ("Lena Cho" over a "Follow" button) comes back
    when the author meta tag names it; each name of an authors field comes back, its
    "Follow" button does not."""
    medium = (
        "<h1>Winter in Yanji</h1><div class='pw-author'><a href='/@lena'>Lena Cho</a></div>"
        "<span>·</span><button>Follow</button><div><span>Nov 20, 2023</span></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
    )
    lines = _lines_of(medium, '<meta charset="utf-8"><meta name="author" content="Lena Cho">')
    assert "Lena Cho" in lines and "Follow" not in lines
    drupal = (
        "<h1>Winter in Yanji</h1><div class='field--name-field-authors'>"
        "<div class='field__item'>Dana Whitcombe</div><div class='field__item'>Park Jae-yoon"
        "</div><div class='field__item'><a href='#'>Follow</a></div></div>"
        "<p class='date'>November 29, 2023</p>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
    )
    lines = _lines_of(drupal)
    assert "Dana Whitcombe" in lines and "Park Jae-yoon" in lines and "Follow" not in lines


def test_a_prose_paragraph_that_is_one_link_stays_in_the_article() -> None:
    """Some CMSs wrap a whole paragraph in a link; trafilatura leaves it out, and with it a
    shared passage's copy. It is body; a share bar and a footer stay out. The page is a
    generated, fictional NGO page (its fourth paragraph is one link as a whole)."""
    page = (DATA / "linked_paragraph.html").read_text(encoding="utf-8")
    linked = re.search(r"<p><a href='/report'>([^<]+)</a>", page)
    assert linked is not None
    text = read("linked_paragraph.html").blocks[0].text
    assert linked.group(1) in text
    assert text.index("평균 14주") < text.index(linked.group(1)) < text.index("평균 18주")
    assert "공유하기:" not in text and "© 2025" not in text


def test_short_list_items_are_stored_as_the_page_shows_them() -> None:
    """trafilatura writes "- " before each list item; the reader saw a drawn bullet, so the
    item is stored as its own line ("수료증 전달") and is not listed as removed. A dash the
    page prints itself (a quotation's source line, class "se-cite") stays with it."""
    body = (
        NAV
        + ARTICLE.removesuffix("</article>")
        + "<ol><li>개회 및 경과보고</li><li>수료증 전달</li><li>Free time.</li></ol>"
        '<blockquote><p>"처음에는 의심했어요. 그런데 마음이 열렸어요."</p>'
        "<p class='se-text-paragraph se-cite'>- 은별(가명), 멘티</p></blockquote>"
        "<p>The programme will run again next spring, with twenty new mentors.</p></article>"
        + FOOTER
    )
    [doc] = read_html(page(body), "list.html", Limits())
    lines = doc.blocks[0].text.split("\n")
    for item in ("개회 및 경과보고", "수료증 전달", "Free time.", "- 은별(가명), 멘티"):
        assert item in lines, item
    removed = {line for r in doc.removed for line in r.text.split("\n")}
    assert not removed & {"개회 및 경과보고", "수료증 전달", "Free time."}


def test_a_cite_box_that_says_cite_is_still_removed() -> None:
    body = (
        ARTICLE.removesuffix("</article>")
        + "<div class='cite'><p>Cite this article: Example Org (2024).</p></div></article>"
    )
    assert "Cite this article: Example Org (2024)." not in _lines_of(body)


def test_the_authors_name_as_a_profile_link_comes_back_far_above_the_date() -> None:
    """Medium prints the name as a one-link paragraph, then Follow, the publication and the
    reading time before the date; the author metadata names it, so it is the byline."""
    medium = (
        "<h1>Winter in Yanji</h1><div><p><a href='#'>Daniel Ortiz</a></p><p><button>Follow"
        "</button></p><p><span>Published in</span></p><p><a href='#'>Open Doors</a></p>"
        "<p><span>7 min read</span></p><p><span>Nov 3, 2024</span></p></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
    )
    lines = _lines_of(medium, '<meta charset="utf-8"><meta name="author" content="Daniel Ortiz">')
    assert "Daniel Ortiz" in lines and "Follow" not in lines


def test_a_blog_headline_over_a_date_glued_to_its_category_comes_back() -> None:
    """Tistory prints the category and the date as two spans with nothing between
    ("보고서2025. 2. 3. 09:00"): still a date line, so the headline over it is the post's."""
    body = (
        "<div id='header'><h1><a href='/'>하나로 이야기</a></h1><ul><li><a href='/'>홈</a></li>"
        "<li><a href='/tag'>태그</a></li><li><a href='/guest'>방명록</a></li></ul></div>"
        "<div class='titleWrap'><h2><a href='#'>겨울을 견디는 법</a></h2>"
        "<span class='category'>보고서</span><span class='date'>2025. 2. 3. 09:00</span></div>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
    )
    lines = _lines_of(body)
    assert "겨울을 견디는 법" in lines and "보고서2025. 2. 3. 09:00" in lines
    assert "방명록" not in lines


def test_a_date_that_is_a_list_item_is_stored_once() -> None:
    """Elementor prints the date and author as list items; the byline pass must not put
    the date back a second time beside the list that holds it."""
    body = (
        "<h1>Winter in Yanji</h1><ul class='post-info'><li><span>January 15, 2025</span></li>"
        "<li><span>Sarah Kim</span></li></ul>"
        + ARTICLE.removeprefix("<article><h1>Winter in Yanji</h1>").removesuffix("</article>")
    )
    lines = _lines_of(body)
    assert lines.count("January 15, 2025") == 1 and "Sarah Kim" in lines


LAYOUT_PAGE = (
    "<table><tr><td><a href='/'>함께사는세상</a></td><td><a href='#'>단체소개</a> | "
    "<a href='#'>소식지</a> | <a href='#'>후원안내</a></td></tr></table>"
    "<table><tr><td><ul><li><a href='#'>공지사항</a></li><li><a href='#'>자료실</a></li></ul></td>"
    "<td><table><tr><td class='subject'>소식지 제12호 - 함께 맞는 두 번째 봄</td></tr>"
    "<tr><td class='info'>글쓴이 : 관리자 날짜 : 2025-04-02 조회 : 88</td></tr>"
    "<tr><td class='content'><p>회원 여러분, 안녕하십니까.</p>"
    "<p>올봄에도 새 가족이 다섯 분 오셨습니다. 모두 작년 겨울 하나원을 수료하신 분들입니다.</p>"
    "<p><b>새 가족 소개</b></p><p>박○○ 님 (40대, 함경북도)</p>"
    '<p>"여기 오니 고향 말을 들어서 좋습니다."</p>'
    "<p>다음 모임은 5월 둘째 주 토요일입니다. 많이 오셔서 함께 봄을 맞아 주시기 바랍니다.</p>"
    "<p>사무국장 최하나 드림</p></td></tr></table>"
    "<table><tr><td><a href='#'>목록</a></td><td><a href='#'>이전글</a></td></tr></table>"
    "</td></tr></table><table><tr><td>Copyright (c) 2025 All rights reserved.</td></tr></table>"
)


def test_a_page_laid_out_in_tables_keeps_its_article_lines() -> None:
    """An old board lays the page out in tables: its paragraphs are not one table row run
    together, and the title cell over the byline is the post's title. The layout table
    becomes blocks; the menu and the footer still go."""
    lines = _lines_of(LAYOUT_PAGE)
    for line in (
        "소식지 제12호 - 함께 맞는 두 번째 봄",
        "글쓴이 : 관리자 날짜 : 2025-04-02 조회 : 88",
        "회원 여러분, 안녕하십니까.",
        "새 가족 소개",
        "박○○ 님 (40대, 함경북도)",
        "사무국장 최하나 드림",
    ):
        assert line in lines, line
    assert not any("|" in line for line in lines if "함께 맞는" in line)
    assert "공지사항" not in lines and "Copyright (c) 2025 All rights reserved." not in lines


def test_a_data_table_stays_a_table() -> None:
    body = (
        ARTICLE.removesuffix("</article>")
        + "<table><tr><th>Year</th><th>Arrivals</th></tr><tr><td>2023</td><td>196</td></tr>"
        "</table></article>"
    )
    assert "| 2023 | 196 |" in _lines_of(body)

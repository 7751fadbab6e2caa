"""An author's profile box under a post (name, job, a line of bio) is the writer's advert,
not the post (issue 17, heldout5/6 Brunch); a profile box holding the date is the byline.
The links to the previous and next posts go, too, when the extractor keeps them."""

from __future__ import annotations

from pathlib import Path

from moksori.ingest.limits import Limits
from moksori.ingest.readers.html import parse_html, read_html
from moksori.ingest.readers.html_widgets import without_widgets

PARAGRAPHS = (
    "<p>지난 3월, 충청도의 한 소도시 카페에서 한소영(가명) 씨를 만났다. 소영 씨는 2015년에 "
    "한국에 왔고, 5년째 빵을 굽는다. 묻고 답한 순서대로 옮긴다.</p>"
    "<p>인터뷰어: 빵은 언제부터 배우셨어요?</p>"
    "<p>한소영: 직업학교에서 제과제빵 과정이 있다고 해서 들었어요. 새벽에 일어나는 건 고향에서도 "
    "하던 일이라 어렵지 않았어요.</p>"
    "<p>인터뷰어: 손님들이 말투를 알아채세요?</p>"
    "<p>한소영: 다 아시죠. 처음엔 어디서 왔냐고 많이 물으셨어요. 지금은 단골이 더 많아요. 매일 "
    "아침 같은 시간에 오시는 할머니도 계세요.</p>"
)


def _lines(body: str) -> list[str]:
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    [doc] = read_html(page.encode(), "profile.html", Limits())
    return [ln for ln in doc.blocks[0].text.split("\n") if ln]


def test_a_profile_box_under_the_post_is_removed() -> None:
    """trafilatura takes the box in with the interview above it."""
    data = (Path(__file__).parent / "data" / "web" / "qa_short_turns_ko.html").read_bytes()
    [doc] = read_html(data, "qa.html", Limits())
    lines = [ln for ln in doc.blocks[0].text.split("\n") if ln]
    assert "한소영: 빵 굽는 사람은 어디서 왔든 새벽에 일어나요. 그건 다 똑같아요." in lines
    assert "동네 가게 사람들의 이야기를 기록합니다." not in lines
    assert lines[-1].startswith("한소영: 빵 굽는 사람은")


def test_a_profile_box_with_the_date_is_the_byline() -> None:
    body = (
        "<div class='wrap_body'><h1>제빵사 한소영 씨와 나눈 이야기</h1>"
        "<div class='profile_info'><span>작성자 새벽반죽</span><br><span>작성일 24-04-02 10:17"
        "</span></div>" + PARAGRAPHS + "</div>"
    )
    lines = _lines(body)
    assert "작성자 새벽반죽" in lines


def test_the_previous_and_next_post_links_are_dropped() -> None:
    html = (
        "<html><body><article><h1>금융교실 3기 수료</h1><p>올해 세 번째 금융교실이 끝났다.</p>"
        "</article><section class='item-pagination'><a class='item-pagination-link--prev'>"
        "<div>Previous</div><h2 class='item-pagination-title'>English Circles, Year Two</h2></a>"
        "<a class='item-pagination-link--next'><div>Next</div><h2>Our 2023 Annual Report</h2>"
        "</a></section></body></html>"
    )
    paragraphs = ["금융교실 3기 수료", "올해 세 번째 금융교실이 끝났다.", "Our 2023 Annual Report"]
    kept = without_widgets(paragraphs, parse_html(html, "p.html"), set())
    assert kept == paragraphs[:2]


def test_an_interview_in_a_box_labelled_profile_is_kept() -> None:
    """A "profile" series wraps the whole interview in ``<div class="profile-body">``."""
    body = (
        "<nav><a href='/'>홈</a> <a href='/p'>인물 소개</a></nav><h1>제빵사 한소영 씨</h1>"
        "<div class='profile-body'>" + PARAGRAPHS + "</div>"
        "<footer><p>Copyright © 새날동행. All rights reserved.</p></footer>"
    )
    lines = _lines(body)
    assert "인터뷰어: 빵은 언제부터 배우셨어요?" in lines
    assert any(ln.startswith("한소영: 다 아시죠.") for ln in lines)

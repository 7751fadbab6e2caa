"""Platform-independent UI lines of blog captures (issue 17, heldout6): profile and report
buttons, "log in" notices, like-and-follow appeals, tip jars, "go to" link labels, a
related post's title with its date; and testimony that uses the same words."""

from __future__ import annotations

import pytest

from moksori.ingest.boilerplate import strip_boilerplate
from moksori.ingest.linekinds import BAD, classify, ends_sentence


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("프로필", "navigation"),
        ("신고하기", "navigation"),
        ("로그인이 필요합니다.", "navigation"),
        ("이 글이 유익했다면 공감과 구독 부탁드려요 ^^", "share buttons"),
        ("도움이 되셨다면 좋아요 부탁드립니다!", "share buttons"),
        ("Enjoyed this? Buy me a coffee ☕ and keep the van running.", "banner"),
        ("▶ 겨울 이불 나눔 모금함 바로가기 (해피빈)", "navigation"),
        ("센터 누리집 바로가기 ▶", "navigation"),
        ("Follow", "share buttons"),
        ("팔로우", "share buttons"),
        ("이웃추가", "share buttons"),
        ("Member-only story", "navigation"),
        ("What are your thoughts?", "navigation"),
        ("본문", "navigation"),
        ("페이지 정보", "navigation"),
        ("등록된 댓글이 없습니다.", "navigation"),
        ("No comments yet", "navigation"),
        ("이 기사에 대해 어떻게 생각하시나요?", "navigation"),
        ("What do you think of this article?", "navigation"),
        ("정기후원 : 매월 1만 원부터 자유롭게", "banner"),
        ("제목", "navigation"),
        ("English only", "footer"),
        ("이 블로그 봉사일기 카테고리 글", "link list"),
        ("전체글 보기", "navigation"),
        ("Arabic, English and French only", "footer"),
        ("Original: English", "footer"),
        ("Featured in / 언론 보도", "logo row"),
        ("💌 정기후원 / Become a monthly supporter", "banner"),
        ("Your ₩10,000 a month keeps one learner in the phone class for six weeks.", "banner"),
        ("Subscribe to Bridge Letters | 다리 편지", "banner"),
        ("조회수", "navigation"),
        (
            "I post a short letter every month with new notes. Subscribe here: "
            "haneulnotes.substack.com",
            "banner",
        ),
    ],
)
def test_ui_lines_are_chrome(line: str, reason: str) -> None:
    cls, got, _ = classify(line)
    assert (cls, got) == (BAD, reason)


@pytest.mark.parametrize(
    "line",
    [
        "그 사람 프로필 사진을 보고 바로 알아봤어요.",
        "경찰에 신고하기까지 일주일이 걸렸어요.",
        "은행 앱은 로그인이 필요합니다, 그게 제일 어려웠어요.",
        "언니한테 부탁드려요, 그렇게 말했어요.",
        "He wanted to buy me a coffee, but I said no.",
        "역에서 바로 가기로 했어요.",
        "Follow the river north, my uncle said.",
        "What are your thoughts on the new law, I asked her.",
        "본문을 다 읽고 나서야 무슨 말인지 알았어요.",
        "그 글에는 댓글이 없습니다, 아무도 안 읽었나 봐요.",
        "이 기사에 대해 어떻게 생각하시나요? 하고 기자가 물었다.",
        "후원자: 처음에는 한 달에 만 원씩 보냈어요.",
        "Your ₩50,000 was stolen on the bus, the officer said.",
        "English only, the teacher said, from now on.",
        "Featured in the local paper, she became famous for a week.",
    ],
)
def test_testimony_with_the_same_words_is_kept(line: str) -> None:
    assert classify(line)[0] != BAD


def test_a_date_at_the_end_is_no_sentence() -> None:
    assert not ends_sentence("정착지원금, 어디에 먼저 쓸까 2023. 12. 29.")
    assert ends_sentence("2023년 12월에 처음 만났다.")
    assert ends_sentence("We met in Seoul.")


def test_a_boards_view_count_under_its_label_is_removed() -> None:
    body = [
        "남북동행재단은 24일 북한이탈주민 청년 첫 일자리 실태조사 결과를 발표했다. 조사는 "
        "지난해 가을 청년 600여 명을 대상으로 진행됐다.",
        "첫 직장을 1년 안에 그만둔 비율은 61.4%로 같은 연령대 전체 청년보다 높았다.",
    ]
    text = "\n".join(["홈", "공지사항", "보도자료", "작성자", "홍보팀", "조회수", "1,482", *body])
    kept = strip_boilerplate(text)[0].split("\n")
    assert "1,482" not in kept and "조회수" not in kept
    for line in body:
        assert line in kept


def test_a_sign_off_under_an_inline_logo_row_is_kept() -> None:
    """A logo row printed on one line ("A · B · C") is its heading's only item; the
    newsletter's sign-off under it stays."""
    body = [
        "Since September our volunteers have run a six-week phone safety class for newcomers, "
        "in Korean, with North Korean words explained.",
        "Ms. Ryu is now an assistant teacher in the class, and she is the first to say hang up.",
    ]
    sign_off = ["With gratitude, 고맙습니다,", "Haemil Bridge volunteers"]
    text = "\n".join(
        [
            *body,
            "Featured in / 언론 보도",
            "Korea Daily · The Harbour Times · 시사주간 · 남해일보",
            *sign_off,
            "Subscribe to Bridge Letters | 다리 편지",
            "Type your email…",
            "Subscribe",
            "© 2024 Haemil Bridge",
        ]
    )
    kept = strip_boilerplate(text)[0].split("\n")
    for line in [*body, *sign_off]:
        assert line in kept, line
    assert "Korea Daily · The Harbour Times · 시사주간 · 남해일보" not in kept

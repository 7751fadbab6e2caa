"""Where a select-all text capture's article ends (issue 17, heldout6): a related post's
teaser far below, under a comments block, is not the article's last paragraph, so the
tags, counts and buttons between stay chrome; an appended article still counts as body."""

from __future__ import annotations

from moksori.ingest.boilerplate import strip_boilerplate

BODY = [
    "I volunteer three mornings a week at a community kitchen in Incheon. Most of what I do "
    "is peel onions and listen.",
    "This is not a complaint. The kitchen is where the week's news is passed around.",
    "Over the winter I kept a notebook of the questions people asked me while we cooked. By "
    "March there were more than ninety of them.",
    "Mrs. Ryu (not her real name) is 71. She asked me how to read a gas bill, and then how "
    "to read a letter from her grandson.",
    '"I can read the words," she said. "I cannot read what they want from me."',
    "We read the letter together twice. He wanted to visit in the summer, and he wanted her "
    "to know that he had passed his exams.",
    "Thanks to the cooks, who let me write this, and to everyone who let me tell a small "
    "part of their story.",
]
TAGS = ["Volunteering", "Community", "Incheon", "Kitchens", "Korea"]
BIO = "Cook, volunteer, occasional writer. Incheon."
TEASER = "Two ladles, one stove, and a queue that went out of the door."


def capture() -> str:
    lines = [
        "Open in app",
        "Sign up",
        "Sign in",
        "Write",
        "Notes from the Kitchen",
        "Mina Seo",
        "Follow",
        "6 min read",
        "·",
        "Mar 14, 2024",
        "Share",
        *BODY,
        *TAGS,
        "97",
        "4",
        "Follow",
        "Written by Mina Seo",
        "210 Followers",
        BIO,
        "Follow",
        "Responses (2)",
        "Hana P.",
        "Mar 15, 2024",
        "The letter story stayed with me all day.",
        "8",
        "Reply",
        "See all responses",
        "More from Mina Seo",
        "Lunch for Eighty",
        TEASER,
        "Jan 2, 2024",
        "61",
        "Continue reading",
        "Help",
        "Status",
        "About",
        "Privacy",
        "Terms",
    ]
    return "\n".join(lines)


def test_tags_and_counts_under_the_article_are_removed_before_a_far_teaser() -> None:
    kept = strip_boilerplate(capture())[0].split("\n")
    for line in BODY:
        assert line in kept, line
    for line in [*TAGS, "97", "4"]:
        assert line not in kept, line


def test_a_teaser_and_a_bio_between_chrome_lines_under_the_article_are_removed() -> None:
    kept = strip_boilerplate(capture())[0].split("\n")
    assert TEASER not in kept and BIO not in kept


def test_a_short_closing_paragraph_after_a_sign_up_box_is_kept() -> None:
    closing = "She wrote back to us in May, and she sent a photo of the kitchen."
    text = "\n".join(
        [
            "Home | About | Stories | Donate",
            *BODY[:4],
            "Get the kitchen letter",
            "Email address",
            "Subscribe",
            "Thank you for subscribing!",
            "No spam. Unsubscribe at any time.",
            closing,
            "Share",
            "Facebook",
            "© 2024 Kitchen Notes. All rights reserved.",
        ]
    )
    kept = strip_boilerplate(text)[0].split("\n")
    for line in [*BODY[:4], closing]:
        assert line in kept, line


def test_the_authors_name_over_a_follow_button_and_reading_time_is_kept() -> None:
    kept = [ln for ln in strip_boilerplate(capture())[0].split("\n") if ln]
    at = kept.index("Notes from the Kitchen")
    assert kept[at : at + 3] == ["Notes from the Kitchen", "Mina Seo", "Mar 14, 2024"]
    assert "Follow" not in kept and "6 min read" not in kept


def test_an_appended_article_after_a_share_row_is_still_body() -> None:
    appended = [
        "Kitchen volunteers in demand",
        "March 20, 2024",
        "Community kitchens across the city say they need more volunteers this spring, as "
        "the number of people coming for lunch has doubled since the autumn.",
        "One coordinator said that most new volunteers stay for less than a month, and that "
        "the work is easier to learn than people think.",
        "Another said the kitchen is often the first place where newcomers make friends.",
    ]
    text = "\n".join(
        [*BODY, "Share", "Facebook", "Twitter", "Email", "Copy link", *appended, "© 2024 Kitchen"]
    )
    kept = strip_boilerplate(text)[0].split("\n")
    for line in [*BODY, *appended]:
        assert line in kept, line


KO_BODY = [
    "올해 들어 처음으로 영하 15도까지 내려간 날, 상담실 문을 두드린 사람은 지난 11월에 하나원을 "
    "수료한 김봄(가명) 씨였다.",
    "봄 씨가 내민 건 관리비 고지서였다. 난방비가 생각보다 훨씬 많이 나왔다고 했다.",
    "우리는 보일러 조절기 설명서를 같이 읽었고, 주민센터에 가서 에너지바우처 신청서를 썼다.",
    "돌아오는 길에 봄 씨는 따뜻한 것도 다 돈이라며 웃었다. 나는 아무 대답도 못 했다.",
]


def test_comments_written_name_text_date_are_removed() -> None:
    """Naver prints a comment as name, text, date and a Reply button; the blog's owner
    answers with "작성자" after the name."""
    comments = [
        "들꽃",
        "읽으면서 마음이 따뜻해졌어요. 좋은 글 감사합니다.",
        "2024. 2. 3. 10:12",
        "답글",
        "하늘상담사 작성자",
        "고맙습니다 :)",
        "2024. 2. 3. 11:30",
    ]
    text = "\n".join(
        [
            "블로그",
            "검색",
            "메뉴",
            *KO_BODY,
            "공감 12",
            "댓글 2",
            *comments,
            "댓글 입력",
            "ⓒ NAVER Corp.",
        ]
    )
    kept = strip_boilerplate(text)[0].split("\n")
    for line in KO_BODY:
        assert line in kept, line
    for line in comments:
        assert line not in kept, line


def test_an_article_under_the_comments_heading_is_not_a_comment() -> None:
    appended = [
        "봄맞이 나눔 행사",
        "센터 마당에서 이웃들과 김치를 나눴습니다.",
        "2024. 3. 2.",
        "지난 토요일 센터 마당에서 봄맞이 나눔 행사가 열렸다. 이웃 서른 명이 모여 김치를 "
        "담그고 나눴다.",
    ]
    text = "\n".join(["블로그", "검색", "메뉴", *KO_BODY, "댓글 0", *appended, "ⓒ NAVER Corp."])
    kept = strip_boilerplate(text)[0].split("\n")
    for line in [*KO_BODY, *appended]:
        assert line in kept, line

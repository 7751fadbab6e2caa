"""Page widgets (newsletter forms, donation appeals, logo rows, image names, footers) leave
web captures wherever they stand, and a Q&A turn never runs on into an appended article."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.ingest.boilerplate import looks_like_web_capture, strip_boilerplate
from moksori.ingest.linekinds import BAD, classify
from moksori.ingest.pipeline import ingest_bytes

DEV = Path(__file__).parent / "data" / "webpages" / "dev"
WEB = Path(__file__).parent / "data" / "web"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("IMG_2043.jpg", "image placeholder"),
        ("banner-final-2.png", "image placeholder"),
        ("photo (3).webp", "image placeholder"),
        ("Thank you for subscribing!", "banner"),
        ("Oops! Something went wrong while submitting the form.", "banner"),
        ("구독 신청이 완료되었습니다.", "banner"),
        ("오류가 발생했습니다. 잠시 후 다시 시도해 주세요.", "banner"),
        ("Email address", "banner"),
        ("Donate now", "banner"),
        ("Support our work", "banner"),
        ("Your gift of $35 can cover one week of mentoring.", "banner"),
        ("후원하기", "banner"),
        ("한 달 2만원이면 한 가정에 한 번의 상담을 지원할 수 있습니다.", "banner"),
        ("Share on Facebook", "share buttons"),
        ("Tweet", "share buttons"),
        ("공유하기", "share buttons"),
        ("As seen on", "logo row"),
        ("Featured in", "logo row"),
        ("As seen in: The Riverside Gazette · Channel 9 News", "logo row"),
        ("Like this story? Share it!", "share buttons"),
        ("Success! You're now subscribed.", "banner"),
        ("One email a month. No spam, unsubscribe anytime.", "banner"),
        ("Every $25 feeds ten people at our Tuesday lunch.", "banner"),
        ("매월 1만원 정기후원으로 교재 한 권을 선물할 수 있습니다.", "banner"),
        ("들꽃나눔과 함께해 주세요", "banner"),
        ("© 2024 Lantern Path. All rights reserved.", "footer"),
        ("(사)다온쉼터 | 사업자등록번호 000-00-00000", "footer"),
        ("12 Willow Lane, Riverton 04512", "footer"),
        ("주소: 서울특별시 가상구 새길로 12, 3층", "footer"),
        ("Type your email...", "banner"),
        ("Write a comment...", "navigation"),
        ("Copy link", "share buttons"),
        ("URL 복사", "share buttons"),
        (
            "Thanks for reading Field Notes! Subscribe for free to receive new posts and "
            "support my work.",
            "banner",
        ),
        ("If you enjoyed this post, consider sharing it with a friend.", "share buttons"),
        ("👉 카카오톡 채널 추가하기", "banner"),
        ("채널 추가가 완료되었습니다.", "banner"),
        (
            "📢 우리 단체 카카오톡 채널을 추가하시면 모집 소식을 가장 먼저 받아보실 수 있어요!",
            "banner",
        ),
        ("💛 정기후원 안내", "banner"),
        ("후원 문의 02-000-0000 / 후원 계좌 가상은행 000-000-000000 (사단법인 가상)", "banner"),
        ("해외 후원자는 PayPal로도 후원하실 수 있습니다.", "banner"),
        ("Gifts are tax-deductible to the extent allowed by law.", "banner"),
        ("▶ 관련기사: 탈북 청년 취업률 60% 넘었지만… 비정규직 비중 여전", "link list"),
        ("Read more: Seoul expands rental support for new arrivals", "link list"),
        ("이전 글: 가을 소풍을 다녀왔습니다", "navigation"),
        ("구독 Subscribe", "banner"),
        ("Join the list", "banner"),
        ("Get Field Voices delivered to your inbox every other Friday.", "banner"),
        ("You're in! Check your inbox for a welcome email.", "banner"),
        ("Please enter a valid email address.", "banner"),
        ("Given email address is already subscribed, thank you!", "banner"),
        (
            "By signing up you agree to our Terms of Use and acknowledge our Privacy Policy.",
            "banner",
        ),
        ("이메일 주소를 정확히 입력해 주세요.", "banner"),
        ("개인정보 수집 및 이용에 동의해 주세요.", "banner"),
        ("한 달에 한 번, 현장의 이야기를 메일로 전해 드립니다.", "banner"),
        ("후원금은 연말정산 시 기부금 세액공제를 받을 수 있습니다.", "banner"),
        ("Become a monthly Lantern Keeper", "banner"),
        ("Story continues below advertisement", "banner"),
        ("Example Lantern is a 501(c)(3) nonprofit organization. EIN 00-0000000.", "footer"),
        ("Northgate Forum is an independent, non-partisan research institute.", "footer"),
        ("AD[광고] 5월 가정의 달 특가, 지금 확인하세요", "banner"),
        ("로그인 후 댓글을 작성하실 수 있습니다.", "navigation"),
        ("You must be logged in to post a comment.", "navigation"),
        ("서울 18.2℃ 맑음", "navigation"),
        ("6 min read", "share buttons"),
        ("Listen (7 min)", "share buttons"),
        ("Like Loading…", "share buttons"),
        ("Cite this publication", "share buttons"),
        ("Home / Stories / Three Winters in Seoul", "navigation"),
        ("Join 8,000 supporters who get our monthly update.", "banner"),
        ("Thank you, your sign-up request was successful!", "banner"),
        ("Meridian is independent. Support our research.", "banner"),
        ("Powered by Google Translate", "footer"),
        ("등록번호 : 서울 아 00000 | 등록일 : 2012.03.05 | 발행·편집인 : 한OO", "footer"),
        ("1*xR2dQm8Lw0k4.jpeg", "image placeholder"),
        ("▶ 이메일 형식이 올바르지 않습니다. 다시 입력해 주세요.", "banner"),
        ("Subscribe to Harbour Notes", "banner"),
        ("Analysis from our Asia Program, twice a month.", "banner"),
        ("The best of our reporting on the region, every Friday.", "banner"),
        ("Support the next class: a donation of $40 pays one participant's fees.", "banner"),
        ("The Review is reader-funded. If you value it, become a member from $5.", "banner"),
        ("Give at example.org/give", "banner"),
        ("💚 정기후원으로 운영됩니다. 한 달 2만 원이면 한 분이 함께할 수 있습니다.", "banner"),
        ("어머니 교실은 후원으로 운영됩니다. [정기후원 참여하기]", "banner"),
        ("👉 구독 신청: https://page.example.com/subscriptions/00000", "banner"),
        ("💝 응원해 주세요. 정기후원 바로가기 ▶ https://example.or.kr/donate", "banner"),
        ("(사)하나로이음", "footer"),
        ("언론에 비친 하나로이음", "logo row"),
        ("• 5 min read", "share buttons"),
        ("12 min", "share buttons"),
        ("Listen to this article", "share buttons"),
        ("Advertisement · Scroll to continue", "banner"),
        ("Report This Ad", "banner"),
        ("조회수 : 318", "navigation"),
        ("매거진의 이전글", "link list"),
        ("브런치스토리 추천 글", "link list"),
        ("Recommended from Medium", "link list"),
        ("Sponsored Content", "link list"),
        ("Purchase Licensing Rights, opens new tab", "link list"),
        ("3 Restacks", "navigation"),
        ("라이킷 187", "navigation"),
        ("Do Not Sell or Share My Personal Information", "footer"),
        ("Your email address will not be published. Required fields are marked *", "banner"),
        ("Save my name, email, and website in this browser for the next time I comment.", "banner"),
        ("Comment *", "banner"),
        ("Leave a Reply Cancel reply", "navigation"),
        ("Enter your comment here...", "navigation"),
        ("← Previous: Notes from a Seoul laundromat", "navigation"),
        ("Next: The bus to Anseong →", "navigation"),
        ('4 responses to "What my grandmother packed"', "navigation"),
        ("Get new posts by email.", "banner"),
        ("Blog at WordPress.com.", "footer"),
        ("[보도자료] 청년 첫 일자리 실태조사.hwp", "link list"),
        ("annual-report-2025.pdf (2.4 MB)", "link list"),
        ("이 페이지에서 제공하는 정보에 대하여 만족하십니까?", "navigation"),
        ("매우만족 만족 보통 불만족 매우불만족", "navigation"),
        ("Was this page helpful?", "navigation"),
        ("Also from Harbor Light", "link list"),
        ("We will never share your email.", "banner"),
        ("입력하신 이메일로 확인 메일을 보냈습니다.", "banner"),
        ("개인정보 수집 및 이용 동의", "banner"),
        ("Read the full report (PDF)", "link list"),
        ("Donate $25", "banner"),
        ("Privacy | Terms | Contact", "navigation"),
        ("이 기사를 추천합니다", "navigation"),
        ("Cookie preferences", "cookie notice"),
        ("구독자 1,208", "navigation"),
        ("412 Followers", "navigation"),
        ("저작자표시비영리변경금지", "footer"),
        ("함께 읽으면 좋은 기사", "link list"),
        ("Back to Stories", "navigation"),
        ("I agree to the privacy policy. 개인정보 수집·이용에 동의합니다.", "banner"),
        ("구독 신청이 완료되었어요! 첫 소식지는 다음 달 첫째 주에 도착합니다.", "banner"),
        ("728x90", "banner"),
        ("반응형", "banner"),
        ("Already have an account? Sign in", "navigation"),
        ("Discover more from Bridge Letters | 다리 편지", "navigation"),
        ("Our Standards: The Meridian Trust Principles.", "navigation"),
        ("Distr.: General", "footer"),
        ("GE.25-02417(E)", "footer"),
        ("Please recycle", "footer"),
        ("A/HRC/WG.9/2025/CRP.3", "footer"),
        ("교재비 후원: 농협 351-1188-2047-63 이음나무센터", "banner"),
        (
            "The views expressed are the authors’ own and do not necessarily reflect those of "
            "the Halyard Institute.",
            "footer",
        ),
        # An e-mail newsletter's footer and its feedback poll (heldout7 Stibee capture).
        ("이 메일은 봄날 레터 구독에 동의하신 분께 발송됩니다.", "footer"),
        ("You are receiving this email because you signed up at our open day.", "footer"),
        ("수신거부 Unsubscribe", "footer"),
        ("스티비로 만든 뉴스레터입니다.", "footer"),
        ("이번 레터는 어떠셨나요?", "navigation"),
        ("How did you like this issue?", "navigation"),
        # A paywall's prompt, and a board's members-only reply notice (heldout7).
        ("This story is available to members only", "banner"),
        ("Become a member to keep reading and get full access to our reporting.", "banner"),
        ("Cancel anytime. Student discounts available.", "banner"),
        ("이 기사는 유료회원 전용입니다.", "banner"),
        ("회원만 답글을 쓸 수 있습니다.", "navigation"),
        ("Font size", "share buttons"),  # the tool row's (heldout7 news capture)
    ],
)
def test_widget_lines_are_chrome(line: str, reason: str) -> None:
    cls, got, _ = classify(line)
    assert (cls, got) == (BAD, reason)


@pytest.mark.parametrize(
    "line",
    [
        "I saved her photo on my phone and looked at it every night.",
        "교회에서 후원하기로 했다고 연락이 왔어요.",
        "My sister sends me their newsletter, but I never read it.",
        "A gift from my aunt was the only thing I carried across the river.",
        "We donate now and then, when the harvest is good.",
        "Something went wrong at the border, and we waited two more weeks.",
        "I lived on 12 Willow Lane for a year before I moved to Riverton.",
        "매달 10만원씩 후원해 주셨어요.",
        "Please share this with nobody outside the group, she told me.",
        "$200 was all the money we had when we reached Bangkok.",
        "카카오톡 채널을 추가해 놓고 한 번도 안 봤어요.",
        "I wrote a comment on her post, and she called me the next day.",
        "Read more than the headlines, my teacher said.",
        "은행 계좌를 만드는 데 석 달이 걸렸어요.",
        "If you liked the food there, you stayed.",
        "She is a registered nurse at the hospital.",
        "I subscribe to the idea that work is freedom.",
        "Next, we drove to Anseong and slept in the car.",
        "Next: the interview at the district office, which lasted two hours.",
        "I printed the form, application.pdf, and took it to the office.",
        "Was this the right thing to do? I still do not know.",
        "Comment on her work was always kind.",
        "More in the morning than at night, she said.",
        "Also from that village came my cousin.",
        "We will never share this with anyone, she promised.",
        "I read the whole report on my phone (it was long).",
        "We met every Friday, in the back of the church, every week.",
        "한 달 2만 원으로 버텼어요. 그게 다였어요.",
        "I became a member of the church choir for $5 a month in dues, she said.",
        "She gave at the border what she had left.",
        "My mother is an independent woman, she ran a research centre.",
        "어머니한테 돈을 보내 드렸어요.",
        "I was in! After three tries, they let me stay.",
        "The story continues below the river, where the village was.",
        "기자: 언제 한국에 오셨어요?",
        "대표: 네, 그렇게 시작했습니다.",
        "그날은 영하 20℃였어요.",
        "It took me 6 min to read the letter.",
        "I joined 300 other people at the protest.",
        "We could not support our families back home.",
        "Home was a room in Yanji, then a flat in Seoul.",
        "Back to school",
        "Back to the village, she found her mother waiting.",
        "I agree to the terms they offered, she said, because I had no choice.",
        "구독자 수가 늘지 않아 고민이었어요.",
        "순옥: 후원 계좌 우리은행 1005-403-118264로 보냈어요.",
        "Interviewer: Our standards: were they high?",
        "yes/no/maybe",
        "소식지 제12호 - 함께 맞는 두 번째 봄",
        "Newsletter No. 4: Spring in Mapo",
        "이 메일은 엄마가 보낸 마지막 편지였어요.",
        "You received this email from your sister? No, from my cousin in Yanji.",
        "이번 캠프는 어떠셨나요? 아이들이 물었어요.",
        "Cancel anytime, she said, and I did.",
        "I became a member to keep reading the Bible with them.",
        "Only members of the party could travel to Pyongyang.",
        "The font size was too small for my mother.",
    ],
)
def test_testimony_about_the_same_things_is_no_widget(line: str) -> None:
    assert classify(line)[0] != BAD


QA_PAGE = """Hope Bridge (fictional)
Home | About | Stories | Donate
Q: When did you arrive?
A: In the spring of 2019, after two years in Shenyang.
Q: What was hardest?
A: The language. I understood the words but not what people meant by them.
Thank you for subscribing!
Oops! Something went wrong while submitting the form.
Q: And now?
A: Now I teach other newcomers how to read a lease.
IMG_2043.jpg
Donate now
Q: What do you hope for?
A: That my son never has to cross a river at night.
Housing first: what we learned in five years
12 March 2024 | By the programme team
Over five years we helped two hundred families find a first flat of their own.
Families who moved in within three months of arriving kept their jobs more often.
© 2024 Hope Bridge. All rights reserved.
"""


def test_a_page_of_speaker_turns_with_widgets_is_a_capture() -> None:
    """Mostly turns, but a sign-up form, a donate button and a footer: a Q&A page."""
    assert looks_like_web_capture(QA_PAGE)
    assert not looks_like_web_capture((WEB / "interview_transcript.txt").read_text("utf-8"))


def test_widgets_inside_the_turns_are_removed_and_every_answer_is_kept() -> None:
    kept, removed = strip_boilerplate(QA_PAGE)
    gone = {ln for r in removed for ln in r.text.split("\n")}
    for line in ("Thank you for subscribing!", "IMG_2043.jpg", "Donate now", "© 2024 Hope Bridge."):
        assert not any(k.startswith(line) for k in kept.split("\n")), line
        assert any(g.startswith(line) for g in gone), line
    assert all(ln in kept for ln in QA_PAGE.split("\n") if ln.startswith(("Q:", "A:")))


def test_no_turn_absorbs_the_appended_article() -> None:
    doc = ingest_bytes(QA_PAGE.encode(), "qa.txt").documents[0]
    article = doc.text.index("Housing first")
    turns = [s for s in doc.segments if s.kind == "turn"]
    assert len(turns) == 8
    assert all(t.end <= article for t in turns)
    last = turns[-1]
    assert doc.text[last.start : last.end] == "A: That my son never has to cross a river at night."
    paragraphs = [s for s in doc.segments if s.kind == "paragraph" and s.start >= article]
    assert paragraphs and "two hundred families" in doc.text[paragraphs[0].start :]
    assert "© 2024" not in doc.text


def test_the_heading_of_a_sign_up_form_goes_with_it() -> None:
    text = (
        "Home | About | Donate\n\n"
        "We met the families in the spring of 2023, in the kitchen of the shelter.\n"
        "Get the Riverside roundup\nOne email a month. No spam, unsubscribe anytime.\n"
        "Your email address\nSubscribe\n"
        "Most of them had been in the country for less than a year when we met them.\n"
    )
    kept, removed = strip_boilerplate(text)
    assert "Get the Riverside roundup" not in kept
    assert "Get the Riverside roundup" in removed[-1].text
    assert "less than a year" in kept and "spring of 2023" in kept


def test_a_korean_article_under_an_interview_is_outside_the_turns() -> None:
    text = (
        "문: 언제 오셨어요?\n답: 2019년 봄에 왔어요.\n"
        "문: 지금은 어떠세요?\n답: 이제 좀 익숙해졌어요.\n"
        "정착 초기 상담, 무엇이 달라져야 하나\n김가온 기자\n"
        "정착 초기의 상담은 대개 입국 직후 한두 차례로 끝난다. "
        "그러나 도움이 필요한 순간은 몇 달 뒤에 온다.\n"
    )
    doc = ingest_bytes(text.encode(), "qa_ko.txt").documents[0]
    article = doc.text.index("정착 초기 상담")
    turns = [s for s in doc.segments if s.kind == "turn"]
    assert len(turns) == 4 and all(t.end <= article for t in turns)


def test_a_turn_goes_on_over_its_own_lines() -> None:
    """A short unpunctuated line inside an answer is no headline without a byline under it."""
    text = (
        "Q: What did you bring?\nA: Only a bag.\nMy mother's scarf\nand a photo of my father.\n"
        "Q: Anything else?\nA: No.\n"
    )
    doc = ingest_bytes(text.encode(), "t.txt").documents[0]
    turns = [doc.text[s.start : s.end] for s in doc.segments if s.kind == "turn"]
    assert turns[1] == "A: Only a bag.\nMy mother's scarf\nand a photo of my father."


@pytest.mark.parametrize("page", sorted(p.name for p in DEV.iterdir() if p.suffix != ".gold"))
def test_dev_pages_keep_every_body_line(page: str) -> None:
    """Tuning set of benchmarks/boilerplate.py: no body line may be lost."""
    if page.endswith(".md"):
        pytest.skip("the set's README")
    path = DEV / page
    gold = {
        ln.strip()
        for ln in path.with_suffix(".gold").read_text("utf-8").split("\n")
        if ln.strip() and not ln.startswith("@")
    }
    doc = ingest_bytes(path.read_bytes(), page).documents[0]
    if path.suffix == ".txt":
        lines = [ln.strip() for ln in path.read_text("utf-8").split("\n") if ln.strip()]
        stored = set(doc.text.split("\n"))
        assert [ln for ln in lines if ln not in gold and ln not in stored] == []
        assert len([ln for ln in gold if ln in stored]) <= 1

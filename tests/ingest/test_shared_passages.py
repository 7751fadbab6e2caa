"""Finding long shared runs whatever the wrapping, and not calling interview guides shared."""

from __future__ import annotations

import json
import textwrap

from moksori.ingest import shared_passages as sp
from moksori.ingest.model import Block, Extracted
from moksori.ingest.pipeline import build_document
from moksori.korean.terms import EXTRA_SEPARATOR, index_terms
from moksori.project import Project

ARTICLE = (
    "The Korea Hana Foundation reported that the number of defectors arriving in the "
    "South fell sharply during the pandemic years, and that those who came faced long waits "
    "for housing. Counsellors said remittance brokers now charge up to thirty percent, "
    "and families in the North often wait months before money arrives. The foundation "
    "called on the ministry to fund more language classes and job training for new arrivals."
)


def _runs(a: str, b: str) -> list[tuple[str, str]]:
    la, lb = sp.letters(a), sp.letters(b)
    held = {h: p for h, p in sp.fingerprints(lb.chars)}
    seeds = [(p, held[h]) for h, p in sp.fingerprints(la.chars) if h in held]
    out = []
    for run in sp.shared_runs(la.chars, lb.chars, seeds):
        s, e = la.span(run.start, run.end, a)
        os_, oe = lb.span(run.other_start, run.other_end, b)
        out.append((a[s:e], b[os_:oe]))
    return out


def test_letters_keep_offsets_through_case_spacing_and_compatibility_forms() -> None:
    text = "Hello,  WORLD! 안녕 하세요 ﬁne"
    letters = sp.letters(text)
    assert letters.chars == "helloworld안녕하세요fine"
    assert [text[int(i)] for i in letters.offsets[:5]] == list("Hello")
    assert text[int(letters.offsets[-4])] == "ﬁ"  # the ligature's two letters map to it


def test_rewrapped_repunctuated_uppercased_copy_is_one_run_with_exact_edges() -> None:
    page = "Q: How did you come?\nA: I came with my aunt. " + ARTICLE + "\nSubscribe now!"
    other = "News\n\n" + textwrap.fill(ARTICLE.upper().replace(",", " ;"), 43) + "\n\nDonate."
    runs = _runs(page, other)
    assert len(runs) == 1
    mine, theirs = runs[0]
    assert mine == ARTICLE
    assert theirs.startswith("THE KOREA HANA") and theirs.endswith("NEW ARRIVALS.")


def test_a_changed_word_does_not_split_the_passage() -> None:
    changed = ARTICLE.replace("thirty percent", "forty percent")
    runs = _runs("Intro.\n\n" + ARTICLE, changed + "\n\nEnd.")
    assert len(runs) == 1 and runs[0][0] == ARTICLE


def test_weight_counts_hangul_twice() -> None:
    assert sp.weight("abc def") == 7
    assert sp.weight("가나 다") == 4 + 3  # 4 characters, 3 of them Hangul


def test_interview_questions_are_not_a_shared_passage() -> None:
    guide = "\n".join(
        [
            "면접자: 고향이 어디세요? 어린 시절 이야기를 조금 해 주시겠어요?",
            "참여자: 네.",
            "면접자: 떠나야겠다고 마음먹은 계기가 있었어요? 강은 어떻게 건너셨어요?",
            "참여자: 네, 그렇습니다.",
            "면접자: 중국에서는 어떻게 지내셨어요? 한국까지는 어떤 경로로 오셨어요?",
        ]
    )
    assert sp.question_share(guide) > 0.8
    english = "Q: Where are you from? Could you tell me about your childhood?\nA: Yes."
    assert sp.question_share(english) > 0.8
    assert sp.question_share(ARTICLE) == 0.0
    # a scenario the researcher reads to everyone: interviewer text, however it is worded
    vignette = (
        "[00:12:31] Researcher: Imagine a woman who has just arrived. She has no bank "
        "account, her phone is in a friend's name and she owes the broker money.\n"
        "The settlement office gives her a list of forms.\n"
        "[00:13:02] Participant: That was me, really."
    )
    assert sp.question_share(vignette) > 0.7


def test_stock_phrases_strung_together_are_not_shared() -> None:
    run = sp.Match(0, 400, 0, 400)
    positions = range(0, 380, 20)
    # every fingerprint is also held by documents that do not hold the passage
    stock = {p: {2, 10 + p % 3} for p in positions}
    assert sp.stock_share(run, stock, partner=2) == 1.0
    # an article on three pages: the same documents hold every fingerprint
    copied = {p: {2, 5} for p in positions}
    assert sp.stock_share(run, copied, partner=2) == 0.0


def test_outside_and_inside_split_a_turn() -> None:
    text = "A: mine. SHARED TEXT HERE. mine again"
    spans = [(9, 26)]
    assert sp.outside(text, 0, len(text), spans) == "A: mine. \n mine again"
    assert sp.inside(text, 0, len(text), spans) == "SHARED TEXT HERE."


def test_split_terms_gives_each_term_to_the_text_that_shows_it() -> None:
    own = "참여자: 저는 2015년에 이모와 함께 서울에 왔고 밤에 간호학을 공부했어요. "
    article = "하나재단은 팬데믹 기간에 탈북민 입국이 크게 줄었다고 밝혔다. " + (
        "송금 브로커는 수수료를 올렸다."
    )
    text = own + article + " I read that with my aunt."
    [terms] = index_terms([text])
    start = len(own)
    mine, repeated = sp.split_terms(terms, text, [(start, start + len(article))])
    [own_terms, article_terms, tail_terms] = index_terms(
        [own, article, "I read that with my aunt."]
    )
    assert set(mine.split()) >= set(own_terms.split()) - {EXTRA_SEPARATOR}
    assert set(mine.split()) >= set(tail_terms.split())
    assert {"팬데믹", "송금", "브로커"} <= set(repeated.split())
    assert not {"팬데믹", "송금", "브로커", "하나"} & set(mine.split())
    every = [t for t in (mine + " " + repeated).split() if t != EXTRA_SEPARATOR]
    assert sorted(every) == sorted(t for t in terms.split() if t != EXTRA_SEPARATOR)


def test_worker_fingerprints_are_the_ones_the_store_would_compute() -> None:
    doc = build_document(Extracted([Block("Q: Why?\n\nA: " + ARTICLE)], "txt"), "a.txt")
    assert doc is not None and doc.shared_fingerprints == sp.fingerprint_json(doc.text)
    assert json.loads(doc.shared_fingerprints) == [
        list(x) for x in sp.fingerprints(sp.letters(doc.text).chars)
    ]


def test_a_scanned_copy_with_slips_is_one_run() -> None:
    """A letter dropped, doubled or misread every 40-odd letters leaves no 59-letter
    stretch for a seed in places; the run goes on through each slip."""
    scanned = list(ARTICLE)
    for k, at in enumerate(range(30, len(ARTICLE) - 10, 43)):
        while not scanned[at].isalpha():
            at += 1
        scanned[at] = ("", scanned[at] * 2, "x")[k % 3]
    copy = "".join(scanned)
    [(mine, theirs)] = _runs("Intro line.\n\n" + ARTICLE, "Other intro.\n\n" + copy)
    assert mine == ARTICLE and theirs == copy


def test_a_passage_opening_after_the_interviewers_label_is_the_interviewers() -> None:
    guide = (
        "녹음을 시작하기 전에 연구 설명문을 읽어 드리겠습니다. "
        "말씀하신 내용은 이 연구에만 쓰입니다.\n"
        "R: 네, 좋습니다.\n"
        "I: 처음 센터에 등록하던 날을 떠올려 보세요. 어떤 말이 어려웠는지 말씀해 주세요."
    )
    text = "I: " + guide
    assert sp.in_interviewer_line(text, 3)
    assert not sp.in_interviewer_line("R: " + guide, 3)
    assert sp.question_share(guide, interviewer=True) > sp.MAX_QUESTION_SHARE
    assert sp.question_share(guide) < sp.question_share(guide, interviewer=True)


def test_two_lone_seeds_on_one_alignment_are_not_worth_a_comparison() -> None:
    # a stock sentence: two seeds a few letters apart, nothing beside them
    alone = [(1000, 400), (1012, 412), (5000, 90)]
    docs_at = {p: {7} for p, _ in alone}
    assert not sp.worth_comparing(alone, docs_at, 7)
    # a third seed on the same alignment, or one a slip away (a scan's dropped letter)
    for third in [(1040, 440), (1045, 446)]:
        seeds = [*alone, third]
        assert sp.worth_comparing(seeds, {**docs_at, third[0]: {7}}, 7)
    # a third seed a slip away but far along, or near but far off the alignment, is no help
    for third in [(1300, 702), (1040, 400)]:
        seeds = [*alone, third]
        assert not sp.worth_comparing(seeds, {**docs_at, third[0]: {7}}, 7)


def test_a_short_korean_copy_has_the_seeds_a_comparison_needs() -> None:
    # 139 letters of one text hold three winnowed fingerprints, whatever the text
    passage = "탈북민들은 한국에 도착한 뒤 하나원에서 석 달 동안 교육을 받고 정착 지원금과 "
    passage += "임대 주택을 받는다. 그러나 많은 사람들이 취업과 언어 문제로 어려움을 겪고 "
    passage += "북에 남은 가족에게 송금하느라 빚을 지기도 한다고 상담사들은 말했다. 재단은 "
    passage += "내년부터 직업 훈련과 심리 상담을 늘리고 지역 센터를 열 계획이라고 밝혔다. "
    passage += "신청은 다음 달부터 온라인으로 받는다"
    letters = sp.letters(passage).chars
    assert len(letters) >= 139
    a = sp.letters("가족 이야기를 먼저 하자면. " + passage + " 끝.").chars
    b = sp.letters("뉴스 " + passage + " 후원하기").chars
    held = {h: p for h, p in sp.fingerprints(b)}
    seeds = [(p, held[h]) for h, p in sp.fingerprints(a) if h in held]
    assert sp.worth_comparing(seeds, {p: {3} for p, _ in seeds}, 3)


def test_earlier_letters_are_cached_without_their_offsets() -> None:
    text = "Hello,  WORLD! 안녕 하세요 " + ARTICLE
    assert sp.earlier_chars(text) == sp.letters(text).chars
    assert sp.earlier_chars(text) is sp.earlier_chars(text)
    sp.forget_earlier()
    assert not sp._earlier


def test_only_seeds_near_a_copy_s_alignment_are_extended() -> None:
    copy = [(1000, 400), (1030, 430), (1061, 460)]  # the last one a slip later
    stock = [(3000, 90), (7000, 5000)]  # phrases both happen to have, far off
    seeds = copy + stock
    docs_at = {p: {7} for p, _ in seeds}
    assert sp.promising(seeds, docs_at, 7) == copy
    assert sp.promising(stock, docs_at, 7) == []


def test_closing_a_project_forgets_the_cached_letters(project: Project) -> None:
    sp.earlier_chars("혜산에서 온 편지, the letter from Hyesan")
    assert sp._earlier
    project.close()
    assert not sp._earlier and sp._earlier_size == 0

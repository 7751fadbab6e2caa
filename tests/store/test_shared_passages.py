"""Long passages shared between documents: linked in both, hidden in the later one, and
never found between interviews that only share their questions and stock answers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from moksori import sources
from moksori.project import Project
from moksori.store import audit
from moksori.store import shared_passages as store_shared

ARTICLE = (
    "The Korea Hana Foundation reported that the number of defectors arriving in the "
    "South fell sharply during the pandemic years, and that those who came faced long waits "
    "for housing. Counsellors said remittance brokers now charge up to thirty percent, "
    "and families in the North often wait months before money arrives. The foundation "
    "called on the ministry to fund more language classes and job training for new arrivals."
)
# The NGO page: the article merged, footer included, into the last speaker's turn.
QA_PAGE = (
    "Q: How did you come to Seoul?\n\n"
    "A: I came in 2015 with my aunt, and I studied nursing at night. " + ARTICLE + " "
    "Subscribe to our newsletter for more stories.\n"
)
# Another site's copy: re-wrapped, upper-cased headline style, other punctuation.
NEWS_PAGE = (
    "Partner news\n\n"
    + textwrap.fill(ARTICLE.replace(", ", " ; ").replace("South", "SOUTH"), 52)
    + "\n\nDonate to keep this work going.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("qa_first", [True, False])
def test_article_is_linked_in_both_documents_whichever_comes_first(
    project: Project, tmp_path: Path, qa_first: bool
) -> None:
    qa = _write(tmp_path, "qa.txt", QA_PAGE)
    news = _write(tmp_path, "news.txt", NEWS_PAGE)
    for path in (qa, news) if qa_first else (news, qa):  # two separate `add` runs
        project.add([path], workers=1)
    qa_doc, news_doc = project.document("qa.txt"), project.document("news.txt")
    [(mine, other)] = qa_doc.shared
    assert qa_doc.text[mine.start : mine.end] == ARTICLE
    assert other == "news.txt" and mine.other_document_id == news_doc.summary.id
    [(theirs, _)] = news_doc.shared
    assert (theirs.start, theirs.end) == (mine.other_start, mine.other_end)
    assert news_doc.text[theirs.start : theirs.end].startswith("The Korea Hana")
    assert mine.repeat is not qa_first and theirs.repeat is qa_first
    assert {d.shared_passage_count for d in project.documents()} == {1}
    shown = qa_doc.to_json()
    assert shown["shared_passage_count"] == 1
    assert shown["shared_passages"][0]["other_document"] == "news.txt"
    assert shown["shared_passages"][0]["start"] == mine.start

    # the first-added copy stays searchable; the later one only with --include-duplicates
    first = "qa.txt" if qa_first else "news.txt"
    hidden = project.search("remittance brokers")
    assert [h.document for h in hidden.hits] == [first]
    assert project.search("remittance brokers", include_duplicates=True).total == 2
    # each page's own words are still found
    assert project.search("nursing").total == 1
    assert project.search("donate").total == 1
    # filtered searches take the other path (a join) and agree
    assert project.search("remittance brokers lang:en").total == 1


def test_a_turn_holding_the_article_keeps_its_own_words(project: Project, tmp_path: Path) -> None:
    project.add([_write(tmp_path, "news.txt", NEWS_PAGE)], workers=1)
    project.add([_write(tmp_path, "qa.txt", QA_PAGE)], workers=1)
    # the answer turn is only partly shared: not a duplicate, its own words searchable
    turn = next(s for s in project.document("qa.txt").segments if s.text.startswith("A:"))
    assert turn.duplicate_of is None
    assert [h.segment_id for h in project.search("aunt nursing").hits] == [turn.id]
    # a hit whose words are all in the shared text is a repeat
    assert project.search("pandemic housing").total == 1
    both = project.search("pandemic housing", include_duplicates=True)
    assert turn.id in {h.segment_id for h in both.hits}


def _transcript(answers: list[str]) -> str:
    questions = [
        "고향이 어디세요? 어린 시절 이야기를 조금 해 주시겠어요?",
        "떠나야겠다고 마음먹은 계기가 있었어요? 그때 가족들은 어떻게 생계를 꾸리셨어요?",
        "강은 어떻게 건너셨어요? 그때가 몇 년도였어요?",
        "중국에서는 어떻게 지내셨어요? 한국까지는 어떤 경로로 오셨어요?",
        "하나원에서는 어떻게 지내셨어요? 처음 집을 구했을 때는 어땠어요?",
        "Could you tell me a little about your childhood and the town you grew up in?",
    ]
    parts = ["면접자: 안녕하세요, 오늘 인터뷰에 참여해 주셔서 감사합니다. 녹음해도 괜찮을까요?"]
    parts.append("참여자: 네, 그렇습니다.")
    for q, a in zip(questions, answers, strict=True):
        parts += [f"면접자: {q}", "참여자: 네, 그렇습니다.", f"참여자: {a}"]
    # a stock answer, the same words in both transcripts: people say such things
    parts.append("참여자: 그건 말하기 어려워요. 지금도 그 생각을 하면 마음이 아파요.")
    parts.append("면접자: 더 하고 싶은 말씀 있으세요? 오늘 정말 감사합니다.")
    return "\n\n".join(parts) + "\n"


def test_interviews_sharing_questions_and_stock_answers_are_not_linked(
    project: Project, tmp_path: Path
) -> None:
    one = _transcript(
        [
            "함경북도 회령에서 자랐어요. 겨울이면 강이 얼어서 썰매를 탔어요.",
            "배급이 끊기고 나서 어머니가 장마당에서 국수를 파셨어요.",
            "2009년 봄이었어요. 밤에 안내하는 사람을 따라 걸었어요.",
            "연길 식당에서 삼 년 동안 설거지를 했어요.",
            "처음 얻은 임대 아파트는 너무 조용해서 잠이 안 왔어요.",
            "I grew up near the river and fished with my brother every summer.",
        ]
    )
    two = _transcript(
        [
            "양강도 혜산 출신이에요. 아버지는 광산에서 일하셨어요.",
            "동생이 아파서 약값을 벌어야 했어요.",
            "2014년 겨울이었어요. 얼음 위로 뛰어서 건넜어요.",
            "청도 공장에서 봉제 일을 했어요.",
            "하나원 동기들이 이사를 도와줬어요.",
            "My town had one cinema and we watched the same film every week.",
        ]
    )
    project.add([_write(tmp_path, "p1.txt", one), _write(tmp_path, "p2.txt", two)], workers=1)
    assert store_shared.shared_count(project.conn) == 0
    # the questions asked of both are not repeats either: both stay searchable
    assert project.search("고향").total == 2
    assert project.search("childhood").total == 2
    assert project.search("마음").total == 2  # nor is the stock answer


def test_protocol_read_in_one_turn_is_not_shared(project: Project, tmp_path: Path) -> None:
    protocol = (
        "Interviewer: Where are you from originally? Could you tell me a little about your "
        "childhood? What was daily life like in the late nineties? Was there a moment when you "
        "decided to leave? How did you cross the river? How did you get by in China? Which "
        "route did you take to reach South Korea? What was Hanawon like for you? What was the "
        "hardest thing about your first year here?"
    )
    one = protocol + "\n\nParticipant: I grew up in Hoeryong and sold noodles with my mother.\n"
    two = protocol + "\n\nParticipant: My father worked in the mine at Musan for thirty years.\n"
    project.add([_write(tmp_path, "p1.txt", one), _write(tmp_path, "p2.txt", two)], workers=1)
    assert store_shared.shared_count(project.conn) == 0


def test_short_shared_quotes_are_not_passages(project: Project, tmp_path: Path) -> None:
    quote = ARTICLE[:200]  # below the ~300-character floor
    project.add([_write(tmp_path, "a.txt", "Intro one.\n\n" + quote + "\n\nEnd one.\n")], workers=1)
    project.add([_write(tmp_path, "b.txt", "Intro two.\n\n" + quote + "\n\nEnd two.\n")], workers=1)
    assert store_shared.shared_count(project.conn) == 0


def test_rescan_links_documents_added_before_schema_11(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # documents added without the scan: as a project upgraded from schema 10 holds them
    monkeypatch.setattr(sources.shared_passages, "scan_document", lambda conn, doc, fps: 0)
    project.add([_write(tmp_path, "qa.txt", QA_PAGE)], workers=1)
    project.add([_write(tmp_path, "news.txt", NEWS_PAGE)], workers=1)
    monkeypatch.undo()
    assert store_shared.shared_count(project.conn) == 0
    assert project.search("remittance brokers").total == 2
    assert project.sources.rescan_shared() == (2, 1)
    assert project.search("remittance brokers").total == 1
    [event] = audit.entries(project.conn, "shared.rescan")
    assert event["detail"]["counts"] == {"documents": 2, "shared_passages": 1}
    assert project.sources.rescan_shared() == (2, 0)  # nothing new the second time
    assert store_shared.shared_count(project.conn) == 1


def test_third_copy_links_to_both_earlier_copies(project: Project, tmp_path: Path) -> None:
    project.add([_write(tmp_path, "qa.txt", QA_PAGE)], workers=1)
    project.add([_write(tmp_path, "news.txt", NEWS_PAGE)], workers=1)
    third = "Weekly digest\n\n" + ARTICLE.lower() + "\n\nUnsubscribe here.\n"
    project.add([_write(tmp_path, "digest.txt", third)], workers=1)
    first = project.document("qa.txt")
    assert sorted(other for _, other in first.shared) == ["digest.txt", "news.txt"]
    digest = project.document("digest.txt")
    assert sorted(other for _, other in digest.shared) == ["news.txt", "qa.txt"]
    assert all(span.repeat for span, _ in digest.shared)
    news = project.document("news.txt").shared
    [news_span] = [span for span, other in news if other == "digest.txt"]
    assert not news_span.repeat  # the digest, added later, is the repeat
    assert project.search("remittance brokers").total == 1
    assert project.search("remittance brokers", include_duplicates=True).total == 3


# A report's formulas: every article of a series says these, with its own figures.
FORMULAS = (
    "Researchers said the figures for {y} were the highest since records began. ",
    "Critics say the sample of {n} people is too small to draw national conclusions. ",
    "Some respondents asked that their district not be named, citing safety concerns. ",
    "The study was funded by small donations and carried out over {m} months. ",
)


def test_a_verbatim_copy_of_formulaic_sentences_is_still_a_copy(
    project: Project, tmp_path: Path
) -> None:
    """Other documents hold most of its phrases (with their own numbers), which is what
    stock text looks like; but the two copies agree letter for letter over 400
    characters, and stock phrases never line up that long."""
    folder = tmp_path / "series"
    folder.mkdir()
    for i in range(14):  # the series: the same sentences, other figures
        body = "".join(f.format(y=2001 + i, n=40 + i, m=3 + i) for f in FORMULAS)
        _write(folder, f"article-{i:02d}.txt", f"Update {i}\n\n{body}\n")
    copied = "".join(f.format(y=2016, n=82, m=11) for f in FORMULAS) * 2
    _write(folder, "zz-memo-a.md", "# Notes on the April report\n\n" + copied + "\n")
    _write(folder, "zz-page-b.txt", "Reposted from our partners:\n\n" + textwrap.fill(copied, 60))
    project.add([folder], workers=1)
    memo = project.document("zz-memo-a.md")
    [(mine, other)] = memo.shared
    assert other.endswith("zz-page-b.txt") and len(memo.text[mine.start : mine.end]) >= 400
    assert not any(project.document(f"article-{i:02d}.txt").shared for i in range(14))


def test_an_article_a_page_carries_twice_is_linked_twice(project: Project, tmp_path: Path) -> None:
    """Each distinct hash is looked up once; every place the new page holds it seeds."""
    project.add([_write(tmp_path, "news.txt", NEWS_PAGE)], workers=1)
    twice = "Top story\n\n" + ARTICLE + "\n\nOur own reporting follows.\n\nRepeat\n\n" + ARTICLE
    project.add([_write(tmp_path, "twice.txt", twice + "\n")], workers=1)
    page = project.document("twice.txt")
    assert [page.text[s.start : s.end] for s, _ in page.shared] == [ARTICLE, ARTICLE]
    assert {other for _, other in page.shared} == {"news.txt"}
    assert all(span.repeat for span, _ in page.shared)


def test_a_phrase_every_transcript_repeats_keeps_one_row_per_document(
    project: Project, tmp_path: Path
) -> None:
    """A common hash seeds nothing: only who holds it matters, not each repetition."""
    stock = "It is hard to talk about, and I still think of it every single night."
    for i, town in enumerate(["Hoeryong", "Musan", "Hyesan", "Chongjin", "Sinuiju", "Kimchaek"]):
        own = f"Participant {i} grew up in {town} and left in {2000 + i}."
        text = f"{own}\n\n{stock}\n\nAsked again: {stock}\n\nThe end of {town}.\n"
        project.add([_write(tmp_path, f"p{i}.txt", text)], workers=1)
    rows = project.conn.execute(
        "SELECT hash, document_id, count(*) FROM passage_fingerprint GROUP BY 1, 2"
    ).fetchall()
    holders: dict[int, int] = {}
    for h, _, _ in rows:
        holders[h] = holders.get(h, 0) + 1
    common = {h for h, n in holders.items() if n > store_shared.HOLDERS}
    assert common  # the stock sentence's hashes, held by the first five transcripts
    assert all(n == 1 for h, _, n in rows if h in common)
    assert store_shared.shared_count(project.conn) == 0

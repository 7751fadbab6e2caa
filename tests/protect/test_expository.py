"""Expository text (papers, reports, chapters): findings that protect no one are not
proposed, and the participants a text introduces always are. Fictional texts written for
these tests; the benchmark texts are in ``expository_fixture``."""

from __future__ import annotations

import pytest

from moksori.protect import shared_list
from moksori.protect.detect.voice import is_testimony
from moksori.protect.scan import detect_text, detect_texts
from moksori.protect.spans import PiiType
from tests.protect.expository_fixture import (
    CHAPTER_EN,
    NEWS_EN,
    NEWS_KO,
    PAPER_EN,
    PAPER_KO,
    REPORT_KO,
    parse,
)

# A paper's frame, long and impersonal enough to be read as expository.
_FRAME = (
    "Abstract\n\nThis article examines settlement among North Korean migrants in South "
    "Korea. It draws on interviews conducted between 2020 and 2022 (Lee, 2019; Moon 2021).\n\n"
    "1. Introduction\n\nMigration across the border rose in the late 1990s. Most migrants "
    "crossed into China and travelled on through Southeast Asia. Research has described "
    "brokers, debt and the role of churches in some detail. The state resettlement centre "
    "offers twelve weeks of classes, and local centres follow up for five years.\n\n"
)


def _said(text: str, type_: PiiType | None = None) -> list[str]:
    return [text[s.start : s.end] for s in detect_text(text) if type_ in (None, s.type)]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("2. Findings\n\nOne participant, whom we call Dahye (in her 30s), left in 2014.", "Dahye"),
        ("2. Findings\n\nInterviewee 4 (pseudonym Ilsu) was a driver before he left.", "Ilsu"),
        ("2. Findings\n\nMansik, 58, recalled the closing of the factory.", "Mansik"),
        ("2. 연구 결과\n\n연구참여자 B(가명 은실, 50대)는 장사를 하다가 떠났다.", "은실"),
    ],
)
def test_a_participant_introduced_as_such_is_always_a_finding(body: str, name: str) -> None:
    text = _FRAME + body + "\n"
    assert name in _said(text, PiiType.PERSON)


def test_every_mention_of_a_participant_is_a_finding() -> None:
    text = (
        _FRAME + "2. 연구 결과\n\n연구참여자 E(가명 은실, 40대)는 혜산 출신이다. 은실은 "
        "장마당에서 옷을 팔았다고 하였다.\n"
    )  # 은실 is also a common noun (silver thread): only the introduction vouches for it
    assert [w for w in _said(text, PiiType.PERSON) if w.startswith("은실")] == ["은실", "은실"]


def test_parts_of_a_paper_and_section_headings_are_not_people_or_places() -> None:
    text = (
        _FRAME + "Table 1. Participants by year of arrival\n\nCase 2: the market\n\n"
        "3.1 Control and trust\n\nFindings are summarised below.\n\n"
        "Acknowledgements: We thank the counsellors.\n"
    )
    said = _said(text)
    for word in ("Table", "Case", "Control", "Findings", "Acknowledgements", "Introduction"):
        assert word not in said


def test_weak_and_sentence_start_guesses_are_dropped_in_a_paper() -> None:
    text = _FRAME + (
        "Brokerage is a market. Officials rarely speak of it. Chongryon and Mindan, the two "
        "Korean associations in Japan, appear in two accounts. Catholic and Protestant "
        "groups, and Christianity in general, shaped the route.\n"
    )
    assert _said(text, PiiType.PERSON) == []


def test_titles_of_office_are_not_people() -> None:
    text = _FRAME + "The UN Special Rapporteur and the Deputy Minister visited Seoul in 2019.\n"
    assert _said(text, PiiType.PERSON) == []


def test_regions_larger_than_a_country_are_not_places_to_hide() -> None:
    text = _FRAME + "Routes through South-East Asia and Central Asia grew longer after 2017.\n"
    assert _said(text, PiiType.PLACE) == []


def test_years_of_a_group_and_months_of_fieldwork_are_not_one_life() -> None:
    text = _FRAME + (
        "Respondents who left after 2016 paid more. 면담은 2021년 3월부터 11월까지 "
        "진행되었다. 통계에 따르면 2022년까지 입국한 사람의 칠십 퍼센트가 여성이다.\n"
    )
    assert _said(text, PiiType.DATE) == []


def test_a_citation_does_not_make_a_sentence_one_persons_life() -> None:
    text = _FRAME + "The route became costlier after 2018, as checks increased (Baek, 2020).\n"
    assert "2018" not in _said(text, PiiType.DATE)


def test_a_participants_year_is_kept_beside_her_name() -> None:
    text = _FRAME + "2. Findings\n\nSeonok (in her 40s) left Musan in 2011 with her son.\n"
    said = _said(text)
    assert {"Seonok", "Musan", "2011"} <= set(said)


def test_the_benchmark_texts_protect_someone_with_nearly_every_finding() -> None:
    texts = [PAPER_EN, REPORT_KO, NEWS_EN, NEWS_KO, CHAPTER_EN, PAPER_KO]
    parsed = [parse(t) for t in texts]
    found = detect_texts([t for t, _ in parsed])
    for (text, gold), spans in zip(parsed, found, strict=True):
        empty = [s for s in spans if not any(a < s.end and s.start < b for a, b, _ in gold)]
        hit = [g for g in gold if any(g[0] < s.end and s.start < g[1] for s in spans)]
        assert len(empty) <= 0.1 * max(1, len(spans)), [text[s.start : s.end] for s in empty]
        assert len(hit) >= 0.85 * len(gold)


def test_cited_authors_in_every_citation_shape_are_not_people() -> None:
    body = (
        "Lankov (2013: 45) calls this a market. Kim and Lee's (2018) survey agrees, as do "
        "Park et al. (2019a). Haggard and Noland [2011] disagree. Choi, Yoon and Baek (2020) "
        "add detail; see also Jung 2016 and Song, 2021. According to Hwang (2017, p. 12), "
        "fees doubled. In a later study, Cho found the same (Cho 2019b; cf. Ryu, 2018, 33-35). "
        "As Lee and Kwon [2015: 7] put it, brokers are bankers.\n"
    )
    assert _said(_FRAME + body) == []


def test_a_participant_with_a_cited_authors_surname_stays_a_person() -> None:
    body = "Later work agrees (Cho 2019). Mrs. Cho, who is 61, told us about her son.\n"
    assert _said(_FRAME + body, PiiType.PERSON) == ["Cho"]


def test_a_news_story_full_of_quotes_is_not_testimony() -> None:
    news = (
        "Seoul -- More North Korean women who spent years in China are asking for help with "
        'debts. "I paid the broker for three years and I still owe him," said one woman, who '
        'asked not to be named. "My son thinks I am rich now." Counsellors say the problem is '
        'common. "We see it every week," said a counsellor. "I cannot tell them what to do, '
        'but I can listen." The ministry says it will review the scheme next year. "I hope '
        'they do it soon," the woman said. "My hands hurt from the factory work." Officials '
        "declined to comment. Arrivals fell during the pandemic and have partly recovered."
    )
    ko = (
        '탈북민 여성들의 빚 문제가 심각하다. "저는 브로커한테 삼 년을 갚았는데 '
        '아직도 남았어요"라고 한 여성은 말했다. "우리 아들은 내가 부자인 줄 알아요." '
        '상담사들은 이런 일이 흔하다고 밝혔다. "매주 봐요"라고 한 상담사는 말했다. '
        "통일부는 내년에 지원 제도를 검토할 계획이다. 전문가들은 장기적인 대책이 "
        "필요하다고 지적했다. 지방자치단체도 별도 지원을 검토하고 있다고 전했다."
    )
    assert not is_testimony(news) and not is_testimony(ko)


def test_a_witness_who_quotes_someone_is_still_testifying() -> None:
    en = (
        "I was born in Hyesan in 1985. My mother told me, "
        '"We will go to China when you are older." I did not believe her. '
    ) * 4
    ko = (
        '저는 혜산에서 태어났어요. 어머니가 "중국에 가자"고 했어요. 그때 나는 열다섯 살이었어요. '
        * 6
    )
    assert is_testimony(en) and is_testimony(ko)


def test_a_korean_report_proposes_its_participant_and_nothing_public() -> None:
    text = (
        "북한이탈주민 취업 실태와 정책 과제\n\n1. 서론\n"
        "북한이탈주민의 고용률은 꾸준히 높아졌으나 일자리의 질은 여전히 낮다(김영훈, 2018; "
        "정은미 외, 2020). 이수연(2019)은 중국 체류 경험이 취업에 미치는 영향을 분석하였다. "
        "남북하나재단은 매년 실태조사를 실시하며, 한국노동연구원과 통일연구원도 관련 보고서를 "
        "발간하였다.\n\n2. 연구 방법\n"
        "본 연구는 2022년 5월부터 8월까지 수도권에 거주하는 탈북민 스무 명을 면담하였다. "
        "참여자의 연령은 20대부터 60대까지이며, 평균 연령은 43세이다. 조선족 브로커와 한족 "
        "고용주에 관한 진술도 분석에 포함하였다.\n\n3. 연구 결과\n"
        "연구참여자 F(가명 순영, 50대)는 함흥 출신으로 2009년 두만강을 건넜다. 순영은 식당 "
        "일을 하다가 2013년 입국하였다. 문재인 정부와 윤석열 정부의 정책 차이도 언급되었다. "
        "중국어 능력은 장점이 될 수 있으나 활용되지 않는다.\n"
    )
    said = _said(text)
    assert set(said) == {"순영", "50대", "함흥", "2009년", "2013년"}


def test_a_transcript_dated_by_session_is_no_paper() -> None:
    """ "(December 2023)" dates an interview; it cites no one, so a transcript that
    says it twice is still testimony and keeps its years, ages and places."""
    text = (
        "Interview transcript (synthetic)\nPseudonym: Hana (woman in her 30s)\n\n"
        "── Session 1 (December 2023) ──\n\nR: We left Hoeryong in 2009. My brother was "
        "fourteen.\n\n── Session 2 (January 2024) ──\n\nR: In Yanji I worked in a restaurant "
        "for the owner, Mr. Jin.\n"
    )
    assert shared_list.citations(text) == []
    said = set(_said(text))
    assert {"Hoeryong", "2009", "fourteen", "Yanji", "Jin"} <= said


def test_an_official_with_an_age_is_no_participant() -> None:
    body = "Unification Minister Kim Tae-sung, 58, said support would grow next year.\n"
    assert _said(_FRAME + body, PiiType.PERSON) == []


def test_journals_dynasties_and_the_full_names_of_cited_authors_are_not_people() -> None:
    body = (
        "This article, published in Asian Survey, draws on Barbara Demick's account "
        "(Demick, 2009). Under the Kim family the border was sealed, and the Pak dynasty "
        "of the story is fiction.\n"
    )
    assert _said(_FRAME + body) == []


def test_a_korean_name_in_western_order_is_no_cited_author() -> None:
    body = "Earlier work (Kim, 2015) is cited. Ji-min Kim said she left Musan in 2012.\n"
    assert "Ji-min Kim" in _said(_FRAME + body, PiiType.PERSON)

"""Identifying roles and units in fictional testimony: security officials, party
secretaries, neighbourhood and work-team heads, named work units, overseas labour."""

from __future__ import annotations

import pytest

from moksori.protect.detect import roles
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import tokenise


def found(text: str) -> list[str]:
    out = []
    for s in roles.detect(tokenise(text)):
        assert s.type == PiiType.ROLE and s.detector == roles.NAME
        assert s.info == {}  # nothing of the text is kept
        out.append(text[s.start : s.end])
    return out


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("보위원이 집에 찾아왔어요.", "보위원"),
        ("보위부 지도원이 저를 불렀시오.", "보위부 지도원"),
        ("담당 보안원이 매일 왔댔어요.", "담당 보안원"),
        ("그 안전원은 돈을 받고 눈을 감아 줬다.", "안전원"),
        ("인민반장이 매일 숙박검열을 했어요.", "인민반장"),
        ("우리 아버지는 초급당비서였어요.", "초급당비서"),
        ("세포비서 동지가 그렇게 말했습네다.", "세포비서"),
        ("어머니는 분조장 노릇을 하셨지.", "분조장"),
        ("지배인한테 뇌물을 바쳤어요.", "지배인"),
        ("러시아 벌목공으로 나갔다가 돌아왔어요.", "러시아 벌목공"),
        ("삼촌은 쿠웨이트 건설 로동자로 갔어요.", "쿠웨이트 건설 로동자"),
        ("오빠는 무산광산 3작업반에서 일했어요.", "무산광산 3작업반"),
        ("김책제철연합기업소에 다녔어요.", "김책제철연합기업소"),
        ("삼촌은 속도전청년돌격대에 갔어요.", "속도전청년돌격대"),
        ("오빠는 2.8직동청년탄광에서 일했어요.", "2.8직동청년탄광"),
        ("아버지가 도당 책임비서였거든요.", "도당 책임비서"),
        ("The bowiwon came every night.", "bowiwon"),
        ("The farm manager gave us extra corn.", "farm manager"),
        ("He was a Bowibu agent.", "Bowibu agent"),
        ("The party secretary of our farm took the rice.", "party secretary of our farm"),
        (
            "The head of our neighbourhood unit (inminban) reported us.",
            "head of our neighbourhood unit (inminban)",
        ),
        ("My uncle was a logging worker in Russia.", "logging worker in Russia"),
        ("She says the security official came at night.", "security official"),
    ],
)
def test_roles_are_found(text: str, role: str) -> None:
    assert role in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "로동자들이 많았어요.",  # generic: a worker is no one in particular
        "군인이 총을 쐈어요.",
        "보위부에 끌려갔어요.",  # an institution alone
        "하나원에서 석 달 있었어요.",  # organisations, not roles
        "국정원 조사를 받았어요.",
        "우리는 신발공장에서 일했어요.",  # a kind of factory, not a named one
        "협동농장에서 일했어요.",
        "경남이 아바이는 탄광에서 일했어요.",  # a particle before the unit word names nothing
        "Many workers left for the city.",
        "North Korean security officials arrest returnees.",  # a paper, about no one
    ],
)
def test_generic_words_are_not_roles(text: str) -> None:
    assert found(text) == []


def test_a_role_survives_the_whole_scan() -> None:
    text = "그 보위원이 우리 인민반장하고 같이 왔어요."
    got = {text[s.start : s.end] for s in detect_text(text) if s.type == PiiType.ROLE}
    assert got == {"보위원", "인민반장"}


REPORT = (
    "탈북민들은 1990년대 중반의 고난의 행군 시기를 가장 힘든 때로 기억한다. "
    "인민반장은 주민들의 동향을 감시하는 역할을 한다. 보위원과 보안원은 국경 지역에서 "
    "단속을 강화했다. 러시아 벌목공 파견은 외화벌이의 중요한 수단이었다. "
    "많은 여성들이 장마당에서 장사를 했다. 당비서는 농장의 분배를 통제했다. "
) * 2 + (
    "Security officials in border areas took bribes. The head of a neighbourhood unit "
    "(inminban) monitors households. Many families had relatives who were loggers in Russia."
)


def test_a_report_about_many_people_names_no_role() -> None:
    """In expository prose a role is a kind of person; only a named unit identifies there."""
    assert found(REPORT) == []
    assert found(REPORT + " 그는 무산광산 3작업반에서 일했다.") == ["무산광산 3작업반"]


def test_the_same_roles_in_a_first_person_account_are_found() -> None:
    text = REPORT.replace("인민반장은", "우리 인민반장은").replace(
        "한다.", "했어요. 저는 무서웠어요."
    )
    assert "인민반장" in found(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("My father, a Bowibu officer, never spoke of his work.", "Bowibu officer"),
        ("I worked at the Komusan cement factory.", "Komusan cement factory"),
        (
            "He was the chief of the Hoeryong police station.",
            "chief of the Hoeryong police station",
        ),
        ("Our team leader at the mine was kind.", "team leader at the mine"),
    ],
)
def test_english_roles_and_named_units(text: str, role: str) -> None:
    assert role in found(text)


@pytest.mark.parametrize(
    "text", ["The factory was cold.", "I worked in a shoe factory.", "North Korean mines are old."]
)
def test_english_unnamed_units_are_not_roles(text: str) -> None:
    assert found(text) == []


def test_a_long_testimony_that_drops_its_pronouns_is_still_testimony() -> None:
    """Korean speakers drop "I": the spoken endings say whose voice it is."""
    lines = [
        "아버지가 보위원이었어요.",
        "어머니는 장마당에서 국수를 팔았지요.",
        "그때 인민반장이 매일 왔댔시오.",
        "동생은 중국으로 갔습네다.",
    ] * 8
    text = "\n".join(lines)
    assert len(text) > 400
    got = found(text)
    assert "보위원" in got and "인민반장" in got


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("우리 반 담임선생이 참 엄했어요.", "담임선생"),
        ("소년단 분단위원장은 반에서 제일 컸어요.", "소년단 분단위원장"),
        ("도당 검열성원들이 집에 와서 장부를 가져갔어요.", "도당 검열성원"),
        ("아버지가 8.3 가내작업반 일을 했어요.", "8.3 가내작업반"),
        ("남편은 2.8 비날론 련합기업소 기사였어요.", "2.8 비날론 련합기업소 기사"),
        ("거기 생산2팀 반장이 좋은 분이었어요.", "생산2팀 반장"),
        ("저를 맡은 신변보호 담당 형사가 전화를 해요.", "신변보호 담당 형사"),
        ("양주경찰서 보안계 신변보호관이 가끔 와요.", "양주경찰서 보안계 신변보호관"),
        ("시흥하나센터 상담사 선생님이 도와줬어요.", "시흥하나센터 상담사"),
        ("저는 9군단 산하 경보병려단으로 갔어요.", "9군단 산하 경보병려단"),
        ("저는 새별군 인민병원 의사가 되고 싶었어요.", "새별군 인민병원 의사"),
    ],
)
def test_school_army_and_south_korean_roles(text: str, role: str) -> None:
    assert role in found(text)


def test_a_role_someone_calls_theirs_counts_in_a_letter() -> None:
    """A letter in the plain style reads as prose; "너희 중대장" is still one officer."""
    letter = (
        "사랑하는 아들아, 엄마다. 이 편지가 언제 갈지 모르겠다. 엄마는 지금 남쪽에 산다. "
        "방이 두 칸이고 겨울에도 따뜻하다. 처음엔 보일러를 켜는 법을 몰랐다. "
    ) * 6
    assert found(letter + "너희 중대장이 사람 괜찮다고 들었다.") == ["중대장"]
    assert found(letter + "제1군단 산하 2사단 17연대로 갔다고 들었다.") == [
        "제1군단 산하 2사단 17연대"
    ]
    assert found(letter + "중대장은 부대를 지휘한다.") == []


def test_a_bare_hana_center_counsellor_in_a_report_is_no_one() -> None:
    sentence = "연구참여자들은 신변보호관과 하나센터 상담사를 믿을 만한 사람으로 꼽았다고 밝혔다. "
    report = sentence * 8
    assert found(report) == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Our company commander was Captain Seo.", "company commander"),
        ("I was posted to Unit 4524 near the coast.", "Unit 4524"),
        (
            "Inspectors from the provincial party committee took the books.",
            "Inspectors from the provincial party committee",
        ),
        ("He was the chief inspector at the Hoeryong police station.",
         "chief inspector at the Hoeryong police station"),
        ("My job counsellor at the Hwaseong Hana Center found me work.",
         "job counsellor at the Hwaseong Hana Center"),
        ("One of the holding-centre guards read out names.", "holding-centre guards"),
        ("The 109 squad raided the market.", "109 squad"),
        ("He drove a truck for the Pochon logging station.", "Pochon logging station"),
    ],
)  # fmt: skip
def test_english_army_inspection_and_resettlement_roles(text: str, role: str) -> None:
    assert role in found(text)


def test_a_caseworker_at_an_unnamed_hana_center_is_no_one() -> None:
    assert found("I met a caseworker at the Hana Center.") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("요양원 원장님이 좋은 분이에요.", "요양원 원장"),
        ("109 그루빠가 집에 들이닥쳤어요.", "109 그루빠"),
        ("회령 보안서 예심과에 끌려갔어요.", "보안서 예심과"),
        ("신변보호 경찰관이 집에 오셨어요.", "신변보호 경찰관"),
        ("새터민 담당 전도사 선생님이 왔어요.", "새터민 담당 전도사"),
        ("학과 지도교수님이 잘해 줘요.", "지도교수"),
        ("He was a chief engineer at the Bongung chemical plant.",
         "chief engineer at the Bongung chemical plant"),
        ("The Korean-Chinese floor manager knew who we were.", "floor manager"),
        ("The church's outreach pastor for defectors asked me.", "outreach pastor for defectors"),
    ],
)  # fmt: skip
def test_workplace_agency_and_church_roles(text: str, role: str) -> None:
    assert role in found(text)


def test_in_charge_of_someone_only_in_testimony() -> None:
    report = "지역마다 새터민 담당 전도사가 배치되어 있다고 밝혔다. " * 8
    assert found(report) == []


def test_a_forces_postal_address_is_no_army_unit() -> None:
    assert found("Send it to Unit 4719 Box 7394, DPO AE 09321.") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("큰아버지가 평양 철도국 부국장이라 저를 빼냈어요.", "철도국 부국장"),
        ("언니 남편은 삼성전자 협력업체 반장이고요.", "협력업체 반장"),
        ("The head of the women's union in our block was old.", "head of the women's union"),
        ("He was deputy director of the Pyongyang railway bureau.",
         "deputy director of the Pyongyang railway bureau"),
    ],
)  # fmt: skip
def test_bureau_heads_subcontractors_and_unions(text: str, role: str) -> None:
    assert role in found(text)


def test_a_country_before_a_boss_is_no_bureau() -> None:
    assert found("중국 사장이 돈을 안 줬어요.") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("이모는 회령시 상업관리소 판매원이었어요.", "상업관리소 판매원"),
        ("로씨야 아무르주 벌목 사업소에 있었어요.", "로씨야 아무르주 벌목 사업소"),
        ("남편은 거기서 작업조 조장이었어요.", "작업조 조장"),
        ("He was promoted to instructor in the provincial party organisation department.",
         "instructor in the provincial party organisation department"),
        ("She sold goods for the Hoeryong city commerce office.", "Hoeryong city commerce office"),
        ("He went to a logging enterprise in Amur Oblast.", "logging enterprise in Amur Oblast"),
        ("He was a work-group leader there.", "work-group leader"),
    ],
)  # fmt: skip
def test_sales_clerks_work_groups_party_departments_and_overseas_enterprises(
    text: str, role: str
) -> None:
    assert role in found(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("어머니는 인민반 위생반장이었어요.", "인민반 위생반장"),
        ("남편은 광주 북구청 주무관이에요.", "북구청 주무관"),
        ("외할아버지가 6.25 참전 로병이라 성분이 좋았어요.", "6.25 참전 로병"),
        ("My mother was the hygiene monitor of our inminban.", "hygiene monitor of our inminban"),
        ("He works as a civil servant at the Buk District office.",
         "civil servant at the Buk District office"),
    ],
)  # fmt: skip
def test_inminban_posts_district_offices_and_veterans(text: str, role: str) -> None:
    assert role in found(text)


def test_a_pronoun_before_works_is_no_named_work_unit() -> None:
    assert found("He works hard. She works at night.") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("실제로는 청진시 방송위원회 타자수였어요.", "방송위원회 타자수"),
        ("마을 촌장이 신고했대요.", "마을 촌장"),
        ("봉제공장 미싱 반장 언니가 가르쳐 줬어요.", "봉제공장 미싱 반장"),
        ("철도 안전부 순찰대가 저를 보냈어요.", "철도 안전부 순찰대"),
        ("The railway security patrol sent me there.", "railway security patrol"),
        ("The head of the sewing line taught me.", "head of the sewing line"),
    ],
)
def test_typists_village_heads_line_heads_and_patrols(text: str, role: str) -> None:
    assert role in found(text)


def test_a_word_between_a_bare_unit_and_a_head_names_no_unit() -> None:
    assert found("그 농장 큰 반장이 왔어요.") == []

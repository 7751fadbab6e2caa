"""Structured identifiers on small fictional sentences: exact spans, types, no double reports."""

from __future__ import annotations

import pytest

from moksori.protect.detect import identifiers
from moksori.protect.spans import PiiType, Span


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.type.value) for s in identifiers.find(text)]


def spans_of(text: str, kind: PiiType) -> list[Span]:
    return [s for s in identifiers.find(text) if s.type == kind]


# Every phone format the spec names, planted in a sentence: each must be found exactly.
PLANTED_PHONES = [
    ("제 번호는 010-1234-5678이에요.", "010-1234-5678"),
    ("핸드폰 010 2345 6789 로 연락 주세요", "010 2345 6789"),
    ("01034567890으로 문자 보냈어요", "01034567890"),
    ("사무실은 02-123-4567 입니다", "02-123-4567"),
    ("경기도 사무소 031-987-6543 으로", "031-987-6543"),
    ("상담 전화 1588-1234 로 하세요", "1588-1234"),
    ("고객센터(1577-5678)에 물어봤다", "1577-5678"),
    ("중국 번호 138 0013 8000 을 썼다", "138 0013 8000"),
    ("언니는 +86 138-0013-8000 을 쓴다", "+86 138-0013-8000"),
    ("手机号码是13800138000。", "13800138000"),
    ("국제전화로 +82 10-1234-5678 에 걸었다", "+82 10-1234-5678"),
    ("+82-2-123-4567 로 연결", "+82-2-123-4567"),
    ("010.1234.5678 로 보내", "010.1234.5678"),
    ("연락처 (010-9876-5432) 남김", "010-9876-5432"),
    ("Call her on +1 415-555-0132 tomorrow.", "+1 415-555-0132"),
    ("Her London number was +44 20 7946 0958.", "+44 20 7946 0958"),
    ("The office line is (202) 555-0143.", "(202) 555-0143"),
    ("My mobile is 07700 900 123, call after six.", "07700 900 123"),
    ("Reach me at 415-555-0199x22.", "415-555-0199x22"),
    ("인터넷전화 070-1234-5678 도 있어요", "070-1234-5678"),
    ("예전 번호 011-234-5678 은 없어졌다", "011-234-5678"),
    # Invalid but phone-shaped: still reported.
    ("그 사람 번호가 010-0000-123 이었나", "010-0000-123"),
    ("The number was 555 0134 567, I think.", "555 0134 567"),
    ("Son numéro: 03.93.92.16.85.", "03.93.92.16.85"),
]


@pytest.mark.parametrize(("text", "phone"), PLANTED_PHONES)
def test_every_planted_phone_is_found_exactly(text: str, phone: str) -> None:
    assert (phone, "phone") in found(text)


def test_valid_phones_are_surer_than_shaped_ones() -> None:
    valid = spans_of("제 번호는 010-1234-5678이에요.", PiiType.PHONE)[0]
    shaped = spans_of("Son numéro: 03.93.92.16.85.", PiiType.PHONE)[0]
    assert valid.confidence > shaped.confidence >= 0.5


def test_spoken_korean_digits_are_a_phone() -> None:
    assert found("번호는 공일공 일이삼사 오육칠팔 이에요") == [
        ("공일공 일이삼사 오육칠팔", "phone")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "가격은 1,500,000원이었고 16명이 모였다.",
        "3시 30분에 만나서 2호선을 탔다.",
        "보고서 123쪽, 제3조 2항을 보라.",
        "101동 1502호에 살았어요.",
        "1950-1953 전쟁과 1998 2000 2003년의 기근",
        "날짜는 2016-08-22, 2016.8.22, 2016/8/22 였다.",
        "The population was 1,234,567 in 2010; see page 245 at 3:45 pm.",
        "It cost $1,500,000 and 12.5% of 3.14159265 was lost.",
        "My zip code is 90010-170.",
        "The restaurant is at 17151 2450 Crown St.",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert spans_of(text, PiiType.PHONE) == []


def test_rrn_forms() -> None:
    text = "주민번호 850314-2345678, 붙여서 8503142345678, 가린 것 850314-2******, 850314-*******"
    assert found(text) == [
        ("850314-2345678", "rrn"),
        ("8503142345678", "rrn"),
        ("850314-2******", "rrn"),
        ("850314-*******", "rrn"),
    ]


def test_rrn_checksum_only_raises_confidence() -> None:
    # 800101-1000008 satisfies the pre-2020 check digit; 800101-1000003 does not.
    good = spans_of("번호 800101-1000008", PiiType.RRN)
    bad = spans_of("번호 800101-1000003", PiiType.RRN)
    assert len(good) == len(bad) == 1
    assert good[0].confidence > bad[0].confidence


def test_rrn_is_not_also_a_phone_or_a_date() -> None:
    text = "그의 주민등록번호는 900101-1234567 이다"
    assert found(text) == [("900101-1234567", "rrn")]


def test_rrn_birth_half_after_the_word() -> None:
    assert found("주민번호 앞자리는 850314 이고요") == [("850314", "rrn")]


def test_rrn_with_a_bad_checksum_and_a_particle_is_still_an_rrn() -> None:
    text = "계약할 때 730915-2129462를 적었어요."
    spans = identifiers.find(text)
    assert [(text[s.start : s.end], s.type.value) for s in spans] == [("730915-2129462", "rrn")]
    assert spans[0].confidence < 0.98  # the checksum fails: sure, but less sure


def test_foreigner_registration_numbers() -> None:
    text = "외국인등록번호 900101-5123456 과 그냥 881212-6234567"
    assert found(text) == [("900101-5123456", "foreigner_id"), ("881212-6234567", "foreigner_id")]


def test_emails_plain_and_spelled_out() -> None:
    text = (
        "메일은 kim.jm85@example.org 이고 영문은 lee_mh+news@mail.example.co.kr, "
        "또는 park [at] example [dot] com"
    )
    assert found(text) == [
        ("kim.jm85@example.org", "email"),
        ("lee_mh+news@mail.example.co.kr", "email"),
        ("park [at] example [dot] com", "email"),
    ]


def test_at_with_a_number_or_a_sentence_end_is_no_email() -> None:
    text = (
        "I started university at 35. My account is 110-384-529618 at Shinhan. The rest. "
        "Write to jmkim at gmail.com or mh.lee at example.co.kr; I work at naver.com now."
    )
    assert found(text) == [
        ("110-384-529618", "account"),
        ("jmkim at gmail.com", "email"),
        ("mh.lee at example.co.kr", "email"),
        ("naver.com", "url"),
    ]


def test_urls() -> None:
    text = (
        "자료는 https://example.org/a/b?x=1 (참고), www.hana-center.or.kr 에 있고 "
        "example.org/path 와 naver.com에서도 봤다. See http://example.com/page."
    )
    assert found(text) == [
        ("https://example.org/a/b?x=1", "url"),
        ("www.hana-center.or.kr", "url"),
        ("example.org/path", "url"),
        ("naver.com", "url"),
        ("http://example.com/page", "url"),
    ]


def test_file_names_and_typos_are_not_urls() -> None:
    assert found("파일 report.docx 를 열고 went home.It was late, e.g. in the U.S.") == []


def test_handles() -> None:
    text = (
        "카톡 아이디 sunny_kim88 이고 위챗 wxid_abc123, KakaoTalk ID: bluebird77, "
        "WeChat: lee.mh; instagram.com/some.user 트위터 @jm_kim"
    )
    assert found(text) == [
        ("sunny_kim88", "handle"),
        ("wxid_abc123", "handle"),
        ("bluebird77", "handle"),
        ("lee.mh", "handle"),
        ("instagram.com/some.user", "url"),
        ("@jm_kim", "handle"),
    ]


def test_handles_found_by_the_platform_word_before_them() -> None:
    text = (
        "Reach me on KakaoTalk, my ID is minji_h92. I wrote to her on WeChat, "
        "yoonok_sy1970, when I landed. 위챗으로 했어요. 아이디가 chunhwa_77 예요."
    )
    assert found(text) == [
        ("minji_h92", "handle"),
        ("yoonok_sy1970", "handle"),
        ("chunhwa_77", "handle"),
    ]


def test_plain_words_after_a_platform_are_not_handles() -> None:
    assert found("I used KakaoTalk on the phone my cousin gave me in 2015.") == []


def test_a_web_address_wins_over_the_handle_inside_it() -> None:
    text = (
        "Videos at https://www.youtube.com/@daedong_river_cook. 블로그는 "
        "https://blog.naver.com/hoeryong_girl2009이에요. 페북 facebook.com/minsu.p.1990인데"
    )
    spans = identifiers.find(text)
    assert [(text[s.start : s.end], s.type.value) for s in spans] == [
        ("https://www.youtube.com/@daedong_river_cook", "url"),
        ("https://blog.naver.com/hoeryong_girl2009", "url"),
        ("facebook.com/minsu.p.1990", "url"),
    ]
    assert spans[0].info == {"platform": "youtube"}


def test_english_platform_words_need_an_id_marker() -> None:
    assert found("The first line of the letter was a signal to leave.") == []
    assert found("트위터 CEO인 그 사람") == []


def test_email_is_not_also_a_handle_or_url() -> None:
    assert found("write to @someone or jm_kim@example.net") == [
        ("@someone", "handle"),
        ("jm_kim@example.net", "email"),
    ]


def test_bank_accounts_with_and_without_context() -> None:
    text = "신한은행 계좌 110-123-456789 로, 우리 1002-123-456789, 국민 123456-01-123456"
    spans = spans_of(text, PiiType.ACCOUNT)
    assert [text[s.start : s.end] for s in spans] == [
        "110-123-456789",
        "1002-123-456789",
        "123456-01-123456",
    ]
    assert all(s.confidence >= 0.9 for s in spans)
    bare = spans_of("그 숫자는 110-123-456789 였다", PiiType.ACCOUNT)
    assert len(bare) == 1 and bare[0].confidence < 0.9


def test_phone_is_not_also_an_account() -> None:
    text = "은행 일 끝나고 전화 010-1234-5678 로 했다"
    assert found(text) == [("010-1234-5678", "phone")]


def test_passports() -> None:
    text = "여권번호 M12345678, 중국 여권 E12345678, passport no. g1234567, 새 여권 M123A4567"
    spans = identifiers.find(text)
    assert [(text[s.start : s.end], s.type.value) for s in spans] == [
        ("M12345678", "passport"),
        ("E12345678", "passport"),
        ("g1234567", "passport"),
        ("M123A4567", "passport"),
    ]
    assert all(s.confidence >= 0.9 for s in spans)
    loose = spans_of("The code AB1234567 was printed", PiiType.PASSPORT)
    assert len(loose) == 1 and loose[0].confidence < 0.9


def test_ip_and_ssn_are_reported() -> None:
    assert found("client 192.168.10.4 and SSN 123-45-6789") == [
        ("192.168.10.4", "url"),
        ("123-45-6789", "rrn"),
    ]


def test_info_never_holds_the_string() -> None:
    text = "010-1234-5678, 850314-2345678, kim@example.org, instagram.com/some.user"
    for s in identifiers.find(text):
        assert text[s.start : s.end] not in {str(v) for v in s.info.values()}


def test_offsets_are_code_points_after_astral_characters() -> None:
    text = "😀😀 전화 010-1234-5678"
    [span] = identifiers.find(text)
    assert text[span.start : span.end] == "010-1234-5678"
    assert span.start == text.index("010")


def test_a_phone_number_read_out_with_에_between_its_groups() -> None:
    from moksori.protect.detect import phones

    text = "전화는 공일공에 구팔칠육에 오사삼이요."
    got = [text[s.start : s.end] for s in phones.find(text) if s.type.value == "phone"]
    assert got == ["공일공에 구팔칠육에 오사삼이"]


def test_a_messenger_id_with_a_particle_glued_after_it() -> None:
    text = "제 카톡 아이디 알려 드릴게요, sunny_kim_0415요."
    assert ("sunny_kim_0415", "handle") in found(text)

"""A labelled stamp over every reply of a thread ("작성일 26-11-09 22:41") is the thread's
furniture; an article's own date lines ("입력 …", "수정 …") stay (issue 17, heldout7)."""

from __future__ import annotations

from moksori.ingest.boilerplate import strip_boilerplate

THREAD = """홈 | 자유게시판 | 질문과 답변 | 공지사항
로그인 회원가입
구청 서류는 어디서 떼나요?
작성일 26-10-02 21:14
지난주에 전입 신고를 했는데 등본을 떼려면 어디로 가야 하는지 모르겠어요. 도와주세요.
작성일 26-10-02 22:30
주민센터에 가면 무인발급기가 있어요. 지문만 찍으면 바로 나와요. 저도 물어봤어요.
작성일 26-10-03 08:05
정부24 누리집에서도 뗄 수 있는데 처음엔 주민센터가 마음 편해요. 수수료도 몇백 원이에요.
작성일 26-10-03 12:47
다들 고마워요. 내일 아침에 주민센터에 가 볼게요. 다녀와서 후기 남길게요.
Copyright © 2026 새봄나루 커뮤니티. All rights reserved.
"""

ARTICLE = """홈 | 정치 | 사회 | 경제 | 국제
로그인 회원가입
탈북민 치과 진료비 지원 확대
입력 2026.11.03 10:12
수정 2026.11.03 11:40
내년부터 북한이탈주민의 치과 진료비 부담이 줄어든다. 정부는 틀니 지원을 늘린다고 밝혔다.
지원 대상은 약 8천 명이다. 담당자는 "치과 치료가 가장 시급하다는 의견이 많았다"고 말했다.
Copyright © 2026 가상일보. All rights reserved.
"""


def test_each_replys_stamp_goes_and_every_reply_stays() -> None:
    kept, _ = strip_boilerplate(THREAD)
    lines = kept.split("\n")
    assert not any(ln.startswith("작성일") for ln in lines)
    assert any(ln.startswith("주민센터에 가면 무인발급기가 있어요.") for ln in lines)
    assert any(ln.startswith("다들 고마워요.") for ln in lines)


def test_an_articles_own_date_and_update_lines_stay() -> None:
    kept, _ = strip_boilerplate(ARTICLE)
    lines = kept.split("\n")
    assert "입력 2026.11.03 10:12" in lines
    assert "수정 2026.11.03 11:40" in lines

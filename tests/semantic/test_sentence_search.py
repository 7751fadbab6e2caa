"""One sentence inside a long turn is found by meaning: long passages have sentence vectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.project import Project
from moksori.semantic import encoder

LONG_TURN = (
    "참여자: 저는 아침마다 시장에서 생선을 팔았어요. 애들은 학교에 잘 다녔고요. "
    "겨울에는 석탄이 모자라서 집이 늘 추웠어요. 그러다가 남동생이 보위부에 잡혀가서 소식이 "
    "끊겼어요. 교회 같은 건 그때는 몰랐어요. 저녁에는 옥수수 국수를 먹었어요.\n\n"
)
OTHERS = (
    "면담자: 그때 어떻게 지내셨어요?\n\n",
    "참여자: 남동생은 지금 서울에서 대학교에 다녀요.\n\n",
    "참여자: 경찰이 동네 사람들을 자주 불러서 조사했어요.\n\n",
    "참여자: 시장에서 생선 장사는 돈이 잘 안 됐어요.\n\n",
    "참여자: 형이 군대에서 다쳐서 집에 돌아왔어요.\n\n",
    "참여자: 여름에는 비가 많이 와서 집이 물에 잠겼어요.\n\n",
    "참여자: 배급이 끊기고 나서 다들 장사를 시작했어요.\n\n",
)
EN = "Interviewer: Where did you sell things?\n\nParticipant: I sold fish at the market.\n"


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "ko.txt").write_text(OTHERS[0] + LONG_TURN + "".join(OTHERS[1:]), "utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    project.add([tmp_path / "ko.txt", tmp_path / "en.txt"], workers=1)
    return project


@pytest.mark.parametrize(
    "query",
    [
        "Every morning I sold fish at the market",  # without sentence vectors: 2nd
        "what did she eat for dinner",  # without: 2nd, behind the interviewer's question
    ],
)
def test_a_paraphrase_of_one_sentence_finds_its_long_turn(study: Project, query: str) -> None:
    report = study.embed()
    assert report.sentences == 6  # the long turn's six sentences; short turns need none
    hits = study.search(query, mode="semantic").hits
    assert "보위부" in hits[0].text
    assert len({h.segment_id for h in hits}) == len(hits)  # one hit per passage
    assert all(h.text in (LONG_TURN + "".join(OTHERS) + EN) for h in hits)


def test_filters_hold_for_sentence_vectors(study: Project) -> None:
    study.embed()
    hits = study.search("lang:en Every morning I sold fish at the market", mode="semantic").hits
    assert hits and all(h.lang == "en" for h in hits)


def test_a_project_embedded_before_sentence_vectors_is_told(study: Project) -> None:
    study.embed()
    study.conn.execute(
        "DELETE FROM segment_vector WHERE segment_id IN "
        "(SELECT id FROM segment WHERE kind = 'sentence') AND model = ?",
        (encoder.MODEL,),
    )
    note = study.search("what did she eat for dinner", mode="semantic").note
    assert note is not None and "6 sentences of long passages" in note
    again = study.embed()
    assert (again.embedded, again.sentences) == (0, 6)
    assert study.search("what did she eat for dinner", mode="semantic").note is None

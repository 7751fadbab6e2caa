"""A small fictional study: two interviews (Korean and English) in one project."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.project import Project

INTERVIEW_KO = (
    "면접자: 처음 남한에 왔을 때 어땠어요?\n"
    "영미: 말투 때문에 사람들이 자꾸 어디서 왔냐고 물었어요. 그래서 말을 안 하게 됐어요.\n"
    "면접자: 모르는 게 있으면 어떻게 하셨어요?\n"
    "영미: 모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요. 🙂 창피하니까요.\n"
    "면접자: 가족은요?\n"
    "영미: 어머니는 아직 혜산에 계세요. 연락은 브로커를 통해서만 해요.\n"
)
INTERVIEW_EN = (
    "Interviewer: What was hardest at first?\n"
    "Jun: People asked about my accent all the time, so I stopped talking at work.\n"
    "Interviewer: Who helps you when you don't know something?\n"
    "Jun: I search online instead of asking people I know. It is less embarrassing.\n"
)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "youngmi.ko.txt").write_text(INTERVIEW_KO, encoding="utf-8")
    (folder / "jun.en.txt").write_text(INTERVIEW_EN, encoding="utf-8")
    report = project.add([folder], workers=1)
    assert report.count("added") == 2
    return project


def doc_id(project: Project, name: str) -> int:
    return next(d.id for d in project.documents() if name in d.source_name)


def span(project: Project, name: str, text: str) -> tuple[int, int, int]:
    """(document id, start, end) of `text` in a document, in code points."""
    d = doc_id(project, name)
    full = project.document(d).text
    start = full.index(text)
    return d, start, start + len(text)

"""A small fictional study to analyse: three interviews, four cases, two coders.

Every count the analysis tests assert can be worked out by hand from the
table below (c1 … c13 are the codings, in the order they are made).

========  =========================  ================  =====  ==========
coding    text                        code              coder  case
========  =========================  ================  =====  ==========
c1        말투 때문에 사람들이 물었어요.  정착/차별/말투     Han    영미
c2        그래서 말을 안 하게 됐어요.     정착/차별          Han    영미
c3        어머니는 혜산에 계세요.         가족              Han    영미
c4        인터넷에 물어봐요.             정착/도움 찾기     Han    영미
c5        People asked about my accent.        말투         Han    Jun
c6        People asked … I stopped talking …   차별         Mina   Jun
c7        My mother is still in Hyesan.        가족         Han    Jun
c8        I search online.                     도움 찾기     Mina   Jun
c9        교회에서 도움을 받아요.          도움 찾기          Han    철수
c10       말투 때문에 힘들어요.           말투              Han    철수
c11       저는 동생한테 물어봐요.          도움 찾기          Han    순희
c12       동생한테                      가족              Han    순희
c13       사람들이 물었어요              말투              Mina   영미
========  =========================  ================  =====  ==========

Cases: 영미 (whole of youngmi.txt; 여성, 2 children), Jun (whole of jun.txt;
남성, 0), 철수 and 순희 (their speaker turns in group.txt; 남성 10, 여성 with
no value for children).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.project import Project
from tests.conftest import TEST_PASSPHRASE

YOUNGMI = (
    "면접자: 처음 남한에 왔을 때 어땠어요?\n"
    "영미: 말투 때문에 사람들이 물었어요. 그래서 말을 안 하게 됐어요.\n"
    "면접자: 가족은요?\n"
    "영미: 어머니는 혜산에 계세요. 인터넷에 물어봐요.\n"
)
JUN = (
    "Interviewer: What was hardest?\n"
    "Jun: People asked about my accent. I stopped talking at work.\n"
    "Interviewer: Who helps you?\n"
    "Jun: I search online. My mother is still in Hyesan.\n"
)
GROUP = (
    "면접자: 두 분은 어떻게 도움을 받으세요?\n"
    "철수: 교회에서 도움을 받아요. 말투 때문에 힘들어요.\n"
    "순희: 저는 동생한테 물어봐요.\n"
    "철수: 네, 맞아요.\n"
    "순희: 저도 그래요.\n"
)

ACCENT = "정착/차별/말투"
DISCRIMINATION = "정착/차별"
HELP = "정착/도움 찾기"
FAMILY = "가족"
SETTLING = "정착"


def doc_of(project: Project, name: str) -> int:
    return next(d.id for d in project.documents() if d.source_name.endswith(name))


def code_text(
    project: Project, code: str, name: str, text: str, coder: str = "Han", nth: int = 0
) -> int:
    doc = doc_of(project, name)
    full = project.document(doc).text
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    return project.codings.apply(code, doc, start, start + len(text), coder=coder).id


@pytest.fixture(scope="session")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The study, built once: analyses only read, so tests share it."""
    tmp = tmp_path_factory.mktemp("analysis")
    project = Project.create(tmp / "study.moksori", TEST_PASSPHRASE)
    build(project, tmp)
    yield project
    project.close()


@pytest.fixture
def own_study(project: Project, tmp_path: Path) -> Project:
    """A study of its own, for a test that changes it."""
    return build(project, tmp_path)


def build(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "youngmi.txt").write_text(YOUNGMI, encoding="utf-8")
    (folder / "jun.txt").write_text(JUN, encoding="utf-8")
    (folder / "group.txt").write_text(GROUP, encoding="utf-8")
    assert project.add([folder], workers=1).count("added") == 3

    project.coders.add("Han", "owner")
    project.coders.add("Mina", "coder")
    book = project.codebook
    book.create(SETTLING, codable=False)
    book.create("차별", SETTLING)
    book.create("말투", DISCRIMINATION)
    book.create("도움 찾기", SETTLING)
    book.create(FAMILY)

    code_text(project, ACCENT, "youngmi.txt", "말투 때문에 사람들이 물었어요.")  # c1
    code_text(project, DISCRIMINATION, "youngmi.txt", "그래서 말을 안 하게 됐어요.")
    code_text(project, FAMILY, "youngmi.txt", "어머니는 혜산에 계세요.")
    code_text(project, HELP, "youngmi.txt", "인터넷에 물어봐요.")
    code_text(project, ACCENT, "jun.txt", "People asked about my accent.")  # c5
    code_text(
        project,
        DISCRIMINATION,
        "jun.txt",
        "People asked about my accent. I stopped talking at work.",
        coder="Mina",
    )
    code_text(project, FAMILY, "jun.txt", "My mother is still in Hyesan.")
    code_text(project, HELP, "jun.txt", "I search online.", coder="Mina")
    code_text(project, HELP, "group.txt", "교회에서 도움을 받아요.")  # c9
    code_text(project, ACCENT, "group.txt", "말투 때문에 힘들어요.")
    code_text(project, HELP, "group.txt", "저는 동생한테 물어봐요.")
    code_text(project, FAMILY, "group.txt", "동생한테")
    code_text(project, ACCENT, "youngmi.txt", "사람들이 물었어요", coder="Mina")  # c13

    cases = project.cases
    for name in ("영미", "Jun", "철수", "순희"):
        cases.add(name)
    cases.link("영미", doc_of(project, "youngmi.txt"))
    cases.link("Jun", doc_of(project, "jun.txt"))
    cases.link("철수", doc_of(project, "group.txt"), speaker="철수")
    cases.link("순희", doc_of(project, "group.txt"), speaker="순희")
    cases.define_attribute("gender", "category", ["여성", "남성"])
    cases.define_attribute("children", "integer")
    for name, gender, children in (
        ("영미", "여성", "2"),
        ("Jun", "남성", "0"),
        ("철수", "남성", "10"),
        ("순희", "여성", None),
    ):
        cases.set_value(name, "gender", gender)
        cases.set_value(name, "children", children)
    return project

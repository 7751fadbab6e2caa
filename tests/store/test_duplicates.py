"""Passages repeated from another document: marked, hidden from search, and upgraded."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.korean.terms import DUPLICATE_MARK
from moksori.project import Project
from moksori.store import schema

ARTICLE = (
    "지난 12월 5일 토요일, 작은 교육장에서 겨울나기 모임이 열렸다. "
    "올해 처음 온 참가자 열한 명과 선배 다섯 명이 점심을 나누었다.\n\n"
    "한 참가자는 얼어붙은 두만강을 건너서 처음으로 뒤를 돌아봤다고 말했다. "
    "자리에 있던 사람들은 재촉하지 않고 기다렸다.\n"
)
# A later page that repeats the second paragraph under "related posts".
PAGE = (
    "새 워크숍 소식입니다. 참가자들은 스마트폰으로 정착 정보를 찾는 법을 함께 배웠다.\n\n"
    "함께 읽어 보세요\n\n"
    "한 참가자는 얼어붙은 두만강을 건너서 처음으로 뒤를 돌아봤다고 말했다. "
    "자리에 있던 사람들은 재촉하지 않고 기다렸다.\n"
)


def _files(tmp_path: Path) -> list[Path]:
    a, b = tmp_path / "a-article.txt", tmp_path / "b-page.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(PAGE, encoding="utf-8")
    return [a, b]


def _assert_repeat_hidden(p: Project) -> None:
    hidden = p.search("두만강 재촉")
    assert hidden.total == 1 and hidden.hits[0].document.endswith("a-article.txt")
    shown = p.search("두만강 재촉", include_duplicates=True)
    assert shown.total == 2
    repeat = next(h for h in shown.hits if h.document.endswith("b-page.txt"))
    assert repeat.duplicate_of == hidden.hits[0].segment_id
    # the page's own passage is still found
    assert p.search("스마트폰").total == 1
    # filters take the other path (a join); it must agree
    assert p.search("두만강 재촉 lang:ko").total == 1
    assert p.search("두만강 재촉 lang:ko", include_duplicates=True).total == 2


def test_embedded_repeat_is_marked_and_hidden(project: Project, tmp_path: Path) -> None:
    report = project.add(_files(tmp_path), workers=1)
    assert report.count("added") == 2
    _assert_repeat_hidden(project)
    marked = project.conn.execute(
        "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ?", (DUPLICATE_MARK,)
    ).fetchone()[0]
    assert marked == 1


def test_a_word_spelled_like_the_mark_is_not_the_mark(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "odd.txt"
    f.write_text(f"The code word was {DUPLICATE_MARK} in the notes.\n", encoding="utf-8")
    project.add([f], workers=1)
    assert project.search(DUPLICATE_MARK).total == 1  # found, and not hidden


def test_schema_1_project_is_upgraded(
    project_path: Path, passphrase: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A project written by schema 1, whose index had no duplicate mark.
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "LATEST_VERSION", 1)
    with Project.create(project_path, passphrase) as p:
        p.add(_files(tmp_path), workers=1)
        p.conn.execute(
            "UPDATE segment_fts SET terms = replace(terms, ?, '')", (f" {DUPLICATE_MARK}",)
        )
        p.conn.execute(
            "UPDATE segment_fts SET terms = rtrim(replace(terms || ' ', ' zzzextra  ', ' '))"
        )
        assert p.info().schema_version == 1
    monkeypatch.undo()
    with Project.open(project_path, passphrase) as p:
        assert p.info().schema_version == schema.LATEST_VERSION
        _assert_repeat_hidden(p)

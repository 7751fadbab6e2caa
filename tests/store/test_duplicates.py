"""Passages repeated from another document: marked, hidden from search, and upgraded."""

from __future__ import annotations

from pathlib import Path

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
    repeats = project.conn.execute(
        "SELECT count(*) FROM segment_fts WHERE repeat_terms != ''"
    ).fetchone()[0]
    assert repeats == 1


def test_one_word_count_agrees_with_the_index(project: Project, tmp_path: Path) -> None:
    # One word is counted from fts5vocab, anything else by walking the index.
    project.add(_files(tmp_path), workers=1)
    for word in ("두만강", "참가자", "스마트폰", "없는말"):
        for dup in (False, True):
            one = project.search(word, include_duplicates=dup).total
            walked = project.search(f"{word} OR {word}", include_duplicates=dup).total
            assert one == walked, (word, dup)
    assert project.search("두만강").total == 1
    assert project.search("두만강", include_duplicates=True).total == 2


# What segment_fts looked like in schema 1: one column, repeats mixed in.
_SCHEMA_1_INDEX = [
    "DROP TRIGGER segment_fts_delete",
    "CREATE TABLE old_terms AS SELECT rowid AS id, terms || repeat_terms AS terms FROM segment_fts",
    "DROP TABLE segment_fts",
    "CREATE VIRTUAL TABLE segment_fts USING fts5(terms, "
    "tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO segment_fts(rowid, terms) SELECT id, terms FROM old_terms",
    "DROP TABLE old_terms",
    "CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN "
    "DELETE FROM segment_fts WHERE rowid = old.id; END",
    # and no shared passages (schema 11), reconciliation decisions (10), trash (9),
    # web accounts (7, 8), bilingual tables (6), de-identification (5) nor coding tables (4)
    "DROP TABLE shared_passage",
    "DROP TABLE passage_fingerprint",
    "DROP TABLE IF EXISTS reconcile_made",
    "DROP TABLE IF EXISTS reconcile_decision",
    "DROP TABLE trash",
    "DROP TABLE login_attempt",
    "DROP TABLE web_session",
    "DROP TABLE web_user",
    "DROP TABLE segment_vector",
    "DROP TABLE alignment",
    "DROP TABLE translation",
    "DROP TABLE deid_scan",
    "DROP TABLE finding",
    "DROP TABLE entity",
    "DELETE FROM meta WHERE key = 'project_guid'",
    "DROP TRIGGER memo_fts_delete",
    *(
        f"DROP TABLE {t}"
        for t in "memo_fts memo setting case_link case_value attribute cases coding "
        "code_link code coder".split()
    ),
    "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
]


def test_schema_1_project_is_upgraded(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    with Project.create(project_path, passphrase) as p:
        p.add(_files(tmp_path), workers=1)
        for statement in _SCHEMA_1_INDEX:
            p.conn.execute(statement)
        assert schema.current_version(p.conn) == 1
    with Project.open(project_path, passphrase) as p:
        assert p.info().schema_version == schema.LATEST_VERSION
        _assert_repeat_hidden(p)
        # deleting a segment still deletes its index row (trigger recreated)
        p.conn.execute("DELETE FROM segment WHERE duplicate_of IS NOT NULL")
        assert p.search("두만강 재촉", include_duplicates=True).total == 1

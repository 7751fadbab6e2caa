"""A project indexed by an older analyser is indexed again when opened (issue 19)."""

from __future__ import annotations

from pathlib import Path

from moksori.korean.terms import ANALYSER_VERSION, index_terms
from moksori.project import Project
from moksori.store import reindex

TESTIMONY = """면담자: 처음에 누가 도와줬어요?
구술자: 브로커가 손을 잡고 도와줬어요. 하나원에서 석 달 있었어요.
면담자: 그 뒤에는요?
구술자: 하나도 몰라서 센터 선생님이 매일 찾아와서 도와주셨어요.
"""

# What the analyser before version 2 made of the two answers (compound verbs whole,
# 하나원 as 하나 alone, no compounds written together).
OLD_TERMS = {
    "브로커가": "구술 브로커 손 잡다 도와주다 하나 있다",
    "하나도": "구술 하나 모르다 센터 선생 매일 찾아오다 돕다",
}


def _as_if_old(path: Path, passphrase: str) -> None:
    """Give the project the terms and the (missing) version an older moksori left."""
    with Project.open(path, passphrase) as p:
        rows = p.conn.execute(
            'SELECT s.id, d.text, s.start, s."end" FROM segment s '
            "JOIN segment_fts f ON f.rowid = s.id JOIN document d ON d.id = s.document_id"
        ).fetchall()
        for seg_id, text, start, end in rows:
            passage = text[start:end]
            old = next((t for k, t in OLD_TERMS.items() if k in passage), None)
            if old is not None:
                p.conn.execute("UPDATE segment_fts SET terms = ? WHERE rowid = ?", (old, seg_id))
        p.conn.execute("UPDATE memo_fts SET terms = '구술 하나 원'")
        p.conn.execute("DELETE FROM meta WHERE key = ?", (reindex.KEY,))


def _found(p: Project, query: str) -> list[str]:
    res = p.search(query, limit=50)
    return sorted(p.document(h.document_id).text[h.start : h.end][:8] for h in res.hits)


def test_an_old_project_is_indexed_again_on_open(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    source = tmp_path / "interview.txt"
    source.write_text(TESTIMONY, encoding="utf-8")
    with Project.create(project_path, passphrase) as p:
        assert reindex.stored_version(p.conn) == ANALYSER_VERSION
        p.add([source], workers=1)
        p.memos.add("project", None, "하나원 생활에 대한 메모", title="하나원")
        new_terms = p.conn.execute("SELECT terms FROM segment_fts ORDER BY rowid").fetchall()
    _as_if_old(project_path, passphrase)

    with Project.open(project_path, passphrase) as p:
        assert reindex.stored_version(p.conn) == ANALYSER_VERSION
        again = p.conn.execute("SELECT terms FROM segment_fts ORDER BY rowid").fetchall()
        assert again == new_terms  # exactly what a fresh ingest makes
        assert _found(p, "돕다") == ["구술자: 브로커", "구술자: 하나도", "면담자: 처음에"]
        assert _found(p, "하나원") == ["구술자: 브로커"]
        assert [m.title for m in p.memos.search("하나원")] == ["하나원"]
        assert reindex.refresh(p.conn) == 0  # current now: nothing done twice


def test_old_terms_answer_wrongly_until_reindexed(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """The check above can fail: with the old terms, 돕다 misses the joined 도와줬어요."""
    source = tmp_path / "interview.txt"
    source.write_text(TESTIMONY, encoding="utf-8")
    with Project.create(project_path, passphrase) as p:
        p.add([source], workers=1)
    _as_if_old(project_path, passphrase)
    from moksori.store.database import open_keyed

    db = open_keyed(project_path, passphrase)  # opened without the schema step
    try:
        terms = [r[0] for r in db.conn.execute("SELECT terms FROM segment_fts ORDER BY rowid")]
        assert any("도와주다" in t and "돕다" not in t for t in terms)
        assert reindex.refresh(db.conn) == 4
        terms = [r[0] for r in db.conn.execute("SELECT terms FROM segment_fts ORDER BY rowid")]
        assert terms == [*index_terms([t for t in _passages(db.conn)])]
    finally:
        db.conn.close()


def _passages(conn: object) -> list[str]:
    rows = conn.execute(  # type: ignore[attr-defined]
        'SELECT d.text, s.start, s."end" FROM segment s JOIN segment_fts f ON f.rowid = s.id '
        "JOIN document d ON d.id = s.document_id ORDER BY s.id"
    ).fetchall()
    return [text[a:b] for text, a, b in rows]


def test_a_repeated_passage_stays_hidden_after_reindexing(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    from tests.store.test_duplicates import _assert_repeat_hidden, _files

    with Project.create(project_path, passphrase) as p:
        p.add(_files(tmp_path), workers=1)
        before = p.conn.execute(
            "SELECT rowid, terms = '', repeat_terms = '' FROM segment_fts ORDER BY rowid"
        ).fetchall()
        p.conn.execute("DELETE FROM meta WHERE key = ?", (reindex.KEY,))
    with Project.open(project_path, passphrase) as p:
        after = p.conn.execute(
            "SELECT rowid, terms = '', repeat_terms = '' FROM segment_fts ORDER BY rowid"
        ).fetchall()
        assert after == before and any(row[1] for row in after)  # a repeat: own terms empty
        _assert_repeat_hidden(p)


def test_a_turn_partly_shared_is_split_again_after_reindexing(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    from tests.store.test_shared_passages import NEWS_PAGE, QA_PAGE, _write

    with Project.create(project_path, passphrase) as p:
        p.add([_write(tmp_path, "news.txt", NEWS_PAGE)], workers=1)
        p.add([_write(tmp_path, "qa.txt", QA_PAGE)], workers=1)
        before = p.conn.execute("SELECT * FROM segment_fts ORDER BY rowid").fetchall()
        p.conn.execute("DELETE FROM meta WHERE key = ?", (reindex.KEY,))
    with Project.open(project_path, passphrase) as p:
        after = p.conn.execute("SELECT * FROM segment_fts ORDER BY rowid").fetchall()
        assert after == before
        assert any(own and repeated for own, repeated, _ in after)  # the split turn
        assert p.search("pandemic housing").total == 1
        assert p.search("aunt nursing").total == 1

"""Schema 12: range memos. Annotations that earlier imports kept as document memos
titled 'annotation START-END' become range memos when the project is opened."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlcipher3

from moksori.project import Project
from moksori.store import schema
from moksori.store.migrations import v4_coding

_OLD_MEMO = re.search(r"CREATE TABLE memo \(.*?\n\);", v4_coding.SQL, re.S)


def _back_to_schema_11(p: Project, doc: int) -> None:
    assert _OLD_MEMO is not None
    for statement in (
        "DROP TRIGGER memo_range_insert",
        "DROP TRIGGER memo_range_update",
        "DROP INDEX memo_range",
        "DROP TRIGGER memo_fts_delete",
        "DROP TABLE memo",
        _OLD_MEMO.group(0),
        "UPDATE meta SET value = '11' WHERE key = 'schema_version'",
    ):
        p.conn.execute(statement)
    rows = [
        ("g1", "annotation 3-9", "on a passage"),
        ("g2", "annotation on the border", "an ordinary title"),
        ("g3", "annotation 9-3", "a range that cannot be"),
        ("g4", "", "a whole-document memo"),
    ]
    for guid, title, text in rows:
        p.conn.execute(
            "INSERT INTO memo(guid, target_kind, target_id, title, text, created_at, "
            "updated_at) VALUES (?, 'document', ?, ?, ?, 't', 't')",
            (guid, doc, title, text),
        )


def test_old_annotations_become_range_memos(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("면접자: 강을 건넜어요. 밤이었어요.\n", encoding="utf-8")
    with Project.create(project_path, passphrase) as p:
        p.add([tmp_path / "a.txt"], workers=1)
        doc = p.documents()[0].id
        _back_to_schema_11(p, doc)
    with Project.open(project_path, passphrase) as p:
        assert schema.current_version(p.conn) == schema.LATEST_VERSION
        got = {m.text: (m.title, m.start, m.end) for m in p.memos.list()}
        assert got == {
            "on a passage": ("", 3, 9),
            "an ordinary title": ("annotation on the border", None, None),
            "a range that cannot be": ("annotation 9-3", None, None),
            "a whole-document memo": ("", None, None),
        }
        (ranged,) = p.memos.ranges(doc)
        assert ranged.quote == p.document(doc).text[3:9]
        # the schema itself refuses a range that is not on a document or not a range
        for kind, target, start, end in [("project", None, 0, 2), ("document", doc, 4, 4)]:
            with pytest.raises(sqlcipher3.IntegrityError):
                p.conn.execute(
                    "INSERT INTO memo(guid, target_kind, target_id, title, text, created_at, "
                    "updated_at, start, \"end\") VALUES (?, ?, ?, '', 'x', 't', 't', ?, ?)",
                    (f"bad-{kind}", kind, target, start, end),
                )

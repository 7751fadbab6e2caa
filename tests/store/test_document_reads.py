"""store/documents.py owns the document, segment and source_file tables: its reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from moksori.errors import NotFound
from moksori.project import Project
from moksori.store import documents

TEXT = "첫 문단입니다. 두만강을 건넜어요.\n\nSecond paragraph, in English."


def _one(project: Project, tmp_path: Path) -> int:
    path = tmp_path / "interview.txt"
    path.write_text(TEXT, encoding="utf-8")
    project.add([path], workers=1)
    (doc_id,) = documents.document_ids(project.conn)
    return doc_id


def test_text_excerpt_length_and_ids(project: Project, tmp_path: Path) -> None:
    doc = _one(project, tmp_path)
    text = documents.document_text(project.conn, doc)
    assert text == TEXT
    assert documents.document_length(project.conn, doc) == len(TEXT)
    assert documents.document_texts(project.conn, [doc, doc, 999]) == {doc: TEXT}
    # code points, end exclusive, like every stored offset
    assert documents.document_excerpt(project.conn, doc, 2, 5) == TEXT[2:5]
    assert documents.document_excerpt(project.conn, doc, 0, len(TEXT)) == TEXT
    assert documents.document_excerpt(project.conn, doc, 5, 5) == ""


def test_missing_document_is_named(project: Project) -> None:
    for read in (documents.document_text, documents.document_length):
        with pytest.raises(NotFound, match="no document with id 7"):
            read(project.conn, 7)
    with pytest.raises(NotFound):
        documents.document_excerpt(project.conn, 7, 0, 1)
    assert documents.document_ids(project.conn) == []

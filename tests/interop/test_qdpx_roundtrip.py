"""moksori -> each tool's convention -> moksori keeps everything REFI-QDA can carry
(issue 18): every coding's text, code, coder and memo, memos on every kind of target
including a range of text, code links with their memos, the core category and case links.
The texts carry emoji before the coded words, so a wrong position unit would show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.qdpx_import import import_qdpx
from moksori.project import Project
from tests.interop.test_qdpx_import import EN, KO, study  # noqa: F401  (fixture)

TARGETS = ["nvivo", "atlas", "maxqda", "qualcoder", "refi"]


def _doc_text(p: Project, doc_id: int) -> str:
    return str(p.conn.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0])


def _everything(p: Project) -> dict[str, Any]:
    """What REFI-QDA can carry, by content (ids, GUIDs and file names may differ)."""
    paths = {c.id: c.path for c in p.codebook.tree()}
    texts: dict[int, str] = {}

    def text(doc_id: int) -> str:
        return texts.setdefault(doc_id, _doc_text(p, doc_id))

    codings = sorted(
        (paths[code], text(doc)[s:e], coder, memo or "")
        for code, doc, s, e, coder, memo in p.conn.execute(
            'SELECT c.code_id, c.document_id, c.start, c."end", r.name, c.memo '
            "FROM coding c JOIN coder r ON r.id = c.coder_id"
        )
    )
    memos = sorted(
        (
            m.target_kind,
            m.target.replace("_", "/").rsplit("/", 1)[-1] if m.target_kind == "document" else "",
            m.title,
            m.text,
            m.quote or "",
            m.author or "",
        )
        for m in p.memos.list()
        if m.target_kind != "coding"
    )
    coding_memos = sorted(
        (text(d)[s:e], m.text)
        for m in p.memos.list("coding")
        for d, s, e in p.conn.execute(
            'SELECT document_id, start, "end" FROM coding WHERE id = ?', (m.target_id,)
        )
    )
    links = sorted((a.from_code, a.to_code, a.relation, a.memo or "") for a in p.codebook.links())
    core = p.codebook.core()
    case_links = sorted(
        (
            link.case,
            text(link.document_id)[:10],
            "" if link.start is None else text(link.document_id)[link.start : link.end],
        )
        for link in p.cases.links()
    )
    return {
        "codings": codings,
        "memos": memos,
        "coding_memos": coding_memos,
        "links": links,
        "core": core.path if core else None,
        "case_links": case_links,
    }


@pytest.fixture
def rich(study: Project) -> Project:  # noqa: F811
    p = study
    ko = next(d.id for d in p.documents() if "ko.txt" in d.label)
    at = KO.index("두만강")  # after a line of Korean; the 😢 comes after it
    p.memos.add("document", ko, "the river named 🏞", author="연구자 A", span=(at, at + 3))
    en = next(d.id for d in p.documents() if "en.txt" in d.label)
    start = EN.index("with my brother")  # after two emoji: UTF-16 positions differ by 2
    p.memos.add("document", en, "family crossing", author="coder b", span=(start, start + 15))
    p.codebook.link("강 건너기", "밤 Night", "happens at", memo="crossings at night 🌙")
    p.codebook.set_core("강 건너기")
    return p


@pytest.mark.parametrize("target", TARGETS)
def test_round_trip_keeps_everything_refi_qda_carries(
    target: str, rich: Project, tmp_path: Path, passphrase: str
) -> None:
    before = _everything(rich)
    assert len(before["memos"]) == 6 and before["links"] and before["core"]
    assert [m for m in before["memos"] if m[4] == "with my brother"]
    out = tmp_path / f"{target}.qdpx"
    export_qdpx(rich, out, target=target)
    again = Project.create(tmp_path / f"again-{target}.moksori", passphrase)
    try:
        report = import_qdpx(again, out)
        assert report.skipped == {}, report.skipped  # every element accounted for
        assert report.annotations == 2 and report.links == 1 and report.core == 1
        after = _everything(again)
        for key, value in before.items():
            assert after[key] == value, key
    finally:
        again.close()

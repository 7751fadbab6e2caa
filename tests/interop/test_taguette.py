"""Taguette import, tested against project files made by an installed Taguette 1.5.2.

scripts/taguette_project.py runs under the side venv's interpreter
($MOKSORI_TAGUETTE_PYTHON, set by ``python3 tasks.py test``) and writes a real
Taguette database with Taguette's own code, plus a sidecar with the text every
highlight covers.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from moksori.interop.taguette import (
    TaguetteError,
    import_taguette,
    looks_like_taguette,
    taguette_codebook_csv,
)
from moksori.interop.taguette_html import html_text
from moksori.project import Project
from tests.conftest import REPO, cli_env

SCRIPT = REPO / "scripts" / "taguette_project.py"


def _taguette() -> str:
    python = os.environ.get("MOKSORI_TAGUETTE_PYTHON", "")
    if not python or not Path(python).exists():
        pytest.skip(
            "no Taguette interpreter: set MOKSORI_TAGUETTE_PYTHON or run `python3 tasks.py test`"
        )
    return python


def _run(*args: str | Path) -> None:
    done = subprocess.run(
        [_taguette(), str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("taguette")
    db, sidecar = out / "study.sqlite3", out / "study.json"
    _run("project", db, sidecar)
    return db, json.loads(sidecar.read_text(encoding="utf-8"))


def _codings(p: Project) -> list[tuple[str, str, str, str]]:
    rows = p.conn.execute(
        'SELECT d.title, d.text, c.start, c."end", k.id, r.name FROM coding c '
        "JOIN document d ON d.id = c.document_id JOIN code k ON k.id = c.code_id "
        "JOIN coder r ON r.id = c.coder_id"
    ).fetchall()
    paths = {c.id: c.path for c in p.codebook.tree()}
    return sorted((t, x[s:e], paths[k], who) for t, x, s, e, k, who in rows)


def _counts(p: Project) -> tuple[int, ...]:
    tables = ("document", "source_file", "code", "coding", "coder")
    return tuple(p.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_import_a_real_taguette_project(project: Project, made: tuple[Path, dict]) -> None:
    db, side = made
    assert looks_like_taguette(db)
    report = import_taguette(project, db)
    assert report.documents == len(side["documents"]) == 3
    assert report.projects == [side["project"]]
    # documents: titles, and text equal to what Taguette shows, as NFC
    docs = {d.title: project.document(d.id).text for d in project.documents()}
    assert set(docs) == {d["name"] for d in side["documents"]}
    for text in docs.values():
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text
    assert "두만강을 건넜습니다 😢" in docs["면담 01 김순희"]
    assert (
        "&amp;" not in docs["Interview 02 Lee"] and "brother & a broker" in docs["Interview 02 Lee"]
    )
    # codes: dotted tags are a hierarchy, descriptions are definitions
    book = {c.path: c for c in project.codebook.tree()}
    for tag in side["tags"]:
        code = book[tag["path"].replace(".", "/")]
        assert code.codable and code.definition == tag["description"]
    assert book["journey/crossing"].parent_id == book["journey"].id
    # every highlight: its text, its tags, its coder (a highlight without tags is skipped)
    want = sorted(
        (h["document"], h["text"], t.replace(".", "/"), h["coder"])
        for h in side["highlights"]
        for t in h["tags"]
    )
    assert _codings(project) == want
    assert report.codings == len(want) and report.skipped == {"highlight without tags": 1}
    assert {c.name for c in project.coders.list()} >= {"admin", "coder_b"}
    assert report.warnings == []
    # multi-byte, emoji and line breaks all made it through the byte-offset conversion
    texts = {w[1] for w in want}
    assert {
        "두만강을 건넜습니다 😢",
        "밤에 🌙 건넜어요.\n그 뒤로",
        "5년 됐어요 👍.\n박: 처음엔",
    } <= texts
    # again: nothing doubles
    before = _counts(project)
    again = import_taguette(project, db)
    assert again.documents_existing == 3 and again.documents == again.codings == 0
    assert _counts(project) == before


def test_segments_and_search_see_the_imported_text(project: Project, made: tuple[Path, dict]):
    import_taguette(project, made[0])
    doc = next(d for d in project.documents() if d.title == "Interview 02 Lee")
    assert len(project.document(doc.id).segments) >= 2
    assert any(h.document_id == doc.id for h in project.search("broker").hits)
    ko = next(d for d in project.documents() if d.title == "면담 01 김순희")
    assert any(h.document_id == ko.id for h in project.search("두만강").hits)


def test_cli_dispatches_on_the_file(made: tuple[Path, dict], project_path: Path) -> None:
    from moksori.cli.app import app

    Project.create(project_path, cli_env()["MOKSORI_PASSPHRASE"]).close()
    args = ["import", str(project_path), str(made[0]), "--json"]
    result = CliRunner().invoke(app, args, env=cli_env())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 3 and data["codings"] == 11 and data["projects"]


def test_non_taguette_and_damaged_files_are_refused(
    project: Project, made: tuple[Path, dict], tmp_path: Path
) -> None:
    db = made[0]
    before = _counts(project)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes(x)")
    text = tmp_path / "notes.db"
    text.write_text("면담 not a database 😢", encoding="utf-8")
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(db.read_bytes()[: 4096 * 3])
    outside = tmp_path / "outside.sqlite3"
    outside.write_bytes(db.read_bytes())
    with sqlite3.connect(outside) as conn:  # the last highlight runs past its document
        conn.execute(
            "UPDATE highlights SET end_offset = 99999 WHERE id = (SELECT max(id) FROM highlights)"
        )
    for bad, words in [
        (other, "not a Taguette project file"),
        (text, "not a Taguette project file"),
        (broken, "damaged or not a Taguette project file"),
        (outside, "lies outside its document"),
        (tmp_path / "missing.sqlite3", "no file"),
    ]:
        assert looks_like_taguette(bad) is (bad in (broken, outside))  # broken keeps its header
        with pytest.raises(TaguetteError) as exc:
            import_taguette(project, bad)
        assert words in str(exc.value) and "면담" not in str(exc.value)
        assert _counts(project) == before
    # a good file still imports after all of that
    assert import_taguette(project, db).documents == 3


def test_html_text_counts_bytes_as_taguette_does() -> None:
    html = "<p>가&amp;😢 x</p>\n<p>b<br>c</p><pre>\n  y</pre>"
    got = html_text(html)
    # Taguette's text content: 가 & 😢 ' ' x \n b c '  y' (the newline after <pre> dropped)
    assert got.size == len("가&😢 x\nbc  y".encode())
    assert got.text == "가&😢 x\nb\nc\n  y\n"
    at = len("가&".encode())
    assert got.text[got.lo[at] : got.hi[at + 4]] == "😢"
    assert got.text[got.lo[at + 1] : got.hi[at + 3]] == "😢"  # inside a character: widened


def test_taguette_refuses_qdc_but_accepts_our_taguette_csv(
    project: Project, made: tuple[Path, dict], tmp_path: Path
) -> None:
    import_taguette(project, made[0])
    project.codebook.create("건너기 후", "journey/crossing", definition="After the river 🌊")
    qdc = tmp_path / "book.qdc"
    from moksori.cli.app import app

    result = CliRunner().invoke(
        app, ["codebook", "export", str(project.path), str(qdc)], env=cli_env()
    )
    assert result.exit_code == 0, result.output
    _run("codebook", qdc, tmp_path / "qdc.json")
    got = json.loads((tmp_path / "qdc.json").read_text(encoding="utf-8"))
    # Taguette 1.5.2 imports CSV codebooks only; a .qdc is refused, not misread
    assert got["accepted"] is False and "column" in got["error"]
    csv_file = tmp_path / "book.csv"
    result = CliRunner().invoke(
        app,
        ["codebook", "export", str(project.path), str(csv_file), "--format", "taguette"],
        env=cli_env(),
    )
    assert result.exit_code == 0, result.output
    assert csv_file.read_bytes() == taguette_codebook_csv(project.codebook)
    _run("codebook", csv_file, tmp_path / "csv.json")
    got = json.loads((tmp_path / "csv.json").read_text(encoding="utf-8"))
    assert got["accepted"] is True
    want = [
        {"path": c.path.replace("/", "."), "description": c.definition}
        for c in project.codebook.tree()
        if c.codable and c.path != "interesting"
    ]
    assert sorted(got["tags"], key=str) == sorted(want, key=str)
    assert {"path": "journey.crossing.건너기 후", "description": "After the river 🌊"} in got[
        "tags"
    ]


def test_an_imported_taguette_project_is_readable_at_once(
    project: Project, made: tuple[Path, dict]
) -> None:
    report = import_taguette(project, made[0], owner="PI 김")
    assert report.owner == "PI 김" and report.blind is False
    assert project.coders.get("PI 김").role == "owner" and not project.codings.blind()
    for coder in project.coders.list():  # every coder sees every coding
        assert len(project.codings.list(viewer=coder)) == len(project.codings.list())

"""Vendor quirks end to end: packages written like QualCoder, ATLAS.ti, MAXQDA and NVivo
(scripts/qdpx_fixtures.py) import with every selection on the words it meant."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from moksori.interop import qde_reader, tool_import
from moksori.interop.qdpx_import import ImportReport, import_qdpx
from moksori.project import Project

QUIRKS = ["qualcoder", "atlas", "maxqda", "inline", "cases", "media", "paths"]


def _build(gen: ModuleType, name: str, out: Path, outside: Path) -> Any:
    builders = {"inline": gen.inline_and_notes, "cases": gen.variables_and_cases}
    builder = builders.get(name) or getattr(gen, name)
    return builder(out, outside) if name == "paths" else builder(out)


def _quotes(p: Project) -> Counter[tuple[str, str, str]]:
    """(code path, document title, quoted text) of every coding in the project."""
    paths = {c.id: c.path for c in p.codebook.tree()}
    rows = p.conn.execute(
        'SELECT c.code_id, d.title, d.text, c.start, c."end" FROM coding c '
        "JOIN document d ON d.id = c.document_id"
    )
    return Counter((paths[code], title, text[s:e]) for code, title, text, s, e in rows)


def _links(p: Project) -> dict[str, set[tuple[str, str | None]]]:
    out: dict[str, set[tuple[str, str | None]]] = {}
    rows = p.conn.execute(
        'SELECT k.name, d.title, d.text, l.start, l."end" FROM case_link l '
        "JOIN cases k ON k.id = l.case_id JOIN document d ON d.id = l.document_id"
    )
    for case, title, text, s, e in rows:
        out.setdefault(case, set()).add((title, None if s is None else text[s:e]))
    return out


def _typed(type_: str, value: str) -> object:
    """What a REFI-QDA typed value should read back as (DateTime has no moksori type)."""
    conv: dict[str, Any] = {
        "Integer": int,
        "Float": float,
        "Boolean": lambda v: v == "true",
        "Date": dt.date.fromisoformat,
    }
    return conv.get(type_, str)(value)


@pytest.mark.parametrize("name", QUIRKS)
def test_quirk_imports_as_intended(
    name: str, qdpx_gen: ModuleType, quirk_dir: Path, outside_file: Path, project: Project
) -> None:
    fx = _build(qdpx_gen, name, quirk_dir, outside_file)
    report = import_qdpx(project, fx.path)
    # every selection quotes exactly the words the vendor meant, once
    want = Counter((q.code, q.source, q.words) for q in fx.quotes)
    assert _quotes(project) == want
    assert report.codings == len(fx.quotes)
    assert report.skipped == fx.skipped
    titles = [str(r[0]) for r in project.conn.execute("SELECT title FROM document")]
    assert sorted(titles) == sorted(fx.sources) and report.documents == len(fx.sources)
    for (text,) in project.conn.execute("SELECT text FROM document"):
        assert "\ufeff" not in text and "\r" not in text
        assert unicodedata.is_normalized("NFC", text)
    if fx.memos:
        assert sorted(m.text for m in project.memos.list()) == sorted(fx.memos)
    assert _links(project) == fx.links
    for case, values in fx.values.items():
        got = project.cases.values(case)
        assert got == {k: _typed(fx.types[k], v) for k, v in values.items()}
    for path in fx.codes:
        assert project.codebook.get(path) is not None
    for user in fx.users:
        assert project.coders.find(user) is not None


def test_qualcoder_bom_is_not_counted_but_elsewhere_it_is(
    qdpx_gen: ModuleType, quirk_dir: Path, project: Project, tmp_path: Path
) -> None:
    # the same package claiming another origin counts the BOM: every selection moves by one
    fx = qdpx_gen.qualcoder(quirk_dir)
    other = tmp_path / "not-qualcoder.qdpx"
    with zipfile.ZipFile(fx.path) as src, zipfile.ZipFile(other, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".qde"):
                data = data.replace(b'origin="QualCoder 3.5"', b'origin="Other 1.0"')
            dst.writestr(info, data)
    import_qdpx(project, other)
    texts = dict(project.conn.execute("SELECT title, text FROM document").fetchall())
    shifted = Counter()
    for q in fx.quotes:  # positions were counted without the BOM: one code point early
        i = texts[q.source].index(q.words)
        shifted[(q.code, q.source, texts[q.source][i - 1 : i - 1 + len(q.words)])] += 1
    assert _quotes(project) == shifted
    assert not set(shifted) & {(q.code, q.source, q.words) for q in fx.quotes}


def test_relative_path_never_escapes_and_absolute_is_never_read(
    qdpx_gen: ModuleType, quirk_dir: Path, outside_file: Path, project: Project
) -> None:
    fx = qdpx_gen.paths(quirk_dir, outside_file)
    report = import_qdpx(project, fx.path)
    secret = outside_file.read_text(encoding="utf-8").strip()
    assert not any(secret in str(t) for (t,) in project.conn.execute("SELECT text FROM document"))
    assert all("secret" not in w and "비밀" not in w for w in report.warnings)
    pkg = qde_reader.Package("p.qde", None, {"a.txt": b"A"}, {"texts/b.txt": b"B"})  # type: ignore[arg-type]
    assert pkg.relative("texts/b.txt") == b"B" and pkg.relative("./Texts/B.txt") == b"B"
    assert pkg.relative("sources/A.txt") == b"A" and pkg.relative("a.txt") == b"A"
    assert pkg.relative("../texts/b.txt") is None and pkg.relative("texts/../a.txt") is None


def test_braced_guids_keep_their_identity(
    qdpx_gen: ModuleType, quirk_dir: Path, project: Project
) -> None:
    fx = qdpx_gen.atlas(quirk_dir)
    with zipfile.ZipFile(fx.path) as z:
        assert "project.qde" not in z.namelist()
        xml = z.read("Interviews 2024.qde").decode()
    code = project.codebook
    import_qdpx(project, fx.path)
    food = code.get("음식 Food")
    assert "{" + food.guid.upper() + "}" in xml and "{" not in food.guid
    memo_targets = {m.text: m.target_kind for m in project.memos.list()}
    assert memo_targets == {"Hunger memo 배고픔 😔": "code", "Project memo 전체 🗂": "project"}


def test_case_codes_are_cases_not_codes(
    qdpx_gen: ModuleType, quirk_dir: Path, project: Project
) -> None:
    fx = qdpx_gen.qualcoder(quirk_dir)
    report = import_qdpx(project, fx.path)
    paths = {c.path for c in project.codebook.tree()}
    assert paths == {"경로 Route", "경로 Route/강 River"}  # no "Cases", "P01", "P02" codes
    assert {c.name for c in project.cases.list()} == {"P01", "P02"}
    assert report.case_links == sum(len(v) for v in fx.links.values())


def test_a_second_import_adds_nothing(
    qdpx_gen: ModuleType, quirk_dir: Path, project: Project
) -> None:
    fx = qdpx_gen.variables_and_cases(quirk_dir)
    import_qdpx(project, fx.path)
    again: ImportReport = import_qdpx(project, fx.path)
    assert again.documents == 0 and again.documents_existing == len(fx.sources)
    assert again.codings == 0 and again.case_links == 0 and again.cases == 0
    assert sum(_quotes(project).values()) == len(fx.quotes)


def test_large_fixture_counts(small_large: Any, project: Project) -> None:
    report = import_qdpx(project, small_large.path)
    assert report.documents == small_large.sources == 20
    assert report.codings == small_large.selections == 2000
    assert report.codes_created == small_large.codes
    assert report.cases == small_large.cases and report.coders == small_large.users
    want = Counter((q.code, q.source, q.words) for q in small_large.quotes)
    assert _quotes(project) == want


def test_worker_processes_give_the_same_result(
    qdpx_gen: ModuleType, quirk_dir: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tool_import, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(tool_import.os, "cpu_count", lambda: 2)
    fx = qdpx_gen.maxqda(quirk_dir)
    import_qdpx(project, fx.path)
    assert _quotes(project) == Counter((q.code, q.source, q.words) for q in fx.quotes)

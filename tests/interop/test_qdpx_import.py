"""REFI-QDA project import: a moksori round trip, vendor quirks, and bad input refused whole."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from moksori.interop import qde_reader
from moksori.interop.qde_reader import canonical
from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.qdpx_import import import_qdpx
from moksori.interop.refi import RefiError
from moksori.project import Project
from tests.interop.conftest import add_study_texts

# Fictional testimony; the Korean is written in NFD, as some Mac editors save it.
KO = "면담자: 언제 건넜어요?\n김순희: 2011년에 두만강을 건넜습니다 😢.\n"
EN = "Interviewer: How did you cross? 🙂\nKim: At night 🌙, with my brother.\n"
NS = 'xmlns="urn:QDA-XML:project:1.0"'
G = [f"{i:08x}-aaaa-4bbb-8ccc-{i:012x}" for i in range(1, 30)]


@pytest.fixture
def other(tmp_path: Path, passphrase: str) -> Iterator[Project]:
    p = Project.create(tmp_path / "other.moksori", passphrase)
    yield p
    p.close()


def _doc(p: Project, name: str) -> int:
    return next(d.id for d in p.documents() if name in d.label)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    p = project
    ko, en = add_study_texts(p, tmp_path, KO, EN)
    p.codebook.create("여정 Journey", codable=False, colour="#1f77b4", definition="The route")
    p.codebook.create(
        "강 건너기", "여정 Journey", definition="Crossing", inclusion="the act", examples=["건넜"]
    )
    p.codebook.create("밤 Night")
    c1 = p.codings.apply_quote("강 건너기", ko, "두만강을 건넜습니다 😢", coder="연구자 A")
    p.codings.apply_quote("밤 Night", en, "At night 🌙", coder="coder b", memo="dark 🌙")
    p.cases.add("P01", "from Musan")
    p.cases.define_attribute("birth_year", "integer")
    p.cases.define_attribute("region", "category", ["north", "south"])
    p.cases.define_attribute("married", "boolean")
    p.cases.set_value("P01", "birth_year", "1988")
    p.cases.set_value("P01", "region", "north")
    p.cases.set_value("P01", "married", "false")
    p.cases.link("P01", ko)
    p.cases.link("P01", en, start=0, end=EN.index("\n"))
    p.memos.add("project", None, "김순희 overview", title="Overview", author="연구자 A")
    p.memos.add("code", "강 건너기", "Night crossings", author="coder b")
    p.memos.add("document", ko, "Recorded in Seoul", author="연구자 A")
    p.memos.add("case", "P01", "Interviewed twice", author="연구자 A")
    p.memos.add("coding", c1.id, "Key passage", author="연구자 A")
    return p


def _codings(p: Project) -> set[tuple[str, str, str, int, int, str | None]]:
    rows = p.conn.execute(
        'SELECT c.code_id, d.text, r.name, c.start, c."end", c.memo FROM coding c '
        "JOIN document d ON d.id = c.document_id JOIN coder r ON r.id = c.coder_id"
    ).fetchall()
    paths = {c.id: c.path for c in p.codebook.tree()}
    return {(paths[a], t[s:e], r, s, e, m) for a, t, r, s, e, m in rows}


def _counts(p: Project) -> tuple[int, ...]:
    tables = ("document", "code", "coding", "coder", "cases", "memo", "attribute", "case_link")
    return tuple(p.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_round_trip_into_an_empty_project(study: Project, other: Project, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    export_qdpx(study, out)
    report = import_qdpx(other, out)
    assert report.documents == 2 and report.codings == 2 and report.skipped == {}
    texts = lambda p: sorted(d.text for d in (p.document(x.id) for x in p.documents()))  # noqa: E731
    assert texts(other) == texts(study)
    assert unicodedata.normalize("NFC", KO).strip() in texts(other)
    book = lambda p: [  # noqa: E731
        (c.path, c.codable, c.colour, c.definition, c.inclusion, c.examples, c.guid)
        for c in p.codebook.tree()
    ]
    assert book(other) == book(study)
    assert _codings(other) == _codings(study)
    assert ("여정 Journey/강 건너기" in {c[0] for c in _codings(other)}) and any(
        c[1] == "두만강을 건넜습니다 😢" for c in _codings(other)
    )
    assert other.cases.values("P01") == study.cases.values("P01")
    assert {(a.name, a.type, tuple(a.levels)) for a in other.cases.attributes()} == {
        (a.name, a.type, tuple(a.levels)) for a in study.cases.attributes()
    }

    def links(p: Project) -> list[tuple[str, int | None, int | None]]:
        return sorted((p.document(x.document_id).text[:5], x.start, x.end) for x in p.cases.links())

    assert links(other) == links(study)
    memos = lambda p: sorted((m.target_kind, m.text, m.author, m.title) for m in p.memos.list())  # noqa: E731
    assert memos(other) == memos(study)
    # importing again merges: nothing is doubled
    before = _counts(other)
    again = import_qdpx(other, out)
    assert again.documents == 0 and again.documents_existing == 2 and again.codings == 0
    assert _counts(other)[:5] == before[:5]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


RAW = "Interviewer: 어디서?\r\nKim: 무산에서 왔어요 🙂.\r\n"


def _vendor_qde(start: int, end: int, code_ref: str = G[1], dup: str = G[9]) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project {NS} name="My Study" origin="ATLAS.ti">
 <Users><User guid="{{{G[0].upper()}}}" name="Researcher"/></Users>
 <CodeBook><Codes>
  <Code guid="{{{G[2]}}}" name="Places" isCodable="false" color="#F00">
   <Code guid="{G[1]}" name="Hometown" isCodable="true"><Description>Where from</Description></Code>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{{{G[3]}}}" name="Interview 1" plainTextPath="internal://{G[3]}.txt">
   <PlainTextSelection guid="{G[4]}" startPosition="{start}" endPosition="{end}"
       creatingUser="{G[0]}">
    <Coding guid="{G[5]}" creatingUser="{{{G[0]}}}"><CodeRef targetGUID="{{{code_ref}}}"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <TextSource guid="{G[6]}" name="Inline"><PlainTextContent>Short note text 😢</PlainTextContent>
   <PlainTextSelection guid="{G[7]}" startPosition="6" endPosition="10">
    <Coding guid="{dup}"><CodeRef targetGUID="{G[1]}"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <PDFSource guid="{G[8]}" name="scan.pdf" path="internal://{G[8]}.pdf"/>
 </Sources>
 <Notes><Note guid="{G[10]}" name="memo">
  <Description>Description-only memo</Description></Note></Notes>
</Project>""".encode()


def _vendor(tmp_path: Path, qde: bytes) -> Path:
    raw = b"\xef\xbb\xbf" + RAW.encode()
    files = {"My Study.qde": qde, f"Sources/{G[3]}.txt": raw, f"Sources/{G[8]}.pdf": b"%PDF-1.4"}
    return _zip(tmp_path / "vendor.qdpx", files)


def test_vendor_quirks(project: Project, tmp_path: Path) -> None:
    # positions count the BOM and both CR and LF, as the vendor saw its file
    raw = "\ufeff" + RAW
    start = raw.index("무산")
    end = start + len("무산에서")
    report = import_qdpx(project, _vendor(tmp_path, _vendor_qde(start, end)))
    assert report.skipped == {"PDFSource": 1}
    assert report.documents == 2 and report.codings == 2 and report.memos == 1
    got = _codings(project)
    s = RAW.replace("\r\n", "\n").index("무산")
    assert ("Places/Hometown", "무산에서", "Researcher", s, s + 4, None) in got
    assert any(c[1] == "note" for c in got)
    code = project.codebook.get("Places/Hometown")
    assert code.guid == G[1] and code.definition == "Where from"
    assert project.codebook.get("Places").colour == "#ff0000"
    assert [m.text for m in project.memos.list()] == ["Description-only memo"]
    doc = project.document(_doc(project, "Interview 1"))
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")


def test_canonical_maps_positions_through_nfd_crlf_and_bom() -> None:
    raw = "\ufeffa\r\n" + unicodedata.normalize("NFD", "두만강") + "\u200bx"
    m = canonical(raw)
    assert m.text == "a\n두만강\u200bx"  # the zero-width space is text: kept (issue 18)
    s = raw.index("x")
    assert m.text[slice(*m.span(s, s + 1))] == "x"
    k = raw.index("\n") + 1
    assert m.text[slice(*m.span(k, len(raw) - 2))] == "두만강"
    assert m.text[slice(*m.span(k, len(raw) - 1))] == "두만강\u200b"


def _refused(p: Project, path: Path, match: str) -> None:
    before = _counts(p)
    with pytest.raises(RefiError, match=match) as exc:
        import_qdpx(p, path)
    assert "\n" not in str(exc.value)
    assert _counts(p) == before


def test_not_a_zip(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "x.qdpx"
    bad.write_bytes(b"<Project/>")
    _refused(project, bad, "not a ZIP")


def test_zip_bomb(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qde_reader, "MAX_TOTAL_BYTES", 1_000_000)
    bomb = _zip(tmp_path / "bomb.qdpx", {"project.qde": b"<a/>", "sources/x.txt": b"0" * 5_000_000})
    _refused(project, bomb, "ZIP bomb")
    monkeypatch.setattr(qde_reader, "MAX_TOTAL_BYTES", 10**9)
    _refused(project, bomb, "ZIP bomb")  # the ratio alone


def test_billion_laughs(project: Project, tmp_path: Path) -> None:
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    lol += b'<!ENTITY l2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    lol += f"<Project {NS} name='&l2;'/>".encode()
    _refused(project, _zip(tmp_path / "lol.qdpx", {"project.qde": lol}), "DTD")


def test_selection_outside_source(project: Project, tmp_path: Path) -> None:
    n = len(RAW) + 1
    _refused(project, _vendor(tmp_path, _vendor_qde(n - 2, n + 5)), f"selection {G[4]}.*outside")


def test_code_ref_to_missing_code(project: Project, tmp_path: Path) -> None:
    qde = _vendor_qde(1, 3, code_ref=G[20])
    _refused(project, _vendor(tmp_path, qde), f"code {G[20]} that is not in the file")


def test_duplicate_guid(project: Project, tmp_path: Path) -> None:
    _refused(project, _vendor(tmp_path, _vendor_qde(1, 3, dup=G[5])), f"GUID {G[5]} is used twice")


def test_error_late_in_the_write_rolls_everything_back(
    study: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moksori.interop import qdpx_import

    def boom(*_: object) -> None:
        raise RefiError("late failure")

    monkeypatch.setattr(qdpx_import, "import_notes", boom)
    _refused(study, _vendor(tmp_path, _vendor_qde(1, 3)), "late failure")


def test_cli_import(project: Project, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from moksori.cli import interop

    app = typer.Typer()
    interop.register(app)

    @app.callback()
    def main() -> None:
        """A stand-in for the moksori app."""

    path, start = str(project.path), ("\ufeff" + RAW).index("무산")
    pkg = _vendor(tmp_path, _vendor_qde(start, start + 4))
    project.close()
    runner = CliRunner()
    res = runner.invoke(app, ["import", path, str(pkg), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["codings"] == 2 and data["skipped"] == {"PDFSource": 1}
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip")
    res = runner.invoke(app, ["import", path, str(bad)])
    assert res.exit_code != 0 and "not a ZIP" in res.output


def test_schema_problems_are_warnings_with_a_path(project: Project, tmp_path: Path) -> None:
    from tests.conftest import SHARED

    xsd = SHARED / "refi-qda" / "Project.xsd"
    if not xsd.is_file():
        pytest.skip(f"../shared/refi-qda not found: {xsd}")
    qde = _vendor_qde(1, 3).replace(b"</Sources>", b"</Sources><Bogus/>")
    report = import_qdpx(project, _vendor(tmp_path, qde), schema=xsd)
    assert report.codings == 2
    assert any("/Project/Bogus" in w and w.startswith("schema: line") for w in report.warnings)


def _snapshot(p: Project) -> tuple[object, ...]:
    """Everything moksori models, in a form two projects can be compared by."""
    texts = sorted(p.document(x.id).text for x in p.documents())
    book = [
        (c.path, c.codable, c.colour, c.definition, c.inclusion, c.exclusion, c.examples, c.guid)
        for c in p.codebook.tree()
    ]
    cases = {c.name: p.cases.values(c.name) for c in p.cases.list()}
    attributes = {(a.name, a.type, tuple(a.levels)) for a in p.cases.attributes()}
    links = sorted((p.document(x.document_id).text[:5], x.start, x.end) for x in p.cases.links())
    memos = sorted((m.target_kind, m.text, m.author, m.title) for m in p.memos.list())
    return texts, book, _codings(p), cases, attributes, links, memos


def test_import_export_import_is_lossless(
    study: Project, other: Project, tmp_path: Path, passphrase: str
) -> None:
    """Issue 5, point 3: a project that came in from a .qdpx goes out and back unchanged."""
    export_qdpx(study, tmp_path / "a.qdpx")
    import_qdpx(other, tmp_path / "a.qdpx")
    export_qdpx(other, tmp_path / "b.qdpx")
    with Project.create(tmp_path / "third.moksori", passphrase) as third:
        import_qdpx(third, tmp_path / "b.qdpx")
        assert _snapshot(third) == _snapshot(other) == _snapshot(study)

"""REFI-QDA project export: schema-valid, positions exact in code points, redaction that holds."""

from __future__ import annotations

import unicodedata
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from moksori.errors import UnreviewedFindings
from moksori.interop.qdpx_export import export_qdpx
from moksori.project import Project
from moksori.protect.findings import Selector
from moksori.protect.vault import Vault
from moksori.protect.view import ViewCache
from tests.conftest import SHARED
from tests.interop.conftest import add_study_texts

NS = {"q": "urn:QDA-XML:project:1.0"}
SCHEMA_DIR = SHARED / "refi-qda"
ORDER = [
    "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs",
    "Description", "NoteRef",
]  # fmt: skip

# Fictional testimony. The Korean file is written in NFD (as some Mac editors save it);
# the store holds NFC, and so must the export. Emoji are one code point, two UTF-16 units.
KO = (
    "면담자: 언제 두만강을 건넜어요?\n"
    "김순희: 저는 2011년에 두만강을 건넜습니다. 남동생 리철수랑 같이 왔어요 😢.\n"
    "김순희: 지금은 서울에서 일해요.\n"
)
EN = (
    "Interviewer: How did you cross? 🙂\n"
    "Kim Soon-hee: At night 🌙, with my brother Ri Chol-su. It was very cold.\n"
)
PLANTED = ["김순희", "순희", "리철수", "Kim Soon-hee", "Soon-hee", "Ri Chol-su"]
VAULT_PASSPHRASE = "vault passphrase for interop tests"


def _doc(p: Project, name: str) -> int:
    return next(d.id for d in p.documents() if name in d.source_name)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    p = project
    ko, en = add_study_texts(p, tmp_path, KO, EN)
    p.codebook.create("여정 Journey", codable=False, colour="#1f77b4", definition="The route")
    p.codebook.create(
        "강 건너기", "여정 Journey", definition="Crossing the border river",
        inclusion="the act of crossing", examples=["두만강을 건넜습니다"], colour="#ff7f0e",
    )  # fmt: skip
    p.codebook.create("가족 Family", definition="Kin who came along")
    p.codebook.create("밤 Night")
    p.codebook.set_core("가족 Family")
    p.codebook.link("가족 Family", "강 건너기", "context of", "리철수 helped her cross")
    c1 = p.codings.apply_quote("강 건너기", ko, "두만강을 건넜습니다", coder="연구자 A")
    p.codings.apply_quote(
        "가족 Family",
        ko,
        "남동생 리철수랑 같이 왔어요 😢",
        coder="coder b",
        memo="김순희's brother",
    )
    p.codings.apply_quote("밤 Night", en, "At night 🌙", coder="coder b")
    p.codings.apply_quote("가족 Family", en, "with my brother Ri Chol-su", coder="연구자 A")
    p.cases.add("P01", "Kim Soon-hee, from Musan")
    for name, type_, levels in (
        ("birth_year", "integer", None), ("weight", "float", None), ("left", "date", None),
        ("married", "boolean", None), ("region", "category", ["north", "south"]),
        ("job", "text", None),
    ):  # fmt: skip
        p.cases.define_attribute(name, type_, levels)
    values = {"birth_year": "1988년생", "weight": "0.00001", "left": "2011년 3월 14일"}
    values |= {"married": "아니오", "region": "North", "job": "factory worker"}
    for name, value in values.items():
        p.cases.set_value("P01", name, value)
    p.cases.link("P01", ko)
    p.cases.link("P01", en, start=0, end=EN.index("\n"))
    p.memos.add("project", None, "김순희 worries about 리철수", title="Overview", author="연구자 A")
    p.memos.add("code", "강 건너기", "Night crossings dominate", author="coder b")
    p.memos.add("document", ko, "Recorded in Seoul", author="연구자 A")
    p.memos.add("case", "P01", "Interviewed twice", author="연구자 A")
    p.memos.add("coding", c1.id, "Key passage", author="연구자 A")
    return p


@pytest.fixture
def reviewed(study: Project, tmp_path: Path) -> tuple[Project, Vault]:
    p = study
    v = p.deid.create_vault(tmp_path / "study.vault", VAULT_PASSPHRASE)
    p.deid.add_known(["김순희", "Kim Soon-hee", "순희", "Soon-hee"], v, pseudonym="Youngmi")
    p.deid.add_known(["리철수", "Ri Chol-su"], v)
    p.deid.scan(vault=v)
    p.deid.review(Selector(), "accepted", vault=v)
    return p, v


def _open(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("project.qde"))
        files = {}
        for name in z.namelist():
            if name.startswith("sources/"):
                data = z.read(name)
                assert not data.startswith(b"\xef\xbb\xbf"), "a source has a BOM"
                files[name.removeprefix("sources/")] = data.decode("utf-8")
    return root, files


def _source_text(files: dict[str, str], el: etree._Element) -> str:
    return files[el.get("plainTextPath").removeprefix("internal://")]


def _schema() -> etree.XMLSchema:
    if not (SCHEMA_DIR / "Project.xsd").is_file():
        pytest.skip(f"../shared/refi-qda not found: {SCHEMA_DIR}")
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "Project.xsd")))


def _coded(root: etree._Element, files: dict[str, str]) -> dict[str, str]:
    """Selection GUID → its text in the exported source, for every coded selection."""
    out = {}
    for src in root.iterfind("q:Sources/q:TextSource", NS):
        text = _source_text(files, src)
        for sel in src.iterfind("q:PlainTextSelection", NS):
            if sel.find("q:Coding", NS) is not None:
                out[sel.get("guid")] = text[
                    int(sel.get("startPosition")) : int(sel.get("endPosition"))
                ]
    return out


def test_export_is_schema_valid_plain_and_redacted(
    reviewed: tuple[Project, Vault], tmp_path: Path
) -> None:
    schema = _schema()
    p, v = reviewed
    for redacted in (False, True):
        out = tmp_path / f"r{redacted}.qdpx"
        export_qdpx(p, out, redacted=redacted, vault=v)
        root, _ = _open(out)
        assert schema.validate(root), [str(e) for e in schema.error_log]


def test_positions_are_code_points_on_nfc_lf_text(study: Project, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    report = export_qdpx(study, out)
    root, files = _open(out)
    for text in files.values():
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text
    coded = _coded(root, files)
    by_guid = {}
    for c in study.conn.execute('SELECT guid, document_id, start, "end" FROM coding'):
        by_guid[c[0]] = study.document(c[1]).text[c[2] : c[3]]
    assert coded == by_guid and report.selections == 4
    assert "두만강을 건넜습니다" in coded.values()  # 10 code points, 25 in NFD
    assert "At night 🌙" in coded.values()  # after an emoji earlier in the file
    ko = next(s for s in root.iterfind(".//q:TextSource", NS) if "남동생" in _source_text(files, s))
    assert _source_text(files, ko) == unicodedata.normalize("NFC", KO).rstrip("\n")


def test_redacted_positions_follow_the_redacted_view(
    reviewed: tuple[Project, Vault], tmp_path: Path
) -> None:
    p, v = reviewed
    out = tmp_path / "red.qdpx"
    report = export_qdpx(p, out, redacted=True, vault=v)
    root, files = _open(out)
    views = ViewCache(p.conn)
    expected = {}
    for guid, doc, start, end in p.conn.execute(
        'SELECT guid, document_id, start, "end" FROM coding'
    ):
        expected[guid] = views(doc).slice(start, end)
    assert _coded(root, files) == expected and report.selections_dropped == 0
    assert any(t.startswith("남동생 ") and "리철수" not in t for t in expected.values())
    texts = sorted(
        files[f"{g}.txt"] for g in [s.get("guid") for s in root.iterfind(".//q:TextSource", NS)]
    )
    assert texts == sorted(views(d.id).text for d in p.documents())


def test_redacted_export_reveals_no_planted_name(
    reviewed: tuple[Project, Vault], tmp_path: Path
) -> None:
    p, v = reviewed
    plain, red = tmp_path / "plain.qdpx", tmp_path / "red.qdpx"
    export_qdpx(p, plain)
    report = export_qdpx(p, red, redacted=True, vault=v)
    assert report.names_scrubbed > 0

    def everything(path: Path) -> bytes:
        with zipfile.ZipFile(path) as z:
            inner = b"".join(z.read(n) + n.encode() for n in z.namelist())
        return path.read_bytes() + inner

    assert "김순희".encode() in everything(plain)  # the check below can fail
    raw = everything(red).lower()
    for name in PLANTED:
        assert name.lower().encode() not in raw, "a planted name reached the redacted export"


def test_redacted_export_waits_for_review(study: Project, tmp_path: Path) -> None:
    out = tmp_path / "red.qdpx"
    with pytest.raises(UnreviewedFindings):
        export_qdpx(study, out, redacted=True)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    report = export_qdpx(study, out, redacted=True, unreviewed_ok=True)
    assert out.exists() and report.redacted


def test_child_order_and_content(study: Project, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    report = export_qdpx(study, out)
    root, files = _open(out)
    tags = [etree.QName(el).localname for el in root]
    assert tags == sorted(tags, key=ORDER.index)
    assert tags[:7] == ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links"]
    assert tags[-1] == "NoteRef" and "Sets" in tags
    users = {u.get("name"): u.get("guid") for u in root.iterfind("q:Users/q:User", NS)}
    assert set(users) == {"연구자 A", "coder b"}
    # hierarchy: a folder holding a codable code, colours, definitions as descriptions
    [folder] = [
        c for c in root.iterfind("q:CodeBook/q:Codes/q:Code", NS) if c.get("isCodable") == "false"
    ]
    [child] = folder.findall("q:Code", NS)
    assert (folder.get("name"), folder.get("color")) == ("여정 Journey", "#1f77b4")
    assert child.get("isCodable") == "true" and child.get("color") == "#ff7f0e"
    desc = child.findtext("q:Description", namespaces=NS)
    assert desc.startswith("Crossing the border river") and "[Include]\nthe act of crossing" in desc
    # codings: creatingUser is the coder's GUID, CodeRef the code's
    sel = next(
        s
        for s in root.iterfind(".//q:PlainTextSelection", NS)
        if s.findtext("q:Description", namespaces=NS)
    )
    assert sel.findtext("q:Description", namespaces=NS) == "김순희's brother"
    assert sel.get("creatingUser") == users["coder b"]
    codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    assert codes[sel.find("q:Coding/q:CodeRef", NS).get("targetGUID")] == "가족 Family"
    # typed variables and values
    types = {
        v.get("name"): v.get("typeOfVariable") for v in root.iterfind("q:Variables/q:Variable", NS)
    }
    assert types == {"birth_year": "Integer", "weight": "Float", "left": "Date",
                     "married": "Boolean", "region": "Text", "job": "Text"}  # fmt: skip
    [case] = root.iterfind("q:Cases/q:Case", NS)
    got = {etree.QName(vv[1]).localname: vv[1].text for vv in case.iterfind("q:VariableValue", NS)}
    assert got == {"IntegerValue": "1988", "FloatValue": "0.00001", "DateValue": "2011-03-14",
                   "BooleanValue": "false", "TextValue": got["TextValue"]}  # fmt: skip
    assert (
        len(case.findall("q:SourceRef", NS)) == 1 and len(case.findall("q:SelectionRef", NS)) == 1
    )
    # notes: one per memo plus the link memo, each with its text in sources/
    assert report.notes == len(root.findall("q:Notes/q:Note", NS)) == 6
    for note in root.iterfind("q:Notes/q:Note", NS):
        assert _source_text(files, note).strip()
    refs = {r.get("targetGUID") for r in root.iterfind(".//q:NoteRef", NS)}
    assert len(refs) == 5 and report.notes_unattached == 1  # the case memo has no NoteRef slot


def test_guids_are_stable_across_exports(study: Project, tmp_path: Path) -> None:
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export_qdpx(study, a)
    export_qdpx(study, b)
    assert a.read_bytes() == b.read_bytes()
    before = {el.get("guid") for el in _open(a)[0].iter() if el.get("guid")}
    study.codings.apply_quote("밤 Night", _doc(study, "ko"), "지금은", coder="coder b")
    c = tmp_path / "c.qdpx"
    export_qdpx(study, c)
    after = {el.get("guid") for el in _open(c)[0].iter() if el.get("guid")}
    assert before < after and len(after - before) == 2  # the new selection and its Coding


def test_document_guids_derive_from_the_project_guid(study: Project, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    export_qdpx(study, out)
    root, _ = _open(out)
    (seed,) = study.conn.execute("SELECT value FROM meta WHERE key = 'project_guid'").fetchone()
    want = {str(uuid.uuid5(uuid.UUID(seed), f"moksori:document:{d.id}")) for d in study.documents()}
    assert {s.get("guid") for s in root.iterfind("q:Sources/q:TextSource", NS)} == want


def test_empty_project_exports_a_valid_file(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "empty.qdpx"
    report = export_qdpx(project, out)
    root, files = _open(out)
    assert report.sources == 0 and files == {} and root.get("name") == "study"
    if (SCHEMA_DIR / "Project.xsd").is_file():
        assert _schema().validate(root)

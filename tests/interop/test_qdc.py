"""REFI-QDA codebooks (.qdc): schema-valid output, lossless round trips, other tools' files,
and bad files that change nothing."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from moksori.coding.codebook import Code, Codebook
from moksori.coding.codebook_io import import_yaml
from moksori.errors import CodingError
from moksori.interop.qdc import export_qdc, format_description, import_qdc, parse_description
from moksori.interop.refi import (
    CODEBOOK_NS,
    RefiError,
    load_schema,
    normalise_colour,
    normalise_guid,
    parse_xml,
    schema_problems,
)
from moksori.project import Project
from tests.cli.test_cli import moksori
from tests.conftest import TEST_PASSPHRASE

REFI = Path(__file__).resolve().parents[2] / ".." / "shared" / "refi-qda"
ACCENT_GUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
EMOJI_NAME = "가족 연락 Family contact 📞"
ACCENT_EXAMPLES = [
    "말투 때문에 사람들이 자꾸 물었어요",
    "asked about my accent\nat work, every day",
]


def _build(project: Project) -> None:
    book = project.codebook
    book.create("정착 Resettlement", codable=False, colour="#336699")
    book.create(
        "말투 Accent",
        parent="정착 Resettlement",
        alt_name="Speech",
        definition="Remarks about a northern accent.\n\nIncludes tone and vocabulary.",
        inclusion="Others notice or comment on it",
        exclusion="Dialect words alone",
        examples=ACCENT_EXAMPLES,
        colour="#A1B2C3",
        guid=ACCENT_GUID,
    )
    book.create("침묵 Silence", parent="정착 Resettlement", definition="Choosing not to speak")
    book.create(EMOJI_NAME, colour="#f00")
    book.set_core("침묵 Silence")


def _shape(project: Project) -> list[tuple[object, ...]]:
    return [
        (
            c.path,
            c.guid,
            c.alt_name,
            c.definition,
            c.inclusion,
            c.exclusion,
            c.examples,
            c.colour,
            c.is_core,
            c.codable,
        )
        for c in project.codebook.tree()
    ]


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Project]:
    p = Project.create(tmp_path / "other.moksori", TEST_PASSPHRASE)
    yield p
    p.close()


def _schema() -> etree.XMLSchema:
    xsd = REFI / "Codebook.xsd"
    if not xsd.is_file():
        pytest.skip(f"../shared/refi-qda not found: {xsd}")
    return load_schema(xsd)


# --- export -------------------------------------------------------------------------
def test_export_validates_against_codebook_xsd(project: Project) -> None:
    _build(project)
    data = export_qdc(project.codebook)
    assert data.startswith(b"<?xml") and not data.startswith(b"\xef\xbb\xbf")
    root = etree.fromstring(data)
    assert schema_problems(root, _schema()) == []
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook"
    ns = {"c": CODEBOOK_NS}
    folder = root.find("c:Codes/c:Code", ns)
    assert folder is not None and folder.get("isCodable") == "false"
    assert folder.get("color") == "#336699"
    accent = folder.find("c:Code[@name='말투 Accent']", ns)
    assert accent is not None and accent.get("guid") == ACCENT_GUID
    text = accent.findtext("c:Description", namespaces=ns)
    assert text.startswith("Remarks about a northern accent.")
    assert "[Include]\nOthers notice" in text and "- 말투 때문에" in text
    # The emoji and Korean travel as UTF-8, not as character references.
    assert EMOJI_NAME.encode("utf-8") in data


def test_schema_check_catches_a_broken_codebook(project: Project) -> None:
    """The validation above can fail: a Code without isCodable is reported with its XPath."""
    _build(project)
    root = etree.fromstring(export_qdc(project.codebook))
    del root[0][0].attrib["isCodable"]
    problems = schema_problems(root, _schema())
    assert len(problems) == 1 and "isCodable" in problems[0]
    assert "/CodeBook/Codes/Code[1]:" in problems[0]


def test_an_empty_codebook_is_refused_not_written_invalid(project: Project) -> None:
    with pytest.raises(RefiError, match="empty"):
        export_qdc(project.codebook)


# --- round trip ---------------------------------------------------------------------
def test_round_trip_into_an_empty_project_is_lossless(project: Project, other: Project) -> None:
    _build(project)
    report = import_qdc(other.codebook, export_qdc(project.codebook))
    assert report.created == [
        "정착 Resettlement",
        "정착 Resettlement/말투 Accent",
        "정착 Resettlement/침묵 Silence",
        EMOJI_NAME,
    ]
    assert report.updated == [] and report.notes == []
    assert _shape(other) == _shape(project)
    accent = other.codebook.get("말투 Accent")
    assert accent.examples == ACCENT_EXAMPLES and accent.colour == "#a1b2c3"
    assert other.codebook.get(EMOJI_NAME).colour == "#ff0000"
    # A second import of the same file changes nothing.
    again = import_qdc(other.codebook, export_qdc(project.codebook))
    assert again.created == [] and again.updated == []


def test_import_merges_by_path_and_keeps_what_it_does_not_mention(
    project: Project, other: Project
) -> None:
    _build(project)
    import_yaml(
        other.codebook,
        "codebook:\n- name: 정착 Resettlement\n  children:\n"
        "  - name: 말투 Accent\n    definition: old wording\n  - name: 일 Work\n",
    )
    before_guid = other.codebook.get("말투 Accent").guid
    report = import_qdc(other.codebook, export_qdc(project.codebook))
    assert "정착 Resettlement/말투 Accent" in report.updated
    accent = other.codebook.get("정착 Resettlement/말투 Accent")
    assert accent.definition.startswith("Remarks") and accent.guid == before_guid
    assert other.codebook.find("정착 Resettlement/일 Work") is not None  # nothing deleted


def test_a_taken_guid_is_replaced_with_a_note(project: Project, other: Project) -> None:
    _build(project)
    other.codebook.create("Elsewhere", guid=ACCENT_GUID)
    report = import_qdc(other.codebook, export_qdc(project.codebook))
    new = other.codebook.get("말투 Accent")
    assert new.guid != ACCENT_GUID and normalise_guid(new.guid) == new.guid
    assert any("already used" in n for n in report.notes)


def test_description_layout_parses_back_and_plain_text_is_a_definition(project: Project) -> None:
    _build(project)
    code = project.codebook.get("말투 Accent")
    parsed = parse_description(format_description(code))
    assert parsed == {
        "definition": code.definition,
        "alt_name": "Speech",
        "inclusion": code.inclusion,
        "exclusion": code.exclusion,
        "examples": ACCENT_EXAMPLES,
    }
    assert parse_description("Just a definition,\r\nover two lines.") == {
        "definition": "Just a definition,\nover two lines."
    }


# --- files from other tools ------------------------------------------------------------
OTHER_TOOL = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some Tool 12">
  <Codes>
    <Code guid="{9F2A6C1E-3B4D-4E5F-8A9B-0C1D2E3F4A5B}" name="Family / 가족" isCodable="false"
          color="#0F0">
      <Code guid="{1E2D3C4B-5A69-4788-9A0B-1C2D3E4F5A6B}" name="어머니 Mother" isCodable="1"
            color="#c0c"/>
      <Code guid="not-a-guid" name="Brother 🙂" isCodable="true" color="blue"/>
    </Code>
    <Code guid="{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F9A0}" name="Work" isCodable="true">
      <Description>Anything about jobs.
Written by hand in another tool.</Description>
    </Code>
  </Codes>
  <Sets>
    <Set guid="{3C4D5E6F-7081-4293-A4B5-C6D7E8F9A0B1}" name="Kin">
      <MemberCode guid="{1E2D3C4B-5A69-4788-9A0B-1C2D3E4F5A6B}"/>
    </Set>
  </Sets>
</CodeBook>
"""


def test_import_of_a_file_written_by_another_tool(other: Project) -> None:
    report = import_qdc(other.codebook, OTHER_TOOL.encode("utf-8"))
    folder = "Family ／ 가족"
    assert report.created == [folder, f"{folder}/어머니 Mother", f"{folder}/Brother 🙂", "Work"]
    mother = other.codebook.get(f"{folder}/어머니 Mother")
    assert mother.guid == "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b"  # braces gone, kept
    assert mother.colour == "#cc00cc" and mother.codable and mother.definition == ""
    top = other.codebook.get(folder)
    assert top.codable is False and top.colour == "#00ff00"
    work = other.codebook.get("Work")
    assert work.definition == "Anything about jobs.\nWritten by hand in another tool."
    brother = other.codebook.get(f"{folder}/Brother 🙂")
    assert brother.colour is None and normalise_guid(brother.guid) == brother.guid
    notes = " ".join(report.notes)
    assert "1 code set(s) skipped" in notes and "not #RGB" in notes
    assert "no valid GUID" in notes and "'/'" in notes


def test_decomposed_korean_names_are_stored_nfc(other: Project) -> None:
    nfd = unicodedata.normalize("NFD", "두만강을 건넜습니다")
    data = f"<CodeBook><Codes><Code name='{nfd}' isCodable='true'/></Codes></CodeBook>"
    import_qdc(other.codebook, data.encode("utf-8"))
    (code,) = other.codebook.tree()
    assert code.name == "두만강을 건넜습니다" and len(code.name) == 10


# --- bad files ---------------------------------------------------------------------------
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
    '<Code guid="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" name="&lol9;" isCodable="true"/>'
    "</Codes></CodeBook>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
    '<Code guid="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" name="&x;" isCodable="true"/>'
    "</Codes></CodeBook>"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<CodeBook><Codes><Code name='x'", "not well-formed XML"),
        (b"", "is empty"),
        (b'<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>', "root element is <Project>"),
        (b"<CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>", "exactly one <Codes>"),
        (BILLION_LAUGHS.encode(), "entity attack"),
        (EXTERNAL_ENTITY.encode(), "entity attack"),
        (
            b"<CodeBook><Codes><Code guid='0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' "
            b"name='ok' isCodable='true'/><Code guid='x' name='  ' isCodable='true'/>"
            b"</Codes></CodeBook>",
            "line 1: a Code without a name",
        ),
        (
            b"<CodeBook><Codes><Code name='ok' isCodable='true'/>"
            b"<Code name='bad' isCodable='maybe'/></Codes></CodeBook>",
            "isCodable must be true or false",
        ),
    ],
)
def test_bad_files_give_one_clear_error_and_change_nothing(
    project: Project, data: bytes, message: str
) -> None:
    _build(project)
    before = _shape(project)
    with pytest.raises(RefiError, match=message) as caught:
        import_qdc(project.codebook, data, what="book.qdc")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("book.qdc")
    assert _shape(project) == before


def test_a_failure_while_writing_rolls_back_the_whole_import(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Codes already written by this import are undone when a later one fails."""
    _build(project)
    before = _shape(project)
    real_create = Codebook.create

    def failing_create(self: Codebook, name: str, *args: Any, **kwargs: Any) -> Code:
        if name == "b":
            raise CodingError("simulated failure")
        return real_create(self, name, *args, **kwargs)

    monkeypatch.setattr(Codebook, "create", failing_create)
    data = (
        "<CodeBook><Codes><Code name='새 코드 New' isCodable='true'>\n"
        "<Code name='a' isCodable='true'/></Code>\n<Code name='b' isCodable='true'/>"
        "</Codes></CodeBook>"
    ).encode()
    with pytest.raises(RefiError, match="line 3: simulated failure"):
        import_qdc(project.codebook, data, what="book.qdc")
    assert _shape(project) == before


def test_case_insensitive_siblings_merge_instead_of_failing(other: Project) -> None:
    data = (
        b"<CodeBook><Codes><Code name='Work' isCodable='true'/>"
        b"<Code name='work ' isCodable='false'/></Codes></CodeBook>"
    )
    report = import_qdc(other.codebook, data)
    assert report.created == ["Work"] and report.updated == ["Work"]
    assert [(c.path, c.codable) for c in other.codebook.tree()] == [("Work", False)]


def test_refi_helpers() -> None:
    assert normalise_guid("{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}") == ACCENT_GUID
    assert normalise_guid("{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") is None
    assert normalise_guid("0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d") is None
    assert normalise_colour("#AbC") == "#aabbcc" and normalise_colour("#12345") is None
    root = parse_xml("<a>말 🙂</a>".encode(), "x")
    assert root.text == "말 🙂"


# --- CLI ---------------------------------------------------------------------------------
def test_cli_export_then_import_end_to_end(tmp_path: Path) -> None:
    proj, proj2 = str(tmp_path / "a.moksori"), str(tmp_path / "b.moksori")
    book = tmp_path / "book.qdc"
    for p in (proj, proj2):
        assert moksori("init", p).returncode == 0
    r = moksori("codebook", "add", proj, "정착", "--folder", "--colour", "#369")
    assert r.returncode == 0, r.stderr
    r = moksori(
        "codebook", "add", proj, "도움 찾기 🙂", "--parent", "정착",
        "--definition", "Who they ask", "--include", "asking anyone",
        "--example", "인터넷에 물어봐요",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = moksori("codebook", "export", proj, str(book))
    assert r.returncode == 0, r.stderr
    assert schema_problems(etree.fromstring(book.read_bytes()), _schema()) == []
    r = moksori("codebook", "import", proj2, str(book), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["created"] == ["정착", "정착/도움 찾기 🙂"]
    listed = json.loads(moksori("codebook", "list", proj2, "--json").stdout)
    original = json.loads(moksori("codebook", "list", proj, "--json").stdout)
    keys = ("path", "guid", "colour", "codable", "definition", "inclusion", "examples")
    assert [{k: c[k] for k in keys} for c in listed] == [{k: c[k] for k in keys} for c in original]
    # --format qdc to stdout, and a broken file: one line, exit 1, nothing changed
    r = moksori("codebook", "export", proj, "-", "--format", "qdc")
    assert r.returncode == 0 and "<CodeBook" in r.stdout
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook><Codes>", encoding="utf-8")
    r = moksori("codebook", "import", proj2, str(bad))
    assert r.returncode == 1 and "not well-formed" in r.stderr and len(r.stderr.splitlines()) == 1
    assert json.loads(moksori("codebook", "list", proj2, "--json").stdout) == listed

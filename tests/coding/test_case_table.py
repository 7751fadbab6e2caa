"""Case attributes from and to CSV and XLSX: encodings, types, all-or-nothing imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from moksori.coding.case_table import export_cases, import_cases, parse_type_spec
from moksori.errors import AttributeValueError, CodingError
from moksori.project import Project

CSV = (
    "참여자,birth_year,year_left,arrived,employed,home_province,age_band\n"
    "은별,1988년생,2010,2011.4.2,예,양강도,30대\n"
    "하늘,1996,2015,2016-01-20,아니오,함경북도,20대\n"
    "Mina,1979,2012,,yes,양강도,40대\n"
)
TYPES = {"home_province": "category", "age_band": "ordinal:20대,30대,40대"}


def _snapshot(project: Project) -> tuple[Any, ...]:
    c = project.cases
    return (c.table(), [a.to_json() for a in c.attributes()], [x.to_json() for x in c.list()])


def test_csv_with_bom_types_given_and_inferred(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "participants.csv"
    path.write_bytes(b"\xef\xbb\xbf" + CSV.encode("utf-8"))
    report = import_cases(project.cases, path, TYPES)
    assert sorted(report.cases_created) == ["Mina", "은별", "하늘"]
    assert report.values_set == 17 and report.values_cleared == 1
    types = {a.name: (a.type, a.levels) for a in project.cases.attributes()}
    assert types == {
        "birth_year": ("integer", []),
        "year_left": ("integer", []),
        "arrived": ("date", []),
        "employed": ("boolean", []),
        "home_province": ("category", ["양강도", "함경북도"]),  # first appearance order
        "age_band": ("ordinal", ["20대", "30대", "40대"]),
    }
    assert project.cases.values("은별") == {
        "birth_year": 1988,
        "year_left": 2010,
        "arrived": dt.date(2011, 4, 2),
        "employed": True,
        "home_province": "양강도",
        "age_band": "30대",
    }
    assert "arrived" not in project.cases.values("Mina")


@pytest.mark.parametrize("encoding", ["cp949", "utf-8", "utf-16"])
def test_encodings(project: Project, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "participants.csv"
    path.write_bytes(CSV.encode(encoding))
    import_cases(project.cases, path, TYPES)
    assert project.cases.values("하늘")["home_province"] == "함경북도"


def test_semicolons_and_tabs(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("case;birth_year\n은별;1988\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("case\tgender\n하늘\t여\n", encoding="utf-8")
    import_cases(project.cases, tmp_path / "a.csv")
    import_cases(project.cases, tmp_path / "b.tsv")
    assert project.cases.table() == [
        {"case": "은별", "birth_year": 1988, "gender": None},
        {"case": "하늘", "birth_year": None, "gender": "여"},
    ]


def test_wrong_type_names_row_and_column_and_changes_nothing(
    project: Project, tmp_path: Path
) -> None:
    project.cases.add("은별")
    project.cases.define_attribute("birth_year", "integer")
    project.cases.set_value("은별", "birth_year", 1987)
    before = _snapshot(project)
    path = tmp_path / "participants.csv"
    path.write_text(
        "case,birth_year,gender\n"
        "은별,1988,여\n"
        "하늘,1996,여\n"
        "Mina,천구백칠십구,여\n",  # row 4: not an integer
        encoding="utf-8",
    )
    with pytest.raises(AttributeValueError, match=r"row 4, column 'birth_year' \(integer\)") as e:
        import_cases(project.cases, path)
    assert "천구백칠십구" not in str(e.value)
    assert _snapshot(project) == before  # no new cases, no 'gender', 1987 kept


def test_ordinal_level_not_allowed_names_row_and_column(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "participants.csv"
    path.write_text("case,age_band\n은별,30대\n하늘,50대\n", encoding="utf-8")
    with pytest.raises(AttributeValueError, match=r"row 3, column 'age_band' \(ordinal\)"):
        import_cases(project.cases, path, {"age_band": "ordinal:20대,30대,40대"})
    assert _snapshot(project) == ([], [], [])
    with pytest.raises(CodingError, match="needs its levels in order"):
        import_cases(project.cases, path, {"age_band": "ordinal"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("case,birth_year\n은별,1988\n은별,1989\n", "row 3: case '은별' is already in row 2"),
        ("case,birth_year\n,1988\n", "row 2: no case name"),
        ("case,birth_year,Birth_Year\n은별,1,2\n", "appears twice"),
        ("case,,x\n은별,1,2\n", "column 2 has values but no name"),
        ("case,pseudonym\n은별,x\n", "reserved"),
        ("", "empty"),
    ],
)
def test_bad_tables(project: Project, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodingError, match=message):
        import_cases(project.cases, path)
    assert _snapshot(project) == ([], [], [])


def test_type_conflict_and_other_files(project: Project, tmp_path: Path) -> None:
    project.cases.define_attribute("birth_year", "integer")
    path = tmp_path / "p.csv"
    path.write_text("case,birth_year\n은별,1988\n", encoding="utf-8")
    with pytest.raises(CodingError, match="already integer, not text"):
        import_cases(project.cases, path, {"birth_year": "text"})
    (tmp_path / "p.json").write_text("{}", encoding="utf-8")
    with pytest.raises(CodingError, match=r"\.csv or \.xlsx"):
        import_cases(project.cases, tmp_path / "p.json")
    (tmp_path / "latin.csv").write_bytes(b"case\n\xff\xfe\xfd\x80\x81\n")
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(CodingError, match="not UTF-8 or CP949"):
        import_cases(project.cases, tmp_path / "latin.csv")
    with pytest.raises(Exception, match="zip"):
        import_cases(project.cases, tmp_path / "fake.xlsx")
    with pytest.raises(CodingError, match="unknown attribute type"):
        parse_type_spec("number")


def test_blank_cells_clear_and_blank_rows_are_skipped(project: Project, tmp_path: Path) -> None:
    project.cases.add("은별")
    project.cases.define_attribute("birth_year", "integer")
    project.cases.define_attribute("education", "text")
    project.cases.set_value("은별", "birth_year", 1988)
    project.cases.set_value("은별", "education", "대학")
    path = tmp_path / "p.csv"
    path.write_text("case,birth_year\n은별,\n,\n", encoding="utf-8")
    report = import_cases(project.cases, path)
    assert report.cases_updated == ["은별"] and report.values_cleared == 1
    assert project.cases.values("은별") == {"education": "대학"}  # columns not in the file stay


def _xlsx(path: Path, rows: list[list[Any]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_xlsx_with_typed_cells(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "participants.xlsx"
    _xlsx(
        path,
        [
            ["pseudonym", "birth_year", "arrived", "employed", "income", "note"],
            ["은별", 1988, dt.datetime(2011, 4, 2), True, 2500.5, "=not a formula"],
            ["하늘", 1996, dt.datetime(2016, 1, 20), False, 1800, "회사원"],
            [None, None, None, None, None, None],
        ],
    )
    import_cases(project.cases, path)
    types = {a.name: a.type for a in project.cases.attributes()}
    assert types == {
        "birth_year": "integer",
        "arrived": "date",
        "employed": "boolean",
        "income": "float",
        "note": "text",
    }
    assert project.cases.values("하늘") == {
        "birth_year": 1996,
        "arrived": dt.date(2016, 1, 20),
        "employed": False,
        "income": 1800.0,
        "note": "회사원",
    }


def test_xlsx_wrong_type_names_row_and_column(project: Project, tmp_path: Path) -> None:
    project.cases.define_attribute("birth_year", "integer")
    path = tmp_path / "participants.xlsx"
    _xlsx(path, [["case", "birth_year"], ["은별", 1988], ["하늘", "unknown"]])
    with pytest.raises(AttributeValueError, match="row 3, column 'birth_year'"):
        import_cases(project.cases, path)
    assert project.cases.list() == []


def _filled(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(CSV + 'Jun,1990,2019,2019-05-01,no,"평안남도",30대\n', encoding="utf-8")
    import_cases(project.cases, path, {**TYPES, "home_province": "category"})
    project.cases.define_attribute("note", "text")
    project.cases.set_value("Jun", "note", '=HYPERLINK("x"), "quoted", 쉼표, 줄\n바꿈')


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trips(project: Project, tmp_path: Path, suffix: str) -> None:
    _filled(project, tmp_path)
    before = _snapshot(project)
    out = tmp_path / f"out{suffix}"
    assert export_cases(project.cases, out) == 4
    report = import_cases(project.cases, out)  # into the same project: nothing changes
    assert report.cases_created == [] and report.attributes_created == []
    assert _snapshot(project) == before


def test_xlsx_export_carries_types_to_a_new_project(
    project: Project, tmp_path: Path, passphrase: str
) -> None:
    _filled(project, tmp_path)
    out = tmp_path / "out.xlsx"
    export_cases(project.cases, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["cases", "attributes"]
    assert book["cases"]["A2"].value == "Jun"
    note = book["cases"]["H2"]
    assert isinstance(note.value, str) and note.value.startswith("=HYPERLINK")
    assert note.data_type == "s"  # stored as text, never a formula
    with Project.create(tmp_path / "other.moksori", passphrase) as other:
        import_cases(other.cases, out)
        assert other.cases.table() == project.cases.table()
        assert [a.to_json() | {"id": 0, "guid": ""} for a in other.cases.attributes()] == [
            a.to_json() | {"id": 0, "guid": ""} for a in project.cases.attributes()
        ]


def test_csv_export_is_utf8_with_bom(project: Project, tmp_path: Path) -> None:
    _filled(project, tmp_path)
    out = tmp_path / "out.csv"
    export_cases(project.cases, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].decode("utf-8").splitlines()
    assert lines[0] == "case,birth_year,year_left,arrived,employed,home_province,age_band,note"
    assert "은별,1988,2010,2011-04-02,true,양강도,30대," in lines

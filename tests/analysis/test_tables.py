"""The one table shape: JSON, CSV (Excel-friendly UTF-8) and XLSX (values, never formulas)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from moksori.analysis.tables import Table


def _table() -> Table:
    return Table(
        rows=["정착/차별", '=HYPERLINK("x")'],
        columns=["여성", "남성"],
        values=[[2, 1], [0, None]],
        title="codes by gender: 성별 [test]",
        row_header="code",
        column_header="gender",
        meta={"measure": "codings"},
    )


def test_lookups_and_json() -> None:
    t = _table()
    assert t.cell("정착/차별", "남성") == 1
    assert t.row("정착/차별") == {"여성": 2, "남성": 1}
    assert t.column("여성") == {"정착/차별": 2, '=HYPERLINK("x")': 0}
    data = json.loads(json.dumps(t.to_json(), ensure_ascii=False))
    assert data["rows"][0] == "정착/차별" and data["values"] == [[2, 1], [0, None]]
    assert data["meta"] == {"measure": "codings"}
    assert t.nonzero_rows().rows == ["정착/차별"]
    assert t.drop_empty_columns(["남성"]).columns == ["여성", "남성"]  # 남성 has a 1
    assert Table(["a"], ["x", "y"], [[1, 0]]).drop_empty_columns(["y"]).columns == ["x"]


def test_shape_is_checked() -> None:
    with pytest.raises(ValueError):
        Table(rows=["a"], columns=["x", "y"], values=[[1]])


def test_csv_is_utf8_with_bom(tmp_path: Path) -> None:
    path = _table().to_csv(tmp_path / "t.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines == [
        ["code", "여성", "남성"],
        ["정착/차별", "2", "1"],
        ['\'=HYPERLINK("x")', "0", ""],  # quoted: a spreadsheet shows it, never runs it
    ]


def test_xlsx_keeps_text_as_text(tmp_path: Path) -> None:
    path = _table().to_xlsx(tmp_path / "t.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "codes by gender  성별  test"
    assert [c.value for c in sheet[1]] == ["code", "여성", "남성"]
    assert [c.value for c in sheet[2]] == ["정착/차별", 2, 1]
    formula_like = sheet.cell(row=3, column=1)
    assert formula_like.value == '=HYPERLINK("x")' and formula_like.data_type == "s"
    assert sheet.cell(row=3, column=3).value is None

"""One labelled table (rows × columns of values) that every analysis returns.

Keeping a single shape means the CLI, the exports and the plots each handle
tables once, whatever produced them. Exports keep Korean intact: CSV is
UTF-8 with a byte-order mark (so Excel does not garble Hangul), and XLSX
cells are always written as values, never as formulas, because code names
and testimony text may start with '=' and must not run in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moksori.outputs import open_output, write_output
from moksori.spreadsheet import Sheet, csv_cell, xlsx_bytes

Value = int | float | str | None


@dataclass
class Table:
    rows: list[str]
    columns: list[str]
    values: list[list[Value]]
    title: str = ""
    row_header: str = ""
    column_header: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.values) != len(self.rows) or any(
            len(line) != len(self.columns) for line in self.values
        ):
            raise ValueError("a table needs one value per row and column")

    def cell(self, row: str, column: str) -> Value:
        return self.values[self.rows.index(row)][self.columns.index(column)]

    def row(self, row: str) -> dict[str, Value]:
        return dict(zip(self.columns, self.values[self.rows.index(row)], strict=True))

    def column(self, column: str) -> dict[str, Value]:
        j = self.columns.index(column)
        return {r: line[j] for r, line in zip(self.rows, self.values, strict=True)}

    def select_rows(self, keep: Sequence[str]) -> Table:
        """The same table with only these rows, in this order."""
        index = [self.rows.index(r) for r in keep]
        return Table(
            [self.rows[i] for i in index],
            list(self.columns),
            [list(self.values[i]) for i in index],
            self.title,
            self.row_header,
            self.column_header,
            dict(self.meta),
        )

    def nonzero_rows(self) -> Table:
        """Drop rows that are all zero or empty (for plots and short listings)."""
        return self.select_rows([r for r, v in zip(self.rows, self.values, strict=True) if any(v)])

    def drop_empty_columns(self, candidates: Sequence[str]) -> Table:
        """Drop those of ``candidates`` that hold nothing (e.g. a '(no case)' column)."""
        keep = [
            j
            for j, c in enumerate(self.columns)
            if c not in candidates or any(line[j] for line in self.values)
        ]
        return Table(
            list(self.rows),
            [self.columns[j] for j in keep],
            [[line[j] for j in keep] for line in self.values],
            self.title,
            self.row_header,
            self.column_header,
            dict(self.meta),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "row_header": self.row_header,
            "column_header": self.column_header,
            "rows": list(self.rows),
            "columns": list(self.columns),
            "values": [list(v) for v in self.values],
            "meta": dict(self.meta),
        }

    def records(self) -> list[list[Value]]:
        """Header line then one line per row, the shape both exports write."""
        header: list[Value] = [self.row_header or "", *self.columns]
        return [header, *([r, *v] for r, v in zip(self.rows, self.values, strict=True))]

    def to_csv(self, path: str | Path) -> Path:
        return write_output(path, self.csv_bytes())

    def csv_bytes(self) -> bytes:
        """UTF-8 with a BOM, so Excel opens Korean correctly; text never runs as a formula."""
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        for line in self.records():
            writer.writerow(["" if v is None else csv_cell(v) for v in line])
        return buffer.getvalue().encode("utf-8-sig")

    def to_parquet(self, path: str | Path) -> Path:
        """Columnar, typed, compressed: for tables of many thousand codings."""
        import pyarrow as pa  # lazy: pyarrow (~0.1 s to import) only for Parquet
        import pyarrow.parquet as pq  # lazy: as above

        path = Path(path)
        data: dict[str, list[Any]] = {self.row_header: list(self.rows)}
        for j, column in enumerate(self.columns):
            data[column] = [row[j] for row in self.values]
        with open_output(path) as fh:
            pq.write_table(pa.table(data), fh)
        return path

    def to_xlsx(self, path: str | Path) -> Path:
        return write_output(path, self.xlsx_bytes())

    def xlsx_bytes(self) -> bytes:
        """The workbook made in memory (see moksori.spreadsheet: no temporary file)."""

        sheet = Sheet(
            _sheet_title(self.title), self.records(), bold_first_column=True, freeze=(1, 1)
        )
        return xlsx_bytes([sheet])


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return cleaned[:31] or "moksori"

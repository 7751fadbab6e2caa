"""Excel workbooks made in memory.

openpyxl writes every sheet to a temporary file before zipping it, which would
put coded testimony and case attributes on disk in clear; XlsxWriter's
``in_memory`` mode never touches the disk. Strings are always written as
text, so a value starting with ``=`` is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter


@dataclass
class Sheet:
    title: str
    rows: Sequence[Sequence[Any]]  # the first row is the header
    bold_first_column: bool = False
    freeze: tuple[int, int] | None = None  # (row, column) of the first cell that scrolls


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.title)
        for i, line in enumerate(sheet.rows):
            for j, value in enumerate(line):
                style = bold if i == 0 or (j == 0 and sheet.bold_first_column) else None
                if value is None:
                    if style is not None:
                        ws.write_blank(i, j, None, style)
                elif isinstance(value, bool):
                    ws.write_boolean(i, j, value, style)
                elif isinstance(value, int | float):
                    ws.write_number(i, j, value, style)
                elif isinstance(value, dt.date):
                    ws.write_datetime(i, j, dt.datetime(value.year, value.month, value.day), date)
                else:
                    ws.write_string(i, j, str(value), style)
        if sheet.freeze is not None:
            ws.freeze_panes(*sheet.freeze)
    book.close()
    return buffer.getvalue()

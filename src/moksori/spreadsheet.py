"""Spreadsheet cells that never run, and Excel workbooks made in memory.

Testimony, code names and memos may start with ``=``, ``+``, ``-`` or ``@``; a
spreadsheet opening a CSV runs such a cell as a formula (``=HYPERLINK(…)``
can send data away). :func:`csv_cell` is the one rule every CSV writer uses:
a text cell that would run gets a leading ``'``; numbers stay numbers.
:func:`csv_uncell` undoes it on import, so an export imports back unchanged.

openpyxl writes every sheet to a temporary file before zipping it, which would
put coded testimony and case attributes on disk in clear; XlsxWriter's
``in_memory`` mode never touches the disk. Strings are always written as
text, and one that would run gets Excel's quote prefix (kept as text even when
the cell is edited), so a value starting with ``=`` is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# A cell a spreadsheet would run: =, +, -, @, tab or carriage return first (also
# the full-width ＝ ＋ － ＠ that East Asian Excel reads as the same), after any
# quotes, so that escaping stays reversible.
TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
_RUNS = re.compile(f"'*[{re.escape(TRIGGERS)}]")


def would_run(text: str) -> bool:
    """True if a spreadsheet could take this text cell for a formula."""
    return text[:1] != "" and text[0] in TRIGGERS


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell: text that would run as a formula gets a leading ``'``.

    Only strings are escaped: ``-3`` as a number is a number, not text.
    """
    if isinstance(value, str) and _RUNS.match(value):
        return "'" + value
    return value


def csv_uncell(text: str) -> str:
    """Undo :func:`csv_cell` on a cell read back from CSV."""
    return text[1:] if text.startswith("'") and _RUNS.match(text, 1) else text


@dataclass
class Sheet:
    title: str
    rows: Sequence[Sequence[Any]]  # the first row is the header
    bold_first_column: bool = False
    freeze: tuple[int, int] | None = None  # (row, column) of the first cell that scrolls


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    import xlsxwriter  # only when a workbook is made: the CSV rule above is imported widely

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    quoted = book.add_format({"quote_prefix": True})
    bold_quoted = book.add_format({"bold": True, "quote_prefix": True})
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
                    text = str(value)
                    if would_run(text):
                        style = quoted if style is None else bold_quoted
                    ws.write_string(i, j, text, style)
        if sheet.freeze is not None:
            ws.freeze_panes(*sheet.freeze)
    book.close()
    return buffer.getvalue()

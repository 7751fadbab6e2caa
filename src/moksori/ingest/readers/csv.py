"""Survey exports and coded spreadsheets saved as CSV: one document per row.

The free-text answer becomes the document; every other column (respondent id,
age group, year of arrival...) becomes an attribute to filter by.
"""

from __future__ import annotations

import csv
import io

from moksori.errors import CorruptFile, EmptyFile
from moksori.ingest.decode import decode_bytes
from moksori.ingest.limits import Limits
from moksori.ingest.model import Block, Extracted

TEXT_COLUMN_NAMES = ("text", "answer", "response", "응답", "답변", "내용")
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"


def read_csv(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """One Extracted per data row; ``part`` is "row N" in spreadsheet numbering.

    Row 1 is the header, so the first data row is "row 2" — the number a
    researcher sees when opening the file in a spreadsheet program.
    """
    decoded = decode_bytes(data, source)
    text = decoded.text.lstrip("\ufeff")
    rows = _parse(text, source)
    first = next((i for i, row in enumerate(rows) if _filled(row)), None)
    if first is None:
        raise EmptyFile(source, "CSV file has no content")
    header = _header(rows[first])
    body = [(number, row) for number, row in enumerate(rows, start=1) if number > first + 1]
    if not any(_filled(row) for _, row in body):
        raise EmptyFile(source, "CSV file has a header but no data rows")
    width = len(header)
    text_col = pick_text_column(header, [row for _, row in body])
    skipped = 0
    ragged = 0
    out: list[Extracted] = []
    for number, row in body:
        if not _filled(row):
            continue  # a blank line; keeps its number so later rows match the spreadsheet
        if len(row) != width:
            ragged += 1
            row = (row + [""] * width)[:width]
        answer = row[text_col].strip()
        if not answer:
            skipped += 1
            continue
        attributes = {
            name: value.strip()
            for col, (name, value) in enumerate(zip(header, row, strict=True))
            if col != text_col and value.strip()
        }
        out.append(
            Extracted(
                blocks=[Block(answer, kind="row")],
                format="csv",
                encoding=decoded.encoding,
                quality=decoded.quality,
                replaced_chars=decoded.replaced_chars,
                attributes=attributes,
                part=f"row {number}",
            )
        )
    if not out:
        raise EmptyFile(source, f"column {header[text_col]!r} is empty in every row")
    summary = {
        "text_column": header[text_col],
        "rows": sum(1 for _, row in body if _filled(row)),
        "skipped_empty_rows": skipped,
        "ragged_rows": ragged,
    }
    for item in out:
        item.metadata.update(summary)
    return out


def _parse(text: str, source: str) -> list[list[str]]:
    sample = text[:_SNIFF_BYTES]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            sample, delimiters=_DELIMITERS
        )
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error:
        raise CorruptFile(source, "malformed CSV (unbalanced quotes or bad delimiter)") from None
    return rows


def _filled(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _header(row: list[str]) -> list[str]:
    """Column names, with blanks and duplicates made unique ("column 3")."""
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(row, start=1):
        name = cell.strip() or f"column {i}"
        if name in seen:
            name = f"{name} ({i})"
        seen.add(name)
        names.append(name)
    return names


def pick_text_column(header: list[str], rows: list[list[str]]) -> int:
    """A column named like an answer, else the one with the most text on average."""
    lowered = [name.casefold() for name in header]
    for wanted in TEXT_COLUMN_NAMES:
        if wanted in lowered:
            return lowered.index(wanted)
    totals = [0] * len(header)
    for row in rows:
        for i, cell in enumerate(row[: len(header)]):
            totals[i] += len(cell.strip())
    return max(range(len(header)), key=lambda i: totals[i])

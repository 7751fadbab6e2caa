"""Case attributes to and from CSV and XLSX: one row per case, first column its name.

Researchers keep participant details in spreadsheets, so an import must
accept what Excel and Hangul Office save (UTF-8 with or without BOM, CP949,
UTF-16; comma, semicolon or tab) and must never half-apply: the whole import
is one transaction, and a value that does not fit its attribute's type fails
it with the row number (row 1 is the header) and the column name.

Rules:

* The first column holds case names, whatever its header. A case that does
  not exist is created; a name given twice is an error.
* Every other column is an attribute. A new one gets the type the caller
  gives (``{"birth_year": "integer", "age_band": "ordinal:20대,30대,40대"}``),
  else the type in an XLSX ``attributes`` sheet (written by export), else an
  inferred one (:func:`moksori.coding.attributes.infer_type`: boolean words,
  integer, float, full dates, else text). A new category without levels takes
  the column's values, in order of first appearance; an ordinal needs them.
* A blank cell removes that case's value, so exporting, editing and
  importing again round-trips exactly. Attributes not in the file are left
  alone; so are columns without a header and without values.

Export writes CSV as UTF-8 with a BOM (so Excel shows Korean correctly) and
XLSX with typed cells plus an ``attributes`` sheet that carries types and
levels. Text cells that start with "=" stay text in XLSX, never formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori.coding.attributes import (
    Attribute,
    canonical,
    check_type,
    clean_levels,
    clean_name,
    infer_type,
    is_blank,
)
from moksori.coding.audited import Action, Event, change
from moksori.coding.cases import Cases
from moksori.errors import AttributeValueError, CodingError
from moksori.ingest.limits import Limits, open_zip_safely
from moksori.ingest.untrusted_xml import check_xml_parts
from moksori.outputs import write_output
from moksori.spreadsheet import Sheet, csv_cell, csv_uncell, xlsx_bytes

CASE_COLUMN = "case"
CASES_SHEET = "cases"
ATTRIBUTES_SHEET = "attributes"
ATTRIBUTE_COLUMNS = ("name", "type", "levels", "description")
SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")


@dataclass
class Table:
    """What a file holds: header, data rows with their row numbers, declared types."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]
    declared: dict[str, tuple[str, list[str], str]] = field(default_factory=dict)


@dataclass
class ImportReport:
    cases_created: list[str] = field(default_factory=list)
    cases_updated: list[str] = field(default_factory=list)
    attributes_created: list[dict[str, Any]] = field(default_factory=list)
    values_set: int = 0
    values_cleared: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_type_spec(spec: str) -> tuple[str, list[str] | None]:
    """``integer`` → ("integer", None); ``ordinal:20대,30대`` → ("ordinal", ["20대", "30대"])."""
    type_, _, levels = spec.partition(":")
    parsed = [x.strip() for x in levels.split(",")] if levels.strip() else None
    return check_type(type_), parsed


# --- reading -------------------------------------------------------------------
def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise CodingError(f"{path.name}: give a .csv or .xlsx file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodingError(f"{path.name}: cannot read file ({exc.strerror})") from None
    table = _read_xlsx(data, path.name) if suffix == ".xlsx" else _read_csv(data, path.name)
    if not table.header or is_blank(table.header[0]) and not table.rows:
        raise CodingError(f"{path.name}: the file is empty; row 1 should name the columns")
    return table


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CodingError(f"{source}: not UTF-8 or CP949 text; save it as CSV UTF-8")


def _read_csv(data: bytes, source: str) -> Table:
    text = _decode(data, source)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    try:
        records = [
            [csv_uncell(cell) for cell in record]
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise CodingError(f"{source}: not a readable CSV file ({exc})") from None
    if not records:
        return Table([], [])
    return Table(
        [str(h) for h in records[0]], [(n, list(r)) for n, r in enumerate(records[1:], start=2)]
    )


def _read_xlsx(data: bytes, source: str) -> Table:
    import openpyxl  # slow to import; only here

    limits = Limits()
    with open_zip_safely(data, source, limits) as zf:
        check_xml_parts(zf, source, limits)  # no DTDs, no zip bombs
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise CodingError(f"{source}: not a readable XLSX workbook") from None
    try:
        sheet = book[CASES_SHEET] if CASES_SHEET in book.sheetnames else book.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        declared = _declared(book[ATTRIBUTES_SHEET]) if ATTRIBUTES_SHEET in book.sheetnames else {}
    finally:
        book.close()
    if not rows:
        return Table([], [])
    header = ["" if h is None else str(h) for h in rows[0]]
    return Table(header, [(n, r) for n, r in enumerate(rows[1:], start=2)], declared)


def _declared(sheet: Any) -> dict[str, tuple[str, list[str], str]]:
    """Types from an ``attributes`` sheet: name, type, levels (JSON list or a,b,c), description."""
    out: dict[str, tuple[str, list[str], str]] = {}
    for n, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = ["" if c is None else str(c).strip() for c in (*row, "", "", "", "")[:4]]
        name, type_, levels, description = cells
        if not name:
            continue
        try:
            parsed = json.loads(levels) if levels.startswith("[") else levels.split(",")
        except json.JSONDecodeError:
            raise CodingError(f"attributes sheet, row {n}: levels are not a list") from None
        try:
            out[name.casefold()] = (
                check_type(type_),
                [str(x).strip() for x in parsed if str(x).strip()],
                description,
            )
        except CodingError as exc:
            raise CodingError(f"attributes sheet, row {n}: {exc}") from None
    return out


# --- importing -----------------------------------------------------------------
def import_cases(cases: Cases, path: Path, types: Mapping[str, str] | None = None) -> ImportReport:
    """Apply a case table; all or nothing (see the module docstring)."""
    table = read_table(path)
    given = {k.strip().casefold(): parse_type_spec(v) for k, v in (types or {}).items()}
    columns = _columns(table)
    report = ImportReport()
    with change(cases.conn, cases.actor) as ch:
        attrs = {i: _attribute_for(cases, table, i, name, given, report) for i, name in columns}
        seen: dict[str, int] = {}
        for n, row in table.rows:
            cells = [*row, *[None] * (len(table.header) - len(row))]
            if all(is_blank(c) for c in cells):
                continue
            name = " ".join(str(cells[0] or "").split())
            if not name:
                raise AttributeValueError(f"row {n}: no case name in the first column")
            if name.casefold() in seen:
                raise AttributeValueError(
                    f"row {n}: case {name!r} is already in row {seen[name.casefold()]}"
                )
            seen[name.casefold()] = n
            case = cases.find(name)
            if case is None:
                case_id = cases._insert(name)
                report.cases_created.append(name)
            else:
                case_id = case.id
                report.cases_updated.append(case.name)
            for i, attr in attrs.items():
                value = cells[i]
                try:
                    stored = cases._store_value(case_id, attr, value)
                except AttributeValueError as exc:
                    raise AttributeValueError(
                        f"row {n}, column {attr.name!r} ({attr.type}): {exc}"
                    ) from None
                if stored is None:
                    report.values_cleared += 1
                else:
                    report.values_set += 1
        counts = {
            "cases_created": len(report.cases_created),
            "cases_updated": len(report.cases_updated),
            "attributes_created": len(report.attributes_created),
            "values_set": report.values_set,
            "values_cleared": report.values_cleared,
        }
        ch.record(Event(Action.ATTRIBUTE_SET, counts=counts, choice="import"))
    return report


def _columns(table: Table) -> list[tuple[int, str]]:
    """(index, name) of every attribute column; checks names are present and unique."""
    out: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(table.header[1:], start=1):
        if is_blank(raw):
            if any(i < len(r) and not is_blank(r[i]) for _, r in table.rows):
                raise AttributeValueError(f"row 1: column {i + 1} has values but no name")
            continue
        try:
            name = clean_name(str(raw))
        except CodingError as exc:
            raise AttributeValueError(f"row 1, column {i + 1}: {exc}") from None
        if name.casefold() in seen:
            raise AttributeValueError(f"row 1: column {name!r} appears twice")
        seen[name.casefold()] = i
        out.append((i, name))
    return out


def _attribute_for(
    cases: Cases,
    table: Table,
    index: int,
    name: str,
    given: dict[str, tuple[str, list[str] | None]],
    report: ImportReport,
) -> Attribute:
    existing = cases.find_attribute(name)
    wanted = given.get(name.casefold())
    if existing is not None:
        if wanted is not None and wanted[0] != existing.type:
            raise CodingError(
                f"attribute {existing.name!r} is already {existing.type}, not {wanted[0]}"
            )
        return existing
    column = [r[index] if index < len(r) else None for _, r in table.rows]
    description = ""
    if wanted is not None:
        type_, levels = wanted
    elif name.casefold() in table.declared:
        type_, levels, description = table.declared[name.casefold()]
    else:
        type_, levels = infer_type(column), None
    if type_ == "category" and not levels:
        levels = _first_spellings(column)
    if type_ == "ordinal" and not levels:
        raise CodingError(
            f"column {name!r}: an ordinal attribute needs its levels in order, "
            f"e.g. --type '{name}=ordinal:20s,30s,40s'"
        )
    attr = cases.attribute(cases._define(name, type_, clean_levels(type_, levels), description))
    report.attributes_created.append({"name": attr.name, "type": attr.type, "levels": attr.levels})
    return attr


def _first_spellings(column: list[Any]) -> list[str]:
    levels: dict[str, str] = {}
    for value in column:
        if not is_blank(value):
            text = canonical("text", value)
            levels.setdefault(text.casefold(), text)
    return list(levels.values())


# --- exporting -----------------------------------------------------------------
def export_cases(cases: Cases, path: Path) -> int:
    """Write every case and attribute to .csv or .xlsx; returns the number of cases."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise CodingError(f"{path.name}: export to a .csv or .xlsx file")
    attrs = cases.attributes()
    rows = cases.table()
    header = [CASE_COLUMN, *(a.name for a in attrs)]
    if suffix == ".csv":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_cell(row[h]) for h in header])
        write_output(path, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    else:
        _write_xlsx(path, header, rows, attrs)
    return len(rows)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(csv_cell(value))  # text that would run as a formula gets a leading '; numbers not


def _write_xlsx(
    path: Path, header: list[str], rows: list[dict[str, Any]], attrs: list[Attribute]
) -> None:
    types = [
        [
            a.name,
            a.type,
            json.dumps(a.levels, ensure_ascii=False) if a.levels else "",
            a.description,
        ]
        for a in attrs
    ]
    write_output(
        path,
        xlsx_bytes(
            [
                Sheet(CASES_SHEET, [header, *([row[h] for h in header] for row in rows)]),
                Sheet(ATTRIBUTES_SHEET, [list(ATTRIBUTE_COLUMNS), *types]),
            ]
        ),
    )

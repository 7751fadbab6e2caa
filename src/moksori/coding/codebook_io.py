"""Codebook import and export as YAML (the whole tree, with links) and CSV (one row per code).

Teams pass codebooks around before and between coding rounds, so import
merges by path: a code that exists gets its non-empty fields updated, a new
one is created under its parent, and nothing is deleted. An import is one
transaction: a bad row leaves the codebook as it was.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from typing import Any

import yaml

from moksori.coding.audited import Action, Event, change
from moksori.coding.codebook import PATH_SEPARATOR, Code, Codebook
from moksori.errors import CodingError
from moksori.spreadsheet import csv_cell, csv_uncell

CSV_COLUMNS = (
    "path",
    "alt_name",
    "definition",
    "inclusion",
    "exclusion",
    "examples",
    "colour",
    "core",
    "codable",
)
EXAMPLE_SEPARATOR = " | "
_TRUE = {"1", "true", "yes", "y", "예", "네", "x", "✓"}


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    links: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- export -----------------------------------------------------------------
def _fields(code: Code) -> dict[str, Any]:
    out: dict[str, Any] = {"name": code.name}
    if code.alt_name:
        out["alt_name"] = code.alt_name
    for key in ("definition", "inclusion", "exclusion"):
        if getattr(code, key):
            out[key] = getattr(code, key)
    if code.examples:
        out["examples"] = list(code.examples)
    if code.colour:
        out["colour"] = code.colour
    if code.is_core:
        out["core"] = True
    if not code.codable:
        out["codable"] = False
    return out


def export_yaml(book: Codebook) -> str:
    codes = book.tree()
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for c in codes:
        node = _fields(c)
        nodes[c.id] = node
        if c.parent_id is None:
            roots.append(node)
        else:
            nodes[c.parent_id].setdefault("children", []).append(node)
    doc: dict[str, Any] = {"codebook": roots}
    links = [
        {
            k: v
            for k, v in (
                ("from", link.from_code),
                ("to", link.to_code),
                ("relation", link.relation),
                ("memo", link.memo),
            )
            if v
        }
        for link in book.links()
    ]
    if links:
        doc["links"] = links
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def export_csv(book: Codebook) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for c in book.tree():
        w.writerow(
            csv_cell(cell)
            for cell in [
                c.path,
                c.alt_name or "",
                c.definition,
                c.inclusion,
                c.exclusion,
                EXAMPLE_SEPARATOR.join(c.examples),
                c.colour or "",
                "yes" if c.is_core else "",
                "" if c.codable else "no",
            ]
        )
    return buf.getvalue()


# --- import -----------------------------------------------------------------
def _upsert(
    book: Codebook, parent: str | None, spec: dict[str, Any], where: str, report: ImportReport
) -> str:
    name = str(spec.get("name", "")).strip()
    if not name:
        raise CodingError(f"{where}: a code without a name")
    path = f"{parent}{PATH_SEPARATOR}{name}" if parent else name
    fields: dict[str, Any] = {}
    for key in ("alt_name", "definition", "inclusion", "exclusion", "colour"):
        if spec.get(key):
            fields[key] = str(spec[key])
    if spec.get("examples"):
        examples = spec["examples"]
        fields["examples"] = [
            str(e) for e in (examples if isinstance(examples, list) else [examples])
        ]
    if "codable" in spec and spec["codable"] is not None:
        fields["codable"] = _truthy(spec["codable"])
    existing = book.find(path)
    try:
        if existing is None:
            code = book.create(name, parent, **fields)
            report.created.append(code.path)
        else:
            if fields:
                book.update(existing.id, **fields)
                report.updated.append(existing.path)
            code = existing
    except CodingError as exc:
        raise CodingError(f"{where}: {exc}") from None
    if _truthy(spec.get("core", False)):
        book.conn.execute("UPDATE code SET is_core = 0 WHERE is_core = 1 AND id != ?", (code.id,))
        book.conn.execute("UPDATE code SET is_core = 1 WHERE id = ?", (code.id,))
    return path


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().casefold() in _TRUE


def import_yaml(book: Codebook, text: str) -> ImportReport:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CodingError(f"not a readable YAML codebook ({exc.__class__.__name__})") from None
    if isinstance(doc, list):
        doc = {"codebook": doc}
    if not isinstance(doc, dict) or not isinstance(doc.get("codebook", []), list):
        raise CodingError("a YAML codebook is a list of codes under 'codebook:'")
    report = ImportReport()
    with change(book.conn, book.actor) as ch:

        def walk(items: list[Any], parent: str | None, where: str) -> None:
            for i, spec in enumerate(items, 1):
                here = f"{where} item {i}"
                if isinstance(spec, str):
                    spec = {"name": spec}
                if not isinstance(spec, dict):
                    raise CodingError(f"{here}: expected a code (a mapping with a name)")
                path = _upsert(book, parent, spec, here, report)
                kids = spec.get("children") or []
                if not isinstance(kids, list):
                    raise CodingError(f"{here}: 'children' must be a list")
                walk(kids, path, f"{here} ›")

        walk(doc.get("codebook") or [], None, "codebook")
        for i, link in enumerate(doc.get("links") or [], 1):
            if not isinstance(link, dict) or not {"from", "to", "relation"} <= set(link):
                raise CodingError(f"links item {i}: needs from, to and relation")
            known = {(k.from_code, k.to_code, k.relation) for k in book.links()}
            a, b = book.get(link["from"]), book.get(link["to"])
            if (a.path, b.path, " ".join(str(link["relation"]).split())) in known:
                continue
            book.link(a.id, b.id, str(link["relation"]), link.get("memo"))
            report.links += 1
        ch.record(import_event(report, "yaml"))
    return report


def import_csv(book: Codebook, text: str) -> ImportReport:
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "path" not in [f.strip().lower() for f in reader.fieldnames]:
        raise CodingError("a CSV codebook needs a 'path' column (e.g. Category/Code)")
    report = ImportReport()
    with change(book.conn, book.actor) as ch:
        for n, raw in enumerate(reader, 2):  # row 1 is the header
            row = {k.strip().lower(): csv_uncell((v or "").strip()) for k, v in raw.items() if k}
            parts = [p.strip() for p in row.get("path", "").split(PATH_SEPARATOR) if p.strip()]
            if not parts:
                raise CodingError(f"row {n}, column path: empty")
            for depth in range(len(parts) - 1):  # make missing categories on the way
                parent = PATH_SEPARATOR.join(parts[:depth]) or None
                if book.find(PATH_SEPARATOR.join(parts[: depth + 1])) is None:
                    _upsert(book, parent, {"name": parts[depth]}, f"row {n}", report)
            spec: dict[str, Any] = {k: row.get(k) for k in CSV_COLUMNS[1:] if row.get(k)}
            if "examples" in spec:
                spec["examples"] = [e.strip() for e in spec["examples"].split("|") if e.strip()]
            spec["name"] = parts[-1]
            _upsert(book, PATH_SEPARATOR.join(parts[:-1]) or None, spec, f"row {n}", report)
        ch.record(import_event(report, "csv"))
    return report


def import_event(report: ImportReport, fmt: str) -> Event:
    """The one audit event of a codebook import: counts and the format, never names."""
    counts = {"created": len(report.created), "updated": len(report.updated), "links": report.links}
    return Event(Action.CODEBOOK_IMPORT, counts=counts, choice=fmt)

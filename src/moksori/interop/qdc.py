"""Codebook exchange as a REFI-QDA ``.qdc`` file (root ``CodeBook``, Codebook.xsd).

The standard gives a code only a guid, a name, ``isCodable``, a colour and one
free-text ``Description``. moksori's definition, criteria and examples must
survive a trip through NVivo or ATLAS.ti, so they go into the Description in a
layout a person can read there and moksori can parse back::

    Remarks about a northern accent        <- the definition, first

    [Other name]
    Speech

    [Include]
    Others notice or comment on it

    [Exclude]
    Dialect words alone

    [Examples]
    - 말투 때문에 사람들이 자꾸 물었어요
    - a second example, whose extra lines
      are indented by two spaces

    [Core category]

A marker is a line holding exactly ``[Other name]``, ``[Include]``,
``[Exclude]``, ``[Examples]`` or ``[Core category]``; a Description without
markers (what other tools write) is the definition alone.

Import merges like the YAML import: by path, existing codes updated, new ones
created, nothing deleted, GUIDs kept when free, all in one transaction.
Code sets are not modelled, so ``Sets`` are skipped with a note.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from moksori import __version__
from moksori.coding.audited import change
from moksori.coding.codebook import PATH_SEPARATOR, Code, Codebook
from moksori.coding.codebook_io import ImportReport, import_event
from moksori.errors import CodingError
from moksori.interop.refi import (
    CODEBOOK_NS,
    RefiError,
    local_name,
    namespace,
    normalise_colour,
    normalise_guid,
    parse_bool,
    parse_xml,
    qname,
    to_bytes,
)

OTHER_NAME = "[Other name]"
INCLUDE = "[Include]"
EXCLUDE = "[Exclude]"
EXAMPLES = "[Examples]"
CORE = "[Core category]"
_MARKERS = {
    m.casefold(): key
    for m, key in (
        (OTHER_NAME, "alt_name"),
        (INCLUDE, "inclusion"),
        (EXCLUDE, "exclusion"),
        (EXAMPLES, "examples"),
        (CORE, "core"),
    )
}
# A slash separates path parts in moksori; other tools allow it in names.
_SLASH_STANDIN = "\uff0f"  # FULLWIDTH SOLIDUS, looks the same


@dataclass
class QdcImportReport(ImportReport):
    """ImportReport plus notes on what was adapted or skipped (never silently)."""

    notes: list[str] = field(default_factory=list)


# --- the Description layout -------------------------------------------------------
def format_description(code: Code) -> str:
    """Definition, then one marked section per non-empty field (see the module docstring)."""
    parts: list[str] = []
    if code.definition:
        parts.append(code.definition)
    for marker, value in (
        (OTHER_NAME, code.alt_name),
        (INCLUDE, code.inclusion),
        (EXCLUDE, code.exclusion),
    ):
        if value:
            parts.append(f"{marker}\n{value}")
    if code.examples:
        bullets = "\n".join("- " + e.strip().replace("\n", "\n  ") for e in code.examples)
        parts.append(f"{EXAMPLES}\n{bullets}")
    if code.is_core:
        parts.append(CORE)
    return "\n\n".join(parts)


def parse_description(text: str) -> dict[str, Any]:
    """The fields format_description wrote; unmarked text is all definition."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    sections: dict[str, list[str]] = {"definition": []}
    current = "definition"
    for line in text.split("\n"):
        key = _MARKERS.get(line.strip().casefold())
        if key is not None:
            current = key
            sections.setdefault(key, [])
        else:
            sections.setdefault(current, []).append(line)
    out: dict[str, Any] = {}
    for key, lines in sections.items():
        if key == "examples":
            out[key] = _examples(lines)
        elif key == "core":
            out[key] = True
        else:
            out[key] = "\n".join(lines).strip()
    return out


def _examples(lines: list[str]) -> list[str]:
    found: list[list[str]] = []
    for line in lines:
        if line.startswith("- ") or line.strip() == "-":
            found.append([line[2:]])
        elif line.startswith("  ") and found:
            found[-1].append(line[2:])
        elif line.strip():  # hand-written, without bullets
            found.append([line.strip()])
    return [e for e in ("\n".join(parts).strip() for parts in found) if e]


# --- export -----------------------------------------------------------------------
def export_qdc(book: Codebook) -> bytes:
    """The whole code tree as a ``.qdc`` (UTF-8 XML that validates against Codebook.xsd)."""
    codes = book.tree()
    if not codes:
        raise RefiError("the codebook is empty; a .qdc file needs at least one code")
    root = etree.Element(
        qname("CodeBook", CODEBOOK_NS), nsmap={None: CODEBOOK_NS}, origin=f"moksori {__version__}"
    )
    holder = etree.SubElement(root, qname("Codes", CODEBOOK_NS))
    elements: dict[int, etree._Element] = {}
    for c in codes:  # parents come before children, so Description precedes sub-codes
        parent = elements[c.parent_id] if c.parent_id is not None else holder
        try:
            el = etree.SubElement(
                parent,
                qname("Code", CODEBOOK_NS),
                guid=normalise_guid(c.guid) or c.guid,
                name=c.name,
                isCodable="true" if c.codable else "false",
            )
            if c.colour:
                el.set("color", c.colour)
            description = format_description(c)
            if description:
                etree.SubElement(el, qname("Description", CODEBOOK_NS)).text = description
        except ValueError:
            raise RefiError(
                f"code {c.path!r} holds a control character XML cannot carry; edit it first"
            ) from None
        elements[c.id] = el
    return to_bytes(root)


# --- import -----------------------------------------------------------------------
@dataclass
class CodeSpec:
    name: str
    line: int
    guid: str | None
    codable: bool
    colour: str | None
    fields: dict[str, Any]
    children: list[CodeSpec]


def read_code(el: etree._Element, what: str, notes: list[str]) -> CodeSpec:
    line = el.sourceline or 0
    where = f"{what}, line {line}"
    name = " ".join(unicodedata.normalize("NFC", el.get("name") or "").split())
    if not name:
        raise RefiError(f"{where}: a Code without a name")
    if PATH_SEPARATOR in name:
        name = name.replace(PATH_SEPARATOR, _SLASH_STANDIN)
        notes.append(f"line {line}: code {name!r}: '/' in its name written as '{_SLASH_STANDIN}'")
    raw_guid = el.get("guid")
    guid = normalise_guid(raw_guid)
    if guid is None:
        notes.append(f"line {line}: code {name!r} has no valid GUID; a new one was given")
    codable = parse_bool(el.get("isCodable"))
    if codable is None:
        if el.get("isCodable") is not None:
            raise RefiError(f"{where}: isCodable must be true or false")
        codable = True
        notes.append(f"line {line}: code {name!r} has no isCodable; taken as codable")
    colour = normalise_colour(el.get("color"))
    if el.get("color") is not None and colour is None:
        notes.append(f"line {line}: colour of code {name!r} is not #RGB or #RRGGBB; ignored")
    fields: dict[str, Any] = {}
    children: list[CodeSpec] = []
    for child in el:
        kind = local_name(child)
        if kind == "Description":
            fields = parse_description(child.text or "")
        elif kind == "Code":
            children.append(read_code(child, what, notes))
    return CodeSpec(name, line, guid, codable, colour, fields, children)


def _read(root: etree._Element, what: str, report: QdcImportReport) -> list[CodeSpec]:
    """Check the document's shape and read every code, before anything is written."""
    kind = local_name(root)
    if kind != "CodeBook":
        hint = "; for a whole project use `moksori import`" if kind == "Project" else ""
        raise RefiError(f"{what}: the root element is <{kind}>, not a REFI-QDA <CodeBook>{hint}")
    if namespace(root) != CODEBOOK_NS:
        report.notes.append(f"the CodeBook is not in the namespace {CODEBOOK_NS}; read anyway")
    parts = [c for c in root if local_name(c)]
    holders = [c for c in parts if local_name(c) == "Codes"]
    if len(holders) != 1:
        raise RefiError(f"{what}: a CodeBook needs exactly one <Codes> element")
    n_sets = sum(1 for s in parts if local_name(s) == "Sets" for c in s if local_name(c) == "Set")
    if n_sets:
        report.notes.append(f"{n_sets} code set(s) skipped: moksori has no code sets")
    return [read_code(c, what, report.notes) for c in holders[0] if local_name(c) == "Code"]


def import_qdc(book: Codebook, data: bytes, *, what: str = "the codebook file") -> QdcImportReport:
    """Merge a ``.qdc`` into the codebook by path; nothing is deleted. ``what`` names the file."""
    report = QdcImportReport()
    specs = _read(parse_xml(data, what), what, report)
    by_path = {c.path.casefold(): c for c in book.tree()}
    with change(book.conn, book.actor) as ch:  # one import, one audit event

        def walk(items: list[CodeSpec], parent: Code | None) -> None:
            for spec in items:
                try:
                    code = apply_code(book, spec, parent, by_path, report)
                except CodingError as exc:
                    raise RefiError(f"{what}, line {spec.line}: {exc}") from None
                walk(spec.children, code)

        walk(specs, None)
        ch.record(import_event(report, "qdc"))
    return report


def apply_code(
    book: Codebook,
    spec: CodeSpec,
    parent: Code | None,
    by_path: dict[str, Code],
    report: QdcImportReport,
) -> Code:
    path = f"{parent.path}{PATH_SEPARATOR}{spec.name}" if parent else spec.name
    wanted: dict[str, Any] = {
        k: v for k, v in spec.fields.items() if k not in ("core", "definition") and v
    }
    if spec.fields.get("definition"):
        wanted["definition"] = spec.fields["definition"]
    if spec.colour:
        wanted["colour"] = spec.colour
    wanted["codable"] = spec.codable
    existing = by_path.get(path.casefold())
    if existing is None:
        guid = spec.guid
        if guid and book.conn.execute("SELECT 1 FROM code WHERE guid = ?", (guid,)).fetchone():
            report.notes.append(f"line {spec.line}: GUID of {path!r} already used; a new one given")
            guid = None
        code = book.create(spec.name, parent.id if parent else None, guid=guid, **wanted)
        report.created.append(code.path)
    else:
        changed = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
        code = book.update(existing.id, **changed) if changed else existing
        if changed:
            report.updated.append(code.path)
    if spec.fields.get("core") and not code.is_core:
        book.conn.execute("UPDATE code SET is_core = 0 WHERE is_core = 1")
        book.conn.execute("UPDATE code SET is_core = 1 WHERE id = ?", (code.id,))
        if existing is not None and code.path not in report.updated:
            report.updated.append(code.path)
    by_path[code.path.casefold()] = code
    return code

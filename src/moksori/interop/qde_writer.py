"""Build a REFI-QDA 1.0 ``project.qde`` from plain records, in the order the schema enforces.

The records are tool-neutral, so the exporter, the fixture generator and
tests can all produce a project file the same way. Child order follows
Project.xsd (Users, CodeBook, Variables, Cases, Sources, Notes, Links, Sets,
Graphs, Description, NoteRef*); a wrong order fails validation in every tool.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from moksori.interop.refi import PROJECT_NS, to_bytes

_Q = f"{{{PROJECT_NS}}}"
# Characters XML 1.0 cannot carry at all; dropped from names and descriptions.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
VARIABLE_TYPES = ("Text", "Boolean", "Integer", "Float", "Date", "DateTime")
VALUE_ELEMENTS = {
    "Text": "TextValue",
    "Boolean": "BooleanValue",
    "Integer": "IntegerValue",
    "Float": "FloatValue",
    "Date": "DateValue",
    "DateTime": "DateTimeValue",
}


@dataclass
class User:
    guid: str
    name: str


@dataclass
class Code:
    guid: str
    name: str
    codable: bool
    colour: str | None = None
    description: str = ""
    notes: list[str] = field(default_factory=list)  # Note GUIDs
    children: list[Code] = field(default_factory=list)


@dataclass
class Variable:
    guid: str
    name: str
    type: str  # one of VARIABLE_TYPES
    description: str = ""


@dataclass
class Value:
    variable: str  # Variable GUID
    type: str
    text: str  # already in the XSD lexical form of its type


@dataclass
class Case:
    guid: str
    name: str
    description: str = ""
    values: list[Value] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # TextSource GUIDs
    selections: list[str] = field(default_factory=list)  # PlainTextSelection GUIDs


@dataclass
class Coding:
    guid: str
    code: str  # Code GUID
    user: str | None = None
    created: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Selection:
    guid: str
    start: int
    end: int
    user: str | None = None
    created: str | None = None
    name: str | None = None
    description: str = ""
    codings: list[Coding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # an annotation: the Note on this range


@dataclass
class TextSource:
    """A document or a note: its text lives in ``sources/<path GUID>.txt``."""

    guid: str
    name: str
    path: str  # plainTextPath, e.g. internal://<GUID>.txt
    user: str | None = None
    created: str | None = None
    modified: str | None = None
    description: str = ""
    selections: list[Selection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Link:
    guid: str
    name: str
    origin: str
    target: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Set:
    guid: str
    name: str
    description: str = ""
    codes: list[str] = field(default_factory=list)


@dataclass
class QdeProject:
    name: str
    origin: str = ""
    created: str | None = None
    description: str = ""
    users: list[User] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)  # top level; children nest
    variables: list[Variable] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    sources: list[TextSource] = field(default_factory=list)
    notes: list[TextSource] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sets: list[Set] = field(default_factory=list)
    project_notes: list[str] = field(default_factory=list)


def xml_text(text: str | None) -> str:
    """Text XML 1.0 can carry (control characters dropped)."""
    return _NOT_XML.sub("", text or "")


def _el(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag)
    for key, value in attrs.items():
        if value is not None:
            el.set(key, xml_text(value))
    return el


def _description(parent: etree._Element, text: str) -> None:
    if text.strip():
        _el(parent, "Description").text = xml_text(text)


def _refs(parent: etree._Element, tag: str, guids: list[str]) -> None:
    for guid in guids:
        _el(parent, tag, targetGUID=guid)


def _when(value: str | None) -> str | None:
    """An xsd:dateTime, or None: a malformed stamp is left out rather than made invalid."""
    return value if value and _DATETIME.fullmatch(value) else None


def _code(parent: etree._Element, code: Code) -> None:
    el = _el(
        parent,
        "Code",
        guid=code.guid,
        name=code.name,
        isCodable="true" if code.codable else "false",
        color=code.colour,
    )
    _description(el, code.description)
    _refs(el, "NoteRef", code.notes)
    for child in code.children:
        _code(el, child)


def _text_source(parent: etree._Element, tag: str, src: TextSource) -> None:
    el = _el(
        parent,
        tag,
        guid=src.guid,
        name=src.name,
        plainTextPath=src.path,
        creatingUser=src.user,
        creationDateTime=_when(src.created),
        modifiedDateTime=_when(src.modified),
    )
    _description(el, src.description)
    for sel in src.selections:
        s = _el(
            el,
            "PlainTextSelection",
            guid=sel.guid,
            name=sel.name,
            startPosition=str(sel.start),
            endPosition=str(sel.end),
            creatingUser=sel.user,
            creationDateTime=_when(sel.created),
        )
        _description(s, sel.description)
        for coding in sel.codings:
            c = _el(
                s,
                "Coding",
                guid=coding.guid,
                creatingUser=coding.user,
                creationDateTime=_when(coding.created),
            )
            _el(c, "CodeRef", targetGUID=coding.code)
            _refs(c, "NoteRef", coding.notes)
        _refs(s, "NoteRef", sel.notes)
    _refs(el, "NoteRef", src.notes)


def build_qde(project: QdeProject) -> bytes:
    """The UTF-8 XML of a project, schema order, pretty-printed."""
    root = etree.Element(_Q + "Project", nsmap={None: PROJECT_NS})
    root.set("name", xml_text(project.name) or "moksori project")
    if project.origin:
        root.set("origin", xml_text(project.origin))
    if _when(project.created):
        root.set("creationDateTime", str(project.created))
    if project.users:
        users = _el(root, "Users")
        for u in project.users:
            _el(users, "User", guid=u.guid, name=u.name)
    if project.codes:
        codes = _el(_el(root, "CodeBook"), "Codes")
        for code in project.codes:
            _code(codes, code)
    if project.variables:
        variables = _el(root, "Variables")
        for var in project.variables:
            v = _el(variables, "Variable", guid=var.guid, name=var.name, typeOfVariable=var.type)
            _description(v, var.description)
    if project.cases:
        cases = _el(root, "Cases")
        for case in project.cases:
            c = _el(cases, "Case", guid=case.guid, name=case.name)
            _description(c, case.description)
            for value in case.values:
                vv = _el(c, "VariableValue")
                _el(vv, "VariableRef", targetGUID=value.variable)
                _el(vv, VALUE_ELEMENTS[value.type]).text = xml_text(value.text)
            _refs(c, "SourceRef", case.sources)
            _refs(c, "SelectionRef", case.selections)
    if project.sources:
        sources = _el(root, "Sources")
        for src in project.sources:
            _text_source(sources, "TextSource", src)
    if project.notes:
        notes = _el(root, "Notes")
        for note in project.notes:
            _text_source(notes, "Note", note)
    if project.links:
        links = _el(root, "Links")
        for link in project.links:
            el = _el(
                links,
                "Link",
                guid=link.guid,
                name=link.name,
                direction="OneWay",
                originGUID=link.origin,
                targetGUID=link.target,
            )
            _refs(el, "NoteRef", link.notes)
    if project.sets:
        sets = _el(root, "Sets")
        for s in project.sets:
            el = _el(sets, "Set", guid=s.guid, name=s.name)
            _description(el, s.description)
            _refs(el, "MemberCode", s.codes)
    _description(root, project.description)
    _refs(root, "NoteRef", project.project_notes)
    return to_bytes(root)

"""Export a project as a REFI-QDA ``.qdpx`` for NVivo, ATLAS.ti, MAXQDA and QualCoder.

The package is a ZIP holding ``project.qde`` and every text under
``sources/<GUID>.txt`` (UTF-8 without BOM, NFC, LF), so positions, which are
code points with an exclusive end, mean the same in every tool.

GUIDs are stable across exports, so a re-export can be matched with the
last one: stored records keep their own GUIDs; documents, the Coding
elements, code links and case-link selections have none in the store, so
theirs are UUID5s of the project GUID (``meta.project_guid``) and the
record's id. A PlainTextSelection of a coding carries the coding's GUID.

``target`` names the tool the file is for: positions are code points as the
standard says (``refi``, the default), or UTF-16 code units for NVivo, which
counts them so (see :mod:`positions`); the origin then says so, so that
moksori reads its own NVivo export back right.

``redacted=True`` writes the de-identified view, for handing a coded
project to someone who must not see identities: the texts come from the
redacted view, every selection is carried across the replacements (one that
falls wholly inside removed text is dropped and counted), and free text
around the documents (names, titles, memos, descriptions, text values) is
scrubbed as a shared copy is (:mod:`moksori.protect.share`).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from moksori import __version__
from moksori.coding.attributes import to_python
from moksori.errors import OutputError
from moksori.interop import qde_writer as q
from moksori.interop.positions import EXPORTS, TARGETS, export_origin, export_units
from moksori.interop.qdc import format_description
from moksori.interop.refi import RefiError, normalise_guid
from moksori.outputs import open_output, private_dir
from moksori.project import Project
from moksori.protect.share import Scrubber
from moksori.protect.vault import Vault
from moksori.protect.view import ViewCache
from moksori.store.database import Connection
from moksori.store.documents import document_labels, document_text, documents_added

QDE_NAME = "project.qde"
SOURCES_DIR = "sources"
# REFI-QDA types of moksori's attribute types; levelled types travel as text.
VARIABLE_TYPES = {
    "text": "Text",
    "integer": "Integer",
    "float": "Float",
    "date": "Date",
    "boolean": "Boolean",
    "ordinal": "Text",
    "category": "Text",
}
# How a code's criteria are appended to its definition in the Description.
_FLAT = re.compile(r"[/\\:]")  # path separators QualCoder would follow when copying
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so two exports of one project are byte-identical


@dataclass
class ExportReport:
    path: str
    redacted: bool
    target: str = "refi"
    users: int = 0
    codes: int = 0
    variables: int = 0
    cases: int = 0
    sources: int = 0
    selections: int = 0
    selections_dropped: int = 0
    case_links_dropped: int = 0
    notes: int = 0
    notes_unattached: int = 0
    annotations: int = 0  # range memos, as an uncoded selection with its NoteRef
    links: int = 0
    names_scrubbed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class _Texts:
    """The texts and positions to write: stored, or the redacted view and scrubbed prose."""

    def __init__(
        self, conn: Connection, redacted: bool, vault: Vault | None, utf16: bool = False
    ) -> None:
        self.redacted = redacted
        self.utf16 = utf16
        self.flat = False  # QualCoder copies each source to documents/<name>: no separators
        self._units: dict[int, Callable[[int], int]] = {}
        self._views = ViewCache(conn, include_proposed=True) if redacted else None
        self._scrub = Scrubber.of(conn, vault) if redacted else None
        self._stored: dict[int, str] = {}
        self.conn = conn

    def text(self, doc_id: int) -> str:
        if self._views is not None:
            return self._views(doc_id).text
        if doc_id not in self._stored:
            self._stored[doc_id] = document_text(self.conn, doc_id)
        return self._stored[doc_id]

    def span(self, doc_id: int, start: int, end: int) -> tuple[int, int] | None:
        """The range in the written text, in the target's units; None when redaction
        removed all of it."""
        if self._views is not None:
            start, end = self._views(doc_id).map_range(start, end)
            if end <= start:
                return None
        if doc_id not in self._units:
            self._units[doc_id] = export_units(self.text(doc_id), self.utf16)
        unit = self._units[doc_id]
        return unit(start), unit(end)

    def name(self, text: str | None) -> str:
        """Short free text (names, titles, values): known names replaced."""
        return (self._scrub(text) if self._scrub else text) or ""

    def prose(self, text: str | None) -> str:
        """Memos and descriptions: known names replaced, then detected leftovers tagged."""
        return (self._scrub.deep(text) if self._scrub else text) or ""

    @property
    def scrubbed(self) -> int:
        return self._scrub.count if self._scrub else 0


class _Guids:
    """Stable GUIDs: stored ones in canonical form, derived ones as UUID5 of the project."""

    def __init__(self, conn: Connection) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'project_guid'").fetchone()
        seed = str(row[0]) if row else "no project guid"
        try:
            self.ns = uuid.UUID(seed)
        except ValueError:
            self.ns = uuid.uuid5(uuid.NAMESPACE_URL, f"moksori:{seed}")

    def derived(self, kind: str, key: object) -> str:
        return str(uuid.uuid5(self.ns, f"moksori:{kind}:{key}"))

    def stored(self, kind: str, value: str) -> str:
        return normalise_guid(value) or self.derived(kind, value)


def export_qdpx(
    project: Project,
    out: Path,
    *,
    redacted: bool = False,
    unreviewed_ok: bool = False,
    vault: Vault | None = None,
    target: str = "refi",
) -> ExportReport:
    """Write the project (or its de-identified view) as a ``.qdpx``; atomic, never half-written.

    A redacted export refuses while documents are unscanned or findings await
    review, unless ``unreviewed_ok`` (proposed findings are then redacted too).
    The vault, when given, adds every alias it knows to the names scrubbed.
    """
    if target not in TARGETS:
        raise RefiError(f"unknown export target {target!r}; use one of {', '.join(TARGETS)}")
    if redacted:
        project.deid.require_reviewed(unreviewed_ok)
    out = Path(out)
    report = ExportReport(str(out), redacted, target)
    texts = _Texts(project.conn, redacted, vault, EXPORTS[target].utf16)
    texts.flat = target == "qualcoder"
    model, files = _collect(project, texts, report)
    report.names_scrubbed = texts.scrubbed
    _write_zip(out, q.build_qde(model), files, EXPORTS[target].crlf_one)
    project.exported("qdpx", rows=report.selections, redacted=redacted)  # audited: EXPORT
    return report


def _collect(
    project: Project, texts: _Texts, report: ExportReport
) -> tuple[q.QdeProject, list[tuple[str, str]]]:
    conn = project.conn
    ids = _Guids(conn)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    model = q.QdeProject(
        name=texts.name(project.path.stem) or "moksori project",
        origin=export_origin(__version__, report.target),
        created=meta.get("created_at"),
        description=texts.prose(meta.get("description")),
    )
    files: list[tuple[str, str]] = []
    coders = {c.id: c for c in project.coders.list()}
    coder_guid = {c.id: ids.stored("coder", c.guid) for c in coders.values()}
    by_name = {c.name.casefold(): coder_guid[c.id] for c in coders.values()}
    model.users = [q.User(coder_guid[c.id], c.name) for c in coders.values()]

    # notes first, so every element that refers to one can be given its GUID
    notes_on: dict[tuple[str, int | None], list[str]] = {}
    ranges: list[tuple[int, q.Selection]] = []  # annotations: an uncoded selection + NoteRef
    for m in project.memos.list():
        guid = ids.stored("memo", m.guid)
        body = texts.prose(m.text)
        about = "" if m.target_kind in ("project", "coding") else f"{m.target_kind}: {m.target}"
        note = _note(guid, texts.name(m.title) or f"{m.target_kind} memo")
        note.user = by_name.get((m.author or "").casefold())
        note.created, note.modified = m.created_at, m.updated_at
        note.description = texts.name(about) if m.target_kind == "case" else ""
        model.notes.append(note)
        files.append((guid, body))
        if m.start is not None and m.end is not None and m.target_id is not None:
            sel = q.Selection(
                ids.derived("memo_range", m.guid), m.start, m.end, note.user, m.created_at
            )
            sel.notes.append(guid)
            ranges.append((m.target_id, sel))
            continue
        notes_on.setdefault((m.target_kind, m.target_id), []).append(guid)

    code_guid = _codebook(project, texts, ids, model, notes_on)
    attrs = _variables(project, texts, ids, model)
    sources, used = _sources(conn, texts, ids, coder_guid, code_guid, notes_on, report, files)
    used |= _annotations(texts, sources, ranges, report)
    model.sources = list(sources.values())
    _cases(conn, texts, ids, attrs, sources, model, report)
    _links(conn, texts, ids, code_guid, model, files)
    model.project_notes = notes_on.get(("project", None), [])

    attached = used | set(model.project_notes)
    attached |= {g for c in _walk(model.codes) for g in c.notes}
    attached |= {g for s in model.sources for g in s.notes}
    attached |= {g for link in model.links for g in link.notes}
    report.users, report.codes = len(model.users), sum(1 for _ in _walk(model.codes))
    report.variables, report.cases = len(model.variables), len(model.cases)
    report.sources, report.notes, report.links = len(sources), len(model.notes), len(model.links)
    report.notes_unattached = sum(1 for n in model.notes if n.guid not in attached)
    return model, files


def _note(guid: str, name: str) -> q.TextSource:
    return q.TextSource(guid=guid, name=name, path=f"internal://{guid}.txt")


def _walk(codes: list[q.Code]) -> list[q.Code]:
    out: list[q.Code] = []
    for c in codes:
        out.append(c)
        out.extend(_walk(c.children))
    return out


def _codebook(
    project: Project,
    texts: _Texts,
    ids: _Guids,
    model: q.QdeProject,
    notes_on: dict[tuple[str, int | None], list[str]],
) -> dict[int, str]:
    by_id: dict[int, q.Code] = {}
    core: list[str] = []
    for c in project.codebook.tree():  # parents before children
        node = q.Code(
            guid=ids.stored("code", c.guid),
            name=texts.name(c.name),
            codable=c.codable,
            colour=c.colour,
            # the same layout as a .qdc, so a round trip keeps every field
            description=format_description(
                replace(
                    c,
                    definition=texts.name(c.definition),
                    examples=[texts.name(e) for e in c.examples],
                    alt_name=texts.name(c.alt_name) if c.alt_name else None,
                    inclusion=texts.name(c.inclusion),
                    exclusion=texts.name(c.exclusion),
                )
            ),
            notes=notes_on.get(("code", c.id), []),
        )
        by_id[c.id] = node
        if c.is_core:
            core.append(node.guid)
        parent = by_id.get(c.parent_id) if c.parent_id is not None else None
        (parent.children if parent else model.codes).append(node)
    if core:
        model.sets.append(
            q.Set(ids.derived("set", "core"), "Core category", "The grounded-theory core", core)
        )
    return {k: v.guid for k, v in by_id.items()}


def _variables(
    project: Project, texts: _Texts, ids: _Guids, model: q.QdeProject
) -> dict[int, tuple[str, str]]:
    """Variables from case attributes; returns attribute id → (GUID, moksori type)."""
    out: dict[int, tuple[str, str]] = {}
    for a in project.cases.attributes():
        guid = ids.stored("attribute", a.guid)
        desc = texts.prose(a.description)
        if a.levels:
            levels = " | ".join(texts.name(x) for x in a.levels)
            desc = "\n".join(x for x in (desc, f"Levels ({a.type}): {levels}") if x)
        model.variables.append(q.Variable(guid, texts.name(a.name), VARIABLE_TYPES[a.type], desc))
        out[a.id] = (guid, a.type)
    return out


def _value_text(type_: str, stored: str) -> str:
    """The XSD lexical form: xsd:decimal has no exponent, booleans and dates are canonical."""
    if type_ == "float":
        text = format(Decimal(repr(float(to_python(type_, stored)))), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return stored


def _sources(
    conn: Connection,
    texts: _Texts,
    ids: _Guids,
    coder_guid: dict[int, str],
    code_guid: dict[int, str],
    notes_on: dict[tuple[str, int | None], list[str]],
    report: ExportReport,
    files: list[tuple[str, str]],
) -> tuple[dict[int, q.TextSource], set[str]]:
    labels = document_labels(conn)
    out: dict[int, q.TextSource] = {}
    for doc_id, added in documents_added(conn):
        guid = ids.derived("document", doc_id)
        text = texts.text(doc_id)
        _check_text(text, doc_id)
        name = texts.name(labels.get(doc_id)) or f"document {doc_id}"
        flat = _FLAT.sub("_", name) if texts.flat else name
        out[doc_id] = q.TextSource(
            guid=guid,
            name=flat,
            description=f"name: {name}" if flat != name else "",
            path=f"internal://{guid}.txt",
            created=added,
            notes=notes_on.get(("document", doc_id), []),
        )
        files.append((guid, text))
    used: set[str] = set()
    rows = conn.execute(
        'SELECT id, guid, code_id, document_id, start, "end", coder_id, created_at, memo '
        'FROM coding ORDER BY document_id, start, "end", id'
    ).fetchall()
    for cid, guid, code_id, doc_id, start, end, coder_id, created, memo in rows:
        span = texts.span(doc_id, start, end)
        if span is None:
            report.selections_dropped += 1
            continue
        user = coder_guid.get(coder_id)
        notes = notes_on.get(("coding", cid), [])
        used.update(notes)
        coding = q.Coding(ids.derived("coding", guid), code_guid[code_id], user, created, notes)
        out[doc_id].selections.append(
            q.Selection(
                guid=ids.stored("coding", guid),
                start=span[0],
                end=span[1],
                user=user,
                created=created,
                description=texts.prose(memo),
                codings=[coding],
            )
        )
        report.selections += 1
    return out, used


def _annotations(
    texts: _Texts,
    sources: dict[int, q.TextSource],
    ranges: list[tuple[int, q.Selection]],
    report: ExportReport,
) -> set[str]:
    """Range memos as uncoded selections that refer to their Note (as NVivo writes them)."""
    used: set[str] = set()
    for doc_id, sel in ranges:
        span = texts.span(doc_id, sel.start, sel.end) if doc_id in sources else None
        if span is None:
            report.selections_dropped += 1
            continue
        sel.start, sel.end = span
        sources[doc_id].selections.append(sel)
        used.update(sel.notes)
        report.annotations += 1
    return used


def _check_text(text: str, doc_id: int) -> None:
    """Stored text is NFC with LF; anything else would shift positions in other tools."""
    if "\r" in text or "\ufeff" in text[:1] or not unicodedata.is_normalized("NFC", text):
        raise RefiError(
            f"document {doc_id} is not stored as NFC text with LF line ends; "
            "positions could not be exported faithfully"
        )


def _cases(
    conn: Connection,
    texts: _Texts,
    ids: _Guids,
    attrs: dict[int, tuple[str, str]],
    sources: dict[int, q.TextSource],
    model: q.QdeProject,
    report: ExportReport,
) -> None:
    values: dict[int, list[q.Value]] = {}
    for case_id, attr_id, stored in conn.execute(
        "SELECT case_id, attribute_id, value FROM case_value ORDER BY case_id, attribute_id"
    ):
        guid, type_ = attrs[attr_id]
        ref = VARIABLE_TYPES[type_]
        text = texts.name(stored) if ref == "Text" else _value_text(type_, stored)
        values.setdefault(case_id, []).append(q.Value(guid, ref, text))
    links: dict[int, list[tuple[int, int, int | None, int | None]]] = {}
    for link_id, case_id, doc_id, start, end in conn.execute(
        'SELECT id, case_id, document_id, start, "end" FROM case_link ORDER BY id'
    ):
        links.setdefault(case_id, []).append((link_id, doc_id, start, end))
    taken: set[str] = set()
    for case_id, guid, name, description in conn.execute(
        "SELECT id, guid, name, description FROM cases ORDER BY name COLLATE NOCASE"
    ):
        shown = texts.name(name) or name
        if shown.casefold() in taken:  # two real names scrubbed to one pseudonym
            shown = f"{shown} ({len(taken) + 1})"
        taken.add(shown.casefold())
        case = q.Case(ids.stored("case", guid), shown, texts.prose(description))
        case.values = values.get(case_id, [])
        for link_id, doc_id, start, end in links.get(case_id, []):
            src = sources[doc_id]
            if start is None or end is None:  # whole document or one speaker's turns
                if src.guid not in case.sources:
                    case.sources.append(src.guid)
                continue
            span = texts.span(doc_id, start, end)
            if span is None:
                report.case_links_dropped += 1
                continue
            sel = q.Selection(ids.derived("case_link", link_id), span[0], span[1], name=shown)
            src.selections.append(sel)
            case.selections.append(sel.guid)
        model.cases.append(case)
    for src in sources.values():
        src.selections.sort(key=lambda s: (s.start, s.end))


def _links(
    conn: Connection,
    texts: _Texts,
    ids: _Guids,
    code_guid: dict[int, str],
    model: q.QdeProject,
    files: list[tuple[str, str]],
) -> None:
    """Axial links between codes; a link's memo becomes a Note of its own."""
    for link_id, a, b, relation, memo in conn.execute(
        "SELECT id, from_code, to_code, relation, memo FROM code_link ORDER BY id"
    ):
        guid = ids.derived("code_link", link_id)
        link = q.Link(guid, texts.name(relation), code_guid[a], code_guid[b])
        if memo and memo.strip():
            guid = ids.derived("code_link_memo", link_id)
            model.notes.append(_note(guid, f"{texts.name(relation)} (link memo)"))
            files.append((guid, texts.prose(memo)))
            link.notes.append(guid)
        model.links.append(link)


def _plain(text: str) -> bytes:
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").encode()


def _write_zip(out: Path, qde: bytes, files: list[tuple[str, str]], crlf: bool = False) -> None:
    """Private (0600) and whole: a failure or a kill never leaves a half-written file."""
    try:
        private_dir(out.parent)
        with (
            open_output(out) as fh,
            zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z,
        ):
            _add(z, QDE_NAME, qde)
            for guid, text in files:
                data = _plain(text)
                _add(z, f"{SOURCES_DIR}/{guid}.txt", data.replace(b"\n", b"\r\n") if crlf else data)
    except OutputError as exc:
        raise RefiError(str(exc)) from None


def _add(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)

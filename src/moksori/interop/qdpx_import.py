"""Import a REFI-QDA ``.qdpx`` (NVivo, ATLAS.ti, MAXQDA, QualCoder, moksori) into a project.

Everything is read and checked before anything is written, and then written in
one transaction: a broken file leaves the project as it was. Codes merge by
path as a ``.qdc`` import does; users become coders, variables case
attributes, notes memos. Text sources go through the same ingest pipeline as a
``.txt`` file, and every selection is carried onto the stored (NFC, LF, no
BOM) text by a position map, so it covers the same words it did in the tool
that wrote it (BOM and path conventions: :mod:`qde_reader`). Non-text sources,
and texts outside the package, are listed as skipped, never silently dropped.

Cases come as Case elements (with SourceRef/SelectionRef links) or NVivo-style,
as codes: a code a Case names by CodeRef, or any code under a top-level
"Cases" code, stands for a case (created by name when no Case element exists).
Its codings, of a selection or of a whole source (a Coding directly under the
TextSource), become case links, and it is not added to the codebook. A
whole-source Coding of an ordinary code becomes a coding of the whole text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from moksori.coding.codebook import Code
from moksori.errors import CodingError, MoksoriError
from moksori.ingest.model import IngestedFile
from moksori.interop import qdc
from moksori.interop.positions import UNITS, producer
from moksori.interop.qde_reader import (
    NON_TEXT_SOURCES,
    Package,
    TextSourceIn,
    case_codes,
    check_guids,
    check_selections,
    child,
    children,
    read_package,
    read_sources,
    ref_guid,
    text_of,
)
from moksori.interop.qdpx_ledger import Ledger
from moksori.interop.qdpx_links import import_links, import_sets
from moksori.interop.qdpx_notes import annotation, import_notes
from moksori.interop.refi import (
    RefiError,
    load_schema,
    local_name,
    normalise_guid,
    readable_path,
    schema_problems,
)
from moksori.interop.tool_import import TextIngester, ToolImportReport, make_usable
from moksori.project import Project
from moksori.store import audit
from moksori.store import documents as docs_store
from moksori.store.audit import Action, Event
from moksori.store.clock import now
from moksori.store.database import transaction
from moksori.store.ids import new_guid

# moksori attribute types of REFI-QDA variable types (DateTime has no moksori type).
ATTRIBUTE_TYPES = {
    "Text": "text",
    "Boolean": "boolean",
    "Integer": "integer",
    "Float": "float",
    "Date": "date",
    "DateTime": "text",
}
FALLBACK_CODER = "imported"
_LEVELS = re.compile(r"^Levels \((ordinal|category)\): (.*)$", re.MULTILINE)


@dataclass
class ImportReport(ToolImportReport):
    codes_updated: int = 0
    attributes: int = 0
    cases: int = 0
    values: int = 0
    case_links: int = 0
    memos: int = 0
    memos_existing: int = 0  # already in the project (a second import of the same file)
    producer: str = ""  # the tool that wrote the file (positions.producer)
    positions: str = ""  # how its positions were read
    document_values: int = 0  # a source's variables and description, as document attributes
    annotations: int = 0  # notes on a range of a text, kept as range memos
    links: int = 0  # code links (REFI-QDA Links between two codes)
    links_existing: int = 0
    link_memos: int = 0
    core: int = 0  # 1 when the file's "Core category" set marked the core category
    elements: dict[str, int] = dataclasses.field(default_factory=dict)  # in the file, by kind


def import_qdpx(
    project: Project,
    path: Path,
    *,
    schema: Path | None = None,
    positions: str = "auto",
    owner: str | None = None,
) -> ImportReport:
    """Bring a ``.qdpx`` into the project, all or nothing. ``schema``: Project.xsd, optional.

    ``positions``: what the file's positions count, ``utf16`` or ``codepoints``, or
    ``auto`` (the producer's rule, checked against word boundaries; see positions).
    ``owner``: who imports; made the owner when the project has none (see make_usable).
    """
    if positions not in UNITS:
        raise RefiError(f"unknown position unit {positions!r}; use one of {', '.join(UNITS)}")
    path = Path(path)
    report = ImportReport(str(path))
    pkg = read_package(path)
    root = pkg.root
    if local_name(root) != "Project":
        raise RefiError(f"{path.name}: the root element is <{local_name(root)}>, not <Project>")
    with TextIngester(pkg) as ingester:
        if schema is not None:
            report.warnings += [f"schema: {p}" for p in schema_problems(root, load_schema(schema))]
        guids = check_guids(root, report)
        report.producer = producer(root, pkg.qde_name)
        sources = read_sources(pkg, root, report, positions)
        check_selections(sources, guids)
        ingester.start(sources)  # writing below overlaps the analysis in worker processes
        try:
            with transaction(project.conn):
                writer = _Writer(project, pkg, guids, sources, report)
                writer.run()
                report.owner, report.blind = make_usable(project, owner)
                event = Event(Action.PROJECT_IMPORT, counts=report.counts(), choice="qdpx")
                audit.record(project.conn, event, actor=project.actor)
        except RefiError:
            raise
        except MoksoriError as exc:
            raise RefiError(f"{path.name} could not be imported: {exc}") from None
    return report


class _Writer:
    """Applies a checked project file; runs inside the caller's transaction."""

    def __init__(
        self,
        project: Project,
        pkg: Package,
        guids: dict[str, etree._Element],
        sources: list[TextSourceIn],
        report: ImportReport,
    ) -> None:
        self.p, self.conn, self.pkg, self.guids = project, project.conn, pkg, guids
        self.root = pkg.root
        self.sources, self.report = sources, report
        self.coders: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.docs: dict[str, int] = {}
        self.codings: dict[str, list[int]] = {}  # selection or Coding GUID -> coding ids
        self.cases: dict[str, int] = {}
        self.selections: dict[str, tuple[int, int, int]] = {}  # GUID -> doc, start, end
        self._fallback: int | None = None
        self.case_code, self.case_folders = case_codes(self.root)
        self.case_of_code: dict[str, int] = {}  # case code GUID -> case id
        self.pending: list[tuple[str, int, int | None, int | None, Any]] = []  # case codings
        self.taken = {str(r[0]) for r in self.conn.execute("SELECT guid FROM coding")}
        self.referenced = {  # selections a Case (SelectionRef) or a Note refers to
            ref_guid(el)
            for el in self.root.iter()
            if isinstance(el.tag, str) and local_name(el) == "SelectionRef"
        }
        self.ranges: dict[str, tuple[int, int, int]] = {}  # annotation Note GUID -> doc, range
        self.by_doc: dict[int, TextSourceIn] = {}
        self.link_ids: dict[str, int] = {}  # Link GUID -> code_link id
        self.ledger = Ledger(self.root)

    def run(self) -> None:
        self._users()
        self._codebook()
        for src in self.sources:
            self.ledger.mark(src.el)
            self._document(src)
        self._unread_sources()
        self._variables_and_cases()
        self._case_codings()
        import_links(self)
        import_sets(self)
        import_notes(self)
        graphs = child(self.root, "Graphs")
        for el in children(graphs, "Graph") if graphs is not None else []:
            reason = "Graph (moksori draws its own code maps)"
            self.ledger.skip_tree(el, self.report, "a skipped Graph", reason)
        self.report.elements = dict(sorted(self.ledger.close(self.report).items()))
        desc = text_of(child(self.root, "Description")).strip()
        if desc:
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('description', ?)", (desc,)
            )

    def _unread_sources(self) -> None:
        """Sources the reader skipped (and reported): what they hold is skipped with them."""
        holder = child(self.root, "Sources")
        for el in holder if holder is not None else []:
            if el in self.ledger.seen or not isinstance(el.tag, str):
                continue
            kind = local_name(el)  # graphic, media and PDF selections: "… in PDFSource"
            where = kind if kind in NON_TEXT_SOURCES else f"a skipped {kind}"
            self.ledger.skip_tree(el, self.report, where)

    # --- users and codes ------------------------------------------------------
    def _users(self) -> None:
        holder = child(self.root, "Users")
        for el in children(holder, "User") if holder is not None else []:
            self.ledger.mark(el)
            guid = normalise_guid(el.get("guid"))
            name = " ".join((el.get("name") or "").split()) or f"user {guid or ''}".strip()
            found = self.p.coders.find(name)
            if found is None and guid:
                row = self.conn.execute("SELECT name FROM coder WHERE guid = ?", (guid,)).fetchone()
                found = self.p.coders.find(str(row[0])) if row else None
            if found is None:
                free = self._free(guid, "coder")
                found = self.p.coders.add(name, guid=free)
                self.report.coders += 1
            if guid:
                self.coders[guid] = found.id

    def _free(self, guid: str | None, table: str) -> str | None:
        """The file's GUID if no row of ``table`` has it yet, else None (a new one is made)."""
        taken = self.conn.execute(f"SELECT 1 FROM {table} WHERE guid = ?", (guid,)).fetchone()
        return None if guid is None or taken else guid

    def _coder(self, *els: etree._Element) -> int:
        for el in els:
            guid = ref_guid(el, "creatingUser")
            if guid in self.coders:
                return self.coders[guid]
        if self._fallback is None:
            found = self.p.coders.find(FALLBACK_CODER)
            self._fallback = (found or self.p.coders.add(FALLBACK_CODER)).id
        return self._fallback

    def _codebook(self) -> None:
        book = self.p.codebook
        book_el = child(self.root, "CodeBook")
        holder = child(book_el if book_el is not None else self.root, "Codes")
        if holder is None:
            return
        notes: list[str] = []
        rep = qdc.QdcImportReport()
        by_path = {c.path.casefold(): c for c in book.tree()}

        def walk(els: list[etree._Element], parent: Code | None) -> None:
            for el in els:
                self.ledger.mark(el)
                g = normalise_guid(el.get("guid"))
                if g in self.case_code or g in self.case_folders:
                    walk(children(el, "Code"), parent)  # cases, not codes
                    continue
                spec = qdc.read_code(el, "the project file", notes)
                spec.children = []
                spec.guid = spec.guid if spec.guid not in self.codes else None
                try:
                    code = qdc.apply_code(book, spec, parent, by_path, rep)
                except CodingError as exc:
                    raise RefiError(f"code {el.get('guid')}: {exc}") from None
                self.codes[g or ""] = code.id
                walk(children(el, "Code"), code)

        walk(children(holder, "Code"), None)
        self.report.codes_created += len(rep.created)
        self.report.codes_updated += len(rep.updated)
        self.report.warnings += notes + rep.notes

    # --- documents and codings -------------------------------------------------------
    def _document(self, src: TextSourceIn) -> None:
        stored, ingested = src.mapped.text, src.ingest_result()
        if not isinstance(ingested, IngestedFile):
            if children(src.el, "PlainTextSelection") or children(src.el, "Coding"):
                reason = ingested.reason if ingested is not None else "not ingested"
                raise RefiError(f"source {src.guid} cannot be read: {reason}") from None
            self.report.skip("TextSource: empty")
            return
        doc = ingested.documents[0]
        k = stored.find(doc.text)
        if len(ingested.documents) != 1 or k < 0:
            raise RefiError(f"source {src.guid}: its text changed on ingest; positions would shift")
        src.mapped = src.mapped.shifted(k, len(doc.text))
        sha = hashlib.sha256(src.raw).hexdigest()
        known = docs_store.find_source_by_hash(self.conn, sha)
        if known:
            src.doc_id = docs_store.documents_of_source(self.conn, known[0])[0]
            there = docs_store.document_text(self.conn, src.doc_id)
            if there != src.mapped.text:
                older = src.mapped.without_invisible()  # stored before issue 18 kept them
                if older is None or older.text != there:
                    raise RefiError(f"source {src.guid} is in the project already, with other text")
                src.mapped = older
            self.ledger.mark(*children(src.el, "VariableValue"))  # came with the first import
            self.report.documents_existing += 1
        else:
            ingested = dataclasses.replace(
                ingested,
                data=src.raw,
                sha256=sha,
                documents=[
                    dataclasses.replace(
                        doc, title=src.name, attributes={**doc.attributes, **self._values(src)}
                    )
                ],
            )
            src.doc_id = docs_store.insert_file(self.conn, ingested)[0]
            self.report.documents += 1
        self.docs[src.guid] = src.doc_id
        self.by_doc[src.doc_id] = src
        self._codings(src)

    def _values(self, src: TextSourceIn) -> dict[str, str]:
        """A source's variables (MAXQDA, QualCoder) and Description as document attributes."""
        out: dict[str, str] = {}
        for vv in children(src.el, "VariableValue"):
            self.ledger.mark(vv)
            ref = child(vv, "VariableRef")
            var = self.guids.get(ref_guid(ref) or "") if ref is not None else None
            value = [c for c in vv if local_name(c).endswith("Value")]
            if var is None or local_name(var) != "Variable" or not value:
                self.report.skip("VariableValue: no variable or value")
                self.report.warnings.append(f"{readable_path(vv)}: no variable or value")
                continue
            name = " ".join((var.get("name") or "").split()) or "variable"
            out[name] = text_of(value[0]).strip()
        desc = text_of(child(src.el, "Description")).strip()
        if desc:
            out["description"] = desc
        self.report.document_values += len(out)
        return out

    def _codings(self, src: TextSourceIn) -> None:
        """Every coding of a source in one executemany; case codes become pending links."""
        rows: list[tuple[Any, ...]] = []
        # selection GUID, Coding GUID, and the coding's natural key (code, start, end, coder)
        keys: list[tuple[str | None, str | None, tuple[int, int, int, int]]] = []
        whole = (None, 0, len(src.mapped.text), None, now())
        for sel in [*children(src.el, "PlainTextSelection"), src.el]:
            self.ledger.mark(sel, *children(sel, "Coding"))
            gid: str | None = None
            memo, when = None, now()
            start, end = whole[1], whole[2]
            if sel is not src.el:
                gid = normalise_guid(sel.get("guid")) or new_guid()
                start, end = src.span(
                    int(sel.get("startPosition", 0)), int(sel.get("endPosition", 0))
                )
                if end <= start:
                    reason = "PlainTextSelection: on removed characters"
                    self.ledger.skip_tree(sel, self.report, "a skipped PlainTextSelection", reason)
                    continue
                self.selections[gid] = (src.doc_id, start, end)
                self.codings[gid] = []
                memo = text_of(child(sel, "Description")).strip() or None
                when = sel.get("creationDateTime") or when
            codings = children(sel, "Coding")
            if sel is not src.el and not codings:
                if memo:  # an annotation (MAXQDA): a note on the range, no code
                    annotation(self, sel, src.doc_id, (start, end), memo)
                elif gid not in self.referenced and not children(sel, "NoteRef"):
                    self.report.skip("PlainTextSelection: no coding or note")
                continue
            for coding in codings:
                ref = child(coding, "CodeRef")
                target = ref_guid(ref) if ref is not None else None  # checked before
                if target in self.case_code:
                    span = (start, end) if gid else (None, None)
                    self.pending.append((target or "", src.doc_id, *span, coding))
                    continue
                cg = normalise_guid(coding.get("guid"))
                guid = gid if gid and len(codings) == 1 else cg or new_guid()
                guid = new_guid() if guid in self.taken else guid
                self.taken.add(guid)
                coder = self._coder(coding, sel)
                stamp = coding.get("creationDateTime") or when
                code = self.codes[target or ""]
                rows.append((guid, code, src.doc_id, start, end, coder, stamp, memo))
                keys.append((gid, cg, (code, start, end, coder)))
        if not rows:
            return
        cur = self.conn.executemany(
            'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, '
            "created_at, memo, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'imported') "
            "ON CONFLICT DO NOTHING",
            rows,
        )
        self.report.codings += max(cur.rowcount, 0)  # new ones; a second import merges
        # Found by what they are, not by GUID, so that a coding already in the project
        # (imported before) still carries its memos on a second import.
        ids = {
            (int(r[0]), int(r[1]), int(r[2]), int(r[3])): int(r[4])
            for r in self.conn.execute(
                'SELECT code_id, start, "end", coder_id, id FROM coding WHERE document_id = ?',
                (src.doc_id,),
            )
        }
        for gid, cg, key in keys:
            found = [ids[key]] if key in ids else []
            if gid:
                self.codings[gid] += found
            if cg:
                self.codings[cg] = found

    # --- variables and cases -------------------------------------------------------------
    def _variables_and_cases(self) -> None:
        cases = self.p.cases
        attrs: dict[str, Any] = {}
        holder = child(self.root, "Variables")
        for el in children(holder, "Variable") if holder is not None else []:
            self.ledger.mark(el)
            guid = normalise_guid(el.get("guid"))
            refi = el.get("typeOfVariable") or "Text"
            type_ = ATTRIBUTE_TYPES.get(refi, "text")
            desc = text_of(child(el, "Description"))
            levels: list[str] | None = None
            m = _LEVELS.search(desc)
            if m and type_ == "text":
                type_, levels = m.group(1), [x.strip() for x in m.group(2).split(" | ")]
                desc = _LEVELS.sub("", desc).strip()
            name = el.get("name") or f"variable {guid}"
            found = cases.find_attribute(name)
            if found is None:
                free = self._free(guid, "attribute")
                found = cases.define_attribute(name, type_, levels, desc, guid=free)
                self.report.attributes += 1
            elif levels:
                new = [x for x in levels if x not in found.levels]
                found = cases.add_levels(found, new) if new else found
            if guid:
                attrs[guid] = found
        holder = child(self.root, "Cases")
        for el in children(holder, "Case") if holder is not None else []:
            self.ledger.mark(el, *children(el, "SourceRef"), *children(el, "SelectionRef"))
            guid = normalise_guid(el.get("guid"))
            name = el.get("name") or f"case {guid}"
            case = cases.find(name)
            if case is None:
                free = self._free(guid, "cases")
                desc = text_of(child(el, "Description"))
                case = cases.add(name, desc, guid=free)
                self.report.cases += 1
            if guid:
                self.cases[guid] = case.id
            for ref in children(el, "CodeRef"):
                if (code := ref_guid(ref)) in self.case_code:
                    self.case_of_code[code or ""] = case.id
            for vv in children(el, "VariableValue"):
                self.ledger.mark(vv)
                ref = child(vv, "VariableRef")
                attr = attrs.get(ref_guid(ref) or "") if ref is not None else None
                value = [c for c in vv if local_name(c).endswith("Value")]
                if attr is None or not value:
                    self.report.skip("VariableValue: no variable or value")
                    self.report.warnings.append(f"{readable_path(vv)}: no variable or value")
                    continue
                cases.set_value(case.id, attr, text_of(value[0]).strip() or None)
                self.report.values += 1
            for ref in children(el, "SourceRef"):
                doc = self.docs.get(ref_guid(ref) or "")
                self._link(case.id, doc, None, None, ref)
            for ref in children(el, "SelectionRef"):
                sel = self.selections.get(ref_guid(ref) or "")
                doc, start, end = sel if sel else (None, None, None)
                self._link(case.id, doc, start, end, ref)

    def _case_codings(self) -> None:
        """NVivo-style case codings as links; a case only named by its code is created."""
        for code, doc, start, end, ref in self.pending:
            if code not in self.case_of_code:
                name = self.case_code[code]
                case = self.p.cases.find(name)
                if case is None:
                    case = self.p.cases.add(name)
                    self.report.cases += 1
                self.case_of_code[code] = case.id
            self._link(self.case_of_code[code], doc, start, end, ref)

    def _link(
        self, case_id: int, doc: int | None, start: int | None, end: int | None, ref: Any
    ) -> None:
        if doc is None:
            self.report.skip(f"{local_name(ref)}: refers to nothing imported")
            self.report.warnings.append(f"{readable_path(ref)}: refers to nothing imported")
            return
        exists = self.conn.execute(
            "SELECT 1 FROM case_link WHERE case_id = ? AND document_id = ? "
            'AND start IS ? AND "end" IS ?',
            (case_id, doc, start, end),
        ).fetchone()
        if not exists:
            self.conn.execute(
                'INSERT INTO case_link(case_id, document_id, start, "end") VALUES (?, ?, ?, ?)',
                (case_id, doc, start, end),
            )
            self.report.case_links += 1

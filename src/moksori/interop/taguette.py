"""Import a Taguette project file (its SQLite database) into a moksori project.

Taguette keeps each document as sanitised HTML and counts a highlight's start
and end in UTF-8 bytes of that HTML's text content (every text node, tags not
counted: ``extract.find_pos`` on the server, ``describePos``/``lengthUTF8`` in
the browser). moksori stores plain NFC/LF text and counts code points, so the
HTML is turned into text with a map from every Taguette byte offset to a
position in that text; paragraphs and ``<br>`` become line breaks and markup
whitespace collapses as a browser shows it.

The file is untrusted: it is opened read-only, everything is read and checked
before anything is written, and the writes happen in one transaction, so a
broken file leaves the project as it was. Tags become codes (a dotted name
such as ``journey.crossing`` becomes ``journey/crossing``), highlights become
codings, and the Taguette user who made a highlight becomes its coder.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moksori.coding.codebook import PATH_SEPARATOR, Codebook
from moksori.errors import IngestError, MoksoriError
from moksori.interop.qde_reader import MappedText, canonical
from moksori.interop.taguette_html import HtmlText, html_text
from moksori.interop.tool_import import ToolImportReport, ingest_text, make_usable
from moksori.project import Project
from moksori.spreadsheet import csv_cell
from moksori.store import audit
from moksori.store import documents as docs_store
from moksori.store.audit import Action, Event
from moksori.store.clock import now
from moksori.store.database import transaction

SQLITE_MAGIC = b"SQLite format 3\x00"
TAGUETTE_APP_ID = 0x54677474  # 'Tgtt', set by taguette.database.connect()
TABLES = {"projects", "documents", "tags", "highlights", "highlight_tags"}
FALLBACK_CODER = "imported"
_NS = uuid.UUID("6d6f6b73-6f72-4974-6167-756574746521")  # GUIDs of imported codings


class TaguetteError(MoksoriError):
    """A Taguette project file cannot be imported."""


@dataclass
class TaguetteImportReport(ToolImportReport):
    projects: list[str] = field(default_factory=list)
    codes_existing: int = 0


# --- reading the file ------------------------------------------------------------
@dataclass
class _Doc:
    id: int
    project: str
    name: str
    html: str


@dataclass
class _Highlight:
    id: int
    doc: int
    start: int
    end: int
    snippet: str
    tags: list[int]
    coder: str | None = None
    when: str | None = None


@dataclass
class _File:
    projects: dict[int, str]
    docs: list[_Doc]
    tags: dict[int, tuple[str, str]]  # id -> path, description
    highlights: list[_Highlight]


def looks_like_taguette(path: Path) -> bool:
    """An SQLite file with Taguette's application id or its tables (old files lack the id)."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError:
        return False
    if not head.startswith(SQLITE_MAGIC):
        return False
    if int.from_bytes(head[68:72], "big") == TAGUETTE_APP_ID:
        return True
    try:
        with closing(_open(Path(path))) as conn:
            return TABLES <= _tables(conn)
    except (TaguetteError, sqlite3.Error):
        return False


def _open(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise TaguetteError(f"no file at {path.name}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        raise TaguetteError(f"{path.name} cannot be opened as a Taguette project file") from None
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _read(path: Path, only: int | None) -> _File:
    conn = _open(path)
    try:
        if not TABLES <= _tables(conn):
            raise TaguetteError(f"{path.name} is not a Taguette project file (no Taguette tables)")
        projects = {int(i): str(n) for i, n in conn.execute("SELECT id, name FROM projects")}
        if only is not None:
            if only not in projects:
                raise TaguetteError(f"{path.name} has no project with id {only}")
            projects = {only: projects[only]}
        sql = "SELECT id, project_id, name, contents FROM documents ORDER BY id"
        docs = [
            _Doc(int(i), projects[int(p)], str(n), str(c or ""))
            for i, p, n, c in conn.execute(sql)
            if int(p) in projects
        ]
        tags = {
            int(i): (str(p), str(d or ""))
            for i, pr, p, d in conn.execute(
                "SELECT id, project_id, path, description FROM tags ORDER BY id"
            )
            if int(pr) in projects
        }
        by_hl: dict[int, list[int]] = {}
        for h, t in conn.execute("SELECT highlight_id, tag_id FROM highlight_tags"):
            by_hl.setdefault(int(h), []).append(int(t))
        who = _highlight_authors(conn)
        wanted = {d.id for d in docs}
        sql = "SELECT id, document_id, start_offset, end_offset, snippet FROM highlights"
        highlights = [
            _Highlight(int(i), int(d), int(s), int(e), str(sn or ""), by_hl.get(int(i), []))
            for i, d, s, e, sn in conn.execute(f"{sql} ORDER BY document_id, start_offset, id")
            if int(d) in wanted
        ]
        for hl in highlights:
            hl.coder, hl.when = who.get(hl.id, (None, None))
    except sqlite3.Error:
        raise TaguetteError(f"{path.name} is damaged or not a Taguette project file") from None
    except (TypeError, ValueError):
        raise TaguetteError(f"{path.name} holds values Taguette never writes; refused") from None
    finally:
        conn.close()
    return _File(projects, docs, tags, highlights)


def _highlight_authors(conn: sqlite3.Connection) -> dict[int, tuple[str, str | None]]:
    """Who made each highlight and when: the highlight_add entries of Taguette's command log."""
    out: dict[int, tuple[str, str | None]] = {}
    if "commands" not in _tables(conn):
        return out
    rows = conn.execute(
        "SELECT user_login, date, payload FROM commands "
        "WHERE payload LIKE '%highlight_add%' ORDER BY id"
    )
    for login, date, payload in rows:
        try:
            data = json.loads(payload)
            out[int(data["highlight_id"])] = (str(login), str(date) if date else None)
        except (ValueError, KeyError, TypeError):
            continue
    return out


# --- the import ------------------------------------------------------------------
def tag_path(name: str) -> list[str]:
    """Taguette's convention for hierarchy is a dotted name; "Dr. Kim" is not a hierarchy."""
    parts = name.split(".")
    if len(parts) > 1 and all(p and p == p.strip() for p in parts):
        return [" ".join(p.replace("/", "∕").split()) for p in parts]
    return [" ".join(name.replace("/", "∕").split())]


def import_taguette(
    project: Project,
    path: Path,
    *,
    taguette_project: int | None = None,
    owner: str | None = None,
) -> TaguetteImportReport:
    """Bring a Taguette project file into the project, all or nothing.

    ``taguette_project``: the id of one project in the file; by default every
    project is imported (document titles then start with the project name).
    ``owner``: who imports, made the owner when the project has none (make_usable).
    """
    path = Path(path)
    report = TaguetteImportReport(str(path))
    data = _read(path, taguette_project)
    report.projects = sorted(data.projects.values())
    texts = {d.id: html_text(d.html) for d in data.docs}
    for hl in data.highlights:
        size = texts[hl.doc].size
        if not 0 <= hl.start < hl.end <= size:
            raise TaguetteError(
                f"highlight {hl.id} ({hl.start}-{hl.end}) lies outside its document, "
                f"which has {size} bytes of text; refused"
            )
    try:
        with transaction(project.conn):
            _Writer(project, data, texts, report, len(data.projects) > 1).run()
            report.owner, report.blind = make_usable(project, owner)
            event = Event(Action.PROJECT_IMPORT, counts=report.counts(), choice="taguette")
            audit.record(project.conn, event, actor=project.actor)
    except TaguetteError:
        raise
    except MoksoriError as exc:
        raise TaguetteError(f"{path.name} could not be imported: {exc}") from None
    return report


class _Writer:
    """Applies a checked Taguette file; runs inside the caller's transaction."""

    def __init__(
        self,
        project: Project,
        data: _File,
        texts: dict[int, HtmlText],
        report: TaguetteImportReport,
        prefix: bool,
    ) -> None:
        self.p, self.conn, self.data, self.texts = project, project.conn, data, texts
        self.report, self.prefix = report, prefix
        self.codes: dict[int, int] = {}  # tag id -> code id
        self.coders: dict[str, int] = {}

    def run(self) -> None:
        self._codes()
        by_doc: dict[int, list[_Highlight]] = {}
        for hl in self.data.highlights:
            by_doc.setdefault(hl.doc, []).append(hl)
        for doc in self.data.docs:
            self._document(doc, by_doc.get(doc.id, []))

    def _codes(self) -> None:
        book = self.p.codebook
        known = {c.path.casefold(): c for c in book.tree()}
        tags = sorted(self.data.tags.items(), key=lambda kv: tag_path(kv[1][0]))
        for tag_id, (name, description) in tags:
            parts = tag_path(name)
            if "/" in name:
                self.report.warnings.append(f"tag {tag_id}: '/' in its name became '∕'")
            parent = None
            for depth, part in enumerate(parts):
                sub = "/".join(parts[: depth + 1])
                last = depth == len(parts) - 1
                code = known.get(sub.casefold())
                if code is None:
                    code = book.create(
                        part,
                        parent.id if parent else None,
                        definition=description if last else "",
                        codable=last,
                    )
                    known[sub.casefold()] = code
                    self.report.codes_created += 1
                elif last:
                    fields: dict[str, Any] = {}
                    if not code.codable:
                        fields["codable"] = True
                    if description.strip() and not code.definition:
                        fields["definition"] = description
                    if fields:
                        code = book.update(code.id, **fields)
                    self.report.codes_existing += 1
                parent = code
            assert parent is not None
            self.codes[tag_id] = parent.id

    def _coder(self, login: str | None) -> int:
        name = " ".join((login or "").split()) or FALLBACK_CODER
        if name not in self.coders:
            found = self.p.coders.find(name)
            if found is None:
                found = self.p.coders.add(name)
                self.report.coders += 1
            self.coders[name] = found.id
        return self.coders[name]

    def _document(self, doc: _Doc, highlights: list[_Highlight]) -> None:
        html = self.texts[doc.id]
        mapped = canonical(html.text)
        title = f"{doc.project}: {doc.name}" if self.prefix else doc.name
        ingested = ingest_text(mapped.text, f"{title}.txt")
        if isinstance(ingested, IngestError):
            if highlights:
                raise TaguetteError(f"document {doc.id} has highlights but no text") from None
            self.report.skip("empty document")
            return
        stored = ingested.documents[0]
        k = mapped.text.find(stored.text)
        if len(ingested.documents) != 1 or k < 0:
            raise TaguetteError(f"document {doc.id}: its text changed on ingest; refused")
        mapped = mapped.shifted(k, len(stored.text))
        raw = doc.html.encode()
        sha = hashlib.sha256(raw).hexdigest()
        known = docs_store.find_source_by_hash(self.conn, sha)
        if known:
            doc_id = docs_store.documents_of_source(self.conn, known[0])[0]
            if docs_store.document_text(self.conn, doc_id) != mapped.text:
                raise TaguetteError(f"document {doc.id} is in the project already, with other text")
            self.report.documents_existing += 1
        else:
            ingested = dataclasses.replace(
                ingested,
                data=raw,
                sha256=sha,
                documents=[dataclasses.replace(stored, title=title)],
            )
            doc_id = docs_store.insert_file(self.conn, ingested)[0]
            self.report.documents += 1
        for hl in highlights:
            self._highlight(hl, html, mapped, doc_id, sha)

    def _highlight(
        self, hl: _Highlight, html: HtmlText, mapped: MappedText, doc_id: int, sha: str
    ) -> None:
        start, end = mapped.span(html.lo[hl.start], html.hi[hl.end])
        if end <= start:
            self.report.skip("highlight on markup only")
            return
        if not hl.tags:
            self.report.skip("highlight without tags")
            return
        if hl.snippet and _squeeze(html_text(hl.snippet).text) != _squeeze(mapped.text[start:end]):
            self.report.warnings.append(
                f"highlight {hl.id}: its text differs from Taguette's own snippet; check it"
            )
        coder = self._coder(hl.coder)
        when = (hl.when or "").replace(" ", "T")[:19] or now()
        for tag in sorted(set(hl.tags)):
            code = self.codes.get(tag)
            if code is None:
                self.report.skip("tag of another project")
                continue
            guid = str(uuid.uuid5(_NS, f"{sha}:{hl.id}:{tag}"))
            cur = self.conn.execute(
                'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, '
                "created_at, memo, origin) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'imported') "
                "ON CONFLICT DO NOTHING",
                (guid, code, doc_id, start, end, coder, when),
            )
            self.report.codings += cur.rowcount


def _squeeze(text: str) -> str:
    return "".join(text.split())


# --- the codebook, as Taguette's codebook import reads it ------------------------------
def taguette_codebook_csv(book: Codebook) -> bytes:
    """The codebook as the CSV Taguette 1.5 imports (it reads no .qdc).

    Columns ``tag`` and ``description``; sub-codes get Taguette's dotted names;
    a UTF-8 BOM, because Taguette guesses the encoding with chardet and takes
    Korean without one for a Windows code page.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["tag", "description"])
    for code in book.tree():
        if code.codable:
            w.writerow(
                [csv_cell(code.path.replace(PATH_SEPARATOR, ".")), csv_cell(code.definition)]
            )
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")

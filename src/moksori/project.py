"""`Project`: the one door for library users, the CLI and the web app.

It opens the encrypted file with a passphrase and hands out one service object
per concept (``project.codings``, ``project.codebook``, ``project.deid`` ...).
Every change is a use case on those objects: it opens its own transaction and
records its audit event there, naming ``project.actor``. The faces never touch
``moksori.store`` or SQL (enforced by the import-linter contracts in
pyproject.toml).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moksori import __version__
from moksori.errors import AuditError, MoksoriError, QueryError
from moksori.outputs import write_output
from moksori.store import audit
from moksori.store import documents as docs_store
from moksori.store.audit import Action, Event
from moksori.store.crypto import DEFAULT_KDF
from moksori.store.database import KeyedDatabase, create_keyed, open_keyed, transaction
from moksori.store.documents import DocumentDetail as DocumentDetail
from moksori.store.documents import DocumentSummary as DocumentSummary
from moksori.store.passages import corpus_figures
from moksori.store.query import Filters, parse
from moksori.store.ranking import Ranker
from moksori.store.schema import LATEST_VERSION, current_version, migrate
from moksori.store.shared_passages import SharedSpan as SharedSpan

# The services load when first asked for (start-up: a command imports only what it
# uses, so `moksori info` never loads numpy, Kiwi or the de-identification models).
if TYPE_CHECKING:
    from moksori.access.sessions import LoginThrottle, Session, Sessions
    from moksori.access.users import Users
    from moksori.analysis.analyses import Analyses
    from moksori.analysis.report import Report, ReportOptions
    from moksori.analysis.tables import Table
    from moksori.bilingual.alignment import Alignments
    from moksori.bilingual.pairs import Pairs
    from moksori.bilingual.projection import ProjectionReport
    from moksori.coding.cases import Cases
    from moksori.coding.codebook import Codebook
    from moksori.coding.coders import Coders
    from moksori.coding.codings import Coding, Codings
    from moksori.coding.memos import Memos
    from moksori.coding.merge import MergeReport
    from moksori.coding.progress import DocumentProgress
    from moksori.coding.reconcile import Reconciler
    from moksori.coding.reliability import Reliability
    from moksori.ingest.limits import Limits
    from moksori.protect.deid import Deid
    from moksori.semantic.vectors import EmbedReport, VectorCache
    from moksori.sources import AddReport as AddReport
    from moksori.sources import FileOutcome as FileOutcome
    from moksori.sources import Sources
    from moksori.store import search as search_store
    from moksori.store.search import SNIPPET_CHARS as SNIPPET_CHARS
    from moksori.store.search import Hit as Hit
    from moksori.store.search import SearchResult as SearchResult


def __getattr__(name: str) -> Any:
    """Names the faces import from here, loaded when first used (start-up)."""
    if name in ("AddReport", "FileOutcome"):
        from moksori import sources  # lazy: start-up (ingest pipeline, readers)

        return getattr(sources, name)
    if name in ("SNIPPET_CHARS", "Hit", "SearchResult"):
        from moksori.store import search  # lazy: start-up

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Read models and query parsing the faces use, named here so that they import
# the door, never the store (the import-linter contracts in pyproject.toml).
parse_query = parse  # a query's words and filters, as search reads them
audit_shown = audit.shown  # an audit entry as the faces print it
EXPORT_FORMATS = ("csv", "xlsx", "parquet")
REPORT_FORMATS = ("html", "md", "docx")


def _report_event(rep: Report, redacted: bool) -> Event:
    quotes = sum(len(t.quotes) for t in rep.themes)
    return Event(
        Action.REPORT,
        counts={
            "themes": len(rep.themes),
            "quotes": quotes,
            "participants": rep.sample.participants,
        },
        choice="redacted" if redacted else "original",
    )


@dataclass
class ReportFiles:
    """The report and the files written; a format not asked for is None."""

    report: Report
    html: Path | None = None
    markdown: Path | None = None
    docx: Path | None = None


@dataclass
class ProjectInfo:
    path: str
    schema_version: int
    latest_schema_version: int
    created_at: str | None
    created_by: str | None
    moksori_version: str
    encryption: str
    key_derivation: str
    documents: int
    source_files: int
    segments: int
    passages_indexed: int
    characters: int
    original_bytes: int
    languages: dict[str, int]
    formats: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Project:
    def __init__(self, path: Path, db: KeyedDatabase, actor: str | None = None) -> None:
        self.path = path
        self.db = db
        self.conn = db.conn
        self.actor = actor  # who the audit trail names for every change made through here
        self._ranker = Ranker(db.conn, db.open_reader)
        # The meaning index, built on first use; a list so that the copies acting_as
        # hands out (one per web request) share it rather than each building its own.
        self._vectors: list[VectorCache] = []

    # --- lifecycle --------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, passphrase: str, *, actor: str | None = None) -> Project:
        path = Path(path)
        db = create_keyed(path, passphrase)
        migrate(db.conn)
        return cls(path, db, actor)

    @classmethod
    def open(cls, path: str | Path, passphrase: str, *, actor: str | None = None) -> Project:
        path = Path(path)
        db = open_keyed(path, passphrase)
        migrate(db.conn)
        return cls(path, db, actor)

    def another(self) -> Project:
        """The same project on a connection of its own, for another thread
        (the web server runs requests on several)."""
        return Project(self.path, self.db.another(), self.actor)

    def acting_as(self, actor: str | None) -> Project:
        """This project, on the same connection, with changes audited as *actor*
        (the web hands each request the signed-in user's)."""
        other = copy.copy(self)
        other.actor = actor
        return other

    def close(self) -> None:
        self._ranker.close()
        self.conn.close()
        from moksori.ingest.shared_passages import forget_earlier  # lazy: start-up

        forget_earlier()  # cached letters of documents are testimony: not past the project

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the coding workflow (issue 3): one object per concept --------------
    @property
    def coders(self) -> Coders:
        from moksori.coding.coders import Coders  # lazy: start-up

        return Coders(self.conn, self.actor)

    @property
    def codebook(self) -> Codebook:
        from moksori.coding.codebook import Codebook  # lazy: start-up

        return Codebook(self.conn, actor=self.actor)

    @property
    def codings(self) -> Codings:
        from moksori.coding.codings import Codings  # lazy: start-up

        return Codings(self.conn, actor=self.actor)

    @property
    def cases(self) -> Cases:
        from moksori.coding.cases import Cases  # lazy: start-up

        return Cases(self.conn, actor=self.actor)

    @property
    def memos(self) -> Memos:
        from moksori.coding.memos import Memos  # lazy: start-up

        return Memos(self.conn, actor=self.actor)

    @property
    def reliability(self) -> Reliability:
        """Agreement between coders (read only)."""
        from moksori.coding.reliability import Reliability  # lazy: start-up (numpy)

        return Reliability(self.conn)

    @property
    def reconciler(self) -> Reconciler:
        """Disagreements between two coders, and decisions into the consensus."""
        from moksori.coding.reconcile import Reconciler  # lazy: start-up

        return Reconciler(self.conn, actor=self.actor)

    @property
    def analysis(self) -> Analyses:
        """Frequencies, co-occurrence, the code × case matrix, coded segments (read only)."""
        from moksori.analysis.analyses import Analyses  # lazy: start-up (de-identified views)

        return Analyses(self.conn)

    def project_new_codings(self, made: list[Coding]) -> int:
        """Copy codings just made onto aligned translations, when the project asks for it
        (``translation.auto_project``); how many were copied."""
        from moksori.bilingual.projection import project_new  # lazy: start-up

        return project_new(self.conn, made, self.actor)

    def project_translations(
        self,
        *,
        pair_ref: str | None = None,
        direction: str = "to-translation",
        code: str | None = None,
        coder: str | None = None,
    ) -> ProjectionReport:
        """Copy codings onto the aligned text of translations (marked projected)."""
        from moksori.bilingual.projection import project_codings  # lazy: start-up

        return project_codings(
            self.conn,
            pair_ref=pair_ref,
            direction=direction,
            code=code,
            coder=coder,
            actor=self.actor,
        )

    def set_auto_projection(self, on: bool) -> None:
        """Project every new coding onto aligned translations from now on (or stop)."""
        from moksori.bilingual.projection import set_auto_project  # lazy: start-up

        set_auto_project(self.conn, on, self.actor)

    @property
    def pairs(self) -> Pairs:
        """Translations: original documents paired with their translations."""
        from moksori.bilingual.pairs import Pairs  # lazy: start-up

        return Pairs(self.conn, self.actor)

    @property
    def alignments(self) -> Alignments:
        """Sentence alignment of translation pairs, and links set by hand."""
        from moksori.bilingual.alignment import Alignments  # lazy: start-up (~11 ms)

        return Alignments(self.conn, self.actor)

    @property
    def deid(self) -> Deid:
        """De-identification: scan, review, entities, known names, the vault."""
        from moksori.protect.deid import Deid  # lazy: start-up (detectors, models)

        return Deid(self.conn, self.path, actor=self.actor)

    # --- accounts (the web's): administration and sign-in, audited ----------
    @property
    def users(self) -> Users:
        from moksori.access.users import Users  # lazy: start-up

        return Users(self.conn, actor=self.actor)

    @property
    def sessions(self) -> Sessions:
        from moksori.access.sessions import Sessions  # lazy: start-up

        return Sessions(self.conn)

    def login_throttle(self, limit: int, window: float) -> LoginThrottle:
        from moksori.access.sessions import LoginThrottle  # lazy: start-up

        return LoginThrottle(self.conn, limit, window)

    def sign_in(
        self, name: str, password: str, client: str, throttle: LoginThrottle
    ) -> tuple[str, Session] | int:
        """A session, or the seconds to wait (0: wrong name or password); audited."""
        from moksori.access.sessions import sign_in  # lazy: start-up

        return sign_in(self.conn, throttle, name, password, client)

    # --- outputs: each one audited, the same from every face ----------------
    def build_report(self, options: ReportOptions | None = None) -> Report:
        """The findings report, in memory (it quotes testimony); audited as REPORT."""
        from moksori.analysis.report import ReportOptions, build_report  # lazy: start-up

        options = options or ReportOptions()
        rep = build_report(self.conn, options)
        with transaction(self.conn):
            audit.record(self.conn, _report_event(rep, options.redacted), actor=self.actor)
        return rep

    def report(
        self,
        out_dir: str | Path,
        options: ReportOptions | None = None,
        *,
        formats: Sequence[str] = ("html", "md"),
    ) -> ReportFiles:
        """The findings report as files in ``out_dir``: self-contained HTML, Markdown and
        Word (report.html, report.md, report.docx, as ``formats`` asks), plots beside them."""
        unknown = [f for f in formats if f not in REPORT_FORMATS]
        if unknown or not formats:
            given = f"unknown report format {unknown[0]!r}" if unknown else "no report format"
            raise MoksoriError(f"{given}: use {', '.join(REPORT_FORMATS)}")
        from moksori.analysis.report_docx import write_docx  # lazy: start-up (python-docx)
        from moksori.analysis.report_render import (
            write_html,
            write_markdown,
            write_plots,
        )  # lazy: start-up

        out = Path(out_dir)
        rep = self.build_report(options)
        write_plots(rep, out)
        return ReportFiles(
            rep,
            html=write_html(rep, out) if "html" in formats else None,
            markdown=write_markdown(rep, out) if "md" in formats else None,
            docx=write_docx(rep, out) if "docx" in formats else None,
        )

    def export_table(
        self, table: Table, fmt: str, *, redacted: bool, to: str | Path | None = None
    ) -> bytes:
        """A table of quotes (coded segments) as a file: csv, xlsx or parquet; written to
        ``to`` when given, else only returned. Audited as EXPORT, choice = format."""
        if fmt not in EXPORT_FORMATS:
            raise MoksoriError(f"format must be one of {', '.join(EXPORT_FORMATS)}")
        data = b""
        if fmt == "parquet":
            if to is None:
                raise MoksoriError("a parquet export is written to a file")
            table.to_parquet(to)
        else:
            data = table.csv_bytes() if fmt == "csv" else table.xlsx_bytes()
            if to is not None:
                write_output(to, data)
        self.exported(fmt, rows=len(table.rows), redacted=redacted)
        return data

    def exported(self, fmt: str, *, rows: int, redacted: bool) -> None:
        """Record that an export left the project (for exporters that write their own
        file, e.g. .qdpx): one EXPORT event, the format as its choice."""
        event = Event(
            Action.EXPORT, counts={"rows": rows, "redacted": int(redacted)}, choice=fmt.lower()
        )
        with transaction(self.conn):
            audit.record(self.conn, event, actor=self.actor)

    def export_codebook(self, fmt: str) -> str:
        """The codebook as ``yaml`` (tree and links) or ``csv`` (a row per code); audited
        as EXPORT. (The REFI-QDA .qdc is interop's, one layer up.)"""
        book = self.codebook
        if fmt not in ("yaml", "csv"):
            raise MoksoriError(f"unknown codebook format {fmt!r}; use yaml or csv")
        from moksori.coding.codebook_io import export_csv, export_yaml  # lazy: start-up (yaml)

        text = export_yaml(book) if fmt == "yaml" else export_csv(book)
        self.exported(fmt, rows=len(book.tree()), redacted=False)
        return text

    def export_memos(self, fmt: str) -> str:
        """Every memo grouped by what it is about; audited as EXPORT (memos quote testimony)."""
        text = self.memos.export(fmt)
        self.exported(fmt, rows=len(self.memos.list()), redacted=False)
        return text

    def changes(self) -> tuple[Any, ...]:
        """A stamp that moves whenever anything a report shows may have changed
        (reports and exports are audited too, but change nothing): the web's
        report cache compares it."""
        row = self.conn.execute(
            "SELECT (SELECT max(id) FROM audit WHERE action NOT IN (?, ?, ?)), "
            "(SELECT count(*) || ':' || ifnull(max(id), 0) FROM coding), "
            "(SELECT count(*) || ':' || ifnull(max(id), 0) FROM code), "
            "(SELECT count(*) || ':' || ifnull(max(id), 0) FROM memo), "
            "(SELECT count(*) FROM case_value), (SELECT count(*) FROM deid_scan), "
            "(SELECT group_concat(status || n) FROM "
            "  (SELECT status, count(*) AS n FROM finding GROUP BY status ORDER BY status)), "
            "(SELECT max(reviewed_at) FROM finding)",
            (str(Action.REPORT), str(Action.EXPORT), "export coded segments"),
        ).fetchone()
        return tuple(row)

    def audit_trail(
        self,
        action: str | None = None,
        *,
        actor: str | None = None,
        since: str | None = None,
        last: int | None = None,
    ) -> list[dict[str, Any]]:
        """Who did what, when: the events of the trail (ids, counts, choice words; never
        testimony text or names), oldest first. See :func:`moksori.store.audit.entries`."""
        if action and not any(a == action or a.startswith(action + ".") for a in Action):
            families = ", ".join(sorted({a.split(".")[0] for a in Action}))
            raise AuditError(f"no audited action {action!r}; the families are: {families}")
        return audit.entries(self.conn, action, actor=actor, since=since, last=last)

    def merge_from(self, other: str | Path, passphrase: str) -> MergeReport:
        """Bring everything of another copy of the study into this one (B is not changed)."""
        from moksori.coding.merge import merge_into, open_other  # lazy: start-up

        b = open_other(Path(other), passphrase)
        try:
            return merge_into(self.conn, b, str(other), self.actor)
        finally:
            b.close()

    # --- info -------------------------------------------------------------
    def info(self) -> ProjectInfo:
        c = self.conn
        meta = dict(c.execute("SELECT key, value FROM meta").fetchall())
        return ProjectInfo(
            path=str(self.path),
            schema_version=current_version(c),
            latest_schema_version=LATEST_VERSION,
            created_at=meta.get("created_at"),
            created_by=meta.get("created_by"),
            moksori_version=__version__,
            encryption=f"SQLCipher {c.execute('PRAGMA cipher_version').fetchone()[0]}",
            key_derivation=DEFAULT_KDF.describe(),
            **asdict(corpus_figures(c)),
        )

    # --- ingest (moksori.sources) --------------------------------------------
    @property
    def sources(self) -> Sources:
        from moksori.sources import Sources  # lazy: start-up (ingest pipeline, readers)

        return Sources(self.conn, self.actor, self.pairs)

    def add(
        self,
        inputs: Iterable[str | Path],
        *,
        attributes: dict[str, str] | None = None,
        limits: Limits | None = None,
        workers: int | None = None,
        on_start: Callable[[int, int], None] | None = None,
        on_file: Callable[[FileOutcome], None] | None = None,
        follow_symlinks: bool = False,
        timeout: float | None = None,
    ) -> AddReport:
        """Ingest files and folders, each its own transaction (:meth:`Sources.add`)."""
        return self.sources.add(
            inputs,
            attributes=attributes,
            limits=limits,
            workers=workers,
            on_start=on_start,
            on_file=on_file,
            follow_symlinks=follow_symlinks,
            timeout=timeout,
        )

    def add_uploads(
        self,
        files: Iterable[tuple[str, bytes]],
        *,
        attributes: dict[str, str] | None = None,
        limits: Limits | None = None,
        actor: str | None = None,
    ) -> AddReport:
        """Ingest (name, bytes) as a browser uploads them (:meth:`Sources.add_uploads`)."""
        return self.sources.add_uploads(files, attributes=attributes, limits=limits, actor=actor)

    # --- reading ----------------------------------------------------------
    def document_progress(self) -> DocumentProgress:
        """Each document's cases and each coder's codings in it (the documents page)."""
        from moksori.coding.progress import document_progress  # lazy: start-up

        return document_progress(self.conn)

    def resolve_document(self, ref: str | int) -> int:
        """A document's id from its id, file name or title (as the CLI's --doc takes it)."""
        return docs_store.resolve_document(self.conn, str(ref))

    def document_labels(self) -> dict[int, str]:
        """Each document's short label (its title or file name, and part)."""
        return docs_store.document_labels(self.conn)

    def documents(self) -> list[docs_store.DocumentSummary]:
        return docs_store.list_documents(self.conn)

    def document(self, ref: str | int) -> docs_store.DocumentDetail:
        return docs_store.get_document(self.conn, docs_store.resolve_document(self.conn, str(ref)))

    def shared_passages(self) -> list[tuple[str, int, SharedSpan, str]]:
        """Each long passage two documents share, once, from its later copy (the one left
        out of search): (its document's label, that document's id, the span, the label
        of the document it repeats)."""
        from moksori.store import shared_passages as shared_store  # lazy: start-up

        found = shared_store.repeats(self.conn)
        labels = docs_store.document_labels(
            self.conn, sorted({d for d, _ in found} | {s.other_document_id for _, s in found})
        )
        return [(labels[d], d, s, labels[s.other_document_id]) for d, s in found]

    def original(self, ref: str | int) -> tuple[str, bytes]:
        """The exact bytes of the file a document came from."""
        return docs_store.get_original(self.conn, docs_store.resolve_document(self.conn, str(ref)))

    def search(
        self,
        query: str,
        *,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        include_duplicates: bool = False,
        mode: str = "keyword",
    ) -> search_store.SearchResult:
        """Keyword (BM25), ``semantic`` (meaning, across languages) or ``hybrid`` search."""
        if mode in ("semantic", "hybrid"):
            from moksori.semantic.search import hybrid_search, semantic_search  # lazy: start-up

            if not self._vectors:
                from moksori.semantic.vectors import VectorCache  # lazy: start-up

                self._vectors.append(VectorCache())
            run = semantic_search if mode == "semantic" else hybrid_search
            return run(self.conn, self._vectors[0], query, limit=limit, filters=filters)
        if mode != "keyword":
            raise QueryError(f"unknown search mode {mode!r}; use keyword, semantic or hybrid")
        from moksori.store import search as search_store  # lazy: start-up (Kiwi analysis)

        return search_store.search(
            self.conn,
            query,
            filters=filters,
            limit=limit,
            offset=offset,
            include_duplicates=include_duplicates,
            ranker=self._ranker,
        )

    def embed(self, on_batch: Callable[[int, int], None] | None = None) -> EmbedReport:
        """Embed every passage not embedded yet, for meaning-based search (resumable)."""
        from moksori.semantic import encoder  # lazy: start-up (semantic/*, ~4 ms)
        from moksori.semantic.vectors import embed_passages  # lazy: start-up

        with encoder.workers(2):  # bulk work: one single-threaded encoder per core
            return embed_passages(self.conn, on_batch)

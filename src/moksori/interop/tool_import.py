"""What every import from another tool (.qdpx, Taguette) shares: its report, and
moksori's ingest pipeline for the texts it brings.

Imported texts are segmented and indexed like added files, but kept whole (no
web-boilerplate removal), since another tool's positions point into them. Big
packages are ingested on all cores while the file is still being checked.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from moksori.coding.coders import CODER_ENV, DEFAULT_OWNER, Coder
from moksori.errors import EmptyFile, IngestError
from moksori.ingest.limits import Limits
from moksori.ingest.model import IngestedFile
from moksori.ingest.pipeline import build_document
from moksori.ingest.readers import read
from moksori.korean.kiwi import get_kiwi, init_worker_process, pool_context

if TYPE_CHECKING:
    from moksori.interop.qde_reader import Package, TextSourceIn
    from moksori.project import Project


@dataclass
class ToolImportReport:
    """Counts every import gives; each importer adds its own."""

    path: str
    coders: int = 0
    codes_created: int = 0
    documents: int = 0
    documents_existing: int = 0
    codings: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # never silently: kind → count
    warnings: list[str] = field(default_factory=list)
    owner: str = ""  # who this import made the project's owner ("" if it had one)
    blind: bool = True  # blind coding after the import

    def skip(self, kind: str, n: int = 1) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + n

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def counts(self) -> dict[str, int]:
        """The whole-number counts, for the import's audit event (never names or text)."""
        return {
            k: v for k, v in asdict(self).items() if isinstance(v, int) and not isinstance(v, bool)
        }


def make_usable(project: Project, owner: str | None) -> tuple[str, bool]:
    """Readable at once after an import: someone owns the project, blind coding is off.

    A project without an owner gets one: ``owner``, else MOKSORI_CODER, else the
    acting user, else the only coder, else a new 'owner'. Other tools carry no
    blind-coding setting, so a project that never chose one gets it off; one
    that chose keeps its choice. Runs inside the import's transaction, whose
    event stands for it. Returns (the new owner or '', blind coding on).
    """
    conn, made = project.conn, ""
    if conn.execute("SELECT 1 FROM coder WHERE role = 'owner'").fetchone() is None:
        name = owner or os.environ.get(CODER_ENV) or project.actor
        people = [c for c in project.coders.list() if c.role != "consensus"]
        found: Coder | None = people[0] if name is None and len(people) == 1 else None
        if found is None:
            found = project.coders.find(name or DEFAULT_OWNER)
        if found is None:
            found = project.coders.add(name or DEFAULT_OWNER, "owner", implied=True)
        conn.execute("UPDATE coder SET role = 'owner' WHERE id = ?", (found.id,))
        made = found.name
    chosen = conn.execute("SELECT value FROM setting WHERE key = 'blind'").fetchone()
    if chosen is None:
        conn.execute("INSERT INTO setting(key, value) VALUES ('blind', 'off')")
    return made, chosen is not None and chosen[0] == "on"


PARALLEL_BYTES = 400_000  # below this, worker start-up (Kiwi load) costs more than it saves


class TextIngester:
    """moksori's ingest pipeline for the imported texts, on all cores for big packages.

    Pure work, done before the write transaction. For a big package the worker
    processes start (and load Kiwi) while the file is still being checked; texts
    go to them as bytes in memory, never to disk.
    """

    def __init__(self, pkg: Package) -> None:
        workers = min(os.cpu_count() or 1, 4)
        big = sum(map(len, pkg.sources.values())) + sum(map(len, pkg.others.values()))
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1 and big >= PARALLEL_BYTES:
            ctx = pool_context()
            self.pool = ProcessPoolExecutor(
                workers, mp_context=ctx, initializer=init_worker_process
            )
            for _ in range(workers):
                self.pool.submit(_warm)

    def __enter__(self) -> TextIngester:
        return self

    def __exit__(self, *_: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def start(self, sources: list[TextSourceIn]) -> None:
        """Sends the texts off; :meth:`TextSourceIn.ingest_result` waits for each result."""
        for src in sources:
            job = (src.mapped.text, src.file_name)
            src.ingested = (
                ingest_text(*job) if self.pool is None else self.pool.submit(ingest_text, *job)
            )


def _warm() -> None:
    get_kiwi()


def ingest_text(text: str, name: str) -> IngestedFile | IngestError:
    """ingest_bytes without web-boilerplate removal: an imported text is kept whole, so
    every position another tool counted on it stays valid."""
    data = text.encode()
    try:
        extracted = [replace(e, web_capture_candidate=False) for e in read(data, name, Limits())]
        documents = [d for d in (build_document(e, name) for e in extracted) if d is not None]
    except IngestError as exc:
        return exc
    if not documents:
        return EmptyFile(name, "no text found in the file")
    sha = hashlib.sha256(data).hexdigest()
    return IngestedFile(name, sha, data, extracted[0].format, documents)

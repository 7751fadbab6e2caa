"""Adding sources: files and folders from disk, or uploads from the browser.

Each file is its own transaction, with its ``file.add`` / ``file.upload`` event:
a bad file is one error naming it and the batch goes on. The event names the
file's documents by id and its size, never its name (names can identify).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moksori.bilingual.pairs import Pair, Pairs
from moksori.errors import IngestError
from moksori.ingest.batch import Job, collect_files, file_sha256, ingest_many, ingest_upload
from moksori.ingest.limits import Limits
from moksori.store import audit, shared_passages
from moksori.store import documents as docs_store
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

if TYPE_CHECKING:
    from moksori.bilingual.name_pairs import Proposal


@dataclass
class FileOutcome:
    """What happened to one input file."""

    source: str
    status: str  # "added", "duplicate" or "error"
    message: str = ""
    document_ids: list[int] = field(default_factory=list)
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _file_event(action: Action, documents: list[int], size: int) -> Event:
    """A file in: its documents by id and its size; never its name (names can identify)."""
    return Event(action, targets={"document": documents}, counts={"bytes": size})


@dataclass
class AddReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)  # x.ko.txt + x.en.txt, paired on add
    # names that say "translation" but texts that do not align: proposed, not paired
    proposed_pairs: list[Proposal] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.count("added"),
            "duplicates": self.count("duplicate"),
            "errors": self.count("error"),
            "files": [o.to_json() for o in self.outcomes],
            "pairs": [p.to_json() for p in self.pairs],
            "proposed_pairs": [p.to_json() for p in self.proposed_pairs],
        }


class Sources:
    """The add use cases (``project.sources``; ``project.add`` and ``add_uploads`` call them)."""

    def __init__(self, conn: Connection, actor: str | None, pairs: Pairs) -> None:
        self.conn = conn
        self.actor = actor
        self.pairs = pairs

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
        """Ingest files and folders; each file is its own transaction.

        Only regular files are read; links only with ``follow_symlinks``. With a
        ``timeout`` (seconds, see :func:`moksori.ingest.batch.time_limit`) files are
        read in worker processes and one that takes longer is skipped as an error.
        """
        report = AddReport()

        def record(outcome: FileOutcome) -> None:
            report.outcomes.append(outcome)
            if on_file:
                on_file(outcome)

        jobs, missing = collect_files((Path(p) for p in inputs), follow_symlinks=follow_symlinks)
        if on_start:
            on_start(len(jobs) + len(missing), sum(j.size for j in jobs))
        for err in missing:
            record(FileOutcome(err.source, "error", err.reason))
        todo: list[Job] = []
        seen: dict[str, str] = {}
        repeats: dict[str, list[Job]] = {}  # same bytes later in this batch
        for job in jobs:
            try:
                job.sha256 = file_sha256(job.path)
            except OSError as exc:
                record(FileOutcome(job.name, "error", f"cannot read file ({exc.strerror})"))
                continue
            if job.sha256 in seen:
                repeats.setdefault(job.sha256, []).append(job)
                continue
            known = docs_store.find_source_by_hash(self.conn, job.sha256)
            if known:
                ids = docs_store.documents_of_source(self.conn, known[0])
                record(
                    FileOutcome(job.name, "duplicate", f"same content as {known[1]}", ids, job.size)
                )
                continue
            seen[job.sha256] = job.name
            todo.append(job)
        for job, out in ingest_many(todo, limits, workers, timeout=timeout):
            if isinstance(out, IngestError):
                record(FileOutcome(job.name, "error", out.reason, bytes=job.size))
                for rep in repeats.pop(job.sha256 or "", []):
                    record(FileOutcome(rep.name, "error", out.reason, bytes=rep.size))
                continue
            with transaction(self.conn):  # the file and its audit event: one
                ids = docs_store.insert_file(self.conn, out, attributes)
                for doc_id, doc in zip(ids, out.documents, strict=True):  # long passages
                    # shared with earlier documents, by the fingerprints the worker made
                    shared_passages.scan_document(self.conn, doc_id, doc.shared_fingerprints)
                audit.record(
                    self.conn, _file_event(Action.FILE_ADD, ids, job.size), actor=self.actor
                )
            if out.quarantined:  # bytes kept, text not used: an error the user must act on
                record(FileOutcome(job.name, "error", out.quarantined, ids, job.size))
            else:
                record(FileOutcome(job.name, "added", "", ids, job.size))
            for rep in repeats.pop(job.sha256 or "", []):
                record(
                    FileOutcome(rep.name, "duplicate", f"same content as {job.name}", ids, rep.size)
                )
        self._pair_added(report)
        return report

    def add_uploads(
        self,
        files: Iterable[tuple[str, bytes]],
        *,
        attributes: dict[str, str] | None = None,
        limits: Limits | None = None,
        actor: str | None = None,
    ) -> AddReport:
        """Ingest files given as (name, bytes), as a browser uploads them: the same
        pipeline, checks and per-file errors as :meth:`add`, and nothing on disk."""
        report = AddReport()
        seen: dict[str, str] = {}
        for name, data in files:
            sha256 = hashlib.sha256(data).hexdigest()
            known = docs_store.find_source_by_hash(self.conn, sha256)
            if known or sha256 in seen:
                ids = docs_store.documents_of_source(self.conn, known[0]) if known else []
                earlier = known[1] if known else seen[sha256]
                note = f"same content as {earlier}"
                report.outcomes.append(FileOutcome(name, "duplicate", note, ids, len(data)))
                continue
            seen[sha256] = name
            out = ingest_upload(data, name, limits)
            if isinstance(out, IngestError):
                report.outcomes.append(FileOutcome(name, "error", out.reason, bytes=len(data)))
                continue
            with transaction(self.conn):
                ids = docs_store.insert_file(self.conn, out, attributes)
                for doc_id, doc in zip(ids, out.documents, strict=True):
                    shared_passages.scan_document(self.conn, doc_id, doc.shared_fingerprints)
                event = _file_event(Action.FILE_UPLOAD, ids, len(data))
                audit.record(self.conn, event, actor=actor if actor is not None else self.actor)
            status = "error" if out.quarantined else "added"
            report.outcomes.append(FileOutcome(name, status, out.quarantined or "", ids, len(data)))
        self._pair_added(report)
        return report

    def rescan_shared(self) -> tuple[int, int]:
        """Look for long passages shared between documents all over again, in the order
        they were added: for projects from before schema 11, whose documents were never
        compared. Pairs already linked are kept; running it twice finds nothing new.
        Returns (documents scanned, shared passages found)."""
        with transaction(self.conn):
            scanned, found = shared_passages.rescan(self.conn)
            event = Event(
                Action.SHARED_RESCAN, counts={"documents": scanned, "shared_passages": found}
            )
            audit.record(self.conn, event, actor=self.actor)
        return scanned, found

    def _pair_added(self, report: AddReport) -> None:
        added = [i for o in report.outcomes if o.status == "added" for i in o.document_ids]
        if added:
            from moksori.bilingual.name_pairs import pair_by_names  # lazy: numpy, encoder

            pairing = pair_by_names(self.pairs, added)
            report.pairs, report.proposed_pairs = pairing.made, pairing.proposed

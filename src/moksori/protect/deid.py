"""De-identification of a project: scan, review, entities, known names, re-identification.

The project and the vault are two files. Anything that touches both writes
the vault first (an extra alias there is harmless) and then the project in
one transaction, so a failure leaves the project as it was.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori.errors import DeidError, KnownNamesError, UnreviewedFindings, VaultError
from moksori.protect import shared_list
from moksori.protect.entities import Entities, Entity
from moksori.protect.findings import STATUSES, Finding, Findings, Selector
from moksori.protect.groups import Group, build_groups, group_entities, resolve
from moksori.protect.parallel import detect_documents
from moksori.protect.propagate import propagate as propagate_all
from moksori.protect.publishing import Publishing
from moksori.protect.publishing import share_project as share_project  # its old home
from moksori.protect.redacted_index import RedactedResult, redacted_index
from moksori.protect.reviewers import Reviewers
from moksori.protect.romanise import name_key
from moksori.protect.scan import KnownName
from moksori.protect.scrub import Scrubber
from moksori.protect.spans import PiiType
from moksori.protect.vault import Vault, check_aliases
from moksori.protect.view import ViewCache
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction
from moksori.store.documents import document_ids, document_texts, documents_of_quality
from moksori.store.ids import new_guid

SCANNER_VERSION = "1"


@dataclass
class ScanReport:
    documents: int = 0
    characters: int = 0
    added: int = 0
    dropped: int = 0
    seconds: float = 0.0
    spread: int = 0  # mentions found because the name was found in another document
    by_type: dict[str, int] = field(default_factory=dict)
    # Undecodable documents (bytes kept, no text): never scanned, listed here instead.
    skipped: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReviewReport:
    status: str
    changed: int
    entities_created: int = 0
    proposed: int = 0  # mentions propagated from the decision and left for review

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class KnownEntry:
    line: int
    aliases: list[str]
    pseudonym: str | None = None
    pseudonym_ko: str | None = None


class Deid:
    """De-identification use cases; each change is audited as ``actor`` (the
    project's) unless a call names its own (the web's signed-in user)."""

    def __init__(self, conn: Connection, project_path: Path, actor: str | None = None) -> None:
        self.conn = conn
        self.project_path = project_path
        self.actor = actor

    def _who(self, actor: str | None) -> str | None:
        return actor if actor is not None else self.actor

    @property
    def findings(self) -> Findings:
        return Findings(self.conn)

    @property
    def entities(self) -> Entities:
        return Entities(self.conn, self.actor)

    @property
    def publishing(self) -> Publishing:
        """Policy, shared list, k threshold, redacted exports and the shareable copy."""
        return Publishing(self.conn, actor=self.actor)

    @property
    def reviewers(self) -> Reviewers:
        return Reviewers(self.conn, actor=self.actor)

    @property
    def project_guid(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'project_guid'").fetchone()
        return str(row[0])

    # --- reading through the redaction ------------------------------------------
    def views(self, *, include_proposed: bool = True) -> ViewCache:
        """Redacted views of documents, each built once (pages, exports, quotes)."""
        return ViewCache(self.conn, include_proposed=include_proposed)

    def scrubber(self, vault: Vault | None = None) -> Scrubber:
        """Known names and places replaced in free text (labels, memos, speakers)."""
        return Scrubber.of(self.conn, vault)

    def search_redacted(
        self, query: str, *, langs: list[str] | None = None, limit: int = 50
    ) -> RedactedResult:
        """Keyword search over the redacted text and its own index only (viewers)."""
        return redacted_index(self.conn, self.project_guid).search(query, langs=langs, limit=limit)

    # --- the vault -------------------------------------------------------------
    def create_vault(self, path: Path, passphrase: str) -> Vault:
        return Vault.create(path, passphrase, self.project_guid)

    def open_vault(self, path: Path, passphrase: str) -> Vault:
        return Vault.open(path, passphrase, self.project_guid)

    def _entity_ids(self) -> dict[str, int]:
        return {g: int(i) for i, g in self.conn.execute("SELECT id, guid FROM entity")}

    # --- scanning -------------------------------------------------------------
    def scan(
        self,
        *,
        documents: Sequence[int] | None = None,
        vault: Vault | None = None,
        rescan: bool = False,
        workers: int | None = None,
        on_document: Callable[[int, int], None] | None = None,
    ) -> ScanReport:
        """Detect personal data; each document's findings are stored in one transaction."""
        t0 = time.perf_counter()
        report = ScanReport()
        if documents is None:
            # Every document (rescan), or those not scanned yet plus the undecodable
            # ones, which are reported as skipped below rather than scanned.
            documents = (
                document_ids(self.conn)
                if rescan
                else sorted(
                    self.findings.unscanned_documents() + self.findings.undecodable_documents()
                )
            )
        guid_to_id = self._entity_ids()
        known = (
            [KnownName(p.entity_guid, p.aliases) for p in vault.known()]
            if vault is not None
            else []
        )
        docs: list[tuple[int, str]] = []
        wanted = [int(d) for d in documents]
        undecodable = set(documents_of_quality(self.conn, "undecodable"))
        texts = document_texts(self.conn, [d for d in wanted if d not in undecodable])
        for doc_id in wanted:
            if doc_id in undecodable:
                report.skipped.append(doc_id)  # no trustworthy text to scan
                continue
            if doc_id not in texts:
                raise DeidError(f"no document {doc_id}")
            docs.append((doc_id, texts[doc_id]))
        shared = shared_list.load(self.conn)
        for doc_id, text, spans in detect_documents(docs, known, workers, shared):
            for s in spans:
                if s.type != PiiType.PERSON:
                    continue
                guid = s.info.pop("entity", None)
                if guid is None and vault is not None:
                    guid = vault.entity_for(text[s.start : s.end])
                if guid is not None and guid in guid_to_id:
                    s.info["entity_id"] = guid_to_id[guid]
            added, dropped = self.findings.store_scan(doc_id, spans, SCANNER_VERSION)
            report.documents += 1
            report.characters += len(text)
            report.added += added
            report.dropped += dropped
            for s in spans:
                report.by_type[s.type.value] = report.by_type.get(s.type.value, 0) + 1
            if on_document:
                on_document(doc_id, len(text))
        with transaction(self.conn):
            report.spread = len(self.propagate(vault))
            audit.record(
                self.conn,
                Event(
                    Action.DEID_SCAN,
                    targets={"document": [d for d, _ in docs]},
                    counts={"added": report.added, "dropped": report.dropped}
                    | {"spread": report.spread, "skipped": len(report.skipped)},
                ),
                actor=self.actor,
            )
        report.seconds = round(time.perf_counter() - t0, 3)
        return report

    def propagate(
        self, vault: Vault | None = None, *, sources: Sequence[int] | None = None
    ) -> list[int]:
        """Every person and place the project knows, found at every mention in it.

        See :mod:`moksori.protect.propagate`; returns the new findings' ids.
        """
        return propagate_all(self.conn, sources=sources, vault=vault)

    def mark(
        self,
        doc_id: int,
        start: int,
        end: int,
        type_: str,
        *,
        actor: str | None = None,
        vault: Vault | None = None,
    ) -> Finding:
        """A span a detector missed, accepted at once; a name or place is then proposed
        at its other mentions in the project. One transaction, audited."""
        with transaction(self.conn):
            f = self.findings.add_manual(doc_id, start, end, type_, actor)
            new = self.propagate(vault, sources=[f.id])
            audit.record(
                self.conn,
                Event(
                    Action.DEID_MARK,
                    targets={"finding": [f.id], "document": [doc_id], "propagated": new},
                ),
                actor=self._who(actor),
            )
        return f

    # --- groups -----------------------------------------------------------------
    def groups(
        self, *, status: str | None = "proposed", types: Sequence[str] = (), with_text: bool = False
    ) -> list[Group]:
        """Findings grouped per entity or written form; those with a finding in ``status``."""
        if status is not None and status not in STATUSES:
            raise DeidError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        groups = build_groups(self.conn, self.findings.select(), with_text=with_text)
        return [
            g
            for g in groups
            if (not types or g.type in types) and (status is None or getattr(g, status) > 0)
        ]

    def decide_groups(
        self,
        refs: Sequence[str],
        status: str,
        *,
        vault: Vault | None = None,
        actor: str | None = None,
        role: str | None = None,
        again: bool = False,
    ) -> ReviewReport:
        """Accept or reject whole groups: one decision per person or place, not per mention.

        Accepting a person group gives all its findings one entity (the group's, or
        a new one named in the vault by its longest form). Only open proposals are
        changed unless ``again``.
        """
        self.reviewers.require(actor, role)
        chosen = resolve(build_groups(self.conn, self.findings.select()), refs)
        wanted = {i for g in chosen for i in g.findings}
        picked = [
            f
            for f in self.findings.select(Selector(ids=sorted(wanted)))
            if again or f.status == "proposed"
        ]
        if not picked:  # an empty id list would select every finding
            return ReviewReport(status, 0)
        with transaction(self.conn):  # the entities and the decision: all or nothing
            created = 0
            if status == "accepted":
                created = group_entities(self.conn, chosen, picked, vault)
            report = self.review(
                Selector(ids=[f.id for f in picked]),
                status,
                vault=vault,
                actor=actor,
                role=role,
                settle=True,
                group_ids=[g.id for g in chosen],
            )
        report.entities_created += created
        return report

    # --- review ---------------------------------------------------------------
    def review(
        self,
        selector: Selector,
        status: str,
        *,
        vault: Vault | None = None,
        actor: str | None = None,
        role: str | None = None,
        settle: bool | None = None,
        group_ids: Sequence[str] = (),
    ) -> ReviewReport:
        """Accept or reject findings in bulk. Accepting a person gives it an entity.

        Only owners, and coders an owner granted it to, decide (a rejection shows
        text in clear to viewers and in shared copies); every decision is audited.
        Accepted names and places are then propagated to every mention in the same
        transaction; ``settle`` (default: any choice not by id) accepts those new
        mentions that fall in a group just accepted, so a decision covers its entity.
        The event is the same from every face (no "via"): targets and counts only.
        """
        self.reviewers.require(actor, role)
        chosen = self.findings.select(selector)
        ids = [f.id for f in chosen]
        people = [f for f in chosen if f.type == PiiType.PERSON.value and f.entity_id is None]
        if status == "accepted" and people and vault is None:
            raise VaultError(
                "accepting names needs the vault (it keeps who each pseudonym stands for); "
                "create one with: moksori deid vault init PROJECT"
            )
        if settle is None:
            settle = not selector.ids
        with transaction(self.conn):  # entities, decision, propagation and audit: one
            created = 0
            if status == "accepted" and people and vault is not None:
                groups = build_groups(self.conn, self.findings.select())  # 순옥 with 방순옥
                created = group_entities(self.conn, groups, people, vault)
            n = self.findings.set_status(ids, status, actor)
            new: list[int] = []
            settled: list[int] = []
            if ids and status == "accepted":
                new = self.propagate(vault, sources=ids)
                if new and settle:
                    settled = self._settle(ids, new, actor)
            if ids:
                audit.record(
                    self.conn,
                    Event(
                        Action.DEID_REVIEW,
                        targets={"finding": ids, **_group_targets(group_ids)}
                        | {"propagated": new, "settled": settled},
                        counts={"changed": n},
                        choice=_DECISION.get(status, status),
                    ),
                    actor=self._who(actor),
                )
        return ReviewReport(status, n + len(settled), created, len(new) - len(settled))

    def _settle(self, decided: Sequence[int], new: Sequence[int], actor: str | None) -> list[int]:
        """New mentions that join a group just accepted are accepted with it."""
        groups = build_groups(self.conn, self.findings.select())
        done = set(decided)
        fresh = set(new)
        ids = sorted(i for g in groups if done & set(g.findings) for i in g.findings if i in fresh)
        self.findings.set_status(ids, "accepted", actor)
        return ids

    def require_reviewed(self, unreviewed_ok: bool) -> None:
        n = self.findings.unreviewed()
        unscanned = len(self.findings.unscanned_documents())
        if unreviewed_ok:
            return
        if unscanned:
            raise UnreviewedFindings(
                f"{unscanned} document(s) have not been scanned for personal data; run "
                "moksori deid scan first, or pass --unreviewed-ok"
            )
        if n:
            raise UnreviewedFindings(
                f"{n} finding(s) still await review (moksori deid review); "
                "pass --unreviewed-ok to export anyway (proposals are then redacted)"
            )

    # --- known names ------------------------------------------------------------
    def add_known(
        self,
        aliases: Sequence[str],
        vault: Vault,
        *,
        pseudonym: str | None = None,
        pseudonym_ko: str | None = None,
    ) -> Entity:
        return self.add_known_many([KnownEntry(1, list(aliases), pseudonym, pseudonym_ko)], vault)[
            0
        ]

    def add_known_many(self, entries: Sequence[KnownEntry], vault: Vault) -> list[Entity]:
        """All or nothing: any empty, repeated or clashing alias stops the whole list."""
        seen: dict[str, int] = {}
        existing = {name_key(n): g for g, n in vault.all_aliases()}
        for entry in entries:
            try:
                names = check_aliases(entry.aliases)
            except KnownNamesError as exc:
                raise KnownNamesError(f"line {entry.line}: {exc}") from None
            entry.aliases = names
            for name in names:
                key = name_key(name) or name.casefold()
                if key in seen and seen[key] != entry.line:
                    raise KnownNamesError(
                        f"line {entry.line}: a name repeats one on line {seen[key]}"
                    )
                seen[key] = entry.line
        out: list[Entity] = []
        with transaction(self.conn):
            for entry in entries:
                hits = {existing[k] for n in entry.aliases if (k := name_key(n)) in existing}
                if len(hits) > 1:
                    raise KnownNamesError(
                        f"line {entry.line}: its names belong to {len(hits)} different people "
                        "already in the vault; merge them first"
                    )
                guid = hits.pop() if hits else new_guid()
                entity = self.entities.find(guid)
                if entity is None:
                    entity = self.entities.create(entry.pseudonym, entry.pseudonym_ko, guid=guid)
                elif entry.pseudonym:
                    entity = self.entities.rename(entity.id, entry.pseudonym, entry.pseudonym_ko)
                out.append(entity)
            # The vault last but inside the project transaction: if it fails,
            # the project rolls back and no entity is left without its names.
            for entry, entity in zip(entries, out, strict=True):
                vault.add_person(entity.guid, entry.aliases, known=True)
        return out

    def reveal(self, ref: str | int, vault: Vault, actor: str | None = None) -> list[str]:
        """The real names behind a pseudonym. Every reveal is written to the audit log."""
        entity = self.entities.get(ref)
        person = vault.person(entity.guid)
        with transaction(self.conn) as c:
            audit.record(
                c,
                Event(Action.DEID_REVEAL, targets={"entity": [entity.guid]}),
                actor=self._who(actor),
            )
        return list(person.aliases) if person else []


_DECISION = {"accepted": "accept", "rejected": "reject", "proposed": "reopen"}


def _group_targets(groups: Sequence[str]) -> dict[str, list[int]]:
    """Group ids as audit targets: ``e12`` is entity 12, ``f34`` the group whose
    first finding is 34 (a written form, never the form itself)."""
    out: dict[str, list[int]] = {}
    for g in groups:
        kind = "entity_group" if g.startswith("e") else "form_group"
        out.setdefault(kind, []).append(int(g[1:]))
    return out


def group_refs(detail: dict[str, Any]) -> list[str]:
    """The group ids a review event names, back from its targets."""
    targets = detail.get("targets", {})
    return [f"e{i}" for i in targets.get("entity_group", [])] + [
        f"f{i}" for i in targets.get("form_group", [])
    ]


_KNOWN_LINE = re.compile(r"^(?P<names>[^#]*?)(?:\s*->\s*(?P<pseudo>[^#]*?))?\s*(?:#.*)?$")


def parse_known_names(text: str) -> list[KnownEntry]:
    """One person per line: ``지민 = Ji Min = Jimin -> Youngmi / 영미``; # starts a comment."""
    entries: list[KnownEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KNOWN_LINE.match(line.strip())
        if m is None:  # pragma: no cover - the pattern matches any line
            raise KnownNamesError(f"line {number} cannot be read")
        aliases = [a for a in m.group("names").split("=")]
        if any(not a.strip() for a in aliases):
            raise KnownNamesError(f"line {number}: an alias is empty (two '=' in a row?)")
        pseudo = (m.group("pseudo") or "").split("/")
        entries.append(
            KnownEntry(
                number,
                aliases,
                pseudo[0].strip() or None,
                pseudo[1].strip() if len(pseudo) > 1 and pseudo[1].strip() else None,
            )
        )
    if not entries:
        raise KnownNamesError("the known-names file has no names")
    return entries

"""De-identification of a project: scan, review, entities, known names, re-identification.

The project and the vault are two files. Anything that touches both writes
the vault first (an extra alias there is harmless) and then the project in
one transaction, so a failure leaves the project as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori.errors import DeidError, KnownNamesError, UnreviewedFindings, VaultError
from moksori.protect.entities import Entities, Entity
from moksori.protect.findings import Finding, Findings, Selector
from moksori.protect.parallel import detect_documents
from moksori.protect.redacted_index import RedactedResult, redacted_index
from moksori.protect.reviewers import Reviewers
from moksori.protect.romanise import name_key
from moksori.protect.scan import KnownName
from moksori.protect.spans import PiiType
from moksori.protect.vault import Vault, check_aliases, clean_name
from moksori.store import audit
from moksori.store.database import Connection, transaction
from moksori.store.schema import now

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

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class KnownEntry:
    line: int
    aliases: list[str]
    pseudonym: str | None = None
    pseudonym_ko: str | None = None


class Deid:
    def __init__(self, conn: Connection, project_path: Path) -> None:
        self.conn = conn
        self.project_path = project_path

    @property
    def findings(self) -> Findings:
        return Findings(self.conn)

    @property
    def entities(self) -> Entities:
        return Entities(self.conn)

    @property
    def reviewers(self) -> Reviewers:
        return Reviewers(self.conn)

    @property
    def project_guid(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'project_guid'").fetchone()
        return str(row[0])

    # --- reading through the redaction ------------------------------------------
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
        import time

        t0 = time.perf_counter()
        report = ScanReport()
        if documents is None:
            # Every document (rescan), or those not scanned yet plus the undecodable
            # ones, which are reported as skipped below rather than scanned.
            documents = (
                [int(r[0]) for r in self.conn.execute("SELECT id FROM document ORDER BY id")]
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
        for doc_id in documents:
            row = self.conn.execute(
                "SELECT text, quality FROM document WHERE id = ?", (doc_id,)
            ).fetchone()
            if row is None:
                raise DeidError(f"no document {doc_id}")
            if row[1] == "undecodable":
                report.skipped.append(int(doc_id))  # no trustworthy text to scan
                continue
            docs.append((int(doc_id), str(row[0])))
        for doc_id, text, spans in detect_documents(docs, known, workers):
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
        report.spread = self.spread_names(vault)
        report.seconds = round(time.perf_counter() - t0, 3)
        return report

    def spread_names(self, vault: Vault | None = None) -> int:
        """A name found in one document is found in every scanned document.

        Names a reviewer rejected everywhere are not spread. Returns the number
        of new proposals.
        """
        from moksori.protect.detect.masked import masked_zones
        from moksori.protect.scan import SPREAD_CONFIDENCE, NameSpreader, variants

        people = self.findings.select(Selector(types=[PiiType.PERSON.value]))
        texts = self.findings.texts_of({f.document_id for f in people})
        kept: set[str] = set()
        rejected: set[str] = set()
        for f in people:
            name = " ".join(texts[f.document_id][f.start : f.end].split())
            if f.status == "rejected":
                rejected.add(name)
            elif f.confidence >= SPREAD_CONFIDENCE or f.status == "accepted":
                kept.add(name)
        names: set[str] = set()
        for name in kept - rejected:
            names |= variants(name)
        names -= rejected
        if not names:
            return 0
        spreader = NameSpreader(names)
        stamp = now()
        added = 0
        with transaction(self.conn) as c:
            scanned = [int(r[0]) for r in c.execute("SELECT document_id FROM deid_scan")]
            for doc_id in scanned:
                text = str(
                    c.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0]
                )
                zones = masked_zones(text)
                for span in spreader.find(text):
                    if any(a <= span.start and span.end <= b for a, b in zones):
                        continue
                    entity = None
                    if vault is not None:
                        guid = vault.entity_for(text[span.start : span.end])
                        row = c.execute("SELECT id FROM entity WHERE guid = ?", (guid,)).fetchone()
                        entity = int(row[0]) if row else None
                    cur = c.execute(
                        'INSERT OR IGNORE INTO finding(document_id, start, "end", type, detector, '
                        "confidence, entity_id, created_at) VALUES (?, ?, ?, 'person', 'spread', "
                        "?, ?, ?)",
                        (doc_id, span.start, span.end, span.confidence, entity, stamp),
                    )
                    added += cur.rowcount
        return added

    # --- review ---------------------------------------------------------------
    def review(
        self,
        selector: Selector,
        status: str,
        *,
        vault: Vault | None = None,
        actor: str | None = None,
        role: str | None = None,
        via: str = "cli",
    ) -> ReviewReport:
        """Accept or reject findings in bulk. Accepting a person gives it an entity.

        Only owners, and coders an owner granted it to, decide (a rejection shows
        text in clear to viewers and in shared copies); every decision is audited.
        """
        self.reviewers.require(actor, role)
        chosen = self.findings.select(selector)
        ids = [f.id for f in chosen]
        people = [f for f in chosen if f.type == PiiType.PERSON.value and f.entity_id is None]
        created = 0
        if status == "accepted" and people:
            if vault is None:
                raise VaultError(
                    "accepting names needs the vault (it keeps who each pseudonym stands for); "
                    "create one with: moksori deid vault init PROJECT"
                )
            created = self._assign_entities(people, vault)
        with transaction(self.conn):
            n = self.findings.set_status(ids, status, actor)
            if ids:
                audit.record(
                    self.conn,
                    "deid review",
                    {"status": status, "findings": ids, "changed": n, "via": via},
                    actor=actor,
                )
        return ReviewReport(status, n, created)

    def _assign_entities(self, people: Sequence[Finding], vault: Vault) -> int:
        """Same name (in either script) → same entity; new names get a new pseudonym."""
        guid_to_id = self._entity_ids()
        texts = {f.id: self.findings.text_of(f) for f in people}
        plan: dict[int, str] = {}  # finding → entity guid
        new: dict[str, str] = {}  # name key → new entity guid
        from moksori.store.schema import new_guid

        for f in people:
            name = clean_name(texts[f.id])
            guid = vault.entity_for(name)
            if guid is None or guid not in guid_to_id:
                key = name_key(name) or name.casefold()
                guid = new.setdefault(key, new_guid())
                vault.add_person(guid, [name], known=False)
            else:
                vault.add_alias(guid, name)
            plan[f.id] = guid
        with transaction(self.conn):
            for guid in dict.fromkeys(new.values()):
                self.entities.create(guid=guid)
            guid_to_id = self._entity_ids()
            self.conn.executemany(
                "UPDATE finding SET entity_id = ? WHERE id = ?",
                [(guid_to_id[g], fid) for fid, g in plan.items()],
            )
        return len(set(new.values()))

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
        from moksori.store.schema import new_guid

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
                "deid.reveal",
                {"entity": entity.guid, "pseudonym": entity.pseudonym, "vault": vault.path.name},
                actor,
            )
        return list(person.aliases) if person else []


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


def share_project(
    conn: Connection, out: Path, passphrase: str, vault: Vault | None, options: Any = None
) -> Any:
    """Write the redacted, shareable copy of a project to a new encrypted file.

    ``options``: a ``share.ShareOptions`` (attributes withheld or generalised,
    risk accepted); the copy is refused below the project's k without one.
    """
    from moksori.protect.share import share
    from moksori.store.database import create_keyed
    from moksori.store.schema import migrate

    db = create_keyed(out, passphrase)
    try:
        migrate(db.conn)
        return share(conn, db.conn, vault, out, options)
    except BaseException:
        db.conn.close()
        for p in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
            p.unlink(missing_ok=True)
        raise
    finally:
        with _suppress():
            db.conn.close()


def _suppress() -> Any:
    import contextlib

    return contextlib.suppress(Exception)

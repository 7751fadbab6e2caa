"""A document's redacted view, read from the store: findings + policy + entities.

Known names are redacted wherever they stand, whatever the state of their
findings: a rejected finding of a name that has an entity, or a mention the
scanner never marked, still shows the pseudonym (see ``known``).
"""

from __future__ import annotations

from moksori.protect import ancestry
from moksori.protect import policy as policy_store
from moksori.protect.entities import Entities
from moksori.protect.findings import Finding, Findings, Selector
from moksori.protect.known import KnownNames
from moksori.protect.policy import Policy
from moksori.protect.redact import RedactedView, Renderer, build, replacements_for
from moksori.store import documents
from moksori.store.database import Connection


def generalise_place(text: str, info: dict[str, object], level: str, lang: str) -> str | None:
    """The province or region of a place, checked in ``protect.ancestry``; None: the tag."""

    return ancestry.generalise_place(text, info, level, lang)


def document_view(
    conn: Connection,
    doc_id: int,
    *,
    policy: Policy | None = None,
    include_proposed: bool = True,
    known: KnownNames | None = None,
) -> RedactedView:
    """The redacted text of one document.

    Proposed findings are redacted too unless told otherwise: an export run
    with ``--unreviewed-ok`` errs towards hiding. Rejected findings are not,
    except mentions of a known name (``known``: the vault's names when it is
    open; by default what the project alone knows).
    """
    text = documents.document_text(conn, doc_id)
    findings = [
        f
        for f in Findings(conn).select(Selector(documents=[doc_id]))
        if f.status == "accepted" or (include_proposed and f.status == "proposed")
    ]
    if known is None:
        known = KnownNames.of(conn, include_proposed=include_proposed)
    findings += forced_names(text, doc_id, findings, known)
    renderer = Renderer(
        text,
        policy or policy_store.load(conn),
        Entities(conn).by_id(),
        generalise_place,
    )
    return build(text, replacements_for(text, findings, renderer))


def forced_names(
    text: str, doc_id: int, findings: list[Finding], known: KnownNames
) -> list[Finding]:
    """Mentions of known names that no redacted finding covers, as person findings."""
    covered = sorted((f.start, f.end) for f in findings)
    out: list[Finding] = []
    for start, end, entity in known.find(text):
        if any(a <= start and end <= b for a, b in covered):
            continue
        out.append(
            Finding(
                -len(out) - 1, doc_id, start, end, "person", "known", 1.0, "accepted", entity, {}
            )
        )
    return out


class ViewCache:
    """Views of many documents (reports, tables), built once each.

    ``known``: the names to redact wherever they stand (``KnownNames.of(conn,
    vault)`` when the vault is open); by default what the project knows.
    """

    def __init__(
        self,
        conn: Connection,
        *,
        include_proposed: bool = True,
        known: KnownNames | None = None,
    ) -> None:
        self.conn = conn
        self.policy = policy_store.load(conn)
        self.include_proposed = include_proposed
        self._known = known
        self._views: dict[int, RedactedView] = {}

    @property
    def known(self) -> KnownNames:
        if self._known is None:
            self._known = KnownNames.of(self.conn, include_proposed=self.include_proposed)
        return self._known

    def __call__(self, doc_id: int) -> RedactedView:
        view = self._views.get(doc_id)
        if view is None:
            view = document_view(
                self.conn,
                doc_id,
                policy=self.policy,
                include_proposed=self.include_proposed,
                known=self.known,
            )
            self._views[doc_id] = view
        return view

    def quote(self, doc_id: int, start: int, end: int) -> str:
        return self(doc_id).slice(start, end)

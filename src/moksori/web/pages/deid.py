"""The de-identification review queue, a document's redacted preview, the risk table.

Findings point at personal data in the original text, so the queue (which
shows each finding in context) is for accounts that may read originals:
owners and coders. Reviewing is coding-level work; accepting a *name* needs
the vault (it keeps who each pseudonym stands for), which the web app never
holds, so those findings are left for ``moksori deid review --vault`` and the
answer says which. The grouped view (``?view=groups``) decides per person,
place or written form, through ``Deid.decide_groups`` like the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.errors import MoksoriError
from moksori.project import Project
from moksori.protect.findings import Finding, Selector
from moksori.protect.groups import Group, resolve
from moksori.protect.risk import assess
from moksori.web.body import Json, is_whole
from moksori.web.context import Forbidden, project_of, render, require
from moksori.web.redaction import Redactor, reads_originals

router = APIRouter()
CONTEXT = 40  # characters of text shown either side of a finding
QUEUE_LIMIT = 500  # findings listed at once
DECISIONS = {"accept": "accepted", "reject": "rejected"}


# --- the queue ---------------------------------------------------------------------
@dataclass
class QueueRow:
    finding: Finding
    document: str
    before: str
    text: str
    after: str

    def to_json(self) -> dict[str, Any]:
        return {
            **self.finding.to_json(),
            "document": self.document,
            "text": self.text,
            "before": self.before,
            "after": self.after,
        }


@dataclass
class Queue:
    rows: list[QueueRow]
    counts: list[dict[str, Any]]
    unreviewed: int
    unscanned: list[int]
    types: list[str]
    documents: dict[int, str]
    risk: Any = None
    risk_error: str = ""
    shown: int = 0
    total: int = 0
    groups: list[Group] | None = None  # the grouped view: one row per person, place or form
    statuses: list[str] = field(default_factory=lambda: ["proposed", "accepted", "rejected"])


def load_groups(project: Project, status: str, type_: str) -> list[Group]:
    """Findings grouped per entity or written form, biggest first, low confidence included."""
    groups = project.deid.groups(
        status=status or None, types=[type_] if type_ else [], with_text=True
    )
    return groups[:QUEUE_LIMIT]


def load_queue(project: Project, status: str, type_: str, doc: int | None) -> Queue:
    findings = project.deid.findings
    selector = Selector(
        status=status or None, types=[type_] if type_ else [], documents=[doc] if doc else []
    )
    chosen = findings.select(selector)
    texts = findings.texts_of({f.document_id for f in chosen[:QUEUE_LIMIT]})
    labels = project.document_labels()
    rows = []
    for f in chosen[:QUEUE_LIMIT]:
        t = texts[f.document_id]
        rows.append(
            QueueRow(
                f,
                labels.get(f.document_id, str(f.document_id)),
                t[max(0, f.start - CONTEXT) : f.start],
                t[f.start : f.end],
                t[f.end : f.end + CONTEXT],
            )
        )
    queue = Queue(
        rows=rows,
        counts=findings.counts(),
        unreviewed=findings.unreviewed(),
        unscanned=findings.unscanned_documents(),
        types=sorted({c["type"] for c in findings.counts()}),
        documents=labels,
        shown=len(rows),
        total=len(chosen),
    )
    try:
        queue.risk = assess(project)
    except MoksoriError as exc:
        queue.risk_error = str(exc)
    return queue


@router.get("/deid")
def deid_page(
    request: Request,
    session: Annotated[Session, Depends(require("code"))],
    status: Annotated[str, Query()] = "proposed",
    type: Annotated[str, Query()] = "",  # noqa: A002
    doc: Annotated[int | None, Query()] = None,
    view: Annotated[str, Query()] = "",
) -> Response:
    project = project_of(request)
    queue = load_queue(project, status, type, doc)
    if view == "groups":
        queue.groups = load_groups(project, status, type)
    return render(
        request,
        "deid.html",
        queue=queue,
        may_decide=project.deid.reviewers.may_review(session.user.name, session.user.role),
        filters={"status": status, "type": type, "doc": doc, "view": view},
    )


@router.get("/api/deid/groups")
def groups_api(
    request: Request,
    session: Annotated[Session, Depends(require("code"))],
    status: Annotated[str, Query()] = "proposed",
    type: Annotated[str, Query()] = "",  # noqa: A002
) -> JSONResponse:
    """The grouped queue with each group's written forms (the team reads originals)."""
    groups = load_groups(project_of(request), status, type)
    return JSONResponse({"groups": [g.to_json() for g in groups], "total": len(groups)})


@router.get("/api/deid/findings")
def findings_api(
    request: Request,
    session: Annotated[Session, Depends(require("code"))],
    status: Annotated[str, Query()] = "proposed",
    type: Annotated[str, Query()] = "",  # noqa: A002
    doc: Annotated[int | None, Query()] = None,
) -> JSONResponse:
    queue = load_queue(project_of(request), status, type, doc)
    return JSONResponse(
        {
            "findings": [r.to_json() for r in queue.rows],
            "total": queue.total,
            "unreviewed": queue.unreviewed,
        }
    )


# --- review ------------------------------------------------------------------------
def review(project: Project, body: dict[str, Any], actor: str, role: str) -> dict[str, Any]:
    """Accept or reject findings by id, or every proposal of a type or document.

    Owners decide, and coders an owner granted it to (``moksori deid grant``).
    """
    if not project.deid.reviewers.may_review(actor, role):
        raise Forbidden(
            "redaction decisions are the owner's; an owner can grant them to you "
            "(moksori deid grant)"
        )
    decision = DECISIONS.get(str(body.get("decision", "")))
    if decision is None:
        raise MoksoriError("decision must be accept or reject")
    if body.get("groups") is not None:
        return _review_groups(project, body, decision, actor, role)
    ids = _ints(body.get("ids"), "ids")
    types = [str(t) for t in body.get("types") or []]
    docs = _ints(body.get("documents"), "documents")
    if not (ids or types or docs or body.get("all_proposed") is True):
        raise MoksoriError("choose findings: ids, types, documents, or all_proposed")
    # by id: exactly those (a decision may be changed); otherwise only open proposals
    selector = Selector(ids=ids, types=types, documents=docs, status=None if ids else "proposed")
    chosen = project.deid.findings.select(selector)
    found = {f.id for f in chosen}
    missing = [i for i in ids if i not in found]
    if missing:
        raise MoksoriError(f"no finding {missing[0]}")
    needs_vault = [
        f.id
        for f in chosen
        if decision == "accepted" and f.type == "person" and f.entity_id is None
    ]
    todo = [f.id for f in chosen if f.id not in set(needs_vault)]
    changed = 0
    if todo:
        changed = project.deid.review(Selector(ids=todo), decision, actor=actor, role=role).changed
    return {"status": decision, "changed": changed, "ids": todo, "needs_vault": needs_vault}


def _review_groups(
    project: Project, body: dict[str, Any], decision: str, actor: str, role: str
) -> dict[str, Any]:
    """Whole groups at once, through the same library use case as ``deid review --group``.

    A person group without a pseudonym yet needs the vault, which the server
    never holds: those groups are listed in ``needs_vault`` and left as they are.
    """
    refs = body.get("groups")
    if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
        raise MoksoriError("groups must be a list of group ids")
    if any(body.get(k) for k in ("ids", "types", "documents", "all_proposed")):
        raise MoksoriError("choose either groups or findings, not both")
    chosen = resolve(project.deid.groups(status=None), refs)
    needs_vault = [
        g.id
        for g in chosen
        if decision == "accepted" and g.type == "person" and g.entity_id is None
    ]
    todo = [g.id for g in chosen if g.id not in needs_vault]
    changed = 0
    if todo:
        changed = project.deid.decide_groups(todo, decision, actor=actor, role=role).changed
    return {"status": decision, "changed": changed, "groups": todo, "needs_vault": needs_vault}


def _ints(value: Any, name: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(is_whole(v) for v in value):
        raise MoksoriError(f"{name} must be a list of numbers")
    return list(value)


@router.post("/api/deid/review")
async def review_api(
    request: Request,
    session: Annotated[Session, Depends(require("code"))],
    body: Json,
) -> JSONResponse:
    result = await anyio.to_thread.run_sync(
        lambda: review(project_of(request), body, session.user.name, session.user.role)
    )
    return JSONResponse(result)


# --- the redacted preview -------------------------------------------------------
@router.get("/deid/preview/{doc_id}")
def preview_page(
    request: Request,
    doc_id: int,
    session: Annotated[Session, Depends(require("read"))],
    accepted_only: Annotated[bool, Query()] = False,
) -> Response:
    if accepted_only and not reads_originals(session):
        raise Forbidden("viewers see every proposal redacted; only the team may leave them out")
    project = project_of(request)
    detail = project.document(doc_id)  # NotFound → 404
    redactor = Redactor(project)
    redactor.views = project.deid.views(include_proposed=not accepted_only)
    text = redactor.text(detail.summary.id)  # Forbidden while not scanned
    view = redactor.views(detail.summary.id)
    parts = _marked(view.text, view.new_spans)
    label = detail.summary.label if reads_originals(session) else Redactor.label(doc_id)
    return render(
        request,
        "deid.html",
        preview={
            "id": doc_id,
            "label": label,
            "parts": parts,
            "replacements": len(view.replacements),
            "accepted_only": accepted_only,
            "chars": len(text),
        },
    )


def _marked(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is replacement) so the template can mark replacements."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            parts.append((text[pos:a], False))
        parts.append((text[a:b], True))
        pos = b
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts

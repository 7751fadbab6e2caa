"""Reliability: agreement figures per code between two coders, their
disagreement units side by side with the decision taken on each, and
deciding a unit into the consensus coder (adopt A, B, both, neither).

Blind coding holds as on the command line: under it a coder may not compare
other coders (the page says why); the owner may compare anyone. Resolving
writes the project's consensus, so only the owner resolves. Viewers see the
figures and the disagreements with redacted text only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.coding.coders import Coder
from moksori.coding.disagreements import CHOICES, STATES, Disagreement
from moksori.coding.reliability import UNITS, AgreementReport
from moksori.errors import CodingError, MoksoriError
from moksori.project import Project
from moksori.web.body import Json, is_whole
from moksori.web.context import project_of, render, require
from moksori.web.redaction import Redactor, reads_originals

router = APIRouter()


@dataclass
class Side:
    coding_id: int
    code: str
    start: int
    end: int
    text: str


@dataclass
class Row:
    """One disagreement, with the text of each coder's ranges."""

    item: Disagreement
    document: str
    excerpt: str
    a: list[Side]
    b: list[Side]
    first_coding: int


@dataclass
class Comparison:
    coders: list[str]  # who may be compared (not the consensus)
    a: str = ""
    b: str = ""
    unit: str = "sentence"
    report: AgreementReport | None = None
    rows: list[Row] = field(default_factory=list)
    message: str = ""
    withheld: int = 0
    state: str = ""  # '' for every unit, else undecided, decided or changed
    tally: dict[str, int] = field(default_factory=dict)  # units per state, before the filter


def _asking(project: Project, session: Session) -> Coder | None:
    """Whose view of the codings counts: the account's coder (None for a viewer)."""
    if session.user.coder_id is None:
        return None
    return project.coders.get(session.user.coder_id)


def compare(
    project: Project, session: Session, a: str, b: str, unit: str, state: str = ""
) -> Comparison:
    coded = project.codings.coders_who_coded()
    people = [c for c in project.coders.list() if c.role != "consensus"]
    names = [c.name for c in people if c.id in coded] or [c.name for c in people]
    out = Comparison(names, a or (names[0] if names else ""), b, unit)
    out.state = state if state in STATES else ""
    if not out.b:
        out.b = next((n for n in names if n != out.a), "")
    if not out.a or not out.b:
        out.message = "two coders need to have coded before they can be compared"
        return out
    viewer = _asking(project, session)
    try:
        out.report = project.reliability.agreement([out.a, out.b], unit=unit, viewer=viewer)
        found = project.reconciler.disagreements([out.a, out.b], viewer=viewer)
        out.tally = {s: n for s in STATES if (n := sum(1 for d in found if d.state == s))}
        found = [d for d in found if not out.state or d.state == out.state]
    except CodingError as exc:  # blind coding, nothing shared yet, unknown unit
        out.message = str(exc)
        out.report = None
        return out
    if reads_originals(session):
        texts = {s.id: project.document(s.id).text for s in project.documents()}
        for d in found:
            t = texts[d.document_id]
            out.rows.append(_row(d, d.document, d.excerpt, lambda s, e, t=t: t[s:e]))
        return out
    redactor = Redactor(project)
    for d in found:
        if not redactor.readable(d.document_id):
            out.withheld += 1
            continue
        doc = d.document_id
        out.rows.append(
            _row(
                d,
                Redactor.label(doc),
                redactor.quote(doc, d.start, d.end),
                lambda s, e, doc=doc: redactor.quote(doc, s, e),
            )
        )
    return out


def _row(d: Disagreement, label: str, excerpt: str, text: Any) -> Row:
    sides = [
        [Side(r.coding_id, r.code, r.start, r.end, text(r.start, r.end)) for r in rs]
        for rs in (d.a, d.b)
    ]
    first = (d.a + d.b)[0].coding_id
    return Row(d, label, excerpt, sides[0], sides[1], first)


@router.get("/reliability")
def reliability_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    a: Annotated[str, Query()] = "",
    b: Annotated[str, Query()] = "",
    unit: Annotated[str, Query()] = "sentence",
    state: Annotated[str, Query()] = "",
) -> Response:
    comparison = compare(project_of(request), session, a.strip(), b.strip(), unit, state)
    return render(
        request,
        "reliability.html",
        c=comparison,
        units=UNITS,
        states=STATES,
        may_resolve=session.user.can("manage"),
        code_paths=[k.path for k in project_of(request).codebook.tree() if k.codable],
    )


@router.post("/api/reliability/resolve")
async def resolve(
    request: Request,
    session: Annotated[Session, Depends(require("manage"))],
    body: Json,
) -> JSONResponse:
    """Decide one disagreement unit: adopt A, B, both, neither, or a new code
    (``code``); a decision taken there before is replaced."""
    a, b, adopt = (str(body.get(k, "")).strip() for k in ("a", "b", "adopt"))
    if adopt not in CHOICES:
        raise MoksoriError(f"adopt must be one of {', '.join(CHOICES)}")
    new_code = (str(body.get("code", "")).strip() or None) if adopt == "new" else None
    ids = body.get("coding_ids")
    if not isinstance(ids, list) or not ids or not all(is_whole(i) for i in ids):
        raise MoksoriError("coding_ids must name the disagreement: a list of coding numbers")

    def run() -> dict[str, Any]:
        project = project_of(request)  # this thread's own connection
        owner = _asking(project, session)  # blind coding: what the deciding owner may see
        report = project.reconciler.reconcile(
            [a, b], adopt, coding_ids=ids, new_code=new_code, viewer=owner
        )
        return report.to_json()

    return JSONResponse(await anyio.to_thread.run_sync(run))

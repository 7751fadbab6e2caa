"""The audit trail, for owners: who changed what, when, from either face.

It reads the same library read model as ``moksori audit`` (events name records
by id or GUID, never by text or names), so the page shows nothing a viewer of
the project's structure could not see; still, only owners may read it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.errors import AuditError
from moksori.project import audit_shown
from moksori.web.context import project_of, render, require

router = APIRouter()
SHOWN = 200  # the newest events shown unless asked for more


@dataclass
class TrailQuery:
    """The filters of ``moksori audit``, as query parameters."""

    action: Annotated[str, Query()] = ""
    actor: Annotated[str, Query()] = ""
    since: Annotated[str, Query()] = ""
    last: Annotated[int, Query()] = SHOWN

    def events(self, request: Request) -> list[dict[str, Any]]:
        return project_of(request).audit_trail(
            self.action.strip() or None,
            actor=self.actor.strip() or None,
            since=self.since.strip() or None,
            last=max(1, min(self.last, 10_000)),
        )


Owner = Annotated[Session, Depends(require("manage"))]


@router.get("/audit")
async def audit_page(
    request: Request, session: Owner, query: Annotated[TrailQuery, Depends()]
) -> Response:
    error, events = "", []
    try:
        newest_first = reversed(query.events(request))
        events = [{**e, "shown": audit_shown(e)} for e in newest_first]
    except AuditError as exc:
        error = str(exc)
    return render(
        request,
        "audit.html",
        status_code=400 if error else 200,
        events=events,
        error=error,
        filters=asdict(query),
    )


@router.get("/api/audit")
async def audit_api(
    request: Request, session: Owner, query: Annotated[TrailQuery, Depends()]
) -> Response:
    return JSONResponse({"events": query.events(request)})

"""The audit trail, for owners: who changed what, when, from either face.

It reads the same library read model as ``moksori audit`` (events name records
by id or GUID, never by text or names), so the page shows nothing a viewer of
the project's structure could not see; still, only owners may read it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.errors import AuditError
from moksori.web.context import project_of, render, require

router = APIRouter()
SHOWN = 200  # the newest events shown unless asked for more


def _events(
    request: Request, action: str, actor: str, since: str, last: int
) -> list[dict[str, Any]]:
    project = project_of(request)
    return project.audit_trail(
        action.strip() or None,
        actor=actor.strip() or None,
        since=since.strip() or None,
        last=max(1, min(last, 10_000)),
    )


@router.get("/audit")
async def audit_page(
    request: Request,
    session: Annotated[Session, Depends(require("manage"))],
    action: Annotated[str, Query()] = "",
    actor: Annotated[str, Query()] = "",
    since: Annotated[str, Query()] = "",
    last: Annotated[int, Query()] = SHOWN,
) -> Response:
    error, events = "", []
    try:
        events = list(reversed(_events(request, action, actor, since, last)))  # newest first
    except AuditError as exc:
        error = str(exc)
    return render(
        request,
        "audit.html",
        status_code=400 if error else 200,
        events=events,
        error=error,
        filters={"action": action, "actor": actor, "since": since, "last": last},
    )


@router.get("/api/audit")
async def audit_api(
    request: Request,
    session: Annotated[Session, Depends(require("manage"))],
    action: Annotated[str, Query()] = "",
    actor: Annotated[str, Query()] = "",
    since: Annotated[str, Query()] = "",
    last: Annotated[int, Query()] = SHOWN,
) -> Response:
    return JSONResponse({"events": _events(request, action, actor, since, last)})

"""The codebook: the code tree with counts, and creating, editing, moving and merging codes.

Who may change it: owners and coders create, edit (name, definition, colour)
and move codes, since grounded theory grows the codebook while coding.
Merging is for the owner only: it rewrites every coder's codings under the
merged code. Viewers read the tree, with definitions scrubbed of known names.

Every change is one library use case: its own transaction and audit event,
naming the signed-in account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.access.users import User
from moksori.coding.codebook import Code
from moksori.errors import CodingError
from moksori.project import Project
from moksori.web.body import Json, is_whole
from moksori.web.context import project_of, render, require, wants_html
from moksori.web.document_pieces import colour_class

router = APIRouter()


@dataclass
class CodeRow:
    code: Code
    count: int  # codings of this code
    total: int  # with its sub-codes

    def to_json(self) -> dict[str, Any]:
        c = self.code
        return {
            "id": c.id,
            "name": c.name,
            "path": c.path,
            "parent_id": c.parent_id,
            "depth": c.depth,
            "definition": c.definition,
            "colour": c.colour,
            "codable": c.codable,
            "is_core": c.is_core,
            "count": self.count,
            "total": self.total,
        }


def code_rows(project: Project, user: User) -> list[CodeRow]:
    """The tree in order with counts, from one count query (not one per code)."""
    tree = project.codebook.tree()
    counts = project.codebook.coding_counts()
    totals = dict(counts)
    for c in reversed(tree):  # children come after parents: add each up into its parent
        if c.parent_id is not None:
            totals[c.parent_id] = totals.get(c.parent_id, 0) + totals.get(c.id, 0)
    if not user.can("code"):
        scrub = project.deid.scrubber()
        for c in tree:
            c.definition = scrub(c.definition) or ""
    return [CodeRow(c, counts.get(c.id, 0), totals.get(c.id, 0)) for c in tree]


def _json(rows: list[CodeRow]) -> JSONResponse:
    return JSONResponse({"codes": [r.to_json() for r in rows]})


@router.get("/codebook")
def codebook_page(
    request: Request, session: Annotated[Session, Depends(require("read"))]
) -> Response:
    rows = code_rows(project_of(request), session.user)
    if not wants_html(request):
        return _json(rows)
    return render(
        request,
        "codebook.html",
        rows=rows,
        can_edit=session.user.can("code"),
        can_merge=session.user.can("manage"),
        colour_class=colour_class,
    )


@router.get("/api/codes")
def codes_json(request: Request, session: Annotated[Session, Depends(require("read"))]) -> Response:
    return _json(code_rows(project_of(request), session.user))


# --- writing ---------------------------------------------------------------------
def _field(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None or isinstance(value, str):
        return value
    if is_whole(value) and key in ("parent", "into"):
        return str(value)
    raise CodingError(f"{key!r} must be text")


def _row(project: Project, code_id: int) -> dict[str, Any]:
    code = project.codebook.get(code_id)
    return CodeRow(code, project.codebook.coding_count(code.id), 0).to_json() | {
        "total": project.codebook.coding_count(code.id, include_subcodes=True)
    }


@router.post("/api/codes", status_code=201)
def create_code(
    request: Request, body: Json, session: Annotated[Session, Depends(require("code"))]
) -> JSONResponse:
    project = project_of(request)
    name = _field(body, "name") or ""
    parent = _field(body, "parent")
    code = project.codebook.create(
        name,
        parent or None,
        definition=_field(body, "definition") or "",
        colour=_field(body, "colour"),
    )
    return JSONResponse(_row(project, code.id), status_code=201)


@router.patch("/api/codes/{code_id}")
def edit_code(
    request: Request,
    code_id: int,
    body: Json,
    session: Annotated[Session, Depends(require("code"))],
) -> JSONResponse:
    project = project_of(request)
    unknown = set(body) - {"name", "definition", "colour"}
    if unknown:
        raise CodingError(f"cannot change {', '.join(sorted(unknown))} here")
    old = project.codebook.get(code_id)
    name = _field(body, "name")
    fields: dict[str, Any] = {}
    if "definition" in body:
        fields["definition"] = _field(body, "definition") or ""
    if "colour" in body:
        fields["colour"] = _field(body, "colour")
    project.codebook.edit(code_id, name=name if name not in (None, old.name) else None, **fields)
    return JSONResponse(_row(project, code_id))


@router.post("/api/codes/{code_id}/move")
def move_code(
    request: Request,
    code_id: int,
    body: Json,
    session: Annotated[Session, Depends(require("code"))],
) -> JSONResponse:
    project = project_of(request)
    parent = _field(body, "parent")
    project.codebook.move(code_id, parent or None)
    return JSONResponse(_row(project, code_id))


@router.post("/api/codes/{code_id}/merge")
def merge_code(
    request: Request,
    code_id: int,
    body: Json,
    session: Annotated[Session, Depends(require("manage"))],
) -> JSONResponse:
    """Fold a code into another (its codings, sub-codes, links and memos move)."""
    project = project_of(request)
    into = _field(body, "into")
    if not into:
        raise CodingError("say which code to merge into ('into')")
    report = project.codebook.merge(code_id, into)
    return JSONResponse(report.to_json())

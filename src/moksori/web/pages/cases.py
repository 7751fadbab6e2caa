"""Cases from the web: setting one attribute value of a case.

A case's attributes (age band, year left, province …) describe a participant,
so only owners and coders change them; the value is checked against the
attribute's type by the library, which audits the change as the signed-in
account, exactly as ``moksori case set`` does from the command line.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from moksori.access.sessions import Session
from moksori.errors import CodingError
from moksori.web.body import Json
from moksori.web.context import project_of, require

router = APIRouter()


@router.post("/api/cases/{case_id}/values")
def set_case_value(
    request: Request,
    case_id: int,
    body: Json,
    session: Annotated[Session, Depends(require("code"))],
) -> JSONResponse:
    """Set (or, with a blank value, remove) one attribute value of a case."""
    attribute = body.get("attribute")
    if isinstance(attribute, bool) or not isinstance(attribute, (int, str)) or not attribute:
        raise CodingError("'attribute' must be an attribute id or name")
    value = body.get("value")
    if value is not None and (
        isinstance(value, (dict, list)) or not isinstance(value, (str, int, float, bool))
    ):
        raise CodingError("'value' must be text, a number, true/false or null")
    stored = project_of(request).cases.set_value(case_id, attribute, value)
    return JSONResponse({"case_id": case_id, "value": _json(stored)})


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value

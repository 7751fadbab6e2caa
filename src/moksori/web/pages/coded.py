"""Coded segments: what was coded with a code, among cases whose attributes
match, and the same table as a CSV or XLSX download.

Whose codings, as ``moksori retrieve``: the coders chosen (a name, or "A,B"),
by default the consensus coder, else the only coder who coded; with several
coders and no consensus the page asks to choose. ``*`` lists every coder's
codings, each row naming its coder. Blind coding holds as in ``moksori
retrieve --as``: a coder sees their own codings and the consensus. Viewers
see redacted quotes of scanned documents only. Downloads are redacted unless
an owner or coder asks for ``original`` (as ``moksori retrieve --csv``
without ``--original``), and every download is written to the audit trail
with who asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from moksori.access.sessions import Session
from moksori.analysis.coded import ChooseCoders, Selection
from moksori.analysis.retrieval import Excerpt, excerpts_table
from moksori.errors import MoksoriError
from moksori.project import Project
from moksori.web.context import Forbidden, project_of, render, require
from moksori.web.redaction import Redactor, reads_originals

router = APIRouter()
EVERY_CODER = "*"  # every coder's codings the account may see, each row naming its coder
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Wanted:
    """The filters of the page and of its download."""

    code: str = ""
    attribute: str = ""  # "name=value", or with !=, <, <=, >, >=
    coder: str = ""

    def query(self) -> str:
        return "&".join(f"{k}={quote(v, safe='')}" for k, v in vars(self).items() if v)


@dataclass
class Found:
    excerpts: list[Excerpt] = field(default_factory=list)
    withheld: int = 0  # viewer: codings in documents not yet scanned
    redacted: bool = False


def find(project: Project, want: Wanted, session: Session, redacted: bool) -> Found:
    """The coded segments the account may see, redacted when asked or when it must be."""
    user = session.user
    redacted = redacted or not reads_originals(session)
    if (
        not reads_originals(session)
        and want.attribute
        and not project.analysis.viewer_may_filter(want.attribute)
    ):
        raise Forbidden(
            "viewers may filter only by attributes whose every value at least "
            f"{project.deid.publishing.k_threshold()} participants share "
            "(others could single someone out)"
        )
    viewer = user.coder_id if user.coder_id is not None else None
    if want.coder == EVERY_CODER:
        selection = Selection(viewer=viewer)
    else:
        selection = project.analysis.choose([want.coder] if want.coder else [], viewer=viewer)
    codes = (
        [want.code] if want.code else [c.id for c in project.codebook.tree() if c.parent_id is None]
    )
    where = [want.attribute] if want.attribute else []
    found = Found(redacted=redacted)
    for code in codes:
        found.excerpts += project.analysis.retrieve(
            code, where=where, selection=selection, redacted=redacted
        )
    if redacted:
        redactor = Redactor(project)
        kept = [e for e in found.excerpts if redactor.readable(e.document_id)]
        found.withheld = len(found.excerpts) - len(kept)
        for e in kept:
            e.memo = redactor.scrub(e.memo, prose=True)
        found.excerpts = kept
    return found


def _want(code: str, attribute: str, coder: str) -> Wanted:
    return Wanted(code.strip(), attribute.strip(), coder.strip())


@router.get("/coded")
def coded_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    code: Annotated[str, Query()] = "",
    attribute: Annotated[str, Query()] = "",
    coder: Annotated[str, Query()] = "",
) -> Response:
    project = project_of(request)
    want = _want(code, attribute, coder)
    found, error, status = Found(), "", 200
    try:
        found = find(project, want, session, redacted=False)
    except ChooseCoders as exc:  # a question for the form above, not a bad request
        error = str(exc)
    except MoksoriError as exc:  # unknown code, attribute or coder; bad condition
        error, status = str(exc), 400
    attributes = [a.name for a in project.cases.attributes()]
    return render(
        request,
        "coded.html",
        status_code=status,
        want=want,
        found=found,
        error=error,
        codes=[c.path for c in project.codebook.tree()],
        coders=[c.name for c in project.coders.list()],
        every_coder=EVERY_CODER,
        attributes=attributes,
        may_original=reads_originals(session),
    )


@router.get("/api/coded")
def coded_api(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    code: Annotated[str, Query()] = "",
    attribute: Annotated[str, Query()] = "",
    coder: Annotated[str, Query()] = "",
) -> dict[str, Any]:
    found = find(project_of(request), _want(code, attribute, coder), session, redacted=False)
    return {
        "segments": [e.to_json() for e in found.excerpts],
        "redacted": found.redacted,
        "withheld": found.withheld,
    }


def export_bytes(found: Found, fmt: str, title: str) -> bytes:
    """The library's own table, made in memory: no file ever holds the quotes."""
    table = excerpts_table(found.excerpts, title=title)
    return table.csv_bytes() if fmt == "csv" else table.xlsx_bytes()


@router.get("/coded/export")
async def coded_export(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    code: Annotated[str, Query()] = "",
    attribute: Annotated[str, Query()] = "",
    coder: Annotated[str, Query()] = "",
    format: Annotated[str, Query()] = "csv",  # noqa: A002
    original: Annotated[bool, Query()] = False,
) -> Response:
    if format not in FORMATS:
        raise MoksoriError("format must be csv or xlsx")
    if original and not reads_originals(session):
        raise Forbidden("viewers download redacted quotes only")
    want = _want(code, attribute, coder)

    def build() -> tuple[bytes, Found]:
        project = project_of(request)  # this thread's own connection
        found = find(project, want, session, redacted=not original)
        data = export_bytes(found, format, f"{want.code or 'all codes'}: coded segments")
        project.exported(format, rows=len(found.excerpts), redacted=found.redacted)
        return data, found

    data, found = await anyio.to_thread.run_sync(build)
    name = f"coded-segments{'' if found.redacted else '-ORIGINAL'}.{format}"
    return Response(
        data,
        media_type=FORMATS[format],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

"""The documents page: filter by attribute, language, case and coding status,
with each coder's progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.project import DocumentSummary, Project
from moksori.web.context import Forbidden, project_of, render, require, wants_html
from moksori.web.redaction import Redactor, reads_originals

router = APIRouter()


@dataclass
class DocumentRow:
    summary: DocumentSummary
    cases: list[str]
    coded_by: dict[str, int]  # coder name → codings in this document
    redacted: bool = False  # a viewer's row: no title, file name or attributes

    @property
    def label(self) -> str:
        return Redactor.label(self.summary.id) if self.redacted else self.summary.label

    @property
    def attributes(self) -> dict[str, str]:
        return {} if self.redacted else self.summary.attributes

    def to_json(self) -> dict[str, Any]:
        if self.redacted:
            s = self.summary
            return {
                "id": s.id,
                "label": self.label,
                "lang": s.lang,
                "chars": s.chars,
                "cases": self.cases,
                "coded_by": self.coded_by,
            }
        return {**self.summary.to_json(), "cases": self.cases, "coded_by": self.coded_by}


@dataclass
class DocumentFilters:
    lang: str = ""
    attribute: str = ""  # "name=value"
    case: str = ""
    status: str = ""  # "", "coded", "uncoded"


def document_rows(
    project: Project, filters: DocumentFilters, redactor: Redactor | None = None
) -> list[DocumentRow]:
    """Every document, or for a viewer (``redactor`` given) only those scanned for
    personal data, each named "document N" and without attributes: titles, file
    names and attributes often carry the interviewee's name."""
    progress = project.document_progress()
    cases, coded = progress.cases, progress.coded_by
    rows = []
    for summary in project.documents():
        if redactor is not None and not redactor.readable(summary.id):
            continue
        names = cases.get(summary.id, [])
        if redactor is not None:
            names = [str(redactor.scrub(n)) for n in names]
        row = DocumentRow(summary, names, coded.get(summary.id, {}), redactor is not None)
        if _keep(row, filters):
            rows.append(row)
    return rows


def _keep(row: DocumentRow, f: DocumentFilters) -> bool:
    if f.lang and row.summary.lang != f.lang:
        return False
    if f.attribute:
        name, _, value = f.attribute.partition("=")
        if row.attributes.get(name.strip()) != value.strip():
            return False
    if f.case and f.case not in row.cases:
        return False
    if f.status == "coded" and not row.coded_by:
        return False
    return not (f.status == "uncoded" and row.coded_by)


def _choices(rows: list[DocumentRow]) -> dict[str, list[str]]:
    attributes = sorted({f"{k}={v}" for r in rows for k, v in r.attributes.items()})
    return {
        "langs": sorted({r.summary.lang for r in rows}),
        "attributes": attributes,
        "cases": sorted({c for r in rows for c in r.cases}),
    }


@router.get("/documents")
async def documents_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    lang: Annotated[str, Query()] = "",
    attribute: Annotated[str, Query()] = "",
    case: Annotated[str, Query()] = "",
    status: Annotated[str, Query()] = "",
) -> Response:
    filters = DocumentFilters(lang, attribute, case, status)
    originals = reads_originals(session)
    if not originals and attribute:
        raise Forbidden("viewers cannot filter by document attributes (they may name people)")

    def load() -> tuple[list[DocumentRow], list[DocumentRow]]:
        project = project_of(request)  # this thread's own connection
        redactor = None if originals else Redactor(project)
        every = document_rows(project, DocumentFilters(), redactor)  # the filters' choices
        return [r for r in every if _keep(r, filters)], every

    rows, every = await anyio.to_thread.run_sync(load)
    if not wants_html(request):
        return JSONResponse({"documents": [r.to_json() for r in rows]})
    return render(
        request,
        "documents.html",
        rows=rows,
        filters=filters,
        choices=_choices(every),
        redacted=not originals,
        coders=sorted({c for r in every for c in r.coded_by}),
    )

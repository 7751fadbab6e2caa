"""Adding files from the browser: the same ingest path and per-file errors as
``moksori add``; the files never touch the disk."""

from __future__ import annotations

from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from moksori.access.sessions import Session
from moksori.project import AddReport
from moksori.web.context import project_of, render, require, wants_html

router = APIRouter()
MAX_FILES = 200  # per upload


@router.get("/upload")
async def upload_form(
    request: Request, session: Annotated[Session, Depends(require("manage"))]
) -> Response:
    return render(request, "upload.html", report=None)


@router.post("/upload")
async def upload(
    # the one route whose body may pass the form limit, once the owner is known
    request: Request,
    session: Annotated[Session, Depends(require("manage", large_body=True))],
) -> Response:
    form = await request.form(max_files=MAX_FILES, max_part_size=1024 * 1024)
    files: list[tuple[str, bytes]] = []
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) and item.filename:
            files.append((item.filename, await item.read()))
    attributes: dict[str, str] = {}
    for line in str(form.get("attributes") or "").splitlines():
        if "=" in line:
            key, _, value = line.partition("=")
            if key.strip():
                attributes[key.strip()] = value.strip()

    def add() -> AddReport:  # the thread's own connection, audited as the signed-in user
        return project_of(request).add_uploads(files, attributes=attributes)

    report = await anyio.to_thread.run_sync(add)
    status = 200 if report.count("error") == 0 else 207
    if not wants_html(request):
        return JSONResponse(report.to_json(), status_code=status)
    return render(request, "upload.html", status_code=status, report=report)

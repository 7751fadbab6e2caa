"""The findings report: built by the library in memory (it quotes testimony, so
no file ever holds it) and served from there until the project changes.

The report is redacted unless an owner or coder asks for the original; a
viewer gets it only redacted and only once every document has been scanned
for personal data (the redacted view of an unscanned document is its stored
text). The report's own HTML inlines its styles, so its route alone allows
inline styles; scripts stay forbidden everywhere.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from moksori.access.sessions import Session
from moksori.analysis.report import ReportOptions
from moksori.analysis.report_render import render_html, render_markdown
from moksori.errors import MoksoriError, NotFound
from moksori.project import Project
from moksori.web.context import Forbidden, project_of, render, require
from moksori.web.redaction import reads_originals

router = APIRouter()
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
PLOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.png$")
DOWNLOADS = {"report.html": "text/html; charset=utf-8", "report.md": "text/markdown; charset=utf-8"}


@dataclass
class Built:
    stamp: tuple[Any, ...]
    html: bytes
    markdown: bytes
    plots: dict[str, bytes]
    notes: list[str] = field(default_factory=list)
    themes: int = 0
    quotes: int = 0
    participants: int = 0


class ReportCache:
    """The last report of each kind (redacted, original), kept while the project is unchanged."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.built: dict[bool, Built] = {}


def _cache(request: Request) -> ReportCache:
    state = request.app.state
    with _CACHE_LOCK:
        cache = getattr(state, "moksori_reports", None)
        if cache is None:
            cache = ReportCache()
            state.moksori_reports = cache
    return cache


_CACHE_LOCK = threading.Lock()


def build(project: Project, redacted: bool) -> Built:
    """Built and audited by the library (as the project's actor: the signed-in user)."""
    rep = project.build_report(ReportOptions(redacted=redacted))
    built = Built(
        stamp=(),
        html=render_html(rep).encode("utf-8"),
        markdown=render_markdown(rep).encode("utf-8"),
        plots=dict(rep.plots),
        notes=list(rep.notes),
        themes=len(rep.themes),
        quotes=sum(len(t.quotes) for t in rep.themes),
        participants=rep.sample.participants,
    )
    built.stamp = project.changes()
    return built


def report_for(request: Request, session: Session, original: bool, rebuild: bool = False) -> Built:
    """The report this account may read, built if missing or out of date."""
    project = project_of(request)
    if original and not reads_originals(session):
        raise Forbidden("viewers read the redacted report only")
    if not reads_originals(session):
        unscanned = project.deid.findings.unscanned_documents()
        if unscanned:
            raise Forbidden(
                f"the report cannot be shown redacted yet: {len(unscanned)} document(s) have "
                "not been scanned for personal data (moksori deid scan)"
            )
    cache = _cache(request)
    redacted = not original
    with cache.lock:  # one build at a time; the others wait and reuse it
        have = cache.built.get(redacted)
        if have is None or rebuild or have.stamp != project.changes():
            have = build(project, redacted)
            cache.built[redacted] = have
        return have


@router.get("/reports")
async def reports_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
    rebuild: Annotated[bool, Query()] = False,
) -> Response:
    built, error, status = None, "", 200
    try:
        built = await anyio.to_thread.run_sync(
            lambda: report_for(request, session, original, rebuild)
        )
    except MoksoriError as exc:  # e.g. an empty codebook
        error, status = str(exc), 400
    return render(
        request,
        "reports.html",
        status_code=status,
        built=built,
        error=error,
        original=original,
        suffix="?original=true" if original else "",
        may_original=reads_originals(session),
    )


@router.get("/reports/view")
async def report_view(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
) -> Response:
    built = await anyio.to_thread.run_sync(lambda: report_for(request, session, original))
    return Response(
        built.html,
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": REPORT_CSP},
    )


@router.get("/reports/plots/{name}")
async def report_plot(
    request: Request,
    name: str,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
) -> Response:
    if not PLOT_NAME.match(name):  # no folders, no "..": only a plot's own name
        raise NotFound(f"no plot {name!r}")
    built = await anyio.to_thread.run_sync(lambda: report_for(request, session, original))
    if name not in built.plots:
        raise NotFound(f"no plot {name!r}")
    return Response(built.plots[name], media_type="image/png")


@router.get("/reports/download/{name}")
async def report_download(
    request: Request,
    name: str,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
) -> Response:
    if name not in DOWNLOADS:
        raise NotFound(f"no report file {name!r}")
    built = await anyio.to_thread.run_sync(lambda: report_for(request, session, original))
    data = built.html if name == "report.html" else built.markdown
    stem, ext = name.split(".")
    filename = f"{stem}{'-ORIGINAL' if original else ''}.{ext}"
    headers = {"content-disposition": f'attachment; filename="{filename}"'}
    if name == "report.html":
        headers["content-security-policy"] = REPORT_CSP
    return Response(data, media_type=DOWNLOADS[name], headers=headers)

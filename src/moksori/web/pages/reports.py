"""The findings report: built by the library in memory (it quotes testimony, so
no file ever holds it) and served from there until the project changes.

The report counts one set of coders, as ``moksori report`` does: ``coder``
(a name or "A,B") and ``consensus``; by default the consensus coder, else the
only coder who coded (blind coding: among the coders the account may see).

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
from urllib.parse import quote

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from moksori.access.sessions import Session
from moksori.analysis.coded import ChooseCoders
from moksori.analysis.report import Report, ReportOptions
from moksori.analysis.report_docx import render_docx
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
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOWNLOADS = {
    "report.html": "text/html; charset=utf-8",
    "report.md": "text/markdown; charset=utf-8",
    "report.docx": DOCX,
}


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
    counted: list[str] = field(default_factory=list)  # whose codings it counts
    report: Report | None = None  # kept to render Word (~0.5 s) only when asked
    docx: bytes | None = None

    def word(self) -> bytes:
        if self.docx is None and self.report is not None:
            self.docx = render_docx(self.report)
        return self.docx or b""


# redacted or not, the coders asked for, consensus, who is looking (blind coding)
Kind = tuple[bool, str, bool, int | None]


class ReportCache:
    """The last report of each kind (redacted or original, whose codings, for whom),
    kept while the project is unchanged."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.built: dict[Kind, Built] = {}


def _cache(request: Request) -> ReportCache:
    state = request.app.state
    with _CACHE_LOCK:
        cache = getattr(state, "moksori_reports", None)
        if cache is None:
            cache = ReportCache()
            state.moksori_reports = cache
    return cache


_CACHE_LOCK = threading.Lock()


def build(
    project: Project,
    redacted: bool,
    coder: str = "",
    consensus: bool = False,
    viewer: int | None = None,
) -> Built:
    """Built and audited by the library (as the project's actor: the signed-in user)."""
    options = ReportOptions(
        redacted=redacted,
        counted_coders=[coder] if coder else [],
        consensus=consensus,
        viewer=viewer,
    )
    rep = project.build_report(options)
    built = Built(
        stamp=(),
        html=render_html(rep).encode("utf-8"),
        markdown=render_markdown(rep).encode("utf-8"),
        plots=dict(rep.plots),
        notes=list(rep.notes),
        themes=len(rep.themes),
        quotes=sum(len(t.quotes) for t in rep.themes),
        participants=rep.sample.participants,
        counted=list(rep.counted),
        report=rep,
    )
    built.stamp = project.changes()
    return built


def report_for(
    request: Request,
    session: Session,
    original: bool,
    rebuild: bool = False,
    coder: str = "",
    consensus: bool = False,
) -> Built:
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
    viewer = session.user.coder_id
    kind: Kind = (redacted, coder.strip(), consensus, viewer)
    with cache.lock:  # one build at a time; the others wait and reuse it
        have = cache.built.get(kind)
        if have is None or rebuild or have.stamp != project.changes():
            have = build(project, redacted, coder.strip(), consensus, viewer)
            cache.built[kind] = have
        return have


def _suffix(original: bool, coder: str, consensus: bool) -> str:
    """The query that asks for the same report again (its view, plots, downloads)."""
    asked = {"original": "true" if original else "", "coder": coder.strip()}
    asked["consensus"] = "true" if consensus else ""
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in asked.items() if v)
    return f"?{query}" if query else ""


@router.get("/reports")
async def reports_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
    rebuild: Annotated[bool, Query()] = False,
    coder: Annotated[str, Query()] = "",
    consensus: Annotated[bool, Query()] = False,
) -> Response:
    built, error, status = None, "", 200
    try:
        built = await anyio.to_thread.run_sync(
            lambda: report_for(request, session, original, rebuild, coder, consensus)
        )
    except ChooseCoders as exc:  # a question for the form above, not a bad request
        error = str(exc)
    except MoksoriError as exc:  # e.g. an empty codebook
        error, status = str(exc), 400
    return render(
        request,
        "reports.html",
        status_code=status,
        built=built,
        error=error,
        original=original,
        suffix=_suffix(original, coder, consensus),
        redacted_suffix=_suffix(False, coder, consensus),
        original_suffix=_suffix(True, coder, consensus),
        may_original=reads_originals(session),
        coder=coder.strip(),
        consensus=consensus,
        coders=[c.name for c in project_of(request).coders.list()],
    )


@router.get("/reports/view")
async def report_view(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
    coder: Annotated[str, Query()] = "",
    consensus: Annotated[bool, Query()] = False,
) -> Response:
    built = await anyio.to_thread.run_sync(
        lambda: report_for(request, session, original, False, coder, consensus)
    )
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
    coder: Annotated[str, Query()] = "",
    consensus: Annotated[bool, Query()] = False,
) -> Response:
    if not PLOT_NAME.match(name):  # no folders, no "..": only a plot's own name
        raise NotFound(f"no plot {name!r}")
    built = await anyio.to_thread.run_sync(
        lambda: report_for(request, session, original, False, coder, consensus)
    )
    if name not in built.plots:
        raise NotFound(f"no plot {name!r}")
    return Response(built.plots[name], media_type="image/png")


@router.get("/reports/download/{name}")
async def report_download(
    request: Request,
    name: str,
    session: Annotated[Session, Depends(require("read"))],
    original: Annotated[bool, Query()] = False,
    coder: Annotated[str, Query()] = "",
    consensus: Annotated[bool, Query()] = False,
) -> Response:
    if name not in DOWNLOADS:
        raise NotFound(f"no report file {name!r}")
    built = await anyio.to_thread.run_sync(
        lambda: report_for(request, session, original, False, coder, consensus)
    )
    if name == "report.docx":
        data = await anyio.to_thread.run_sync(built.word)
    else:
        data = built.html if name == "report.html" else built.markdown
    stem, ext = name.split(".")
    filename = f"{stem}{'-ORIGINAL' if original else ''}.{ext}"
    headers = {"content-disposition": f'attachment; filename="{filename}"'}
    if name == "report.html":
        headers["content-security-policy"] = REPORT_CSP
    return Response(data, media_type=DOWNLOADS[name], headers=headers)

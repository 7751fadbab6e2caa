"""The FastAPI application: unlock once, then serve pages and a small JSON API.

One unlocked project per server. Requests run on a small pool of threads,
each with its own connection to the project (:class:`ProjectHandles`); SQLite
in WAL mode lets them read side by side, and every write is a short
``BEGIN IMMEDIATE`` transaction behind a busy timeout, so coders working at
once never lose an update.

Pages are rendered on the server with Jinja2 (autoescaped: document text, code
names, memos and file names are user data) and use one hand-written script;
nothing is built, nothing comes from a CDN.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import typing
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartParser

from moksori import __version__
from moksori.errors import MoksoriError, NotFound
from moksori.project import Project
from moksori.web.context import (
    Forbidden,
    LoginRequired,
    Network,
    ProjectHandles,
    Web,
    WebSettings,
    render,
    wants_html,
)
from moksori.web.pages import ROUTERS
from moksori.web.security import HEADERS, SAFE_METHODS, BodyLimits, SecurityHeaders

__all__ = ["WebSettings", "create_app", "served_project", "trusted_networks"]

HERE = Path(__file__).parent
INT64_MAX = 2**63 - 1  # the largest id SQLite can hold
log = logging.getLogger("moksori.web")


def trusted_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Parse ``--trusted-proxy`` values: addresses or networks, repeated or comma lists."""
    networks: list[Network] = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError:
                raise MoksoriError(
                    f"--trusted-proxy {part.strip()!r} is not an IP address or network"
                ) from None
    return tuple(networks)


def _is_int(annotation: object) -> bool:
    return annotation is int or int in typing.get_args(annotation)


async def ids_in_range(request: Request) -> None:
    """Every route: a whole-number parameter beyond SQLite's 64-bit integers is
    refused here (404 in the path, 422 in the query), not as an OverflowError."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    for param in route.dependant.path_params:
        value = request.path_params.get(param.alias)
        if _is_int(param.field_info.annotation) and _out_of_range(value):
            raise NotFound("no such item (the number in the address is out of range)")
    for param in route.dependant.query_params:
        values = request.query_params.getlist(param.alias)
        if _is_int(param.field_info.annotation) and any(_out_of_range(v) for v in values):
            raise StarletteHTTPException(422, f"{param.alias}: the number is out of range")


def _out_of_range(value: object) -> bool:
    if not isinstance(value, str):
        return False
    digits = value.strip().lstrip("+-")
    return digits.isascii() and digits.isdigit() and (len(digits) > 19 or int(digits) > INT64_MAX)


def _error_response(request: Request, status: int, message: str) -> Response:
    if wants_html(request):
        return render(request, "error.html", status_code=status, status=status, message=message)
    return JSONResponse({"error": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """Which fields were wrong, never what was sent (the input may be testimony)."""
    fields = sorted(
        {
            str(loc[-1])
            for error in exc.errors()
            if (loc := error.get("loc")) and isinstance(loc[-1], str) and loc[-1].isidentifier()
        }
    )
    where = f": {', '.join(fields)}" if fields else ""
    return f"the request is missing a value or has one of the wrong kind{where}"


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template: all user data is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlquote"] = lambda value: quote(str(value), safe="")
    return env


def create_app(project: Project, settings: WebSettings | None = None) -> FastAPI:
    """The app for an unlocked project. The caller keeps the passphrase; the app
    never sees it, only the open project."""
    settings = settings or WebSettings()
    web = Web(ProjectHandles(project), settings, _templates())
    # Uploads stay in memory (the body is capped at max_upload_bytes): Starlette would
    # otherwise spool a file over 1 MB to a temporary file, testimony on disk in clear.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, settings.max_upload_bytes)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        web.handles.close()

    app = FastAPI(
        title="moksori",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        dependencies=[Depends(ids_in_range)],
    )
    app.state.web = web
    # Also answers any unhandled error with a bare 500 (type logged, no traceback).
    app.add_middleware(SecurityHeaders, limits=BodyLimits(upload=settings.max_upload_bytes))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _: LoginRequired) -> Response:
        if wants_html(request) and request.method in SAFE_METHODS:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return _error_response(request, 401, "log in first (your session may have ended)")

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return _error_response(request, 403, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error_response(request, 404, str(exc))

    @app.exception_handler(MoksoriError)
    async def moksori_error(request: Request, exc: MoksoriError) -> Response:
        return _error_response(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return _error_response(request, 422, _validation_message(exc))

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, exc: OverflowError) -> Response:
        # SQLite's integers stop at 2**63 - 1: a larger id in a body names nothing
        return _error_response(request, 422, "a number in the request is out of range")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # Reached only if the SecurityHeaders middleware itself fails; it answers the rest.
        log.error("internal error (%s)", type(exc).__name__)
        response = JSONResponse({"error": "internal error"}, status_code=500)
        response.headers.update({n.decode(): v.decode() for n, v in HEADERS})
        return response

    for router in ROUTERS:
        app.include_router(router)
    return app


@contextlib.contextmanager
def served_project(path: Path, passphrase: str) -> Iterator[Project]:
    """Open the project for serving; the passphrase is not kept."""
    project = Project.open(path, passphrase)
    try:
        yield project
    finally:
        project.close()

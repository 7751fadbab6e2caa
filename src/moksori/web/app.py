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
import threading
import typing
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartParser

from moksori import __version__
from moksori.errors import MoksoriError, NotFound
from moksori.project import Project
from moksori.web.i18n import LANGUAGES, pick_language, translate
from moksori.web.security import (
    HEADERS,
    SAFE_METHODS,
    BodyLimits,
    SecurityHeaders,
    allow_large_body,
    same_token,
)
from moksori.web.sessions import LoginThrottle, Session, Sessions
from moksori.web.users import User

HERE = Path(__file__).parent
SESSION_COOKIE = "moksori_session"
LOGIN_CSRF_COOKIE = "moksori_login"
LANGUAGE_COOKIE = "moksori_lang"
THREADS = 8  # request threads, each with its own project connection
MAX_UPLOAD_BYTES = 200_000_000  # the ingest default file size limit
LOGIN_LIMIT = 5  # failed logins per account name and per address ...
LOGIN_WINDOW = 300.0  # ... in this many seconds
INT64_MAX = 2**63 - 1  # the largest id SQLite can hold
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
log = logging.getLogger("moksori.web")


@dataclass
class WebSettings:
    secure_cookies: bool = False  # set when served behind TLS
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    threads: int = THREADS
    # Proxies whose X-Forwarded-For is believed (moksori serve --trusted-proxy);
    # none by default, so a client cannot pick the address it is counted under.
    trusted_proxies: tuple[Network, ...] = ()
    login_limit: int = LOGIN_LIMIT
    login_window: float = LOGIN_WINDOW


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


class ProjectHandles:
    """One :class:`Project` per request thread, all on the unlocked project."""

    def __init__(self, project: Project) -> None:
        self.first = project
        self._local = threading.local()
        self._all: list[Project] = []
        self._lock = threading.Lock()

    def get(self) -> Project:
        project: Project | None = getattr(self._local, "project", None)
        if project is None:
            project = self.first.another()
            self._local.project = project
            with self._lock:
                self._all.append(project)
        return project

    def close(self) -> None:
        with self._lock:
            for project in self._all:
                project.close()
            self._all.clear()


class LoginRequired(Exception):
    """No live session: pages go to the login form, the API answers 401."""


class Forbidden(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


@dataclass
class Web:
    """What every route reaches through ``request.app.state.web``."""

    handles: ProjectHandles
    settings: WebSettings
    templates: jinja2.Environment

    def project(self) -> Project:
        return self.handles.get()

    def throttle(self) -> LoginThrottle:
        """The brake on password guessing, on this request thread's connection."""
        s = self.settings
        return LoginThrottle(self.project().conn, s.login_limit, s.login_window)


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


def project_of(request: Request) -> Project:
    return web_of(request).project()


def _address(text: str) -> Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_address(request: Request) -> str:
    """The address a request is counted and audited under.

    The direct peer, unless it is a trusted proxy (``--trusted-proxy``): then the
    right-most ``X-Forwarded-For`` entry that is not itself a trusted proxy, the
    one address a client cannot forge (entries to its left are the client's own).
    """
    peer = request.client.host if request.client else "?"
    trusted = web_of(request).settings.trusted_proxies
    peer_address = _address(peer)
    if not trusted or peer_address is None or not _within(peer_address, trusted):
        return peer
    hops = [hop for value in request.headers.getlist("x-forwarded-for") for hop in value.split(",")]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return peer  # a malformed hop: count the proxy itself rather than guess
        if not _within(address, trusted):
            return str(address)
    return str(_address(hops[0])) if hops else peer


def _within(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def language_of(request: Request, user: User | None = None) -> str:
    if user is not None and request.cookies.get(LANGUAGE_COOKIE) not in LANGUAGES:
        return user.language
    return pick_language(
        request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")
    )


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") and not request.url.path.startswith(
        "/api/"
    )


async def _csrf_token_of(request: Request) -> str | None:
    token = request.headers.get("x-csrf-token")
    if token:
        return token
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf_token")
        return value if isinstance(value, str) else None
    return None


async def _live_session(request: Request) -> Session:
    web = web_of(request)
    token = request.cookies.get(SESSION_COOKIE)
    session = await anyio.to_thread.run_sync(lambda: Sessions(web.project().conn).get(token))
    if session is None:
        raise LoginRequired()
    return session


async def _check_csrf(request: Request, session: Session) -> None:
    if request.method not in SAFE_METHODS:
        if not same_token(await _csrf_token_of(request), session.csrf_token):
            raise Forbidden("the form was stale or not sent by this app; reload the page")


def _check_role(session: Session, action: str) -> None:
    if not session.user.can(action):
        what = {"code": "code or write memos", "manage": "manage this project"}.get(action, action)
        raise Forbidden(f"your role ({session.user.role}) may not {what}")


async def current_session(request: Request) -> Session:
    """The live session of the request; state changes must also carry its CSRF token."""
    session = await _live_session(request)
    await _check_csrf(request, session)
    request.state.session = session
    return session


def require(action: str, large_body: bool = False) -> Callable[..., Any]:
    """A dependency: the session's user may ``read``, ``code`` or ``manage``.

    With ``large_body`` (uploads) the body may grow past the form limit, but only
    once the session and the role are known: the CSRF token in a multipart form is
    read after that, so a stranger's or a viewer's upload is refused unread.
    """

    async def check(request: Request) -> Session:
        if large_body:
            session = await _live_session(request)
            _check_role(session, action)
            allow_large_body(request.scope)
            await _check_csrf(request, session)
            request.state.session = session
            return session
        session = await current_session(request)
        _check_role(session, action)
        return session

    return check


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


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page, in the user's language, with what the base layout needs."""
    web = web_of(request)
    session: Session | None = getattr(request.state, "session", None)
    user = session.user if session else None
    lang = language_of(request, user)
    html = web.templates.get_template(template).render(
        request=request,
        user=user,
        csrf_token=session.csrf_token if session else "",
        lang=lang,
        t=lambda key, **values: translate(lang, key, **values),
        version=__version__,
        **context,
    )
    return HTMLResponse(html, status_code=status_code)


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

    from moksori.web.pages import ROUTERS

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

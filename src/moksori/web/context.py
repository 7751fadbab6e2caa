"""What every route reaches: the project, the session, the language, a page.

The request helpers live here, below the routers (``web/pages/*``) and the
app that mounts them (``web/app.py``), so pages never import the app. A
request's project audits as its signed-in user (:func:`project_of`).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from moksori import __version__
from moksori.access.sessions import LoginThrottle, Session
from moksori.access.users import User
from moksori.project import Project
from moksori.web.i18n import LANGUAGES, pick_language, translate
from moksori.web.security import SAFE_METHODS, allow_large_body, same_token

SESSION_COOKIE = "moksori_session"
LOGIN_CSRF_COOKIE = "moksori_login"
LANGUAGE_COOKIE = "moksori_lang"
THREADS = 8  # request threads, each with its own project connection
MAX_UPLOAD_BYTES = 200_000_000  # the ingest default file size limit
LOGIN_LIMIT = 5  # failed logins per account name and per address ...
LOGIN_WINDOW = 300.0  # ... in this many seconds
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


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
        return self.project().login_throttle(s.login_limit, s.login_window)


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


def project_of(request: Request) -> Project:
    """This thread's project, audited as the request's signed-in user (if any)."""
    project = web_of(request).project()
    session: Session | None = getattr(request.state, "session", None)
    return project.acting_as(session.user.name) if session is not None else project


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
    session = await anyio.to_thread.run_sync(lambda: web.project().sessions.get(token))
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

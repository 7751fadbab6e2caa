"""Log in, log out, choose the interface language."""

from __future__ import annotations

import secrets
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from moksori.access.sessions import IDLE_SECONDS, MAX_SECONDS, Session
from moksori.web.context import (
    LANGUAGE_COOKIE,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Forbidden,
    client_address,
    current_session,
    language_of,
    render,
    web_of,
)
from moksori.web.i18n import LANGUAGES, translate
from moksori.web.security import same_token

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path of this app: never another site (//evil.example, https://…)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/documents"
    return target


def _login_page(request: Request, status: int = 200, message: str = "") -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        status_code=status,
        login_csrf=token,
        next=safe_next(request.query_params.get("next") or request.headers.get("x-next")),
        message=message,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=web_of(request).settings.secure_cookies,
        max_age=3600,
    )
    return response


@router.get("/")
async def home() -> RedirectResponse:
    return RedirectResponse("/documents", status_code=303)


@router.get("/login")
async def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
async def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    login_csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/documents",
) -> Response:
    web = web_of(request)
    lang = language_of(request)
    if not same_token(login_csrf, request.cookies.get(LOGIN_CSRF_COOKIE) or ""):
        raise Forbidden("the login form was stale; reload the page and try again")
    client = client_address(request)

    def check() -> tuple[str, Session] | int:
        """A session, or the seconds to wait before trying again (0: wrong password)."""
        return web.project().sign_in(name, password, client, web.throttle())

    started = await anyio.to_thread.run_sync(check)
    if isinstance(started, int):
        if started:
            return _login_page(request, 429, translate(lang, "login.throttled", seconds=started))
        return _login_page(request, 401, translate(lang, "login.failed"))
    token, _ = started
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=web.settings.secure_cookies,
        max_age=min(MAX_SECONDS, IDLE_SECONDS * 48),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
async def logout(
    request: Request, session: Annotated[Session, Depends(current_session)]
) -> Response:
    web = web_of(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    await anyio.to_thread.run_sync(lambda: web.project().sessions.end(token))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/language")
async def language(
    request: Request,
    session: Annotated[Session, Depends(current_session)],
    language: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/documents",
) -> Response:
    response = RedirectResponse(safe_next(next), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="strict", max_age=365 * 24 * 3600)
    return response

"""Headers every response carries, and the CSRF check on every state change.

The pages load scripts and styles from the app itself only (no inline code,
no CDN), so the Content-Security-Policy can forbid everything else. Pages
hold testimony, so nothing is cached and nothing is sent as a referrer.
"""

from __future__ import annotations

import hmac
import html
import json as _json
import logging
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cache-control", b"no-store"),
]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


KIB = 1024
MIB = 1024 * 1024
LOGIN_BODY_BYTES = 16 * KIB  # a name, a password and two tokens
FORM_BODY_BYTES = 1 * MIB  # every form and JSON body but an upload's
UPLOAD_PATHS = frozenset({"/upload"})
CAP_KEY = "moksori.body_cap"  # where the request's cap lives in the ASGI scope
log = logging.getLogger("moksori.web")


@dataclass(frozen=True)
class BodyLimits:
    """How many bytes a request body may have, decided before anyone logs in.

    Only an upload may be large, and only once its session and role are
    checked (:func:`allow_large_body`); until then it gets the form limit,
    so a stranger cannot make the server hold hundreds of megabytes.
    """

    upload: int
    login: int = LOGIN_BODY_BYTES
    form: int = FORM_BODY_BYTES

    def announced(self, path: str) -> int:
        """The most a Content-Length may promise on this path."""
        if path in UPLOAD_PATHS:
            return max(self.upload, self.form)
        return self.first(path)

    def first(self, path: str) -> int:
        """The cap on the bytes actually received, until a route raises it."""
        return self.login if path == "/login" else self.form


@dataclass
class BodyCap:
    limit: int
    large: int


def allow_large_body(scope: Scope) -> None:
    """Let this request's body grow to the upload limit (call after the session check)."""
    cap = scope.get(CAP_KEY)
    if isinstance(cap, BodyCap):
        cap.limit = cap.large


class BodyTooLarge(HTTPException):
    """A body over its cap; an HTTPException so FastAPI's body parsing passes it on."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    size = f"{limit // MIB} MB" if limit >= MIB else f"{limit // KIB} KB"
    return f"The request is larger than the server accepts here ({size})."


class SecurityHeaders:
    """ASGI middleware: the headers above on every response, caps on the size of
    request bodies (413 before an oversized body is read, whether announced by
    Content-Length or streamed), and a bare 500 for any unhandled error: its
    type is logged, never its message or traceback, which may quote testimony."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        json = _wants_json(scope)

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        path = scope.get("path", "")
        announced = _content_length(scope)
        if announced is not None and announced > self.limits.announced(path):
            await _plain(
                send_with_headers, 413, too_large_message(self.limits.announced(path)), json
            )
            return
        cap = BodyCap(self.limits.first(path), self.limits.announced(path))
        scope[CAP_KEY] = cap
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap.limit:
                    raise BodyTooLarge(cap.limit)
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except BodyTooLarge as exc:
            if not started:
                await _plain(send_with_headers, 413, str(exc.detail), json)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            log.error("internal error (%s) on %s %s", type(exc).__name__, scope.get("method"), path)
            if not started:
                await _plain(send_with_headers, 500, INTERNAL_ERROR, json)


INTERNAL_ERROR = (
    "Internal error: the request was not completed. / 내부 오류: 요청을 마치지 못했습니다."
)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def _wants_json(scope: Scope) -> bool:
    accept = b""
    for name, value in scope.get("headers", []):
        if name == b"accept":
            accept = value
    return b"text/html" not in accept or str(scope.get("path", "")).startswith("/api/")


async def _plain(send: Send, status: int, message: str, json: bool) -> None:
    """A response made in the middleware itself (no template: the app may be broken)."""
    if json:
        body = _json.dumps({"error": message}, ensure_ascii=False).encode()
        content_type = b"application/json"
    else:
        body = (
            f"<!doctype html><meta charset=utf-8><title>{status}</title>"
            f"<h1>{status}</h1><p>{html.escape(message)}</p>"
        ).encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def same_token(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given), expected)

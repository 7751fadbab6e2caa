"""Issue 14, the web: a login brake that holds under parallel guessing, body caps
before anyone logs in, X-Forwarded-For only from a named proxy, and every error
answered with the security headers and without a traceback."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from moksori.access import sessions as sessions_mod
from moksori.access.sessions import attempt_client
from moksori.access.users import Users
from moksori.project import Project
from moksori.store import audit
from moksori.web.app import WebSettings, create_app, trusted_networks
from moksori.web.security import CSP
from tests.cli.test_web_cli import _free_port, _serve, _wait
from tests.conftest import TEST_PASSPHRASE
from tests.web.conftest import NAMES, PASSWORDS, Browser, browser_client, login


def _client(project: Project, event: dict[str, Any]) -> str | None:
    """The address a failed login was counted under: its login_attempt row (the
    event names the row, never the address or the name typed)."""
    return attempt_client(project.conn, event["detail"]["targets"]["login_attempt"][0])


SECRET = "김순희는 혜산에 산다"  # fictional testimony that must never reach an error page or log


def _login_token(client: TestClient) -> str:
    match = re.search(r'name="login_csrf" value="([^"]+)"', client.get("/login").text)
    assert match
    return match.group(1)


def _try_login(client: TestClient, token: str, name: str, password: str, **headers: str) -> int:
    r = client.post(
        "/login",
        data={"name": name, "password": password, "login_csrf": token},
        headers=headers,
        follow_redirects=False,
    )
    return r.status_code


def _assert_safe_error(r: Any, status: int) -> None:
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["cache-control"] == "no-store"
    assert "Traceback" not in r.text and 'File "' not in r.text


# --- 7. the login brake under concurrency -------------------------------------------


def test_forty_parallel_guesses_get_at_most_five_password_checks(
    app_client: TestClient, study: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = 0
    lock = threading.Lock()
    real_verify = Users.verify

    def counting_verify(self: Users, name: str, password: str) -> Any:
        nonlocal checked
        with lock:
            checked += 1
        return real_verify(self, name, password)

    monkeypatch.setattr(Users, "verify", counting_verify)
    token = _login_token(app_client)
    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(
            pool.map(
                lambda i: _try_login(app_client, token, NAMES["owner"], f"wrong guess {i}"),
                range(40),
            )
        )
    assert statuses.count(401) == 5 and statuses.count(429) == 35, statuses
    assert checked == 5
    assert len(audit.entries(study.conn, "login.failed")) == 5
    # the right password waits too, until the window has passed
    assert _try_login(app_client, token, NAMES["owner"], PASSWORDS["owner"]) == 429
    later = time.time() + 301
    monkeypatch.setattr(sessions_mod.time, "time", lambda: later)
    assert _try_login(app_client, token, NAMES["owner"], PASSWORDS["owner"]) == 303


def test_the_brake_is_in_the_project_and_keeps_no_typed_name(
    app_client: TestClient, study: Project
) -> None:
    token = _login_token(app_client)
    assert _try_login(app_client, token, "박철수 typed as a name", "wrong password") == 401
    rows = study.conn.execute("SELECT name_key, client, pending FROM login_attempt").fetchall()
    assert len(rows) == 1 and rows[0][1:] == ("testclient", 0)
    assert "박철수" not in str(rows) and "wrong password" not in str(rows)
    # a later success from the same address forgets that name's typo, not others'
    assert _try_login(app_client, token, NAMES["coder"], "coder typo 1") == 401
    assert _try_login(app_client, token, NAMES["coder"], PASSWORDS["coder"]) == 303
    assert study.conn.execute("SELECT count(*) FROM login_attempt").fetchone()[0] == 1


# --- 16. X-Forwarded-For ------------------------------------------------------------


def test_forwarded_for_is_ignored_without_a_trusted_proxy(
    app_client: TestClient, study: Project
) -> None:
    token = _login_token(app_client)
    statuses = [
        _try_login(
            app_client, token, f"guess {i}", "wrong password", **{"x-forwarded-for": f"10.9.0.{i}"}
        )
        for i in range(6)
    ]
    assert statuses == [401] * 5 + [429]  # one address, however the header varies
    clients = {_client(study, e) for e in audit.entries(study.conn, "login.failed")}
    assert clients == {"testclient"}


def test_a_trusted_proxy_is_believed_for_the_address_it_saw(study: Project) -> None:
    settings = WebSettings(trusted_proxies=trusted_networks(["127.0.0.1, 10.0.0.0/8"]))
    app = create_app(study, settings)
    with TestClient(app, client=("127.0.0.1", 40000)) as client:
        token = _login_token(client)

        def attempt(name: str, forwarded: str) -> int:
            return _try_login(
                client, token, name, "wrong password", **{"x-forwarded-for": forwarded}
            )

        # the client writes its own left-hand entries; the proxy appends what it saw
        for i in range(5):
            assert attempt(f"guess {i}", f"1.2.3.{i}, 203.0.113.7") == 401
        assert attempt("guess 5", "1.2.3.99, 203.0.113.7") == 429
        assert attempt("guess 6", "203.0.113.8, 10.1.1.1") == 401  # hop 10.1.1.1 is trusted
    clients = [_client(study, e) for e in audit.entries(study.conn, "login.failed")]
    assert clients == ["203.0.113.7"] * 5 + ["203.0.113.8"]


def test_a_bad_trusted_proxy_is_one_clear_error() -> None:
    with pytest.raises(Exception, match="not an IP address"):
        trusted_networks(["proxy.example"])


def test_the_real_server_ignores_forwarded_for_unless_told(tmp_path: Path) -> None:
    """uvicorn itself believes X-Forwarded-For from 127.0.0.1 unless told not to."""
    path = tmp_path / "study.moksori"
    with Project.create(path, TEST_PASSPHRASE) as p:
        Users(p.conn).add("Dr Han", "a password for the test", "owner")
    for extra, expected in (((), "127.0.0.1"), (("--trusted-proxy", "127.0.0.1"), "198.51.100.4")):
        port = _free_port()
        proc = _serve(path, port, *extra)
        try:
            _wait(port, proc)
            with httpx2.Client(base_url=f"http://127.0.0.1:{port}") as client:
                form = client.get("/login").text
                token = re.search(r'name="login_csrf" value="([^"]+)"', form)
                assert token
                r = client.post(
                    "/login",
                    data={"name": "Dr Han", "password": "not it", "login_csrf": token.group(1)},
                    headers={"x-forwarded-for": "198.51.100.4"},
                )
                assert r.status_code == 401
        finally:
            proc.terminate()
            proc.communicate(timeout=30)
        with Project.open(path, TEST_PASSPHRASE) as p:
            assert _client(p, audit.entries(p.conn, "login.failed")[-1]) == expected


# --- 8. body caps before authentication ---------------------------------------------


CHUNK = 64 * 1024


class _Body:
    """An ASGI receive that hands out a body in 64 KiB chunks and counts what was taken."""

    def __init__(self, total: int, data: bytes = b"") -> None:
        self.data = data
        self.total = len(data) or total
        self.taken = 0

    async def __call__(self) -> dict[str, Any]:
        if self.taken >= self.total:
            return {"type": "http.disconnect"}
        size = min(self.total - self.taken, CHUNK)
        chunk = self.data[self.taken : self.taken + size] if self.data else b"x" * size
        self.taken += size
        return {"type": "http.request", "body": chunk, "more_body": self.taken < self.total}


def _asgi_post(
    app: FastAPI,
    path: str,
    total: int,
    *,
    announce: bool,
    content_type: str = "application/x-www-form-urlencoded",
    cookie: str = "",
    data: bytes = b"",
) -> tuple[int, _Body, bytes]:
    headers = [(b"content-type", content_type.encode()), (b"accept", b"application/json")]
    if announce:
        headers.append((b"content-length", str(len(data) or total).encode()))
    else:
        headers.append((b"transfer-encoding", b"chunked"))
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("testserver", 80),
        "app": app,
    }
    body = _Body(total, data)
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    # a loop of its own in a thread: the browser tests (Playwright) leave one running here
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, asyncio.wait_for(app(scope, body, send), timeout=60)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    names = {n for n, _ in start["headers"]}
    assert b"content-security-policy" in names and b"x-frame-options" in names
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body, content


@pytest.fixture
def big_upload_app(study: Project) -> Iterator[FastAPI]:
    app = create_app(study, WebSettings(max_upload_bytes=100_000_000))
    yield app
    app.state.web.handles.close()


def test_a_large_login_body_is_refused_unread(big_upload_app: FastAPI) -> None:
    status, body, _ = _asgi_post(big_upload_app, "/login", 5_000_000, announce=True)
    assert status == 413 and body.taken == 0
    status, body, content = _asgi_post(big_upload_app, "/login", 5_000_000, announce=False)
    assert status == 413 and body.taken <= 16 * 1024 + 64 * 1024
    assert b"larger than the server accepts" in content


def test_a_strangers_large_upload_or_api_call_is_refused_unread(big_upload_app: FastAPI) -> None:
    for path in ("/api/codings", "/api/memos", "/logout"):
        status, body, _ = _asgi_post(big_upload_app, path, 50_000_000, announce=True)
        assert (status, body.taken) == (413, 0), path
        status, body, _ = _asgi_post(big_upload_app, path, 50_000_000, announce=False)
        assert status in (401, 413) and body.taken <= 1024 * 1024 + 64 * 1024, path
    multipart = "multipart/form-data; boundary=xyz"
    for announce in (True, False):
        status, body, _ = _asgi_post(
            big_upload_app, "/upload", 50_000_000, announce=announce, content_type=multipart
        )
        assert (status, body.taken) == (401, 0)


def _multipart(size: int) -> bytes:
    return (
        b'--xyz\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\nnot the token\r\n'
        b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + b"x" * size + b"\r\n--xyz--\r\n"
    )


def test_only_the_owners_upload_may_be_large(big_upload_app: FastAPI) -> None:
    multipart = "multipart/form-data; boundary=xyz"
    data = _multipart(3_000_000)
    with browser_client(big_upload_app) as client:
        login(client, "viewer")
        viewer = f"moksori_session={client.cookies['moksori_session']}"
        login(client, "owner")
        owner = f"moksori_session={client.cookies['moksori_session']}"
    for announce in (True, False):
        status, body, _ = _asgi_post(
            big_upload_app,
            "/upload",
            0,
            announce=announce,
            content_type=multipart,
            cookie=viewer,
            data=data,
        )
        assert (status, body.taken) == (403, 0)  # a viewer may not upload: not read
        # the owner's body is read past the form limit (then the stale form is refused)
        status, body, _ = _asgi_post(
            big_upload_app,
            "/upload",
            0,
            announce=announce,
            content_type=multipart,
            cookie=owner,
            data=data,
        )
        assert (status, body.taken) == (403, len(data))


def test_the_test_client_sees_413_for_a_big_form(as_owner: Browser) -> None:
    r = as_owner.post("/language", data={"language": "ko", "next": "x" * 1_200_000})
    _assert_safe_error(r, 413)


# --- 17. every error with the headers, none with a traceback -------------------------


def test_ids_beyond_sqlite_are_not_found(as_viewer: Browser) -> None:
    for url in (
        "/documents/99999999999999999999999",
        "/documents/9223372036854775808",
        "/api/documents/9223372036854775808",
        "/deid/preview/99999999999999999999999",
    ):
        _assert_safe_error(as_viewer.client.get(url), 404)
    r = as_viewer.client.get("/documents/9223372036854775807")  # the largest id: just absent
    _assert_safe_error(r, 404)


def test_a_huge_id_in_the_query_is_a_clear_422(as_coder: Browser) -> None:
    r = as_coder.client.get(
        "/api/deid/findings?doc=99999999999999999999999", headers={"accept": "application/json"}
    )
    _assert_safe_error(r, 422)
    assert "out of range" in r.json()["error"]


def test_a_huge_id_in_a_body_is_a_clear_422(as_coder: Browser) -> None:
    r = as_coder.post(
        "/api/codings",
        json={"document_id": 2**70, "start16": 0, "end16": 3, "code": "Crossing"},
        headers={"accept": "application/json"},
    )
    _assert_safe_error(r, 422)
    assert "out of range" in r.json()["error"]


def test_unknown_routes_wrong_methods_and_bad_forms(as_viewer: Browser) -> None:
    _assert_safe_error(as_viewer.client.get("/no/such/page"), 404)
    _assert_safe_error(as_viewer.client.get("/logout"), 405)
    r = as_viewer.client.post(
        "/login", data={"name": SECRET}, headers={"accept": "application/json"}
    )
    _assert_safe_error(r, 422)
    assert "password" in r.json()["error"] and "혜산" not in r.text


def test_an_unexpected_error_is_a_bare_500(
    web_app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    def boom() -> None:
        raise RuntimeError(SECRET)

    web_app.add_api_route("/boom", boom)
    with browser_client(web_app) as client, caplog.at_level(logging.ERROR):
        for accept in ("text/html", "application/json"):
            r = client.get("/boom", headers={"accept": accept})
            _assert_safe_error(r, 500)
            assert "Internal error" in r.text and "혜산" not in r.text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and "혜산" not in logged and "Traceback" not in caplog.text

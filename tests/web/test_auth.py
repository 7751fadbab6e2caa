"""Logging in and out, CSRF, security headers, roles and readable errors."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from moksori.access.users import Users
from moksori.project import Project
from moksori.store import audit
from moksori.web.security import CSP
from tests.web.conftest import NAMES, PASSWORDS, Browser, login


def _login_form(client: TestClient) -> str:
    page = client.get("/login")
    match = re.search(r'name="login_csrf" value="([^"]+)"', page.text)
    assert match
    return match.group(1)


def test_pages_need_a_login_and_come_back_after_it(app_client: TestClient) -> None:
    r = app_client.get(
        "/documents?lang=ko", headers={"accept": "text/html"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    api = app_client.get("/documents", headers={"accept": "application/json"})
    assert api.status_code == 401 and "log in" in api.json()["error"]
    token = _login_form(app_client)
    r = app_client.post(
        "/login",
        data={
            "name": NAMES["coder"],
            "password": PASSWORDS["coder"],
            "login_csrf": token,
            "next": "/documents?lang=ko",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/documents?lang=ko"
    cookie = r.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    page = app_client.get("/documents", headers={"accept": "text/html"})
    assert page.status_code == 200 and "interview-01.ko.txt" in page.text


def test_a_login_never_redirects_to_another_site(app_client: TestClient) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        token = _login_form(app_client)
        r = app_client.post(
            "/login",
            data={
                "name": NAMES["coder"],
                "password": PASSWORDS["coder"],
                "login_csrf": token,
                "next": target,
            },
            follow_redirects=False,
        )
        assert r.headers["location"] == "/documents"


def test_wrong_passwords_are_slowed_down_and_audited_without_the_typed_name(
    app_client: TestClient, study: Project
) -> None:
    token = _login_form(app_client)
    statuses = []
    for _ in range(6):
        r = app_client.post(
            "/login",
            data={"name": NAMES["owner"], "password": "typed secret 123", "login_csrf": token},
        )
        statuses.append(r.status_code)
    assert statuses[:5] == [401] * 5 and statuses[5] == 429
    assert "Too many failed logins" in r.text
    # the right password is refused too while the brake is on
    r = app_client.post(
        "/login",
        data={"name": NAMES["owner"], "password": PASSWORDS["owner"], "login_csrf": token},
    )
    assert r.status_code == 429
    failures = audit.entries(study.conn, "login.failed")
    assert len(failures) == 5
    assert "typed secret" not in str(failures) and NAMES["owner"] not in str(failures)


def test_a_login_form_from_elsewhere_is_refused(app_client: TestClient) -> None:
    r = app_client.post(
        "/login",
        data={"name": NAMES["coder"], "password": PASSWORDS["coder"], "login_csrf": "forged"},
        headers={"accept": "text/html"},
    )
    assert r.status_code == 403 and "stale" in r.text


def test_state_changes_need_the_sessions_csrf_token(as_coder: Browser) -> None:
    r = as_coder.client.post("/logout", headers={"accept": "application/json"})
    assert r.status_code == 403 and "reload the page" in r.json()["error"]
    r = as_coder.client.post(
        "/logout", data={"csrf_token": "wrong"}, headers={"accept": "text/html"}
    )
    assert r.status_code == 403 and "<h1>" in r.text  # a readable page
    r = as_coder.client.post("/logout", data={"csrf_token": as_coder.csrf}, follow_redirects=False)
    assert r.status_code == 303
    after = as_coder.client.get("/documents", headers={"accept": "application/json"})
    assert after.status_code == 401


def test_every_response_carries_the_security_headers(as_viewer: Browser) -> None:
    for url in ("/login", "/documents", "/static/app.js", "/no-such-page"):
        r = as_viewer.client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


def test_hostile_names_are_escaped(app_client: TestClient, study: Project) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    Users(study.conn).add(hostile, "hostile password 99", "coder")
    token = _login_form(app_client)
    r = app_client.post(
        "/login",
        data={"name": hostile, "password": "hostile password 99", "login_csrf": token},
        follow_redirects=True,
    )
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_oversized_uploads_get_413_before_being_read(as_owner: Browser) -> None:
    big = b"x" * 2_100_000  # the test app accepts 2 MB
    r = as_owner.post("/logout", content=big, headers={"content-type": "application/octet-stream"})
    assert r.status_code == 413 and "larger than the server accepts" in r.text


def test_the_interface_speaks_korean(as_coder: Browser) -> None:
    r = as_coder.post("/language", data={"language": "ko", "next": "/documents"})
    assert r.status_code == 200 and "문서" in r.text and "로그아웃" in r.text
    assert '<html lang="ko">' in r.text


def test_documents_filter_by_language_and_coding_status(as_coder: Browser, study: Project) -> None:
    page = as_coder.client.get("/documents?lang=en", headers={"accept": "application/json"})
    names = {d["source_name"] for d in page.json()["documents"]}
    assert names == {"interview-01.en.txt", "article.txt"}
    doc = next(d for d in study.documents() if d.source_name == "interview-01.ko.txt")
    coder = study.coders.get(NAMES["coder"])
    study.codings.apply("Crossing", doc.id, 0, 5, coder=coder.name)
    coded = as_coder.client.get("/documents?status=coded", headers={"accept": "application/json"})
    assert [d["id"] for d in coded.json()["documents"]] == [doc.id]
    assert coded.json()["documents"][0]["coded_by"] == {NAMES["coder"]: 1}
    html = as_coder.client.get("/documents", headers={"accept": "text/html"}).text
    assert NAMES["coder"] in html


def test_users_from_the_command_line_can_log_in(app_client: TestClient) -> None:
    browser = login(app_client, "viewer")
    assert browser.csrf

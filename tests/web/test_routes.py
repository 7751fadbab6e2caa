"""Every route but the login form needs a session; every state change needs CSRF."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.web.conftest import Browser

PUBLIC = {("GET", "/"), ("GET", "/login"), ("POST", "/login")}


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # an included router (no prefix here)
            found += _api_routes(route.original_router.routes)
    return found


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    out = []
    for route in _api_routes(app.routes):
        path = re.sub(r"\{name\}", "cooccurrence.png", route.path)
        path = re.sub(r"\{[^}]+\}", "1", path)
        out += [(method, path) for method in sorted(route.methods)]
    return out


def test_no_route_answers_without_a_login(web_app: FastAPI, app_client: TestClient) -> None:
    routes = [r for r in _routes(web_app) if r not in PUBLIC]
    assert len(routes) >= 30
    for method, path in routes:
        r = app_client.request(method, path, headers={"accept": "application/json"}, json={})
        assert r.status_code == 401, (method, path, r.status_code)
        assert "log in" in r.json()["error"]


def test_no_state_change_without_the_csrf_token(web_app: FastAPI, as_owner: Browser) -> None:
    changes = [
        (m, p) for m, p in _routes(web_app) if m not in ("GET", "HEAD") and (m, p) not in PUBLIC
    ]
    assert len(changes) >= 12
    for method, path in changes:
        r = as_owner.client.request(method, path, headers={"accept": "application/json"}, json={})
        assert r.status_code == 403, (method, path, r.status_code)
        assert "reload the page" in r.json()["error"]

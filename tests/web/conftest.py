"""A small fictional study served by the web app, and logged-in clients.

The study is built once per test session (Kiwi and the key derivation are
the slow parts) and copied for each test, so every test may write.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from moksori.access.users import Users
from moksori.project import Project
from moksori.web.app import WebSettings, create_app
from tests.conftest import TEST_PASSPHRASE

# Fictional testimony: names, places and dates are invented.
INTERVIEW_KO = """면접자: 언제 고향을 떠나셨어요?
김순희: 2010년 겨울에 혜산에서 떠났어요. 강을 건넜습니다 🌊 너무 추웠어요.
면접자: 가족은 어떻게 되셨나요?
김순희: 어머니는 남으셨어요. 로동신문에서 일하던 오빠도 남았고요 😢.
면접자: 중국에서는 어떠셨어요?
김순희: 식당에서 일했어요. 말이 통하지 않아서 힘들었습니다.
"""
INTERVIEW_EN = """Interviewer: When did you leave your home town?
Kim Sunhee: I left Hyesan in the winter of 2010. I crossed the river 🌊 It was so cold.
Interviewer: What happened to your family?
Kim Sunhee: My mother stayed. My brother, who worked at the Rodong Sinmun, stayed too 😢.
Interviewer: How was it in China?
Kim Sunhee: I worked in a restaurant. It was hard because I could not speak the language.
"""
ARTICLE_EN = """Crossing the border

Many women who left the North in the 2010s crossed the Tumen river in winter.
Brokers charged high fees, and arrests were common on both sides of the border.
"""

PASSWORDS = {
    "owner": "owner password 1",
    "coder": "coder password 2",
    "coder2": "second coder password 3",
    "viewer": "viewer password 4",
}
NAMES = {
    "owner": "Owner Kim",
    "coder": "Coder Lee",
    "coder2": "Coder Choi",
    "viewer": "Viewer Park",
}
ROLES = {"owner": "owner", "coder": "coder", "coder2": "coder", "viewer": "viewer"}


def _build_study(folder: Path) -> Path:
    texts = folder / "texts"
    texts.mkdir()
    (texts / "interview-01.ko.txt").write_text(INTERVIEW_KO, encoding="utf-8")
    (texts / "interview-01.en.txt").write_text(INTERVIEW_EN, encoding="utf-8")
    (texts / "article.txt").write_text(ARTICLE_EN, encoding="utf-8")
    path = folder / "study.moksori"
    with Project.create(path, TEST_PASSPHRASE) as p:
        p.add(sorted(texts.iterdir()), workers=1)
        users = Users(p.conn)
        for key, name in NAMES.items():
            users.add(name, PASSWORDS[key], ROLES[key])
        p.codebook.create("Crossing")
        p.codebook.create("Family")
    return path


@pytest.fixture(scope="session")
def study_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_study(tmp_path_factory.mktemp("web-study"))


@pytest.fixture
def study(study_template: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "study.moksori"
    shutil.copy(study_template, path)
    with Project.open(path, TEST_PASSPHRASE) as p:
        yield p


@pytest.fixture
def web_app(study: Project) -> FastAPI:
    return create_app(study, WebSettings(max_upload_bytes=2_000_000))


def browser_client(app: FastAPI) -> TestClient:
    """A client that, like a browser, asks for pages as HTML (API calls say JSON)."""
    return TestClient(app, base_url="http://testserver", headers={"accept": "text/html,*/*"})


@pytest.fixture
def app_client(web_app: FastAPI) -> Iterator[TestClient]:
    with browser_client(web_app) as client:  # runs the app's start-up and shut-down
        yield client


@dataclass
class Browser:
    """A logged-in client and its session's CSRF token."""

    client: TestClient
    csrf: str
    name: str

    def post(self, url: str, **kwargs: object):  # type: ignore[no-untyped-def]
        headers = dict(kwargs.pop("headers", {}) or {})  # type: ignore[call-overload]
        headers.setdefault("X-CSRF-Token", self.csrf)
        return self.client.post(url, headers=headers, **kwargs)  # type: ignore[arg-type]


def login(client: TestClient, who: str) -> Browser:
    """Log in as owner, coder, coder2 or viewer through the real login form."""
    page = client.get("/login")
    token = re.search(r'name="login_csrf" value="([^"]+)"', page.text)
    assert token, "the login form has no CSRF field"
    response = client.post(
        "/login",
        data={
            "name": NAMES[who],
            "password": PASSWORDS[who],
            "login_csrf": token.group(1),
            "next": "/documents",
        },
        follow_redirects=True,
    )
    assert response.status_code == 200, response.text[:300]
    csrf = re.search(r'data-csrf="([^"]+)"', response.text)
    assert csrf, "the page carries no session CSRF token"
    return Browser(client, csrf.group(1), NAMES[who])


# Each role has its own client (its own cookies), so tests can act as several at once.
@pytest.fixture
def as_owner(app_client: TestClient, web_app: FastAPI) -> Browser:
    return login(app_client, "owner")


@pytest.fixture
def as_coder(app_client: TestClient, web_app: FastAPI) -> Browser:
    return login(browser_client(web_app), "coder")


@pytest.fixture
def as_viewer(app_client: TestClient, web_app: FastAPI) -> Browser:
    return login(browser_client(web_app), "viewer")

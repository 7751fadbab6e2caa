"""Headless Chromium against the real app served on loopback.

Debian's chromium (``/usr/bin/chromium``) is driven by Playwright; no browser is
ever downloaded. Without it every test here is skipped with the command that
installs it. The server is the real app on a copy of the ``study`` fixture
(tests/web/conftest.py), so the tests can check what the browser did in the
project itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Response,
    sync_playwright,
)

from moksori.project import Project
from moksori.web.app import WebSettings, create_app
from moksori.web.testing import serve_in_thread
from tests.web.conftest import NAMES, PASSWORDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000
ERRORS: dict[int, list[str]] = {}  # id(page) → console errors and uncaught exceptions


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium: scripts/install_chromium.sh"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def live_server(study: Project) -> Iterator[str]:
    """The app on the test's own copy of the study, at http://127.0.0.1:PORT."""
    app = create_app(study, WebSettings(max_upload_bytes=2_000_000))
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("MOKSORI_SCREENSHOTS") or Path(__file__).parent / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def login_page(page: Page, base: str, who: str) -> None:
    """Log in through the real form, as a person would."""
    page.goto(f"{base}/login")
    page.fill("input[name=name]", NAMES[who])
    page.fill("input[name=password]", PASSWORDS[who])
    with page.expect_navigation():
        page.click("form[action='/login'] button[type=submit]")
    assert re.search(r"/documents$", page.url), page.url


def _console(errors: list[str], message: ConsoleMessage) -> None:
    # a failed load is recorded with its URL by _response
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


def _response(errors: list[str], response: Response) -> None:
    if response.status >= 500 or (response.status == 404 and "favicon" not in response.url):
        errors.append(f"{response.status} {response.url}")


@pytest.fixture
def open_page(browser: Browser, live_server: str) -> Iterator[Callable[..., Page]]:
    """``open_page("coder")``: a page in its own browser context, logged in.

    Each context has its own cookies, so two calls are two people at two
    browsers. Console errors and CSP violations are collected in
    ``ERRORS[id(page)]``.
    """
    contexts: list[BrowserContext] = []
    pages: list[Page] = []

    def make(who: str, *, lang: str = "ko-KR") -> Page:
        context = browser.new_context(
            locale=lang, viewport={"width": 1280, "height": 900}, base_url=live_server
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: _console(errors, m))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("response", lambda r: _response(errors, r))
        ERRORS[id(page)] = errors
        pages.append(page)
        login_page(page, live_server, who)
        return page

    yield make
    for page in pages:
        ERRORS.pop(id(page), None)
    for context in contexts:
        context.close()

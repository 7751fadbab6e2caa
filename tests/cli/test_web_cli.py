"""`moksori user …` and `moksori serve`, as real processes."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

from tests.cli.test_cli import moksori
from tests.conftest import TEST_PASSPHRASE, cli_env

PASSWORD = "a password for the test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "study.moksori"
    assert moksori("init", str(path)).returncode == 0
    return path


def test_accounts_from_the_command_line(tmp_path: Path) -> None:
    path = _project(tmp_path)
    env = cli_env(MOKSORI_USER_PASSWORD=PASSWORD)
    r = moksori("user", "add", str(path), "Dr Han", "--role", "owner", "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["role"] == "owner"
    assert PASSWORD not in r.stdout + r.stderr
    r = moksori("user", "add", str(path), "dr han", env=env)
    assert r.returncode == 1 and "already exists" in r.stderr and len(r.stderr.splitlines()) == 1
    r = moksori("user", "add", str(path), "Kim", env=cli_env(MOKSORI_USER_PASSWORD="short"))
    assert r.returncode == 1 and "at least 10" in r.stderr
    assert moksori("user", "add", str(path), "Reader", "--role", "viewer", env=env).returncode == 0
    assert moksori("user", "role", str(path), "Reader", "coder").returncode == 0
    assert moksori("user", "disable", str(path), "Reader").returncode == 0
    listed = json.loads(moksori("user", "list", str(path), "--json").stdout)
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [
        ("Dr Han", "owner", False),
        ("Reader", "coder", True),
    ]


def _serve(path: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "moksori", "serve", str(path), "--port", str(port), *extra],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait(port: int, proc: subprocess.Popen[str]) -> httpx2.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        try:
            return httpx2.get(f"http://127.0.0.1:{port}/login", timeout=2)
        except httpx2.TransportError:
            time.sleep(0.3)
    raise AssertionError("the server did not start")


def test_serve_listens_on_loopback_and_never_shows_the_passphrase(tmp_path: Path) -> None:
    path = _project(tmp_path)
    env = cli_env(MOKSORI_USER_PASSWORD=PASSWORD)
    assert moksori("user", "add", str(path), "Dr Han", "--role", "owner", env=env).returncode == 0
    port = _free_port()
    proc = _serve(path, port)
    try:
        page = _wait(port, proc)
        assert page.status_code == 200 and 'name="login_csrf"' in page.text
        assert TEST_PASSPHRASE not in page.text
        with httpx2.Client(base_url=f"http://127.0.0.1:{port}") as client:
            form = client.get("/login").text
            token = re.search(r'name="login_csrf" value="([^"]+)"', form)
            assert token
            r = client.post(
                "/login",
                data={"name": "Dr Han", "password": PASSWORD, "login_csrf": token.group(1)},
                headers={"accept": "text/html"},
                follow_redirects=True,
            )
            assert r.status_code == 200 and "Dr Han" in r.text
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err
    assert "warning" not in err
    assert TEST_PASSPHRASE not in out + err


def test_serve_on_the_network_warns_about_tls(tmp_path: Path) -> None:
    path = _project(tmp_path)
    port = _free_port()
    proc = _serve(path, port, "--host", "0.0.0.0")
    try:
        _wait(port, proc)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "warning" in err and "TLS" in err
    assert "no owner account yet" in err

#!/usr/bin/env python3
"""The issue 14 attack, re-run after the fixes: tried / held / failed per area.

    python benchmarks/attacks.py            # every area (about 5 minutes)
    python benchmarks/attacks.py --area web # one area: web, search, roles, share,
                                            # input, rest, hardening

Each attempt is one thing an attacker (or a careless user) does against a
fictional project full of real-looking names, phones and e-mail addresses,
and one check of whether the protection held. Prints a table and saves
benchmarks/results/attacks.json with every failed attempt named.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

PASSPHRASE = "attack run passphrase (fictional project)"
VAULT_PASSPHRASE = "attack run vault passphrase"


@dataclass
class Area:
    name: str
    tried: int = 0
    failed: list[str] = field(default_factory=list)

    def check(self, held: bool, what: str) -> None:
        self.tried += 1
        if not held:
            self.failed.append(what)

    def to_json(self) -> dict[str, Any]:
        return {
            "tried": self.tried,
            "held": self.tried - len(self.failed),
            "failed": len(self.failed),
            "failures": self.failed,
        }


# --- the fictional project ------------------------------------------------------------
@contextlib.contextmanager
def leaky_project() -> Iterator[tuple[Path, Path]]:
    """The matrix test's project (names in titles, file names, attributes, memos,
    case descriptions, code examples, text), in a temporary folder."""
    from tests.web.test_viewer_leaks import _build

    folder = Path(tempfile.mkdtemp(prefix="moksori-attack-"))
    try:
        yield _build(folder), folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def secrets() -> list[str]:
    from tests.web.test_viewer_leaks import SECRETS

    return list(SECRETS)


def leaks(body: bytes | str) -> list[str]:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    folded = text.casefold()
    return [s for s in secrets() if s.casefold() in folded]


# --- web: what a viewer reads -----------------------------------------------------------
def attack_web(area: Area, search: Area, roles: Area) -> None:
    from moksori.project import Project
    from moksori.web.app import WebSettings, create_app
    from tests.conftest import TEST_PASSPHRASE
    from tests.web.conftest import browser_client, login
    from tests.web.test_viewer_leaks import QUERIES, _get_paths

    with leaky_project() as (path, _), Project.open(path, TEST_PASSPHRASE) as p:
        app = create_app(p, WebSettings(max_upload_bytes=2_000_000))
        with browser_client(app):
            viewer = login(browser_client(app), "viewer")
            coder = login(browser_client(app), "coder")
            for route in _get_paths(app, p):
                for query in QUERIES:
                    for accept in ("text/html", "application/json"):
                        r = viewer.client.get(route + query, headers={"accept": accept})
                        found = leaks(r.content)
                        area.check(
                            r.status_code < 500 and not found,
                            f"viewer GET {route}{query} ({accept}): {r.status_code} {found}",
                        )

            def hits(q: str, mode: str = "keyword") -> tuple[int, list[Any]]:
                r = viewer.client.get(
                    "/api/search",
                    params={"q": q, "mode": mode},
                    headers={"accept": "application/json"},
                )
                body = (
                    r.json()
                    if r.headers.get("content-type", "").startswith("application/json")
                    else {}
                )
                return r.status_code, [
                    (h["document_id"], h["start16"]) for h in body.get("results", [])
                ]

            _, visible = hits("두만강")
            search.check(bool(visible), "viewer search finds visible words at all")
            for hidden in (
                "김철수",
                "철수",
                "Kim",
                "Chol-su",
                "회령",
                "Hoeryong",
                "4417",
                "010-2398-4417",
                "chulsoo.kim@example.org",
                "박영호",
                "1979",
            ):
                for q, want in (
                    (hidden, []),
                    (f"{hidden} AND 두만강", []),
                    (f"{hidden} 두만강", []),
                    (f'"{hidden}" OR 두만강', visible),
                    (f"두만강 NOT {hidden}", visible),
                    (f"(두만강 OR 강) AND {hidden}", []),
                ):
                    status, got = hits(q)
                    search.check(status == 200 and got == want, f"viewer search {q!r}: {got}")
            for q, mode in (
                ("두만강 speaker:김철수", "keyword"),
                ("두만강 attr:interviewee=김철수", "keyword"),
                ("두만강 doc:1", "keyword"),
                ("김철수", "semantic"),
                ("김철수", "hybrid"),
            ):
                status, _ = hits(q, mode)
                search.check(status == 403, f"viewer search {q!r} ({mode}) answered {status}")
            for url in (
                "/documents?attribute=interviewee%3D김철수",
                "/coded?attribute=hometown%3D회령",
            ):
                r = viewer.client.get(url)
                search.check(r.status_code == 403, f"viewer filter {url}: {r.status_code}")

            # roles: who may undo a redaction
            accepted = [f.id for f in p.deid.findings.select() if f.status == "accepted"]
            for body in (
                {"ids": accepted[:1], "decision": "reject"},
                {"ids": accepted, "decision": "reject"},
                {"types": ["person"], "decision": "reject"},
                {"all_proposed": True, "decision": "reject"},
            ):
                for who, client in (("coder", coder), ("viewer", viewer)):
                    r = client.post("/api/deid/review", json=body)
                    still = all(
                        f.status == "accepted" for f in p.deid.findings.select() if f.id in accepted
                    )
                    roles.check(
                        r.status_code == 403 and still,
                        f"{who} review {body}: {r.status_code}, accepted kept={still}",
                    )
            for method, url, body in (
                ("POST", "/api/codings", {"code": 1, "document": 1, "start": 0, "end": 3}),
                ("POST", "/api/memos", {"on": "project", "text": "x"}),
                ("POST", "/api/codes", {"name": "x"}),
                ("POST", "/api/reliability/resolve", {}),
                ("POST", "/upload", None),
            ):
                r = viewer.client.request(
                    method, url, json=body, headers={"X-CSRF-Token": viewer.csrf}
                )
                roles.check(r.status_code == 403, f"viewer {method} {url}: {r.status_code}")
            try:
                p.deid.reviewers.grant("Coder Lee", by="Coder Lee")
                roles.check(False, "a coder granted themselves redaction decisions")
            except Exception:  # noqa: BLE001 - any refusal holds
                roles.check(True, "")


# --- the shared copy ---------------------------------------------------------------------
def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    from tests.conftest import cli_env

    return subprocess.run(
        [sys.executable, "-m", "moksori", *args],
        capture_output=True,
        text=True,
        env=cli_env(**env),
        timeout=600,
    )


def text_cells(path: Path, passphrase: str) -> dict[str, str]:
    """Every text cell of every table of a project: table.column → all its text."""
    from moksori.project import Project

    out: dict[str, str] = {}
    with Project.open(path, passphrase) as p:
        tables = [
            r[0]
            for r in p.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        for table in tables:
            cur = p.conn.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in cur.description]
            for row in cur:
                for col, value in zip(cols, row, strict=True):
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    if isinstance(value, str):
                        key = f"{table}.{col}"
                        out[key] = out.get(key, "") + "\n" + value
    return out


def attack_share(area: Area) -> None:
    from tests.conftest import TEST_PASSPHRASE

    share_pass = "attack run shared copy passphrase"
    env = {"MOKSORI_VAULT_PASSPHRASE": TEST_PASSPHRASE, "MOKSORI_SHARE_PASSPHRASE": share_pass}
    with leaky_project() as (path, folder):
        vault = str(folder / "study.vault")
        cli("deid", "scan", str(path), "--vault", vault, **env)
        refused = cli(
            "deid",
            "share",
            str(path),
            str(folder / "a.moksori"),
            "--vault",
            vault,
            "--unreviewed-ok",
            **env,
        )
        area.check(
            refused.returncode != 0 and "hometown" in refused.stderr,
            f"share with a k = 1 attribute was not refused: {refused.stderr.strip()[:200]}",
        )
        runs = {
            "withheld": ["--withhold", "hometown"],
            "accept-risk": ["--accept-risk"],
        }
        for name, extra in runs.items():
            out = folder / f"{name}.moksori"
            r = cli(
                "deid",
                "share",
                str(path),
                str(out),
                "--vault",
                vault,
                "--unreviewed-ok",
                *extra,
                **env,
            )
            area.check(r.returncode == 0, f"share {name} failed: {r.stderr.strip()[:200]}")
            if r.returncode != 0:
                continue
            cells = text_cells(out, share_pass)
            for column, text in cells.items():
                found = leaks(text)
                area.check(not found, f"shared copy ({name}) {column} holds {found}")
        # owner's own rejections of every person finding do not bring the names back
        cli("deid", "review", str(path), "reject", "--type", "person", "--again", **env)
        out = folder / "rejected.moksori"
        r = cli(
            "deid",
            "share",
            str(path),
            str(out),
            "--vault",
            vault,
            "--unreviewed-ok",
            "--withhold",
            "hometown",
            **env,
        )
        area.check(r.returncode == 0, f"share after rejections failed: {r.stderr.strip()[:200]}")
        if r.returncode == 0:
            for column, text in text_cells(out, share_pass).items():
                found = leaks(text)
                area.check(not found, f"shared copy after rejections: {column} holds {found}")


AREAS: dict[str, Callable[[dict[str, Area]], None]] = {
    "web": lambda a: attack_web(a["web"], a["search"], a["roles"]),
    "share": lambda a: attack_share(a["share"]),
}
ORDER = ["web", "search", "roles", "share"]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--area", choices=sorted(AREAS), action="append")
    a = ap.parse_args()
    areas = {name: Area(name) for name in ORDER}
    t0 = time.perf_counter()
    for name in a.area or list(AREAS):
        AREAS[name](areas)
    rows = {name: area.to_json() for name, area in areas.items() if area.tried}
    print(f"\n{'area':<12} {'tried':>6} {'held':>6} {'failed':>6}")
    for name, r in rows.items():
        print(f"{name:<12} {r['tried']:>6} {r['held']:>6} {r['failed']:>6}")
        for f in r["failures"][:10]:
            print(f"    failed: {f}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "attacks.json"
    out.write_text(
        json.dumps(
            {
                "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "seconds": round(time.perf_counter() - t0, 1),
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "areas": rows,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"\nsaved {out}")
    sys.exit(1 if any(r["failed"] for r in rows.values()) else 0)


if __name__ == "__main__":
    main()

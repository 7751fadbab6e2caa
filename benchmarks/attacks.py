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
sys.path.insert(0, str(HERE))
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

        def share(name: str, *extra: str) -> dict[str, str] | None:
            out = folder / f"{name}.moksori"
            args = ("deid", "share", str(path), str(out), "--vault", vault, "--unreviewed-ok")
            r = cli(*args, *extra, **env)
            area.check(r.returncode == 0, f"share {name} failed: {r.stderr.strip()[:200]}")
            return text_cells(out, share_pass) if r.returncode == 0 else None

        # the owner's own rejection of every person finding must not bring the names back
        runs = {"withheld": ["--withhold", "hometown"], "accept-risk": ["--accept-risk"]}
        runs["after rejections"] = ["--withhold", "hometown"]
        for name, extra in runs.items():
            if name == "after rejections":
                cli("deid", "review", str(path), "reject", "--type", "person", "--again", **env)
            for column, text in (share(name.replace(" ", "-"), *extra) or {}).items():
                found = leaks(text)
                area.check(not found, f"shared copy ({name}) {column} holds {found}")


# --- web hardening: a real server ----------------------------------------------------------
def attack_hardening(area: Area) -> None:
    import re
    from concurrent.futures import ThreadPoolExecutor

    import httpx2
    import web_hardening as wh

    from moksori.access.users import Users
    from moksori.project import Project

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "served.moksori"
        with Project.create(path, wh.PASSPHRASE) as p:
            Users(p.conn).add(*wh.OWNER, "owner")
        port = wh._free_port()
        proc = wh._start(path, port)
        base = f"http://127.0.0.1:{port}"
        try:
            for route, announce in (
                ("/login", True),
                ("/login", False),
                ("/upload", False),
                ("/api/codings", False),
            ):
                r = wh._round(proc.pid, base, route, 190, 10, announce)
                ok = set(r["outcomes"]) <= {"413", "401", "closed"}
                area.check(
                    ok and r["rss_peak_mb"] < 1024,
                    f"10 x 190 MB to {route} ({r['body']}): {r['outcomes']}, "
                    f"peak {r['rss_peak_mb']} MB",
                )
            brake = wh._guesses(base, 60)
            area.check(
                brake["checked_401"] <= 5 and brake["right_password_then"] == 429,
                f"60 parallel guesses: {brake}",
            )
            # another name each time, a forged address each time: the address brake holds
            with httpx2.Client(base_url=base) as client:
                token = re.search(r'name="login_csrf" value="([^"]+)"', client.get("/login").text)
                assert token

                def forged(i: int) -> int:
                    data = {"name": f"nobody {i}", "password": "x", "login_csrf": token.group(1)}
                    xff = {"x-forwarded-for": f"203.0.113.{i}"}
                    return client.post("/login", data=data, headers=xff).status_code

                with ThreadPoolExecutor(max_workers=20) as pool:
                    statuses = list(pool.map(forged, range(20)))
                area.check(
                    statuses.count(429) >= 14,
                    f"20 guesses with forged X-Forwarded-For: {sorted(statuses)}",
                )
            for url in (
                "/documents/99999999999999999999999",
                "/documents/9223372036854775808",
                "/api/documents/18446744073709551616",
                "/no/such/route",
            ):
                r = httpx2.get(base + url, headers={"accept": "text/html"})
                headers = {k.lower() for k in r.headers}
                area.check(
                    r.status_code in (401, 404, 422)
                    and {"content-security-policy", "x-content-type-options"} <= headers
                    and "Traceback" not in r.text,
                    f"GET {url}: {r.status_code}, headers {sorted(headers)}",
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)


# --- hostile input: one folder, every trap at once -------------------------------------------
def attack_input(area: Area) -> None:
    import hostile

    from moksori.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "incoming"
        folder.mkdir()
        outside = root / "outside.txt"
        outside.write_text("밖에 있는 파일입니다.\n", encoding="utf-8")
        os.mkfifo(folder / "pipe.txt")
        (folder / "zero.txt").symlink_to("/dev/zero")
        (folder / "passwd.txt").symlink_to("/etc/passwd")
        (folder / "outside.txt").symlink_to(outside)
        (folder / "proc.txt").symlink_to("/proc/self/environ")
        hostile.bomb_docx(folder / "bomb.docx", 300)
        (folder / "damaged.txt").write_bytes(hostile.damaged_korean())
        (folder / "garbled.txt").write_bytes(
            "김철수가 회령에서".encode().decode("latin-1").encode()
        )
        hostile.repeated_line(folder / "one-line.txt", 5, hostile.text_passages(0.5))
        (folder / "forged\n✓ added 99 file(s).txt").write_text("가짜 줄\n", encoding="utf-8")
        (folder / "evil\u202etxt.exe.txt").write_text("뒤집힌 이름\n", encoding="utf-8")
        for i in range(3):
            (folder / f"normal-{i}.txt").write_text(f"{hostile.NORMAL}{i}\n", encoding="utf-8")
        r = hostile.run_add(folder, cutoff=120)
        by_name = {Path(o["source"] or "").name: o for o in r["outcomes"]}
        area.check(not r["cut_off"], f"add hung: cut off after {r['seconds']} s")
        area.check(r["seconds"] < 60, f"add took {r['seconds']} s")
        area.check(r["exit"] == 2, f"add exited {r['exit']}")
        area.check(r["peak_pss_mb"] < 1024, f"add peaked at {r['peak_pss_mb']} MB (PSS)")
        for name in (
            "pipe.txt",
            "zero.txt",
            "passwd.txt",
            "outside.txt",
            "proc.txt",
            "bomb.docx",
            "garbled.txt",
        ):
            o = by_name.get(name, {})
            area.check(
                o.get("status") == "error" and name in str(o.get("source")),
                f"{name}: {o.get('status')} {o.get('message')}",
            )
        for name in ("normal-0.txt", "normal-1.txt", "normal-2.txt", "one-line.txt", "damaged.txt"):
            o = by_name.get(name, {})
            area.check(o.get("status") == "added", f"{name}: {o.get('status')} {o.get('message')}")
        project = folder.parent / f"{folder.name}.moksori"
        with Project.open(project, hostile.PASSPHRASE) as p:
            docs = {d.label: d for d in p.documents()}
            damaged = next((d for n, d in docs.items() if "damaged" in n), None)
            text = p.document(damaged.id).text if damaged else ""
            hangul = sum(1 for c in text if "가" <= c <= "힣")
            area.check(
                damaged is not None
                and damaged.quality == "damaged"
                and hangul > len(text) / 3
                and not any("\u0400" <= c <= "\u04ff" for c in text),
                "the damaged Korean file was not read as UTF-8 with its Hangul intact",
            )
            longest = p.conn.execute(
                "SELECT max(\"end\" - start) FROM segment WHERE kind != 'sentence'"
            ).fetchone()[0]
            area.check(longest <= 4000, f"a passage of {longest} characters went to Kiwi")
        # status lines: one line per file, control and bidi characters escaped
        from tests.conftest import cli_env

        env = cli_env(MOKSORI_PASSPHRASE=hostile.PASSPHRASE)
        names = root / "names"
        names.mkdir()
        (names / "forged\n✓ added 99 file(s).txt").write_text("가짜\n", encoding="utf-8")
        (names / "evil\u202etxt.exe.txt").write_text("뒤집힌\n", encoding="utf-8")
        (names / "[bold]x.txt").write_text("", encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-m", "moksori", "add", str(project), str(names)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        shown = out.stdout + out.stderr
        area.check("\u202e" not in shown, "a right-to-left override reached the terminal")
        area.check(
            not any(line.startswith("✓ added 99") for line in shown.splitlines()),
            "a file name forged a status line",
        )
        area.check("[bold]x" in shown, "a file name was read as terminal markup")


# --- data at rest and crash safety ---------------------------------------------------------
def attack_rest(area: Area) -> None:
    import stat
    import zipfile

    env = {"MOKSORI_VAULT_PASSPHRASE": "attack run vault passphrase 2"}
    old = os.umask(0o022)
    try:
        with leaky_project() as (path, folder):
            r = cli("init", str(folder / "weak.moksori"), MOKSORI_PASSPHRASE="x")
            area.check(
                r.returncode != 0 and not (folder / "weak.moksori").exists(),
                f"a one-character passphrase made a project: {r.stderr.strip()[:120]}",
            )
            outputs = {
                "codebook.csv": ("codebook", "export", str(path), "{out}"),
                "codebook.qdc": ("codebook", "export", str(path), "{out}"),
                "study.qdpx": ("export", str(path), "{out}"),
                "memos.md": ("memo", "export", str(path), "--format", "md", "-o", "{out}"),
                "report": ("report", str(path), "--out", "{out}"),
                "cases.csv": ("case", "export", str(path), "{out}"),
            }
            made = [path, folder / "study.vault"]
            for name, args in outputs.items():
                out = folder / "out" / name
                out.parent.mkdir(exist_ok=True)
                r = cli(*[a.replace("{out}", str(out)) for a in args], **env)
                area.check(r.returncode == 0, f"{' '.join(args[:2])} failed: {r.stderr[:160]}")
                made += [out, *out.rglob("*")] if out.is_dir() else [out]
            for f in made:
                if f.exists():
                    mode = stat.S_IMODE(f.stat().st_mode)
                    want = 0o700 if f.is_dir() else 0o600
                    area.check(mode == want, f"{f.name} created {oct(mode)}")
            # no testimony or name in clear in the project, its WAL or the vault
            for f in [path, *folder.glob("*.moksori-*"), folder / "study.vault"]:
                if f.exists() and f.is_file():
                    raw = f.read_bytes()
                    for secret in ("김철수", "Hoeryong", "010-2398-4417", "두만강"):
                        area.check(secret.encode() not in raw, f"{f.name} holds {secret} in clear")
            # an export killed half-way leaves nothing named and nothing half-written
            out = folder / "out" / "killed.qdpx"
            from tests.conftest import cli_env

            proc = subprocess.Popen(
                [sys.executable, "-m", "moksori", "export", str(path), str(out)],
                env=cli_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.5)
            proc.kill()
            proc.wait()
            leftovers = [p.name for p in out.parent.iterdir() if "killed" in p.name]
            complete = out.exists() and zipfile.is_zipfile(out)
            area.check(
                leftovers in ([], ["killed.qdpx"]) and (complete or not out.exists()),
                f"killed export left {leftovers}",
            )
    finally:
        os.umask(old)


AREAS: dict[str, Callable[[dict[str, Area]], None]] = {
    "web": lambda a: attack_web(a["web"], a["search"], a["roles"]),
    "share": lambda a: attack_share(a["share"]),
    "hardening": lambda a: attack_hardening(a["hardening"]),
    "rest": lambda a: attack_rest(a["rest"]),
    "input": lambda a: attack_input(a["input"]),
}
ORDER = ["web", "search", "roles", "hardening", "share", "input", "rest"]


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

"""`moksori add` on a hostile folder, as a real process: nothing hangs, nothing outlives it,
no worker holds the passphrase, and no file name forges or garbles a status line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from moksori.project import Project
from tests.conftest import TEST_PASSPHRASE, cli_env
from tests.ingest.conftest import EN, KO, hostile_folder

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def moksori(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A regression that hangs fails here instead of hanging the suite."""
    return subprocess.run(
        [sys.executable, "-m", "moksori", *args],
        capture_output=True,
        text=True,
        env=cli_env(COLUMNS="400"),  # one status line stays one line
        timeout=timeout,
    )


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "study.moksori"
    Project.create(path, TEST_PASSPHRASE).close()
    return path


def _sources(path: Path) -> list[str]:
    with Project.open(path, TEST_PASSPHRASE) as p:
        return sorted(r[0] for r in p.conn.execute("SELECT name FROM source_file"))


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    d = hostile_folder(tmp_path)
    (d / "kept.txt").write_text(KO + EN, encoding="utf-8")
    (d / "inside.txt").symlink_to(d / "kept.txt")
    return d


def _error_lines(stderr: str) -> dict[str, str]:
    lines = [line for line in stderr.splitlines() if line.startswith("✗ ")]
    return dict(line[2:].split(": ", 1) for line in lines)


def test_pipes_devices_and_links_are_refused_one_line_each(tmp_path: Path, hostile: Path) -> None:
    project = _project(tmp_path)
    r = moksori("add", str(project), str(hostile))
    assert r.returncode == 2, r.stderr
    errors = _error_lines(r.stderr)
    assert errors["interviews/pipe.txt"] == "not a regular file (a pipe); skipped"
    for link in ("zero.txt", "passwd.txt", "escape.txt", "inside.txt"):
        assert errors[f"interviews/{link}"].startswith("a symbolic link, not followed; skipped")
    assert len(errors) == 5
    assert _sources(project) == ["interviews/en.txt", "interviews/kept.txt", "interviews/ko.txt"]


def test_follow_symlinks_reads_linked_files_but_never_dev_zero(
    tmp_path: Path, hostile: Path
) -> None:
    project = _project(tmp_path)
    (hostile / "kept.txt").write_text(KO + EN + KO, encoding="utf-8")
    (hostile / "other.txt").write_text(EN + EN, encoding="utf-8")
    (hostile / "inside.txt").unlink()
    (hostile / "inside.txt").symlink_to("other.txt")  # inside the folder, relative
    for name in ("passwd.txt", "escape.txt"):
        (hostile / name).unlink()
    r = moksori("add", str(project), str(hostile), "--follow-symlinks", "--json")
    assert r.returncode == 2, r.stderr
    report = json.loads(r.stdout)
    status = {o["source"]: (o["status"], o["message"]) for o in report["files"]}
    assert status["interviews/zero.txt"] == ("error", "a link to a device or system file; skipped")
    assert status["interviews/pipe.txt"][0] == "error"
    assert status["interviews/inside.txt"][0] == "added"
    assert status["interviews/other.txt"][0] == "duplicate"  # same bytes as the link
    assert "interviews/inside.txt" in _sources(project)


def test_a_file_name_cannot_forge_or_reverse_a_status_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    d = tmp_path / "names"
    d.mkdir()
    forged = "x\n✓ forged.txt"
    reversed_ = "report\u202eexe.txt"  # shown as "reporttxt.exe" if not escaped
    markup = "[bold]loud.txt"
    for name in (forged, reversed_, markup):
        (d / name).write_bytes(b"")  # empty: each gets an error line naming it
    r = moksori("add", str(project), str(d))
    assert r.returncode == 2, r.stderr
    assert "\u202e" not in r.stderr and "\u202e" not in r.stdout
    lines = r.stderr.splitlines()
    assert not any(line.startswith("✓ forged") for line in lines)
    errors = _error_lines(r.stderr)  # each name on its own line, escaped
    assert sorted(errors) == [
        "names/[bold]loud.txt",
        "names/report\\u202eexe.txt",
        "names/x\\n✓ forged.txt",
    ]


# --- workers die with `add` and never hold the passphrase ----------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie holds no memory and no environment)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _big_folder(folder: Path, n: int = 40) -> None:
    folder.mkdir()
    for i in range(n):
        lines = [
            f"참여자 {i}-{j}: 저는 {1980 + j % 30}년에 청진에서 태어났고 {j % 12 + 1}월에 "
            f"두만강을 건넜습니다. 어머니는 시장에서 장사를 하셨어요.\n"
            for j in range(2500)
        ]
        (folder / f"interview-{i:02d}.txt").write_text("".join(lines), encoding="utf-8")


def test_kill_9_of_add_leaves_no_worker_and_workers_never_hold_the_passphrase(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path)
    corpus = tmp_path / "corpus"
    _big_folder(corpus)
    proc = subprocess.Popen(
        [sys.executable, "-m", "moksori", "add", str(project), str(corpus), "--workers", "2"],
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    tree: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            tree = _descendants(proc.pid)
            # fork server, resource tracker and at least two workers under the server
            if len(tree) >= 4:
                break
            time.sleep(0.1)
        assert proc.poll() is None, "add finished before it could be killed"
        assert len(tree) >= 4, tree
        time.sleep(1.0)  # workers busy reading
        tree = _descendants(proc.pid)
        for pid in tree:
            try:
                env = Path(f"/proc/{pid}/environ").read_bytes()
            except FileNotFoundError:  # a worker replaced meanwhile
                continue
            assert b"MOKSORI_PASSPHRASE" not in env, pid
            assert TEST_PASSPHRASE.encode() not in env, pid
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, not its group
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in tree):
            time.sleep(0.1)
        assert not [pid for pid in tree if _alive(pid)], "processes outlived `add`"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        for pid in tree:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)

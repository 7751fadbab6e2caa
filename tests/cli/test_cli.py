"""The CLI end to end, as a researcher runs it: real files, real project, real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, cli_env

KO = "면접자: 어디에서 오셨어요?\n참여자: 저는 혜산에서 왔어요. 2010년에 강을 건넜습니다.\n"
EN = "Interviewer: Where are you from?\nParticipant: I crossed the river in 2010.\n"


def moksori(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moksori", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else cli_env(),
        timeout=300,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "interviews"
    d.mkdir()
    (d / "ko.txt").write_text(KO, encoding="utf-8")
    (d / "en.txt").write_text(EN, encoding="utf-8")
    (d / "copy-of-ko.txt").write_text(KO, encoding="utf-8")
    (d / "notes.xyz").write_text("unsupported", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    return d


def test_full_cli_session(tmp_path: Path, folder: Path) -> None:
    proj = str(tmp_path / "s.moksori")
    r = moksori("init", proj)
    assert r.returncode == 0, r.stderr
    r = moksori("add", proj, str(folder), "--attr", "wave=1", "--json")
    assert r.returncode == 2  # some files failed, the rest went in
    report = json.loads(r.stdout)
    by_name = {Path(f["source"]).name: f for f in report["files"]}
    # Files go in sorted order, so the copy is the first seen and ko.txt the repeat.
    assert by_name["copy-of-ko.txt"]["status"] == "added"
    assert by_name["en.txt"]["status"] == "added"
    assert by_name["ko.txt"]["status"] == "duplicate"
    assert by_name["notes.xyz"]["status"] == "error"
    assert by_name["empty.txt"]["status"] == "error"
    assert "notes.xyz" in r.stderr and "empty.txt" in r.stderr
    assert "Traceback" not in r.stderr

    docs = json.loads(moksori("docs", proj, "--json").stdout)
    assert sorted(d["lang"] for d in docs) == ["en", "ko"]
    assert all(d["attributes"] == {"wave": "1"} for d in docs)

    info = json.loads(moksori("info", proj, "--json").stdout)
    assert info["documents"] == 2 and info["schema_version"] >= 1

    hits = json.loads(moksori("search", proj, "건너다", "--json").stdout)
    assert hits["total"] == 1
    hit = hits["hits"][0]
    assert hit["speaker"] == "참여자"
    shown = json.loads(moksori("show", proj, str(hit["document_id"]), "--json").stdout)
    assert shown["text"][hit["start"] : hit["end"]] == hit["text"]

    ko_id = next(d["id"] for d in docs if d["lang"] == "ko")
    out = tmp_path / "back.txt"
    assert moksori("original", proj, str(ko_id), "-o", str(out)).returncode == 0
    assert out.read_bytes() == (folder / "copy-of-ko.txt").read_bytes()

    text_out = moksori("show", proj, str(ko_id))
    assert "참여자" in text_out.stdout and text_out.returncode == 0


def test_errors_are_one_line_and_tracebacks_only_with_debug(tmp_path: Path) -> None:
    proj = str(tmp_path / "s.moksori")
    assert moksori("init", proj).returncode == 0
    wrong = cli_env(MOKSORI_PASSPHRASE="wrong")
    r = moksori("docs", proj, env=wrong)
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "wrong passphrase" in r.stderr
    assert "Traceback" not in r.stderr
    r = moksori("--debug", "docs", proj, env=wrong)
    assert r.returncode != 0 and "Traceback" in r.stderr
    for stream in (r.stdout, r.stderr):
        assert TEST_PASSPHRASE not in stream

    r = moksori("search", proj, "(unbalanced")
    assert r.returncode == 1 and "parenthesis" in r.stderr


def test_no_passphrase_without_terminal(tmp_path: Path) -> None:
    env = cli_env()
    del env["MOKSORI_PASSPHRASE"]
    r = subprocess.run(
        [sys.executable, "-m", "moksori", "init", str(tmp_path / "x.moksori")],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert r.returncode == 1 and "MOKSORI_PASSPHRASE" in r.stderr
    assert not (tmp_path / "x.moksori").exists()

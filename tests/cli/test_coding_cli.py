"""The codebook and coding commands end to end, in real processes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import moksori
from tests.coding.conftest import INTERVIEW_EN, INTERVIEW_KO


def test_codebook_and_coding_session(tmp_path: Path) -> None:
    proj = str(tmp_path / "study.moksori")
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "youngmi.ko.txt").write_text(INTERVIEW_KO, encoding="utf-8")
    (folder / "jun.en.txt").write_text(INTERVIEW_EN, encoding="utf-8")
    assert moksori("init", proj).returncode == 0
    assert moksori("add", proj, str(folder)).returncode == 0

    assert moksori("coder", "add", proj, "Dr Han", "--role", "owner").returncode == 0
    r = moksori("codebook", "add", proj, "정착", "--folder", "--colour", "#336699")
    assert r.returncode == 0, r.stderr
    r = moksori(
        "codebook",
        "add",
        proj,
        "도움 찾기",
        "--parent",
        "정착",
        "--definition",
        "Who they ask",
        "--example",
        "인터넷에 물어봐요",
        "--json",
    )
    code = json.loads(r.stdout)
    assert code["path"] == "정착/도움 찾기" and code["examples"] == ["인터넷에 물어봐요"]

    # preview only (JSON), then write with --yes; the default sub-command is `apply`
    r = moksori("code", proj, "도움 찾기", "--query", "묻다", "--json")
    assert r.returncode == 0, r.stderr
    preview = json.loads(r.stdout)["preview"]
    assert preview["total"] == 2 and not any(h["already_coded"] for h in preview["hits"])
    r = moksori("code", "list", proj, "--json")
    assert json.loads(r.stdout) == []
    r = moksori("code", proj, "도움 찾기", "--query", "묻다", "--yes", "--json")
    assert len(json.loads(r.stdout)) == 2

    r = moksori("code", "list", proj, "정착", "--subcodes", "--json")
    rows = json.loads(r.stdout)
    assert len(rows) == 2
    assert {row["coder"] for row in rows} == {"Dr Han"}
    assert all(row["text"] and row["end"] > row["start"] for row in rows)

    # bad input: one line, non-zero exit, nothing changed
    r = moksori("code", proj, "도움 찾기", "--doc", "1", "--start", "5", "--end", "99999")
    assert r.returncode == 1 and "does not fit" in r.stderr and len(r.stderr.splitlines()) == 1
    r = moksori("code", proj, "No such code", "--segment", "1")
    assert r.returncode == 1 and "no code" in r.stderr
    r = moksori("codebook", "delete", proj, "도움 찾기")
    assert r.returncode == 1 and "2 coding(s)" in r.stderr

    # export, then import into a fresh project
    out = tmp_path / "codebook.yaml"
    assert moksori("codebook", "export", proj, str(out)).returncode == 0
    other = str(tmp_path / "other.moksori")
    assert moksori("init", other).returncode == 0
    r = moksori("codebook", "import", other, str(out), "--json")
    assert json.loads(r.stdout)["created"] == ["정착", "정착/도움 찾기"]
    r = moksori("codebook", "list", other, "--json")
    assert [c["path"] for c in json.loads(r.stdout)] == ["정착", "정착/도움 찾기"]

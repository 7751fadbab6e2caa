"""`moksori memo …` as a researcher runs it."""

from __future__ import annotations

import json
from pathlib import Path

from moksori.project import Project
from tests.cli.test_cli import moksori
from tests.coding.test_reliability import build


def test_memo_session(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    with Project.create(project_path, passphrase) as p:
        build(p, tmp_path, {"minji": [], "james": []})
    proj = str(project_path)

    r = moksori(
        "memo", "add", proj, "--on", "project", "--text", "핵심 범주: 가족", "--coder", "minji"
    )
    assert r.returncode == 0, r.stderr
    r = moksori(
        "memo", "add", proj, "Fear", "--on", "code", "--title", "경계",
        "--text", "참여자들은 밤에 강을 건넜다", "--coder", "james", "--json",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    fear_memo = json.loads(r.stdout)
    assert fear_memo["target"] == "Fear" and fear_memo["author"] == "james"

    listed = json.loads(moksori("memo", "list", proj, "--json").stdout)
    assert len(listed) == 2
    on_fear = json.loads(moksori("memo", "list", proj, "Fear", "--on", "code", "--json").stdout)
    assert [m["id"] for m in on_fear] == [fear_memo["id"]]

    found = json.loads(moksori("memo", "search", proj, "건너다", "--json").stdout)
    assert [m["id"] for m in found] == [fear_memo["id"]]
    human = moksori("memo", "search", proj, "건너다")
    assert "경계" in human.stdout and "james" in human.stdout

    md = moksori("memo", "export", proj, "--format", "md")
    assert md.returncode == 0 and "## Code: Fear" in md.stdout and "## Project" in md.stdout
    target = tmp_path / "memos.csv"
    r = moksori("memo", "export", proj, "--format", "csv", "-o", str(target))
    assert r.returncode == 0 and "핵심 범주" in target.read_text(encoding="utf-8")
    again = moksori("memo", "export", proj, "--format", "csv", "-o", str(target))
    assert again.returncode == 1 and "exists" in again.stderr

    assert moksori("memo", "delete", proj, str(fear_memo["id"])).returncode == 0
    assert json.loads(moksori("memo", "search", proj, "건너다", "--json").stdout) == []


def test_memo_errors_are_one_line(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    with Project.create(project_path, passphrase) as p:
        build(p, tmp_path, {"minji": []})
    proj = str(project_path)
    r = moksori("memo", "add", proj, "Nope", "--on", "code", "--text", "x")
    assert r.returncode == 1 and "no code 'Nope'" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = moksori("memo", "add", proj, "--on", "project")
    assert r.returncode == 1 and "--text" in r.stderr
    r = moksori("memo", "export", proj, "--format", "pdf")
    assert r.returncode == 1 and "unknown memo format" in r.stderr
    r = moksori("memo", "delete", proj, "42")
    assert r.returncode == 1 and "no memo with id 42" in r.stderr


def test_memo_on_a_passage(project_path: Path, passphrase: str, tmp_path: Path) -> None:
    with Project.create(project_path, passphrase) as p:
        build(p, tmp_path, {"minji": []})
    proj = str(project_path)
    r = moksori(
        "memo", "add", proj, "ko.txt", "--on", "document", "--quote", "너무 무서웠어요",
        "--text", "두려움의 첫 표현", "--coder", "minji", "--json",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    memo = json.loads(r.stdout)
    assert memo["quote"] == "너무 무서웠어요" and memo["end"] - memo["start"] == 8
    r = moksori(
        "memo", "add", proj, "ko.txt", "--on", "document", "--range", "0-3",
        "--text", "면접자의 첫 질문", "--coder", "minji",
    )  # fmt: skip
    assert r.returncode == 0 and "at 0-3" in r.stderr, r.stderr
    listed = moksori("memo", "list", proj, "ko.txt", "--on", "document")
    assert f"at {memo['start']}-{memo['end']}" in listed.stdout
    assert "“너무 무서웠어요”" in listed.stdout and "“면접자”" in listed.stdout
    # the passage is one display line: a direction override in the text stays inert
    r = moksori(
        "memo", "add", proj, "ko.txt", "--on", "document", "--range", "0-3",
        "--text", "x\u202eyz", "--coder", "minji",
    )  # fmt: skip
    shown = moksori("show", proj, "ko.txt").stdout
    assert "x\\u202eyz" in shown and "\u202e" not in shown
    bad = moksori(
        "memo", "add", proj, "ko.txt", "--on", "document", "--range", "3-x", "--text", "x"
    )
    assert bad.returncode == 1 and "START-END" in bad.stderr
    bad = moksori("memo", "add", proj, "--on", "project", "--quote", "무서웠", "--text", "x")
    assert bad.returncode == 1 and "--quote needs a document" in bad.stderr


def test_show_lists_the_memos_on_passages(
    project_path: Path, passphrase: str, tmp_path: Path
) -> None:
    with Project.create(project_path, passphrase) as p:
        build(p, tmp_path, {"minji": []})
    proj = str(project_path)
    r = moksori(
        "memo", "add", proj, "ko.txt", "--on", "document", "--quote", "강을 건넜어요",
        "--text", "겨울의 도강", "--coder", "minji", "--json",
    )  # fmt: skip
    memo = json.loads(r.stdout)
    shown = moksori("show", proj, "ko.txt")
    assert f"memo #{memo['id']} on {memo['start']}-{memo['end']}" in shown.stdout
    assert "겨울의 도강" in shown.stdout
    data = json.loads(moksori("show", proj, "ko.txt", "--json").stdout)
    assert [m["quote"] for m in data["passage_memos"]] == ["강을 건넜어요"]

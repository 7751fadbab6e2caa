"""`moksori report` end to end on a two-coder study reconciled into a consensus.

The issue's target: every count in the report (codings and participants of each
code, participants by attribute) equals a count recomputed from `code list
--json` for the chosen coder, never every coder added up. The study is the one
of tests/analysis (Han and Mina code three interviews), reconciled with the CLI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from moksori.project import Project
from tests.analysis.conftest import build
from tests.cli.test_cli import moksori
from tests.conftest import TEST_PASSPHRASE, cli_env


@pytest.fixture(scope="module")
def proj(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("report-cli")
    with Project.create(tmp / "study.moksori", TEST_PASSPHRASE) as p:
        build(p, tmp)
    path = str(tmp / "study.moksori")
    r = moksori("reconcile", path, "--coders", "Han,Mina", "--adopt", "both", env=as_han())
    assert r.returncode == 0, r.stderr
    yield path


def as_han() -> dict[str, str]:
    return cli_env(MOKSORI_CODER="Han")


def _json(*args: str) -> Any:
    r = moksori(*args, "--json", env=as_han())
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _report(proj: str, out: Path, *choice: str) -> tuple[dict[str, Any], str, str]:
    found = _json("report", proj, "--out", str(out), "--by", "gender", *choice)
    md = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    return found, md, html


def _expected(
    proj: str, coder: str
) -> tuple[dict[str, tuple[int, int]], dict[str, dict[str, int]]]:
    """From `code list --json` and `case list --json` alone: each code's codings and
    participants, and each code's participants by gender counted with its sub-codes."""
    rows = [r for r in _json("code", "list", proj, "--coder", "Han") if r["coder"] == coder]
    gender = {c["name"]: c["values"].get("gender") for c in _json("case", "list", proj)}
    codes = {r["code"] for r in rows}
    per_code: dict[str, tuple[int, int]] = {}
    for code in codes:
        mine = [r for r in rows if r["code"] == code]
        per_code[code] = (len(mine), len({c for r in mine for c in r["cases"]}))
    by_gender: dict[str, dict[str, int]] = {}
    paths = codes | {p.rsplit("/", i)[0] for p in codes for i in range(1, p.count("/") + 1)}
    for path in paths:
        under = [r for r in rows if r["code"] == path or r["code"].startswith(path + "/")]
        people = {c for r in under for c in r["cases"]}
        levels: dict[str, int] = {}
        for person in people:
            levels[gender[person]] = levels.get(gender[person], 0) + 1
        by_gender[path] = levels
    return per_code, by_gender


def _md_counts(md: str) -> dict[str, tuple[int, int]]:
    """The "| code | codings | participants |" rows of every theme."""
    out: dict[str, tuple[int, int]] = {}
    for block in md.split("| code | codings | participants |")[1:]:
        for line in block.strip().splitlines()[1:]:
            if not line.startswith("|"):
                break
            code, n, people = (c.strip() for c in line.strip("|").split("|"))
            out[code] = (int(n), int(people))
    return out


def _md_by_gender(md: str) -> dict[str, dict[str, int]]:
    """The "Participants by gender" tables: code -> level -> participants."""
    out: dict[str, dict[str, int]] = {}
    for block in md.split("Participants by gender:")[1:]:
        lines = []
        for ln in block.strip().splitlines():
            if not ln.startswith("|"):
                break
            lines.append(ln)
        header = [c.strip() for c in lines[0].strip("|").split("|")]
        for line in lines[2:]:
            cells = [c.strip() for c in line.strip("|").split("|")]
            out[cells[0]] = {h: int(v) for h, v in zip(header[1:], cells[1:], strict=True)}
    return out


def _html_counts(html: str) -> dict[str, tuple[int, int]]:
    found = re.findall(
        r"<tr><td>([^<]+)</td><td class='n'>(\d+)</td><td class='n'>(\d+)</td></tr>", html
    )
    return {code: (int(n), int(people)) for code, n, people in found}


@pytest.mark.parametrize(
    ("choice", "coder"), [(("--consensus",), "consensus"), (("--coder", "Han"), "Han")]
)
def test_every_count_is_the_chosen_coders(
    proj: str, tmp_path: Path, choice: tuple[str, ...], coder: str
) -> None:
    found, md, html = _report(proj, tmp_path / "r", *choice)
    assert found["counted_coders"] == [coder]
    assert f"Counts are of the codings by {coder}; project coders: " in md
    assert f"Counts are of the codings by {coder}; project coders: " in html
    per_code, by_gender = _expected(proj, coder)
    shown = _md_counts(md)
    assert shown and shown == _html_counts(html)
    for code, (n, people) in shown.items():
        assert (n, people) == per_code.get(code, (0, 0)), code
    assert set(per_code) <= set(shown)  # every code the coder used is reported
    tables = _md_by_gender(md)
    assert tables
    for code, levels in tables.items():
        assert {k: v for k, v in levels.items() if v} == by_gender[code], code
    # quotes are passages the chosen coder coded
    texts = {" ".join(r["text"].split()) for r in _json("code", "list", proj, "--coder", "Han")}
    mine = {
        " ".join(r["text"].split())
        for r in _json("code", "list", proj, "--coder", "Han")
        if r["coder"] == coder
    }
    quoted = re.findall(r"^> “(.*)”$", md, re.M)
    assert quoted and all(q in mine for q in quoted) and mine <= texts


def test_consensus_is_the_default_and_not_every_coder_added_up(proj: str, tmp_path: Path) -> None:
    found, md, _ = _report(proj, tmp_path / "d")
    assert found["counted_coders"] == ["consensus"]
    rows = _json("code", "list", proj, "--coder", "Han")
    accent = "정착/차별/말투"
    everyone = sum(r["code"] == accent for r in rows)
    agreed = sum(r["code"] == accent and r["coder"] == "consensus" for r in rows)
    assert _md_counts(md)[accent][0] == agreed < everyone


def test_two_coders_without_consensus_refuse_listing_the_coders(tmp_path: Path) -> None:
    with Project.create(tmp_path / "s.moksori", TEST_PASSPHRASE) as p:
        build(p, tmp_path)
    r = moksori("report", str(tmp_path / "s.moksori"), "--out", str(tmp_path / "r"), env=as_han())
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert "Han (owner, 10 codings), Mina (coder, 3 codings)" in r.stderr
    assert "--consensus" in r.stderr


def test_agreement_coders_and_the_old_name(proj: str, tmp_path: Path) -> None:
    for flag in ("--agreement-coders", "--coders"):
        out = tmp_path / flag.strip("-")
        _report(proj, out, flag, "Han,Mina")
        md = (out / "report.md").read_text(encoding="utf-8")
        assert "Han and Mina, unit: sentence" in md
    r = moksori("report", "--help", env=as_han())
    assert "--agreement-coders" in r.stdout and "--descriptor" in r.stdout
    assert "--coders " not in r.stdout  # the old name is hidden


def test_format_md_only_and_descriptor_drops_missing_clauses(proj: str, tmp_path: Path) -> None:
    out = tmp_path / "md"
    found = _json(
        "report", proj, "--out", str(out), "--consensus", "--format", "md",
        "--descriptor", "{pseudonym} ({gender}, {children} children)",
    )  # fmt: skip
    assert found["html"] is None and found["files"] == [str(out / "report.md")]
    assert not (out / "report.html").exists()
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "- 순희 (여성)" in md and "- 영미 (여성, 2 children)" in md
    assert "?" not in "\n".join(ln for ln in md.splitlines() if ln.startswith("- "))


def test_code_list_names_the_coders_coder_list_lists(proj: str) -> None:
    r = moksori("code", "list", proj, "--json", env=cli_env())
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    listed = _json("coder", "list", proj)["coders"]
    assert len(listed) == 3  # Han, Mina and the consensus
    assert "this project has 3 coders: Han, Mina (people) and consensus (reconciled" in r.stderr


def test_blind_coder_reports_own_or_consensus_codings_only(proj: str, tmp_path: Path) -> None:
    out = str(tmp_path / "b")
    r = moksori("report", proj, "--out", out, "--as", "Mina", "--json", env=cli_env())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["counted_coders"] == ["consensus"]
    r = moksori("report", proj, "--out", out, "--as", "Mina", "--coder", "Han", env=cli_env())
    assert r.returncode == 1 and "blind coding is on" in r.stderr

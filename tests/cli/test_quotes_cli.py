"""Quotes from a PDF-like text, every bad import entry in one run, and multi-word
queries without quotes: `code apply --quote`, `code import`, `search`, `memo search`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import moksori
from tests.coding.test_quote_match import PDF_EN, PDF_KO


def _ok(*args: str) -> str:
    r = moksori(*args)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_quotes_imports_and_multi_word_queries(tmp_path: Path) -> None:
    proj = str(tmp_path / "s.moksori")
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "jun.en.txt").write_text(PDF_EN, encoding="utf-8")
    (folder / "youngmi.ko.txt").write_text(PDF_KO, encoding="utf-8")
    _ok("init", proj)
    _ok("add", proj, str(folder))
    _ok("codebook", "add", proj, "Remittance")

    # typed on one line, stored wrapped with double spaces and curly quotes
    made = json.loads(
        _ok(
            "code", proj, "Remittance", "--doc", "jun.en.txt", "--json",
            "--quote", '"We sent the remittance through a broker" - every month',
        )
    )  # fmt: skip
    (coding,) = made
    shown = json.loads(_ok("show", proj, "jun.en.txt", "--json"))
    stored = shown["text"][coding["start"] : coding["end"]]
    assert stored == "“We  sent the\nremittance through a broker” — every\nmonth"

    # an ambiguous quote is refused with its candidates; --occurrence picks one
    r = moksori(
        "code", proj, "Remittance", "--doc", "youngmi.ko.txt", "--quote", "어머니는 아직 혜산에"
    )
    assert r.returncode == 1 and "2 places" in r.stderr and "line 5" in r.stderr
    args = (
        "code",
        proj,
        "Remittance",
        "--doc",
        "youngmi.ko.txt",
        "--quote",
        "어머니는 아직 혜산에",
    )
    (second,) = json.loads(_ok(*args, "--occurrence", "2", "--json"))
    assert second["start"] == PDF_KO.index("어머니는 아직 혜산에 계세요.")

    # every bad entry of an import is listed on its own line; nothing is imported
    source = tmp_path / "codings.csv"
    source.write_text(
        "doc,quote,code\n"
        "jun.en.txt,a well-known arrangement,Remittance\n"
        "jun.en.txt,never said,Remittance\n"
        "nowhere.txt,x,Remittance\n"
        "youngmi.ko.txt,‘돈’은 중국 돈으로,Remittance\n",
        encoding="utf-8",
    )
    r = moksori("code", "import", proj, str(source), "--json")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert "2 of 4 entries cannot be coded; nothing was imported" in lines[0]
    assert lines[1].strip().startswith("entry 2 (jun.en.txt): ")
    assert lines[2].strip().startswith("entry 3 (nowhere.txt): ")
    assert [p["entry"] for p in json.loads(r.stdout)["problems"]] == [2, 3]
    listed = json.loads(_ok("code", "list", proj, "--json"))
    assert len(listed) == 2  # the two --quote codings only

    r = moksori("code", "import", proj, str(source), "--skip-bad", "--json")
    assert r.returncode == 2, r.stderr  # partly done, like `add` with errors
    assert json.loads(r.stdout)["codings"] == 2 and "entry 3" in r.stderr
    assert len(json.loads(_ok("code", "list", proj, "--json"))) == 4

    # several words without quotes: one query
    hits = json.loads(_ok("search", proj, "remittance", "broker", "--json"))
    together = json.loads(_ok("search", proj, "remittance broker", "--json"))
    assert hits["total"] == together["total"] >= 1
    _ok("memo", "add", proj, "--on", "project", "--title", "t", "--text", "the broker network")
    memos = json.loads(_ok("memo", "search", proj, "broker", "network", "--json"))
    assert len(memos) == 1

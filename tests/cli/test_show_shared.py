"""`moksori show` names a passage shared with another document, in text and in JSON;
`search` leaves the later copy out unless --include-duplicates."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import moksori
from tests.store.test_shared_passages import NEWS_PAGE, QA_PAGE


def test_show_and_search_of_a_shared_article(tmp_path: Path) -> None:
    proj = str(tmp_path / "s.moksori")
    assert moksori("init", proj).returncode == 0
    for name, text in (("qa.txt", QA_PAGE), ("news.txt", NEWS_PAGE)):  # two `add` runs
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = moksori("add", proj, str(path))
        assert r.returncode == 0, r.stderr
    r = moksori("show", proj, "news.txt")
    assert r.returncode == 0, r.stderr
    assert "also in #1 qa.txt" in r.stdout and "left out of search" in r.stdout
    assert "(shared with #1)" in r.stdout
    shown = json.loads(moksori("show", proj, "qa.txt", "--json").stdout)
    [span] = shown["shared_passages"]
    assert span["other_document"] == "news.txt" and span["repeat"] is False
    assert shown["text"][span["start"] : span["end"]].startswith("The Korea Hana Foundation")
    hits = json.loads(moksori("search", proj, "remittance brokers", "--json").stdout)
    assert [h["document"] for h in hits["hits"]] == ["qa.txt"]
    more = moksori("search", proj, "remittance brokers", "--include-duplicates", "--json")
    assert json.loads(more.stdout)["total"] == 2


def test_shared_lists_each_pair_once_and_rescans(tmp_path: Path) -> None:
    proj = str(tmp_path / "s.moksori")
    assert moksori("init", proj).returncode == 0
    for name, text in (("qa.txt", QA_PAGE), ("news.txt", NEWS_PAGE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert moksori("add", proj, str(path)).returncode == 0
    [row] = json.loads(moksori("shared", proj, "--json").stdout)["shared_passages"]
    assert row["document"] == "news.txt" and row["other_document"] == "qa.txt"
    assert row["repeat"] is True and row["chars"] == row["end"] - row["start"] > 300
    listed = moksori("shared", proj)
    assert "news.txt" in listed.stdout and "repeats qa.txt" in listed.stdout
    again = moksori("shared", proj, "--rescan")
    assert again.returncode == 0 and "compared 2 document(s): 0 new" in again.stderr

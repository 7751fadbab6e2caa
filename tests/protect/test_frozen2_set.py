"""Frozen set v2 (held out) is well formed, and the scorer's --set option reads it.

It never runs a detector and never prints a span: v2 is only for the final measurement
(``python benchmarks/frozen_deid.py --set frozen2``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
FROZEN2 = BENCH / "frozen2"
TYPES = {"person", "place", "date", "age", "role", "phone", "email", "address"}
MAIN_TYPES = ("person", "place", "date", "age", "role")
# Particles that must never end a Korean span (the boundary rules leave them out).
PARTICLES = ("에서", "으로", "까지", "한테", "에게", "이가", "이는", "이랑", "부터")


def _rows(name: str) -> list[dict[str, Any]]:
    lines = (FROZEN2 / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def testimonies() -> list[dict[str, Any]]:
    return _rows("testimonies.jsonl")


@pytest.fixture(scope="module")
def expository() -> list[dict[str, Any]]:
    return _rows("expository.jsonl")


def test_every_span_text_matches_its_offsets(
    testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]
) -> None:
    for row in testimonies + expository:
        text = row["text"]
        assert unicodedata.normalize("NFC", text) == text
        assert "\r" not in text and "\ufeff" not in text
        for span in row["spans"] + row["ignore"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"], row["id"]
            assert span["text"] == span["text"].strip(), row["id"]
        for span in row["spans"]:
            assert span["type"] in TYPES, row["id"]


def test_gold_spans_do_not_overlap_each_other_or_ignore_spans(
    testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]
) -> None:
    for row in testimonies + expository:
        items = sorted((s["start"], s["end"]) for s in row["spans"] + row["ignore"])
        for (_, end), (start, _) in zip(items, items[1:], strict=False):
            assert end <= start, row["id"]


def test_korean_spans_leave_particles_out(
    testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]
) -> None:
    for row in testimonies + expository:
        if row["lang"] != "ko":
            continue
        for span in row["spans"]:
            if span["type"] in {"person", "place", "role"}:
                assert not span["text"].endswith(PARTICLES), (row["id"], span["start"])


def test_fields_ids_and_genres(
    testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]
) -> None:
    ids = [r["id"] for r in testimonies + expository]
    assert len(ids) == len(set(ids))
    for row in testimonies + expository:
        assert set(row) == {"id", "lang", "genre", "text", "spans", "ignore"}
        assert row["lang"] in {"ko", "en"}
    assert {r["genre"] for r in testimonies} == {"testimony"}
    assert {(r["genre"], r["lang"]) for r in expository} == {
        ("expository", "en"),
        ("expository", "ko"),
    }


def test_counts(testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]) -> None:
    assert len(testimonies) >= 44
    langs = Counter(r["lang"] for r in testimonies)
    assert langs["ko"] >= 0.55 * len(testimonies) and langs["en"] >= 0.35 * len(testimonies)
    types = Counter(s["type"] for r in testimonies for s in r["spans"])
    for t in MAIN_TYPES:
        assert types[t] >= 25, t
    for t in ("phone", "email", "address"):
        assert types[t] >= 1, t
    assert sum(len(r["ignore"]) for r in testimonies) >= 5  # public figures, provinces
    en_brief = next(r for r in expository if r["lang"] == "en")
    assert 1200 <= len(en_brief["text"].split()) <= 1800
    ko_report = next(r for r in expository if r["lang"] == "ko")
    assert 1500 <= len(ko_report["text"]) <= 2500
    for row in expository:
        assert row["spans"] and row["ignore"]


def test_jsonl_is_what_the_sources_build() -> None:
    build = _module("frozen2_build", FROZEN2 / "build.py")
    for name, text in build.build().items():
        assert (FROZEN2 / name).read_text(encoding="utf-8") == text, name


def test_scorer_reads_v2_with_the_set_option(testimonies: list[dict[str, Any]]) -> None:
    fz = _module("frozen_deid", BENCH / "frozen_deid.py")
    passages = fz.load("testimonies.jsonl", FROZEN2)
    assert [p.id for p in passages] == [r["id"] for r in testimonies]
    assert sum(len(p.gold) for p in passages) == sum(len(r["spans"]) for r in testimonies)
    # A perfect prediction scores 1.0 on every type: the set and the scorer agree.
    s = fz.score(passages, [p.gold for p in passages])
    for t in MAIN_TYPES:
        assert s[t]["recall_strict"] == 1.0 and s[t]["precision_overlap"] == 1.0

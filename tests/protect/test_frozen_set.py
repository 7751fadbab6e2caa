"""The frozen de-identification set is well formed: offsets right, types known, enough of each.

It never runs a detector: the set is for the final measurement (benchmarks/frozen_deid.py).
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

FROZEN = Path(__file__).resolve().parents[2] / "benchmarks" / "frozen"
TYPES = {"person", "place", "date", "age", "role", "phone", "email", "address"}
MAIN_TYPES = ("person", "place", "date", "age", "role")


def _rows(name: str) -> list[dict[str, Any]]:
    lines = (FROZEN / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


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
        for span in row["spans"]:
            assert span["type"] in TYPES, row["id"]


def test_gold_spans_do_not_overlap_each_other_or_ignore_spans(
    testimonies: list[dict[str, Any]], expository: list[dict[str, Any]]
) -> None:
    for row in testimonies + expository:
        items = sorted((s["start"], s["end"]) for s in row["spans"] + row["ignore"])
        for (_, end), (start, _) in zip(items, items[1:], strict=False):
            assert end <= start, row["id"]


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
    assert langs["ko"] >= 0.5 * len(testimonies) and langs["en"] >= 0.3 * len(testimonies)
    types = Counter(s["type"] for r in testimonies for s in r["spans"])
    for t in MAIN_TYPES:
        assert types[t] >= 10, t
    en_paper = next(r for r in expository if r["lang"] == "en")
    assert 1200 <= len(en_paper["text"].split()) <= 1800
    ko_report = next(r for r in expository if r["lang"] == "ko")
    assert 1500 <= len(ko_report["text"]) <= 2500
    for row in expository:
        assert row["spans"] and row["ignore"]


def test_jsonl_is_what_the_sources_build() -> None:
    spec = importlib.util.spec_from_file_location("frozen_build", FROZEN / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name, text in build.build().items():
        assert (FROZEN / name).read_text(encoding="utf-8") == text, name


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("frozen_deid", FROZEN.parent / "frozen_deid.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["frozen_deid"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_scorer_counts_overlap_strict_precision_and_ignore() -> None:
    fz = _scorer()
    text = "Park Ji-won (34) met Kim Jong-un in Hyesan."
    p = fz.Passage(
        "t",
        "en",
        "testimony",
        text,
        [fz.Item(0, 11, "person"), fz.Item(13, 15, "age"), fz.Item(36, 42, "place")],
        [fz.Item(21, 32, "ignore")],
    )
    preds = [
        fz.Item(0, 4, "person"),  # overlap, not strict
        fz.Item(13, 15, "date"),  # compatible with age, strict
        fz.Item(21, 32, "person"),  # a public figure: counts neither way
        fz.Item(36, 42, "person"),  # wrong type: any-type recall only, a false positive
    ]
    s = fz.score([p], [preds])
    assert s["person"]["recall_overlap"] == 1.0 and s["person"]["recall_strict"] == 0.0
    assert s["age"]["recall_strict"] == 1.0
    assert s["place"]["recall_overlap"] == 0.0 and s["place"]["recall_any_type"] == 1.0
    assert s["person"]["pred"] == 2 and s["person"]["precision_overlap"] == 0.5
    assert s["overall"]["protect_no_one"] == 0.0  # the wrong-typed one still covers a place


def test_readable_counts_only_occurrences_beyond_non_gold_ones() -> None:
    fz = _scorer()
    text = "We crossed at Tumen. The Tumen River was frozen. She was 19 in 1919."
    gold = [fz.Item(14, 19, "place"), fz.Item(57, 59, "age")]
    p = fz.Passage("t", "en", "testimony", text, gold, [])
    good = "We crossed at [place]. The Tumen River was frozen. She was [age] in 1919."
    bad = "We crossed at Tumen. The Tumen River was frozen. She was 19 in 1919."
    r = fz.readable([p], [good], [[]])
    assert r["overall"]["readable"] == 0  # 1919 does not contain a readable "19"
    r = fz.readable([p], [bad], [[fz.Item(57, 59, "age")]])
    assert r["place"]["readable"] == 1 and r["age"]["readable"] == 1
    assert r["age"]["kept"] == 1 and r["place"]["kept"] == 0

"""The frozen de-identification sets (v1, v2 dev; v3 held out) are well formed.

Offsets right, types known, enough of each type, jsonl built from the sources, and the
scorer reads every set. It never runs a detector and never prints a span's text: the sets
are for measurement (``python benchmarks/frozen_deid.py --set frozen3``), and v3 must stay
unseen by whoever tunes.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
TYPES = {"person", "place", "date", "age", "role", "phone", "email", "address"}
MAIN_TYPES = ("person", "place", "date", "age", "role")
OTHER_TYPES = ("phone", "email", "address")
# Particles that must never end a Korean span (the boundary rules leave them out).
PARTICLES = ("에서", "으로", "까지", "한테", "에게", "이가", "이는", "이랑", "부터")


@dataclass(frozen=True)
class Limits:
    """What each set promises: sizes written in its README and brief."""

    ko_share: float  # minimum share of Korean testimonies
    en_share: float  # minimum share of English testimonies
    per_type: int  # minimum gold spans of each main type in the testimonies
    other_types: bool  # phone, email and address each present at least once
    testimony_ignores: int  # public figures, provinces...
    expository: int  # minimum number of expository texts
    en_words: tuple[int, int]  # words of each English expository text
    ko_chars: tuple[int, int]  # characters of each Korean expository text


SETS = {
    "frozen": Limits(0.5, 0.3, 10, False, 0, 2, (1200, 1800), (1500, 2500)),
    "frozen2": Limits(0.55, 0.35, 25, True, 5, 2, (1200, 1800), (1500, 2500)),
    "frozen3": Limits(0.55, 0.4, 25, True, 5, 4, (800, 2000), (800, 2000)),
}


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(SETS))
def frozen(
    request: pytest.FixtureRequest,
) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """One set: its name, testimony rows and expository rows."""
    folder = BENCH / request.param
    return (
        request.param,
        _rows(folder, "testimonies.jsonl"),
        _rows(folder, "expository.jsonl"),
    )


Frozen = tuple[str, list[dict[str, Any]], list[dict[str, Any]]]


def test_every_span_text_matches_its_offsets(frozen: Frozen) -> None:
    _, testimonies, expository = frozen
    for row in testimonies + expository:
        text = row["text"]
        assert unicodedata.normalize("NFC", text) == text, row["id"]
        assert "\r" not in text and "\ufeff" not in text, row["id"]
        for span in row["spans"] + row["ignore"]:
            assert 0 <= span["start"] < span["end"] <= len(text), row["id"]
            same = text[span["start"] : span["end"]] == span["text"]
            assert same, (row["id"], span["start"])  # no span text in the output
            assert span["text"] == span["text"].strip(), (row["id"], span["start"])
        for span in row["spans"]:
            assert span["type"] in TYPES, row["id"]


def test_gold_spans_do_not_overlap_each_other_or_ignore_spans(frozen: Frozen) -> None:
    _, testimonies, expository = frozen
    for row in testimonies + expository:
        items = sorted((s["start"], s["end"]) for s in row["spans"] + row["ignore"])
        for (_, end), (start, _) in zip(items, items[1:], strict=False):
            assert end <= start, row["id"]


def test_korean_spans_leave_particles_out(frozen: Frozen) -> None:
    _, testimonies, expository = frozen
    for row in testimonies + expository:
        if row["lang"] != "ko":
            continue
        for span in row["spans"]:
            if span["type"] in {"person", "place", "role"}:
                bad = span["text"].endswith(PARTICLES)
                assert not bad, (row["id"], span["start"])


def test_fields_ids_and_genres(frozen: Frozen) -> None:
    _, testimonies, expository = frozen
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


def test_counts(frozen: Frozen) -> None:
    name, testimonies, expository = frozen
    limits = SETS[name]
    assert len(testimonies) >= 44
    langs = Counter(r["lang"] for r in testimonies)
    assert langs["ko"] >= limits.ko_share * len(testimonies)
    assert langs["en"] >= limits.en_share * len(testimonies)
    types = Counter(s["type"] for r in testimonies for s in r["spans"])
    for t in MAIN_TYPES:
        assert types[t] >= limits.per_type, t
    if limits.other_types:
        for t in OTHER_TYPES:
            assert types[t] >= 1, t
    assert sum(len(r["ignore"]) for r in testimonies) >= limits.testimony_ignores
    assert len(expository) >= limits.expository
    for row in expository:
        if row["lang"] == "en":
            low, high = limits.en_words
            assert low <= len(row["text"].split()) <= high, row["id"]
        else:
            low, high = limits.ko_chars
            assert low <= len(row["text"]) <= high, row["id"]
        assert row["spans"] and row["ignore"], row["id"]


def test_v3_holds_every_main_type_in_its_expository_texts() -> None:
    """v3's news and web texts are not only names: ages, dates and roles are gold there too."""
    rows = _rows(BENCH / "frozen3", "expository.jsonl")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    for t in MAIN_TYPES:
        assert types[t] >= 1, t


@pytest.mark.parametrize("name", sorted(SETS))
def test_jsonl_is_what_the_sources_build(name: str) -> None:
    folder = BENCH / name
    build = _module("frozen_build", BENCH / "frozen" / "build.py")
    for out, text in build.build(folder).items():
        assert (folder / out).read_text(encoding="utf-8") == text, out


def test_scorer_reads_every_set_with_the_set_option(frozen: Frozen) -> None:
    name, testimonies, _ = frozen
    fz = _module("frozen_deid", BENCH / "frozen_deid.py")
    passages = fz.load("testimonies.jsonl", BENCH / name)
    assert [p.id for p in passages] == [r["id"] for r in testimonies]
    assert sum(len(p.gold) for p in passages) == sum(len(r["spans"]) for r in testimonies)
    # A perfect prediction scores 1.0 on every type: the set and the scorer agree.
    s = fz.score(passages, [p.gold for p in passages])
    for t in MAIN_TYPES:
        assert s[t]["recall_strict"] == 1.0 and s[t]["precision_overlap"] == 1.0


def test_scorer_counts_overlap_strict_precision_and_ignore() -> None:
    fz = _module("frozen_deid", BENCH / "frozen_deid.py")
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
    fz = _module("frozen_deid", BENCH / "frozen_deid.py")
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


def test_a_handle_finding_protects_a_messenger_id_typed_phone() -> None:
    """v3 types 카톡/WeChat IDs as phone: a handle finding on one is right, not a miss."""
    fz = _module("frozen_deid", BENCH / "frozen_deid.py")
    text = "카톡은 bomnal_test01로 하세요."
    p = fz.Passage("t", "ko", "testimony", text, [fz.Item(4, 17, "phone")], [])
    s = fz.score([p], [[fz.Item(4, 17, "handle")]])
    assert s["phone"]["recall_strict"] == 1.0

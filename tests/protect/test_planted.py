"""The planted-identifier set: its markup parses exactly, and the scanner finds what was planted.

The recall test is the product's promise in miniature: every phone number,
RRN and e-mail address found, at least 95% of everything, and nothing that
the text had already masked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import deid  # noqa: E402
import planted  # noqa: E402
from deid import Item  # noqa: E402

from moksori.protect.spans import PiiType  # noqa: E402


def test_parse_gives_clean_text_and_code_point_spans() -> None:
    text, gold = planted.parse("[[PERSON|김순희]] 씨 번호는 [[PHONE|010-1234-5678]]이에요.")
    assert text == "김순희 씨 번호는 010-1234-5678이에요."
    assert [(g.start, g.end, g.type) for g in gold] == [(0, 3, "PERSON"), (10, 23, "PHONE")]
    assert [text[g.start : g.end] for g in gold] == ["김순희", "010-1234-5678"]


def test_parse_keeps_brackets_inside_a_masked_item() -> None:
    text, gold = planted.parse("The [[MASKED|[redacted]]] family and [[MASKED|[이름]]] 씨.")
    assert text == "The [redacted] family and [이름] 씨."
    assert [g.text for g in gold] == ["[redacted]", "[이름]"]


@pytest.mark.parametrize("bad", ["[[NAME|김순희]]", "[[PERSON|김순희] 씨", "[[PERSON|]]"])
def test_parse_rejects_bad_markup(bad: str) -> None:
    with pytest.raises(ValueError):
        planted.parse(bad)


def test_planted_set_round_trips() -> None:
    passages = planted.load()
    assert len(passages) >= 50
    korean = [p for p in passages if any("\uac00" <= ch <= "\ud7a3" for ch in p.text)]
    assert 0.4 <= len(korean) / len(passages) <= 0.8
    types = set()
    for p in passages:
        assert "[[" not in p.text and "]]" not in p.text, p.id
        for g in p.gold:
            assert p.text[g.start : g.end] == g.text, (p.id, g)
            types.add(g.type)
    wanted = {t.name for t in PiiType} | {planted.MASKED}
    assert types == wanted, f"types never planted: {sorted(wanted - types)}"


def test_score_counts_strict_and_overlap_matches() -> None:
    gold = [[Item(0, 3, "PS"), Item(10, 14, "LC")]]
    pred = [[Item(0, 3, "person"), Item(9, 12, "place"), Item(20, 22, "person")]]
    s = deid.score(gold, pred, {"PS": {"person"}, "LC": {"place", "address"}})
    assert s["PS"]["recall_strict"] == 1.0 and s["PS"]["precision_strict"] == 0.5
    assert s["LC"]["recall_strict"] == 0.0 and s["LC"]["recall_overlap"] == 1.0
    assert s["overall"]["gold"] == 2 and s["overall"]["precision_overlap"] == round(2 / 3, 4)


def test_scanner_finds_what_was_planted() -> None:
    """Fails until the detectors land; the benchmark prints the same numbers with misses."""
    r = deid.section_planted(show_misses=30)
    by_type = r["by_type"]
    for t in ("phone", "rrn", "email"):
        assert by_type[t]["recall"] == 1.0, (t, by_type[t], r["misses"])
    assert r["overall"]["recall"] >= 0.95, (r["overall"], r["misses"])
    assert r["masked"]["wrongly_found"] == 0, r["masked_found_examples"]

#!/usr/bin/env python3
"""Sentence alignment benchmark (issue #6): link precision, recall, F1 and confidence.

    python benchmarks/alignment.py                 # everything
    python benchmarks/alignment.py --limit 10      # first 10 excerpts, no long run
    python benchmarks/alignment.py --no-long

It also measures pairing by file name: the fit of true translations against every
pairing of two different excerpts (moksori.bilingual.name_pairs).

Reads benchmarks/bilingual/alignment.jsonl (held-in: the aligner's weights were tuned
on it, so these are not independent figures), encodes every sentence with
moksori.semantic.encoder, aligns each excerpt with moksori.bilingual.align and scores
links by exact match of both index groups. Variants: speaker labels used or removed;
two-sentence groups embedded from their concatenated text (the default) or as the
normalised sum of their sentence vectors. The long run concatenates excerpts into one
pair of ≥ 2,000 Korean sentences (banded programme). Prints a table and saves
benchmarks/results/alignment.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "bilingual" / "alignment.jsonl"
RESULTS = HERE / "results"
sys.path.insert(0, str(REPO / "src"))

from moksori.bilingual.align import Link, Unit, align  # noqa: E402
from moksori.bilingual.name_pairs import FIT_THRESHOLD, translation_fit  # noqa: E402
from moksori.semantic import encoder  # noqa: E402

TARGET_F1_11 = 0.9
TARGET_F1_ALL = 0.8
LONG_SENTENCES = 2000
Key = tuple[tuple[int, ...], tuple[int, ...]]


class CachedEncoder:
    """Encodes each distinct text once per run (pair texts recur across variants)."""

    def __init__(self) -> None:
        self.cache: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.encoded = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            start = time.perf_counter()
            for t, v in zip(todo, encoder.encode(todo), strict=True):
                self.cache[t] = v
            self.seconds += time.perf_counter() - start
            self.encoded += len(todo)
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 512))


def load(limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return rows[:limit] if limit else rows


def units(items: list[dict[str, Any]], speakers: bool) -> list[Unit]:
    return [Unit(x["text"], x["speaker"] if speakers else None) for x in items]


def kind(key: Key) -> str:
    return f"{len(key[0])}-{len(key[1])}"


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(
    rows: list[dict[str, Any]], enc: CachedEncoder, *, speakers: bool, concat: bool
) -> dict[str, Any]:
    """Align every excerpt; score links, by type, and the confidence calibration."""
    tp: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    conf_ok: list[tuple[float, bool]] = []
    seconds = 0.0
    for row in rows:
        a, b = units(row["ko"], speakers), units(row["en"], speakers)
        va, vb = enc([u.text for u in a]), enc([u.text for u in b])
        start = time.perf_counter()
        links = align(a, b, va, vb, encode=enc if concat else None)
        seconds += time.perf_counter() - start
        gold_keys = {(tuple(x), tuple(y)) for x, y in row["links"]}
        for key in gold_keys:
            gold[kind(key)] += 1
        for link in links:
            key = (link.a, link.b)
            ok = key in gold_keys
            pred[kind(key)] += 1
            tp[kind(key)] += ok
            conf_ok.append((link.confidence, ok))
    kinds = sorted(set(gold) | set(pred))
    by_kind = {
        k: {**prf(tp[k], pred[k], gold[k]), "gold": gold[k], "predicted": pred[k]} for k in kinds
    }
    high = [ok for c, ok in conf_ok if c >= 0.5]
    low = [ok for c, ok in conf_ok if c < 0.5]
    bins = []
    for lo_, hi_ in ((0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 1.01)):
        inside = [(c, ok) for c, ok in conf_ok if lo_ <= c < hi_]
        bins.append(
            {
                "range": f"{lo_:.2f}-{min(hi_, 1.0):.2f}",
                "links": len(inside),
                "mean_confidence": round(float(np.mean([c for c, _ in inside])), 3)
                if inside
                else None,
                "accuracy": round(sum(ok for _, ok in inside) / len(inside), 3) if inside else None,
            }
        )
    wrong = [ok for _, ok in conf_ok if not ok]
    return {
        "overall": prf(sum(tp.values()), sum(pred.values()), sum(gold.values())),
        "one_to_one": prf(tp["1-1"], pred["1-1"], gold["1-1"]),
        "by_kind": by_kind,
        "calibration": {
            "links_conf_ge_0.5": len(high),
            "precision_conf_ge_0.5": round(sum(high) / len(high), 4) if high else None,
            "links_conf_lt_0.5": len(low),
            "precision_conf_lt_0.5": round(sum(low) / len(low), 4) if low else None,
            "wrong_links_flagged": round(
                sum(1 for c, ok in conf_ok if not ok and c < 0.5) / len(wrong), 4
            )
            if wrong
            else None,
            "bins": bins,
        },
        "align_seconds": round(seconds, 3),
    }


def long_run(rows: list[dict[str, Any]], enc: CachedEncoder) -> dict[str, Any]:
    """One pair of ≥ LONG_SENTENCES Korean sentences made by concatenating excerpts."""
    a: list[Unit] = []
    b: list[Unit] = []
    gold: set[Key] = set()
    while len(a) < LONG_SENTENCES:
        for row in rows:
            da, db = len(a), len(b)
            a += units(row["ko"], True)
            b += units(row["en"], True)
            for x, y in row["links"]:
                gold.add((tuple(i + da for i in x), tuple(j + db for j in y)))
            if len(a) >= LONG_SENTENCES:
                break
    va, vb = enc([u.text for u in a]), enc([u.text for u in b])
    enc([x.text + " " + y.text for side in (a, b) for x, y in zip(side, side[1:], strict=False)])
    start = time.perf_counter()
    links = align(a, b, va, vb, encode=enc)
    seconds = time.perf_counter() - start
    hits = sum((x.a, x.b) in gold for x in links)
    return {
        "korean_sentences": len(a),
        "english_sentences": len(b),
        "align_seconds_excluding_encoding": round(seconds, 2),
        **prf(hits, len(links), len(gold)),
    }


def check_fixed(rows: list[dict[str, Any]], enc: CachedEncoder) -> dict[str, Any]:
    """Gold links given as fixed for every 5th link: kept, and the rest still aligned."""
    kept = total = tp = pred = gold_n = 0
    for row in rows:
        a, b = units(row["ko"], True), units(row["en"], True)
        va, vb = enc([u.text for u in a]), enc([u.text for u in b])
        fixed = [Link(tuple(x), tuple(y), 1.0) for x, y in row["links"][::5]]
        links = align(a, b, va, vb, fixed=fixed, encode=enc)
        keys = {(x.a, x.b) for x in links}
        kept += sum((f.a, f.b) in keys for f in fixed)
        total += len(fixed)
        gold_keys = {(tuple(x), tuple(y)) for x, y in row["links"]}
        tp += len(keys & gold_keys)
        pred += len(keys)
        gold_n += len(gold_keys)
    return {"fixed_links": total, "fixed_kept": kept, **prf(tp, pred, gold_n)}


def pairing(rows: list[dict[str, Any]], enc: CachedEncoder) -> dict[str, Any]:
    """Pairing by file name: the fit of true translations (whole, and with only the first
    half translated) against every pairing of two different excerpts (same topics)."""
    sides = [
        (units(r["ko"], True), units(r["en"], True), enc([x["text"] for x in r["ko"]]))
        for r in rows
    ]
    en_vecs = [enc([x["text"] for x in r["en"]]) for r in rows]
    true, half, other = [], [], []
    for i, (a, b, va) in enumerate(sides):
        true.append(translation_fit(a, b, va, en_vecs[i]))
        k = max(1, len(b) // 2)
        half.append(translation_fit(a, b[:k], va, en_vecs[i][:k]))
        for j, (_, b2, _) in enumerate(sides):
            if j != i:
                other.append(translation_fit(a, b2, va, en_vecs[j]))

    def spread(xs: list[float]) -> dict[str, float]:
        return {
            "n": len(xs),
            "min": round(min(xs), 3),
            "median": round(float(np.median(xs)), 3),
            "max": round(max(xs), 3),
        }

    return {
        "threshold": FIT_THRESHOLD,
        "true": spread(true),
        "half_translated": spread(half),
        "different_interviews": spread(other),
        "true_paired": sum(x >= FIT_THRESHOLD for x in true),
        "half_paired": sum(x >= FIT_THRESHOLD for x in half),
        "wrongly_paired": sum(x >= FIT_THRESHOLD for x in other),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N excerpts only")
    parser.add_argument("--no-long", action="store_true", help="skip the 2,000-sentence run")
    args = parser.parse_args(argv)
    rows = load(args.limit)
    enc = CachedEncoder()
    results: dict[str, Any] = {
        "data": str(DATA.relative_to(REPO)),
        "held_in": True,
        "excerpts": len(rows),
        "korean_sentences": sum(len(r["ko"]) for r in rows),
        "english_sentences": sum(len(r["en"]) for r in rows),
        "gold_links": sum(len(r["links"]) for r in rows),
    }
    variants = {
        "speakers+concat": {"speakers": True, "concat": True},
        "no speakers+concat": {"speakers": False, "concat": True},
        "speakers+sum": {"speakers": True, "concat": False},
        "no speakers+sum": {"speakers": False, "concat": False},
    }
    results["variants"] = {}
    for name, opts in variants.items():
        results["variants"][name] = evaluate(rows, enc, **opts)
    results["fixed"] = check_fixed(rows, enc)
    results["pairing"] = pairing(rows, enc)
    results["encoding"] = {
        "texts": enc.encoded,
        "seconds": round(enc.seconds, 2),
        "texts_per_second": round(enc.encoded / enc.seconds, 1) if enc.seconds else None,
    }
    if not args.no_long and not args.limit:
        results["long"] = long_run(rows, enc)
    results["when"] = time.strftime("%Y-%m-%d %H:%M:%S")
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    print_table(results)
    if not args.limit:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / "alignment.json"
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nsaved {out.relative_to(REPO)}")
    return 0


def print_table(results: dict[str, Any]) -> None:
    print(
        f"alignment (held-in, tuned on): {results['excerpts']} excerpts, "
        f"{results['korean_sentences']} ko / {results['english_sentences']} en sentences, "
        f"{results['gold_links']} gold links"
    )
    cols = ("1-1 P", "1-1 R", "1-1 F1", "all P", "all R", "all F1")
    print(f"{'variant':<20} " + " ".join(f"{c:>6}" for c in cols))
    for name, v in results["variants"].items():
        o, a = v["one_to_one"], v["overall"]
        print(
            f"{name:<20} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f} "
            f"{a['precision']:>6.3f} {a['recall']:>6.3f} {a['f1']:>6.3f}"
        )
    main_v = results["variants"]["speakers+concat"]
    print("\nby link type (speakers+concat)")
    print(f"{'type':<6} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for k, v in main_v["by_kind"].items():
        scores = " ".join(f"{v[x]:>6.3f}" for x in ("precision", "recall", "f1"))
        print(f"{k:<6} {v['gold']:>5} {v['predicted']:>5} {scores}")
    c = main_v["calibration"]
    print(
        f"\nconfidence: {c['links_conf_ge_0.5']} links ≥ 0.5 "
        f"with precision {c['precision_conf_ge_0.5']}, "
        f"{c['links_conf_lt_0.5']} links < 0.5 with precision {c['precision_conf_lt_0.5']}; "
        f"wrong links flagged (< 0.5): {c['wrong_links_flagged']}"
    )
    for bin_ in c["bins"]:
        print(f"  {bin_['range']}: {bin_['links']:>4} links, accuracy {bin_['accuracy']}")
    f = results["fixed"]
    print(
        f"\nfixed links: {f['fixed_kept']}/{f['fixed_links']} kept; "
        f"overall F1 with them {f['f1']:.3f}"
    )
    pg = results["pairing"]
    print(
        f"\npairing by file name (fit >= {pg['threshold']}): true translations "
        f"{pg['true_paired']}/{pg['true']['n']} paired "
        f"(fit {pg['true']['min']}-{pg['true']['max']}), "
        f"half translated {pg['half_paired']}/{pg['half_translated']['n']} "
        f"(from {pg['half_translated']['min']}), different interviews "
        f"{pg['wrongly_paired']}/{pg['different_interviews']['n']} paired "
        f"(up to {pg['different_interviews']['max']})"
    )
    e = results["encoding"]
    print(f"encoding: {e['texts']} texts in {e['seconds']} s ({e['texts_per_second']}/s)")
    if "long" in results:
        lg = results["long"]
        print(
            f"long pair: {lg['korean_sentences']} ko / {lg['english_sentences']} en sentences, "
            f"aligned in {lg['align_seconds_excluding_encoding']} s, F1 {lg['f1']:.3f}"
        )
    one, all_ = main_v["one_to_one"]["f1"], main_v["overall"]["f1"]
    met_one = "met" if one >= TARGET_F1_11 else "MISSED"
    met_all = "met" if all_ >= TARGET_F1_ALL else "MISSED"
    print(
        f"targets: 1-1 F1 {one:.3f} (≥ {TARGET_F1_11}) {met_one}, "
        f"overall F1 {all_:.3f} (≥ {TARGET_F1_ALL}) {met_all}"
    )


if __name__ == "__main__":
    sys.exit(main())

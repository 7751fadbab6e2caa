"""presidio-synth scored out-of-fold for the English model, and the English model's cost.

The shipped English model was trained on all of presidio-synth, so it cannot be
scored on it. Fold f (text index % 5 == f) is scanned with a model trained on the
other four folds plus the generated sentences, exactly as scripts/train_ner_en.py
trains (into benchmarks/work/, never over the shipped file). The same run scans
every text with the rules alone (the English arbitration switched off) for the
"before" figures. Used by benchmarks/deid.py (--only presidio-oof,en-cost).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
FOLDS = 5
TARGET = 0.95  # issue 15: each of the five presidio types


@contextmanager
def rules_only() -> Iterator[None]:
    """Scans without the English arbitration (a benchmark's "before"; never in the product)."""
    from moksori.protect import scan

    saved = scan.learned_en_combine
    scan.learned_en_combine = _unchanged
    try:
        yield
    finally:
        scan.learned_en_combine = saved


def _unchanged(view: Any, spans: list[Any]) -> list[Any]:
    return spans


def out_of_fold(
    texts: Sequence[str], detect_all: Callable[[Sequence[str]], list[list[Any]]]
) -> list[list[Any]]:
    """Predictions of the full pipeline, each text by an English model that never saw it."""
    sys.path.insert(0, str(REPO / "scripts"))
    import train_ner_en

    from moksori.protect.learned import labeller_en

    rows = train_ner_en.presidio_rows()[: len(texts)]
    per_row = train_ner_en.row_examples(rows)
    generated = train_ner_en.examples(train_ner_en.generated_rows())
    preds: list[list[Any]] = [[] for _ in texts]
    for f in range(FOLDS):
        path = WORK / "presidio_folds" / f"fold{f}.crfsuite"
        train_data = [ex for i, r in enumerate(per_row) if i % FOLDS != f for ex in r]
        train_ner_en.train(train_data + generated, path)
        held = [i for i in range(len(texts)) if i % FOLDS == f]
        with labeller_en.using(path):
            for i, p in zip(held, detect_all([texts[i] for i in held]), strict=True):
                preds[i] = p
        path.unlink()
    return preds


def section(
    texts: Sequence[str],
    golds: Sequence[Sequence[Any]],
    detect_all: Callable[[Sequence[str]], list[list[Any]]],
    score: Callable[..., dict[str, Any]],
    mapping: dict[str, set[str]],
) -> dict[str, Any]:
    t0 = time.perf_counter()
    with rules_only():
        before = detect_all(texts)
    t1 = time.perf_counter()
    after = out_of_fold(texts, detect_all)
    t2 = time.perf_counter()
    return {
        "sentences": len(texts),
        "out_of_fold": True,
        "folds": FOLDS,
        "fold_rule": "text index modulo 5; each fold's English model trained on the other 4 "
        "folds + generated sentences (scripts/train_ner_en.py), then the full pipeline",
        "seconds_rules_only": round(t1 - t0, 1),
        "seconds_out_of_fold": round(t2 - t1, 1),
        "before_rules_only": score(golds, before, mapping),
        "after_out_of_fold": score(golds, after, mapping),
    }


def cost(docs: Sequence[str]) -> dict[str, Any]:
    """The English model's share of detection time over the throughput corpus.

    Timed from inside one run (the time spent in the English arbitration, against the
    whole detection), so other processes on the machine slow both alike; two separate
    runs with and without the model differ more by the machine's load than by it.
    """
    from moksori.protect import scan

    inner = scan.learned_en_combine
    spent = [0.0]

    def timed(view: Any, spans: list[Any]) -> list[Any]:
        t = time.perf_counter()
        out = inner(view, spans)
        spent[0] += time.perf_counter() - t
        return out

    scan.detect_texts(list(docs[:2]))  # load the models and lists first
    scan.learned_en_combine = timed
    try:
        t0 = time.perf_counter()
        for i in range(0, len(docs), 8):
            scan.detect_texts(list(docs[i : i + 8]))
        total = time.perf_counter() - t0
    finally:
        scan.learned_en_combine = inner
    return {
        "documents": len(docs),
        "characters": sum(len(d) for d in docs),
        "seconds_detection": round(total, 2),
        "seconds_english_model": round(spent[0], 2),
        "english_model_share": round(spent[0] / total, 4),
    }


def table(res: dict[str, Any], prf: Callable[[dict[str, Any]], str]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    p = res.get("presidio-oof")
    if p is not None and "skipped" not in p:
        rows.append(
            ("presidio-synth, English model out-of-fold", f"{p['sentences']} texts, 5 folds")
        )
        for lab, r in p["after_out_of_fold"].items():
            b = p["before_rules_only"][lab]
            ok = "" if lab == "overall" else (" ok" if r["recall_overlap"] >= TARGET else " BELOW")
            rows.append((f"  {lab} rules only", prf(b)))
            rows.append((f"  {lab} + model (OOF)", prf(r) + ok))
    c = res.get("en-cost")
    if c is not None:
        rows.append(
            (
                "English model cost",
                f"{c['seconds_english_model']} s of {c['seconds_detection']} s detection "
                f"over {c['characters']:,} chars ({c['english_model_share']:.1%})",
            )
        )
    return rows

#!/usr/bin/env python3
"""Would a labeller trained on spoken testimony find what the pipeline misses on unseen text?

    python benchmarks/testimony_loso.py          # table + benchmarks/results/testimony_loso.json
    python benchmarks/testimony_loso.py --klue   # also a run whose CRFs add KLUE dev

Leave one set out (issue 15). The seven gold testimony sets (benchmarks/frozen … frozen5,
dev4, dev5) are all spent, so they may train a model. For each set held out in turn:

- (a) the current pipeline, ``moksori.protect.scan.detect_texts`` over the set's Korean
  testimony passages ("detect" scoring, as benchmarks/frozen_deid.py);
- (b) a CRF trained on the other six sets' Korean passages only, with the features of
  ``moksori.protect.learned.features`` (Kiwi tokens, the rules' person/place spans in
  detail, word stems, gazetteer and name lists) plus one feature this experiment adds:
  the type of any rule span over the token (``ra=date`` …), so dates, ages and roles
  have the same help persons and places get. Labels: BIO over Kiwi tokens, five types
  (person, place, date, age, role); parameters and rule dropout as scripts/train_ner.py.
- (a+b): (a)'s findings plus each CRF span (best path) that no finding of a compatible
  type already overlaps. A duplicate of a pipeline finding is not added, so (a+b)
  precision is not inflated by findings (a) already had. (a+bL) also adds the weaker
  runs the shipped arbitration proposes (a type's marginal >= 0.25 off the best path).

Every (b) figure is out of set: the held-out set's passages never train its model. Scoring
is frozen_deid.score (overlap recall per gold type, overlap precision per predicted
type, ignore spans counted neither way). Pooled = the seven held-out sets together.
With --klue a second run adds KLUE dev (../shared/data/klue-ner, CC BY-SA 4.0; used
here only to measure, no model is kept): PS, LC, DT kept, the rest O, sentences with an
age-like QT left out (KLUE has no role type and no age type of its own).

Caveat: the rules in (a), and so the rule features (b) reads, were tuned on every set
here except frozen5 (scored blind, then spent, just before this experiment). Only
frozen5's (a) is out of set; on the others (a) has already learnt their misses, and the
room left for (b) is smaller than on text nobody has seen.

Nothing printed or saved holds span text: counts and ratios only. Models live in a
temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
KLUE = REPO.parent / "shared" / "data" / "klue-ner" / "klue-ner-v1.1_dev.spans.jsonl"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import pycrfsuite  # noqa: E402
from frozen_deid import COMPATIBLE, Item, Passage, load, score  # noqa: E402

SETS = ("frozen", "frozen2", "frozen3", "frozen4", "frozen5", "dev4", "dev5")
TYPES = ("person", "place", "date", "age", "role")
KIND = {"person": "PS", "place": "LC", "date": "DT", "age": "AG", "role": "RL"}
TYPE_OF = {v: k for k, v in KIND.items()}
SURE_O = 0.99  # labeller._SURELY_O: the shipped model this sure a token is nothing
LOW = 0.25  # arbitrate.ADD_LOW: a weaker model run the shipped labeller still proposes

Example = tuple[list[list[str]], list[str]]


@dataclass
class Doc:
    """One Korean passage: gold, the pipeline's findings, and its lines as CRF input."""

    passage: Passage
    pipeline: list[Item]
    lines: list[Any]  # Kiwi token lines (list[Tok])
    with_rules: list[list[list[str]]]  # features per line, rules' spans as features
    without_rules: list[list[list[str]]]  # the same without them (rule dropout)
    labels: list[list[str]]


def _labels(seq: Sequence[Any], gold: Sequence[Item]) -> list[str]:
    """BIO labels of one line: a token touching a gold span of the five types is in it."""
    out: list[str] = []
    prev: Item | None = None
    for t in seq:
        hit = next(
            (g for g in gold if g.label in KIND and t.start < g.end and g.start < t.end), None
        )
        out.append("O" if hit is None else ("I-" if hit is prev else "B-") + KIND[hit.label])
        prev = hit
    return out


def _rule_types(seq: Sequence[Any], rules: Sequence[Any]) -> list[list[str]]:
    """Per token, the type of every rule span over it (dates, ages, roles included)."""
    out: list[list[str]] = [[] for _ in seq]
    if not seq:
        return out
    lo, hi = seq[0].start, seq[-1].end
    for s in rules:
        if s.end <= lo or s.start >= hi:
            continue
        first = True
        for i, t in enumerate(seq):
            if t.start < s.end and s.start < t.end:
                out[i] += ["ra=" + s.type.value, "ra" + ("B" if first else "I") + s.type.value]
                first = False
    return out


def prepare(passages: Sequence[Passage]) -> list[Doc]:
    """The pipeline's findings and the CRF features of every passage, computed once."""
    from moksori.protect.learned.features import featurise, sequences
    from moksori.protect.scan import DETECTORS, detect_texts
    from moksori.protect.tokenised import iter_tokenised

    texts = [p.text for p in passages]
    found = detect_texts(texts)
    docs: list[Doc] = []
    for p, spans, tok in zip(passages, found, iter_tokenised(texts), strict=True):
        rules = [s for d in DETECTORS for s in d(tok)]
        lines = sequences(tok.tokens, tok.text)
        with_r, without_r, labels = [], [], []
        for seq in lines:
            extra = _rule_types(seq, rules)
            with_r.append(
                [f + e for f, e in zip(featurise(seq, tok.text, rules), extra, strict=True)]
            )
            without_r.append(featurise(seq, tok.text, ()))
            labels.append(_labels(seq, p.gold))
        pipeline = [Item(s.start, s.end, s.type.value) for s in spans]
        docs.append(Doc(p, pipeline, lines, with_r, without_r, labels))
    return docs


def training_data(docs: Sequence[Doc]) -> list[Example]:
    """Every line of every passage; every RULE_DROPOUT-th passage without the rules."""
    import train_ner

    out: list[Example] = []
    for n, d in enumerate(docs):
        feats = d.with_rules if n % train_ner.RULE_DROPOUT else d.without_rules
        out += list(zip(feats, d.labels, strict=True))
    return out


def train(data: Sequence[Example], path: Path) -> None:
    import train_ner

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params(train_ner.PARAMS)
    trainer.train(str(path))


def tag(path: Path, docs: Sequence[Doc]) -> tuple[list[list[Item]], ...]:
    """The model's spans in each passage, as character offsets: the best path's, and the
    best path's plus weaker runs (a type's marginal >= LOW off the path), as the shipped
    labeller's arbitration proposes them (arbitrate.ADD_LOW, not tuned here); and every
    token the model is sure is nothing (P(O) >= SURE_O), as an Item labelled "O"."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    best: list[list[Item]] = []
    low: list[list[Item]] = []
    nothing: list[list[Item]] = []
    for d in docs:
        items: list[Item] = []
        weak: list[Item] = []
        sure: list[Item] = []
        for seq, feats in zip(d.lines, d.with_rules, strict=True):
            labels = tagger.tag(feats)
            sure += [
                Item(t.start, t.end, "O")
                for k, t in enumerate(seq)
                if tagger.marginal("O", k) >= SURE_O
            ]
            i = 0
            while i < len(seq):
                if labels[i] != "O":
                    kind = labels[i][2:]
                    j = i + 1
                    while j < len(seq) and labels[j] == "I-" + kind:
                        j += 1
                    items.append(Item(seq[i].start, seq[j - 1].end, TYPE_OF[kind]))
                    i = j
                    continue
                p = {
                    k: _marginal(tagger, "B-" + k, i) + _marginal(tagger, "I-" + k, i)
                    for k in TYPE_OF
                }
                kind = max(p, key=lambda k: p[k])
                if p[kind] < LOW:
                    i += 1
                    continue
                j = i + 1
                while (
                    j < len(seq)
                    and labels[j] == "O"
                    and _marginal(tagger, "B-" + kind, j) + _marginal(tagger, "I-" + kind, j) >= LOW
                ):
                    j += 1
                weak.append(Item(seq[i].start, seq[j - 1].end, TYPE_OF[kind]))
                i = j
        best.append(items)
        low.append(items + weak)
        nothing.append(sure)
    tagger.close()
    return best, low, nothing


def vetoed(pipeline: Sequence[Item], nothing: Sequence[Item]) -> list[Item]:
    """(a)'s findings of the five types minus those whose every Kiwi token the CRF is
    sure is nothing (English lines have no tokens: their findings stay)."""
    out = []
    for x in pipeline:
        toks = [t for t in nothing if t.start < x.end and x.start < t.end]
        covered = sum(min(t.end, x.end) - max(t.start, x.start) for t in toks)
        if x.label in TYPES and toks and covered >= x.end - x.start:
            continue
        out.append(x)
    return out


def _marginal(tagger: pycrfsuite.Tagger, label: str, i: int) -> float:
    try:
        return float(tagger.marginal(label, i))
    except ValueError:  # a label the model never saw in training
        return 0.0


def union(pipeline: Sequence[Item], crf: Sequence[Item]) -> tuple[list[Item], list[Item]]:
    """(a)'s findings plus the CRF spans no compatible finding overlaps; and those added."""
    added = [
        c
        for c in crf
        if not any(
            x.label in COMPATIBLE[c.label] and x.start < c.end and c.start < x.end for x in pipeline
        )
    ]
    return [*pipeline, *added], added


def _added_counts(docs: Sequence[Doc], added: Sequence[Sequence[Item]]) -> dict[str, Any]:
    """Per type: CRF spans added to (a), how many overlap a compatible gold span."""
    c: dict[str, Counter[str]] = {}
    for d, items in zip(docs, added, strict=True):
        for x in items:
            right = any(
                x.label in COMPATIBLE[g.label] and g.start < x.end and x.start < g.end
                for g in d.passage.gold
            )
            for key in (x.label, "overall"):
                c.setdefault(key, Counter())["added"] += 1
                c[key]["right"] += right
    return {k: dict(v) for k, v in sorted(c.items())}


def _compact(s: dict[str, Any]) -> dict[str, Any]:
    keys = ("gold", "pred", "recall_overlap", "recall_strict", "precision_overlap")
    return {t: {k: s[t][k] for k in keys} for t in (*TYPES, "overall") if t in s}


def klue_examples() -> list[Example]:
    """KLUE dev sentences as extra training lines: PS, LC and DT kept, other labels O.

    KLUE has no role type and types ages as QT with every other quantity, so a sentence
    holding a QT that reads as an age (a bare number, 세, 살) is left out rather than
    teaching the model that an age is nothing.
    """
    import re

    import train_ner

    from moksori.protect.learned.features import featurise, sequences
    from moksori.protect.scan import DETECTORS
    from moksori.protect.tokenised import iter_tokenised

    age = re.compile(r"^[0-9]+$|[세살]$")
    keep = {"PS": "person", "LC": "place", "DT": "date"}
    rows = [json.loads(x) for x in KLUE.read_text("utf-8").splitlines() if x.strip()]
    rows = [
        r
        for r in rows
        if not any(e["label"] == "QT" and age.search(e["text"]) for e in r["entities"])
    ]
    out: list[Example] = []
    for n, (r, tok) in enumerate(zip(rows, iter_tokenised([r["text"] for r in rows]), strict=True)):
        gold = [
            Item(e["start"], e["end"], keep[e["label"]])
            for e in r["entities"]
            if e["label"] in keep
        ]
        rules = [s for d in DETECTORS for s in d(tok)] if n % train_ner.RULE_DROPOUT else []
        for seq in sequences(tok.tokens, tok.text):
            extra = _rule_types(seq, rules)
            feats = [f + e for f, e in zip(featurise(seq, tok.text, rules), extra, strict=True)]
            out.append((feats, _labels(seq, gold)))
    return out


def _one_run(docs: dict[str, list[Doc]], extra: Sequence[Example], work: Path) -> dict[str, Any]:
    """Seven models, each without one set; every variant scored per set and pooled."""
    result: dict[str, Any] = {"sets": {}}
    keys = ("a", "a+b", "a+b_low", "a+b_veto", "b_alone", "added", "added_low")
    pooled: dict[str, list[Any]] = {k: [] for k in ("docs", *keys)}
    cpu = 0.0
    for held in docs:
        train_docs = [d for name in docs if name != held for d in docs[name]]
        path = work / f"without_{held}.crfsuite"
        t0 = time.process_time()
        train(training_data(train_docs) + list(extra), path)
        cpu += time.process_time() - t0
        test = docs[held]
        best, low, nothing = tag(path, test)
        path.unlink()
        preds: dict[str, list[Any]] = {"a": [d.pipeline for d in test], "b_alone": best}
        preds["a+b"], preds["added"] = _unions(test, best)
        preds["a+b_low"], preds["added_low"] = _unions(test, low)
        preds["a+b_veto"] = [vetoed(u, n) for u, n in zip(preds["a+b"], nothing, strict=True)]
        result["sets"][held] = {
            "passages": len(test),
            "train_passages": len(train_docs),
            **_scores([d.passage for d in test], test, preds),
        }
        pooled["docs"] += test
        for k in keys:
            pooled[k] += preds[k]
    docs_all = pooled.pop("docs")
    result["pooled"] = {
        "passages": len(docs_all),
        **_scores([d.passage for d in docs_all], docs_all, pooled),
    }
    result["cpu_seconds_training_7_models"] = round(cpu, 1)
    return result


def _unions(test: Sequence[Doc], crf: Sequence[list[Item]]) -> tuple[list[Any], list[Any]]:
    pairs = [union(d.pipeline, c) for d, c in zip(test, crf, strict=True)]
    return [u for u, _ in pairs], [a for _, a in pairs]


def _scores(
    passages: Sequence[Passage], docs: Sequence[Doc], preds: dict[str, Any]
) -> dict[str, Any]:
    out = {
        k: _compact(score(passages, preds[k]))
        for k in ("a", "a+b", "a+b_low", "a+b_veto", "b_alone")
    }
    out["added"] = _added_counts(docs, preds["added"])
    out["added_low"] = _added_counts(docs, preds["added_low"])
    return out


def curve(docs: dict[str, list[Doc]], k: int, work: Path) -> dict[str, Any]:
    """(a+b) when each held-out set's CRF sees only k of the six other sets.

    Every combination of k other sets trains one model per held-out set; combination i of
    each held-out set is pooled with combination i of the others (any pairing is as fair),
    and the pooled figures are averaged over i, with their range.
    """
    from itertools import combinations

    names = list(docs)
    per_i: list[dict[str, Any]] = []
    for held in names:
        others = [n for n in names if n != held]
        for i, combo in enumerate(combinations(others, k)):
            path = work / f"curve_{held}_{i}.crfsuite"
            train(training_data([d for n in combo for d in docs[n]]), path)
            best = tag(path, docs[held])[0]
            path.unlink()
            if len(per_i) <= i:
                per_i.append({"docs": [], "ab": []})
            per_i[i]["docs"] += docs[held]
            per_i[i]["ab"] += _unions(docs[held], best)[0]
    pooled = [_compact(score([d.passage for d in x["docs"]], x["ab"])) for x in per_i]
    out: dict[str, Any] = {"k": k, "models_per_held_out": len(per_i)}
    for t in (*TYPES, "overall"):
        r = [x[t]["recall_overlap"] for x in pooled]
        p = [x[t]["precision_overlap"] for x in pooled]
        out[t] = {
            "recall_mean": round(sum(r) / len(r), 4),
            "recall_range": [min(r), max(r)],
            "precision_mean": round(sum(p) / len(p), 4),
        }
    return out


def evaluate(
    sets: Sequence[str], work: Path, with_klue: bool, ks: Sequence[int] = ()
) -> dict[str, Any]:
    docs = {
        name: prepare([p for p in load("testimonies.jsonl", HERE / name) if p.lang == "ko"])
        for name in sets
    }
    runs = {"testimony": _one_run(docs, (), work)}
    if with_klue:
        runs["testimony+klue"] = _one_run(docs, klue_examples(), work)
    if ks:
        runs["curve"] = {str(k): curve(docs, k, work) for k in ks}
    return runs


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_table(name: str, res: dict[str, Any]) -> None:
    print(f"\nLeave one testimony set out, CRF trained on: {name}")
    print(
        "R = overlap recall, P = overlap precision. a: pipeline; a+b: plus the CRF's best path;"
        " L: plus its weaker runs too (marginal >= 0.25); V: a+b minus a's findings the CRF is"
        " sure are nothing (P(O) >= 0.99 on every token); b: the CRF alone (best path);"
        " added: CRF spans new to a (of which right), best path / with weaker runs\n"
    )
    cols = ("a", "a+b", "a+b_low", "a+b_veto", "b_alone")
    short = ("a", "a+b", "L", "V", "b")
    head = f"  {'held out':9} {'type':7} {'gold':>5} "
    head += " ".join(f"{'R ' + c:>5}" for c in short) + "  "
    head += " ".join(f"{'P ' + c:>5}" for c in short) + "  added"
    print(head)
    for set_name, r in [*res["sets"].items(), ("POOLED", res["pooled"])]:
        for t in (*TYPES, "overall"):
            a = r["a"].get(t)
            if a is None or not a["gold"]:
                continue
            got = [r[c].get(t, {}) for c in cols]
            add, low = r["added"].get(t, {}), r["added_low"].get(t, {})
            print(
                f"  {set_name:9} {t:7} {a['gold']:5} "
                + " ".join(_f(g.get("recall_overlap")) for g in got)
                + "  "
                + " ".join(_f(g.get("precision_overlap")) for g in got)
                + f"  {add.get('added', 0)} ({add.get('right', 0)})"
                + f" / {low.get('added', 0)} ({low.get('right', 0)})"
            )
        print()
    print(f"  CPU training 7 models: {res['cpu_seconds_training_7_models']} s")


def print_curve(curve: dict[str, Any], full: dict[str, Any]) -> None:
    """Pooled (a+b) by how many other sets trained the CRF (6: the main run)."""
    if not curve:
        return
    print("\nPooled a+b by the number k of other sets the CRF trained on (mean over combinations)")
    print(
        f"  {'k':>2} {'models':>6}  "
        + " ".join(f"{'R ' + t:>9}" for t in (*TYPES, "overall"))
        + "  P overall"
    )
    print(
        f"  {'a':>2} {'-':>6}  "
        + " ".join(f"{_f(full['a'][t]['recall_overlap']):>9}" for t in (*TYPES, "overall"))
        + f"  {_f(full['a']['overall']['precision_overlap'])}"
    )
    for k, c in curve.items():
        print(
            f"  {k:>2} {c['models_per_held_out']:>6}  "
            + " ".join(f"{_f(c[t]['recall_mean']):>9}" for t in (*TYPES, "overall"))
            + f"  {_f(c['overall']['precision_mean'])}"
        )
    print(
        f"  {6:>2} {1:>6}  "
        + " ".join(f"{_f(full['a+b'][t]['recall_overlap']):>9}" for t in (*TYPES, "overall"))
        + f"  {_f(full['a+b']['overall']['precision_overlap'])}"
    )


def _git(*args: str) -> str:
    import subprocess

    run = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return run.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--klue", action="store_true", help="also a run with KLUE dev added")
    ap.add_argument(
        "--curve",
        type=int,
        nargs="*",
        default=[],
        help="also train on only k of the six other sets (every combination), e.g. 1 3",
    )
    args = ap.parse_args()
    t0 = time.process_time()
    with tempfile.TemporaryDirectory(prefix="moksori-loso-") as tmp:
        runs = evaluate(SETS, Path(tmp), args.klue, args.curve)
    res: dict[str, Any] = {
        "note": (
            "Korean testimony passages only; each CRF trained on the six other sets (and KLUE "
            "dev in the testimony+klue run), never on the held-out one; a+b adds only CRF "
            "spans no compatible finding of a overlaps. a (the rules) was tuned on every set "
            "but frozen5, so only frozen5's a is out of set"
        ),
        "runs": runs,
        "cpu_seconds": round(time.process_time() - t0, 1),
        "commit": _git("rev-parse", "HEAD"),
        "src_protect_uncommitted": bool(_git("status", "--porcelain", "src/moksori/protect")),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    for name, run in runs.items():
        if name != "curve":
            print_table(name, run)
    print_curve(runs.get("curve", {}), runs["testimony"]["pooled"])
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "testimony_loso.json"
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"saved {out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Frozen de-identification evaluation: the whole pipeline on testimony nobody tuned on.

    python benchmarks/frozen_deid.py                 # table + benchmarks/results/frozen_deid.json
    python benchmarks/frozen_deid.py --show-misses   # also print misses (terminal only: names!)
    python benchmarks/frozen_deid.py --set frozen2   # v2 (dev now) → results/frozen2_deid.json
    python benchmarks/frozen_deid.py --set frozen3   # held-out v3 → results/frozen3_deid.json
    python benchmarks/frozen_deid.py --set dev4      # dev4 (dev set) → results/dev4_deid.json
    python benchmarks/frozen_deid.py --set dev5      # dev5 (dev set) → results/dev5_deid.json
    python benchmarks/frozen_deid.py --set frozen4   # held-out v4 → results/frozen4_deid.json
    python benchmarks/frozen_deid.py --set frozen5   # held-out v5 → results/frozen5_deid.json

The set (benchmarks/frozen/, see its README) was written before any tuning and must never
be tuned on: this script only measures. It scores two ways:

- detect: ``moksori.protect.scan.detect_texts`` over each passage, as benchmarks/deid.py.
- project: what a researcher gets. Each passage is uploaded as a document to a real
  encrypted project (one for the testimonies, one for the expository texts), scanned with
  ``Deid.scan`` (propagation included), every proposal accepted through ``Deid.review``
  (with a vault, as ``deid review accept --all``), and exported with the call
  ``moksori deid export`` makes (``export_documents``, txt). The targets apply to these.

Per type: gold count, overlap and strict recall, overlap precision (a prediction is right
when it overlaps a gold span of a compatible type; predictions touching only ignore spans
count neither way), and recall by a finding of any type. "Readable": a gold span whose
exact surface is still in the exported text; when the surface also occurs outside gold
spans in the original, only occurrences beyond those count. Expository: the share of
findings that overlap no gold and no ignore span ("protect no one").

Nothing printed or saved holds span text unless --show-misses is given, and then only on
the terminal. The projects live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FROZEN = HERE / "frozen"
RESULTS = HERE / "results"
PASSPHRASE = "benchmark passphrase (fictional corpus)"
VAULT_PASSPHRASE = "benchmark vault passphrase (fictional corpus)"
sys.path.insert(0, str(REPO / "src"))

MAIN_TYPES = ("person", "place", "date", "age", "role")
OTHER_TYPES = ("phone", "email", "address")
# Gold type → our PiiType values that count as finding it.
COMPATIBLE: dict[str, set[str]] = {
    "person": {"person"},
    "place": {"place", "address", "postcode"},
    "address": {"address", "place", "postcode"},
    "date": {"date", "age", "cohort"},
    "age": {"age", "date", "cohort"},
    "role": {"role"},
    "phone": {"phone", "handle"},  # v3 types messenger IDs (카톡, WeChat) as phone
    "email": {"email"},
}
TARGET_RECALL = 0.95  # overlap recall of each main type
TARGET_READABLE = 1 / 50  # identifiers still readable after accept-all export
TARGET_NO_ONE = 0.10  # expository findings that protect no one


class Item(NamedTuple):
    start: int
    end: int
    label: str


@dataclass
class Passage:
    id: str
    lang: str
    genre: str
    text: str
    gold: list[Item]
    ignore: list[Item]


@dataclass
class Outcome:
    """Predictions per passage, and the exported text per passage (project runs only)."""

    preds: list[list[Item]]
    exported: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # per passage: (start, end, replacement text) of every replacement the export made
    replaced: list[list[tuple[int, int, str]]] = field(default_factory=list)


def load(name: str, folder: Path = FROZEN) -> list[Passage]:
    rows = [json.loads(x) for x in (folder / name).read_text(encoding="utf-8").splitlines() if x]
    return [
        Passage(
            r["id"],
            r["lang"],
            r["genre"],
            r["text"],
            [Item(s["start"], s["end"], s["type"]) for s in r["spans"]],
            [Item(s["start"], s["end"], "ignore") for s in r["ignore"]],
        )
        for r in rows
    ]


def _overlaps(a: Item, b: Item) -> bool:
    return a.start < b.end and b.start < a.end


# --- running the pipeline ---------------------------------------------------------------
def run_detect(passages: Sequence[Passage]) -> Outcome:
    from moksori.protect.scan import detect_texts

    t0 = time.perf_counter()
    spans = detect_texts([p.text for p in passages])
    preds = [[Item(s.start, s.end, s.type.value) for s in ss] for ss in spans]
    return Outcome(preds, seconds=round(time.perf_counter() - t0, 2))


def run_project(passages: Sequence[Passage], folder: Path) -> Outcome:
    """Upload, scan, accept every proposal, export: what `accept --all` publishes."""
    from moksori.project import Project
    from moksori.protect.export import export_documents
    from moksori.protect.findings import Selector
    from moksori.protect.view import ViewCache

    t0 = time.perf_counter()
    path = folder / "frozen.mks"
    with Project.create(path, PASSPHRASE) as proj:
        uploads = [(f"{p.id}.txt", p.text.encode("utf-8")) for p in passages]
        report = proj.add_uploads(uploads)
        doc_of: dict[str, int] = {}
        for p, outcome in zip(passages, report.outcomes, strict=True):
            if outcome.status != "added" or len(outcome.document_ids) != 1:
                raise SystemExit(f"passage {p.id} was not ingested as one document")
            doc_of[p.id] = outcome.document_ids[0]
        for p in passages:
            stored = proj.conn.execute(
                "SELECT text FROM document WHERE id = ?", (doc_of[p.id],)
            ).fetchone()[0]
            if stored != p.text:
                raise SystemExit(f"passage {p.id}: the stored text differs from the set's")
        vault = proj.deid.create_vault(folder / "frozen.vault", VAULT_PASSPHRASE)
        try:
            proj.deid.scan(vault=vault)
            proj.deid.review(Selector(status="proposed"), "accepted", vault=vault)
        finally:
            vault.close()
        proj.deid.require_reviewed(False)
        findings = proj.deid.findings.select(Selector())
        by_doc: dict[int, list[Item]] = {}
        for f in findings:
            by_doc.setdefault(f.document_id, []).append(Item(f.start, f.end, f.type))
        preds = [by_doc.get(doc_of[p.id], []) for p in passages]
        out_dir = folder / "export"
        ids = [doc_of[p.id] for p in passages]
        files = export_documents(proj.conn, ids, out_dir, "txt", unreviewed=0).files
        exported = [Path(f).read_text(encoding="utf-8") for f in files]
        views = ViewCache(proj.conn)
        replaced = [[(r.start, r.end, r.text) for r in views(i).replacements] for i in ids]
    return Outcome(preds, exported, round(time.perf_counter() - t0, 2), replaced)


# --- scoring ----------------------------------------------------------------------------
def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(passages: Sequence[Passage], preds: Sequence[Sequence[Item]]) -> dict[str, Any]:
    """Recall (overlap, strict, any type) per gold type; precision per predicted type."""
    c: dict[str, Counter[str]] = {}
    for p, pred in zip(passages, preds, strict=True):
        for g in p.gold:
            cand = [x for x in pred if x.label in COMPATIBLE[g.label]]
            for key in (g.label, "overall"):
                k = c.setdefault(key, Counter())
                k["gold"] += 1
                k["overlap"] += any(_overlaps(g, x) for x in cand)
                k["strict"] += any((x.start, x.end) == (g.start, g.end) for x in cand)
                k["any_type"] += any(_overlaps(g, x) for x in pred)
        for x in pred:
            right = any(x.label in COMPATIBLE[g.label] and _overlaps(g, x) for g in p.gold)
            if not right and any(_overlaps(x, i) for i in p.ignore):
                continue  # touches a public figure, a cited author …: counts neither way
            for key in (x.label, "overall"):
                k = c.setdefault(key, Counter())
                k["pred"] += 1
                k["correct"] += right
                k["protects_someone"] += any(_overlaps(g, x) for g in p.gold)
    return {
        key: {
            "gold": k["gold"],
            "pred": k["pred"],
            "recall_overlap": _ratio(k["overlap"], k["gold"]),
            "recall_strict": _ratio(k["strict"], k["gold"]),
            "recall_any_type": _ratio(k["any_type"], k["gold"]),
            "precision_overlap": _ratio(k["correct"], k["pred"]),
            "protect_no_one": _ratio(k["pred"] - k["protects_someone"], k["pred"]),
        }
        for key, k in sorted(c.items())
    }


def _occurrences(surface: str, text: str) -> list[int]:
    """Start offsets of ``surface`` in ``text``, not inside a longer number or word."""
    left = (
        r"(?<![0-9])"
        if surface[0].isdigit()
        else r"(?<![A-Za-z])"
        if surface[0].isascii() and surface[0].isalpha()
        else ""
    )
    last = surface[-1]
    right = (
        r"(?![0-9])"
        if last.isdigit()
        else r"(?![A-Za-z])"
        if last.isascii() and last.isalpha()
        else ""
    )
    return [m.start() for m in re.finditer(left + re.escape(surface) + right, text)]


def readable(
    passages: Sequence[Passage],
    exported: Sequence[str],
    preds: Sequence[Sequence[Item]],
    replaced: Sequence[Sequence[tuple[int, int, str]]] = (),
) -> dict[str, Any]:
    """Gold spans whose surface survives the accept-all export, per type.

    For each passage and surface with g gold spans: k_free = its occurrences in the
    original touching no gold span; k_out = its occurrences in the export. Readable =
    min(g, max(0, k_out - k_free)). "kept" counts the readable spans a finding of a
    compatible type did cover: found and accepted, yet the replacement left the surface
    (a year kept by the date policy, an age that already was a band). "policy" counts
    the readable spans whose surface the replacement covering all of them itself writes
    (a date's period or year under the date policy, an age band, a province under the
    province policy): kept by design, not a partial finding or a miss.
    """
    counts: dict[str, Counter[str]] = {}
    misses: list[tuple[str, Item]] = []
    replaced = replaced or [[] for _ in passages]
    for p, out, pred, reps in zip(passages, exported, preds, replaced, strict=True):
        groups: dict[str, list[Item]] = {}
        for g in p.gold:
            groups.setdefault(p.text[g.start : g.end], []).append(g)
        for surface, golds in groups.items():
            free = [
                s
                for s in _occurrences(surface, p.text)
                if not any(_overlaps(Item(s, s + len(surface), ""), g) for g in p.gold)
            ]
            n = min(len(golds), max(0, len(_occurrences(surface, out)) - len(free)))
            for i, g in enumerate(golds):
                for key in (g.label, "overall"):
                    k = counts.setdefault(key, Counter())
                    k["gold"] += 1
                    k["readable"] += i < n
                    k["kept"] += i < n and any(
                        x.label in COMPATIBLE[g.label] and _overlaps(g, x) for x in pred
                    )
                    k["policy"] += i < n and any(
                        a <= g.start and g.end <= b and surface in new for a, b, new in reps
                    )
                if i < n:
                    misses.append((p.id, g))
    result: dict[str, Any] = {
        key: {
            "gold": k["gold"],
            "readable": k["readable"],
            "kept": k["kept"],
            "policy": k["policy"],
            "rate": _ratio(k["readable"], k["gold"]),
            "rate_excluding_policy": _ratio(k["readable"] - k["policy"], k["gold"]),
        }
        for key, k in sorted(counts.items())
    }
    result["_misses"] = misses
    return result


# --- report -----------------------------------------------------------------------------
def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_table(res: dict[str, Any]) -> None:
    t = res["testimonies"]
    # "readable": gold spans whose surface survives the export; "kept": of those, found
    # and accepted but the replacement (date → year, age → band) left the surface.
    print(
        f"\nFrozen set: {t['passages']} testimony passages, {res['expository']['passages']} "
        "expository texts (project pipeline: scan, accept all, export)"
    )
    head = ("type", "gold", "ovl R", "strict R", "prec", "any R", "detect R", "readable", "target")
    rows = [head]
    for typ in (*MAIN_TYPES, *OTHER_TYPES, "overall"):
        s = t["project"].get(typ)
        if not s or not s["gold"]:
            continue
        d = t["detect"].get(typ, {})
        r = t["readable"].get(typ, {"readable": 0, "gold": 0})
        target = ""
        if typ in MAIN_TYPES:
            target = f"R>={TARGET_RECALL} {_mark((s['recall_overlap'] or 0) >= TARGET_RECALL)}"
        rows.append(
            (
                typ,
                str(s["gold"]),
                _f(s["recall_overlap"]),
                _f(s["recall_strict"]),
                _f(s["precision_overlap"]),
                _f(s["recall_any_type"]),
                _f(d.get("recall_overlap")),
                f"{r['readable']}/{r['gold']} ({r.get('kept', 0)} kept)",
                target,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for r in rows:
        print("  " + "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
    extra = sorted(k for k in t["project"] if k not in COMPATIBLE and k != "overall")
    if extra:
        preds = ", ".join(f"{k} {t['project'][k]['pred']}" for k in extra)
        print(f"  other predicted types: {preds}")
    all_r = res["readable_all"]
    print(
        f"\nStill readable after accept-all export (testimonies + expository): "
        f"{all_r['readable']}/{all_r['gold']} = {_f(all_r['rate'])} "
        f"(target <= {TARGET_READABLE:.3f}) {_mark((all_r['rate'] or 0) <= TARGET_READABLE)}"
    )
    print(
        f"  of which a finding touched (replacement kept it, or covered only part): "
        f"{all_r['kept']}; "
        f"never found: {all_r['readable'] - all_r['kept']}"
    )
    print(
        "  readable excluding what the policy keeps by design (a decade already said under the "
        "period policy or a year under the year policy, an age already a band, a province "
        "under the province policy): "
        f"{all_r['readable'] - all_r['policy']}/{all_r['gold']} = "
        f"{_f(all_r['rate_excluding_policy'])}"
    )
    e = res["expository"]
    for lang, s in e["by_text"].items():
        print(
            f"Expository {lang}: {s['findings']} findings, protect no one "
            f"{_f(s['protect_no_one'])}, recall {_f(s['recall_overlap'])} of {s['gold']}"
        )
    print(
        f"Expository overall: protect no one {_f(e['protect_no_one'])} "
        f"(target <= {TARGET_NO_ONE}) {_mark((e['protect_no_one'] or 0) <= TARGET_NO_ONE)}; "
        f"recall {_f(e['recall_overlap'])}; readable {e['readable']['readable']}/"
        f"{e['readable']['gold']}"
    )
    print(f"\nverdict: {'all targets met' if res['all_pass'] else 'targets missed'}")


def show_misses(passages: Sequence[Passage], preds: Sequence[Sequence[Item]], rd: Any) -> None:
    """Terminal only: the gold spans no compatible finding touched, and those left readable."""
    print("\n--- misses (terminal only; this shows names) ---")
    for p, pred in zip(passages, preds, strict=True):
        for g in p.gold:
            if not any(x.label in COMPATIBLE[g.label] and _overlaps(g, x) for x in pred):
                ctx = p.text[max(0, g.start - 15) : g.end + 15].replace("\n", " ")
                print(f"  missed {p.id} {g.label:7} {p.text[g.start : g.end]!r}  …{ctx}…")
    for pid, g in rd["_misses"]:
        p = next(x for x in passages if x.id == pid)
        print(f"  readable {pid} {g.label:7} {p.text[g.start : g.end]!r}")
    print("--- false positives ---")
    for p, pred in zip(passages, preds, strict=True):
        for x in pred:
            if not any(_overlaps(g, x) for g in p.gold + p.ignore):
                print(f"  fp {p.id} {x.label:7} {p.text[x.start : x.end]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="print misses (shows names)")
    ap.add_argument(
        "--set",
        choices=("frozen", "frozen2", "frozen3", "dev4", "dev5", "frozen4", "frozen5"),
        default="frozen",
        help=(
            "frozen (v1), frozen2 (v2), frozen3 (v3, spent), dev4 or dev5: development sets; "
            "frozen4 (v4) and frozen5 (v5): held out, never tune on them, never --show-misses"
        ),
    )
    args = ap.parse_args()
    folder = HERE / args.set
    testimonies = load("testimonies.jsonl", folder)
    expository = load("expository.jsonl", folder)
    with tempfile.TemporaryDirectory(prefix="moksori-frozen-") as tmp:
        (Path(tmp) / "t").mkdir()
        (Path(tmp) / "e").mkdir()
        t_detect = run_detect(testimonies)
        t_proj = run_project(testimonies, Path(tmp) / "t")
        e_proj = run_project(expository, Path(tmp) / "e")
    t_read = readable(testimonies, t_proj.exported, t_proj.preds, t_proj.replaced)
    e_read = readable(expository, e_proj.exported, e_proj.preds, e_proj.replaced)
    e_score = score(expository, e_proj.preds)
    by_text = {}
    for p, pred in zip(expository, e_proj.preds, strict=True):
        s = score([p], [pred])["overall"]
        by_text[p.lang] = {
            "findings": s["pred"],
            "gold": s["gold"],
            "protect_no_one": s["protect_no_one"],
            "recall_overlap": s["recall_overlap"],
        }
    gold_all = t_read["overall"]["gold"] + e_read["overall"]["gold"]
    read_all = t_read["overall"]["readable"] + e_read["overall"]["readable"]
    kept_all = t_read["overall"]["kept"] + e_read["overall"]["kept"]
    policy_all = t_read["overall"]["policy"] + e_read["overall"]["policy"]
    t_proj_score = score(testimonies, t_proj.preds)
    res: dict[str, Any] = {
        "testimonies": {
            "passages": len(testimonies),
            "project": t_proj_score,
            "detect": score(testimonies, t_detect.preds),
            "readable": {k: v for k, v in t_read.items() if k != "_misses"},
            "seconds": {"detect": t_detect.seconds, "project": t_proj.seconds},
        },
        "expository": {
            "passages": len(expository),
            "by_text": by_text,
            "protect_no_one": e_score["overall"]["protect_no_one"],
            "recall_overlap": e_score["overall"]["recall_overlap"],
            "scores": e_score,
            "readable": {k: v for k, v in e_read["overall"].items()},
        },
        "readable_all": {
            "gold": gold_all,
            "readable": read_all,
            "kept": kept_all,
            "policy": policy_all,
            "rate": _ratio(read_all, gold_all),
            "rate_excluding_policy": _ratio(read_all - policy_all, gold_all),
        },
        "targets": {
            "recall_overlap": TARGET_RECALL,
            "readable": TARGET_READABLE,
            "protect_no_one": TARGET_NO_ONE,
        },
    }
    checks = [
        (t_proj_score.get(t, {}).get("recall_overlap") or 0) >= TARGET_RECALL for t in MAIN_TYPES
    ]
    checks.append((res["readable_all"]["rate"] or 0) <= TARGET_READABLE)
    checks.append((res["expository"]["protect_no_one"] or 0) <= TARGET_NO_ONE)
    res["all_pass"] = all(checks)
    res["machine"] = {"python": platform.python_version(), "platform": platform.platform()}
    res["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print_table(res)
    RESULTS.mkdir(exist_ok=True)
    res["set"] = args.set
    out = RESULTS / f"{args.set}_deid.json"
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"saved {out}")
    if args.show_misses:
        show_misses(testimonies, t_proj.preds, t_read)
        show_misses(expository, e_proj.preds, e_read)


if __name__ == "__main__":
    main()

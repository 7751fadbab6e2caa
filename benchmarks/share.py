#!/usr/bin/env python3
"""Shared copy benchmark: what redacting known names everywhere and every free text costs.

    python benchmarks/share.py [--copies 20] [--memos 1000]

Builds a fictional study from benchmarks/planted/*.txt (each file added ``--copies``
times under new names), scans it, accepts every finding, then has a coder reject
every person finding (the attack of issue 14). Adds memos and coding memos that
name people and places, and cases with hometowns. Measures:

  views        every document's redacted view, with known names forced (as now) and
               without (the findings alone, as before issue 14)
  scrub        deep scrubbing of the memos: one detector call per text vs batched
  share        the whole ``deid share`` (withholding the exact ages)

Prints a table and saves benchmarks/results/share.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
WORK = HERE / "work" / "share"
PASSPHRASE = "benchmark passphrase (fictional corpus)"
sys.path.insert(0, str(REPO / "src"))

from moksori.project import Project  # noqa: E402
from moksori.protect.deid import share_project  # noqa: E402
from moksori.protect.findings import Selector  # noqa: E402
from moksori.protect.known import KnownNames  # noqa: E402
from moksori.protect.scrub import Scrubber  # noqa: E402
from moksori.protect.share import ShareOptions  # noqa: E402
from moksori.protect.view import ViewCache  # noqa: E402

MEMO = "{n}번 메모: 김순희가 연길 근처에서 리철수를 만났다. Kim Soon-hee met him near Yanji ({n})."


def build(copies: int, memos: int) -> tuple[Project, Any]:
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "in").mkdir(parents=True)
    for src in sorted((HERE / "planted").glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        for i in range(copies):
            copy = f"{text}\n사본 {i} (copy {i}).\n"  # distinct bytes: not a duplicate
            (WORK / "in" / f"{src.stem}-{i:03d}.txt").write_text(copy, encoding="utf-8")
    p = Project.create(WORK / "study.moksori", PASSPHRASE)
    p.add([WORK / "in"])
    vault = p.deid.create_vault(WORK / "study.vault", PASSPHRASE + " vault")
    p.deid.add_known(["김순희", "Kim Soon-hee"], vault)
    p.deid.scan(vault=vault)
    p.deid.review(Selector(), "accepted", vault=vault)
    p.deid.review(Selector(types=["person"]), "rejected")
    p.coders.add("a")
    p.coders.current("a")
    for n in range(memos):
        p.memos.add("project", None, MEMO.format(n=n), author="a")
    p.cases.define_attribute("hometown", "text")
    p.cases.define_attribute("age", "integer")
    for n in range(30):
        p.cases.add(f"P{n:02d}")
        p.cases.set_value(f"P{n:02d}", "hometown", ["회령", "무산", "청진"][n % 3])
        p.cases.set_value(f"P{n:02d}", "age", 20 + n)
    return p, vault


def timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--memos", type=int, default=1000)
    a = ap.parse_args()
    p, vault = build(a.copies, a.memos)
    docs = [d.id for d in p.documents()]
    chars = sum(len(p.document(d).text) for d in docs)

    def views(known: KnownNames | None) -> int:
        cache = ViewCache(p.conn, known=known)
        return sum(len(cache(d).replacements) for d in docs)

    t_known, n_known = timed(lambda: views(KnownNames.of(p.conn, vault)))
    t_plain, n_plain = timed(lambda: views(KnownNames()))
    texts = [MEMO.format(n=n) for n in range(a.memos)]
    one = Scrubber.of(p.conn, vault)
    t_one, _ = timed(lambda: [one.deep(t) for t in texts])
    batched = Scrubber.of(p.conn, vault)
    t_batch, _ = timed(lambda: (batched.prepare(texts), [batched.deep(t) for t in texts]))
    out = WORK / "shared.moksori"
    t_share, report = timed(
        lambda: share_project(
            p.conn, out, "shared copy (benchmark)", vault, ShareOptions(withhold=["age"])
        )
    )
    p.close()
    vault.close()
    rows = [
        ("documents", len(docs), ""),
        ("characters", chars, ""),
        ("views, known names forced (s)", round(t_known, 3), f"{n_known} replacements"),
        ("views, findings only (s)", round(t_plain, 3), f"{n_plain} replacements"),
        ("memos scrubbed one by one (s)", round(t_one, 3), f"{a.memos} memos"),
        ("memos scrubbed batched (s)", round(t_batch, 3), f"{a.memos} memos"),
        ("deid share (s)", round(t_share, 3), json.dumps(report.scrubbed)),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value!s:>10}  {note}")
    RESULTS.mkdir(exist_ok=True)
    result = {
        "machine": platform.platform(),
        "copies": a.copies,
        "memos": a.memos,
        "documents": len(docs),
        "characters": chars,
        "views_forced_s": round(t_known, 3),
        "views_findings_only_s": round(t_plain, 3),
        "replacements_forced": n_known,
        "replacements_findings_only": n_plain,
        "scrub_one_by_one_s": round(t_one, 3),
        "scrub_batched_s": round(t_batch, 3),
        "share_s": round(t_share, 3),
        "share_report": report.to_json(),
    }
    (RESULTS / "share.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()

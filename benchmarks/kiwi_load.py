#!/usr/bin/env python3
"""Kiwi's load time under the configurations kiwipiepy offers (issue 19 point 2).

    python benchmarks/kiwi_load.py            # table + benchmarks/results/kiwi_load.json
    python benchmarks/kiwi_load.py --runs 5

Each configuration is built in a fresh process (what a one-shot command pays): import,
``Kiwi(...)``, moksori's North Korean spelling rules when asked, and the first analysis
(Kiwi loads part of its model lazily). CPU seconds of that process, median of ``--runs``,
and the ratio to moksori's configuration in the same run. moksori leaves out Kiwi's
multi-word dictionary (korean/kiwi.py says why). Beside the time, what each
configuration changes: the share of the lemma-search corpus's turns
(benchmarks/lemma_search/corpus) whose analysis differs from moksori's, and how a
handful of North Korean dialect sentences are analysed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "kiwi_load.json"
CORPUS = HERE / "lemma_search" / "corpus"

# name -> (Kiwi keyword arguments, moksori's NK spelling rules added)
CONFIGS: dict[str, tuple[dict[str, Any], bool]] = {
    "moksori (no multi-word dict, NK rules)": ({"load_multi_dict": False}, True),
    "with the multi-word dict (before)": ({}, True),
    "kiwipiepy default": ({}, False),
    "no typo dict": ({"load_typo_dict": False, "load_multi_dict": False}, True),
    "dialects hamgyeong+pyeongan+hwanghae": (
        {"enabled_dialects": "hamgyeong,pyeongan,hwanghae", "load_multi_dict": False},
        True,
    ),
}
BASE = "moksori (no multi-word dict, NK rules)"
DIALECT = [
    "날래 오라우. 오마니가 기다린다.",
    "우리 아바이는 탄광에서 일했슴메.",
    "내래 평양에서 왔습네다.",
    "동무, 어카갔소?",
    "배고파서 강냉이 죽을 먹었지비.",
    "그때 우리 아바이는 로동자였슴다.",
]

CHILD = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
start = time.process_time()
from kiwipiepy import Kiwi
import kiwipiepy_model
kwargs, rules, texts = json.loads(sys.stdin.read())
kiwi = Kiwi(num_workers=0, model_path=kiwipiepy_model.get_model_path(), **kwargs)
if rules:
    from moksori.korean.kiwi import VARIANT_SCORE, VARIANT_TAGS, _first_north, _second_north
    for tag in VARIANT_TAGS:
        kiwi.add_rule(tag, _first_north, VARIANT_SCORE)
        kiwi.add_rule(tag, _second_north, VARIANT_SCORE)
kiwi.tokenize("그때 우리는 두만강을 건넜습니다.")
loaded = time.process_time() - start
out = [" ".join(f"{t.form}/{t.tag}" for t in kiwi.tokenize(x)) for x in texts]
print(json.dumps({"load_cpu": loaded, "analyses": out}, ensure_ascii=False))
"""


def turns() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if ":" in line and any("\uac00" <= ch <= "\ud7a3" for ch in line):
                found.append(line.split(":", 1)[1].strip())
    return found


def child(kwargs: dict[str, Any], rules: bool, texts: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps([kwargs, rules, texts], ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    texts = turns()
    rows: dict[str, dict[str, Any]] = {}
    analyses: dict[str, list[str]] = {}
    for _ in range(args.runs):  # interleaved, so load on the machine hits every config alike
        for name, (kwargs, rules) in CONFIGS.items():
            got = child(kwargs, rules, texts + DIALECT)
            rows.setdefault(name, {"load_cpu_s": []})["load_cpu_s"].append(got["load_cpu"])
            analyses[name] = got["analyses"]
    base = statistics.median(rows[BASE]["load_cpu_s"])
    for name, row in rows.items():
        median = statistics.median(row["load_cpu_s"])
        differ = sum(
            a != b for a, b in zip(analyses[name][: len(texts)], analyses[BASE], strict=False)
        )
        row.update(
            median_load_cpu_s=round(median, 3),
            ratio_to_moksori=round(median / base, 3),
            turns_analysed_differently=differ,
            dialect_sentences_differently=sum(
                a != b
                for a, b in zip(
                    analyses[name][len(texts) :], analyses[BASE][len(texts) :], strict=True
                )
            ),
        )
        row["load_cpu_s"] = [round(x, 3) for x in row["load_cpu_s"]]
    print(f"Kiwi load (fresh process, CPU s, median of {args.runs}); {len(texts)} Korean turns")
    print(f"{'configuration':<40} {'load':>6} {'ratio':>6} {'turns differ':>13} {'dialect':>8}")
    for name, row in rows.items():
        print(
            f"{name:<40} {row['median_load_cpu_s']:>6.2f} {row['ratio_to_moksori']:>6.2f} "
            f"{row['turns_analysed_differently']:>13} "
            f"{row['dialect_sentences_differently']:>5}/{len(DIALECT)}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps({"turns": len(texts), "configs": rows}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"saved {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()

"""Meaning search for one sentence inside a long turn (issue 19 point 6).

Vectors per passage drown one sentence of a long turn in the rest of it: an
English query that paraphrased one sentence of a four-sentence Korean turn
ranked that turn 26th of 38. This benchmark measures that on a set written
before any tuning (``benchmarks/sentence_search/``, see its README): 26
fictional interview transcripts (20 Korean, some in North Korean spelling, and
6 English) whose answers run 4-9 sentences and mix topics, and 80 queries (60
English, 20 Korean), each paraphrasing one sentence of one turn in other words.

The transcripts go into a temporary encrypted project through the public
library (``Project.add``, ``Project.embed``), and each query runs through
``Project.search(mode="semantic")``. A hit finds the target when its text
holds the target sentence (whitespace and Unicode form normalised), so a hit
that is a whole turn or the sentence alone both count. Reported: recall@1,
recall@5, recall@10 and MRR (over the first ``--limit`` hits), overall, per
query language and per direction (query language -> transcript language).
Target from the issue: recall@5 >= 0.9.

Before searching, the data is checked without the product's segmenter: every
target sentence stands exactly once in the corpus, inside the named turn,
which has at least 4 sentences.

``--set heldout`` scores the second set (``benchmarks/sentence_search_heldout/``,
same layout), written blind by someone who had not seen the method nor the
first set: the development set says the tuning worked there, the held-out set
whether it generalises. Score it once, after tuning.

``python benchmarks/sentence_search.py [--set dev|heldout] [--limit 50] [--check] [--src PATH]``
(``--src`` runs another source tree, e.g. a ``git archive`` of an earlier
commit, to measure before and after on the same data.)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
SETS = {"dev": "sentence_search", "heldout": "sentence_search_heldout"}
DATA = _HERE / SETS["dev"]
TRANSCRIPTS = DATA / "transcripts"
QUERIES = DATA / "queries.tsv"
RESULTS = _HERE / "results" / "sentence_search.json"
PASSPHRASE = "benchmark sentence search 2026"  # fictional, for a throwaway project
TARGET_RECALL5 = 0.9
SPEAKERS = ("면접자", "참여자", "Q", "A")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def paths_of(name: str) -> tuple[Path, Path, Path]:
    """Transcripts folder, queries file and default results file of a set."""
    data = _HERE / SETS[name]
    return data / "transcripts", data / "queries.tsv", _HERE / "results" / f"{SETS[name]}.json"


@dataclass
class Query:
    id: str
    lang: str
    text: str
    doc: str
    turn_index: int
    sentence: str
    note: str

    @property
    def doc_lang(self) -> str:
        return "ko" if self.doc.startswith("kor-") else "en"

    @property
    def direction(self) -> str:
        return f"{self.lang}->{self.doc_lang}"


@dataclass
class Turn:
    speaker: str
    text: str  # the words after "speaker: "
    sentences: list[str]


def normalise(text: str) -> str:
    """NFC with runs of whitespace made one space, so a passage's stored line
    breaks or spacing do not hide a sentence it holds."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def load_queries(path: Path = QUERIES) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Query(
            r["id"],
            r["lang"],
            r["query"],
            r["doc"],
            int(r["turn_index"]),
            r["sentence"],
            r["note"] or "",
        )
        for r in rows
    ]


def turns_of(path: Path) -> list[Turn]:
    """The speaker turns of a transcript, split here (not by moksori) so the
    gold does not depend on the segmenter it measures."""
    turns = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        head, sep, rest = block.strip().partition(": ")
        if sep and head in SPEAKERS:
            body = " ".join(rest.split())
            turns.append(Turn(head, body, _SENTENCE_END.split(body)))
    return turns


def check(queries: list[Query], transcripts: Path = TRANSCRIPTS) -> dict[str, Any]:
    """Check the gold; raise on any broken query, return figures of the set."""
    docs = {p.name: turns_of(p) for p in sorted(transcripts.glob("*.txt"))}
    corpus = "\n".join(normalise(p.read_text(encoding="utf-8")) for p in transcripts.glob("*.txt"))
    problems = []
    positions = []
    seen = set()
    for q in queries:
        if q.id in seen:
            problems.append(f"{q.id}: id repeated")
        seen.add(q.id)
        turns = docs.get(q.doc)
        if turns is None or not 0 <= q.turn_index < len(turns):
            problems.append(f"{q.id}: no turn {q.turn_index} in {q.doc}")
            continue
        turn = turns[q.turn_index]
        sentence = normalise(q.sentence)
        if corpus.count(sentence) != 1:
            problems.append(f"{q.id}: target stands {corpus.count(sentence)} times in the corpus")
        if sentence not in turn.sentences:
            problems.append(f"{q.id}: target is not a sentence of turn {q.turn_index}")
            continue
        if len(turn.sentences) < 4:
            problems.append(f"{q.id}: turn has {len(turn.sentences)} sentences (< 4)")
        positions.append(turn.sentences.index(sentence))
    if problems:
        raise SystemExit("sentence_search gold is broken:\n  " + "\n  ".join(problems))
    answers = [t for ts in docs.values() for t in ts if t.speaker in ("참여자", "A")]
    sizes = [len(t.sentences) for t in answers]
    return {
        "documents": len(docs),
        "documents_ko": sum(1 for d in docs if d.startswith("kor-")),
        "documents_en": sum(1 for d in docs if d.startswith("eng-")),
        "turns": sum(len(ts) for ts in docs.values()),
        "answer_turns": len(answers),
        "answer_sentences_min_median_max": [min(sizes), statistics.median(sizes), max(sizes)],
        "queries": len(queries),
        "queries_by_direction": _count(q.direction for q in queries),
        "target_first_sentence": sum(1 for p in positions if p == 0),
        "target_later_sentence": sum(1 for p in positions if p > 0),
    }


def _count(keys: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in keys:
        out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items()))


def metrics(ranks: list[int | None]) -> dict[str, Any]:
    """recall@k and MRR of 1-based ranks (None: not in the hits returned)."""
    n = len(ranks)

    def at(k: int) -> float:
        return round(sum(1 for r in ranks if r is not None and r <= k) / n, 3)

    found = sorted(r for r in ranks if r is not None)
    return {
        "n": n,
        "recall@1": at(1),
        "recall@5": at(5),
        "recall@10": at(10),
        "mrr": round(sum(1 / r for r in found) / n, 3),
        "median_rank_found": statistics.median(found) if found else None,
        "not_found": n - len(found),
    }


def run(queries: list[Query], limit: int, transcripts: Path = TRANSCRIPTS) -> dict[str, Any]:
    from moksori.project import Project  # late: --src picks the tree first

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        with Project.create(Path(tmp) / "sentences.moksori", PASSPHRASE) as p:
            added = p.add([transcripts])
            errors = [o.to_json() for o in added.outcomes if o.status != "added"]
            if errors:
                raise SystemExit(f"transcripts not all added: {errors}")
            wall, cpu = time.perf_counter(), time.process_time()
            embedded = p.embed()
            embed_s = (time.perf_counter() - wall, time.process_time() - cpu)
            cpu = time.process_time()
            for q in queries:
                result = p.search(q.text, mode="semantic", limit=limit)
                target = normalise(q.sentence)
                rank = next(
                    (i for i, h in enumerate(result.hits, 1) if target in normalise(h.text)),
                    None,
                )
                top = result.hits[0] if result.hits else None
                rows.append(
                    {
                        "id": q.id,
                        "direction": q.direction,
                        "doc": q.doc,
                        "turn_index": q.turn_index,
                        "rank": rank,
                        "hits": len(result.hits),
                        "top_hit": f"{top.document}@{top.start}" if top else None,
                    }
                )
            search_cpu = time.process_time() - cpu
            info = p.info()
    ranks: list[int | None] = [r["rank"] for r in rows]
    by_lang = {
        lang: metrics([r["rank"] for r, q in zip(rows, queries, strict=True) if q.lang == lang])
        for lang in sorted({q.lang for q in queries})
    }
    by_direction = {
        d: metrics([r["rank"] for r in rows if r["direction"] == d])
        for d in sorted({r["direction"] for r in rows})
    }
    overall = metrics(ranks)
    return {
        "limit": limit,
        "passages_indexed": info.passages_indexed,
        "embed": {
            **{k: v for k, v in asdict(embedded).items()},
            "wall_s": round(embed_s[0], 2),
            "main_process_cpu_s": round(embed_s[1], 2),
        },
        "search_cpu_ms_per_query": round(1000 * search_cpu / len(queries), 1),
        "overall": overall,
        "by_query_language": by_lang,
        "by_direction": by_direction,
        "target_recall@5": TARGET_RECALL5,
        "target_met": overall["recall@5"] >= TARGET_RECALL5,
        "queries": rows,
    }


def table(figures: dict[str, Any]) -> str:
    lines = [
        f"{'set':<10} {'n':>3} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR':>6} {'missed':>6}",
    ]
    sets = {"all": figures["overall"], **figures["by_query_language"], **figures["by_direction"]}
    for name, m in sets.items():
        lines.append(
            f"{name:<10} {m['n']:>3} {m['recall@1']:>6.3f} {m['recall@5']:>6.3f}"
            f" {m['recall@10']:>6.3f} {m['mrr']:>6.3f} {m['not_found']:>6}"
        )
    met = "met" if figures["target_met"] else "NOT met"
    lines.append(f"target recall@5 >= {TARGET_RECALL5}: {met} (hits looked at: {figures['limit']})")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--set",
        choices=sorted(SETS),
        default="dev",
        help="dev: the set tuned on; heldout: the blind second set, scored once",
    )
    ap.add_argument("--limit", type=int, default=50, help="hits asked of each search")
    ap.add_argument("--check", action="store_true", help="check the gold only; no project")
    ap.add_argument("--src", type=Path, help="source tree to import moksori from")
    ap.add_argument("--out", type=Path, help="results file (default: per set)")
    ap.add_argument(
        "--note", default="", help="what was measured (e.g. the commit), kept in the JSON"
    )
    args = ap.parse_args()
    src = args.src or _HERE.parent / "src"
    sys.path.insert(0, str(src.resolve()))
    transcripts, queries_path, out = paths_of(args.set)
    queries = load_queries(queries_path)
    gold = check(queries, transcripts)
    print(json.dumps(gold, ensure_ascii=False))
    if args.check:
        return
    figures = run(queries, args.limit, transcripts)
    import moksori

    results = {
        "benchmark": "sentence_search",
        "set": args.set,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "source_tree": str(Path(moksori.__file__).resolve().parents[1]),
        "note": args.note,
        "gold": gold,
        **figures,
    }
    print(table(figures))
    out = args.out or out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"saved {out}")


if __name__ == "__main__":
    main()

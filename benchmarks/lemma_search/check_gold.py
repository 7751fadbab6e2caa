"""The gold answers of the lemma-search queries, computed from the patterns alone.

A passage is one speaker turn: a line that starts with a speaker label
(``면담자:``, ``구술자:``, ``Q:``, ``A:``) up to the next label; the blank lines
between turns are not part of it. Each query's gold is the set of turns its
regular expression matches. The patterns were written and read against the corpus
before any tuning of the analyser, so the analyser never decides what is right.

    python benchmarks/lemma_search/check_gold.py            # every query and its passages
    python benchmarks/lemma_search/check_gold.py D03 P01    # only these queries
    python benchmarks/lemma_search/check_gold.py --summary  # counts and checks only
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
QUERIES = HERE / "queries.tsv"
CLASSES = (
    "dictionary_form",
    "inflected_form",
    "noun",
    "nk_spelling",
    "compound_verb",
    "compound_noun",
    "proper_noun",
    "english",
)
LABEL = re.compile(r"^(?:면담자|구술자|Q|A):", re.MULTILINE)


@dataclass(frozen=True)
class Passage:
    doc: str  # file name in corpus/
    n: int  # turn number in the file, from 1
    start: int  # code-point offsets in the NFC text, end exclusive
    end: int
    text: str


@dataclass(frozen=True)
class Query:
    id: str
    cls: str
    query: str
    pattern: re.Pattern[str]
    note: str


def turns(doc: str, text: str) -> list[Passage]:
    """The speaker turns of one transcript (the text must already be NFC)."""
    starts = [m.start() for m in LABEL.finditer(text)]
    out = []
    for n, (a, b) in enumerate(zip(starts, [*starts[1:], len(text)], strict=True), 1):
        body = text[a:b].rstrip()
        out.append(Passage(doc, n, a, a + len(body), body))
    return out


def read_text(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8").replace("\r\n", "\n"))


def load_corpus(folder: Path = CORPUS) -> list[Passage]:
    return [p for f in sorted(folder.glob("*.txt")) for p in turns(f.name, read_text(f))]


def load_queries(path: Path = QUERIES) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Query(
            r["id"],
            r["class"],
            unicodedata.normalize("NFC", r["query"]),
            re.compile(r["pattern"]),
            r["note"],
        )
        for r in rows
    ]


def gold(query: Query, passages: list[Passage]) -> list[Passage]:
    return [p for p in passages if query.pattern.search(p.text)]


def traps(query: Query) -> list[str]:
    """The near-miss words a query's note names (``trap: a (why), b``)."""
    _, _, rest = query.note.partition("trap:")
    rest = re.sub(r"\(.*?\)", "", rest)  # the reasons in brackets are not words
    words = [w.strip() for w in rest.split(",")]
    return [w for w in words if w and w != "none"]


def problems(queries: list[Query], passages: list[Passage]) -> list[str]:
    """What would make the gold set unsound: no answer, a label matched, a trap absent."""
    out = []
    ids = [q.id for q in queries]
    if len(ids) != len(set(ids)):
        out.append("duplicate query ids")
    for q in queries:
        if q.cls not in CLASSES:
            out.append(f"{q.id}: unknown class {q.cls}")
        found = gold(q, passages)
        if not found:
            out.append(f"{q.id}: no passage matches")
        for p in found:
            m = q.pattern.search(p.text)
            if m and LABEL.match(p.text) and m.start() < p.text.index(":") + 1:
                out.append(f"{q.id}: matches a speaker label in {p.doc}#{p.n}")
        for w in traps(q):
            if not any(w in p.text and not q.pattern.search(p.text) for p in passages):
                out.append(f"{q.id}: trap {w!r} is not in any passage outside the gold")
    return out


def mark(p: Passage, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: f"[{m.group(0)}]", p.text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("ids", nargs="*", help="query ids to show (default: all)")
    ap.add_argument("--summary", action="store_true", help="counts and checks only")
    a = ap.parse_args()
    passages = load_corpus()
    queries = load_queries()
    shown = [q for q in queries if not a.ids or q.id in a.ids]
    for q in shown:
        found = gold(q, passages)
        print(f"{q.id} {q.cls} {q.query!r}: {len(found)} passages  ({q.note})")
        if not a.summary:
            for p in found:
                print(f"    {p.doc}#{p.n}: {mark(p, q.pattern)}")
    docs = {p.doc for p in passages}
    by_class = {c: sum(q.cls == c for q in queries) for c in CLASSES}
    print(f"\n{len(passages)} passages in {len(docs)} files; {len(queries)} queries {by_class}")
    with_traps = sum(bool(traps(q)) for q in queries)
    print(f"queries with near-miss traps named: {with_traps} ({with_traps / len(queries):.0%})")
    bad = problems(queries, passages)
    for b in bad:
        print("PROBLEM", b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

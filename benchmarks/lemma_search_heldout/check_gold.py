"""Print and check the held-out lemma-search gold (issue 19, point 5).

A second, blind set in the layout of benchmarks/lemma_search/: corpus/*.txt holds
one speaker turn per line, queries.tsv one query per line with a regular expression
that matches exactly the turns a researcher wants. This module is also what
benchmarks/lemma_search.py imports (`--set heldout`), so it must not use moksori:
the gold cannot depend on the analyser it scores.

    python benchmarks/lemma_search_heldout/check_gold.py            # every query, its turns
    python benchmarks/lemma_search_heldout/check_gold.py --summary  # counts and checks only
"""

from __future__ import annotations

import argparse
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
LABEL = re.compile(r"^(면담자|구술자|Q|A): ", re.M)


@dataclass(frozen=True)
class Passage:
    """One speaker turn: the line from its label to the end of the line."""

    doc: str
    n: int
    start: int
    end: int
    text: str
    label_end: int  # offset in `text` where the speech starts, after the label


@dataclass(frozen=True)
class Query:
    id: str
    cls: str
    query: str
    pattern: re.Pattern[str]
    note: str

    @property
    def traps(self) -> list[str]:
        """The near-miss surfaces the note names after `trap:` (parentheses dropped)."""
        if "trap:" not in self.note:
            return []
        tail = re.sub(r"\([^)]*\)", "", self.note.split("trap:", 1)[1])
        return [t.strip() for t in tail.split(",") if t.strip()]


def turns(doc: str, text: str) -> list[Passage]:
    """The turns of one document's text, with code-point offsets (end exclusive)."""
    out = []
    for i, m in enumerate(LABEL.finditer(text)):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        out.append(Passage(doc, i, m.start(), end, text[m.start() : end], m.end() - m.start()))
    return out


def load_corpus() -> list[Passage]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        out.extend(turns(path.name, path.read_text(encoding="utf-8")))
    return out


def load_queries() -> list[Query]:
    out = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        qid, cls, query, pattern, note = line.split("\t")
        out.append(Query(qid, cls, query, re.compile(pattern), note))
    return out


def gold(q: Query, passages: list[Passage]) -> list[Passage]:
    """The turns whose speech (after the label) the query's pattern matches."""
    return [p for p in passages if q.pattern.search(p.text, p.label_end)]


def problems(queries: list[Query], passages: list[Passage]) -> list[str]:
    """Everything that would make the set unfit to score against."""
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8")
        if raw != unicodedata.normalize("NFC", raw) or "\r" in raw:
            out.append(f"{path.name}: not NFC with LF line endings")
        for line in raw.split("\n"):
            if line and not LABEL.match(line):
                out.append(f"{path.name}: a line without a speaker label: {line[:30]}")
    ids = [q.id for q in queries]
    if len(ids) != len(set(ids)):
        out.append("duplicate query ids")
    for q in queries:
        if q.cls not in CLASSES:
            out.append(f"{q.id}: unknown class {q.cls}")
        if unicodedata.normalize("NFC", q.query) != q.query:
            out.append(f"{q.id}: query not NFC")
        found = gold(q, passages)
        if not found:
            out.append(f"{q.id} {q.query}: no passage")
        for p in passages:
            for m in q.pattern.finditer(p.text):
                if m.start() < p.label_end:
                    out.append(f"{q.id} {q.query}: matches the label of {p.doc}#{p.n}")
        inside = {(p.doc, p.n) for p in found}
        for t in q.traps:
            if not any(t in p.text for p in passages if (p.doc, p.n) not in inside):
                out.append(f"{q.id} {q.query}: trap {t!r} occurs in no turn outside the gold")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--summary", action="store_true", help="counts and checks only")
    a = ap.parse_args()
    passages = load_corpus()
    queries = load_queries()
    docs = sorted({p.doc for p in passages})
    for q in queries if not a.summary else []:
        found = gold(q, passages)
        print(f"\n{q.id} [{q.cls}] {q.query}  /{q.pattern.pattern}/  {len(found)} turns")
        print(f"    note: {q.note}")
        for p in found:
            shown = q.pattern.sub(lambda m: f"[{m.group(0)}]", p.text[p.label_end :])
            print(f"    {p.doc}#{p.n}: {shown}")
    korean = [q for q in queries if q.cls != "english"]
    trapped = [q for q in queries if q.traps]
    print(
        f"\n{len(docs)} files ({sum(d.startswith('ko') for d in docs)} Korean, "
        f"{sum(d.startswith('en') for d in docs)} English), {len(passages)} turns; "
        f"{len(queries)} queries ({len(korean)} Korean, {len(queries) - len(korean)} English), "
        f"{len(trapped)} with named traps"
    )
    for c in CLASSES:
        qs = [q for q in queries if q.cls == c]
        n_gold = sum(len(gold(q, passages)) for q in qs)
        print(f"  {c:16} {len(qs):>3} queries, {n_gold:>4} gold turns")
    bad = problems(queries, passages)
    for b in bad:
        print("PROBLEM:", b)
    print("checks: " + ("FAILED" if bad else "all passed"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Web-capture cleaning benchmark (issue 17): boilerplate removed, body kept, Q&A turns.

    python benchmarks/boilerplate.py --set dev       # tune on these
    python benchmarks/boilerplate.py --set heldout   # score once, at the end
    python benchmarks/boilerplate.py --set heldout2  # second held-out set, written blind
    python benchmarks/boilerplate.py --set heldout3  # third held-out set, written blind
    python benchmarks/boilerplate.py --set heldout4  # fourth held-out set, written blind
    python benchmarks/boilerplate.py --set dev5      # fifth set of site styles, dev
    python benchmarks/boilerplate.py --set heldout5  # fifth held-out set, written blind
    python benchmarks/boilerplate.py --set heldout6  # sixth held-out set, written blind
    python benchmarks/boilerplate.py --set heldout7  # seventh held-out set, written blind
    python benchmarks/boilerplate.py --set heldout8  # eighth held-out set, written blind

Fixtures live in tests/ingest/data/webpages/{dev,heldout}: ``NAME.txt`` (a page saved as
text) or ``NAME.html``, and ``NAME.gold`` listing its boilerplate lines (every other
non-blank visible line is body). ``@article: HEADLINE`` in the gold file says that a
Q&A interview is followed by an appended article from HEADLINE on.

Each page goes through the real ingest pipeline (``ingest_bytes``). A gold line counts
as removed when it is no line of the stored text (HTML: nor part of a longer stored
line); a body line counts as kept when it is. A Q&A page passes when no speaker turn
reaches into its appended article. Prints a table and saves
benchmarks/results/boilerplate.json (one key per set).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
PAGES = REPO / "tests" / "ingest" / "data" / "webpages"
sys.path.insert(0, str(REPO / "src"))

from moksori.ingest.pipeline import ingest_bytes  # noqa: E402 - after the path is set
from moksori.ingest.readers.html import parse_html, visible_lines  # noqa: E402


@dataclass
class PageScore:
    name: str
    boilerplate: int
    removed: int
    body: int
    kept: int
    qa_pages: int = 0
    qa_ok: int = 0
    missed: list[str] = field(default_factory=list)  # boilerplate left in
    lost: list[str] = field(default_factory=list)  # body lines dropped


def _gold(path: Path) -> tuple[set[str], str | None]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    heads = [ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("@article:")]
    article = heads[0] if heads else None
    return {ln for ln in lines if not ln.startswith("@")}, article


def _page_lines(page: Path) -> list[str]:
    if page.suffix == ".html":
        return visible_lines(parse_html(page.read_text(encoding="utf-8"), page.name))
    return [ln.strip() for ln in page.read_text(encoding="utf-8").split("\n") if ln.strip()]


def score_page(page: Path) -> PageScore:
    boiler, article = _gold(page.with_suffix(".gold"))
    lines = _page_lines(page)
    unknown = boiler - set(lines)
    if unknown:
        raise SystemExit(f"{page.name}: gold lines not on the page: {sorted(unknown)}")
    doc = ingest_bytes(page.read_bytes(), page.name).documents[0]
    stored = {ln.strip() for ln in doc.text.split("\n")}

    def kept(line: str) -> bool:
        # An HTML table's cell is stored inside its row ("| 2019 | 41 |"): a short cell is
        # still there when the row holds it between its bars.
        return line in stored or (
            page.suffix == ".html"
            and ((len(line) >= 20 and line in doc.text) or f"| {line} |" in doc.text)
        )

    body_lines = [ln for ln in dict.fromkeys(lines) if ln not in boiler]
    score = PageScore(
        page.name,
        boilerplate=len(boiler),
        removed=sum(1 for ln in boiler if not kept(ln)),
        body=len(body_lines),
        kept=sum(1 for ln in body_lines if kept(ln)),
        missed=sorted(ln for ln in boiler if kept(ln)),
        lost=[ln for ln in body_lines if not kept(ln)],
    )
    if article is not None:
        score.qa_pages = 1
        at = doc.text.find(article)
        turns = [s for s in doc.segments if s.kind == "turn"]
        score.qa_ok = int(at >= 0 and bool(turns) and all(s.end <= at for s in turns))
    return score


def run(which: str) -> dict[str, object]:
    pages = sorted(p for p in (PAGES / which).iterdir() if p.suffix in (".txt", ".html"))
    scores = [score_page(p) for p in pages]
    print(f"{'page':<22}{'boiler':>8}{'removed':>9}{'body':>7}{'kept':>7}{'Q&A ok':>8}")
    for s in scores:
        qa = f"{s.qa_ok}/{s.qa_pages}" if s.qa_pages else "-"
        print(f"{s.name:<22}{s.boilerplate:>8}{s.removed:>9}{s.body:>7}{s.kept:>7}{qa:>8}")
    total = {
        k: sum(getattr(s, k) for s in scores)
        for k in ("boilerplate", "removed", "body", "kept", "qa_pages", "qa_ok")
    }
    removed_share = total["removed"] / total["boilerplate"]
    kept_share = total["kept"] / total["body"]
    print(
        f"\n{which}: boilerplate removed {removed_share:.3f} (target >= 0.95), "
        f"body kept {kept_share:.3f} (target >= 0.99), "
        f"Q&A pages whose turns stop at the article {total['qa_ok']}/{total['qa_pages']}"
    )
    for s in scores:
        for ln in s.missed:
            print(f"  left in  {s.name}: {ln}")
        for ln in s.lost:
            print(f"  LOST     {s.name}: {ln}")
    return {
        "set": which,
        "pages": len(scores),
        **total,
        "boilerplate_removed": round(removed_share, 4),
        "body_kept": round(kept_share, 4),
        "per_page": [asdict(s) for s in scores],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set",
        choices=(
            "dev",
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "dev5",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
        ),
        default="dev",
        dest="which",
    )
    args = parser.parse_args()
    result = run(args.which)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "boilerplate.json"
    saved = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    saved[args.which] = result
    out.write_text(json.dumps(saved, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Long passages shared between documents: planted articles found, distinct interviews not merged.

A corpus of synthetic interviews (``corpus._interview``: Korean, English and
bilingual transcripts that draw the same interview questions, follow-ups and
short answers from one bank) gets ``--plants`` news articles (300–3000
characters, Korean or English, all invented), each put into two interviews:
appended to the last answer's line (merged into the turn, as on the NGO page of
issue 17, followed by the page's own trailer line), or as its own block under
the site's own heading, re-wrapped at another width,
with changed punctuation, spacing and case. A third of the interviews also
carry the same interviewer protocol (six questions read in one turn), which
must not count as shared.

Reported: planted pairs detected (both copies linked, ≥ 90% of each copy
covered), false merges (links that are not a planted pair, or whose span is
mostly outside the planted copy), boundary error in code points, and the time
``Project.add`` takes with detection as a ratio to the same add without it, at
two corpus sizes.

``python benchmarks/shared_passages.py [--sizes 120,1000] [--plants 40] [--repeats 2]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
for _p in (str(_HERE), str(_HERE.parent / "src")):
    if _p not in sys.path:
        sys.path.insert(0, _p)
import corpus  # noqa: E402
import sentence_bank as bank  # noqa: E402

from moksori import sources  # noqa: E402
from moksori.project import Project  # noqa: E402
from moksori.store import shared_passages as store_shared  # noqa: E402

RESULTS = _HERE / "results" / "shared_passages.json"
PASSPHRASE = "benchmark shared passages 2026"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [x for v in value for x in _strings(v)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _strings(v)]
    return []


def _vocabulary() -> dict[str, list[str]]:
    """Words of the sentence bank, by script: what invented article text is drawn from."""
    words: dict[str, set[str]] = {"ko": set(), "en": set()}
    for name in dir(bank):
        for text in _strings(getattr(bank, name)):
            for w in text.split():
                w = w.strip(".,?!…'\"“”()[]{}|")
                w = w.strip("`")
                if not w or "{" in w or "}" in w or "/" in w:
                    continue
                hangul = any("\uac00" <= c <= "\ud7a3" for c in w)
                if hangul or w.isascii() and w.isalpha():
                    words["ko" if hangul else "en"].add(w.lower() if not hangul else w)
    return {k: sorted(v) for k, v in words.items()}


_VOCAB = _vocabulary()


def article(rng: random.Random, lang: str) -> str:
    """An invented article of 300–3000 characters: sentences of words drawn from the
    bank's vocabulary, so no two articles share more than a chance word or two (a
    template would make every article share its fixed phrases, which real articles
    do not)."""
    target = rng.randint(300, 3000)
    words = _VOCAB[lang]
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < target:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(5, 14)))
        if rng.random() < 0.3:
            sentence += f" {rng.randint(2, 2025)}"
        out.append(sentence[0].upper() + sentence[1:] + ("." if lang == "en" else "다."))
    text = ""
    for s in out:  # paragraphs of a few sentences
        sep = "" if not text else ("\n\n" if rng.random() < 0.3 else " ")
        text += sep + s
    return text


def variant(text: str, rng: random.Random, lang: str) -> str:
    """The same article as another site prints it: punctuation, spacing, case, wrapping."""
    if rng.random() < 0.5:
        text = text.replace(", ", " , ").replace(". ", ".  ")
    if rng.random() < 0.5:
        text = text.replace(".", "!") if lang == "en" else text.replace("다.", "다 .")
    if lang == "en" and rng.random() < 0.4:
        text = text.upper() if rng.random() < 0.3 else text.lower()
    if lang == "ko" and rng.random() < 0.5:
        text = text.replace("할 계획", "할계획").replace("두 번째", "두번째").replace(" 명", "명")
    if rng.random() < 0.6:
        width = rng.randint(35, 80)
        text = "\n\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))
    return text


@dataclass
class Plant:
    first: int  # index of the interview it is put in first
    second: int
    spans: dict[int, tuple[int, int]]  # interview index -> (start, end) in its text


_HEADINGS = {
    "en": ("Related article", "Read more", "From our partners", "In the news"),
    "ko": ("관련 기사", "함께 읽기", "추천 글", "언론 보도"),
}
_TRAILERS = {
    "en": ("Subscribe to our newsletter.", "Share this story.", "Donate today."),
    "ko": ("뉴스레터를 구독하세요.", "이 글을 공유하세요.", "후원으로 함께해 주세요."),
}


def _merge_into_last_turn(doc: str, art: str, trailer: str) -> tuple[str, int]:
    """The article (then a page's trailer line) appended to the last speaker turn's line."""
    lines = doc.rstrip("\n").split("\n")
    k = max(i for i, line in enumerate(lines) if ": " in line[:30])
    before = "\n".join(lines[:k] + [lines[k]]) + " "
    merged = before + art + " " + trailer
    return merged + "\n" + "\n".join(lines[k + 1 :]) + "\n", len(before)


def _as_block(doc: str, art: str, rng: random.Random, heading: str) -> tuple[str, int]:
    paras = doc.rstrip("\n").split("\n\n")
    at = rng.randint(max(1, len(paras) // 2), len(paras))
    head = "\n\n".join(paras[:at]) + f"\n\n{heading}\n\n"
    return head + art + "\n\n" + "\n\n".join(paras[at:]) + "\n", len(head)


def build_corpus(out: Path, docs: int, plants: int, seed: int) -> tuple[list[Path], list[Plant]]:
    rng = random.Random(f"shared-passages:{seed}")
    b = corpus._Bank(seed)
    texts: list[str] = []
    langs: list[str] = []
    protocol_ko = " ".join(q[0][0] for q in list(bank.QUESTIONS.values())[:6])
    protocol_en = " ".join(q[0][1] for q in list(bank.QUESTIONS.values())[:6])
    for i in range(docs):
        lang, text = corpus._interview(i, seed, b, rng.randint(4000, 9000))
        if rng.random() < 0.34:  # the same protocol read to this participant
            label = "Q" if lang == "en" else "면접자"
            protocol = protocol_en if lang == "en" else protocol_ko
            paras = text.split("\n\n")
            paras.insert(3, f"{label}: {protocol}")
            text = "\n\n".join(paras)
        texts.append(text)
        langs.append("en" if lang == "en" else "ko")
    order = list(range(docs))
    rng.shuffle(order)
    planted: list[Plant] = []
    for k in range(min(plants, docs // 2)):
        a, c = order[2 * k], order[2 * k + 1]
        lang = rng.choice(("ko", "en", langs[a]))
        art = article(rng, lang)
        spans: dict[int, tuple[int, int]] = {}
        headings = rng.sample(_HEADINGS[lang], 2)  # each site words it its own way
        trailers = rng.sample(_TRAILERS[lang], 2)
        for n, (idx, copy) in enumerate(((a, art), (c, variant(art, rng, lang)))):
            if rng.random() < 0.5:
                copy = copy.replace("\n\n", " ")
                texts[idx], start = _merge_into_last_turn(texts[idx], copy, trailers[n])
            else:
                texts[idx], start = _as_block(texts[idx], copy, rng, headings[n])
            spans[idx] = (start, start + len(copy))
        planted.append(Plant(a, c, spans))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = out / f"doc-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths, planted


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(p: Project, paths: list[Path], planted: list[Plant]) -> dict[str, Any]:
    ids = {i: p.resolve_document(path.name) for i, path in enumerate(paths)}
    index_of = {d: i for i, d in ids.items()}
    texts = {i: p.document(ids[i]).text for i in ids}
    files = {i: path.read_text(encoding="utf-8") for i, path in enumerate(paths)}
    assert all(texts[i] == files[i].rstrip("\n") or texts[i] == files[i] for i in ids), (
        "stored text differs from the file: planted offsets would not hold"
    )
    rows = p.conn.execute(
        "SELECT first_id, first_start, first_end, later_id, later_start, later_end "
        "FROM shared_passage"
    ).fetchall()
    by_pair: dict[frozenset[int], list[tuple[Any, ...]]] = {}
    for r in rows:
        by_pair.setdefault(frozenset((index_of[r[0]], index_of[r[3]])), []).append(r)
    detected, errors, false_merges = 0, [], 0
    used: set[int] = set()
    for plant in planted:
        links = by_pair.get(frozenset((plant.first, plant.second)), [])
        ok = False
        for r in links:
            side = {index_of[r[0]]: (r[1], r[2]), index_of[r[3]]: (r[4], r[5])}
            covered = all(
                _overlap(side[i], plant.spans[i]) >= 0.9 * (plant.spans[i][1] - plant.spans[i][0])
                for i in side
            )
            if covered:
                ok = True
                used.add(id(r))
                for i in side:
                    errors.append(abs(side[i][0] - plant.spans[i][0]))
                    errors.append(abs(side[i][1] - plant.spans[i][1]))
        detected += ok
    for pair, links in by_pair.items():
        spans_of = next(
            (pl.spans for pl in planted if frozenset((pl.first, pl.second)) == pair), None
        )
        for r in links:
            if id(r) in used:
                continue
            inside = spans_of is not None and all(
                _overlap(s, spans_of[index_of[d]]) >= 0.5 * (s[1] - s[0])
                for d, s in ((r[0], (r[1], r[2])), (r[3], (r[4], r[5])))
            )
            false_merges += not inside  # a piece of a planted pair is not a merge
    # passages marked as repeats (either mechanism) outside every planted copy
    planted_at = {i: span for pl in planted for i, span in pl.spans.items()}
    stray = sum(
        1
        for d, a, b in p.conn.execute(
            'SELECT document_id, start, "end" FROM segment WHERE duplicate_of IS NOT NULL'
        )
        if index_of[d] not in planted_at or not _overlap((a, b), planted_at[index_of[d]])
    )
    errors.sort()
    return {
        "repeats_outside_plants": stray,
        "planted": len(planted),
        "detected": detected,
        "detection_rate": round(detected / len(planted), 4) if planted else None,
        "links": len(rows),
        "false_merges": false_merges,
        "boundary_error_mean": round(sum(errors) / len(errors), 2) if errors else None,
        "boundary_error_max": errors[-1] if errors else None,
        "boundaries_within_2": round(sum(e <= 2 for e in errors) / len(errors), 4)
        if errors
        else None,
    }


def timed_add(paths: list[Path], detect: bool, workers: int) -> tuple[float, float, Project, Path]:
    folder = Path(tempfile.mkdtemp(prefix="moksori-shared-"))
    path = folder / "bench.moksori"
    spent = [0.0]
    original = store_shared.scan_document

    def measured(conn: Any, doc_id: int) -> int:
        t = time.perf_counter()
        found = original(conn, doc_id) if detect else 0
        spent[0] += time.perf_counter() - t
        return found

    sources.shared_passages.scan_document = measured  # type: ignore[assignment]
    try:
        p = Project.create(path, PASSPHRASE)
        t0 = time.perf_counter()
        p.add(paths, workers=workers)
        total = time.perf_counter() - t0
    finally:
        sources.shared_passages.scan_document = original  # type: ignore[assignment]
    return total, spent[0], p, folder


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def run(sizes: list[int], plants: int, seed: int, workers: int, repeats: int) -> dict[str, Any]:
    """Each size: adds without and with detection, alternating, ``repeats`` times each
    (fastest kept: the machine is shared), after a warm-up add that loads the analyser."""
    results: dict[str, Any] = {
        "plants": plants,
        "seed": seed,
        "workers": workers,
        "repeats": repeats,
        "sizes": [],
    }
    with tempfile.TemporaryDirectory(prefix="moksori-shared-warm-") as tmp:
        warm, _ = build_corpus(Path(tmp), 4, 0, seed + 1)
        _, _, p, folder = timed_add(warm, True, workers)
        p.close()
        _remove(folder)
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="moksori-shared-corpus-") as tmp:
            paths, planted = build_corpus(Path(tmp), size, plants, seed)
            chars = sum(len(x.read_text(encoding="utf-8")) for x in paths)
            without: list[float] = []
            with_: list[float] = []
            detect: list[float] = []
            scored: dict[str, Any] = {}
            for _ in range(repeats):
                base, _, p, folder = timed_add(paths, False, workers)
                p.close()
                _remove(folder)
                without.append(base)
                total, detect_s, p, folder = timed_add(paths, True, workers)
                with_.append(total)
                detect.append(detect_s)
                scored = score(p, paths, planted)
                scored["fingerprint_rows"] = p.conn.execute(
                    "SELECT count(*) FROM passage_fingerprint"
                ).fetchone()[0]
                p.close()
                _remove(folder)
        base, total, detect_s = min(without), min(with_), min(detect)
        results["sizes"].append(
            {
                "documents": size,
                "characters": chars,
                **scored,
                "add_seconds_without": round(base, 2),
                "add_seconds_with": round(total, 2),
                "detection_seconds": round(detect_s, 2),
                "detection_ms_per_document": round(1000 * detect_s / size, 1),
                "add_time_ratio": round(total / base, 3),
                "detection_share_of_add": round(detect_s / base, 3),
            }
        )
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="120,1000")
    ap.add_argument("--plants", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = run(sizes, args.plants, args.seed, args.workers, args.repeats)
    cols = (
        "documents planted detected detection_rate false_merges repeats_outside_plants "
        "boundary_error_mean "
        "boundary_error_max add_seconds_without add_seconds_with add_time_ratio "
        "detection_ms_per_document"
    ).split()
    print(" | ".join(cols))
    for row in results["sizes"]:
        print(" | ".join(str(row[c]) for c in cols))
    if not args.no_save:
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"saved {RESULTS.relative_to(_HERE.parent)}")


if __name__ == "__main__":
    main()

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
must not count as shared. ``--hard N`` adds N cases of the kinds a blind set may
hold (``HARD_KINDS``: Korean re-spaced, OCR-like letters dropped and doubled, a
copy broken by two page lines, a short copy quoted inside an answer, one article
on 3-4 documents, an HTML copy, copies of about 300 characters), each detected
when every copy is linked to another and its marks cover >= 90% of it.

Reported: planted pairs detected (both copies linked, ≥ 90% of each copy
covered), false merges (links that are not a planted pair, or whose span is
mostly outside the planted copy), boundary error in code points, and the time
``Project.add`` takes with detection as a ratio to the same add without it, at
two corpus sizes.

``python benchmarks/shared_passages.py [--sizes 120,1000] [--plants 40] [--hard 21] [--repeats 2]``
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
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


def article(rng: random.Random, lang: str, size: tuple[int, int] = (300, 3000)) -> str:
    """An invented article of 300–3000 characters: sentences of words drawn from the
    bank's vocabulary, so no two articles share more than a chance word or two (a
    template would make every article share its fixed phrases, which real articles
    do not)."""
    target = rng.randint(*size)
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
    kind: str = "plain"  # a hard case (HARD_KINDS) is scored on the union of its marks
    copies: dict[int, str] = field(default_factory=dict)  # hard cases: each copy's text


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


def build_corpus(
    out: Path, docs: int, plants: int, seed: int, hard: int = 0
) -> tuple[list[Path], list[Plant]]:
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
    free = order[2 * min(plants, docs // 2) :]
    html = _plant_hard(texts, langs, free, hard, rng, planted)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        if i in html:
            path = out / f"doc-{i:05d}.html"
            path.write_text(_as_html(text), encoding="utf-8")
        else:
            path = out / f"doc-{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths, planted


# What the next blind set may hold: Korean re-spaced (띄어쓰기), OCR-like dropped and
# doubled letters, a copy broken in two places by other lines, a short copy quoted
# inside a longer answer, one article on 3-4 documents, an HTML copy of a text one,
# and copies of about 300 characters.
HARD_KINDS = ("spacing", "ocr", "split", "quoted", "multi", "html", "short")


def _respace(text: str, rng: random.Random) -> str:
    """Korean spacing as another writer does it: some words joined, some split."""
    words = [w[:2] + " " + w[2:] if len(w) >= 4 and rng.random() < 0.15 else w
             for w in text.split(" ")]  # fmt: skip
    return "".join((" " if k and rng.random() >= 0.3 else "") + w for k, w in enumerate(words))


def _ocr(text: str, rng: random.Random) -> str:
    """About one letter in 60 dropped or doubled, as a scan's text has them."""
    out: list[str] = []
    for ch in text:
        r = rng.random()
        if ch.isalnum() and r < 1 / 120:
            continue
        out.append(ch + ch if ch.isalnum() and r > 1 - 1 / 120 else ch)
    return "".join(out)


_BREAKS = {
    "en": ("[Advertisement]", "Photo: courtesy of the family, used with permission"),
    "ko": ("[광고]", "사진: 가족 제공, 허락을 받고 실음"),
}


def _split(text: str, rng: random.Random, lang: str) -> str:
    """The copy broken by two lines of the page (an ad, a photo caption)."""
    stops = [i + 1 for i, ch in enumerate(text) if ch in ".!" and 0.2 < i / len(text) < 0.8]
    if len(stops) < 2:
        return text
    a, b = sorted(rng.sample(stops, 2))
    one, two = _BREAKS[lang]
    return f"{text[:a]}\n\n{one}\n\n{text[a:b].lstrip()}\n\n{two}\n\n{text[b:].lstrip()}"


def _quote_in_turn(doc: str, copy: str, rng: random.Random, lang: str) -> tuple[str, int]:
    """A short copy quoted in the middle of an answer, with the speaker's own words
    before and after it."""
    lines = doc.split("\n")
    turns = [i for i, line in enumerate(lines) if ": " in line[:30]]
    k = turns[len(turns) // 2]
    intro = ' 신문에서 이렇게 읽었어요. "' if lang == "ko" else ' I read this in the paper: "'
    outro = '" 제 고향도 그랬어요.' if lang == "ko" else '" My town was like that too.'
    before = "\n".join(lines[:k] + [lines[k]]) + intro
    text = before + copy.replace("\n\n", " ") + outro + "\n" + "\n".join(lines[k + 1 :])
    return text, len(before)


def _as_html(text: str) -> str:
    paras = "\n".join(
        "<p>" + html.escape(p, quote=False).replace("\n", "<br>") + "</p>"
        for p in text.split("\n\n")
    )
    head = "<!doctype html><html><head><title>Interview</title></head>"
    return f"{head}<body><article>\n{paras}\n</article></body></html>"


def _plant_hard(
    texts: list[str],
    langs: list[str],
    free: list[int],
    count: int,
    rng: random.Random,
    planted: list[Plant],
) -> set[int]:
    """Plant ``count`` hard cases (HARD_KINDS in turn) in the unused documents; returns
    the documents to write as HTML. Their copies are found in the stored text by
    :func:`_locate` (an HTML reader lays text out its own way)."""
    html_docs: set[int] = set()
    for k in range(count):
        kind = HARD_KINDS[k % len(HARD_KINDS)]
        n = rng.choice((3, 4)) if kind == "multi" else 2
        if len(free) < n:
            break
        group, free = free[:n], free[n:]
        lang = "ko" if kind == "spacing" else rng.choice(("ko", "en", langs[group[0]]))
        size = (300, 340) if kind == "short" else (300, 700) if kind == "quoted" else (600, 2500)
        art = article(rng, lang, size)
        copies: dict[int, str] = {}
        for m, idx in enumerate(group):
            copy = art if m == 0 else variant(art, rng, lang)
            if m and kind == "spacing":
                copy = _respace(copy, rng)
            elif m and kind == "ocr":
                copy = _ocr(copy, rng)
            elif m and kind == "split":
                copy = _split(copy, rng, lang)
            if m and kind == "quoted":
                texts[idx], _ = _quote_in_turn(texts[idx], copy, rng, lang)
            elif kind not in ("html", "split") and rng.random() < 0.5:
                copy = copy.replace("\n\n", " ")
                texts[idx], _ = _merge_into_last_turn(texts[idx], copy, _TRAILERS[lang][m % 3])
            else:
                texts[idx], _ = _as_block(texts[idx], copy, rng, _HEADINGS[lang][m % 4])
            if m and kind == "html":
                html_docs.add(idx)
            copies[idx] = copy
        planted.append(Plant(group[0], group[1], {}, kind, copies))
    return html_docs


def _squeeze(text: str) -> tuple[str, list[int]]:
    keep = [(i, ch.casefold()) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(c for _, c in keep), [i for i, _ in keep]


def _locate(stored: str, copy: str) -> tuple[int, int] | None:
    """Where a copy lies in a document's stored text, whatever its whitespace and case."""
    hay, where = _squeeze(stored)
    needle, _ = _squeeze(copy)
    at = hay.find(needle)
    return None if at < 0 else (where[at], where[at + len(needle) - 1] + 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _hard_detected(plant: Plant, by_pair: dict[frozenset[int], list[Any]], index_of: Any) -> bool:
    """Every copy linked to another copy of the group, its marks covering >= 90% of it."""
    for d, span in plant.spans.items():
        marks = [
            (r[1], r[2]) if index_of[r[0]] == d else (r[4], r[5])
            for o in plant.spans
            if o != d
            for r in by_pair.get(frozenset((d, o)), [])
        ]
        got = sum(_overlap(m, span) for m in _union(marks))
        if not marks or got < 0.9 * (span[1] - span[0]):
            return False
    return True


def score(p: Project, paths: list[Path], planted: list[Plant]) -> dict[str, Any]:
    ids = {i: p.resolve_document(path.name) for i, path in enumerate(paths)}
    index_of = {d: i for i, d in ids.items()}
    texts = {i: p.document(ids[i]).text for i in ids}
    files = {i: path.read_text(encoding="utf-8") for i, path in enumerate(paths)}
    assert all(
        texts[i] == files[i].rstrip("\n") or texts[i] == files[i]
        for i in ids
        if paths[i].suffix == ".txt"
    ), "stored text differs from the file: planted offsets would not hold"
    unfound = 0
    for plant in planted:
        for i, copy in plant.copies.items():
            where = _locate(texts[i], copy)
            unfound += where is None
            plant.spans[i] = where or (0, 0)
    rows = p.conn.execute(
        "SELECT first_id, first_start, first_end, later_id, later_start, later_end "
        "FROM shared_passage"
    ).fetchall()
    by_pair: dict[frozenset[int], list[tuple[Any, ...]]] = {}
    for r in rows:
        by_pair.setdefault(frozenset((index_of[r[0]], index_of[r[3]])), []).append(r)
    detected, errors, false_merges = 0, [], 0
    hard: dict[str, list[int]] = {}
    used: set[int] = set()
    for plant in planted:
        if plant.kind != "plain":
            ok = _hard_detected(plant, by_pair, index_of)
            hard.setdefault(plant.kind, [0, 0])[0] += ok
            hard[plant.kind][1] += 1
            continue
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
        spans_of = next((pl.spans for pl in planted if pair <= pl.spans.keys()), None)
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
    plain = [pl for pl in planted if pl.kind == "plain"]
    return {
        "repeats_outside_plants": stray,
        "planted": len(plain),
        "detected": detected,
        "detection_rate": round(detected / len(plain), 4) if plain else None,
        "hard_detected": {k: f"{v[0]}/{v[1]}" for k, v in hard.items()},
        "hard_copies_not_located": unfound,
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

    def measured(conn: Any, doc_id: int, *args: Any) -> int:
        t = time.perf_counter()
        found = original(conn, doc_id, *args) if detect else 0
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


def run(
    sizes: list[int], plants: int, seed: int, workers: int, repeats: int, hard: int = 0
) -> dict[str, Any]:
    """Each size: adds without and with detection, alternating, ``repeats`` times each
    (fastest kept: the machine is shared), after a warm-up add that loads the analyser."""
    results: dict[str, Any] = {
        "plants": plants,
        "hard_plants": hard,
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
            paths, planted = build_corpus(Path(tmp), size, plants, seed, hard)
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
    ap.add_argument("--hard", type=int, default=0, help="hard cases (HARD_KINDS in turn)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = run(sizes, args.plants, args.seed, args.workers, args.repeats, args.hard)
    cols = (
        "documents planted detected detection_rate false_merges repeats_outside_plants "
        "hard_detected boundary_error_mean "
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

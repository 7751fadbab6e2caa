#!/usr/bin/env python3
"""Validate the bilingual held-in sets in this folder and print a summary table.

    python benchmarks/bilingual/check_data.py [FOLDER]

Checks ``alignment.jsonl`` (gold Korean/English sentence alignment) and
``retrieval.json`` (cross-lingual query -> passage pairs): JSON parses, every
sentence index is covered by exactly one link, links are monotonic, link types and
counts meet the minimums of issue #6, every relevant id exists, text is NFC with no
CR and no BOM. Standard library only. Exits 1 on any problem, 0 otherwise.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

# Minimums the sets were written to meet (issue #6 and the brief that produced them).
MIN_KO_SENTENCES = 320
MIN_NON_1_1_SHARE = 0.15
MIN_PER_TYPE = {"1-2": 8, "2-1": 8, "1-0": 8, "0-1": 4}
ALLOWED_TYPES = {"1-1", "1-2", "2-1", "1-0", "0-1"}
MIN_PASSAGES = 240
MIN_QUERIES = 70
MIN_CROSS_PER_DIRECTION = 35
REQUIRED_PAIR = (
    "asks strangers on the internet instead of people she knows",
    "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요",
)

# A sentence boundary inside one item: end punctuation, not closing a quotation,
# then space and something that starts a new sentence (capital, digit, Hangul, quote).
_INNER_BOUNDARY = re.compile(r"[.!?…](?![\"'”’)\]])\s+(?=[A-Z0-9\"“‘\[\uac00-\ud7a3])")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")


def check_raw(path: Path, rep: Report) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        rep.bad(path.name, f"cannot read ({exc})")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        rep.bad(path.name, "starts with a UTF-8 BOM")
    if b"\r" in data:
        rep.bad(path.name, "contains CR characters")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.bad(path.name, f"not UTF-8 ({exc})")
        return None
    if unicodedata.normalize("NFC", text) != text:
        rep.bad(path.name, "file is not NFC-normalised")
    return text


def check_text(where: str, text: object, rep: Report) -> bool:
    if not isinstance(text, str) or not text.strip():
        rep.bad(where, "empty or non-string text")
        return False
    if text != text.strip():
        rep.bad(where, "leading or trailing whitespace")
    if unicodedata.normalize("NFC", text) != text:
        rep.bad(where, "text is not NFC")
    if "\r" in text or "\ufeff" in text:
        rep.bad(where, "text contains CR or BOM")
    return True


def sentence_count(text: str) -> int:
    return len(_INNER_BOUNDARY.findall(text)) + 1


def link_type(link: list) -> str:
    return f"{len(link[0])}-{len(link[1])}"


def check_alignment(path: Path, rep: Report) -> dict:
    stats: dict = {
        "excerpts": 0,
        "ko": 0,
        "en": 0,
        "links": Counter(),
        "speaker_labelled": 0,
        "unlabelled": 0,
    }
    text = check_raw(path, rep)
    if text is None:
        return stats
    seen_ids: set[str] = set()
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            ex = json.loads(line)
        except json.JSONDecodeError as exc:
            rep.bad(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(ex, dict) or set(ex) != {"id", "ko", "en", "links"}:
            rep.bad(where, "object must have exactly the keys id, ko, en, links")
            continue
        eid = ex["id"]
        where = f"{path.name}:{lineno} ({eid})"
        if eid in seen_ids:
            rep.bad(where, "duplicate id")
        seen_ids.add(eid)
        stats["excerpts"] += 1
        labelled = None
        for side in ("ko", "en"):
            items = ex[side]
            if not isinstance(items, list) or not items:
                rep.bad(where, f"{side} must be a non-empty list")
                ex[side] = []
                continue
            speakers = set()
            for i, item in enumerate(items):
                w = f"{where} {side}[{i}]"
                if not isinstance(item, dict) or set(item) != {"speaker", "text"}:
                    rep.bad(w, "item must have exactly the keys speaker, text")
                    continue
                if not check_text(w, item["text"], rep):
                    continue
                sp = item["speaker"]
                if sp is not None and not (isinstance(sp, str) and sp.strip()):
                    rep.bad(w, "speaker must be a non-empty string or null")
                speakers.add(sp)
                if sentence_count(item["text"]) > 1:
                    rep.bad(w, f"looks like more than one sentence: {item['text']!r}")
                has_hangul = bool(_HANGUL.search(item["text"]))
                if side == "en" and has_hangul:
                    rep.bad(w, "Hangul in an English sentence")
                if side == "ko" and not has_hangul:
                    rep.bad(w, "no Hangul in a Korean sentence")
            side_labelled = None not in speakers
            if None in speakers and len(speakers) > 1:
                rep.bad(where, f"{side}: mixes speaker labels and null")
            if labelled is not None and labelled != side_labelled:
                rep.bad(where, "one side has speaker labels and the other has none")
            labelled = side_labelled
        if labelled:
            stats["speaker_labelled"] += 1
        else:
            stats["unlabelled"] += 1
        nko, nen = len(ex["ko"]), len(ex["en"])
        stats["ko"] += nko
        stats["en"] += nen
        links = ex["links"]
        if not isinstance(links, list) or not links:
            rep.bad(where, "links must be a non-empty list")
            continue
        ko_cov: Counter = Counter()
        en_cov: Counter = Counter()
        last_ko = last_en = -1
        for j, link in enumerate(links):
            w = f"{where} links[{j}]"
            if (
                not isinstance(link, list)
                or len(link) != 2
                or not all(isinstance(s, list) for s in link)
                or not all(isinstance(i, int) for s in link for i in s)
            ):
                rep.bad(w, "link must be [[ko indices], [en indices]]")
                continue
            kos, ens = link
            t = link_type(link)
            stats["links"][t] += 1
            if t not in ALLOWED_TYPES:
                rep.bad(w, f"link type {t} is not one of {sorted(ALLOWED_TYPES)}")
            for side, idx, n in (("ko", kos, nko), ("en", ens, nen)):
                if idx != sorted(idx) or (idx and idx != list(range(idx[0], idx[-1] + 1))):
                    rep.bad(w, f"{side} indices must be consecutive and ascending: {idx}")
                for i in idx:
                    if not 0 <= i < n:
                        rep.bad(w, f"{side} index {i} out of range 0..{n - 1}")
            ko_cov.update(kos)
            en_cov.update(ens)
            if kos:
                if kos[0] <= last_ko:
                    rep.bad(w, "ko indices not monotonic")
                last_ko = kos[-1]
            if ens:
                if ens[0] <= last_en:
                    rep.bad(w, "en indices not monotonic")
                last_en = ens[-1]
            # Turn integrity: a link does not join sentences of different speakers.
            spk = {
                ex["ko"][i]["speaker"]
                for i in kos
                if 0 <= i < nko and isinstance(ex["ko"][i], dict)
            }
            if len(spk) > 1:
                rep.bad(w, f"ko sentences of different speakers in one link: {spk}")
        for side, cov, n in (("ko", ko_cov, nko), ("en", en_cov, nen)):
            missing = [i for i in range(n) if cov[i] == 0]
            dup = [i for i, c in cov.items() if c > 1]
            if missing:
                rep.bad(where, f"{side} indices not covered by any link: {missing}")
            if dup:
                rep.bad(where, f"{side} indices covered more than once: {dup}")
    c = stats["links"]
    total = sum(c.values())
    non11 = total - c["1-1"]
    stats["non11_share"] = non11 / total if total else 0.0
    if stats["ko"] < MIN_KO_SENTENCES:
        rep.bad(path.name, f"only {stats['ko']} Korean sentences (< {MIN_KO_SENTENCES})")
    if stats["non11_share"] < MIN_NON_1_1_SHARE:
        rep.bad(
            path.name, f"non-1-1 links are {stats['non11_share']:.1%} (< {MIN_NON_1_1_SHARE:.0%})"
        )
    for t, m in MIN_PER_TYPE.items():
        if c[t] < m:
            rep.bad(path.name, f"only {c[t]} links of type {t} (< {m})")
    if not stats["unlabelled"]:
        rep.bad(path.name, "no excerpt without speaker labels")
    return stats


def check_retrieval(path: Path, rep: Report) -> dict:
    stats: dict = {
        "passages": Counter(),
        "queries": Counter(),
        "relevant": Counter(),
        "rel_sizes": Counter(),
    }
    text = check_raw(path, rep)
    if text is None:
        return stats
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        rep.bad(path.name, f"invalid JSON ({exc})")
        return stats
    if not isinstance(data, dict) or set(data) != {"passages", "queries"}:
        rep.bad(path.name, "top level must have exactly the keys passages, queries")
        return stats
    plang: dict[str, str] = {}
    ptext: dict[str, str] = {}
    for i, p in enumerate(data["passages"]):
        where = f"{path.name} passages[{i}]"
        if not isinstance(p, dict) or set(p) != {"id", "lang", "text"}:
            rep.bad(where, "passage must have exactly the keys id, lang, text")
            continue
        where += f" ({p['id']})"
        if p["id"] in plang:
            rep.bad(where, "duplicate passage id")
        if p["lang"] not in ("ko", "en"):
            rep.bad(where, f"lang must be ko or en, not {p['lang']!r}")
        if check_text(where, p["text"], rep):
            n = sentence_count(p["text"])
            if n > 4:
                rep.bad(where, f"{n} sentences (> 4)")
            hangul = bool(_HANGUL.search(p["text"]))
            if hangul != (p["lang"] == "ko"):
                rep.bad(where, "text script does not match lang")
        if p["text"] in ptext.values():
            rep.bad(where, "duplicate passage text")
        plang[p["id"]] = p["lang"]
        ptext[p["id"]] = p["text"]
        stats["passages"][p["lang"]] += 1
    qids: set[str] = set()
    for i, q in enumerate(data["queries"]):
        where = f"{path.name} queries[{i}]"
        if not isinstance(q, dict) or set(q) != {"id", "lang", "kind", "query", "relevant"}:
            rep.bad(where, "query must have exactly the keys id, lang, kind, query, relevant")
            continue
        where += f" ({q['id']})"
        if q["id"] in qids:
            rep.bad(where, "duplicate query id")
        qids.add(q["id"])
        if q["lang"] not in ("ko", "en"):
            rep.bad(where, f"lang must be ko or en, not {q['lang']!r}")
        if q["kind"] not in ("cross", "same"):
            rep.bad(where, f"kind must be cross or same, not {q['kind']!r}")
        if check_text(where, q["query"], rep):
            if bool(_HANGUL.search(q["query"])) != (q["lang"] == "ko"):
                rep.bad(where, "query script does not match lang")
        rel = q["relevant"]
        if not isinstance(rel, list) or not 1 <= len(rel) <= 3 or len(set(rel)) != len(rel):
            rep.bad(where, "relevant must list 1-3 distinct passage ids")
            continue
        stats["rel_sizes"][len(rel)] += 1
        for r in rel:
            if r not in plang:
                rep.bad(where, f"relevant id {r} does not exist")
                continue
            want_same = q["kind"] == "same"
            if (plang[r] == q["lang"]) != want_same:
                rep.bad(where, f"{q['kind']} query in {q['lang']} but {r} is {plang[r]}")
            stats["relevant"][r] += 1
        stats["queries"][(q["kind"], q["lang"])] += 1
    np = sum(stats["passages"].values())
    nq = sum(stats["queries"].values())
    if np < MIN_PASSAGES:
        rep.bad(path.name, f"only {np} passages (< {MIN_PASSAGES})")
    if nq < MIN_QUERIES:
        rep.bad(path.name, f"only {nq} queries (< {MIN_QUERIES})")
    for lang in ("en", "ko"):
        n = stats["queries"][("cross", lang)]
        if n < MIN_CROSS_PER_DIRECTION:
            rep.bad(
                path.name, f"only {n} cross-lingual {lang} queries (< {MIN_CROSS_PER_DIRECTION})"
            )
    q_en, p_ko = REQUIRED_PAIR
    pair_ok = any(
        q["query"] == q_en and any(p_ko in ptext.get(r, "") for r in q["relevant"])
        for q in data["queries"]
        if isinstance(q, dict) and "query" in q
    )
    if not pair_ok:
        rep.bad(path.name, "required pair from issue #6 is missing")
    stats["required_pair"] = pair_ok
    return stats


def table(rows: list[tuple[str, object]]) -> str:
    w = max(len(k) for k, _ in rows)
    return "\n".join(f"  {k:<{w}}  {v}" for k, v in rows)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    rep = Report()
    a = check_alignment(folder / "alignment.jsonl", rep)
    r = check_retrieval(folder / "retrieval.json", rep)

    c = a["links"]
    total = sum(c.values())
    print("alignment.jsonl")
    print(
        table(
            [
                (
                    "excerpts",
                    f"{a['excerpts']} ({a['speaker_labelled']} with speaker labels, "
                    f"{a['unlabelled']} without)",
                ),
                ("Korean sentences", a["ko"]),
                ("English sentences", a["en"]),
                ("links", total),
                *[
                    (f"  {t}", f"{c[t]:>4}  ({c[t] / total:.1%})" if total else c[t])
                    for t in ("1-1", "1-2", "2-1", "1-0", "0-1")
                ],
                *[(f"  {t} (not allowed)", c[t]) for t in sorted(set(c) - ALLOWED_TYPES)],
                ("non-1-1 share", f"{a.get('non11_share', 0):.1%}"),
            ]
        )
    )
    print()
    q = r["queries"]
    print("retrieval.json")
    print(
        table(
            [
                (
                    "passages",
                    f"{sum(r['passages'].values())} "
                    f"(ko {r['passages']['ko']}, en {r['passages']['en']})",
                ),
                ("queries", sum(q.values())),
                ("  cross en -> ko", q[("cross", "en")]),
                ("  cross ko -> en", q[("cross", "ko")]),
                ("  same  en -> en", q[("same", "en")]),
                ("  same  ko -> ko", q[("same", "ko")]),
                (
                    "relevant per query",
                    ", ".join(f"{k}: {v}" for k, v in sorted(r["rel_sizes"].items())),
                ),
                ("passages judged relevant", len(r["relevant"])),
                ("issue #6 example pair", "present" if r.get("required_pair") else "MISSING"),
            ]
        )
    )
    print()
    if rep.problems:
        print(f"{len(rep.problems)} problem(s):")
        for p in rep.problems:
            print("  -", p)
        return 1
    print("OK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Build the third held-out shared-passage set (fixed seed): documents, copies, near-misses.

    python benchmarks/heldout_shared3/build.py   # writes docs/ and gold.json, checks stray overlaps

Everything is fictional. Written blind to the detector and its benchmark; the texts (health,
housing, labour and legal-aid stories, e-mail threads, PDF report extracts, subtitles) and the
alterations differ from the first two sets: a passage read aloud inside a speaker's turn, a
copy quoted in an e-mail reply ('> ' lines), a copy broken by a page header and page number,
print OCR (rn/m, l/1, ligatures, hyphenation) and Korean column OCR (띄어쓰기, ㆍ, full-width
marks, a break every 34 characters), Markdown vs HTML, essay footnote calls, subtitles, CRLF
and tabs, groups of three and four copies. Gold ranges are code points of the files as
written; ``text`` is the copy as a reader sees it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path
from typing import Any

from gen import ALL, SEED, Doc, new, note, probe
from hosts import NEAR, PLANTED, interview
from plants import near_misses, planted
from pools import CONSENT, CONSENT_PROBE, GUIDE, LONG_GUIDE

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"


def rows(texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for p in PLANTED:
        docs = {c["doc"] for c in p["copies"]}
        others = " ".join(" ".join(t.lower().split()) for n, t in texts.items() if n not in docs)
        word = probe([c["text"] for c in p["copies"]], others)
        cs = p["copies"]
        for a, b in combinations(range(len(cs)), 2):
            row = {
                "id": p["gid"] if len(cs) == 2 else f"{p['gid']}-{a}{b}",
                "lang": p["lang"],
                "variation": p["how"],
                "container": p["box"],
                "copies": [cs[a], cs[b]],
                "probe": word,
            }
            if len(cs) > 2:
                row["group"] = p["gid"]
                row["group_docs"] = [c["doc"] for c in cs]
            out.append(row)
    return out


def _own(d: Doc) -> str:
    """A document's text without its gold copies, the consent script and the guides,
    markup removed and squeezed to letters and digits."""
    text = d.text
    for m in sorted(d.marks, key=lambda m: -m[2]):
        text = text[: m[2]] + " " + text[m[3] :]
    if d.name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
    for g in list(CONSENT.values()) + GUIDE["en"] + GUIDE["ko"] + LONG_GUIDE:
        text = text.replace(g, " ")
    return re.sub(r"\W+", "", text.lower())


def stray(docs: list[Doc], size: int = 30) -> list[tuple[str, str, int]]:
    """Pairs of documents sharing a run of >= 80 letters outside any gold copy, the consent
    script and the guides (longest run given): a passage planted by accident would show here."""
    own = {d.name: _own(d) for d in docs}
    seen: dict[str, set[str]] = defaultdict(set)
    for name, flat in own.items():
        for i in range(max(0, len(flat) - size)):
            seen[flat[i : i + size]].add(name)
    pairs = {
        tuple(sorted(p))
        for names in seen.values()
        if len(names) > 1
        for p in combinations(names, 2)
    }
    out = []
    for a, b in sorted(pairs):
        m = SequenceMatcher(None, own[a], own[b], autojunk=False)
        run = m.find_longest_match(0, len(own[a]), 0, len(own[b])).size
        if run >= 80:
            out.append((a, b, run))
    return out


def main() -> None:
    planted()
    near_misses()
    for k in range(16):  # plain interviews with nothing planted (distinct interviews)
        lang = "en" if k % 2 else "ko"
        interview(lang, ["labels", "qa", "stamps"][k % 3], "md" if k % 5 == 0 else "txt")
    for k in range(6):
        lang = "en" if k % 2 else "ko"
        d = new(f"notes_{k:02d}_{lang}.txt", "fieldnote", lang)
        d.put(note(lang, 1) + "\n\n" + note(lang, 3) + "\n\n" + note(lang, 2) + "\n")
    DOCS.mkdir(parents=True, exist_ok=True)
    for f in DOCS.iterdir():
        f.unlink()
    texts = {}
    for d in ALL:
        with (DOCS / d.name).open("w", encoding="utf-8", newline="") as fh:
            fh.write(d.text)
        texts[d.name] = d.text
        for m in d.marks:  # the gold ranges hold what was written there
            assert d.text[m[2] : m[3]] == m[4] or d.name.endswith((".html", ".srt")), d.name
    gold = {
        "seed": SEED,
        "consent_probe": CONSENT_PROBE,
        "documents": {d.name: {"kind": d.kind, "lang": d.lang} for d in ALL},
        "planted": rows(texts),
        "protocol": [
            {"doc": d.name, "start": m[2], "end": m[3], "text": m[4]}
            for d in ALL
            for m in d.marks
            if m[0] == "protocol"
        ],
        "near_miss": NEAR,
    }
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    pl = gold["planted"]
    print(
        f"{len(ALL)} documents, {len(pl)} planted pairs ({len(PLANTED)} passages), "
        f"{len(NEAR)} near-miss pairs, {len(gold['protocol'])} consent readings"
    )
    print("variations", dict(Counter(r["variation"] for r in pl)))
    print("kinds", dict(Counter(d.kind for d in ALL)), "langs", dict(Counter(d.lang for d in ALL)))
    sizes = sorted(min(len(r["copies"][0]["text"]), len(r["copies"][1]["text"])) for r in pl)
    print("shorter copy chars: min", sizes[0], "median", sizes[len(sizes) // 2], "max", sizes[-1])
    print("stray shared runs >= 80 letters outside the gold:", stray(ALL) or "none")


if __name__ == "__main__":
    main()

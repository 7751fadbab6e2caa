#!/usr/bin/env python3
"""Build the frozen de-identification set from its marked-up sources.

    python benchmarks/frozen/build.py          # writes testimonies.jsonl, expository.jsonl
    python benchmarks/frozen/build.py --check  # fails if the jsonl differ from the sources
    python benchmarks/frozen/build.py --set frozen4 [--check]   # another set, same markup

The sources (src/*.txt) are written by hand with inline markup, so the offsets in the
jsonl are computed, never typed: ``[[p|name]]`` is a gold span of type person (p, l, d,
a, r, ph, e, ad = person, place, date, age, role, phone, email, address) and
``{{text}}`` is an ignore span. A passage starts at a line ``### <id>``; the id's prefix
``ko-``/``en-``/``exp-ko-``/``exp-en-`` gives its language and genre.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUTPUTS = {
    "testimonies.jsonl": ("testimonies_ko.txt", "testimonies_en.txt"),
    "expository.jsonl": ("expository_en.txt", "expository_ko.txt"),
}
TYPES = {
    "p": "person",
    "l": "place",
    "d": "date",
    "a": "age",
    "r": "role",
    "ph": "phone",
    "e": "email",
    "ad": "address",
}
MARK = re.compile(r"\[\[(\w+)\|([^\[\]{}|]+)\]\]|\{\{([^\[\]{}|]+)\}\}")


def parse_passage(pid: str, marked: str) -> dict[str, Any]:
    """Strip the markup of one passage and return its record with computed offsets."""
    if unicodedata.normalize("NFC", marked) != marked or "\r" in marked or "\ufeff" in marked:
        raise ValueError(f"{pid}: source is not NFC/LF text")
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    ignore: list[dict[str, Any]] = []
    pos = 0  # code points written so far
    last = 0
    for m in MARK.finditer(marked):
        plain = marked[last : m.start()]
        out.append(plain)
        pos += len(plain)
        if m.group(1) is not None:
            code, surface = m.group(1), m.group(2)
            if code not in TYPES:
                raise ValueError(f"{pid}: unknown type code {code!r}")
            spans.append(
                {"start": pos, "end": pos + len(surface), "type": TYPES[code], "text": surface}
            )
        else:
            surface = m.group(3)
            ignore.append({"start": pos, "end": pos + len(surface), "text": surface})
        out.append(surface)
        pos += len(surface)
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "{{" in text or "}}" in text:
        raise ValueError(f"{pid}: unbalanced markup")
    for s in spans + ignore:
        if s["text"] != s["text"].strip():
            raise ValueError(f"{pid}: span with outer spaces: {s['start']}")
    lang = "en" if pid.startswith(("en-", "exp-en-")) else "ko"
    genre = "expository" if pid.startswith("exp-") else "testimony"
    return {
        "id": pid,
        "lang": lang,
        "genre": genre,
        "text": text,
        "spans": spans,
        "ignore": ignore,
    }


def read_source(path: Path) -> list[dict[str, Any]]:
    """Split one source file into passages (``### id`` headers) and parse each."""
    records: list[dict[str, Any]] = []
    pid: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if pid is not None:
            body = "\n".join(lines).strip("\n")
            records.append(parse_passage(pid, body))

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("### "):
            flush()
            pid, lines = line[4:].strip(), []
        else:
            lines.append(line)
    flush()
    return records


def build(folder: Path = HERE) -> dict[str, str]:
    """Return the jsonl text of every output file of the set in ``folder``."""
    result: dict[str, str] = {}
    seen: set[str] = set()
    for name, sources in OUTPUTS.items():
        rows = [r for src in sources for r in read_source(folder / "src" / src)]
        for r in rows:
            if r["id"] in seen:
                raise ValueError(f"duplicate passage id {r['id']}")
            seen.add(r["id"])
        result[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    ap.add_argument(
        "--set",
        default=HERE.name,
        help="folder of benchmarks/ holding the set (frozen, frozen2-5, dev4, dev5)",
    )
    args = ap.parse_args()
    folder = HERE.parent / args.set
    if not (folder / "src").is_dir():
        sys.exit(f"no set with sources at benchmarks/{args.set}/src")
    built = build(folder)
    stale = [
        n
        for n, t in built.items()
        if not (folder / n).exists() or (folder / n).read_text(encoding="utf-8") != t
    ]
    if args.check:
        if stale:
            sys.exit(f"out of date: {', '.join(stale)} (run build.py --set {folder.name})")
        print(f"{folder.name} is up to date")
        return
    for name, text in built.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(built)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The demo: build the fictional sample corpus, ingest it into an encrypted
project with the real CLI, run a few searches, and end in a report.

Run through `python3 tasks.py demo`. The project is demo/build/demo.moksori.
Set MOKSORI_PASSPHRASE first if you want to reopen it afterwards; otherwise a
random passphrase is used for this run only (and never printed).
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = HERE / "build"
CORPUS = BUILD / "corpus"
PROJECT = BUILD / "demo.moksori"
CODING = HERE / "coding"
REPORT_DIR = BUILD / "report"
INGEST_REPORT = BUILD / "ingest.md"
OWNER, CODER_A, CODER_B = "Dr Han", "Coder A", "Coder B"
TEMPLATE = "{pseudonym} (in {her|his|their} {age_band}, left North Korea in {year_left})"

SEARCHES = [
    ("건너다", "Korean verb by its dictionary form: finds 건넜습니다, 건너서 …"),
    ("묻다 인터넷", "finds '안 묻고 … 인터넷에 물어봐요'"),
    ("혜산", "a compound by its part: finds 혜산시"),
    ("노동", "South Korean spelling finds North Korean 로동"),
    ("accent", "English stems: finds accents"),
    ('"crossed the river" OR 두만강', "a phrase OR a Korean word"),
    ("internet lang:en", "a language filter"),
]

# Meaning-based searches: each finds passages in the other language too.
MEANING_SEARCHES = [
    "asks strangers on the internet instead of people she knows",
    "사투리 때문에 어디서 왔냐고 자꾸 물어본다",
]


def moksori(
    *args: str, check: bool = True, capture: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run one CLI command and show it; ``capture`` keeps its stdout to read (JSON)."""
    cmd = [sys.executable, "-m", "moksori", *args]
    short = [a if len(a) <= 60 else a[:57] + "…" for a in args]
    shown = " ".join(a if " " not in a else repr(a) for a in short)
    print(f"\n$ moksori {shown}", flush=True)
    r = subprocess.run(cmd, text=True, stdout=subprocess.PIPE if capture else None)
    if check and r.returncode != 0:
        sys.exit(f"demo step failed: moksori {shown}")
    return r


def main() -> None:
    os.environ.setdefault("MOKSORI_PASSPHRASE", secrets.token_urlsafe(24))
    sys.path.insert(0, str(HERE.parent / "src"))
    if BUILD.exists():
        shutil.rmtree(BUILD)
    BUILD.mkdir(parents=True)
    print("building the fictional sample corpus …", flush=True)
    subprocess.run([sys.executable, str(HERE / "build_corpus.py"), str(CORPUS)], check=True)

    moksori("init", str(PROJECT))
    moksori("add", str(PROJECT), str(CORPUS), "--attr", "collection=demo")
    moksori("docs", str(PROJECT))
    for query, _ in SEARCHES:
        moksori("search", str(PROJECT), query, "--limit", "3")
    moksori("info", str(PROJECT))
    code_the_study()
    project = str(PROJECT)
    moksori("agreement", project, "--coders", f"{CODER_A},{CODER_B}", "--coder", OWNER)
    reconcile_the_codings()
    translations_and_meaning()
    protect_the_people()
    moksori(
        "report",
        project,
        "--out",
        str(REPORT_DIR),
        "--title",
        "Staying unnoticed: a demo study",
        "--consensus",
        "--descriptor",
        TEMPLATE,
        "--by",
        "gender",
        "--by",
        "age_band",
        "--agreement-coders",
        f"{CODER_A},{CODER_B}",
        "--format",
        "html,md,docx",
    )
    write_ingest_report()
    print("\n" + (REPORT_DIR / "report.md").read_text(encoding="utf-8"))
    print(
        f"findings report: {(REPORT_DIR / 'report.html').relative_to(HERE.parent)} "
        "(and report.md, report.docx for Word)"
    )
    print(f"ingest and search overview: {INGEST_REPORT.relative_to(HERE.parent)}")


def translations_and_meaning() -> None:
    """The Korean interview and its English translation, paired when added: aligned
    sentence by sentence; then every passage embedded for meaning-based search."""
    project = str(PROJECT)
    moksori("pairs", project)
    moksori("align", project, "interview-03.ko.txt")
    moksori("alignment", project, "interview-03.ko.txt", "--low")
    moksori("embed", project)
    for query in MEANING_SEARCHES:
        moksori("search", project, query, "--semantic", "--limit", "3")
    # the same English question, answered from the Korean interviews only
    moksori("search", project, MEANING_SEARCHES[0], "--semantic", "--lang", "ko", "--limit", "3")
    moksori("search", project, "accent", "--hybrid", "--limit", "3")


def protect_the_people() -> None:
    """De-identification: vault, known names, scan, review, risk; the report is redacted."""
    project = str(PROJECT)
    os.environ.setdefault("MOKSORI_VAULT_PASSPHRASE", secrets.token_urlsafe(24))
    os.environ.setdefault("MOKSORI_SHARE_PASSPHRASE", secrets.token_urlsafe(24))
    moksori("deid", "vault", "init", project)
    moksori("deid", "names", "import", project, str(HERE / "deid" / "known-names.txt"))
    moksori("deid", "scan", project)
    moksori("deid", "status", project)
    moksori("deid", "findings", project, "--type", "person", "--limit", "8")
    # What is never hidden (the two states, North/South, institutions) is a policy to see
    moksori("deid", "policy", project)
    # Review per person or place, not per mention: one decision settles every mention
    moksori("deid", "groups", project, "--type", "person", "--limit", "10")
    # A researcher reviews every finding; the demo accepts what the detectors are
    # fairly sure of, rejects the weakest guesses, and shows the result.
    moksori("deid", "review", project, "accept", "--min-confidence", "0.5")
    moksori("deid", "review", project, "reject", "--all")
    moksori("deid", "entities", project)
    moksori("deid", "show", project, "interview-01.ko.txt")
    moksori("deid", "risk", project, "--qi", "gender", "--qi", "year_left", "--qi", "home_town")
    moksori("deid", "export", project, str(BUILD / "redacted"), "--format", "html")
    # The shared copy guards the case attributes too: eight participants with exact
    # birth years and towns would each stand alone, so the first try is refused.
    shared = str(BUILD / "shared.moksori")
    moksori("deid", "share", project, shared, check=False)
    moksori(
        "deid",
        "share",
        project,
        shared,
        *("--withhold", "birth_year", "--withhold", "age_band", "--withhold", "year_left"),
        *("--generalise", "home_province=region", "--generalise", "home_town=region"),
    )


def code_the_study() -> None:
    """Two fictional coders code the corpus blind; the owner compares them."""

    import yaml

    project = str(PROJECT)
    moksori("coder", "add", project, OWNER, "--role", "owner")
    moksori("coder", "add", project, CODER_A)
    moksori("coder", "add", project, CODER_B)
    moksori("codebook", "import", project, str(CODING / "codebook.yaml"))
    moksori("codebook", "list", project)
    moksori(
        "case",
        "import",
        project,
        str(CODING / "cases.csv"),
        "--type",
        "gender=category",
        "--type",
        "age_band=ordinal:20s,30s,40s,50s,60s",
        "--type",
        "home_province=category",
    )
    moksori("case", "link", project, "--map", str(CODING / "case-links.csv"))
    moksori("code", "import", project, str(CODING / "coder-a.yaml"), "--coder", CODER_A)
    moksori("code", "import", project, str(CODING / "coder-b.yaml"), "--coder", CODER_B)
    memos = yaml.safe_load((CODING / "memos.yaml").read_text(encoding="utf-8"))
    for m in memos:
        ref = [m["ref"]] if m.get("ref") else []
        moksori(
            "memo",
            "add",
            project,
            *ref,
            "--on",
            m["on"],
            "--title",
            m["title"],
            "--text",
            m["text"],
            "--coder",
            m["author"],
        )


def reconcile_the_codings() -> None:
    """The owner settles where the coders differ: one unit decided by hand, then the rest
    in bulk, which never overrides a decision; the consensus is what the report counts."""
    import json

    project = str(PROJECT)
    pair = ["--coders", f"{CODER_A},{CODER_B}", "--coder", OWNER]
    moksori("disagreements", project, *pair, "--undecided")
    units = json.loads(moksori("disagreements", project, *pair, "--json", capture=True).stdout)
    # "A coded X where B coded Y" is one unit; adopting A's code rejects B's alternative
    chosen = next((u for u in units if u["kind"] == "different_codes"), units[0] if units else None)
    if chosen:
        coding = (chosen["a"] or chosen["b"])[0]["coding_id"]
        moksori("reconcile", project, *pair, "--coding", str(coding), "--adopt", "a")
    moksori("reconcile", project, *pair, "--adopt", "both")
    moksori("disagreements", project, *pair, "--decided")
    moksori("freq", project, "--consensus", "--as", OWNER)


def write_ingest_report() -> None:
    """What was ingested and what the searches found, as Markdown."""
    from moksori.project import Project

    with Project.open(PROJECT, os.environ["MOKSORI_PASSPHRASE"]) as p:
        info = p.info()
        docs = p.documents()
        lines = [
            "# moksori demo report (fictional sample corpus)",
            "",
            f"Project `{PROJECT.name}`: {info.encryption}, key derived with {info.key_derivation}.",
            f"{info.documents} documents from {info.source_files} files, "
            f"{info.segments} segments, {info.characters:,} characters; "
            f"originals kept: {info.original_bytes:,} bytes.",
            "",
            "## Documents",
            "",
            "| id | document | format | lang | chars | notes |",
            "|---:|---|---|---|---:|---|",
        ]
        for d in docs:
            notes = []
            if d.encoding and d.encoding != "utf-8":
                notes.append(f"decoded from {d.encoding}")
            if d.quality != "ok":
                notes.append(f"{d.quality} ({d.replaced_chars} replaced)")
            if d.removed_pieces:
                notes.append(f"{d.removed_pieces} boilerplate pieces removed")
            if d.duplicate_passages:
                notes.append(f"{d.duplicate_passages} passages repeated from another document")
            lines.append(
                f"| {d.id} | {d.label} | {d.format} | {d.lang} | {d.chars:,} | {'; '.join(notes)} |"
            )
        lines += ["", "## Searches", ""]
        for query, why in SEARCHES:
            result = p.search(query, limit=3)
            lines.append(f"### `{query}` — {result.total} passage(s)")
            lines.append(f"_{why}_")
            lines.append("")
            for h in result.hits:
                who = f" — {h.speaker}" if h.speaker else ""
                snippet = h.snippet.replace("\n", " ")
                lines.append(
                    f"- **#{h.document_id} {h.document}{who}** [{h.start}–{h.end}]: {snippet}"
                )
            lines.append("")
    INGEST_REPORT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()

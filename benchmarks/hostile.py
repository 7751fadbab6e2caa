#!/usr/bin/env python3
"""Hostile inputs through ``moksori add`` (issue 14 items 5 and 9): time, memory, outcome.

    python3 benchmarks/hostile.py            # full sizes (a 300 MiB docx bomb, 200 MB line)
    python3 benchmarks/hostile.py --quick    # smaller inputs, same cases

Each case gets a fresh encrypted project and a folder holding the hostile input
and a normal small interview; ``moksori add --json FOLDER`` runs as a
subprocess in its own process group. Memory is polled every 0.2 s from /proc
for every process of that group (the CLI, the fork server, the workers): the
table shows the peak of their summed PSS (proportional set size, from
``smaps_rollup``: pages shared copy-on-write, like Kiwi's model, are counted
once) and the peak RSS of the largest single process. A case still running at
``--cutoff`` seconds is killed and reported as such. Inputs are generated into
a temporary folder at run time and deleted afterwards. Prints a table and saves
benchmarks/results/hostile.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # the tests' fixture builders
PASSPHRASE = "benchmark passphrase (fictional corpus) 목소리"
MOKSORI = [sys.executable, "-m", "moksori"]
NORMAL = "면담자: 고향이 어디세요?\n이은별: 함경북도 무산이에요. 겨울에 두만강을 건넜어요.\n"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MIB = 1024 * 1024


# --- inputs -------------------------------------------------------------------------------
def bomb_docx(path: Path, expanded_mib: int) -> None:
    """A docx whose document.xml inflates to ``expanded_mib`` MiB at about 40:1 (under the
    zip ratio check, as in the attack: 8 MB → 300 MiB), nearly all of it paragraph text."""
    rng = random.Random(0)
    words = ["두만강", "장마당", "river", "night", "market", "mother", "국수", "hunger"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
            "/></Types>",
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode())
            written = 0
            while written < expanded_mib * MIB:
                run = " ".join(rng.choice(words) for _ in range(12))
                para = f"<w:p><w:r><w:t>{(run + ' ') * 12}</w:t></w:r></w:p>".encode()
                out.write(para)
                written += len(para)
            out.write(b"</w:body></w:document>")


def text_passages(megabytes: float) -> list[str]:
    """Fictional testimony passages (benchmarks/corpus.py) totalling ``megabytes`` MB."""
    from corpus import generate_segments

    out: list[str] = []
    size = 0
    for passage in generate_segments(10**8, seed=7):
        out.append(passage)
        size += len(passage.encode()) + 2
        if size >= megabytes * 1e6:
            break
    return out


def repeated_line(path: Path, megabytes: float, pool: list[str]) -> None:
    """One line of ``megabytes`` MB: the pool's passages again and again, no line break."""
    chunk = (" ".join(pool) + " ").encode()
    with path.open("wb") as fh:
        left = int(megabytes * 1e6)
        while left > 0:
            fh.write(chunk[:left])
            left -= len(chunk)


def damaged_korean() -> bytes:
    """UTF-8 testimony with a byte or two broken per line, which charset-normalizer calls
    ptcp154: the same bytes the decoding tests use."""
    from tests.ingest.test_decode import damaged_korean as build

    return build(72)


# --- running ----------------------------------------------------------------------------
def _group_memory(pgid: int) -> tuple[int, int]:
    """(summed PSS, largest RSS) in bytes of the processes in process group ``pgid``."""
    pss = rss = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # field 5 of stat: the process group
                continue
            with open(f"/proc/{entry}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                    elif line.startswith("Rss:"):
                        rss = max(rss, int(line.split()[1]) * 1024)
        except (OSError, IndexError, ValueError):
            continue
    return pss, rss


def run_add(folder: Path, cutoff: float, extra: list[str] | None = None) -> dict[str, Any]:
    """``moksori add --json`` on a fresh project; wall time, peak memory, outcomes."""
    env = dict(os.environ, MOKSORI_PASSPHRASE=PASSPHRASE)
    env["PYTHONPATH"] = str(HERE.parent / "src")
    project = folder.parent / f"{folder.name}.moksori"
    subprocess.run([*MOKSORI, "init", str(project)], env=env, check=True, capture_output=True)
    cmd = [*MOKSORI, "add", str(project), str(folder), "--json", *(extra or [])]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so every worker is measured
    )
    peak_pss = peak_rss = 0
    killed = False
    while proc.poll() is None:
        pss, rss = _group_memory(proc.pid)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        if time.perf_counter() - t0 > cutoff:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.2)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if killed:
        time.sleep(1)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # anything the group left behind
        except ProcessLookupError:
            pass
    outcomes: list[dict[str, Any]] = []
    if not killed:
        try:
            outcomes = json.loads(out)["files"]
        except (ValueError, KeyError):
            outcomes = []
    return {
        "seconds": round(seconds, 2),
        "peak_pss_mb": round(peak_pss / 1e6, 1),
        "peak_largest_rss_mb": round(peak_rss / 1e6, 1),
        "exit": None if killed else proc.returncode,
        "cut_off": killed,
        "outcomes": [
            {k: o.get(k) for k in ("source", "status", "message", "document_ids")} for o in outcomes
        ],
        "stderr_lines": len(err.decode(errors="replace").splitlines()),
    }


def case(
    root: Path, name: str, make: Callable[[Path], str], cutoff: float, note: str = ""
) -> dict[str, Any]:
    folder = root / name
    folder.mkdir()
    hostile = make(folder)
    (folder / "normal-interview.txt").write_text(NORMAL, encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    print(f"  {name} ({size / 1e6:.1f} MB in the folder) …", flush=True)
    result = run_add(folder, cutoff)
    by_name = {Path(o["source"] or "").name: o for o in result["outcomes"]}
    hostile_outcome = by_name.get(hostile, {})
    normal = by_name.get("normal-interview.txt", {})
    result.update(
        case=name,
        input=hostile,
        folder_mb=round(size / 1e6, 1),
        outcome=(
            f"cut off after {cutoff:.0f} s"
            if result["cut_off"]
            else f"{hostile_outcome.get('status', '?')}: {hostile_outcome.get('message') or ''}"
        ),
        rest_of_batch=normal.get("status") == "added",
        note=note,
    )
    for path in folder.iterdir():  # big inputs go at once
        if path.is_file() and not path.is_symlink():
            path.unlink()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smaller inputs (2 MB lines, 80 MiB bomb)")
    ap.add_argument("--cutoff", type=float, default=600.0, help="seconds before a case is killed")
    ap.add_argument("--only", default="", help="comma-separated case names")
    a = ap.parse_args()
    line_mb, big_mb, bomb_mib = (2, 30, 80) if a.quick else (20, 200, 300)
    print("generating fictional passages …", flush=True)
    pool = text_passages(min(line_mb, 20))
    results: list[dict[str, Any]] = []
    fifo_note = "FIFO/device refusal is ingest/batch.py (helper H2b)"

    def bomb(folder: Path) -> str:
        bomb_docx(folder / "bomb.docx", bomb_mib)
        return "bomb.docx"

    def line(mb: float) -> Callable[[Path], str]:
        def make(folder: Path) -> str:
            repeated_line(folder / f"line-{mb:g}mb.txt", mb, pool)
            return f"line-{mb:g}mb.txt"

        return make

    def paragraphs(folder: Path) -> str:
        data = "\n\n".join(pool).encode()[: int(line_mb * 1e6)]
        (folder / f"paragraphs-{line_mb:g}mb.txt").write_bytes(data)
        return f"paragraphs-{line_mb:g}mb.txt"

    def damaged(folder: Path) -> str:
        (folder / "damaged-ko.txt").write_bytes(damaged_korean())
        return "damaged-ko.txt"

    def fifo(folder: Path) -> str:
        os.mkfifo(folder / "pipe.txt")
        return "pipe.txt"

    def zero(folder: Path) -> str:
        (folder / "zero.txt").symlink_to("/dev/zero")
        return "zero.txt"

    cases: list[tuple[str, Callable[[Path], str], float, str]] = [
        (f"docx-bomb-{bomb_mib}mib", bomb, a.cutoff, "document.xml inflates ~40:1"),
        ("damaged-utf8-ko", damaged, a.cutoff, "charset-normalizer says ptcp154"),
        (f"one-line-{line_mb}mb", line(line_mb), a.cutoff, "same bytes as the next row"),
        (f"paragraphs-{line_mb}mb", paragraphs, a.cutoff, "the same bytes, in paragraphs"),
        (f"one-line-{big_mb}mb", line(big_mb), a.cutoff, ""),
        ("fifo-in-folder", fifo, 60.0, fifo_note),
        ("symlink-to-dev-zero", zero, 60.0, fifo_note),
    ]
    only = {c for c in a.only.split(",") if c}
    with tempfile.TemporaryDirectory(prefix="moksori-hostile-") as tmp:
        for name, make, cutoff, note in cases:
            if only and name not in only:
                continue
            results.append(case(Path(tmp), name, make, cutoff, note))
    by_case = {r["case"]: r for r in results}
    line_row = by_case.get(f"one-line-{line_mb}mb")
    para_row = by_case.get(f"paragraphs-{line_mb}mb")
    ratio = (
        round(line_row["seconds"] / para_row["seconds"], 2)
        if line_row and para_row and para_row["seconds"]
        else None
    )
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "quick": a.quick,
        "memory": "peak of summed PSS over the add process group (smaps_rollup, 0.2 s polls); "
        "largest single RSS beside it",
        "one_line_vs_paragraphs_time_ratio": ratio,
        "cases": results,
    }
    print()
    print(
        f"{'case':<22} {'s':>7} {'PSS MB':>7} {'max RSS':>7}  {'batch':<5}  outcome",
    )
    for r in results:
        print(
            f"{r['case']:<22} {r['seconds']:>7.1f} {r['peak_pss_mb']:>7.0f} "
            f"{r['peak_largest_rss_mb']:>7.0f}  {'ok' if r['rest_of_batch'] else 'NO':<5}  "
            f"{r['outcome'][:90]}"
        )
    if ratio is not None:
        print(f"\none line / paragraphs, same {line_mb} MB: {ratio}× the time")
    RESULTS.mkdir(exist_ok=True)
    name = "hostile-quick.json" if a.quick else "hostile.json"
    (RESULTS / name).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    print(f"saved benchmarks/results/{name}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How long a user waits before a command does anything (issue 19, start-up targets).

    python3 tasks.py bench --suite latency        # or: python3 benchmarks/latency.py
    python3 benchmarks/latency.py --runs 9

Every case is a fresh process, run ``--runs`` times (at least 7), the cases
interleaved round by round so that a busy machine slows them all alike. Each run
is timed twice: the child's CPU time (user + system, from
``resource.getrusage(RUSAGE_CHILDREN)``) and wall time. The targets are ratios of
medians taken in the same run, so the machine's speed cancels out:

- ``moksori --help`` against ``python3 -c "import typer, rich"`` (target ≤ 2.5×);
  a bare two-command Typer app's ``--help`` is shown beside it as a reference;
- ``moksori info P`` against that import plus one argon2id open of the same file
  with the project's own KDF parameters (derive the key, key stock sqlcipher3,
  read the schema): target ≤ 2.5×;
- ``moksori code list P`` and ``moksori memo add P`` against ``info`` (≤ 1.5×).

The project is a small fictional one made in a temporary folder; the passphrase
goes to each child in ``MOKSORI_PASSPHRASE``, as the tests pass it, and is never
printed. Prints a table and saves benchmarks/results/latency.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE.parent / "src"))

PASSPHRASE = "latency benchmark passphrase (fictional) 목소리"

KO = (
    "면접자: 어디에서 오셨어요?\n"
    "참여자: 저는 혜산에서 왔어요. 2010년 겨울에 강을 건넜습니다.\n"
    "면접자: 그때 누구와 함께 있었어요?\n"
    "참여자: 이모와 함께 있었어요. 하나원에서 여섯 달을 지냈습니다.\n"
)
EN = (
    "Interviewer: Where did you grow up?\n"
    "Participant: In a small town by the river. I crossed it in the winter of 2010.\n"
)

BARE_TYPER = """\
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    print(name)


@app.command()
def bye(name: str) -> None:
    print(name)


app()
"""

# One argon2id open, as moksori does it, with nothing else: derive the key from
# the file's salt, hand it to stock sqlcipher3 as a raw key, read the schema.
ARGON2_OPEN = """\
import os, sys
import typer, rich
import sqlcipher3
from argon2.low_level import Type, hash_secret_raw

path = sys.argv[1]
with open(path, "rb") as fh:
    salt = fh.read(16)
key = hash_secret_raw(
    os.environ.pop("MOKSORI_PASSPHRASE").encode("utf-8"), salt,
    time_cost={t}, memory_cost={m}, parallelism={p}, hash_len=32, type=Type.ID,
)
conn = sqlcipher3.connect(path)
conn.execute("PRAGMA key = \\"x'" + key.hex() + salt.hex() + "'\\"")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.close()
"""


def moksori_command() -> list[str]:
    """The entry point a user runs (the venv's console script), else ``-m moksori``."""
    script = Path(sys.executable).parent / "moksori"
    return [str(script)] if script.exists() else [sys.executable, "-m", "moksori"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["MOKSORI_PASSPHRASE"] = PASSPHRASE
    env.setdefault("COLUMNS", "100")
    return env


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds of the child and its children, wall seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[-3:]} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def make_project(work: Path, moksori: list[str], env: dict[str, str]) -> Path:
    """A small fictional project: two interviews, two codes, a coding, a memo."""
    folder = work / "interviews"
    folder.mkdir()
    (folder / "ko.txt").write_text(KO, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    project = work / "latency.moksori"
    steps = [
        ["init", str(project)],
        ["add", str(project), str(folder), "--workers", "1"],
        ["codebook", "add", str(project), "crossing", "--alt-name", "도강"],
        ["codebook", "add", str(project), "family"],
        ["code", "apply", str(project), "crossing", "--query", "건너다", "--yes"],
        ["memo", "add", str(project), "--text", "first memo"],
    ]
    for step in steps:
        done = subprocess.run(moksori + step, env=env, capture_output=True, timeout=600)
        if done.returncode != 0:
            raise SystemExit(f"setup step {step[:2]} failed: {done.stderr.decode()[-400:]}")
    return project


def cases(work: Path, project: Path, moksori: list[str]) -> dict[str, list[str]]:
    from moksori.store.crypto import DEFAULT_KDF

    bare = work / "bare_typer.py"
    bare.write_text(BARE_TYPER, encoding="utf-8")
    ref = work / "argon2_open.py"
    kdf = DEFAULT_KDF
    ref.write_text(
        ARGON2_OPEN.format(t=kdf.time_cost, m=kdf.memory_kib, p=kdf.parallelism), encoding="utf-8"
    )
    py = sys.executable
    p = str(project)
    return {
        "import typer, rich": [py, "-c", "import typer, rich"],
        "bare Typer app --help": [py, str(bare), "--help"],
        "moksori --help": [*moksori, "--help"],
        "moksori code --help": [*moksori, "code", "--help"],
        "import + argon2id open": [py, str(ref), p],
        "moksori info P": [*moksori, "info", p],
        "moksori docs P": [*moksori, "docs", p],
        "moksori code list P": [*moksori, "code", "list", p],
        "moksori memo add P": [*moksori, "memo", "add", p, "--text", "a memo from the benchmark"],
    }


# (label, measured case, baseline case, target or None for a reference figure)
RATIOS: list[tuple[str, str, str, float | None]] = [
    ("--help / import typer, rich", "moksori --help", "import typer, rich", 2.5),
    ("bare Typer --help / import typer, rich", "bare Typer app --help", "import typer, rich", None),
    ("code --help / import typer, rich", "moksori code --help", "import typer, rich", None),
    ("info / import + argon2id open", "moksori info P", "import + argon2id open", 2.5),
    ("docs / info", "moksori docs P", "moksori info P", None),
    ("code list / info", "moksori code list P", "moksori info P", 1.5),
    ("memo add / info", "moksori memo add P", "moksori info P", 1.5),
]


def measure(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, Any]:
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    wall: dict[str, list[float]] = {k: [] for k in commands}
    for cmd in commands.values():  # one warm-up each: page cache, .pyc files
        timed(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            c, w = timed(cmd, env)
            cpu[name].append(c)
            wall[name].append(w)
    return {
        name: {
            "cpu_median_s": round(statistics.median(cpu[name]), 4),
            "cpu_min_s": round(min(cpu[name]), 4),
            "wall_median_s": round(statistics.median(wall[name]), 4),
            "cpu_runs_s": [round(x, 4) for x in cpu[name]],
            "wall_runs_s": [round(x, 4) for x in wall[name]],
        }
        for name in commands
    }


def ratios(times: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for label, case, base, target in RATIOS:
        by_cpu = times[case]["cpu_median_s"] / times[base]["cpu_median_s"]
        by_wall = times[case]["wall_median_s"] / times[base]["wall_median_s"]
        by_min = times[case]["cpu_min_s"] / times[base]["cpu_min_s"]
        rows.append(
            {
                "ratio": label,
                "cpu": round(by_cpu, 2),
                "wall": round(by_wall, 2),
                "cpu_min": round(by_min, 2),
                "target": target,
                "met": None if target is None else by_cpu <= target,
            }
        )
    return rows


def print_table(result: dict[str, Any]) -> None:
    times = result["times"]
    width = max(len(k) for k in times)
    print(f"\n{'case'.ljust(width)}  cpu median  wall median  cpu min   (runs: {result['runs']})")
    for name, t in times.items():
        print(
            f"{name.ljust(width)}  {t['cpu_median_s']:9.3f}s  {t['wall_median_s']:10.3f}s"
            f"  {t['cpu_min_s']:6.3f}s"
        )
    width = max(len(r["ratio"]) for r in result["ratios"])
    print(f"\n{'ratio (same run, medians)'.ljust(width)}    cpu   wall  (cpu min)  target")
    for r in result["ratios"]:
        target = "reference" if r["target"] is None else f"≤ {r['target']}"
        verdict = "" if r["met"] is None else ("met" if r["met"] else "NOT MET")
        print(
            f"{r['ratio'].ljust(width)}  {r['cpu']:5.2f}  {r['wall']:5.2f}  ({r['cpu_min']:5.2f})"
            f"    {target} {verdict}"
        )
    print(f"\nload average at start: {result['load_average_start']}, end: {result['load_average']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=9, help="runs per case (at least 7)")
    a = ap.parse_args()
    if a.runs < 7:
        ap.error("--runs: at least 7, for a median that one slow run cannot move")
    env = child_env()
    moksori = moksori_command()
    load_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="moksori-latency-") as tmp:
        work = Path(tmp)
        project = make_project(work, moksori, env)
        commands = cases(work, project, moksori)
        print(f"start-up latency: {len(commands)} cases × {a.runs} runs, interleaved …", flush=True)
        times = measure(commands, a.runs, env)
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": a.runs,
        "load_average_start": load_start,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "times": times,
        "ratios": ratios(times),
    }
    print_table(result)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "latency.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"\nsaved {out}")


if __name__ == "__main__":
    main()

"""Start-up (issue 19): a command imports only what it uses, and no command is lost.

Commands are registered lazily (`cli/lazy.py`), so `moksori --help`, an area's help
and the one-shot reads (`info`, `docs`, `code list`) must not load numpy, Kiwi, the
web-page cleaners, Word, or the de-identification detectors. Each case runs in a real
process with ``-X importtime``, whose report names every module imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moksori.cli import deid_export
from moksori.cli.app import COMMANDS, MoksoriGroup, app
from moksori.cli.lazy import area_commands, first_paragraph
from tests.conftest import cli_env

HEAVY = (
    "numpy",
    "matplotlib",
    "justext",
    "trafilatura",
    "lxml.html",
    "kiwipiepy",
    "docx",
    "sklearn",
    "scipy",
    "pyarrow",
    "openpyxl",
    "fastapi",
    "moksori.protect.scan",
    "moksori.protect.detect",
    "moksori.protect.learned",
)
GROUPS = ("codebook", "code", "coder", "case", "attribute", "memo", "deid", "user")

KO = "면접자: 어디에서 오셨어요?\n참여자: 저는 혜산에서 왔어요. 2010년 겨울에 강을 건넜습니다.\n"


def entry_point() -> list[str]:
    """The `moksori` script a user runs (the venv's), else the module."""
    script = Path(sys.executable).parent / "moksori"
    return [str(script)] if script.exists() else ["-m", "moksori"]


def imported(args: list[str], *, code: str | None = None) -> tuple[set[str], str]:
    """Every module a fresh process imports running `moksori ARGS` (or ``code``), and its
    standard output."""
    target = ["-c", code] if code is not None else [*entry_point(), *args]
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *target],
        capture_output=True,
        text=True,
        env=cli_env(COLUMNS="200"),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    assert "typer" in names  # the report was read
    return names, done.stdout


def heavy(names: set[str]) -> list[str]:
    return sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY))


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with one Korean interview, one code and one coding."""
    work = tmp_path_factory.mktemp("startup")
    (work / "ko.txt").write_text(KO, encoding="utf-8")
    project = work / "s.moksori"
    for step in (
        ["init", str(project)],
        ["add", str(project), str(work / "ko.txt"), "--workers", "1"],
        ["codebook", "add", str(project), "crossing"],
        ["code", "apply", str(project), "crossing", "--doc", "ko.txt", "--start", "16"]
        + ["--end", "53"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "moksori", *step],
            capture_output=True,
            text=True,
            env=cli_env(),
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    return project


def test_importing_the_app_loads_no_area_and_nothing_heavy() -> None:
    names, _ = imported([], code="import moksori.cli.app")
    assert heavy(names) == []
    areas = {e.module for e in COMMANDS}
    assert sorted(n for n in names if n.rsplit(".", 1)[-1] in areas) == []
    assert "moksori.project" not in names


def test_help_through_the_entry_point_lists_every_command_and_loads_nothing_heavy() -> None:
    names, shown = imported(["--help"])
    assert heavy(names) == []
    assert "moksori.project" not in names
    for entry in COMMANDS:
        assert f" {entry.name} " in shown, entry.name
        assert entry.help.splitlines()[0] in shown, entry.name


@pytest.mark.parametrize("group", GROUPS)
def test_an_area_help_loads_nothing_heavy(group: str) -> None:
    names, shown = imported([group, "--help"])
    assert heavy(names) == []
    assert f"moksori {group} [OPTIONS] COMMAND" in shown


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["info"], "SQLCipher"),
        (["docs"], "ko.txt"),
        (["code", "list"], "crossing"),
        (["freq"], "crossing"),
    ],
)
def test_one_shot_reads_load_nothing_heavy(study: Path, args: list[str], expected: str) -> None:
    names, shown = imported([*args, str(study)])
    assert expected in shown
    assert heavy(names) == []


def test_every_command_in_the_index_is_the_real_one() -> None:
    """The help line each command is listed with is the command's own, and every module
    registers exactly the commands the index gives it."""
    for module in sorted({e.module for e in COMMANDS}):
        built = area_commands(module)
        assert sorted(built) == sorted(e.name for e in COMMANDS if e.module == module), module
    for entry in COMMANDS:
        real = area_commands(entry.module)[entry.name]
        assert first_paragraph(real.help) == entry.help, entry.name
        assert real.short_help is None and not real.hidden and not real.deprecated


def test_every_command_resolves_and_prints_its_help() -> None:
    """Lazy registration cannot silently lose a command or a subcommand."""
    runner = CliRunner()
    seen = 0

    def check(path: list[str]) -> None:
        nonlocal seen
        r = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0, (path, r.output)
        assert f"moksori {' '.join(path)} [OPTIONS]" in r.output, path
        seen += 1

    for entry in COMMANDS:
        check([entry.name])
        command = area_commands(entry.module)[entry.name]
        for sub in getattr(command, "commands", {}):
            check([entry.name, sub])
            for subsub in getattr(command.commands[sub], "commands", {}):
                check([entry.name, sub, subsub])
    assert seen > 100  # 37 commands and groups, and the groups' commands


def test_the_group_lists_commands_in_the_index_order() -> None:
    group = MoksoriGroup(name="moksori")
    assert group.list_commands(None) == [e.name for e in COMMANDS]
    assert group.get_command(None, "memo") is area_commands("memos")["memo"]
    assert group.list_commands(None) == [e.name for e in COMMANDS]  # loaded, same place


def test_a_mistyped_command_is_answered_with_the_closest_names() -> None:
    r = CliRunner().invoke(app, ["inof"], env={"COLUMNS": "200"})
    assert r.exit_code == 2
    assert "No such command 'inof'. Did you mean 'info'?" in r.output


def test_export_formats_in_help_are_the_exporter_s() -> None:
    from moksori.protect.export import FORMATS

    assert deid_export.FORMATS == FORMATS

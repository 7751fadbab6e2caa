"""Lazy command registration: a command's module is imported only when it runs.

Building every command at start-up imported every area (de-identification,
reports, numpy …) before `moksori --help` could print a line. The top-level
group knows each command's name, module and one-line help (`Lazy`); listing them
in help needs nothing more, and running one imports its module and builds only
that module's commands. `tests/cli/test_startup.py` checks that the index and
the modules agree, so a command cannot silently go missing.
"""

from __future__ import annotations

import importlib
from difflib import get_close_matches
from typing import Any, ClassVar, NamedTuple

import typer
import typer.main
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

# Modules that add commands to another module's group when imported (a command
# of `code` lives with the translations it works on): imported before that module
# is built.
EXTENDED_BY: dict[str, tuple[str, ...]] = {"codings": ("bilingual",)}

# Each area module's commands, once built (register() runs once per process).
_built: dict[str, dict[str, Any]] = {}


class Lazy(NamedTuple):
    """A top-level command or group: where it lives and the help line that lists it
    (a tuple: the index is built at every start)."""

    name: str
    module: str  # under moksori.cli, with a register(app) function
    help: str  # the first paragraph of its help, exactly as the command has it


def _no_options() -> None:
    """Makes the wrapper a group, as the real app is (Typer's single-command mode differs)."""


def area_commands(module: str) -> dict[str, Any]:
    """Every command an area module registers, built as the top-level app would build it."""
    if module not in _built:
        for extension in EXTENDED_BY.get(module, ()):
            importlib.import_module(f"moksori.cli.{extension}")
        area = importlib.import_module(f"moksori.cli.{module}")
        wrapper = typer.Typer(add_completion=False)
        wrapper.callback()(_no_options)
        area.register(wrapper)
        group = typer.main.get_command(wrapper)
        assert isinstance(group, TyperGroup)
        _built[module] = dict(group.commands)
    return _built[module]


def first_paragraph(help_text: str | None) -> str:
    """What a group's help lists for a command (Typer shows the first paragraph)."""
    import inspect

    return inspect.cleandoc(help_text or "").split("\n\n")[0].strip()


class LazyGroup(TyperGroup):
    """A Typer group whose commands (from ``index``) load on first use."""

    index: ClassVar[tuple[Lazy, ...]] = ()
    _listing = False  # while help is drawn, a listed command is only its name and help

    def _entries(self) -> dict[str, Lazy]:
        return {e.name: e for e in self.index}

    def list_commands(self, ctx: Any) -> list[str]:
        indexed = [e.name for e in self.index]  # in the index's order, loaded or not
        return indexed + [n for n in super().list_commands(ctx) if n not in indexed]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        entry = self._entries().get(cmd_name)
        if found is not None or entry is None:
            return found
        if self._listing:
            return TyperCommand(name=entry.name, help=entry.help)
        command = area_commands(entry.module)[cmd_name]
        self.commands[cmd_name] = command
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as e:
            # Typer suggests among the commands built so far; suggest among them all.
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches and "Did you mean" not in e.message:
                suggestions = ", ".join(f"{m!r}" for m in matches)
                e.message = f"{e.message.rstrip('.')}. Did you mean {suggestions}?"
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

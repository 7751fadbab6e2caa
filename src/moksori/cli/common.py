"""What every command module shares: consoles, error handling, JSON output, options."""

from __future__ import annotations

import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from moksori.cli import display
from moksori.cli.passphrase import get_passphrase
from moksori.errors import MoksoriError

if TYPE_CHECKING:
    from moksori.project import Project

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one error, one line, however narrow
state = {"debug": bool(os.environ.get("MOKSORI_DEBUG"))}

F = TypeVar("F", bound=Callable[..., Any])

ProjectArg = Annotated[Path, typer.Argument(help="The project file, e.g. study.moksori")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

EXIT_ERROR = 1
EXIT_PARTIAL = 2


def handle_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MoksoriError as exc:
            if state["debug"]:
                raise
            err.print(f"[red]error:[/red] {display.line(str(exc))}")
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]; the project is unchanged by the unfinished step")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if state["debug"]:
                raise
            err.print(
                f"[red]internal error[/red] ({type(exc).__name__}); "
                "run again with --debug for details"
            )
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def actor_of(coder: str | None = None) -> str:
    """Who the audit trail names for a CLI change: --coder, MOKSORI_CODER, or the OS user."""
    if coder or os.environ.get("MOKSORI_CODER"):
        return coder or os.environ["MOKSORI_CODER"]
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def open_project(path: Path, coder: str | None = None) -> Project:
    from moksori.project import Project  # lazy: start-up (`moksori --help` opens nothing)

    return Project.open(path, get_passphrase(), actor=actor_of(coder))

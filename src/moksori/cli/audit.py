"""`moksori audit`: read the trail of who changed what, from either face."""

from __future__ import annotations

from typing import Annotated

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.project import audit_shown


def register(app: typer.Typer) -> None:
    app.command("audit")(audit)


@handle_errors
def audit(
    project: ProjectArg,
    action: Annotated[
        str | None,
        typer.Option("--action", help="One action (code.merge) or a family (code, deid)."),
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this person's events.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date or time on (UTC, 2026-12-01).")
    ] = None,
    last: Annotated[int | None, typer.Option("--last", help="Only the newest N events.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The audit trail: who did what, when, to which records (ids and counts, never text)."""
    with open_project(project) as p:
        events = p.audit_trail(action, actor=actor, since=since, last=last)
    if as_json:
        emit_json({"events": events})
        return
    if not events:
        err.print("no events")
        return
    for e in events:
        line = audit_shown(e)
        fields = [
            f"[dim]#{e['id']}[/dim]",
            line["when"],
            render.escape(e["actor"] or "unknown"),
            f"[bold]{e['action']}[/bold]",
            line["targets"],
            line["counts"],
            line["choice"],
        ]
        out.print("  ".join(f for f in fields if f))

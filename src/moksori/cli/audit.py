"""`moksori audit`: read the trail of who changed what, from either face."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out


def register(app: typer.Typer) -> None:
    app.command("audit")(audit)


def _refs(detail: dict[str, Any]) -> str:
    """Targets as kind: ids, GUIDs cut to 8 characters (enough to tell them apart)."""
    parts = []
    for kind, refs in detail.get("targets", {}).items():
        shown = [r[:8] if isinstance(r, str) else str(r) for r in refs[:5]]
        more = f" +{len(refs) - 5}" if len(refs) > 5 else ""
        parts.append(f"{kind} {', '.join(shown)}{more}")
    return "; ".join(parts)


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
        d = e["detail"]
        counts = ", ".join(f"{k} {v}" for k, v in d.get("counts", {}).items())
        fields = [
            f"[dim]#{e['id']}[/dim]",
            e["at"].replace("+00:00", "").replace("T", " "),
            render.escape(e["actor"] or "unknown"),
            f"[bold]{e['action']}[/bold]",
            _refs(d),
            counts,
            d.get("choice") or "",
        ]
        out.print("  ".join(f for f in fields if f))

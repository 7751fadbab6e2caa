"""`moksori report`: the findings report as HTML and Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from moksori.analysis.report import DEFAULT_TEMPLATE, ReportOptions
from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project


def register(app: typer.Typer) -> None:
    app.command("report")(report)


@handle_errors
def report(
    project: ProjectArg,
    out: Annotated[Path, typer.Option("--out", help="Folder for report.html, report.md, plots.")],
    title: Annotated[str, typer.Option(help="Report title.")] = "Findings",
    template: Annotated[
        str,
        typer.Option(help="Participant descriptor, e.g. '{pseudonym} (in her {age_band})'."),
    ] = DEFAULT_TEMPLATE,
    coders: Annotated[
        str | None, typer.Option(help="Coders for the reliability table, e.g. 'A,B'.")
    ] = None,
    unit: Annotated[
        str, typer.Option(help="Reliability unit: sentence, turn, char …")
    ] = "sentence",
    by: Annotated[
        list[str], typer.Option("--by", help="Attribute to break themes down by (repeatable).")
    ] = [],  # noqa: B006
    quotes: Annotated[int, typer.Option(help="Quotes per theme.")] = 3,
    original: Annotated[
        bool,
        typer.Option(
            "--original", help="Quote the stored text, not the redacted view (team eyes only)."
        ),
    ] = False,
    unreviewed_ok: Annotated[
        bool, typer.Option("--unreviewed-ok", help="Report although findings await review.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write the findings report: codebook, themes by attribute with plots, best quotes
    with participant descriptors, memos, reliability and the sample description."""
    options = ReportOptions(
        title=title,
        template=template,
        coders=[c.strip() for c in coders.split(",") if c.strip()] if coders else [],
        unit=unit,
        attributes=by,
        quotes_per_theme=quotes,
        redacted=not original,
    )
    with open_project(project) as p:
        if p.deid.findings.unreviewed() and not unreviewed_ok and not original:
            p.deid.require_reviewed(False)
        files = p.report(out, options)
    rep = files.report
    if as_json:
        emit_json(
            {
                "html": str(files.html),
                "markdown": str(files.markdown),
                "themes": len(rep.themes),
                "quotes": sum(len(t.quotes) for t in rep.themes),
                "participants": rep.sample.participants,
                "notes": rep.notes,
            }
        )
        return
    for note in rep.notes:
        err.print(f"[yellow]note:[/yellow] {render.escape(note)}")
    err.print(
        f"wrote {render.escape(str(files.html))} and {render.escape(str(files.markdown))} "
        f"({len(rep.themes)} themes, {rep.sample.participants} participants)"
    )

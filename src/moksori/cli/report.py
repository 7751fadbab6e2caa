"""`moksori report`: the findings report as HTML, Markdown and Word.

The report counts one set of coders, as the analyses do: the consensus coder by
default, or --coder NAME[,NAME] / --consensus; it says which. --agreement-coders
names the coders the reliability table compares (--coders is its old name).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from moksori.analysis.report import DEFAULT_TEMPLATE
from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project
from moksori.coding.coders import CODER_ENV
from moksori.errors import CodingError

FORMATS = ("html", "md", "docx")


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def _names(values: list[str]) -> list[str]:
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


@handle_errors
def report(
    project: ProjectArg,
    out: Annotated[Path, typer.Option("--out", help="Folder for report.html, report.md, plots.")],
    title: Annotated[str, typer.Option(help="Report title.")] = "Findings",
    descriptor: Annotated[
        str,
        typer.Option(
            "--descriptor",
            "--template",
            help="Participant descriptor, e.g. '{pseudonym} ({age_band}, left North Korea in "
            "{year_left})'. A missing value drops its clause; {her|his|their} follows the "
            "gender attribute.",
        ),
    ] = DEFAULT_TEMPLATE,
    coder: Annotated[
        list[str],
        typer.Option(
            "--coder",
            help="Count these coders' codings: NAME or A,B (repeatable; several add up). "
            "Default: the consensus coder when it has codings, else the only coder who coded.",
        ),
    ] = [],  # noqa: B006
    consensus: Annotated[
        bool, typer.Option("--consensus", help="Count the consensus coder's codings.")
    ] = False,
    as_: Annotated[
        str | None,
        typer.Option("--as", help=f"Who is looking, for blind coding (or set {CODER_ENV})."),
    ] = None,
    agreement_coders: Annotated[
        str | None,
        typer.Option("--agreement-coders", help="Coders the reliability table compares: 'A,B'."),
    ] = None,
    old_coders: Annotated[
        str | None, typer.Option("--coders", hidden=True, help="Old name of --agreement-coders.")
    ] = None,
    unit: Annotated[
        str, typer.Option(help="Reliability unit: sentence, turn, char …")
    ] = "sentence",
    by: Annotated[
        list[str], typer.Option("--by", help="Attribute to break themes down by (repeatable).")
    ] = [],  # noqa: B006
    quotes: Annotated[int, typer.Option(help="Quotes per theme.")] = 3,
    fmt: Annotated[
        list[str],
        typer.Option("--format", help="html, md or docx (repeatable). Default: html and md."),
    ] = [],  # noqa: B006
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
    with participant descriptors, memos, reliability and the sample description.

    Every count is of the chosen coders' codings (the consensus by default), never of
    every coder added up; the report names them."""
    from moksori.analysis.report import ReportOptions  # lazy: start-up

    if agreement_coders and old_coders:
        raise CodingError("give --agreement-coders only (--coders is its old name)")
    reliability = agreement_coders or old_coders
    formats = list(dict.fromkeys(f.strip().lower() for v in fmt for f in v.split(",") if f))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise CodingError(f"unknown report format {unknown[0]!r}: use {', '.join(FORMATS)}")
    options = ReportOptions(
        title=title,
        template=descriptor,
        counted_coders=_names(coder),
        consensus=consensus,
        viewer=as_ or os.environ.get(CODER_ENV) or None,
        agreement_coders=_names([reliability]) if reliability else [],
        unit=unit,
        attributes=by,
        quotes_per_theme=quotes,
        redacted=not original,
    )
    with open_project(project) as p:
        if p.deid.findings.unreviewed() and not unreviewed_ok and not original:
            p.deid.require_reviewed(False)
        # Only ask for formats when given: `formats=` is new in Project.report.
        files = p.report(out, options, formats=formats) if formats else p.report(out, options)
    rep = files.report
    written = [
        path
        for path in (files.html, files.markdown, getattr(files, "docx", None))
        if path is not None
    ]
    if as_json:
        result: dict[str, Any] = {
            "html": str(files.html) if files.html else None,
            "markdown": str(files.markdown) if files.markdown else None,
            "files": [str(f) for f in written],
            "counted_coders": rep.counted,
            "themes": len(rep.themes),
            "quotes": sum(len(t.quotes) for t in rep.themes),
            "participants": rep.sample.participants,
            "notes": rep.notes,
        }
        emit_json(result)
        return
    for note in rep.notes:
        err.print(f"[yellow]note:[/yellow] {render.escape(note)}")
    err.print(
        f"wrote {render.escape(' and '.join(str(f) for f in written))} "
        f"({len(rep.themes)} themes, {rep.sample.participants} participants; "
        f"counting codings by {render.escape(', '.join(rep.counted))})"
    )

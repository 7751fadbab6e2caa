"""`moksori export`: the project in an exchange format other tools read (REFI-QDA .qdpx)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.cli.vault import opened_vault

if TYPE_CHECKING:
    from moksori.interop.tool_import import ToolImportReport

EXPORT_FORMATS = ("qdpx",)
TAGUETTE_SUFFIXES = (".sqlite3", ".sqlite", ".db")  # else detected by content


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)


@handle_errors
def export(
    project: ProjectArg,
    out_file: Annotated[Path, typer.Argument(help="The file to write, e.g. study.qdpx")],
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of {', '.join(EXPORT_FORMATS)}.")
    ] = "qdpx",
    redacted: Annotated[
        bool,
        typer.Option("--redacted", help="Export the de-identified view (redacted texts)."),
    ] = False,
    unreviewed_ok: Annotated[
        bool,
        typer.Option("--unreviewed-ok", help="Export redacted although findings await review."),
    ] = False,
    vault: Annotated[
        Path | None,
        typer.Option("--vault", help="With --redacted: the vault, to scrub every known alias."),
    ] = None,
    target: Annotated[
        str,
        typer.Option(
            "--for",
            help="The tool the file is for: refi (code points, the standard), nvivo "
            "(UTF-16 positions), atlas, maxqda or qualcoder.",
        ),
    ] = "refi",
    as_json: JsonOpt = False,
) -> None:
    """Write the project as REFI-QDA (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder."""
    from moksori.interop.qdpx_export import export_qdpx  # lazy: start-up (~12 ms)
    from moksori.interop.refi import RefiError  # lazy: start-up

    if fmt.lower().lstrip(".") not in EXPORT_FORMATS:
        raise RefiError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    with open_project(project) as p:
        if redacted:
            p.deid.require_reviewed(unreviewed_ok)  # before asking for the vault passphrase
            with opened_vault(p, vault, required=vault is not None) as v:
                if v is None:
                    err.print("[yellow]no vault[/yellow]: names are scrubbed from findings only")
                report = export_qdpx(
                    p, out_file, redacted=True, unreviewed_ok=True, vault=v, target=target
                )
        else:
            report = export_qdpx(p, out_file, target=target)
    if as_json:
        emit_json(report.to_json())
        return
    what = "redacted project" if redacted else "project"
    line = (
        f"wrote {what} to {render.escape(str(out_file))}: {report.sources} sources, "
        f"{report.codes} codes, {report.selections} coded selections, {report.cases} cases, "
        f"{report.notes} notes"
    )
    if redacted:
        line += (
            f"; {report.selections_dropped} selection(s) fell inside removed text, "
            f"{report.names_scrubbed} names scrubbed from free text"
        )
    out.print(line)


@handle_errors
def import_(
    project: ProjectArg,
    in_file: Annotated[
        Path, typer.Argument(help="A REFI-QDA package (study.qdpx) or a Taguette project file")
    ],
    positions: Annotated[
        str,
        typer.Option(
            "--positions",
            help="What the file's positions count: utf16 (NVivo), codepoints, or auto "
            "(the producer's rule, checked against word boundaries).",
        ),
    ] = "auto",
    coder: Annotated[
        str | None,
        typer.Option(
            "--coder",
            help="Who imports: made the owner if the project has none (or MOKSORI_CODER).",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Bring in a REFI-QDA project (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder) or Taguette's."""
    # the importers (XML, zip, sqlite readers) load only here
    from moksori.interop.qdpx_import import import_qdpx  # lazy: start-up (~19 ms)
    from moksori.interop.taguette import import_taguette, looks_like_taguette  # lazy: ~20 ms

    if in_file.suffix.lower() in TAGUETTE_SUFFIXES or looks_like_taguette(in_file):
        with open_project(project) as p:
            tg = import_taguette(p, in_file, owner=coder)
        if as_json:
            emit_json(tg.to_json())
            return
        _outcome(
            tg,
            f"imported {render.escape(in_file.name)} (Taguette): {tg.documents} documents "
            f"({tg.documents_existing} already here), {tg.codes_created} new codes, "
            f"{tg.codings} codings, {tg.coders} new coders",
        )
        return
    with open_project(project) as p:
        report = import_qdpx(p, in_file, positions=positions.lower(), owner=coder)
    if as_json:
        emit_json(report.to_json())
        return
    _outcome(
        report,
        f"imported {render.escape(in_file.name)}: {report.documents} documents "
        f"({report.documents_existing} already here), {report.codes_created} new codes, "
        f"{report.codings} codings, {report.cases} cases, {report.memos} memos "
        f"({report.annotations} on passages), {report.links} code links "
        f"(from {report.producer}; positions as {report.positions})",
    )
    total, skipped = sum(report.elements.values()), sum(report.skipped.values())
    out.print(
        f"accounted for all {total} elements of the file: {total - skipped} imported or "
        f"merged, {skipped} skipped"
    )


def _outcome(report: ToolImportReport, summary: str) -> None:
    """The summary line, then everything skipped or warned about (on stderr)."""
    out.print(summary)
    for kind, n in sorted(report.skipped.items()):
        err.print(f"[yellow]skipped[/yellow] {n} × {render.escape(kind)}")
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {render.escape(warning)}")

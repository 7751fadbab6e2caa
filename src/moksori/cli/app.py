"""The `moksori` command: a thin shell over :class:`moksori.project.Project`.

Errors print one line and exit non-zero; a traceback only with --debug.
Listing and reporting commands take --json (data on stdout, progress on stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from moksori.cli import analysis as analysis_cli
from moksori.cli import audit as audit_cli
from moksori.cli import bilingual as bilingual_cli
from moksori.cli import cases as cases_cli
from moksori.cli import codebook as codebook_cli
from moksori.cli import codings as codings_cli
from moksori.cli import deid as deid_cli
from moksori.cli import display, render
from moksori.cli import interop as interop_cli
from moksori.cli import memos as memos_cli
from moksori.cli import reliability as reliability_cli
from moksori.cli import report as report_cli
from moksori.cli import shared as shared_cli
from moksori.cli import web as web_cli
from moksori.cli.common import (
    EXIT_PARTIAL,
    JsonOpt,
    ProjectArg,
    emit_json,
    err,
    handle_errors,
    open_project,
    out,
    state,
)
from moksori.cli.passphrase import get_passphrase, take_secrets
from moksori.cli.progress import count_progress, ingest_progress
from moksori.errors import MoksoriError
from moksori.ingest.batch import DEFAULT_TIMEOUT, SECONDS_PER_MB
from moksori.ingest.limits import Limits
from moksori.outputs import write_output
from moksori.project import FileOutcome, Filters, Project

app = typer.Typer(
    name="moksori",
    help="moksori (목소리): secure, offline, bilingual workbench for testimony research.",
    no_args_is_help=True,
    add_completion=False,
    # Never render local variables: they can hold the passphrase or testimony text.
    pretty_exceptions_enable=False,
)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    if debug:
        state["debug"] = True
    take_secrets()  # out of the environment before anything is started


@app.command()
@handle_errors
def init(project: ProjectArg) -> None:
    """Create a new encrypted project file."""
    Project.create(project, get_passphrase(confirm=True)).close()
    err.print(f"created encrypted project {render.escape(str(project))}")


@app.command()
@handle_errors
def info(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Schema version, encryption and contents of a project."""
    with open_project(project) as p:
        data = p.info()
    if as_json:
        emit_json(data.to_json())
    else:
        render.info(out, data)


def _parse_attrs(attrs: list[str]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for a in attrs:
        if "=" not in a:
            raise MoksoriError(f"--attr needs key=value, got {a!r}")
        k, v = a.split("=", 1)
        parsed[k.strip()] = v.strip()
    return parsed


@app.command()
@handle_errors
def add(
    project: ProjectArg,
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to add.")],
    attr: Annotated[
        list[str], typer.Option("--attr", help="key=value attribute for every document.")
    ] = [],  # noqa: B006
    max_size_mb: Annotated[
        float, typer.Option("--max-size", help="Refuse files larger than this (MB).")
    ] = 200.0,
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read the regular files symbolic links point to (never /dev, /proc, /sys).",
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.1,
            help=f"Seconds a file may take to read, plus {SECONDS_PER_MB:.0f} s per MB.",
        ),
    ] = DEFAULT_TIMEOUT,
    coder: Annotated[
        str | None, typer.Option("--coder", help="Who adds the files (for the audit).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest files and folders (txt, md, html, docx, pdf, hwp, hwpx, srt, vtt, csv).

    Only regular files are read: pipes, devices and (without --follow-symlinks)
    symbolic links are skipped, each with one error line.
    """
    attributes = _parse_attrs(attr)
    limits = Limits(max_file_bytes=int(max_size_mb * 1024 * 1024))
    with open_project(project, coder) as p, ingest_progress(err) as progress:
        task = progress.add_task("add", total=None, bytes_done=0)
        done_bytes = 0

        def on_start(n_files: int, n_bytes: int) -> None:
            progress.update(task, total=n_files)

        def on_file(o: FileOutcome) -> None:
            nonlocal done_bytes
            done_bytes += o.bytes
            progress.update(task, advance=1, bytes_done=done_bytes)
            if o.status == "error":
                progress.console.print(
                    f"[red]✗[/red] {display.line(o.source)}: {display.line(o.message)}"
                )
            elif o.status == "duplicate" and not as_json:
                progress.console.print(
                    f"[yellow]=[/yellow] {display.line(o.source)}: duplicate, "
                    f"{display.line(o.message)}"
                )

        report = p.add(
            paths,
            attributes=attributes,
            limits=limits,
            workers=workers or None,
            on_start=on_start,
            on_file=on_file,
            follow_symlinks=follow_symlinks,
            timeout=timeout,
        )
    if as_json:
        emit_json(report.to_json())
    else:
        render.add_report(out, report)
    if report.count("error"):
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
@handle_errors
def docs(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the documents in a project."""
    with open_project(project) as p:
        documents = p.documents()
    if as_json:
        emit_json([d.to_json() for d in documents])
    else:
        render.documents(out, documents)


@app.command()
@handle_errors
def show(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or file name.")],
    removed: Annotated[
        bool, typer.Option("--removed", help="Also show boilerplate that was left out.")
    ] = False,
    segments: Annotated[
        str, typer.Option(help="Which segments to list: passages, sentences, all or none.")
    ] = "passages",
    as_json: JsonOpt = False,
) -> None:
    """Print a document with its segments (and, with --removed, what was left out)."""
    with open_project(project) as p:
        detail = p.document(doc)
        notes = p.memos.ranges(detail.summary.id)  # memos on passages of it
    if as_json:
        emit_json({**detail.to_json(), "passage_memos": [m.to_json() for m in notes]})
    else:
        render.document(out, detail, segments=segments, removed=removed)
        for m in notes:
            title = f" {render.escape(m.title)}:" if m.title else ""
            out.print(
                f"  [cyan]memo #{m.id} on {m.range_label}[/cyan] "
                f"[dim]({render.escape(m.author or 'unknown')})[/dim]{title} "
                + display.line(" ".join(m.text.split()))
            )


@app.command()
@handle_errors
def original(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or file name.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Where to write the bytes ('-' for stdout)."),
    ] = None,
) -> None:
    """Write back the exact original bytes of the file a document came from."""
    with open_project(project) as p:
        name, data = p.original(doc)
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = output or Path(Path(name).name)
    if target.exists():
        raise MoksoriError(f"{target} exists; choose another name with -o")
    write_output(target, data)
    err.print(f"wrote {len(data)} bytes to {render.escape(str(target))}")


@app.command()
@handle_errors
def search(
    project: ProjectArg,
    query: Annotated[
        list[str],
        typer.Argument(help='Words, "phrases", AND/OR/NOT, ( ); several words need no quotes.'),
    ],
    doc: Annotated[list[str], typer.Option("--doc", help="Only this document.")] = [],  # noqa: B006
    speaker: Annotated[
        list[str], typer.Option("--speaker", help="Only turns of this speaker.")
    ] = [],  # noqa: B006
    lang: Annotated[list[str], typer.Option("--lang", help="ko, en or mixed.")] = [],  # noqa: B006
    attr: Annotated[list[str], typer.Option("--attr", help="key=value document attribute.")] = [],  # noqa: B006
    limit: Annotated[int, typer.Option(help="How many hits to show.")] = 20,
    include_duplicates: Annotated[
        bool, typer.Option(help="Also show passages repeated from another document.")
    ] = False,
    semantic: Annotated[
        bool,
        typer.Option("--semantic", help="Find passages by meaning, across languages."),
    ] = False,
    hybrid: Annotated[
        bool, typer.Option("--hybrid", help="Fuse keyword and meaning rankings.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Search in Korean and English: keywords (Kiwi lemmas, NK spelling, English stems), or
    by meaning (--semantic, after `moksori embed`), or both fused (--hybrid)."""
    if semantic and hybrid:
        raise typer.BadParameter("choose --semantic or --hybrid, not both")
    mode = "semantic" if semantic else "hybrid" if hybrid else "keyword"
    filters = Filters(
        documents=doc,
        speakers=speaker,
        langs=[x.lower() for x in lang],
        attributes=list(_parse_attrs(attr).items()),
    )
    with open_project(project) as p:
        result = p.search(
            " ".join(query),
            filters=filters,
            limit=limit,
            include_duplicates=include_duplicates,
            mode=mode,
        )
    if as_json:
        emit_json(result.to_json())
    else:
        render.search_result(out, result)
        if result.note:
            err.print(f"[yellow]note[/yellow] {render.escape(result.note)}")


@app.command()
@handle_errors
def embed(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Embed passages for meaning-based search (resumable; only what is missing)."""
    with open_project(project) as p, count_progress(err, "embedding", disable=as_json) as bar:
        task = bar.add_task("embedding", total=None)

        def on_batch(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = p.embed(on_batch)
    if as_json:
        emit_json(report.to_json())
    else:
        out.print(
            f"embedded {report.embedded} passages ({report.already} already embedded), "
            f"model {report.model}"
        )


# Each area of the coding workflow adds its own commands (one module per area).
for _area in (
    codebook_cli,
    codings_cli,
    cases_cli,
    memos_cli,
    reliability_cli,
    analysis_cli,
    report_cli,
    deid_cli,
    interop_cli,
    bilingual_cli,
    web_cli,
    audit_cli,
    shared_cli,
):
    _area.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

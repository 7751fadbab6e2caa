"""`moksori init`, `info`, `add`, `docs`, `show`, `original`, `search`, `embed`: the
project file and the corpus in it (documents, their text, search over them)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from moksori.cli import display, render
from moksori.cli.common import (
    EXIT_PARTIAL,
    JsonOpt,
    ProjectArg,
    emit_json,
    err,
    handle_errors,
    open_project,
    out,
)
from moksori.cli.passphrase import get_passphrase
from moksori.errors import MoksoriError
from moksori.ingest.limits import DEFAULT_TIMEOUT, SECONDS_PER_MB, Limits
from moksori.project import Filters, Project

if TYPE_CHECKING:
    from moksori.project import FileOutcome


def register(app: typer.Typer) -> None:
    for command in (init, info, add, docs, show, original, search, embed):
        app.command()(command)


@handle_errors
def init(project: ProjectArg) -> None:
    """Create a new encrypted project file."""
    Project.create(project, get_passphrase(confirm=True)).close()
    err.print(f"created encrypted project {render.escape(str(project))}")


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
    from moksori.cli.progress import ingest_progress  # lazy: start-up (rich.progress)

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


@handle_errors
def docs(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the documents in a project."""
    with open_project(project) as p:
        documents = p.documents()
    if as_json:
        emit_json([d.to_json() for d in documents])
    else:
        render.documents(out, documents)


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
    from moksori.outputs import write_output  # lazy: start-up

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


@handle_errors
def embed(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Embed passages for meaning-based search (resumable; only what is missing)."""
    from moksori.cli.progress import count_progress  # lazy: start-up (rich.progress)

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

"""`moksori memo …`: write, find and export memos on the project, codes, documents, cases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from moksori.cli import display, render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.coding.memos import EXPORT_FORMATS, TARGET_KINDS
from moksori.errors import CodingError

if TYPE_CHECKING:
    from moksori.coding.memos import Memo


CoderOpt = Annotated[
    str | None,
    typer.Option("--coder", help="Who is writing (named in the audit trail; or MOKSORI_CODER)."),
]
memo_app = typer.Typer(help="Memos: analytic notes with author and time.", no_args_is_help=True)

KindOpt = Annotated[
    str, typer.Option("--on", help=f"What the memo is about: {', '.join(TARGET_KINDS)}.")
]
RefArg = Annotated[
    str | None,
    typer.Argument(help="The code, document, case or coding id (none for the project)."),
]
MemoIdArg = Annotated[int, typer.Argument(help="The memo's id (see `memo list`).")]


def register(app: typer.Typer) -> None:
    app.add_typer(memo_app, name="memo")


def _print(memos: list[Memo]) -> None:
    if not memos:
        err.print("no memos")
        return
    for m in memos:
        title = f" [bold]{render.escape(m.title)}[/bold]" if m.title else ""
        where = f" at {m.range_label}" if m.range_label else ""
        out.print(
            f"[dim]#{m.id}[/dim] {m.target_kind}: {render.escape(m.target)}{where}{title} "
            f"[dim]— {render.escape(m.author or 'unknown')}, {m.updated_at}[/dim]"
        )
        if m.quote is not None:
            out.print("  [italic]“" + display.line(_short(m.quote)) + "”[/italic]")
        out.print("  " + render.escape(m.text).replace("\n", "\n  "))


def _short(quote: str, limit: int = 160) -> str:
    """The passage a memo is about, on one line and cut to a readable length."""
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@memo_app.command()
@handle_errors
def add(
    project: ProjectArg,
    ref: RefArg = None,
    on: KindOpt = "project",
    text: Annotated[str, typer.Option("--text", help="The memo ('-' reads standard input).")] = "",
    title: Annotated[str, typer.Option(help="A short title.")] = "",
    at: Annotated[
        str | None,
        typer.Option(
            "--range",
            help="With --on document: the memo is about this passage, START-END in code "
            "points of the stored text (as `show` and `code list` give them).",
        ),
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option(
            "--quote",
            help="With --on document: the memo is about the passage this quote matches "
            "(spacing, line breaks, quotes and dashes may differ).",
        ),
    ] = None,
    occurrence: Annotated[
        int | None, typer.Option("--occurrence", min=1, help="With --quote: the N-th match.")
    ] = None,
    coder: CoderOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a memo on the project, a code, a document (or a passage of it), a case or a
    coding."""
    if text == "-":
        text = typer.get_text_stream("stdin").read()
    if not text.strip():
        raise CodingError("give the memo with --text (or --text - to read standard input)")
    if at is not None and quote is not None:
        raise CodingError("give the passage with --range or --quote, not both")
    with open_project(project, coder) as p:
        span = _range(at) if at is not None else None
        if quote is not None:
            if on != "document" or ref is None:
                raise CodingError("--quote needs a document: DOC --on document")
            span = p.memos.locate(ref, quote, occurrence)
        memo = p.memos.add(on, ref, text, title=title, author=coder, span=span)
    if as_json:
        emit_json(memo.to_json())
    else:
        where = f" at {memo.range_label}" if memo.range_label else ""
        err.print(
            f"added memo #{memo.id} on {memo.target_kind} {render.escape(memo.target)}{where}"
        )


def _range(text: str) -> tuple[int, int]:
    start, sep, end = text.partition("-")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit():
        raise CodingError(f"--range {text!r}: give START-END, e.g. 120-180")
    return int(start), int(end)


@memo_app.command("list")
@handle_errors
def list_memos(
    project: ProjectArg,
    ref: RefArg = None,
    on: Annotated[str | None, typer.Option("--on", help="Only memos on this kind.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List memos, all or those on one kind of target or one target."""
    if ref is not None and on is None:
        raise CodingError("say what REF is with --on code|document|case|coding")
    with open_project(project) as p:
        memos = p.memos.list(on, ref)
    if as_json:
        emit_json([m.to_json() for m in memos])
    else:
        _print(memos)


@memo_app.command()
@handle_errors
def search(
    project: ProjectArg,
    query: Annotated[
        list[str],
        typer.Argument(help='Words, "phrases", AND/OR/NOT, as in search; no quotes needed.'),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Find memos; Korean words match their other forms (건너다 finds 건넜다)."""
    with open_project(project) as p:
        memos = p.memos.search(" ".join(query))
    if as_json:
        emit_json([m.to_json() for m in memos])
    else:
        _print(memos)


@memo_app.command()
@handle_errors
def edit(
    project: ProjectArg,
    memo_id: MemoIdArg,
    text: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    coder: CoderOpt = None,
) -> None:
    """Change a memo's text or title."""
    if text is None and title is None:
        raise CodingError("nothing to change; give --text or --title")
    with open_project(project, coder) as p:
        memo = p.memos.edit(memo_id, text=text, title=title)
    err.print(f"updated memo #{memo.id}")


@memo_app.command()
@handle_errors
def delete(project: ProjectArg, memo_id: MemoIdArg, coder: CoderOpt = None) -> None:
    """Delete a memo."""
    with open_project(project, coder) as p:
        memo = p.memos.delete(memo_id)
    err.print(f"deleted memo #{memo.id} on {memo.target_kind} {render.escape(memo.target)}")


@memo_app.command()
@handle_errors
def export(
    project: ProjectArg,
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of {', '.join(EXPORT_FORMATS)}.")
    ] = "md",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export every memo, grouped by what it is about, with author and time."""
    from moksori.outputs import write_text_output  # lazy: start-up

    with open_project(project) as p:
        text = p.memos.export(fmt)
    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
        return
    if output.exists():
        raise CodingError(f"{output} exists; choose another name with -o")
    write_text_output(output, text)
    err.print(f"wrote memos to {render.escape(str(output))}")

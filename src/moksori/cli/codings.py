"""`moksori code …` (apply, remove, list codings) and `moksori coder …` (who codes)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from typer.core import TyperGroup

from moksori.cli import display, render
from moksori.cli.common import (
    EXIT_ERROR,
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
from moksori.coding.coders import ROLES
from moksori.errors import CodingError

if TYPE_CHECKING:
    from moksori.coding.coding_io import EntryProblem


class _DefaultApply(TyperGroup):
    """`moksori code PROJECT CODE …` means `moksori code apply PROJECT CODE …`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["apply", *args]
        return super().parse_args(ctx, args)


code_app = typer.Typer(
    cls=_DefaultApply,
    help="Apply codes to text: by segment, by range or to every hit of a search.",
    no_args_is_help=True,
)
coder_app = typer.Typer(help="The people who code, and blind coding.", no_args_is_help=True)

CoderOpt = Annotated[
    str | None, typer.Option("--coder", help="Who is coding (or set MOKSORI_CODER).")
]


def register(app: typer.Typer) -> None:
    app.add_typer(code_app, name="code")
    app.add_typer(coder_app, name="coder")
    app.command("merge")(merge)


@handle_errors
def merge(
    project: ProjectArg,
    other: Annotated[Path, typer.Argument(help="Another copy of the study, e.g. coder-b.moksori")],
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Merge OTHER into PROJECT: documents by content hash, coders, codes by path, codings,
    cases and memos; conflicts are reported and nothing is lost. OTHER is not changed."""
    with open_project(project, coder) as p:
        report = p.merge_from(other, get_passphrase())
    if as_json:
        emit_json(report.to_json())
        return
    added = ", ".join(f"{n} {k}" for k, n in report.added.items() if n) or "nothing new"
    err.print(f"merged {render.escape(str(other))}: added {added}")
    for c in report.conflicts:
        detail = ", ".join(f"{k}={v}" for k, v in c.items() if k != "kind")
        err.print(f"[yellow]conflict[/yellow] ({c['kind']}): {render.escape(detail)}")


@code_app.command()
@handle_errors
def apply(
    project: ProjectArg,
    code: Annotated[str, typer.Argument(help="Code id, path or unique name.")],
    segment: Annotated[list[int], typer.Option("--segment", help="Segment id (repeatable).")] = [],  # noqa: B006
    doc: Annotated[str | None, typer.Option("--doc", help="Document for --start/--end.")] = None,
    start: Annotated[
        int | None, typer.Option(help="Code-point offset where the range starts.")
    ] = None,
    end: Annotated[
        int | None, typer.Option(help="Code-point offset where it ends (exclusive).")
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option(
            "--quote",
            help="With --doc: code the text this quote matches (line breaks, spacing, curly "
            "quotes and dashes may differ); it must match one place or give --occurrence.",
        ),
    ] = None,
    occurrence: Annotated[
        int | None,
        typer.Option("--occurrence", min=1, help="With --quote: the N-th place it matches."),
    ] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Code every passage it finds.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without the preview.")] = False,
    limit: Annotated[int, typer.Option(help="Most passages a query may code.")] = 10_000,
    memo: Annotated[str | None, typer.Option(help="A memo on the coding.")] = None,
    coder: CoderOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply a code by --segment, by --doc with --start/--end or --quote, or to every hit of
    --query (shown first; --yes writes without asking)."""
    ways = sum(bool(x) for x in (segment, start is not None or end is not None, query, quote))
    if ways != 1:
        raise CodingError(
            "give exactly one of --segment, --doc with --start/--end or --quote, or --query"
        )
    with open_project(project, coder) as p:
        if query is not None:
            preview = p.codings.preview_query(code, query, limit=limit)
            if not yes:
                _show_preview(preview.to_json(), as_json)
                if as_json or not preview.hits:
                    return
                if not typer.confirm(f"code {len(preview.hits)} passage(s)?", err=True):
                    err.print("nothing written")
                    return
            made = p.codings.apply_query(code, query, coder=coder, memo=memo, limit=limit)
        elif segment:
            made = [p.codings.apply_segment(code, s, coder=coder, memo=memo) for s in segment]
        elif quote is not None:
            if doc is None:
                raise CodingError("--quote needs --doc")
            made = [
                p.codings.apply_quote(
                    code, doc, quote, occurrence=occurrence, coder=coder, memo=memo
                )
            ]
        else:
            if doc is None or start is None or end is None:
                raise CodingError("a range needs --doc, --start and --end")
            made = [p.codings.apply(code, doc, start, end, coder=coder, memo=memo)]
        projected = p.project_new_codings(made)
    if as_json:
        emit_json([c.to_json() for c in made])
    else:
        err.print(f"{len(made)} coding(s) recorded")
        if projected:
            err.print(f"{projected} projected onto the aligned translation")


def _show_preview(preview: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json({"preview": preview})
        return
    table = Table(title=f"{preview['total']} passage(s) for {preview['code']}", show_lines=False)
    for col in ("doc", "range", "speaker", "text", ""):
        table.add_column(col)
    for h in preview["hits"][:50]:
        table.add_row(
            render.escape(h["document"]),
            f"{h['start']}–{h['end']}",
            render.escape(h["speaker"] or ""),
            render.escape(h["snippet"][:90]),
            "already" if h["already_coded"] else "",
        )
    out.print(table)
    if len(preview["hits"]) > 50:
        out.print(f"… and {len(preview['hits']) - 50} more")


@code_app.command()
@handle_errors
def remove(
    project: ProjectArg,
    coding: Annotated[list[int], typer.Argument(help="Coding id(s).")],
    coder: CoderOpt = None,
) -> None:
    """Remove codings by id."""
    with open_project(project, coder) as p:
        for cid in coding:
            p.codings.remove(cid)
    err.print(f"removed {len(coding)} coding(s)")


@code_app.command("import")
@handle_errors
def import_codings(
    project: ProjectArg,
    source: Annotated[
        Path, typer.Argument(help="YAML or CSV of doc, quote, code (memo, coder, occurrence).")
    ],
    skip_bad: Annotated[
        bool,
        typer.Option("--skip-bad", help="Import the good entries and list the bad ones."),
    ] = False,
    coder: CoderOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Import codings that name their text by quote. Every entry is checked first and every
    bad one is listed; one bad entry and nothing is imported, unless --skip-bad."""
    from moksori.coding.coding_io import (  # lazy: start-up
        QuoteImportFailed,
        import_quotes,
        read_entries,
    )

    if not source.is_file():
        raise CodingError(f"{source}: no such file")
    entries = read_entries(source)
    with open_project(project, coder) as p:
        try:
            report = import_quotes(p.codings, entries, coder=coder, skip_bad=skip_bad)
        except QuoteImportFailed as exc:
            _print_problems(
                exc.problems,
                f"{len(exc.problems)} of {exc.total} entries "
                "cannot be coded; nothing was imported (--skip-bad imports the rest)",
            )
            if as_json:
                emit_json({"imported": False, "problems": [asdict(x) for x in exc.problems]})
            raise typer.Exit(EXIT_ERROR) from None
    if as_json:
        emit_json(report.to_json())
    else:
        err.print(f"{report.codings} coding(s) imported, {report.already_there} already there")
    if report.skipped:
        _print_problems(report.skipped, f"{len(report.skipped)} bad entry(ies) skipped")
        raise typer.Exit(EXIT_PARTIAL)


def _print_problems(problems: list[EntryProblem], heading: str) -> None:
    err.print(f"[red]error:[/red] {display.line(heading)}:")
    for x in problems:
        err.print(f"  {display.line(str(x))}")


@code_app.command("list")
@handle_errors
def list_codings(
    project: ProjectArg,
    code: Annotated[str | None, typer.Argument(help="Only this code.")] = None,
    subcodes: Annotated[bool, typer.Option("--subcodes", help="And all of its sub-codes.")] = False,
    doc: Annotated[str | None, typer.Option("--doc")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Only this coder's codings.")] = None,
    coder: CoderOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Coded segments with text, document, speaker, case, coder and offsets."""
    with open_project(project) as p:
        viewer = p.coders.current(coder) if p.coders.list() else None
        rows = p.codings.list(
            code, include_subcodes=subcodes, document=doc, coder=by, viewer=viewer
        )
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    if not rows:
        err.print("no codings")
        return
    table = Table(show_lines=True)
    for col in ("#", "code", "document", "range", "speaker", "case", "coder", "text"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r.id),
            render.escape(r.code),
            render.escape(r.document),
            f"{r.start}–{r.end}",
            render.escape(r.speaker or ""),
            render.escape(", ".join(r.cases)),
            render.escape(r.coder),
            render.escape(r.text if len(r.text) <= 300 else r.text[:300] + "…"),
        )
    out.print(table)


@coder_app.command("add")
@handle_errors
def add_coder(
    project: ProjectArg,
    name: str,
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES[:2])}.")] = "coder",
    as_json: JsonOpt = False,
) -> None:
    """Add a coder (a named user of the project)."""
    with open_project(project) as p:
        c = p.coders.add(name, role)
    if as_json:
        emit_json(c.to_json())
    else:
        err.print(f"added {c.role} {render.escape(c.name)}")


@coder_app.command("list")
@handle_errors
def list_coders(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the coders and how many codings each has."""
    with open_project(project) as p:
        coders = p.coders.list()
        counts = p.codings.counts_by_coder()
        blind = p.codings.blind()
    if as_json:
        emit_json(
            {
                "blind": blind,
                "coders": [{**c.to_json(), "codings": counts.get(c.id, 0)} for c in coders],
            }
        )
        return
    for c in coders:
        out.print(f"{render.escape(c.name)}  [dim]{c.role}, {counts.get(c.id, 0)} coding(s)[/dim]")
    out.print(f"[dim]blind coding {'on' if blind else 'off'}[/dim]")


@coder_app.command("blind")
@handle_errors
def blind(
    project: ProjectArg,
    state: Annotated[str, typer.Argument(help="on or off")],
    coder: CoderOpt = None,
) -> None:
    """Hide (on) or show (off) other coders' work to each coder. Owner only."""
    if state not in ("on", "off"):
        raise CodingError("say on or off")
    with open_project(project, coder) as p:
        p.codings.set_blind(state == "on", by=coder)
    err.print(f"blind coding {state}")

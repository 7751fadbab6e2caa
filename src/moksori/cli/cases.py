"""`moksori case …` and `moksori attribute …`: participants, their attributes and links."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from moksori.cli import display, render
from moksori.cli.common import (
    EXIT_ERROR,
    JsonOpt,
    ProjectArg,
    emit_json,
    err,
    handle_errors,
    open_project,
    out,
)
from moksori.errors import CodingError

if TYPE_CHECKING:
    from moksori.coding.cases import CaseLink


case_app = typer.Typer(
    help="Cases (participants): pseudonyms, attributes, links to documents and speakers.",
    no_args_is_help=True,
)
attribute_app = typer.Typer(
    help="Typed case attributes (birth year, age band, …).", no_args_is_help=True
)

CaseArg = Annotated[str, typer.Argument(help="A case: its id or name (pseudonym).")]
DocArg = Annotated[str, typer.Argument(help="Document id or file name.")]
StartOpt = Annotated[int | None, typer.Option(help="Start offset (characters, from 0).")]
EndOpt = Annotated[int | None, typer.Option(help="End offset (exclusive).")]
SpeakerOpt = Annotated[str | None, typer.Option(help="Every turn of this speaker.")]


CoderOpt = Annotated[
    str | None,
    typer.Option("--coder", help="Who is doing this (named in the audit trail; or MOKSORI_CODER)."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
    app.add_typer(attribute_app, name="attribute")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return render.escape(value.isoformat() if hasattr(value, "isoformat") else str(value))


def _json_value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _where(link: CaseLink) -> str:
    if link.speaker is not None:
        return f"speaker {render.escape(link.speaker)}"
    if link.start is not None:
        return f"{link.start}–{link.end}"
    return "whole document"


# --- cases -----------------------------------------------------------------------
@case_app.command()
@handle_errors
def add(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="A pseudonym, never a real name.")],
    description: Annotated[str, typer.Option(help="A note about the case.")] = "",
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Add a case (usually a participant)."""
    with open_project(project, coder) as p:
        case = p.cases.add(name, description)
    if as_json:
        emit_json(case.to_json())
    else:
        err.print(f"added case {render.escape(case.name)} (#{case.id})")


@case_app.command("list")
@handle_errors
def list_cases(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List cases with their attributes and how many documents each is linked to."""
    with open_project(project) as p:
        rows = p.cases.table()
        cases = {c.name: c for c in p.cases.list()}
        docs = {name: p.cases.documents_of(c.id) for name, c in cases.items()}
        attrs = [a.name for a in p.cases.attributes()]
    if as_json:
        emit_json(
            [
                {
                    "id": cases[r["case"]].id,
                    "name": r["case"],
                    "documents": docs[r["case"]],
                    "values": {k: _json_value(r[k]) for k in attrs if r[k] is not None},
                }
                for r in rows
            ]
        )
        return
    if not rows:
        err.print("no cases yet; add one with: moksori case add PROJECT NAME")
        return
    table = Table("#", "case", "docs", *(render.escape(a) for a in attrs))
    for r in rows:
        name = r["case"]
        table.add_row(
            str(cases[name].id),
            render.escape(name),
            str(len(docs[name])),
            *(_cell(r[a]) for a in attrs),
        )
    out.print(table)


@case_app.command()
@handle_errors
def show(project: ProjectArg, case: CaseArg, as_json: JsonOpt = False) -> None:
    """A case's attributes and links."""
    with open_project(project) as p:
        detail = p.cases.detail(case)
    if as_json:
        emit_json(detail.to_json())
        return
    c = detail.case
    out.print(f"[bold]{render.escape(c.name)}[/bold] #{c.id}")
    if c.description:
        out.print(f"  [dim]description:[/dim] {render.escape(c.description)}")
    for name, value in detail.values.items():
        out.print(f"  [dim]{render.escape(name)}:[/dim] {_cell(value)}")
    for k in detail.links:
        out.print(
            f"  [dim]linked:[/dim] {render.escape(k.document)} (#{k.document_id}), {_where(k)}"
        )
    if not detail.links:
        out.print("  [dim]not linked to any document yet[/dim]")


@case_app.command()
@handle_errors
def rename(project: ProjectArg, case: CaseArg, new_name: str, coder: CoderOpt = None) -> None:
    """Rename a case."""
    with open_project(project, coder) as p:
        c = p.cases.rename(case, new_name)
    err.print(f"renamed to {render.escape(c.name)}")


@case_app.command()
@handle_errors
def delete(project: ProjectArg, case: CaseArg, coder: CoderOpt = None) -> None:
    """Delete a case, its values, links and memos (what is removed is kept in the trash)."""
    with open_project(project, coder) as p:
        result = p.cases.delete(case)
    err.print(
        f"deleted case {render.escape(result['deleted'])} with {result['values']} value(s), "
        f"{result['links']} link(s) and {result['memos']} memo(s)"
    )


@case_app.command()
@handle_errors
def link(
    project: ProjectArg,
    case: Annotated[str | None, typer.Argument(help="A case: its id or name (pseudonym).")] = None,
    doc: Annotated[str | None, typer.Argument(help="Document id or file name.")] = None,
    start: StartOpt = None,
    end: EndOpt = None,
    speaker: SpeakerOpt = None,
    map_: Annotated[
        Path | None,
        typer.Option(
            "--map",
            help="CSV/TSV of many links: header case,document (start,end,speaker optional) "
            "or two columns without a header. All or nothing.",
        ),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="With --map: add the cases the project lacks.")
    ] = False,
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Link a case to a whole document, a range (--start/--end) or a speaker's turns; or
    many cases at once with --map FILE (every bad row listed, nothing linked then)."""
    if map_ is not None:
        if any(x is not None for x in (case, doc, start, end, speaker)):
            raise CodingError("--map takes its cases and documents from the file; give no CASE DOC")
        _link_map(project, map_, create, as_json, coder)
        return
    if case is None or doc is None:
        raise CodingError("give CASE and DOC, or --map FILE")
    if create:
        raise CodingError("--create goes with --map (add one case with `moksori case add`)")
    with open_project(project, coder) as p:
        k = p.cases.link(case, doc, start=start, end=end, speaker=speaker)
    if as_json:
        emit_json(k.to_json())
    else:
        err.print(f"linked {render.escape(k.case)} to {render.escape(k.document)}, {_where(k)}")


def _link_map(project: Path, source: Path, create: bool, as_json: bool, coder: str | None) -> None:
    from moksori.coding.case_links import (  # lazy: start-up
        CaseLinks,
        LinkMapFailed,
        read_link_map,
    )

    if not source.is_file():
        raise CodingError(f"{source}: no such file")
    table = read_link_map(source)
    with open_project(project, coder) as p:
        try:
            report = CaseLinks(p.cases).link_map(table, create=create)
        except LinkMapFailed as exc:
            err.print(
                f"[red]error:[/red] {len(exc.problems)} of {exc.total} rows cannot be linked; "
                "nothing was linked:"
            )
            for x in exc.problems:
                err.print(f"  {display.line(str(x))}")
            if as_json:
                emit_json({"linked": False, "problems": [asdict(x) for x in exc.problems]})
            raise typer.Exit(EXIT_ERROR) from None
    if as_json:
        emit_json(report.to_json())
        return
    made = f", {len(report.cases_created)} new case(s)" if report.cases_created else ""
    err.print(f"{report.linked} link(s) made, {report.already_there} already there{made}")
    if report.ignored_columns:
        shown = ", ".join(report.ignored_columns)
        err.print(f"[yellow]ignored column(s):[/yellow] {display.line(shown)}")


@case_app.command()
@handle_errors
def unlink(
    project: ProjectArg,
    case: CaseArg,
    doc: DocArg,
    start: StartOpt = None,
    end: EndOpt = None,
    speaker: SpeakerOpt = None,
    every: Annotated[bool, typer.Option("--all", help="Every link to this document.")] = False,
    coder: CoderOpt = None,
) -> None:
    """Remove a link (the same --start/--end or --speaker it was made with)."""
    with open_project(project, coder) as p:
        n = p.cases.unlink(case, doc, start=start, end=end, speaker=speaker, every=every)
    err.print(f"removed {n} link(s)")


@case_app.command("links")
@handle_errors
def list_links(
    project: ProjectArg,
    case: Annotated[str | None, typer.Option("--case", help="Only this case.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Every case–document link."""
    with open_project(project) as p:
        links = p.cases.links(case)
    if as_json:
        emit_json([k.to_json() for k in links])
        return
    for k in links:
        out.print(
            f"{render.escape(k.case)} → {render.escape(k.document)} (#{k.document_id}), {_where(k)}"
        )
    if not links:
        err.print("no links yet; add one with: moksori case link PROJECT CASE DOC")


@case_app.command("set")
@handle_errors
def set_value(
    project: ProjectArg,
    case: CaseArg,
    attribute: Annotated[str, typer.Argument(help="The attribute's name.")],
    value: Annotated[str, typer.Argument(help="The value ('' removes it).")],
    coder: CoderOpt = None,
) -> None:
    """Set one attribute value of a case (checked against the attribute's type)."""
    with open_project(project, coder) as p:
        stored = p.cases.set_value(case, attribute, value)
    shown = "removed" if stored is None else f"= {_cell(stored)}"
    err.print(f"{render.escape(case)}: {render.escape(attribute)} {shown}")


def _parse_types(specs: list[str]) -> dict[str, str]:
    types: dict[str, str] = {}
    for spec in specs:
        name, eq, type_ = spec.partition("=")
        if not eq or not name.strip():
            raise CodingError(
                f"--type needs attribute=type (e.g. birth_year=integer), got {spec!r}"
            )
        types[name.strip()] = type_.strip()
    return types


@case_app.command("import")
@handle_errors
def import_(
    project: ProjectArg,
    source: Annotated[Path, typer.Argument(help="FILE.csv or FILE.xlsx, one row per case.")],
    type_: Annotated[
        list[str],
        typer.Option(
            "--type",
            help="attribute=type for a new column (integer, date, category, "
            "'ordinal:20s,30s,40s', …); others are inferred.",
        ),
    ] = [],  # noqa: B006
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Import case attributes; one bad value and nothing changes (the error says where)."""
    from moksori.coding.case_table import import_cases  # lazy: start-up

    if not source.is_file():
        raise CodingError(f"{source}: no such file")
    types = _parse_types(type_)
    with open_project(project, coder) as p:
        report = import_cases(p.cases, source, types)
    if as_json:
        emit_json(report.to_json())
        return
    for a in report.attributes_created:
        levels = f" ({', '.join(a['levels'])})" if a["levels"] else ""
        err.print(f"new attribute {render.escape(a['name'])}: {a['type']}{render.escape(levels)}")
    err.print(
        f"{len(report.cases_created)} case(s) created, {len(report.cases_updated)} updated; "
        f"{report.values_set} value(s) set, {report.values_cleared} blank"
    )


@case_app.command("export")
@handle_errors
def export(
    project: ProjectArg,
    output: Annotated[Path, typer.Argument(help="OUT.csv or OUT.xlsx")],
) -> None:
    """Export every case's attributes (XLSX also records the attribute types)."""
    from moksori.coding.case_table import export_cases  # lazy: start-up

    with open_project(project) as p:
        n = export_cases(p.cases, output)
    err.print(
        f"wrote {n} case(s) to {render.escape(str(output))} "
        "[yellow](not encrypted: keep it as safe as the project)[/yellow]"
    )


@case_app.command()
@handle_errors
def describe(
    project: ProjectArg,
    template: Annotated[
        str,
        typer.Option(help='e.g. "{pseudonym} (in her {age_band}, left {year_left})"'),
    ],
    missing: Annotated[str, typer.Option(help="Shown for a value a case lacks.")] = "?",
    strict: Annotated[bool, typer.Option(help="Fail if a case lacks a value.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Participant descriptors for every case, from a template (never a real name)."""
    with open_project(project) as p:
        found = p.cases.descriptors(template, missing=None if strict else missing)
    if as_json:
        emit_json([{"case": k, "descriptor": v} for k, v in found.items()])
        return
    for name, text in found.items():
        out.print(f"{render.escape(name)}\t{render.escape(text)}")
    if not found:
        err.print("no cases yet")


# --- attributes ------------------------------------------------------------------
@attribute_app.command("add")
@handle_errors
def add_attribute(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="e.g. birth_year, age_band, 출신지역")],
    type_: Annotated[
        str,
        typer.Option("--type", help="text, integer, float, date, boolean, ordinal or category."),
    ],
    levels: Annotated[
        str | None, typer.Option(help="Levels for ordinal (in order) or category: a,b,c")
    ] = None,
    description: Annotated[str, typer.Option(help="What the attribute records.")] = "",
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Define a typed attribute for cases."""
    parsed = [x.strip() for x in levels.split(",")] if levels else None
    with open_project(project, coder) as p:
        attr = p.cases.define_attribute(name, type_, parsed, description)
    if as_json:
        emit_json(attr.to_json())
    else:
        err.print(f"added attribute {render.escape(attr.name)} ({attr.type})")


@attribute_app.command("list")
@handle_errors
def list_attributes(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the attributes with their types and levels."""
    with open_project(project) as p:
        attrs = p.cases.attributes()
    if as_json:
        emit_json([a.to_json() for a in attrs])
        return
    if not attrs:
        err.print("no attributes yet; add one with: moksori attribute add PROJECT NAME --type T")
        return
    table = Table("attribute", "type", "levels", "description")
    for a in attrs:
        table.add_row(
            render.escape(a.name),
            a.type,
            render.escape(" < ".join(a.levels) if a.type == "ordinal" else ", ".join(a.levels)),
            render.escape(a.description),
        )
    out.print(table)


@attribute_app.command("delete")
@handle_errors
def delete_attribute(project: ProjectArg, name: str, coder: CoderOpt = None) -> None:
    """Delete an attribute and every case's value for it (kept in the trash)."""
    with open_project(project, coder) as p:
        result = p.cases.delete_attribute(name)
    err.print(f"deleted attribute {render.escape(result['deleted'])} ({result['values']} value(s))")

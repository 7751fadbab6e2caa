"""`moksori codebook …`: build and reshape the hierarchical codebook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.tree import Tree

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.coding.codebook import RELATIONS
from moksori.errors import CodingError

if TYPE_CHECKING:
    from moksori.coding.codebook import Code


codebook_app = typer.Typer(
    help="The codebook: codes, categories, definitions, links.", no_args_is_help=True
)

CodeArg = Annotated[str, typer.Argument(help="A code: id, path (Category/Code) or unique name.")]
CoderOpt = Annotated[
    str | None,
    typer.Option("--coder", help="Who is doing this (named in the audit trail; or MOKSORI_CODER)."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(codebook_app, name="codebook")


def _tree(codes: list[Code]) -> Tree:
    root = Tree("[bold]codebook[/bold]")
    nodes: dict[int, Tree] = {}
    for c in codes:
        label = render.escape(c.name)
        if c.alt_name:
            label += f" [dim]({render.escape(c.alt_name)})[/dim]"
        if c.colour:
            label = f"[{c.colour}]■[/] " + label
        if c.is_core:
            label += " [bold magenta]★ core[/]"
        if not c.codable:
            label += " [dim]folder[/dim]"
        label += f" [dim]#{c.id}[/dim]"
        parent = nodes.get(c.parent_id) if c.parent_id is not None else root
        nodes[c.id] = (parent or root).add(label)
    return root


@codebook_app.command("list")
@handle_errors
def list_codes(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Show the code tree."""
    with open_project(project) as p:
        codes = p.codebook.tree()
        counts = p.codebook.coding_counts()
    if as_json:
        emit_json([{**c.to_json(), "codings": counts.get(c.id, 0)} for c in codes])
    elif not codes:
        err.print("the codebook is empty; add a code with: moksori codebook add PROJECT NAME")
    else:
        out.print(_tree(codes))


@codebook_app.command()
@handle_errors
def add(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The code's name (Korean, English or both).")],
    parent: Annotated[str | None, typer.Option(help="Category to put it under.")] = None,
    alt_name: Annotated[str | None, typer.Option(help="Name in the other language.")] = None,
    definition: Annotated[str, typer.Option(help="What the code means.")] = "",
    include: Annotated[str, typer.Option(help="When to apply it.")] = "",
    exclude: Annotated[str, typer.Option(help="When not to apply it.")] = "",
    example: Annotated[list[str], typer.Option(help="An example quote (repeatable).")] = [],  # noqa: B006
    colour: Annotated[str | None, typer.Option(help="Hex colour, e.g. #1f77b4.")] = None,
    folder: Annotated[bool, typer.Option(help="A category that is not applied itself.")] = False,
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Add a code or category."""
    with open_project(project, coder) as p:
        code = p.codebook.create(
            name,
            parent,
            alt_name=alt_name,
            definition=definition,
            inclusion=include,
            exclusion=exclude,
            examples=example,
            colour=colour,
            codable=not folder,
        )
    if as_json:
        emit_json(code.to_json())
    else:
        err.print(f"added code {render.escape(code.path)} (#{code.id})")


@codebook_app.command()
@handle_errors
def show(project: ProjectArg, code: CodeArg, as_json: JsonOpt = False) -> None:
    """A code's definition, criteria, examples, links and counts."""
    with open_project(project) as p:
        c = p.codebook.get(code)
        links = [k for k in p.codebook.links() if c.path in (k.from_code, k.to_code)]
        own = p.codebook.coding_count(c.id)
        total = p.codebook.coding_count(c.id, include_subcodes=True)
    if as_json:
        emit_json(
            {
                **c.to_json(),
                "links": [k.to_json() for k in links],
                "codings": own,
                "codings_with_subcodes": total,
            }
        )
        return
    out.print(f"[bold]{render.escape(c.path)}[/bold] #{c.id}" + (" ★ core" if c.is_core else ""))
    for label, value in (
        ("other name", c.alt_name),
        ("definition", c.definition),
        ("include", c.inclusion),
        ("exclude", c.exclusion),
        ("colour", c.colour),
    ):
        if value:
            out.print(f"  [dim]{label}:[/dim] {render.escape(value)}")
    for e in c.examples:
        out.print(f"  [dim]example:[/dim] “{render.escape(e)}”")
    for k in links:
        out.print(
            f"  [dim]link:[/dim] {render.escape(k.from_code)} —{render.escape(k.relation)}→ "
            f"{render.escape(k.to_code)}"
        )
    out.print(f"  [dim]codings:[/dim] {own} ({total} with sub-codes)")


@codebook_app.command()
@handle_errors
def update(
    project: ProjectArg,
    code: CodeArg,
    alt_name: Annotated[str | None, typer.Option()] = None,
    definition: Annotated[str | None, typer.Option()] = None,
    include: Annotated[str | None, typer.Option()] = None,
    exclude: Annotated[str | None, typer.Option()] = None,
    example: Annotated[list[str] | None, typer.Option(help="Replaces the examples.")] = None,
    colour: Annotated[str | None, typer.Option()] = None,
    folder: Annotated[bool | None, typer.Option("--folder/--codable")] = None,
    coder: CoderOpt = None,
) -> None:
    """Change a code's definition, criteria, examples, colour or kind."""
    fields = {
        k: v
        for k, v in (
            ("alt_name", alt_name),
            ("definition", definition),
            ("inclusion", include),
            ("exclusion", exclude),
            ("examples", example),
            ("colour", colour),
            ("codable", None if folder is None else not folder),
        )
        if v is not None
    }
    if not fields:
        raise CodingError("nothing to change; give at least one option")
    with open_project(project, coder) as p:
        c = p.codebook.update(code, **fields)
    err.print(f"updated {render.escape(c.path)}")


@codebook_app.command()
@handle_errors
def rename(project: ProjectArg, code: CodeArg, new_name: str, coder: CoderOpt = None) -> None:
    """Rename a code (its codings stay)."""
    with open_project(project, coder) as p:
        c = p.codebook.rename(code, new_name)
    err.print(f"renamed to {render.escape(c.path)}")


@codebook_app.command()
@handle_errors
def move(
    project: ProjectArg,
    code: CodeArg,
    parent: Annotated[str | None, typer.Argument(help="New category; omit for the top.")] = None,
    coder: CoderOpt = None,
) -> None:
    """Move a code, with its sub-codes, under another category."""
    with open_project(project, coder) as p:
        c = p.codebook.move(code, parent)
    err.print(f"moved to {render.escape(c.path)}")


@codebook_app.command()
@handle_errors
def merge(
    project: ProjectArg,
    source: CodeArg,
    target: Annotated[str, typer.Argument(help="The code that absorbs it.")],
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Merge SOURCE into TARGET: every coding, sub-code, link and memo moves over."""
    with open_project(project, coder) as p:
        report = p.codebook.merge(source, target)
    if as_json:
        emit_json(report.to_json())
    else:
        err.print(
            f"merged {render.escape(report.source)} into {render.escape(report.target)}: "
            f"{report.codings_moved} coding(s) moved, {report.codings_already_there} already there"
        )


@codebook_app.command()
@handle_errors
def delete(
    project: ProjectArg,
    code: CodeArg,
    force: Annotated[
        bool, typer.Option(help="Also delete its codings and sub-codes (a record is kept).")
    ] = False,
    coder: CoderOpt = None,
) -> None:
    """Delete a code; refused while it has codings or sub-codes unless --force."""
    with open_project(project, coder) as p:
        result = p.codebook.delete(code, force=force)
    err.print(
        f"deleted {', '.join(render.escape(x) for x in result['deleted'])} "
        f"and {result['codings']} coding(s); what was removed is kept in the trash"
    )


@codebook_app.command()
@handle_errors
def link(
    project: ProjectArg,
    source: CodeArg,
    relation: Annotated[str, typer.Argument(help=f"e.g. {', '.join(RELATIONS)}, or your own.")],
    target: CodeArg,
    memo: Annotated[str | None, typer.Option()] = None,
    coder: CoderOpt = None,
) -> None:
    """Link two codes for axial coding: SOURCE RELATION TARGET."""
    with open_project(project, coder) as p:
        k = p.codebook.link(source, target, relation, memo)
    err.print(
        f"{render.escape(k.from_code)} —{render.escape(k.relation)}→ {render.escape(k.to_code)}"
    )


@codebook_app.command()
@handle_errors
def unlink(
    project: ProjectArg,
    source: CodeArg,
    target: CodeArg,
    relation: Annotated[str | None, typer.Option()] = None,
    coder: CoderOpt = None,
) -> None:
    """Remove the link(s) from SOURCE to TARGET."""
    with open_project(project, coder) as p:
        n = p.codebook.unlink(source, target, relation)
    err.print(f"removed {n} link(s)")


@codebook_app.command()
@handle_errors
def links(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the links between codes."""
    with open_project(project) as p:
        found = p.codebook.links()
    if as_json:
        emit_json([k.to_json() for k in found])
        return
    for k in found:
        out.print(
            f"{render.escape(k.from_code)} —{render.escape(k.relation)}→ {render.escape(k.to_code)}"
        )


@codebook_app.command()
@handle_errors
def core(
    project: ProjectArg,
    code: Annotated[str | None, typer.Argument(help="The core category; omit to clear.")] = None,
    coder: CoderOpt = None,
) -> None:
    """Mark the core category of the grounded theory."""
    with open_project(project, coder) as p:
        c = p.codebook.set_core(code)
    err.print(f"core category: {render.escape(c.path)}" if c else "core category cleared")


@codebook_app.command("export")
@handle_errors
def export(
    project: ProjectArg,
    output: Annotated[Path, typer.Argument(help="FILE.yaml, .csv or .qdc ('-' for stdout).")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="yaml, csv, qdc or taguette (a CSV).")
    ] = None,
) -> None:
    """Export the codebook as YAML (tree and links), CSV (one row per code), REFI-QDA .qdc,
    or the CSV that Taguette imports (it reads no .qdc)."""
    from moksori.coding.codebook_io import (  # lazy: start-up
        export_csv,
        export_yaml,
    )
    from moksori.interop.qdc import export_qdc  # lazy: start-up
    from moksori.outputs import (  # lazy: start-up
        write_output,
        write_text_output,
    )

    kind = (fmt or output.suffix.lstrip(".") or "yaml").lower()
    if kind == "taguette":
        from moksori.interop.taguette import taguette_codebook_csv  # lazy: start-up (~20 ms)

        with open_project(project) as p:
            data = taguette_codebook_csv(p.codebook)
        if str(output) == "-":
            out.file.write(data.decode("utf-8-sig"))
            return
        write_output(output, data)
        err.print(f"wrote {render.escape(str(output))}")
        return
    with open_project(project) as p:
        if kind in ("yaml", "yml"):
            text = export_yaml(p.codebook)
        elif kind == "csv":
            text = export_csv(p.codebook)
        elif kind == "qdc":
            text = export_qdc(p.codebook).decode("utf-8")
        else:
            raise CodingError(f"unknown codebook format {kind!r}; use yaml, csv, qdc or taguette")
    if str(output) == "-":
        out.file.write(text)
        return
    write_text_output(output, text)
    err.print(f"wrote {render.escape(str(output))}")


@codebook_app.command("import")
@handle_errors
def import_(
    project: ProjectArg,
    source: Annotated[Path, typer.Argument(help="FILE.yaml, FILE.csv or FILE.qdc")],
    as_json: JsonOpt = False,
    coder: CoderOpt = None,
) -> None:
    """Merge a YAML, CSV or REFI-QDA .qdc codebook into the project's (by path; nothing deleted)."""
    from moksori.coding.codebook_io import (  # lazy: start-up
        import_csv,
        import_yaml,
    )
    from moksori.interop.qdc import import_qdc  # lazy: start-up

    if not source.is_file():
        raise CodingError(f"{source}: no such file")
    is_qdc = source.suffix.lower() == ".qdc"
    text = "" if is_qdc else source.read_text(encoding="utf-8-sig")
    notes: list[str] = []
    with open_project(project, coder) as p:
        if source.suffix.lower() == ".csv":
            report = import_csv(p.codebook, text)
        elif source.suffix.lower() in (".yaml", ".yml"):
            report = import_yaml(p.codebook, text)
        elif is_qdc:
            report = qdc_report = import_qdc(p.codebook, source.read_bytes(), what=source.name)
            notes = qdc_report.notes
        else:
            raise CodingError(f"{source}: use a .yaml, .csv or .qdc codebook")
    if as_json:
        emit_json(report.to_json())
    else:
        for note in notes:
            err.print(f"[dim]note:[/dim] {render.escape(note)}")
        err.print(
            f"{len(report.created)} code(s) created, {len(report.updated)} updated, "
            f"{report.links} link(s) added"
        )

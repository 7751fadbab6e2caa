"""`moksori agreement`, `disagreements` and `reconcile`: reliability between coders."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.coding.coders import Coder
from moksori.coding.reconcile import ADOPT, Disagreement, Range
from moksori.coding.reliability import UNITS, AgreementReport, CodeAgreement
from moksori.errors import CodingError
from moksori.project import Project

CodersOpt = Annotated[str, typer.Option("--coders", help="Coders to compare, e.g. A,B or A,B,C.")]
CodesOpt = Annotated[
    list[str], typer.Option("--code", help="Only this code (repeatable; default: all used).")
]
DocsOpt = Annotated[
    list[str], typer.Option("--doc", help="Only this document (repeatable; default: all shared).")
]

ViewerOpt = Annotated[
    str | None, typer.Option("--coder", help="Who is asking (the owner, under blind coding).")
]


def register(app: typer.Typer) -> None:
    app.command("agreement")(agreement)
    app.command("disagreements")(disagreements)
    app.command("reconcile")(reconcile)


def _coders(text: str) -> list[str]:
    names = [c.strip() for c in text.split(",") if c.strip()]
    if len(names) < 2:
        raise CodingError("name the coders to compare, separated by commas: --coders A,B")
    return names


def _viewer(p: Project, name: str | None) -> Coder | None:
    """Under blind coding, who is asking decides whose codings may be compared."""
    if name is None and not p.codings.blind():
        return None
    return p.coders.current(name)


def _num(x: float | None, percent: bool = False) -> str:
    if x is None:
        return "[dim]n/a[/dim]"
    return f"{x:.1%}" if percent else f"{x:.3f}"


def _row(table: Table, row: CodeAgreement, names: list[str], bold: bool = False) -> None:
    label = render.escape(row.code)
    cells = [
        f"[bold]{label}[/bold]" if bold else label,
        " / ".join(str(row.coded_by.get(n, 0)) for n in names),
    ]
    for fig in (row.all_units, row.coded_only):
        cells += [
            _num(fig.percent_agreement, percent=True),
            _num(fig.kappa),
            _num(fig.alpha),
        ]
    table.add_row(*cells)


def _table(report: AgreementReport) -> Table:
    unit = "characters" if report.unit == "char" else f"{report.unit}s"
    t = Table(
        title=(
            f"agreement of {', '.join(render.escape(c) for c in report.coders)} on {unit}: "
            f"{report.units:,} units, {report.uncoded_units:,} coded by nobody, "
            f"{len(report.documents)} document(s)"
        )
    )
    t.add_column("code")
    t.add_column("coded by " + " / ".join(render.escape(c) for c in report.coders))
    for suffix in ("", "†"):
        t.add_column(f"agree{suffix}", justify="right")
        t.add_column(f"kappa{suffix}", justify="right")
        t.add_column(f"alpha{suffix}", justify="right")
    t.caption = "† uncoded units excluded (units no coder coded with any of these codes)"
    for row in report.codes:
        _row(t, row, report.coders)
    t.add_section()
    _row(t, report.overall, report.coders, bold=True)
    _row(t, report.overall_sets, report.coders, bold=True)
    return t


@handle_errors
def agreement(
    project: ProjectArg,
    coders: CodersOpt,
    code: CodesOpt = [],  # noqa: B006
    doc: DocsOpt = [],  # noqa: B006
    unit: Annotated[
        str, typer.Option("--unit", help=f"Unit of analysis: {', '.join(UNITS)}.")
    ] = "sentence",
    subcodes: Annotated[
        bool, typer.Option("--subcodes", help="Count codings with sub-codes as their category.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Only documents in this language (ko or en): one side of translated interviews.",
        ),
    ] = None,
    coder: ViewerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Percent agreement, Cohen's kappa and Krippendorff's alpha, per code and overall.

    Every figure is given twice: over all units, and with units that no coder
    coded with any chosen code left out (uncoded text inflates agreement).
    """
    names = _coders(coders)
    with open_project(project) as p:
        documents = list(doc)
        if lang is not None:
            in_lang = [str(d.id) for d in p.documents() if d.lang == lang.lower()]
            if not in_lang:
                raise CodingError(f"no document in language {lang!r}")
            chosen = {str(p.document(d).summary.id) for d in doc}
            documents = [d for d in in_lang if not doc or d in chosen]
            if not documents:
                raise CodingError(f"none of the chosen documents is in language {lang!r}")
        report = p.reliability.agreement(
            names,
            codes=code or None,
            documents=documents or None,
            unit=unit,
            include_subcodes=subcodes,
            viewer=_viewer(p, coder),
        )
    if as_json:
        emit_json(report.to_json())
        return
    out.print(_table(report))
    notes = sorted(
        {n for row in [*report.codes, report.overall, report.overall_sets]
         for fig in (row.all_units, row.coded_only) for n in fig.notes}
    )  # fmt: skip
    for note in [*report.notes, *notes]:
        err.print(f"[yellow]note:[/yellow] {render.escape(note)}")


def _ranges(ranges: list[Range]) -> str:
    return ", ".join(f"#{r.coding_id} {r.start}–{r.end}" for r in ranges) or "[dim]—[/dim]"


def _disagreement_table(items: list[Disagreement], a: str, b: str) -> Table:
    t = Table(
        title=f"{len(items)} disagreement(s) between {render.escape(a)} and {render.escape(b)}"
    )
    for col in ("document", "code", "text", render.escape(a), render.escape(b), "decided"):
        t.add_column(col)
    for d in items:
        t.add_row(
            render.escape(d.document),
            render.escape(d.code),
            render.escape(d.excerpt),
            _ranges(d.a),
            _ranges(d.b),
            d.decided or "",
        )
    return t


@handle_errors
def disagreements(
    project: ProjectArg,
    coders: CodersOpt,
    code: CodesOpt = [],  # noqa: B006
    doc: DocsOpt = [],  # noqa: B006
    coder: ViewerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Where two coders differ: each code range that only one coded, or both differently."""
    names = _coders(coders)
    with open_project(project) as p:
        items = p.reconciler.disagreements(
            names, codes=code or None, documents=doc or None, viewer=_viewer(p, coder)
        )
    if as_json:
        emit_json([d.to_json() for d in items])
    elif not items:
        err.print("no disagreements")
    else:
        out.print(_disagreement_table(items, names[0], names[-1]))


@handle_errors
def reconcile(
    project: ProjectArg,
    coders: CodersOpt,
    adopt: Annotated[
        str, typer.Option("--adopt", help="Whose codings go into the consensus: a, b or both.")
    ],
    code: CodesOpt = [],  # noqa: B006
    doc: DocsOpt = [],  # noqa: B006
    coding: Annotated[
        list[int], typer.Option("--coding", help="Decide only the disagreement holding it.")
    ] = [],  # noqa: B006
    coder: ViewerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Adopt A's codings, B's or both into the consensus coder (safe to run again)."""
    names = _coders(coders)
    if adopt not in ADOPT:
        raise CodingError(f"--adopt must be one of {', '.join(ADOPT)}")
    with open_project(project, coder) as p:
        report = p.reconciler.reconcile(
            names,
            adopt,
            codes=code or None,
            documents=doc or None,
            coding_ids=coding or None,
            viewer=_viewer(p, coder),
        )
    if as_json:
        emit_json(report.to_json())
        return
    out.print(
        f"{report.decisions} disagreement(s) decided ({adopt}), {report.agreements} agreement(s) "
        f"carried over into {render.escape(report.consensus)}: {report.added} coding(s) added, "
        f"{report.removed} replaced, {report.unchanged} already there"
    )

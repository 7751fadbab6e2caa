"""`moksori agreement`, `disagreements` and `reconcile`: reliability between coders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.coding.reliability import UNITS
from moksori.errors import CodingError
from moksori.project import Project

if TYPE_CHECKING:
    from moksori.coding.coders import Coder
    from moksori.coding.disagreements import Disagreement, Range
    from moksori.coding.reliability import AgreementReport, CodeAgreement


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
    return (
        "\n".join(f"{render.escape(r.code)} #{r.coding_id} {r.start}–{r.end}" for r in ranges)
        or "[dim]—[/dim]"
    )


def _decision(d: Disagreement) -> str:
    if d.state == "changed":
        return f"[yellow]changed[/yellow] (was {', '.join(d.earlier)})"
    if d.decided is None:
        return ""
    label = f"new: {render.escape(d.new_code or '?')}" if d.decided == "new" else d.decided
    return f"{label} (bulk)" if d.bulk else label


def _tally(items: list[Disagreement]) -> str:
    from moksori.coding.disagreements import STATES  # lazy: start-up

    counts = {s: sum(1 for d in items if d.state == s) for s in STATES}
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def _disagreement_table(items: list[Disagreement], a: str, b: str) -> Table:
    t = Table(
        title=(
            f"{len(items)} disagreement unit(s) between {render.escape(a)} and "
            f"{render.escape(b)}: {_tally(items)}"
        )
    )
    for col in ("document", "text", render.escape(a), render.escape(b), "decision"):
        t.add_column(col)
    for d in items:
        t.add_row(
            render.escape(d.document),
            render.escape(d.excerpt),
            _ranges(d.a),
            _ranges(d.b),
            _decision(d),
        )
    t.caption = "decide one unit: moksori reconcile P --coders A,B --coding ID --adopt CHOICE"
    return t


@handle_errors
def disagreements(
    project: ProjectArg,
    coders: CodersOpt,
    code: CodesOpt = [],  # noqa: B006
    doc: DocsOpt = [],  # noqa: B006
    undecided: Annotated[
        bool, typer.Option("--undecided", help="Only units no one has decided yet.")
    ] = False,
    decided: Annotated[bool, typer.Option("--decided", help="Only decided units.")] = False,
    changed: Annotated[
        bool,
        typer.Option("--changed", help="Only units whose codings changed since their decision."),
    ] = False,
    coder: ViewerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Where two coders differ, unit by unit, with the decision taken on each.

    A unit is a stretch of text where the coders' codings differ, whatever the
    codes: "A coded X where B coded Y" is one unit with both alternatives.
    """
    names = _coders(coders)
    wanted = [s for s, on in (("undecided", undecided), ("decided", decided),
                              ("changed", changed)) if on]  # fmt: skip
    if len(wanted) > 1:
        raise CodingError("choose one of --undecided, --decided and --changed")
    with open_project(project) as p:
        items = p.reconciler.disagreements(
            names,
            codes=code or None,
            documents=doc or None,
            state=wanted[0] if wanted else None,
            viewer=_viewer(p, coder),
        )
    if as_json:
        emit_json([d.to_json() for d in items])
    elif not items:
        err.print(f"no {wanted[0]} disagreements" if wanted else "no disagreements")
    else:
        out.print(_disagreement_table(items, names[0], names[-1]))


@handle_errors
def reconcile(
    project: ProjectArg,
    coders: CodersOpt,
    adopt: Annotated[
        str,
        typer.Option(
            "--adopt",
            help="What goes into the consensus: a, b, both, neither, or new (with --new-code).",
        ),
    ],
    code: CodesOpt = [],  # noqa: B006
    doc: DocsOpt = [],  # noqa: B006
    coding: Annotated[
        list[int],
        typer.Option("--coding", help="Decide the unit holding this coding (repeatable)."),
    ] = [],  # noqa: B006
    new_code: Annotated[
        str | None,
        typer.Option("--new-code", help="With --adopt new: the code put over the unit's text."),
    ] = None,
    coder: ViewerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Decide disagreement units into the consensus coder (safe to run again).

    With --coding: decide those units (replacing an earlier decision). Without:
    decide every undecided unit and carry over the agreements; units already
    decided, one by one or by an earlier run, are left as they are.
    """
    from moksori.coding.disagreements import CHOICES  # lazy: start-up

    names = _coders(coders)
    if adopt not in CHOICES:
        raise CodingError(f"--adopt must be one of {', '.join(CHOICES)}")
    with open_project(project, coder) as p:
        report = p.reconciler.reconcile(
            names,
            adopt,
            codes=code or None,
            documents=doc or None,
            coding_ids=coding or None,
            new_code=new_code,
            viewer=_viewer(p, coder),
        )
    if as_json:
        emit_json(report.to_json())
        return
    kept = f", {report.kept} decided before and kept" if report.kept else ""
    out.print(
        f"{report.decisions} disagreement(s) decided ({adopt}){kept}, {report.agreements} "
        f"agreement(s) carried over into {render.escape(report.consensus)}: {report.added} "
        f"coding(s) added, {report.removed} removed, {report.unchanged} already there"
    )

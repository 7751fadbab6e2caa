"""`moksori deid risk`: who could be recognised from their case attributes, and what helps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out

if TYPE_CHECKING:
    from moksori.protect.risk import RiskReport


QiOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--qi",
        metavar="ATTRIBUTE",
        help="A quasi-identifier attribute (repeat). Default: attributes whose names suggest "
        "one (age, year, province, county, 고향, 성별, ...).",
    ),
]
KOpt = Annotated[
    int | None,
    typer.Option(
        "--k",
        min=2,
        help="Smallest group size that counts as safe (default: the project's, deid threshold).",
    ),
]
SensitiveOpt = Annotated[
    str | None,
    typer.Option(help="A sensitive attribute (e.g. religion) to check l-diversity for."),
]
MapOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="ATTRIBUTE=FILE",
        help="ATTRIBUTE=FILE: a two-column CSV (value,group) to generalise a text or "
        "category attribute, e.g. province to region.",
    ),
]


def register(deid_app: typer.Typer) -> None:
    deid_app.command("risk")(risk_command)
    deid_app.command("threshold")(threshold_command)


def _mappings(specs: list[str]) -> dict[str, dict[str, str]]:
    from moksori.protect.hierarchy import read_mapping  # lazy: start-up
    from moksori.protect.risk import RiskError  # lazy: start-up

    maps: dict[str, dict[str, str]] = {}
    for spec in specs:
        attribute, sep, file = spec.partition("=")
        if not sep or not attribute.strip() or not file.strip():
            raise RiskError(f"--map wants ATTRIBUTE=FILE, not {spec!r}")
        maps[attribute.strip()] = read_mapping(Path(file.strip()))
    return maps


@handle_errors
def risk_command(
    project: ProjectArg,
    qi: QiOpt = None,
    k: KOpt = None,
    sensitive: SensitiveOpt = None,
    mapping: MapOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Re-identification risk: k-anonymity over quasi-identifiers, and ways to raise k."""
    from moksori.protect.risk import assess  # lazy: start-up

    maps = _mappings(mapping or [])
    with open_project(project) as p:
        k = k if k is not None else p.deid.publishing.k_threshold()
        report = assess(p, qi or None, k=k, sensitive=sensitive, mappings=maps)
    if as_json:
        emit_json(report.to_json())
    else:
        show(report)


@handle_errors
def threshold_command(
    project: ProjectArg,
    k: Annotated[int | None, typer.Argument(help="The new threshold (at least 2).")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Who sets it (audit).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show or set the project's k: deid share refuses case attributes below it."""
    with open_project(project, coder) as p:
        rules = p.deid.publishing
        value = rules.set_k_threshold(k) if k is not None else rules.k_threshold()
    if as_json:
        emit_json({"k_threshold": value})
    else:
        out.print(f"k threshold: {value}")


def show(report: RiskReport) -> None:
    qis = ", ".join(render.escape(q) for q in report.quasi_identifiers)
    verdict = "[green]meets[/green]" if report.safe else "[red]below[/red]"
    out.print(
        f"[bold]k = {report.k}[/bold] over {report.participants} participant(s): "
        f"{verdict} the threshold of {report.threshold}"
    )
    chosen = " (chosen from attribute names; name them with --qi)" if report.automatic else ""
    out.print(f"quasi-identifiers: {qis}{chosen}")
    risky = [c for c in report.classes if c.size < report.threshold]
    if risky:
        table = Table(title=f"groups smaller than {report.threshold}")
        for q in report.quasi_identifiers:
            table.add_column(render.escape(q))
        table.add_column("size", justify="right")
        if report.sensitive:
            table.add_column(f"l ({render.escape(report.sensitive)})", justify="right")
        table.add_column("participants")
        for c in risky:
            extra = [str(c.l_distinct)] if report.sensitive else []
            table.add_row(
                *(render.escape(c.values[q]) for q in report.quasi_identifiers),
                str(c.size),
                *extra,
                render.escape(", ".join(c.members)),
            )
        out.print(table)
    for note in report.notes:
        out.print(f"• {render.escape(note)}")
    if report.suggestions:
        table = Table(title="ways to raise k (least information lost first)")
        for name in ("#", "change", "k", "withheld", "groups", "loss", "people per cell*"):
            table.add_column(name, justify="left" if name == "change" else "right")
        for i, s in enumerate(report.suggestions, 1):
            withheld = ", ".join(s.withheld) if s.withheld else "-"
            table.add_row(
                str(i),
                render.escape(s.describe()),
                str(s.k),
                render.escape(withheld),
                str(s.classes),
                f"{s.loss:.2f}",
                f"{s.population_cell:,.1f}",
            )
        out.print(table)
        err.print(
            f"* rough: {report.population:,} resettled people spread evenly over the "
            "combinations; loss 0 = every value exact, 1 = every value suppressed"
        )

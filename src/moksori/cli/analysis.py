"""`moksori freq | cooccur | matrix | retrieve | plot`: read-only analysis of the codings.

Every table command prints a rich table, or JSON with --json, and can also
write the table with --csv FILE and --xlsx FILE. Each counts one set of coders
(--coder NAME[,NAME], --consensus), the consensus coder by default, and says
which on stderr. Blind coding holds here as
in `code list`: while it is on, a coder sees only their own codings and the
consensus, so a project with several coders asks who is looking (--as NAME
or MOKSORI_CODER).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table as RichTable

from moksori.analysis.cooccurrence import UNITS
from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.coding.coders import CODER_ENV
from moksori.errors import CodingError
from moksori.project import Project

if TYPE_CHECKING:
    from moksori.analysis.coded import Selection
    from moksori.analysis.tables import Table


CoderFilter = Annotated[
    list[str],
    typer.Option(
        "--coder",
        help="Count these coders' codings: NAME, or A,B (repeatable). Several coders add up: "
        "each one's codings count (a case once). Default: the consensus coder when it has "
        "codings, else the only coder who coded.",
    ),
]
ConsensusOpt = Annotated[
    bool, typer.Option("--consensus", help="Count the consensus coder's (reconciled) codings.")
]
AsOpt = Annotated[
    str | None,
    typer.Option("--as", help=f"Who is looking, for blind coding (or set {CODER_ENV})."),
]
RollupOpt = Annotated[
    bool, typer.Option("--rollup", help="Count sub-codes into their parent codes too.")
]
DepthOpt = Annotated[
    int | None, typer.Option("--depth", help="Only codes this deep (0 = top level).")
]
CsvOpt = Annotated[Path | None, typer.Option("--csv", help="Also write the table as CSV.")]
XlsxOpt = Annotated[Path | None, typer.Option("--xlsx", help="Also write the table as XLSX.")]
ByOpt = Annotated[
    str, typer.Option("--by", help="document, case, or the name of a case attribute.")
]
CountOpt = Annotated[
    str,
    typer.Option("--count", help="codings (how many), or cases (how many distinct cases)."),
]
UnitOpt = Annotated[str, typer.Option("--unit", help=f"Co-occur in: {', '.join(UNITS)}.")]


def register(app: typer.Typer) -> None:
    for command in (freq, cooccur, matrix, retrieve_cmd, plot):
        name = "retrieve" if command is retrieve_cmd else command.__name__
        app.command(name)(command)


def _selection(
    p: Project,
    coders: list[str],
    viewer: str | None,
    rollup: bool,
    depth: int | None,
    consensus: bool = False,
) -> Selection:
    """Whose codings to count (the consensus by default), with blind coding applied for
    whoever is looking."""
    name = viewer or os.environ.get(CODER_ENV) or None
    if name is None and p.codings.blind():
        people = [c for c in p.coders.list() if c.role != "consensus"]
        if len(people) > 1:
            raise CodingError(
                f"blind coding is on and {p.coders.census()}; "
                f"say who you are with --as NAME or {CODER_ENV}"
            )
    if depth is not None and depth < 0:
        raise CodingError("--depth counts from 0 (the top level)")
    return p.analysis.choose(coders, consensus=consensus, viewer=name, rollup=rollup, depth=depth)


def _counted(table: Table, sel: Selection) -> Table:
    """The table says whose codings it counts (in its caption and its JSON)."""
    table.meta["coders"] = ", ".join(map(str, sel.coders)) or "everyone"
    return table


def _show(table: Table, as_json: bool, csv_path: Path | None, xlsx_path: Path | None) -> None:
    if csv_path is not None:
        err.print(f"wrote {render.escape(str(table.to_csv(csv_path)))}")
    if xlsx_path is not None:
        err.print(f"wrote {render.escape(str(table.to_xlsx(xlsx_path)))}")
    if as_json:
        emit_json(table.to_json())
        return
    if not table.rows:
        err.print("nothing to show: no codes, or no codings match")
        return
    out.print(_rich(table))


def _rich(table: Table) -> RichTable:
    caption = ", ".join(f"{k}: {v}" for k, v in table.meta.items() if not isinstance(v, dict))
    t = RichTable(title=render.escape(table.title), caption=render.escape(caption))
    t.add_column(render.escape(table.row_header), style="bold")
    for c in table.columns:
        t.add_column(render.escape(c), justify="right")
    for label, line in zip(table.rows, table.values, strict=True):
        cells = [
            "[dim]0[/dim]" if v == 0 else render.escape("" if v is None else str(v)) for v in line
        ]
        t.add_row(render.escape(label), *cells)
    return t


def _text(value: object) -> str:
    return "" if value is None else str(value)


@handle_errors
def freq(
    project: ProjectArg,
    by: ByOpt = "document",
    count: CountOpt = "codings",
    coder: CoderFilter = [],  # noqa: B006
    consensus: ConsensusOpt = False,
    rollup: RollupOpt = False,
    depth: DepthOpt = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
    csv: CsvOpt = None,
    xlsx: XlsxOpt = None,
) -> None:
    """Code frequencies by document, by case, or by a case attribute (a crosstab)."""
    with open_project(project) as p:
        sel = _selection(p, coder, as_, rollup, depth, consensus)
        table = _counted(p.analysis.frequencies(by, measure=count, selection=sel), sel)
    _show(table, as_json, csv, xlsx)


@handle_errors
def cooccur(
    project: ProjectArg,
    unit: UnitOpt = "overlap",
    code: Annotated[
        list[str], typer.Option("--code", help="Only these codes, in this order (repeatable).")
    ] = [],  # noqa: B006
    coder: CoderFilter = [],  # noqa: B006
    consensus: ConsensusOpt = False,
    rollup: RollupOpt = False,
    depth: DepthOpt = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
    csv: CsvOpt = None,
    xlsx: XlsxOpt = None,
) -> None:
    """Which codes occur together: in overlapping ranges or in the same segment.

    Codes co-occur only within one coder's codings (A's code over B's is a disagreement);
    with several coders each cell is the sum of the coders' own counts.
    """
    with open_project(project) as p:
        sel = _selection(p, coder, as_, rollup, depth, consensus)
        table = _counted(p.analysis.cooccurrence(unit, only=code, selection=sel), sel)
    _show(table, as_json, csv, xlsx)


@handle_errors
def matrix(
    project: ProjectArg,
    measure: Annotated[
        str, typer.Option("--measure", help="codings, presence (0/1) or characters.")
    ] = "codings",
    case: Annotated[
        list[str], typer.Option("--case", help="Only these cases, in this order (repeatable).")
    ] = [],  # noqa: B006
    coder: CoderFilter = [],  # noqa: B006
    consensus: ConsensusOpt = False,
    rollup: RollupOpt = False,
    depth: DepthOpt = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
    csv: CsvOpt = None,
    xlsx: XlsxOpt = None,
) -> None:
    """The code × case matrix."""
    with open_project(project) as p:
        sel = _selection(p, coder, as_, rollup, depth, consensus)
        table = _counted(p.analysis.matrix(measure=measure, cases=case, selection=sel), sel)
    _show(table, as_json, csv, xlsx)


@handle_errors
def retrieve_cmd(
    project: ProjectArg,
    code: Annotated[str, typer.Argument(help="A code: id, path (Category/Code) or unique name.")],
    where: Annotated[
        list[str],
        typer.Option("--where", help="attribute=value, or !=, <, <=, >, >= (repeatable, ANDed)."),
    ] = [],  # noqa: B006
    subcodes: Annotated[
        bool, typer.Option("--subcodes/--no-subcodes", help="Include the code's sub-codes.")
    ] = True,
    coder: CoderFilter = [],  # noqa: B006
    consensus: ConsensusOpt = False,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
    csv: CsvOpt = None,
    xlsx: XlsxOpt = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Also write the table as Parquet.")
    ] = None,
    redacted: Annotated[
        bool, typer.Option("--redacted", help="Quote through the de-identification view.")
    ] = False,
    original: Annotated[
        bool, typer.Option("--original", help="Write files with the stored, unredacted text.")
    ] = False,
) -> None:
    """Coded segments for a code among the cases whose attributes match.

    Files written with --csv/--xlsx/--parquet are redacted unless --original is given.
    """
    from moksori.analysis.retrieval import excerpts_table  # lazy: start-up

    files = (csv, xlsx, parquet)
    redact = redacted or (any(f is not None for f in files) and not original)
    with open_project(project) as p:
        sel = _selection(p, coder, as_, False, None, consensus)
        found = p.analysis.retrieve(
            code, where=where, subcodes=subcodes, selection=sel, redacted=redact
        )
        table = excerpts_table(found, title=f"{code}: {len(found)} coded segment(s)")
        for fmt, path in (("csv", csv), ("xlsx", xlsx), ("parquet", parquet)):
            if path is not None:  # each file is an export: audited (EXPORT, the format)
                p.export_table(table, fmt, redacted=redact, to=path)
                err.print(f"wrote {render.escape(str(path))}")
    if as_json:
        emit_json([e.to_json() for e in found])
        return
    if not found:
        err.print("no coded segments match")
        return
    t = RichTable(title=render.escape(table.title), show_lines=True)
    for col in ("#", "code", "document", "cases", "coder", "text"):
        t.add_column(col)
    for e in found:
        text = e.text if len(e.text) <= 400 else e.text[:400] + "…"
        t.add_row(
            str(e.coding_id),
            render.escape(e.code),
            render.escape(f"{e.document} {e.start}–{e.end}"),
            render.escape(", ".join(e.cases)),
            render.escape(e.coder),
            render.escape(text),
        )
    out.print(t)


@handle_errors
def plot(
    project: ProjectArg,
    kind: Annotated[str, typer.Argument(help="heatmap (co-occurrence) or bars (frequencies).")],
    output: Annotated[Path, typer.Option("--out", help="Where to write: FILE.png or FILE.svg.")],
    by: ByOpt = "document",
    count: CountOpt = "codings",
    unit: UnitOpt = "overlap",
    coder: CoderFilter = [],  # noqa: B006
    consensus: ConsensusOpt = False,
    rollup: RollupOpt = False,
    depth: DepthOpt = None,
    as_: AsOpt = None,
) -> None:
    """Draw a co-occurrence heatmap, or bars of code frequency by document, case or attribute."""
    if kind not in ("heatmap", "bars"):
        raise CodingError(f"plot heatmap or bars, not {kind!r}")
    with open_project(project) as p:
        sel = _selection(p, coder, as_, rollup, depth, consensus)
        if kind == "heatmap":
            table = p.analysis.cooccurrence(unit, selection=sel)
        else:
            table = p.analysis.frequencies(by, measure=count, selection=sel).nonzero_rows()
    from moksori.analysis import plots  # lazy: matplotlib only when a plot is drawn (~420 ms)

    draw = plots.heatmap if kind == "heatmap" else plots.bars
    err.print(f"wrote {render.escape(str(draw(table, output)))}")

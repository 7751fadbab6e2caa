"""Plots of analysis tables (PNG and SVG) with labels in Korean and English.

Matplotlib's default fonts have no Hangul, so every piece of text is set in
the NanumGothic face bundled with the koreanize-matplotlib wheel (found by
path; that package is never imported, because importing it rewrites global
rcParams). Figures are built as ``Figure`` objects on an Agg canvas, and
settings go through a local ``rc_context``, so nothing leaks into pyplot or
into other users of matplotlib in the same process. SVG text is written as
glyph outlines, so the file shows Korean on machines without the font.
"""

from __future__ import annotations

import importlib.util
import io
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import MaxNLocator

from moksori.analysis.tables import Table
from moksori.errors import MoksoriError
from moksori.outputs import write_output

FORMATS = (".png", ".svg")
_FONT_PACKAGE = "koreanize_matplotlib"
_FONT_FILE = "NanumGothic.ttf"


class PlotError(MoksoriError):
    """A plot cannot be drawn as asked (empty table, unknown format, no font)."""


@cache
def korean_font() -> Path:
    """The bundled NanumGothic TTF (offline; never downloaded)."""
    spec = importlib.util.find_spec(_FONT_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / "fonts" / _FONT_FILE
        if path.is_file():
            return path
    raise PlotError(f"the Korean font {_FONT_FILE} is missing; reinstall moksori's dependencies")


def _font(size: float | None = None) -> FontProperties:
    return FontProperties(fname=str(korean_font()), size=size)


def _check(table: Table, path: Path | None = None) -> None:
    if path is not None and path.suffix.lower() not in FORMATS:
        raise PlotError(f"plots are written as .png or .svg, not {path.suffix or path.name!r}")
    if not table.rows or not table.columns:
        raise PlotError("nothing to plot: the table is empty (no codings match?)")


def _numbers(table: Table) -> list[list[float]]:
    return [[float(v) if isinstance(v, int | float) else 0.0 for v in ln] for ln in table.values]


def _save(fig: Figure, path: Path) -> Path:
    return write_output(path, _render(fig, path.suffix.lower()[1:]))


def _render(fig: Figure, fmt: str) -> bytes:
    """The figure as file bytes, made in memory (the web workspace writes no files)."""
    buffer = io.BytesIO()
    # Glyph outlines in SVG, ids stable from run to run; only while saving.
    with matplotlib.rc_context(
        {"svg.fonttype": "path", "axes.unicode_minus": False, "svg.hashsalt": "moksori"}
    ):
        fig.savefig(buffer, format=fmt, dpi=150)
    return buffer.getvalue()


def heatmap(table: Table, path: str | Path, *, title: str | None = None) -> Path:
    """A square heatmap of a (co-occurrence) table, counts written in the cells."""
    path = Path(path)
    _check(table, path)
    return _save(_heatmap(table, title), path)


def heatmap_png(table: Table, *, title: str | None = None) -> bytes:
    _check(table)
    return _render(_heatmap(table, title), "png")


def bars(table: Table, path: str | Path, *, title: str | None = None) -> Path:
    """Grouped horizontal bars: one group per code, one bar per column (attribute level)."""
    path = Path(path)
    _check(table, path)
    return _save(_bars(table, title), path)


def bars_png(table: Table, *, title: str | None = None) -> bytes:
    _check(table)
    return _render(_bars(table, title), "png")


def _heatmap(table: Table, title: str | None) -> Figure:
    data = _numbers(table)
    n_rows, n_cols = len(table.rows), len(table.columns)
    side = max(4.0, 0.55 * max(n_rows, n_cols) + 2.5)
    fig = Figure(figsize=(side + 1.5, side), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    image = ax.imshow(data, cmap="Blues", aspect="auto")
    label_font, cell_font = _font(9), _font(8)
    ax.set_xticks(range(n_cols), table.columns, rotation=45, ha="right")
    ax.set_yticks(range(n_rows), table.rows)
    for tick in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        tick.set_fontproperties(label_font)
    top = max((max(line) for line in data if line), default=0.0)
    if n_rows * n_cols <= 900:
        for i, line in enumerate(data):
            for j, v in enumerate(line):
                colour = "white" if top and v > top * 0.6 else "black"
                ax.text(
                    j, i, f"{v:g}", ha="center", va="center", color=colour, fontproperties=cell_font
                )
    bar = fig.colorbar(image, ax=ax)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for tick in bar.ax.get_yticklabels():
        tick.set_fontproperties(label_font)
    ax.set_title(title if title is not None else table.title, fontproperties=_font(11))
    return fig


def _bars(table: Table, title: str | None) -> Figure:
    data = _numbers(table)
    n_rows, n_cols = len(table.rows), len(table.columns)
    height = max(3.0, 0.3 * n_rows * max(1, n_cols) ** 0.5 + 1.8)
    fig = Figure(figsize=(8.0, height), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    width = 0.8 / n_cols
    label_font = _font(9)
    for j, column in enumerate(table.columns):
        ys = [i - 0.4 + width * (j + 0.5) for i in range(n_rows)]
        ax.barh(ys, [line[j] for line in data], height=width, label=column)
    ax.set_yticks(range(n_rows), table.rows)
    ax.invert_yaxis()  # codebook order, top to bottom
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for tick in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        tick.set_fontproperties(label_font)
    ax.set_xlabel(str(table.meta.get("measure", "")), fontproperties=label_font)
    if n_cols > 1:
        legend = ax.legend(prop=_font(9), title=table.column_header or None)
        legend.get_title().set_fontproperties(_font(9))
    ax.set_title(title if title is not None else table.title, fontproperties=_font(11))
    return fig

"""Plots: Korean labels must really render, so these tests read the images."""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from moksori.analysis.cooccurrence import cooccurrence
from moksori.analysis.frequencies import frequencies
from moksori.analysis.plots import PlotError, bars, heatmap, korean_font
from moksori.analysis.tables import Table
from moksori.project import Project

# Two labels of the same length: boxes for missing glyphs would look the same.
LABEL_A, LABEL_B = "가족관계", "말투차별"


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L"), dtype=np.int16)


def _one_cell(label: str) -> Table:
    return Table(rows=[label], columns=["n"], values=[[3]], title="t")


def test_korean_labels_render_as_distinct_glyphs(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        a = _pixels(heatmap(_one_cell(LABEL_A), tmp_path / "a.png"))
        b = _pixels(heatmap(_one_cell(LABEL_B), tmp_path / "b.png"))
    assert not [w for w in caught if "missing from" in str(w.message)]
    assert a.shape == b.shape
    differ = np.argwhere(np.abs(a - b) > 40)
    assert len(differ) > 50  # the labels differ, stroke by stroke
    width = a.shape[1]
    assert differ[:, 1].max() < width * 0.3  # …and only where the row label is
    label_area = a[:, : int(width * 0.15)]
    assert (label_area < 100).sum() > 50  # dark text pixels are there


def test_the_check_would_catch_missing_glyphs(tmp_path: Path) -> None:
    """Control: in matplotlib's default font, both labels are the same empty boxes."""

    def draw(label: str, name: str) -> np.ndarray:
        fig = Figure(figsize=(2, 1))
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.4, label, family="DejaVu Sans")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Glyph … missing from font(s)"
            fig.savefig(tmp_path / name)
        return _pixels(tmp_path / name)

    assert np.array_equal(draw(LABEL_A, "a.png"), draw(LABEL_B, "b.png"))


def test_svg_draws_korean_with_the_bundled_font(tmp_path: Path) -> None:
    svg = heatmap(_one_cell(LABEL_A), tmp_path / "h.svg").read_text(encoding="utf-8")
    glyphs = set(re.findall(r'<path id="(NanumGothic-[0-9a-f]+)"', svg))
    assert len(glyphs) >= len(set(LABEL_A))  # outlines, not text needing the font
    assert "DejaVuSans-" not in svg
    assert korean_font().name == "NanumGothic.ttf"


def test_heatmap_and_bars_of_a_real_study(study: Project, tmp_path: Path) -> None:
    before = dict(matplotlib.rcParams)
    backend = matplotlib.get_backend()
    co = cooccurrence(study.conn, "turn")
    by_gender = frequencies(study.conn, "gender")
    for path in (
        heatmap(co, tmp_path / "co.png"),
        heatmap(co, tmp_path / "co.svg"),
        bars(by_gender, tmp_path / "gender.png"),
        bars(by_gender, tmp_path / "gender.svg"),
    ):
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG") if path.suffix == ".png" else b"<svg" in data
    assert Image.open(tmp_path / "gender.png").size[0] > 600
    # nothing leaks into matplotlib's global state, and koreanize-matplotlib is never imported
    assert dict(matplotlib.rcParams) == before and matplotlib.get_backend() == backend
    assert "koreanize_matplotlib" not in sys.modules


def test_bars_legend_shows_attribute_levels_in_korean(tmp_path: Path) -> None:
    def legend(levels: list[str], name: str) -> np.ndarray:
        t = Table(rows=["x"], columns=levels, values=[[1, 2]], title="t", column_header="성별")
        return _pixels(bars(t, tmp_path / name))

    assert not np.array_equal(legend(["여성", "남성"], "a.png"), legend(["남성", "여성"], "b.png"))


def test_refuses_empty_tables_and_other_formats(tmp_path: Path) -> None:
    with pytest.raises(PlotError, match="png or .svg"):
        heatmap(_one_cell("x"), tmp_path / "h.pdf")
    with pytest.raises(PlotError, match="nothing to plot"):
        bars(Table(rows=[], columns=["a"], values=[]), tmp_path / "b.png")

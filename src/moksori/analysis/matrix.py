"""The code × case matrix: how much of each code each case's material carries.

This is the grid researchers read across ("what did each participant say
about this?") and down ("what does this participant talk about?"). Cells
count codings by default; ``presence`` (0/1) and ``characters`` (coded
length in code points) are there because a count of codings depends on how
finely each coder cut the text. Every case is a column, even one with no
codings yet, so absences show; codings that belong to no case are left out
(they are in :func:`moksori.analysis.frequencies.by_document`).
"""

from __future__ import annotations

from collections.abc import Sequence

from moksori.analysis.coded import (
    EVERYTHING,
    CodedRange,
    Selection,
    case_names,
    check_measure,
    crosstab,
)
from moksori.analysis.tables import Table
from moksori.coding.cases import Cases
from moksori.store.database import Connection

MATRIX_MEASURES = ("codings", "presence", "characters")


def code_case_matrix(
    conn: Connection,
    *,
    measure: str = "codings",
    cases: Sequence[str | int] = (),
    selection: Selection = EVERYTHING,
) -> Table:
    """Rows are codes (codebook order), columns cases (by name, or as given in ``cases``)."""
    check_measure(measure, MATRIX_MEASURES)
    names = case_names(conn)
    if cases:
        found = Cases(conn)
        columns = [found.get(c).name for c in cases]
    else:
        columns = sorted(names.values(), key=str.casefold)

    def keys(g: CodedRange) -> list[str]:
        return [names[c] for c in g.cases]

    return crosstab(
        conn,
        selection,
        keys,
        columns,
        measure=measure,
        title="code × case matrix",
        column_header="case",
    )

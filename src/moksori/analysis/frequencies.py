"""Code frequencies by document, by case, or by the levels of any case attribute.

Two measures, because they answer different questions:

- ``codings`` — how many codings of the code fall in each column. A talkative
  participant weighs more; good for "where is this theme discussed".
- ``cases`` — how many distinct cases (participants) have the code in their
  material. Each person counts once; good for "how many of the women
  mention this".

A coding belongs to the cases :meth:`Cases.at` gives it. In a crosstab by
attribute, a coding whose cases hold different levels (a group interview
range) counts once in each of those columns, so columns need not add up to
the total. Codings with no case, or whose cases have no value for the
attribute, go to a "(no value)" column, shown only when it is not empty.
``meta["cases_per_column"]`` gives how many cases hold each level, the
denominator for reading the ``cases`` measure as a share.
"""

from __future__ import annotations

from typing import Any

from moksori.analysis.coded import (
    EVERYTHING,
    CodedRange,
    Selection,
    case_names,
    check_measure,
    crosstab,
)
from moksori.analysis.tables import Table
from moksori.coding.attributes import LEVELLED, Attribute
from moksori.coding.cases import Cases
from moksori.store.database import Connection
from moksori.store.documents import document_labels

FREQUENCY_MEASURES = ("codings", "cases")
NO_CASE = "(no case)"
NO_VALUE = "(no value)"


def frequencies(
    conn: Connection,
    by: str = "document",
    *,
    measure: str = "codings",
    selection: Selection = EVERYTHING,
) -> Table:
    """Codes × documents, cases, or the levels of the attribute named ``by``."""
    if by == "document":
        return by_document(conn, measure=measure, selection=selection)
    if by == "case":
        return by_case(conn, measure=measure, selection=selection)
    return by_attribute(conn, by, measure=measure, selection=selection)


def by_document(
    conn: Connection, *, measure: str = "codings", selection: Selection = EVERYTHING
) -> Table:
    check_measure(measure, FREQUENCY_MEASURES)
    labels = document_labels(conn)

    def keys(g: CodedRange) -> list[str]:
        return [labels[g.document_id]]

    return crosstab(
        conn,
        selection,
        keys,
        list(labels.values()),
        measure=measure,
        title="codes by document",
        column_header="document",
    )


def by_case(
    conn: Connection, *, measure: str = "codings", selection: Selection = EVERYTHING
) -> Table:
    check_measure(measure, FREQUENCY_MEASURES)
    names = case_names(conn)
    columns = sorted(names.values(), key=str.casefold)

    def keys(g: CodedRange) -> list[str]:
        return [names[c] for c in g.cases] or [NO_CASE]

    table = crosstab(
        conn,
        selection,
        keys,
        [*columns, NO_CASE],
        measure=measure,
        title="codes by case",
        column_header="case",
    )
    return table.drop_empty_columns([NO_CASE])


def by_attribute(
    conn: Connection,
    attribute: str | int,
    *,
    measure: str = "codings",
    selection: Selection = EVERYTHING,
) -> Table:
    """The crosstab codes × levels of a case attribute (ordered as the levels are)."""
    check_measure(measure, FREQUENCY_MEASURES)
    attr = Cases(conn).attribute(attribute)
    value_of = case_values(conn, attr)
    columns = attribute_columns(attr, value_of.values())
    per_column: dict[str, int] = {c: 0 for c in columns}
    for v in value_of.values():
        per_column[v] = per_column.get(v, 0) + 1

    def keys(g: CodedRange) -> list[str]:
        found = {value_of[c] for c in g.cases if c in value_of}
        return sorted(found) or [NO_VALUE]

    table = crosstab(
        conn,
        selection,
        keys,
        [*columns, NO_VALUE],
        measure=measure,
        title=f"codes by {attr.name}",
        column_header=attr.name,
        meta={"attribute": attr.name, "type": attr.type, "cases_per_column": per_column},
    )
    return table.drop_empty_columns([NO_VALUE])


def case_values(conn: Connection, attr: Attribute) -> dict[int, str]:
    """case id -> stored (canonical) value of one attribute."""
    rows = conn.execute("SELECT case_id, value FROM case_value WHERE attribute_id = ?", (attr.id,))
    return {int(c): str(v) for c, v in rows}


def attribute_columns(attr: Attribute, present: Any) -> list[str]:
    """Levels in their own order; other types' values sorted as their type sorts."""
    if attr.type in LEVELLED:
        return [*attr.levels, *sorted(set(present) - set(attr.levels))]
    return sorted(set(present), key=attr.python)

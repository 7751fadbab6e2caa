"""The analyses as one read-only service (``project.analysis``) for the faces.

The functions of this package take a connection; the CLI and the web hold a
:class:`~moksori.project.Project` and never its connection, so they ask this
object, which only passes the project's connection on. Nothing here writes.

A call that names no selection counts what the faces count by default (see
:func:`~moksori.analysis.coded.choose`): the consensus, else the only coder, and
with several coders and no consensus it refuses. Adding everyone up is never a
silent default here: a script that wants it passes ``Selection()`` explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence

from moksori.analysis.coded import Selection, choose
from moksori.analysis.cooccurrence import cooccurrence
from moksori.analysis.frequencies import frequencies
from moksori.analysis.matrix import code_case_matrix
from moksori.analysis.retrieval import Condition, Excerpt, retrieve
from moksori.analysis.tables import Table
from moksori.store.database import Connection


class Analyses:
    """Frequencies, co-occurrence, the code × case matrix and coded segments."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def choose(
        self,
        coders: Sequence[str | int] = (),
        *,
        consensus: bool = False,
        viewer: str | int | None = None,
        rollup: bool = False,
        depth: int | None = None,
    ) -> Selection:
        """Whose codings to count (see analysis.coded.choose): the consensus by default."""
        return choose(
            self.conn, coders, consensus=consensus, viewer=viewer, rollup=rollup, depth=depth
        )

    def _or_default(self, selection: Selection | None) -> Selection:
        return self.choose() if selection is None else selection

    def frequencies(
        self, by: str = "document", *, measure: str = "codings", selection: Selection | None = None
    ) -> Table:
        return frequencies(self.conn, by, measure=measure, selection=self._or_default(selection))

    def cooccurrence(
        self,
        unit: str = "overlap",
        *,
        only: Sequence[str | int] = (),
        selection: Selection | None = None,
    ) -> Table:
        return cooccurrence(self.conn, unit, only=only, selection=self._or_default(selection))

    def matrix(
        self,
        *,
        measure: str = "codings",
        cases: Sequence[str | int] = (),
        selection: Selection | None = None,
    ) -> Table:
        return code_case_matrix(
            self.conn, measure=measure, cases=cases, selection=self._or_default(selection)
        )

    def retrieve(
        self,
        code: str | int,
        *,
        where: Sequence[Condition | str] = (),
        subcodes: bool = True,
        selection: Selection | None = None,
        redacted: bool = False,
    ) -> list[Excerpt]:
        return retrieve(
            self.conn,
            code,
            where=where,
            subcodes=subcodes,
            selection=self._or_default(selection),
            redacted=redacted,
        )

    def viewer_may_filter(self, condition: str) -> bool:
        """Whether a viewer may select cases by ``condition`` (``name=value``, ``age>=40``):
        only attributes whose every value enough participants share (see protect.disclosure)."""
        from moksori.protect.disclosure import filterable  # lazy: start-up (loads Kiwi's module)

        return filterable(self.conn, condition)

"""The coded material every analysis reads: codings with their cases, and counting them.

Analyses are read-only and run over whole projects, so they read the tables
with a few set-based queries instead of one call per coding. Which cases a
coding belongs to follows :meth:`moksori.coding.cases.Cases.at` exactly (a
test holds the two together): a case linked to the whole document, to a range
overlapping the coding, or to a speaker whose turns overlap it.

Whose codings: an analysis counts the coders a :class:`Selection` names;
:func:`choose` picks them for the faces (the consensus coder by default, see
there). With several coders chosen, counts add up over them: each coder's
codings count, and a case counts once however many coders coded it.

Rolling up: with ``rollup`` a coding of a sub-code also counts for every code
above it, so a category's row holds everything coded anywhere beneath it. The
same coding is never counted twice in one cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from moksori.analysis.tables import Table, Value
from moksori.coding.codebook import Codebook
from moksori.coding.coders import Coders
from moksori.coding.codings import Codings
from moksori.errors import CodingError
from moksori.store.database import Connection
from moksori.store.passages import passage_speakers

Measure = Literal["codings", "cases", "presence", "characters"]
MEASURES: tuple[str, ...] = ("codings", "cases", "presence", "characters")


@dataclass(frozen=True)
class CodeRow:
    """A code as an analysis row: its path, depth and where it sits in the tree."""

    id: int
    parent_id: int | None
    path: str
    depth: int
    codable: bool


@dataclass(frozen=True)
class CodedRange:
    id: int
    code_id: int
    document_id: int
    start: int
    end: int
    coder_id: int
    cases: tuple[int, ...]


@dataclass(frozen=True)
class Selection:
    """Which codings an analysis looks at, and how codes are grouped.

    ``coders`` keeps only those coders' codings; ``viewer`` applies blind
    coding (a coder sees only their own codings and the consensus);
    ``rollup`` counts sub-codes into their parents; ``depth`` keeps only rows
    at most that deep (0 = top-level categories), which with ``rollup`` gives
    a summary by category.
    """

    coders: Sequence[str | int] = ()
    viewer: str | int | None = None
    rollup: bool = False
    depth: int | None = None


EVERYTHING = Selection()  # every coding, codes as they are


class ChooseCoders(CodingError):
    """Several coders coded and none is the consensus: whose codings to count is the
    researcher's choice (a page shows it as a question, not as a failure)."""


def _split(names: Sequence[str | int]) -> list[str | int]:
    """'A,B' and ['A', 'B'] alike: the web sends one field, the CLI may repeat --coder."""
    out: list[str | int] = []
    for n in names:
        out += [p.strip() for p in n.split(",") if p.strip()] if isinstance(n, str) else [n]
    return out


def _coded_by(conn: Connection) -> dict[int, int]:
    """Codings per coder id (projected ones are the same judgements again: not counted)."""
    return dict(
        conn.execute(
            "SELECT coder_id, count(*) FROM coding WHERE origin != 'projected' GROUP BY coder_id"
        ).fetchall()
    )


def coders_line(conn: Connection) -> str:
    """Every coder as `moksori coder list` lists them: name (role, codings)."""
    counts = _coded_by(conn)
    listed = Coders(conn).list()
    return f"{len(listed)} coder(s): " + ", ".join(
        f"{c.name} ({c.role}, {counts.get(c.id, 0)} codings)" for c in listed
    )


def choose(
    conn: Connection,
    coders: Sequence[str | int] = (),
    *,
    consensus: bool = False,
    viewer: str | int | None = None,
    rollup: bool = False,
    depth: int | None = None,
) -> Selection:
    """Whose codings an analysis counts, by name, so the faces can say it.

    The named coders (``'A,B'`` or several names) and, with ``consensus``, the
    consensus coder. Named nobody: the consensus coder when it has codings, else
    the one coder who coded. Adding up several people's codings by default is
    what made a theme of 6 agreed codings read 18, so with two or more coders and
    no consensus this refuses and lists the coders. Blind coding: a coder sees
    only their own codings and the consensus, and may choose among those only.
    """
    found = Coders(conn)
    wanted = [found.get(c) for c in _split(coders)]
    if consensus:
        agreed_coder = found.consensus_if_any()
        if agreed_coder is None:
            raise CodingError("no consensus yet: reconcile the coders first (moksori reconcile)")
        wanted.append(agreed_coder)
    visible = None
    if viewer is not None:
        codings = Codings(conn)
        visible = codings.visible_coder_ids(codings.coders.get(viewer))
    hidden = [c.name for c in wanted if visible is not None and c.id not in visible]
    if hidden:
        raise CodingError(
            f"blind coding is on: you see only your own codings and the consensus, "
            f"not {', '.join(hidden)}'s"
        )
    if not wanted:
        counts = _coded_by(conn)
        who_coded = [
            c for c in found.list() if (visible is None or c.id in visible) and counts.get(c.id)
        ]
        agreed = [c for c in who_coded if c.role == "consensus"]
        if agreed:
            wanted = agreed[:1]
        elif len(who_coded) == 1:
            wanted = who_coded
        elif who_coded:
            raise ChooseCoders(
                f"whose codings? this project has {coders_line(conn)}; choose with "
                "--coder NAME[,NAME] or --consensus (after moksori reconcile), "
                "so one judgement is not counted once per coder"
            )
    names = tuple(dict.fromkeys(c.name for c in wanted))
    return Selection(coders=names, viewer=viewer, rollup=rollup, depth=depth)


def codes(conn: Connection) -> list[CodeRow]:
    """Every code in codebook order (parents before children)."""
    return [CodeRow(c.id, c.parent_id, c.path, c.depth, c.codable) for c in Codebook(conn).tree()]


def coder_ids(conn: Connection, sel: Selection) -> set[int] | None:
    """Coder ids to keep, or None for everyone (unknown names are an error)."""
    wanted: set[int] | None = None
    if sel.coders:
        found = Coders(conn)
        wanted = {found.get(c).id for c in sel.coders}
    if sel.viewer is not None:
        codings = Codings(conn)
        visible = codings.visible_coder_ids(codings.coders.get(sel.viewer))
        if visible is not None:
            wanted = visible if wanted is None else wanted & visible
    return wanted


def load(conn: Connection, sel: Selection = EVERYTHING) -> list[CodedRange]:
    """Codings in document order with their case ids, filtered as selected."""
    keep = coder_ids(conn, sel)
    cases = _cases_of_codings(conn)
    # A projected coding is the same judgement in the other language of a pair:
    # counting it would count the evidence twice.
    rows = conn.execute(
        'SELECT id, code_id, document_id, start, "end", coder_id FROM coding '
        "WHERE origin != 'projected' "
        'ORDER BY document_id, start, "end", id'
    )
    return [
        CodedRange(i, c, d, s, e, k, tuple(sorted(set(cases.get(i, [])))))
        for i, c, d, s, e, k in rows
        if keep is None or k in keep
    ]


def _cases_of_codings(conn: Connection) -> dict[int, list[int]]:
    """The same rule as Cases.at, for every coding at once: a case linked to the whole
    document, to a range overlapping the coding, or to a speaker whose turns overlap it."""
    links: dict[int, list[tuple[int, int | None, int | None, str | None]]] = {}
    for case_id, doc, start, end, speaker in conn.execute(
        'SELECT case_id, document_id, start, "end", speaker FROM case_link'
    ):
        links.setdefault(int(doc), []).append((int(case_id), start, end, speaker))
    if not links:
        return {}
    codings = conn.execute(
        'SELECT id, document_id, start, "end" FROM coding WHERE document_id IN '
        "(SELECT document_id FROM case_link)"
    ).fetchall()
    # the speakers of the passages under each coding, only where a case names a speaker
    by_speaker = {d for d, found in links.items() if any(s is not None for *_, s in found)}
    asked = [(d, a, b) for _, d, a, b in codings if d in by_speaker]
    heard = dict(zip(asked, passage_speakers(conn, asked), strict=True))
    cases: dict[int, list[int]] = {}
    for coding_id, doc, start, end in codings:
        speakers = heard.get((doc, start, end), set())
        for case_id, a, b, speaker in links[doc]:
            if (
                (a is None and speaker is None)
                or (a is not None and a < end and b > start)
                or (speaker is not None and speaker in speakers)
            ):
                cases.setdefault(int(coding_id), []).append(case_id)
    return cases


def case_names(conn: Connection) -> dict[int, str]:
    return {int(i): str(n) for i, n in conn.execute("SELECT id, name FROM cases")}


def targets(rows: Sequence[CodeRow], rollup: bool) -> dict[int, tuple[int, ...]]:
    """For each code, the codes its codings count for: itself, plus its ancestors if rolling up."""
    parent = {r.id: r.parent_id for r in rows}
    out: dict[int, tuple[int, ...]] = {}
    for r in rows:
        chain = [r.id]
        up = r.parent_id if rollup else None
        while up is not None:
            chain.append(up)
            up = parent.get(up)
        out[r.id] = tuple(chain)
    return out


def shown(rows: Sequence[CodeRow], sel: Selection) -> list[CodeRow]:
    """The rows a table shows: folders only when rolling up, and no deeper than ``depth``."""
    return [
        r for r in rows if (r.codable or sel.rollup) and (sel.depth is None or r.depth <= sel.depth)
    ]


def check_measure(measure: str, allowed: Iterable[str] = MEASURES) -> str:
    allowed = tuple(allowed)
    if measure not in allowed:
        raise CodingError(f"unknown measure {measure!r}; use one of {', '.join(allowed)}")
    return measure


def crosstab(
    conn: Connection,
    sel: Selection,
    keys: Callable[[CodedRange], Iterable[str]],
    columns: Sequence[str],
    *,
    measure: str = "codings",
    title: str = "",
    column_header: str = "",
    meta: dict[str, object] | None = None,
) -> Table:
    """Codes × ``columns``; each coding lands in every column ``keys`` gives it.

    ``codings`` counts codings; ``cases`` counts distinct cases whose material
    carries the code; ``presence`` is 1 if there is any coding; ``characters``
    sums the coded lengths.
    """
    check_measure(measure)
    rows = codes(conn)
    up = targets(rows, sel.rollup)
    visible = shown(rows, sel)
    index = {c: j for j, c in enumerate(columns)}
    seen: dict[tuple[int, int], set[int]] = {}  # (code, column) -> codings or cases
    chars: dict[tuple[int, int], int] = {}
    for g in load(conn, sel):
        for col in keys(g):
            j = index.get(col)
            if j is None:
                continue
            for code_id in up.get(g.code_id, (g.code_id,)):
                bucket = seen.setdefault((code_id, j), set())
                if measure == "cases":
                    bucket.update(g.cases)
                elif g.id not in bucket:
                    bucket.add(g.id)
                    chars[(code_id, j)] = chars.get((code_id, j), 0) + g.end - g.start
    values: list[list[Value]] = []
    for r in visible:
        line: list[Value] = []
        for j in range(len(columns)):
            found = seen.get((r.id, j), set())
            if measure == "presence":
                line.append(int(bool(found)))
            elif measure == "characters":
                line.append(chars.get((r.id, j), 0))
            else:
                line.append(len(found))
        values.append(line)
    return Table(
        title=title,
        row_header="code",
        column_header=column_header,
        rows=[r.path for r in visible],
        columns=list(columns),
        values=values,
        meta={"measure": measure, "rollup": sel.rollup, **(meta or {})},
    )

"""Carry codings across a translation pair, through its alignment.

A coding on one side covers some sentences; the aligned sentences on the other
side get the same code, by the same coder, marked ``projected`` with a link to
the coding it came from. A coding that touches part of a sentence projects onto
the whole aligned sentence (the alignment knows no finer unit). Codings that
are themselves projections are never projected back, so nothing doubles, and
projecting twice adds nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.bilingual.pairs import Pair, Pairs
from moksori.coding.audited import Action, Event, change
from moksori.coding.codings import Coding, Codings
from moksori.errors import MoksoriError
from moksori.store.database import Connection

DIRECTIONS = ("to-translation", "to-original", "both")
# When on, every new coding on an aligned pair is projected at once (CLI and workspace).
AUTO_SETTING = "translation.auto_project"


@dataclass
class ProjectionReport:
    pairs: int = 0
    projected: int = 0
    already: int = 0
    unaligned: int = 0  # codings on text that has no aligned counterpart
    not_aligned_pairs: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def other_range(
    conn: Connection, pair: Pair, doc_id: int, start: int, end: int
) -> tuple[int, int] | None:
    """The range on the other side of the pair aligned with [start, end) of ``doc_id``."""
    mine, theirs = ("a", "b") if doc_id == pair.original_id else ("b", "a")
    rows = conn.execute(
        f"SELECT min({theirs}_start), max({theirs}_end) FROM alignment WHERE pair_id = ? "
        f"AND {mine}_end > {mine}_start AND {mine}_start < ? AND {mine}_end > ? "
        f"AND {theirs}_end > {theirs}_start",
        (pair.id, end, start),
    ).fetchone()
    if rows is None or rows[0] is None:
        return None
    return int(rows[0]), int(rows[1])


def project_codings(
    conn: Connection,
    *,
    pair_ref: str | None = None,
    direction: str = "to-translation",
    code: str | None = None,
    coder: str | None = None,
    actor: str | None = None,
) -> ProjectionReport:
    """Project codings over one pair (or every aligned pair), in one transaction."""
    if direction not in DIRECTIONS:
        raise MoksoriError(f"direction must be one of {', '.join(DIRECTIONS)}")
    pairs = Pairs(conn)
    chosen = [pairs.find(pair_ref)] if pair_ref else pairs.all()
    codings = Codings(conn)
    report = ProjectionReport()
    done: list[str | int] = []  # the pairs projected over, for the event
    with change(conn, actor) as ch:
        for pair in chosen:
            if pair.aligned_at is None:
                report.not_aligned_pairs.append(f"#{pair.id}")
                continue
            report.pairs += 1
            done.append(pair.id)
            sides = {
                "to-translation": [pair.original_id],
                "to-original": [pair.translation_id],
                "both": [pair.original_id, pair.translation_id],
            }[direction]
            for doc_id in sides:
                _project_side(conn, codings, pair, doc_id, code, coder, report)
        counts = {"pairs": report.pairs, "codings": report.projected}
        ch.record(Event(Action.CODING_PROJECT, {"pair": done}, counts, direction))
    return report


def _project_side(
    conn: Connection,
    codings: Codings,
    pair: Pair,
    doc_id: int,
    code: str | None,
    coder: str | None,
    report: ProjectionReport,
) -> None:
    where, args = "document_id = ? AND origin != 'projected'", [doc_id]
    if code is not None:
        where += " AND code_id = ?"
        args.append(codings.codebook.get(code).id)
    if coder is not None:
        where += " AND coder_id = ?"
        args.append(codings.coders.get(coder).id)
    rows = conn.execute(
        f'SELECT id, code_id, start, "end", coder_id FROM coding WHERE {where} ORDER BY start',
        args,
    ).fetchall()
    coder_names = {c.id: c.name for c in codings.coders.list()}
    for coding_id, code_id, start, end, coder_id in rows:
        outcome = _project_one(
            conn, codings, pair, (coding_id, code_id, doc_id, start, end), coder_names[coder_id]
        )
        setattr(report, outcome, getattr(report, outcome) + 1)


def _project_one(
    conn: Connection,
    codings: Codings,
    pair: Pair,
    coding: tuple[int, int, int, int, int],
    coder_name: str,
) -> str:
    """Project one coding (id, code, document, start, end) across a pair: "projected",
    "already" (done before) or "unaligned" (no counterpart text)."""
    coding_id, code_id, doc_id, start, end = coding
    span = other_range(conn, pair, doc_id, start, end)
    if span is None:
        return "unaligned"
    target = pair.other(doc_id)
    exists = conn.execute(
        "SELECT 1 FROM coding WHERE source_id = ? AND document_id = ? AND origin = 'projected'",
        (coding_id, target),
    ).fetchone()
    if exists:
        return "already"
    codings.apply(
        code_id,
        target,
        span[0],
        span[1],
        coder=coder_name,
        origin="projected",
        source_id=coding_id,
    )
    return "projected"


def auto_project_enabled(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (AUTO_SETTING,)).fetchone()
    return row is not None and row[0] == "on"


def set_auto_project(conn: Connection, on: bool, actor: str | None = None) -> None:
    with change(conn, actor) as ch:
        conn.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (AUTO_SETTING, "on" if on else "off"),
        )
        ch.record(Event(Action.AUTO_PROJECT, choice="on" if on else "off"))


def project_new(conn: Connection, made: list[Coding], actor: str | None = None) -> int:
    """Project codings just made, when automatic projection is on; how many were made."""
    if not made or not auto_project_enabled(conn):
        return 0
    pairs = Pairs(conn)
    codings = Codings(conn)
    coder_names = {c.id: c.name for c in codings.coders.list()}
    count = 0
    with change(conn, actor) as ch:
        for coding in made:
            if coding.origin == "projected":
                continue
            for pair in pairs.of_document(coding.document_id):
                if pair.aligned_at is None:
                    continue
                where = (coding.id, coding.code_id, coding.document_id, coding.start, coding.end)
                outcome = _project_one(conn, codings, pair, where, coder_names[coding.coder_id])
                count += outcome == "projected"
        if count:
            ch.record(Event(Action.CODING_PROJECT, counts={"codings": count}, choice="auto"))
    return count

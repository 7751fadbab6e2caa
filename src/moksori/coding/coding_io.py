"""Import codings anchored on quotes (YAML or CSV), so coding done elsewhere comes in.

A research assistant's spreadsheet, a colleague's notes or the demo's two
coders name *what* was coded by its text, not by offsets: the quote is found
in the document (tolerantly, see :mod:`moksori.coding.quote_match`) and
becomes a code-point range.

Every entry is checked before anything is written, and every failing entry is
reported in one run (entry number, document, what is wrong). By default one
bad entry means nothing is imported (one transaction; the project stays as
it was); with ``skip_bad`` the good entries are imported and the bad ones
listed in the report.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from moksori.coding.audited import Action, Event, change
from moksori.coding.codings import Codings
from moksori.errors import CodingError, MoksoriError

FIELDS = ("doc", "quote", "code", "memo", "occurrence", "coder")


@dataclass(frozen=True)
class EntryProblem:
    """Why one entry of an import cannot be coded."""

    entry: int  # from 1, in file order (a CSV's header row is not counted)
    doc: str
    problem: str

    def __str__(self) -> str:
        return f"entry {self.entry} ({self.doc or 'no doc'}): {self.problem}"


@dataclass
class QuoteImport:
    codings: int
    already_there: int
    skipped: list[EntryProblem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class QuoteImportFailed(CodingError):
    """Some entries cannot be coded; nothing was imported. ``problems`` lists them all."""

    def __init__(self, problems: list[EntryProblem], total: int) -> None:
        first = str(problems[0])
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"{len(problems)} of {total} entries cannot be coded, nothing imported: {first}{more}"
        )
        self.problems = problems
        self.total = total


@dataclass(frozen=True)
class Planned:
    """Where one good entry will code."""

    code: str
    doc_id: int
    start: int
    end: int
    coder: str | None
    memo: str | None


def read_entries(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return [dict(r) for r in csv.DictReader(io.StringIO(text))]
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            raise CodingError(f"{path.name}: not readable YAML") from None
        if not isinstance(data, list):
            raise CodingError(f"{path.name}: expected a list of {{doc, quote, code}} entries")
        return data
    raise CodingError(f"{path.name}: use a .yaml or .csv file of doc, quote, code")


def _occurrence(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise CodingError(f"occurrence must be a whole number, not {value!r}") from None
    if number < 1:
        raise CodingError("occurrence counts from 1")
    return number


def _plan(codings: Codings, entry: Any, coder: str | None) -> Planned:
    """Where one entry codes, checked without writing anything."""
    if not isinstance(entry, dict):
        raise CodingError("not a {doc, quote, code} entry")
    missing = [k for k in ("doc", "quote", "code") if not str(entry.get(k) or "").strip()]
    if missing:
        raise CodingError(f"needs doc, quote and code (missing {', '.join(missing)})")
    target = codings.codebook.get(str(entry["code"]))
    if not target.codable:
        raise CodingError(f"{target.path!r} is a category folder; code with one of its codes")
    who = str(entry.get("coder") or coder or "") or None
    if who is not None:
        codings.coders.get(who)
    occurrence = _occurrence(entry.get("occurrence"))
    doc_id, start, end = codings.find_quote(str(entry["doc"]), str(entry["quote"]), occurrence)
    memo = str(entry["memo"]) if entry.get("memo") else None
    return Planned(target.path, doc_id, start, end, who, memo)


def _doc_of(entry: Any) -> str:
    return str(entry.get("doc") or "") if isinstance(entry, dict) else ""


def check_entries(
    codings: Codings, entries: list[Any], *, coder: str | None = None
) -> tuple[list[Planned], list[EntryProblem]]:
    """Every entry's place, and every entry's problem: nothing is written."""
    planned: list[tuple[int, Planned]] = []
    problems: list[EntryProblem] = []
    # document by document, so each text is folded once (quote_match keeps a few)
    for n, entry in sorted(enumerate(entries, 1), key=lambda x: _doc_of(x[1])):
        try:
            planned.append((n, _plan(codings, entry, coder)))
        except MoksoriError as exc:
            problems.append(EntryProblem(n, _doc_of(entry), str(exc)))
    return [p for _, p in sorted(planned, key=lambda x: x[0])], sorted(
        problems, key=lambda x: x.entry
    )


def import_quotes(
    codings: Codings,
    entries: list[Any],
    *,
    coder: str | None = None,
    skip_bad: bool = False,
) -> QuoteImport:
    """Code every entry in one transaction; any bad entry stops it unless `skip_bad`."""
    planned, problems = check_entries(codings, entries, coder=coder)
    if problems and not skip_bad:
        raise QuoteImportFailed(problems, len(entries))
    made = 0
    with change(codings.conn, codings.actor) as ch:
        for p in planned:
            count = codings.inserted
            codings.apply(p.code, p.doc_id, p.start, p.end, coder=p.coder, memo=p.memo)
            made += codings.inserted > count
        counts = {"added": made, "already_there": len(planned) - made}
        if skip_bad:
            counts["skipped"] = len(problems)
        ch.record(Event(Action.CODING_ADD, counts=counts, choice="import"))
    return QuoteImport(made, len(planned) - made, problems)

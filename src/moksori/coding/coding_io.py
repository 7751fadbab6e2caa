"""Import codings anchored on quotes (YAML or CSV), so coding done elsewhere comes in.

A research assistant's spreadsheet, a colleague's notes or the demo's two
coders name *what* was coded by its exact text, not by offsets: the quote is
found in the document (its n-th occurrence) and becomes a code-point range.
One import is one transaction; a quote that is not there names its entry and
changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from moksori.coding.audited import Action, Event, change
from moksori.coding.codings import Codings
from moksori.errors import CodingError, MoksoriError

FIELDS = ("doc", "quote", "code", "memo", "occurrence", "coder")


@dataclass
class QuoteImport:
    codings: int
    already_there: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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


def import_quotes(
    codings: Codings, entries: list[dict[str, Any]], *, coder: str | None = None
) -> QuoteImport:
    made = before = 0
    with change(codings.conn, codings.actor) as ch:
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not all(
                entry.get(k) for k in ("doc", "quote", "code")
            ):
                raise CodingError(f"entry {n}: needs doc, quote and code")
            count = codings.inserted
            try:
                codings.apply_quote(
                    str(entry["code"]),
                    str(entry["doc"]),
                    str(entry["quote"]),
                    occurrence=int(entry.get("occurrence") or 1),
                    coder=str(entry.get("coder") or coder or "") or None,
                    memo=str(entry["memo"]) if entry.get("memo") else None,
                )
            except MoksoriError as exc:
                raise type(exc)(f"entry {n} ({entry['doc']}): {exc}") from None
            grew = codings.inserted > count
            made += grew
            before += not grew
        counts = {"added": made, "already_there": before}
        ch.record(Event(Action.CODING_ADD, counts=counts, choice="import"))
    return QuoteImport(made, before)

"""Cases (usually participants), their typed attributes and their links to documents.

A case is named by pseudonym only. It links to a whole document, to a range
of one (code-point offsets, end exclusive, like codings), or to every turn of
one speaker in a document, so one participant can span several interviews
and one group interview can hold several participants.

A case is named by its id or its name (case-insensitive); names made only of
digits are refused so the two can never be confused. Every change is one
use case (one transaction, one audit event); deleting a case or an attribute
keeps what went in the trash.
"""

from __future__ import annotations

import builtins
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.coding import descriptors
from moksori.coding.attributes import (
    Attribute,
    check_type,
    clean_levels,
    clean_name,
    dump_levels,
    is_blank,
    load_levels,
)
from moksori.coding.audited import Action, Event, change
from moksori.coding.case_links import CaseLink, CaseLinks
from moksori.errors import (
    AttributeValueError,
    CodebookConflict,
    CodingError,
    NotFound,
    UnknownCase,
)
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.ids import new_guid

__all__ = ["Attribute", "Case", "CaseDetail", "CaseLink", "Cases"]


@dataclass(frozen=True)
class Case:
    id: int
    guid: str
    name: str
    description: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CaseDetail:
    case: Case
    values: dict[str, Any] = field(default_factory=dict)
    links: list[CaseLink] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        values = {
            k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in self.values.items()
        }
        return {**self.case.to_json(), "values": values, "links": [x.to_json() for x in self.links]}


_CASE_COLUMNS = "id, guid, name, description, created_at"
_ATTR_COLUMNS = "id, guid, name, type, levels, description"


def _clean_case_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise CodingError("a case needs a name (a pseudonym)")
    if name.isdigit():
        raise CodingError(
            f"a case name cannot be only digits ({name!r} would read as an id); try P{name}"
        )
    return name


class Cases:
    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail for every change made here

    # --- cases ----------------------------------------------------------------
    def list(self) -> list[Case]:
        rows = self.conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases ORDER BY name COLLATE NOCASE")
        return [Case(*r) for r in rows]

    def find(self, ref: str | int) -> Case | None:
        if isinstance(ref, int) or ref.strip().isdigit():
            row = self.conn.execute(
                f"SELECT {_CASE_COLUMNS} FROM cases WHERE id = ?", (int(ref),)
            ).fetchone()
            return Case(*row) if row else None
        row = self.conn.execute(
            f"SELECT {_CASE_COLUMNS} FROM cases WHERE name = ? COLLATE NOCASE",
            (" ".join(ref.split()),),
        ).fetchone()
        return Case(*row) if row else None

    def get(self, ref: str | int | Case) -> Case:
        if isinstance(ref, Case):
            ref = ref.id
        case = self.find(ref)
        if case is None:
            raise UnknownCase(f"no case {ref!r} in this project; see `moksori case list`")
        return case

    def add(self, name: str, description: str = "", *, guid: str | None = None) -> Case:
        with change(self.conn, self.actor) as ch:
            case = self.get(self._insert(name, description, guid))
            ch.record(Event(Action.CASE_CREATE, {"case": [case.guid]}))
        return case

    def _insert(self, name: str, description: str = "", guid: str | None = None) -> int:
        """Insert one case; the caller holds the transaction if there is one."""
        name = _clean_case_name(name)
        if self.find(name) is not None:
            raise CodebookConflict(f"there is already a case called {name!r}")
        cur = self.conn.execute(
            "INSERT INTO cases(guid, name, description, created_at) VALUES (?, ?, ?, ?)",
            (guid or new_guid(), name, description.strip(), now()),
        )
        return int(cur.lastrowid)

    def rename(self, case: str | int | Case, new_name: str) -> Case:
        current = self.get(case)
        new_name = _clean_case_name(new_name)
        other = self.find(new_name)
        if other is not None and other.id != current.id:
            raise CodebookConflict(f"there is already a case called {new_name!r}")
        with change(self.conn, self.actor) as ch:
            self.conn.execute("UPDATE cases SET name = ? WHERE id = ?", (new_name, current.id))
            ch.record(Event(Action.CASE_EDIT, {"case": [current.guid]}, choice="rename"))
        return self.get(current.id)

    def describe(self, case: str | int | Case, description: str) -> Case:
        current = self.get(case)
        with change(self.conn, self.actor) as ch:
            self.conn.execute(
                "UPDATE cases SET description = ? WHERE id = ?", (description.strip(), current.id)
            )
            ch.record(Event(Action.CASE_EDIT, {"case": [current.guid]}, choice="describe"))
        return self.get(current.id)

    def delete(self, case: str | int | Case, *, actor: str | None = None) -> dict[str, Any]:
        """Delete a case with its values, links and memos; the trash keeps them."""
        gone = self.detail(case)
        cid = gone.case.id
        with change(self.conn, actor if actor is not None else self.actor) as ch:
            memos = [
                {"title": t, "text": x, "created_at": at}
                for t, x, at in self.conn.execute(
                    "SELECT title, text, created_at FROM memo "
                    "WHERE target_kind = 'case' AND target_id = ?",
                    (cid,),
                )
            ]
            kept = ch.keep("case", {**gone.to_json(), "memos": memos})
            counts = {"values": len(gone.values), "links": len(gone.links), "memos": len(memos)}
            ch.record(
                Event(Action.CASE_DELETE, {"case": [gone.case.guid], "trash": [kept]}, counts)
            )
            self.conn.execute(
                "DELETE FROM memo WHERE target_kind = 'case' AND target_id = ?", (cid,)
            )
            self.conn.execute("DELETE FROM cases WHERE id = ?", (cid,))  # cascades
        return {
            "deleted": gone.case.name,
            "values": len(gone.values),
            "links": len(gone.links),
            "memos": len(memos),
            "trash": kept,
        }

    def detail(self, case: str | int | Case) -> CaseDetail:
        c = self.get(case)
        return CaseDetail(c, self.values(c.id), self.links(c.id))

    # --- links (see case_links) ---------------------------------------------------
    def at(self, document_id: int, start: int, end: int) -> builtins.list[str]:
        """Names of the cases a stretch [start, end) of a document belongs to."""
        return CaseLinks(self).at(document_id, start, end)

    def link(
        self,
        case: str | int | Case,
        document: str | int,
        *,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
    ) -> CaseLink:
        """Link a case to a whole document, a range of it, or one speaker's turns in it."""
        return CaseLinks(self).link(case, document, start=start, end=end, speaker=speaker)

    def unlink(
        self,
        case: str | int | Case,
        document: str | int,
        *,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
        every: bool = False,
    ) -> int:
        """Remove the matching link (or, with ``every``, all of the case's links to the
        document); returns how many went. Nothing to remove is an error."""
        links = CaseLinks(self)
        return links.unlink(case, document, start=start, end=end, speaker=speaker, every=every)

    def links(self, case: str | int | Case | None = None) -> builtins.list[CaseLink]:
        return CaseLinks(self).links(case)

    def documents_of(self, case: str | int | Case) -> builtins.list[int]:
        return CaseLinks(self).documents_of(case)

    # --- attributes -------------------------------------------------------------
    def define_attribute(
        self,
        name: str,
        type: str,  # noqa: A002 - the documented keyword
        levels: builtins.list[str] | None = None,
        description: str = "",
        *,
        guid: str | None = None,
    ) -> Attribute:
        with change(self.conn, self.actor) as ch:
            attr = self.attribute(self._define(name, type, levels, description, guid))
            ch.record(Event(Action.ATTRIBUTE_CREATE, {"attribute": [attr.guid]}))
        return attr

    def _define(
        self,
        name: str,
        type_: str,
        levels: builtins.list[str] | None,
        description: str = "",
        guid: str | None = None,
    ) -> int:
        name = clean_name(name)
        type_ = check_type(type_)
        cleaned = clean_levels(type_, levels)
        if self.find_attribute(name) is not None:
            raise CodebookConflict(f"there is already an attribute called {name!r}")
        cur = self.conn.execute(
            "INSERT INTO attribute(guid, name, type, levels, description) VALUES (?, ?, ?, ?, ?)",
            (guid or new_guid(), name, type_, dump_levels(cleaned), description.strip()),
        )
        return int(cur.lastrowid)

    def attributes(self) -> builtins.list[Attribute]:
        rows = self.conn.execute(f"SELECT {_ATTR_COLUMNS} FROM attribute ORDER BY id")
        return [_attribute(r) for r in rows]

    def find_attribute(self, ref: str | int) -> Attribute | None:
        if isinstance(ref, int):
            row = self.conn.execute(
                f"SELECT {_ATTR_COLUMNS} FROM attribute WHERE id = ?", (ref,)
            ).fetchone()
        else:
            row = self.conn.execute(
                f"SELECT {_ATTR_COLUMNS} FROM attribute WHERE name = ? COLLATE NOCASE",
                (" ".join(ref.split()),),
            ).fetchone()
        return _attribute(row) if row else None

    def attribute(self, ref: str | int | Attribute) -> Attribute:
        if isinstance(ref, Attribute):
            ref = ref.id
        found = self.find_attribute(ref)
        if found is None:
            raise NotFound(f"no attribute {ref!r} in this project; see `moksori attribute list`")
        return found

    def add_levels(self, attribute: str | int | Attribute, levels: builtins.list[str]) -> Attribute:
        """Append levels to an ordinal (at the top of the order) or category attribute."""
        attr = self.attribute(attribute)
        combined = clean_levels(attr.type, [*attr.levels, *levels])
        with change(self.conn, self.actor) as ch:
            self.conn.execute(
                "UPDATE attribute SET levels = ? WHERE id = ?", (dump_levels(combined), attr.id)
            )
            counts = {"levels": len(combined) - len(attr.levels)}
            ch.record(Event(Action.ATTRIBUTE_CREATE, {"attribute": [attr.guid]}, counts, "levels"))
        return self.attribute(attr.id)

    def delete_attribute(
        self, attribute: str | int | Attribute, *, actor: str | None = None
    ) -> dict[str, Any]:
        """Delete an attribute and every case's value for it (kept in the trash)."""
        attr = self.attribute(attribute)
        with change(self.conn, actor if actor is not None else self.actor) as ch:
            values = dict(
                self.conn.execute(
                    "SELECT c.name, v.value FROM case_value v JOIN cases c ON c.id = v.case_id "
                    "WHERE v.attribute_id = ?",
                    (attr.id,),
                ).fetchall()
            )
            record = {**attr.to_json(), "values": values}
            kept = ch.keep("attribute", record)
            targets: dict[str, list[str | int]] = {"attribute": [attr.guid], "trash": [kept]}
            ch.record(Event(Action.ATTRIBUTE_DELETE, targets, {"values": len(values)}))
            self.conn.execute("DELETE FROM attribute WHERE id = ?", (attr.id,))
        return {"deleted": attr.name, "values": len(values), "trash": kept}

    def set_value(
        self, case: str | int | Case, attribute: str | int | Attribute, value: Any
    ) -> Any:
        """Check and store a value (None or blank removes it); returns the typed value."""
        c, attr = self.get(case), self.attribute(attribute)
        try:
            with change(self.conn, self.actor) as ch:
                stored = self._store_value(c.id, attr, value)
                targets: dict[str, list[str | int]] = {"case": [c.guid], "attribute": [attr.guid]}
                ch.record(
                    Event(Action.ATTRIBUTE_SET, targets, choice="clear" if stored is None else None)
                )
                return stored
        except AttributeValueError as exc:
            raise AttributeValueError(f"{attr.name} ({attr.type}) of {c.name!r}: {exc}") from None

    def _store_value(self, case_id: int, attr: Attribute, value: Any) -> Any:
        if is_blank(value):
            self.conn.execute(
                "DELETE FROM case_value WHERE case_id = ? AND attribute_id = ?", (case_id, attr.id)
            )
            return None
        text = attr.canonical(value)
        self.conn.execute(
            "INSERT INTO case_value(case_id, attribute_id, value) VALUES (?, ?, ?) "
            "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = excluded.value",
            (case_id, attr.id, text),
        )
        return attr.python(text)

    def values(self, case: str | int | Case) -> dict[str, Any]:
        """A case's values as Python values (int, float, date, bool, str), by attribute."""
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + c for c in _ATTR_COLUMNS.split(', '))}, v.value "
            "FROM case_value v JOIN attribute a ON a.id = v.attribute_id "
            "WHERE v.case_id = ? ORDER BY a.id",
            (self.get(case).id,),
        )
        out: dict[str, Any] = {}
        for r in rows:
            attr = _attribute(r[:6])
            out[attr.name] = attr.python(r[6])
        return out

    def table(self) -> builtins.list[dict[str, Any]]:
        """One row per case: ``case`` (its name), then every attribute (None if unset)."""
        attrs = self.attributes()
        by_id = {a.id: a for a in attrs}
        stored: dict[int, dict[str, Any]] = {}
        for case_id, attr_id, text in self.conn.execute(
            "SELECT case_id, attribute_id, value FROM case_value"
        ):
            attr = by_id[attr_id]
            stored.setdefault(case_id, {})[attr.name] = attr.python(text)
        return [
            {"case": c.name, **{a.name: stored.get(c.id, {}).get(a.name) for a in attrs}}
            for c in self.list()
        ]

    # --- descriptors ------------------------------------------------------------
    def descriptor(
        self, case: str | int | Case, template: str, *, missing: str | None = "?"
    ) -> str:
        """A participant descriptor for reports, e.g. "{pseudonym} (in her {age_band})"."""
        c = self.get(case)
        template_ = descriptors.Template.parse(template, self.attributes())
        return template_.render(c.name, self.values(c.id), missing=missing)

    def descriptors(self, template: str, *, missing: str | None = "?") -> dict[str, str]:
        """The descriptor of every case, by case name (the template is checked once)."""
        template_ = descriptors.Template.parse(template, self.attributes())
        rows = self.table()
        return {str(r["case"]): template_.render(str(r["case"]), r, missing=missing) for r in rows}


def _attribute(row: tuple[Any, ...]) -> Attribute:
    return Attribute(row[0], row[1], row[2], row[3], load_levels(row[4]), row[5])

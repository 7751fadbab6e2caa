"""The codebook: hierarchical codes with definitions, criteria, examples and links.

Grounded theory builds it bottom-up (open codes → categories → core theme),
so codes are created, renamed, moved under categories and merged all the
time. Every change is one use case (one transaction, one audit event); a
merge or a forced delete keeps what it removed in the trash, so nothing is lost.

A code is named by its id, by its path ("Category/Sub/Code", case-insensitive)
or by its name alone when that is unique.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.coding.code_folding import MergeReport, fold, removal_record, remove_codes
from moksori.errors import CodebookConflict, CodingError, UnknownCode
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.ids import new_guid

PATH_SEPARATOR = "/"
# Axial-coding relations offered by default; any other label is allowed too.
RELATIONS = ("causes", "context of", "strategy for", "consequence of", "condition for", "part of")
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_EDITABLE = ("alt_name", "definition", "inclusion", "exclusion", "examples", "colour", "codable")


@dataclass
class Code:
    id: int
    guid: str
    parent_id: int | None
    name: str
    alt_name: str | None
    definition: str
    inclusion: str
    exclusion: str
    examples: list[str]
    colour: str | None
    is_core: bool
    codable: bool
    path: str = ""
    depth: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CodeLink:
    id: int
    from_code: str  # paths
    to_code: str
    relation: str
    memo: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = (
    "id, guid, parent_id, name, alt_name, definition, inclusion, exclusion, examples, "
    "colour, is_core, codable"
)


def normalise_colour(colour: str | None) -> str | None:
    if colour is None or colour == "":
        return None
    m = _HEX.fullmatch(colour.strip())
    if not m:
        raise CodingError(f"colour {colour!r} is not a hex colour like #1f77b4")
    digits = m.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise CodingError("a code needs a name")
    if PATH_SEPARATOR in name:
        raise CodingError(f"a code name cannot contain {PATH_SEPARATOR!r}: {name!r}")
    return name


class Codebook:
    def __init__(self, conn: Connection, *, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor  # named in the audit trail for every change made here

    # --- reading ------------------------------------------------------------
    def tree(self) -> list[Code]:
        """Every code, parents before children, siblings by ordinal then name."""
        codes = [_row_to_code(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM code")]
        children: dict[int | None, list[Code]] = {}
        for c in codes:
            children.setdefault(c.parent_id, []).append(c)
        order = {r[0]: r[1] for r in self.conn.execute("SELECT id, ordinal FROM code")}
        out: list[Code] = []

        def walk(parent: int | None, prefix: str, depth: int) -> None:
            kids = sorted(children.get(parent, []), key=lambda c: (order[c.id], c.name.lower()))
            for c in kids:
                c.path = f"{prefix}{PATH_SEPARATOR}{c.name}" if prefix else c.name
                c.depth = depth
                out.append(c)
                walk(c.id, c.path, depth + 1)

        walk(None, "", 0)
        return out

    def find(self, ref: str | int) -> Code | None:
        codes = self.tree()
        if isinstance(ref, int) or str(ref).strip().isdigit():
            by_id = [c for c in codes if c.id == int(ref)]
            if by_id:
                return by_id[0]
        text = str(ref).strip().strip(PATH_SEPARATOR)
        folded = PATH_SEPARATOR.join(p.strip() for p in text.split(PATH_SEPARATOR)).casefold()
        by_path = [c for c in codes if c.path.casefold() == folded]
        if by_path:
            return by_path[0]
        by_name = [c for c in codes if c.name.casefold() == folded]
        if len(by_name) > 1:
            paths = ", ".join(c.path for c in by_name)
            raise CodebookConflict(f"{ref!r} names several codes ({paths}); give the full path")
        return by_name[0] if by_name else None

    def get(self, ref: str | int) -> Code:
        code = self.find(ref)
        if code is None:
            raise UnknownCode(f"no code {ref!r} in the codebook")
        return code

    def descendants(self, ref: str | int) -> list[int]:
        """The code and all of its sub-codes, at any depth."""
        root = self.get(ref)
        rows = self.conn.execute(
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
            "SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub",
            (root.id,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def links(self) -> list[CodeLink]:
        paths = {c.id: c.path for c in self.tree()}
        return [
            CodeLink(i, paths[f], paths[t], rel, memo)
            for i, f, t, rel, memo in self.conn.execute(
                "SELECT id, from_code, to_code, relation, memo FROM code_link ORDER BY id"
            )
        ]

    def core(self) -> Code | None:
        return next((c for c in self.tree() if c.is_core), None)

    def coding_counts(self) -> dict[int, int]:
        """How many codings each code has (all coders), by code id; codes with none are absent."""
        rows = self.conn.execute("SELECT code_id, count(*) FROM coding GROUP BY code_id")
        return {int(k): int(n) for k, n in rows}

    def coding_count(self, ref: str | int, *, include_subcodes: bool = False) -> int:
        ids = self.descendants(ref) if include_subcodes else [self.get(ref).id]
        marks = ",".join("?" * len(ids))
        return int(
            self.conn.execute(
                f"SELECT count(*) FROM coding WHERE code_id IN ({marks})", ids
            ).fetchone()[0]
        )

    # --- writing ------------------------------------------------------------
    def create(
        self,
        name: str,
        parent: str | int | None = None,
        *,
        alt_name: str | None = None,
        definition: str = "",
        inclusion: str = "",
        exclusion: str = "",
        examples: Iterable[str] | None = None,
        colour: str | None = None,
        codable: bool = True,
        guid: str | None = None,
    ) -> Code:
        with change(self.conn, self.actor) as ch:
            code = self._create(
                name,
                parent,
                alt_name=alt_name,
                definition=definition,
                inclusion=inclusion,
                exclusion=exclusion,
                examples=examples,
                colour=colour,
                codable=codable,
                guid=guid,
            )
            ch.record(Event(Action.CODE_CREATE, self._refs(code, code.parent_id)))
            return code

    def _create(
        self,
        name: str,
        parent: str | int | None = None,
        *,
        alt_name: str | None = None,
        definition: str = "",
        inclusion: str = "",
        exclusion: str = "",
        examples: Iterable[str] | None = None,
        colour: str | None = None,
        codable: bool = True,
        guid: str | None = None,
    ) -> Code:
        name = _clean_name(name)
        parent_id = self.get(parent).id if parent not in (None, "") else None
        self._check_free(name, parent_id)
        ordinal = self.conn.execute(
            "SELECT coalesce(max(ordinal), -1) + 1 FROM code WHERE parent_id IS ?", (parent_id,)
        ).fetchone()[0]
        cur = self.conn.execute(
            "INSERT INTO code(guid, parent_id, name, alt_name, definition, inclusion, exclusion, "
            "examples, colour, codable, ordinal, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guid or new_guid(),
                parent_id,
                name,
                (alt_name or "").strip() or None,
                definition.strip(),
                inclusion.strip(),
                exclusion.strip(),
                json.dumps([e for e in (examples or []) if e.strip()], ensure_ascii=False),
                normalise_colour(colour),
                int(codable),
                ordinal,
                now(),
            ),
        )
        return self.get(int(cur.lastrowid))

    def update(self, ref: str | int, **fields: Any) -> Code:
        """Change any of alt_name, definition, inclusion, exclusion, examples, colour, codable."""
        return self.edit(ref, **fields)

    def rename(self, ref: str | int, new_name: str) -> Code:
        return self.edit(ref, name=new_name)

    def edit(self, ref: str | int, *, name: str | None = None, **fields: Any) -> Code:
        """Rename and/or change fields (see :meth:`update`) as one change; what the
        code said before goes to the trash, so an edit loses nothing."""
        code = self.get(ref)
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise CodingError(f"cannot set {', '.join(sorted(unknown))} on a code")
        values: dict[str, Any] = {}
        if name is not None:
            values["name"] = _clean_name(name)
            if values["name"].casefold() != code.name.casefold():
                self._check_free(values["name"], code.parent_id)
        for key, value in fields.items():
            if key == "examples":
                values[key] = json.dumps([e for e in value if e.strip()], ensure_ascii=False)
            elif key == "colour":
                values[key] = normalise_colour(value)
            elif key == "codable":
                values[key] = int(bool(value))
            elif key == "alt_name":
                values[key] = (value or "").strip() or None
            else:
                values[key] = str(value).strip()
        with change(self.conn, self.actor) as ch:
            kept = ch.keep("code", _snapshot(code))
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                self.conn.execute(
                    f"UPDATE code SET {sets} WHERE id = ?", [*values.values(), code.id]
                )
            targets: dict[str, list[str | int]] = {"code": [code.guid], "trash": [kept]}
            ch.record(Event(Action.CODE_EDIT, targets, {"fields": len(values)}))
        return self.get(code.id)

    def move(self, ref: str | int, new_parent: str | int | None) -> Code:
        """Put a code (with its sub-codes) under another code, or at the top level."""
        code = self.get(ref)
        parent_id = self.get(new_parent).id if new_parent not in (None, "") else None
        if parent_id is not None and parent_id in self.descendants(code.id):
            raise CodebookConflict(f"cannot move {code.path!r} under itself or its own sub-code")
        if parent_id != code.parent_id:
            self._check_free(code.name, parent_id)
        with change(self.conn, self.actor) as ch:
            self.conn.execute("UPDATE code SET parent_id = ? WHERE id = ?", (parent_id, code.id))
            ch.record(Event(Action.CODE_MOVE, self._refs(code, parent_id)))
        return self.get(code.id)

    def set_core(self, ref: str | int | None) -> Code | None:
        """Mark the core category (at most one); None clears it."""
        with change(self.conn, self.actor) as ch:
            self.conn.execute("UPDATE code SET is_core = 0 WHERE is_core = 1")
            if ref is None:
                ch.record(Event(Action.CODE_CORE, choice="clear"))
                return None
            code = self.get(ref)
            self.conn.execute("UPDATE code SET is_core = 1 WHERE id = ?", (code.id,))
            ch.record(Event(Action.CODE_CORE, {"code": [code.guid]}))
        return self.get(code.id)

    def link(
        self, source: str | int, target: str | int, relation: str, memo: str | None = None
    ) -> CodeLink:
        a, b = self.get(source), self.get(target)
        relation = " ".join(relation.split())
        if not relation:
            raise CodingError("a link needs a relation, e.g. 'causes' or 'strategy for'")
        if a.id == b.id:
            raise CodebookConflict("a code cannot be linked to itself")
        exists = self.conn.execute(
            "SELECT 1 FROM code_link WHERE from_code = ? AND to_code = ? AND relation = ?",
            (a.id, b.id, relation),
        ).fetchone()
        if exists:
            raise CodebookConflict(f"{a.path!r} already {relation} {b.path!r}")
        with change(self.conn, self.actor) as ch:
            cur = self.conn.execute(
                "INSERT INTO code_link(from_code, to_code, relation, memo, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (a.id, b.id, relation, memo, now()),
            )
            link_id = int(cur.lastrowid)
            ch.record(Event(Action.CODE_LINK, {"code": [a.guid, b.guid], "code_link": [link_id]}))
        return CodeLink(link_id, a.path, b.path, relation, memo)

    def unlink(self, source: str | int, target: str | int, relation: str | None = None) -> int:
        a, b = self.get(source), self.get(target)
        where = "FROM code_link WHERE from_code = ? AND to_code = ?"
        args: list[Any] = [a.id, b.id]
        if relation:
            where += " AND relation = ?"
            args.append(" ".join(relation.split()))
        with change(self.conn, self.actor) as ch:
            gone = [
                dict(zip(("id", "relation", "memo", "created_at"), r, strict=True))
                for r in self.conn.execute(
                    f"SELECT id, relation, memo, created_at {where} ORDER BY id", args
                )
            ]
            if not gone:
                raise UnknownCode(f"no link from {a.path!r} to {b.path!r}")
            kept = ch.keep("code_link", {"from": a.guid, "to": b.guid, "links": gone})
            self.conn.execute(f"DELETE {where}", args)
            ch.record(
                Event(
                    Action.CODE_UNLINK,
                    {"code": [a.guid, b.guid], "trash": [kept]},
                    {"links": len(gone)},
                )
            )
        return len(gone)

    def merge(self, source: str | int, target: str | int, actor: str | None = None) -> MergeReport:
        """Fold one code into another: its codings, sub-codes, links and memos move over."""
        src = self.get(source)
        with change(self.conn, actor if actor is not None else self.actor) as ch:
            dst = self.get(target)
            report = self._merge(source, target)
            kept = ch.keep("code", {"source": _snapshot(src), "report": report.to_json()})
            ch.record(
                Event(
                    Action.CODE_MERGE,
                    {"code": [src.guid, dst.guid], "trash": [kept]},
                    {
                        "codings_moved": report.codings_moved,
                        "codings_already_there": report.codings_already_there,
                        "children_moved": len(report.children_moved),
                    },
                )
            )
        return report

    def _merge(self, source: str | int, target: str | int) -> MergeReport:
        src, dst = self.get(source), self.get(target)
        if src.id == dst.id:
            raise CodebookConflict("cannot merge a code into itself")
        if dst.id in self.descendants(src.id):
            raise CodebookConflict(f"cannot merge {src.path!r} into its own sub-code")
        with change(self.conn, self.actor):
            return fold(self.conn, src, dst)

    def delete(
        self, ref: str | int, *, force: bool = False, actor: str | None = None
    ) -> dict[str, Any]:
        """Delete a code. Refused while it has codings or sub-codes, unless forced;
        a forced delete keeps everything it removes (codes, codings, memos) in the trash."""
        code = self.get(ref)
        ids = self.descendants(code.id)
        n_codings = self.coding_count(code.id, include_subcodes=True)
        if not force and (len(ids) > 1 or n_codings):
            what = []
            if n_codings:
                what.append(f"{n_codings} coding(s)")
            if len(ids) > 1:
                what.append(f"{len(ids) - 1} sub-code(s)")
            raise CodebookConflict(
                f"{code.path!r} still has {' and '.join(what)}; merge it, or delete with --force "
                "(a record of what is removed is kept)"
            )
        by_id = {c.id: c for c in self.tree()}
        codes = [by_id[i] for i in ids]
        with change(self.conn, actor if actor is not None else self.actor) as ch:
            record = removal_record(self.conn, codes)
            kept = ch.keep("code", record)
            counts = {"codes": len(ids), "codings": len(record["codings"])}
            ch.record(
                Event(
                    Action.CODE_DELETE,
                    {"code": [c.guid for c in codes], "trash": [kept]},
                    counts | {"memos": len(record["memos"])},
                )
            )
            remove_codes(self.conn, ids)
        return {"deleted": [c.path for c in codes], "codings": counts["codings"], "trash": kept}

    def _refs(self, code: Code, parent_id: int | None) -> dict[str, list[str | int]]:
        """The event targets of a code placed under a parent (or at the top level)."""
        refs: dict[str, list[str | int]] = {"code": [code.guid]}
        if parent_id is not None:
            refs["parent"] = [self.get(parent_id).guid]
        return refs

    def _check_free(self, name: str, parent_id: int | None) -> None:
        row = self.conn.execute(
            "SELECT 1 FROM code WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE",
            (parent_id or 0, name),
        ).fetchone()
        if row:
            where = "at the top level" if parent_id is None else "under that category"
            raise CodebookConflict(f"a code called {name!r} already exists {where}")


def _row_to_code(r: tuple[Any, ...]) -> Code:
    return Code(
        id=r[0],
        guid=r[1],
        parent_id=r[2],
        name=r[3],
        alt_name=r[4],
        definition=r[5],
        inclusion=r[6],
        exclusion=r[7],
        examples=json.loads(r[8] or "[]"),
        colour=r[9],
        is_core=bool(r[10]),
        codable=bool(r[11]),
    )


def _snapshot(code: Code) -> dict[str, Any]:
    return code.to_json()

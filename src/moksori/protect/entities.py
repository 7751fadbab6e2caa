"""Entities: the people behind findings, known in the project only by pseudonym.

One entity per person across every document and both languages; the vault
maps it to real names. Pseudonyms are chosen by the user ("Youngmi") or
generated ("P07" in English text, "인물7" in Korean: a neutral word, because
most people named in a testimony are not participants).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.errors import DeidError, UnknownEntity
from moksori.store.clock import now
from moksori.store.database import Connection, transaction
from moksori.store.ids import new_guid

_GENERATED = re.compile(r"^P(\d+)$")


@dataclass
class Entity:
    id: int
    guid: str
    type: str
    pseudonym: str
    pseudonym_ko: str | None
    chosen: bool
    findings: int = 0

    def label(self, lang: str) -> str:
        return (self.pseudonym_ko or self.pseudonym) if lang == "ko" else self.pseudonym

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Entities:
    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor

    def list(self) -> list[Entity]:
        rows = self.conn.execute(
            "SELECT e.id, e.guid, e.type, e.pseudonym, e.pseudonym_ko, e.chosen, "
            "(SELECT count(*) FROM finding f WHERE f.entity_id = e.id) FROM entity e ORDER BY e.id"
        )
        return [Entity(i, g, t, p, k, bool(c), n) for i, g, t, p, k, c, n in rows]

    def find(self, ref: str | int) -> Entity | None:
        text = str(ref).strip()
        for e in self.list():
            if text in (str(e.id), e.guid) or text.casefold() in (
                e.pseudonym.casefold(),
                (e.pseudonym_ko or "").casefold(),
            ):
                return e
        return None

    def get(self, ref: str | int) -> Entity:
        found = self.find(ref)
        if found is None:
            raise UnknownEntity(f"no entity {ref!r}; list them with: moksori deid entities")
        return found

    def by_id(self) -> dict[int, Entity]:
        return {e.id: e for e in self.list()}

    def _next_number(self) -> int:
        numbers = [
            int(m.group(1))
            for (p,) in self.conn.execute("SELECT pseudonym FROM entity")
            if (m := _GENERATED.match(p))
        ]
        return max(numbers, default=0) + 1

    def create(
        self,
        pseudonym: str | None = None,
        pseudonym_ko: str | None = None,
        *,
        guid: str | None = None,
        type_: str = "person",
    ) -> Entity:
        with transaction(self.conn) as c:
            chosen = bool(pseudonym)
            if not pseudonym:
                n = self._next_number()
                pseudonym, pseudonym_ko = f"P{n:02d}", pseudonym_ko or f"인물{n}"
            self._check_free(pseudonym, pseudonym_ko)
            cur = c.execute(
                "INSERT INTO entity(guid, type, pseudonym, pseudonym_ko, chosen, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (guid or new_guid(), type_, pseudonym.strip(), pseudonym_ko, int(chosen), now()),
            )
            entity_id = int(cur.lastrowid)
        return next(e for e in self.list() if e.id == entity_id)

    def _check_free(self, pseudonym: str, ko: str | None, but: int | None = None) -> None:
        for e in self.list():
            if e.id == but:
                continue
            taken = {e.pseudonym.casefold(), (e.pseudonym_ko or "").casefold()} - {""}
            if pseudonym.strip().casefold() in taken or (ko and ko.casefold() in taken):
                raise DeidError(f"pseudonym {pseudonym!r} is already used by entity {e.id}")

    def rename(self, ref: str | int, pseudonym: str, pseudonym_ko: str | None = None) -> Entity:
        """Choose a pseudonym, e.g. "Youngmi" / "영미"; every redacted view follows."""
        e = self.get(ref)
        if not pseudonym.strip():
            raise DeidError("a pseudonym cannot be empty")
        self._check_free(pseudonym, pseudonym_ko, but=e.id)
        with change(self.conn, self.actor) as ch:
            self.conn.execute(
                "UPDATE entity SET pseudonym = ?, pseudonym_ko = ?, chosen = 1 WHERE id = ?",
                (pseudonym.strip(), pseudonym_ko.strip() if pseudonym_ko else None, e.id),
            )
            ch.record(Event(Action.DEID_ENTITY_RENAME, {"entity": [e.guid]}))
        return self.get(e.id)

    def merge(self, source: str | int, target: str | int) -> Entity:
        """Two entities are one person: the source's findings move to the target."""
        src, dst = self.get(source), self.get(target)
        if src.id == dst.id:
            raise DeidError("an entity cannot be merged into itself")
        with change(self.conn, self.actor) as ch:
            moved = self.conn.execute(
                "UPDATE finding SET entity_id = ? WHERE entity_id = ?", (dst.id, src.id)
            ).rowcount
            kept = ch.keep("entity", src.to_json())
            self.conn.execute("DELETE FROM entity WHERE id = ?", (src.id,))
            targets: dict[str, list[str | int]] = {"entity": [src.guid, dst.guid], "trash": [kept]}
            ch.record(Event(Action.DEID_ENTITY_MERGE, targets, {"findings": int(moved)}))
        return self.get(dst.id)

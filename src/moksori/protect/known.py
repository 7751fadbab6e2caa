"""What the project (and the vault, when open) knows to be a person's name or a place.

A name stays a name whatever a reviewer later decided about one of its
findings: a coder who rejects the owner's accepted "김철수" does not make the
string safe. Known names are the vault's names and aliases (when the vault is
open) and the strings of person findings that were accepted or linked to an
entity (a finding keeps its entity after a rejection, so "linked" means
"accepted at some time" or "on the known-names list"). Known places are the
strings of place findings accepted or proposed. The web server has no vault,
so the project alone must be enough to keep these redacted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from moksori.protect.romanise import romanisations
from moksori.protect.scan import (
    _NOT_AFTER_HANGUL,
    KnownMatcher,
    KnownName,
    _name_body,
    _squash,
    variants,
)
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import HANGUL
from moksori.protect.vault import Vault, clean_name
from moksori.protect.visible import visible
from moksori.store.database import Connection
from moksori.store.passages import excerpts

# A name found in text: (start, end, entity id or None when no entity stands for it).
NameHit = tuple[int, int, int | None]


def _forms(name: str) -> set[str]:
    """A name and its shorter forms (김순희 → 순희), at least two characters each."""
    name = clean_name(name)
    if len(name) < 2:
        return set()
    return {v for v in variants(name) | {name} if len(v.strip()) >= 2}


@dataclass
class KnownNames:
    """Every name known to stand for a person, found in any text in both scripts."""

    people: dict[str, set[str]] = field(default_factory=dict)  # entity GUID ("" none) → names
    entity_ids: dict[str, int] = field(default_factory=dict)  # entity GUID → entity id
    _matcher: KnownMatcher | None = field(default=None, repr=False)
    _hangul: re.Pattern[str] | None = field(default=None, repr=False)
    _hangul_guid: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(
        cls, conn: Connection, vault: Vault | None = None, *, include_proposed: bool = True
    ) -> KnownNames:
        """From the findings (and the vault's names when it is open).

        Proposed names count unless ``include_proposed`` is false (an accepted-only
        view); rejected ones only when an entity stands behind them.
        """
        statuses = "('accepted', 'proposed')" if include_proposed else "('accepted')"
        known = cls(
            entity_ids={str(g): int(i) for i, g in conn.execute("SELECT id, guid FROM entity")}
        )
        rows = conn.execute(
            'SELECT e.guid, f.document_id, f.start, f."end" FROM finding f '
            "LEFT JOIN entity e ON e.id = f.entity_id "
            f"WHERE f.type = 'person' AND (f.status IN {statuses} OR f.entity_id IS NOT NULL)"
        ).fetchall()
        names = excerpts(conn, [(d, a, b) for _, d, a, b in rows])
        for (guid, *_), name in zip(rows, names, strict=True):
            known.add(str(guid or ""), [name])
        if vault is not None:
            for person in vault.people():
                known.add(person.entity_guid, person.aliases)
        return known

    def add(self, guid: str, names: Iterable[str]) -> None:
        bucket = self.people.setdefault(guid, set())
        for name in names:
            bucket |= _forms(visible(name).text)  # an excerpt may hold a soft hyphen
        self._matcher = None

    def __bool__(self) -> bool:
        return any(self.people.values())

    def _compile(self) -> KnownMatcher:
        if self._matcher is None:
            hangul = {n: g for g, names in self.people.items() for n in names if HANGUL.match(n)}
            self._hangul_guid = {_squash(n): g for n, g in hangul.items()}
            bodies = [_name_body(n) for n in sorted(hangul, key=len, reverse=True)]
            bodies = [b for b in bodies if b]
            self._hangul = (
                re.compile(f"{_NOT_AFTER_HANGUL}(?:{'|'.join(bodies)})") if bodies else None
            )
            matcher = KnownMatcher.of(
                KnownName(g, tuple(sorted(names))) for g, names in self.people.items()
            )
            matcher.hangul = []  # one alternation above instead of a pattern per alias
            self._matcher = matcher
        return self._matcher

    def find(self, text: str) -> list[NameHit]:
        """Every mention of a known name; romanisations of hangul names too."""
        if not self or not text:
            return []
        matcher = self._compile()
        view = visible(text)  # '김\u00ad영철' is still 김영철; hits are stored offsets
        hits: list[NameHit] = []
        if self._hangul is not None:
            for m in self._hangul.finditer(view.text):
                guid = self._hangul_guid.get(_squash(m.group()), "")
                hits.append((*view.span(m.start(), m.end()), self.entity_ids.get(guid)))
        for span in matcher.find(view.text):
            guid = str(span.info.get("entity") or "")
            hits.append((*view.span(span.start, span.end), self.entity_ids.get(guid)))
        return hits

    def strings(self) -> dict[str, str]:
        """Every written form (with romanisations of hangul names) → its entity GUID."""
        out: dict[str, str] = {}
        for guid, names in self.people.items():
            for name in names:
                out.setdefault(name, guid)
                for form in romanisations(name):
                    out.setdefault(form, guid)
        return out


def known_places(conn: Connection) -> dict[str, tuple[PiiType, dict[str, Any]]]:
    """Strings of place and address findings accepted or proposed → (type, their info)."""
    out: dict[str, tuple[PiiType, dict[str, Any]]] = {}
    rows = conn.execute(
        'SELECT f.type, f.info, f.document_id, f.start, f."end" FROM finding f '
        "WHERE f.type IN ('place', 'address') AND f.status != 'rejected'"
    ).fetchall()
    texts = excerpts(conn, [(d, a, b) for _, _, d, a, b in rows])
    for (type_, info, *_), text in zip(rows, texts, strict=True):
        name = " ".join(str(text).split())
        if len(name) >= 2:
            out.setdefault(name, (PiiType(type_), json.loads(info or "{}")))
    return out

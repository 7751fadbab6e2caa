"""Findings grouped by what they stand for, so review decides per entity, not per mention.

Why: a project of forty testimonies holds hundreds of findings for a few dozen
people and places. One group is one entity when a finding has one; otherwise one
type and written form, particles and the familiar 이 stripped, with the given
name alone ("순희") and the romanised forms ("Kim Soon-hee") joined to their full
name's group when that full name is the only one they can belong to. Two
entities are never joined.

A group's id is opaque and stable: ``e<entity id>``, or ``f<smallest finding
id>``. Group texts are read for the reviewer's screen only, when asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.errors import DeidError, VaultError
from moksori.protect import gazetteer
from moksori.protect.entities import Entities
from moksori.protect.findings import Finding, Findings
from moksori.protect.forms import (
    ALL_HANGUL,
    PERSON_ENDINGS,
    SAME,
    person_forms,
    place_forms,
    squash,
)
from moksori.protect.romanise import split_key
from moksori.protect.spans import PiiType
from moksori.protect.vault import Vault, clean_name
from moksori.store.database import Connection, transaction
from moksori.store.ids import new_guid

_Node = tuple[str, ...]


@dataclass
class Group:
    id: str
    type: str
    entity_id: int | None
    pseudonym: str | None
    findings: list[int]
    documents: int
    proposed: int
    accepted: int
    rejected: int
    mean_confidence: float
    min_confidence: float
    max_confidence: float
    detectors: dict[str, int]
    forms: int  # distinct written forms
    texts: list[str] = field(default_factory=list)  # only when the caller asks to see them

    @property
    def size(self) -> int:
        return len(self.findings)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self) | {"size": self.size}
        if not self.texts:
            out.pop("texts")
        return out


class _Union:
    """Union-find over nodes; a root keeps at most one entity (two are never joined)."""

    def __init__(self) -> None:
        self.parent: dict[_Node, _Node] = {}
        self.entity: dict[_Node, int] = {}

    def find(self, node: _Node) -> _Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: _Node, b: _Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ea, eb = self.entity.get(ra), self.entity.get(rb)
        if ea is not None and eb is not None and ea != eb:
            return
        self.parent[rb] = ra
        if ea is None and eb is not None:
            self.entity[ra] = eb


def _stems(surface: str) -> list[str]:
    """Hangul forms with a particle or the familiar 이 taken off (영철이가 → 영철)."""
    if not ALL_HANGUL.match(surface):
        return []
    return [
        surface[:cut]
        for cut in range(len(surface) - 1, 1, -1)
        if surface[cut:] in PERSON_ENDINGS and surface[cut:]
    ]


def build_groups(
    conn: Connection, findings: Sequence[Finding], *, with_text: bool = False
) -> list[Group]:
    """Group findings (all statuses); the biggest group first."""
    if not findings:
        return []
    texts = Findings(conn).texts_of({f.document_id for f in findings})
    said = {f.id: " ".join(texts[f.document_id][f.start : f.end].split()) for f in findings}
    u = _Union()
    surface: dict[int, _Node] = {f.id: ("s", f.type, squash(said[f.id])) for f in findings}
    written = {surface[f.id]: said[f.id] for f in findings}
    key_entities: dict[_Node, set[int]] = {}
    for f in findings:
        if f.entity_id is not None:
            key_entities.setdefault(surface[f.id], set()).add(int(f.entity_id))
    node_of: dict[int, _Node] = dict(surface)
    for f in findings:  # a finding with an entity is that entity's, whatever its form
        if f.entity_id is not None:
            node: _Node = ("e", str(f.entity_id))
            u.entity[u.find(node)] = int(f.entity_id)
            node_of[f.id] = node
            if key_entities[surface[f.id]] == {int(f.entity_id)}:
                u.union(node, surface[f.id])
    for key in written:  # particles and the familiar 이 off, when the bare form is found too
        for stem in _stems(key[2]):
            if ("s", key[1], stem) in written:
                u.union(("s", key[1], stem), key)
                break
    _join_names(u, findings, said)
    _join_places(u, written)
    return _collect(conn, findings, node_of, u, said, with_text)


def _join_names(u: _Union, findings: Sequence[Finding], said: dict[int, str]) -> None:
    """Same person name in either script or spelling; a given name to its only full name."""
    full: dict[str, set[str]] = {}  # given-name key → surname ids of full names
    nodes: dict[tuple[str | None, str], list[_Node]] = {}
    for f in findings:
        if f.type != "person":
            continue
        surname, given = split_key(said[f.id])
        if given.startswith("~") or not given:
            continue
        nodes.setdefault((surname, given), []).append(("s", "person", squash(said[f.id])))
        if surname:
            full.setdefault(given, set()).add(surname)
    for (surname, given), members in nodes.items():
        for other in members[1:]:
            u.union(members[0], other)
        if surname is None and len(full.get(given, ())) == 1:
            u.union(nodes[(next(iter(full[given])), given)][0], members[0])
    owners: dict[str, set[str]] = {}  # a short or romanised form → the full names giving it
    surfaces = {squash(said[f.id]): said[f.id] for f in findings if f.type == "person"}
    for key, text in surfaces.items():
        for form, factor in person_forms(text):
            if factor != SAME:
                owners.setdefault(squash(form), set()).add(key)
    for key in surfaces:
        parents = owners.get(key, set()) - {key}
        if len(parents) == 1:
            u.union(("s", "person", next(iter(parents))), ("s", "person", key))
    for f in findings:  # "옥단이", "영철이가": the given name with the familiar 이 or a particle
        if f.type != "person":
            continue
        for stem in _stems(squash(said[f.id])):
            surname, given = split_key(stem)
            if surname is None and len(full.get(given, ())) == 1:
                parent = nodes[(next(iter(full[given])), given)][0]
                u.union(parent, ("s", "person", squash(said[f.id])))
                break


def _join_places(u: _Union, written: dict[_Node, str]) -> None:
    """A word of a place ("무산") to the one place it is part of ("함경북도 무산군"), and the
    names of one gazetteer place to each other, in either script (무산군, Musan)."""
    parents: dict[str, set[str]] = {}
    places = [k for k in written if k[1] == "place"]
    for key in places:
        for form, _ in place_forms(written[key])[1:]:
            parents.setdefault(squash(form), set()).add(key[2])
    for key in places:
        owners = parents.get(key[2], set()) - {key[2]}
        if len(owners) == 1:
            u.union(("s", "place", next(iter(owners))), key)
        found = gazetteer.candidates(written[key])  # 무산 = 무산군 = Musan: one place
        if len(found) == 1 and found[0].level != "country":
            u.union(("g", found[0].name_ko, found[0].province), key)


def _collect(
    conn: Connection,
    findings: Sequence[Finding],
    node_of: dict[int, _Node],
    u: _Union,
    said: dict[int, str],
    with_text: bool,
) -> list[Group]:
    members: dict[_Node, list[Finding]] = {}
    for f in findings:
        members.setdefault(u.find(node_of[f.id]), []).append(f)
    pseudonyms = {int(i): str(p) for i, p in conn.execute("SELECT id, pseudonym FROM entity")}
    out: list[Group] = []
    for root, fs in members.items():
        entity = u.entity.get(root)
        conf = [f.confidence for f in fs]
        status = Counter(f.status for f in fs)
        forms = sorted({said[f.id] for f in fs}, key=lambda s: (-len(s), s))
        out.append(
            Group(
                id=f"e{entity}" if entity is not None else f"f{min(f.id for f in fs)}",
                type=Counter(f.type for f in fs).most_common(1)[0][0],
                entity_id=entity,
                pseudonym=pseudonyms.get(entity) if entity is not None else None,
                findings=sorted(f.id for f in fs),
                documents=len({f.document_id for f in fs}),
                proposed=status["proposed"],
                accepted=status["accepted"],
                rejected=status["rejected"],
                mean_confidence=round(sum(conf) / len(conf), 3),
                min_confidence=round(min(conf), 3),
                max_confidence=round(max(conf), 3),
                detectors=dict(Counter(f.detector for f in fs).most_common()),
                forms=len(forms),
                texts=forms if with_text else [],
            )
        )
    out.sort(key=lambda g: (-g.size, g.type, g.id))
    return out


def resolve(groups: Sequence[Group], refs: Sequence[str]) -> list[Group]:
    """Groups by id ("e3", "f120"); a finding id inside a group names it too."""
    chosen: list[Group] = []
    for ref in refs:
        text = str(ref).strip().lower()
        group = next((g for g in groups if g.id == text), None)
        if group is None and text[:1] == "f" and text[1:].isdigit():
            group = next((g for g in groups if int(text[1:]) in g.findings), None)
        if group is None:
            raise DeidError(f"no group {ref!r}; list them with: moksori deid groups")
        if group not in chosen:
            chosen.append(group)
    return chosen


def group_entities(
    conn: Connection, groups: Sequence[Group], picked: Sequence[Finding], vault: Vault | None
) -> int:
    """One entity per accepted person group, so 김순희, 순희 and Soon-hee share a pseudonym."""

    findings = Findings(conn)
    by_id = {f.id: f for f in picked}
    plan: list[tuple[Group, list[Finding]]] = []
    for g in groups:
        bare = [
            by_id[i]
            for i in g.findings
            if i in by_id and by_id[i].type == PiiType.PERSON.value and by_id[i].entity_id is None
        ]
        if bare:
            plan.append((g, bare))
    if not plan:
        return 0
    guid_of = {int(i): str(gd) for i, gd in conn.execute("SELECT id, guid FROM entity")}
    need_vault = [g for g, _ in plan if g.entity_id is None]
    if need_vault and vault is None:
        raise VaultError(
            "accepting names needs the vault (it keeps who each pseudonym stands for); "
            "create one with: moksori deid vault init PROJECT"
        )
    created: dict[str, str] = {}  # group id → new entity guid
    targets: dict[str, str] = {}  # group id → entity guid
    for g, bare in plan:
        names = sorted(
            {clean_name(findings.text_of(f)) for f in bare} - {""}, key=lambda n: -len(n)
        )
        if g.entity_id is not None:
            targets[g.id] = guid_of[g.entity_id]
        else:
            assert vault is not None
            guid = vault.entity_for(names[0]) if names else None
            if guid is None or guid not in {*guid_of.values(), *created.values()}:
                guid = new_guid()
                created[g.id] = guid
                vault.add_person(guid, names[:1], known=False)
            targets[g.id] = guid
        if vault is not None:
            for name in names:
                vault.add_alias(targets[g.id], name)
    with transaction(conn):
        for guid in created.values():
            Entities(conn).create(guid=guid)
        ids = {str(g): int(i) for i, g in conn.execute("SELECT id, guid FROM entity")}
        conn.executemany(
            "UPDATE finding SET entity_id = ? WHERE id = ?",
            [(ids[targets[g.id]], f.id) for g, bare in plan for f in bare],
        )
    return len(created)


__all__ = ["Group", "build_groups", "group_entities", "resolve"]

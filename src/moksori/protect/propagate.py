"""Entity propagation: a name or place decided once is found at every mention in the project.

Why: a testimony names a person once in full ("김영철") and then as "영철이",
"영철 형" or, in the English summary, "Kim Young-chol". A detector that misses
one mention leaves it readable, so every person or place the project knows
(accepted, or proposed with high confidence) is searched for in every scanned
document: the form itself with any particle attached, the given name alone, the
familiar 이, and the other script. New findings carry the entity of their
source, so the vault maps them to the same pseudonym.

The reverse of romanisation (a hangul name from "Kim Ji-min") is not generated:
:mod:`romanise` has no reverse, and one spelling stands for several hangul names.
A romanised name reaches the hangul form only when the project itself holds
exactly one hangul person finding with the same name key.

Runs inside the caller's transaction (a scan, or a review decision).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from moksori.protect import gazetteer, shared_list
from moksori.protect.detect.masked import masks
from moksori.protect.forms import (
    ALL_HANGUL,
    HANGUL_WORD,
    SHORT,
    Form,
    Matcher,
    ending_ok,
    is_place,
    key_of,
    person_forms,
    person_keys,
    place_forms,
    squash,
)
from moksori.protect.scan import PLACE_SPREAD_CONFIDENCE, SPREAD_CONFIDENCE
from moksori.protect.spans import PiiType, Span
from moksori.protect.visible import visible
from moksori.store import documents
from moksori.store.clock import now
from moksori.store.database import Connection, transaction

DETECTOR = "propagated"
TYPES = (PiiType.PERSON, PiiType.PLACE)
_MIN = {PiiType.PERSON: SPREAD_CONFIDENCE, PiiType.PLACE: PLACE_SPREAD_CONFIDENCE}


@dataclass
class Row:
    id: int
    type: PiiType
    text: str
    status: str
    detector: str
    confidence: float
    entity: int | None
    info: dict[str, Any]


def load_rows(conn: Connection) -> list[Row]:
    """Every person and place finding with its text (in memory only, never written out).

    Each document's text is read once and sliced here: a join that cuts the text in
    SQL copies the whole document for every finding.
    """
    found = conn.execute(
        'SELECT id, document_id, type, start, "end", status, detector, confidence, '
        "entity_id, info FROM finding WHERE type IN ('person', 'place')"
    ).fetchall()
    texts: dict[int, str] = {}
    out: list[Row] = []
    for i, doc, t, a, b, st, det, c, e, inf in found:
        text = texts.get(doc)
        if text is None:
            text = texts[doc] = documents.document_text(conn, doc)
        said = " ".join(text[int(a) : int(b)].split())
        info = json.loads(inf) if t == "place" and inf else {}
        out.append(Row(int(i), PiiType(t), said, st, det, float(c), e, info))
    return out


def collect_forms(
    rows: list[Row], sources: Collection[int] | None = None, shared: Any = None
) -> dict[tuple[str, str], Form]:
    """The forms to look for, keyed by (type, squashed form).

    Rejected forms never spread, nor phrases on the project's shared list
    (``shared_list``: "North Korea", "하나원"), whatever their type.
    """
    if shared is None:
        shared = shared_list.DEFAULT
    rejected = {(r.type.value, squash(r.text)) for r in rows if r.status == "rejected"}
    rejected |= {
        ("key", k)
        for r in rows
        if r.status == "rejected" and r.type == PiiType.PERSON
        for k, _ in person_keys(r.text)[:1]
    }
    hangul_by_key: dict[str, set[str]] = {}
    for r in rows:
        if r.type == PiiType.PERSON and r.status != "rejected" and ALL_HANGUL.match(r.text):
            hangul_by_key.setdefault(key_of(r.text), set()).add(r.text)
    # one entry per written source: (type, text) → [confidence, entities, info]
    written: dict[tuple[PiiType, str], tuple[list[float], set[int], dict[str, Any]]] = {}
    for r in sorted(rows, key=lambda r: -r.confidence):
        if r.status == "rejected" or (r.type.value, squash(r.text)) in rejected:
            continue
        if sources is not None:
            if r.id not in sources:
                continue
        elif r.status != "accepted" and (r.detector in DERIVED or r.confidence < _MIN[r.type]):
            continue
        entry = written.setdefault((r.type, r.text), ([0.0], set(), r.info))
        entry[0][0] = max(entry[0][0], 1.0 if r.status == "accepted" else r.confidence)
        if r.status == "accepted":
            entry[1].add(-1)  # marks a confirmed source; taken out below
        if r.entity is not None:
            entry[1].add(int(r.entity))
    forms: dict[tuple[str, str], Form] = {}
    for (type_, said), (base, marks, info) in written.items():
        confirmed = -1 in marks
        entities = marks - {-1}
        for text, factor, k in _derived(type_, said, hangul_by_key):
            if len(k[1]) < 2 or k in rejected:
                continue
            if k[0] != "key" and text in shared:
                continue
            if type_ == PiiType.PERSON and not confirmed and is_place(text):
                continue  # "회령" taken for a person would link two testimonies by a town
            conf = round(base[0] * factor, 3)
            form = forms.get(k)
            if form is None:
                compact = text.replace(" ", "")
                form = forms[k] = Form(
                    type_,
                    text,
                    conf,
                    info=dict(info) if type_ == PiiType.PLACE else {},
                    short=bool(ALL_HANGUL.match(compact)) and len(compact) <= 2,
                    by_key=k[0] == "key",
                )
            form.confidence = max(form.confidence, conf)
            form.entities |= entities
            form.origins.add(f"{type_.value}:{said}")
            form.confirmed = form.confirmed or confirmed
    return forms


def _derived(
    type_: PiiType, said: str, hangul_by_key: dict[str, set[str]]
) -> list[tuple[str, float, tuple[str, str]]]:
    """Every form of one source text: (form, confidence factor, key in the forms table)."""
    if type_ == PiiType.PLACE:
        places = gazetteer.candidates(said)
        if places and all(p.level == "country" for p in places):
            return []  # "China", "태국": no one is found by a country, so it is not spread
        return [(t, f, (type_.value, squash(t))) for t, f in place_forms(said)]
    found = person_forms(said)
    key = key_of(said)
    hangul = hangul_by_key.get(key, set())
    if not ALL_HANGUL.match(said.replace(" ", "")) and "|" in key and len(hangul) == 1:
        found.append((next(iter(hangul)), SHORT))  # the one hangul name with this key
    out = [(t, f, (type_.value, squash(t))) for t, f in found]
    return out + [(k, f, ("key", k)) for k, f in person_keys(said)]


def propagate(
    conn: Connection, *, sources: Collection[int] | None = None, vault: Any = None
) -> list[int]:
    """Find every mention of the known forms in every scanned document; the new finding ids.

    ``sources``: only the forms of these findings (a review decision); otherwise
    every accepted or confident person and place. Idempotent: a span already
    found, rejected, or overlapped by a finding of its type is left alone.
    """
    rows = load_rows(conn)
    forms = collect_forms(rows, sources, shared_list.load(conn))
    if not forms:
        return []
    matcher = Matcher(forms)
    stamp = now()
    new: list[int] = []
    with transaction(conn) as c:
        scanned = c.execute("SELECT document_id FROM deid_scan ORDER BY document_id").fetchall()
        shared = shared_list.load(c)
        found = [m for (doc_id,) in scanned for m in _mentions(c, int(doc_id), matcher, shared)]
        weak = _unsupported(found)
        for m in found:
            if m.form.confirmed or not (m.form.origins <= weak):
                new += _write(c, m, vault, stamp)
    return new


SUPPORT = 0.2  # share of a proposed source's mentions its detectors found themselves
DERIVED = ("propagated", "spread")  # findings made from other findings, not by a detector


@dataclass
class Mention:
    doc_id: int
    start: int
    end: int
    said: str
    form: Form
    detected: bool  # a detector's own finding of the same type covers it
    exact: tuple[int, int | None, str] | None  # (id, entity, status) of a finding on this span
    overlapped: bool  # another finding of the same type overlaps it


class _Intervals:
    """Spans of one document sorted by start, found by position in O(log n)."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = sorted(rows, key=lambda r: r[0])
        self.starts = [r[0] for r in self.rows]
        self.reach = max((r[1] - r[0] for r in self.rows), default=0)

    def overlapping(self, start: int, end: int) -> list[Any]:
        lo = bisect_left(self.starts, start - self.reach)
        hi = bisect_left(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] > start]

    def covers(self, start: int, end: int) -> bool:
        lo = bisect_left(self.starts, start - self.reach)
        hi = bisect_right(self.starts, start)
        return any(r[1] >= end for r in self.rows[lo:hi])


def _mentions(
    c: Connection, doc_id: int, matcher: Matcher, shared: shared_list.SharedList | None = None
) -> list[Mention]:
    """Every mention of a form in one document that is a name there (not masked, not a word)."""
    text = documents.document_text(c, doc_id)
    existing: dict[str, list[tuple[int, int, int, int | None, str, str]]] = {}
    for fid, s, e, t, ent, st, det in c.execute(
        'SELECT id, start, "end", type, entity_id, status, detector FROM finding '
        "WHERE document_id = ?",
        (doc_id,),
    ):
        existing.setdefault(str(t), []).append((int(s), int(e), int(fid), ent, str(st), det))
    by_type = {t: _Intervals(rows) for t, rows in existing.items()}
    out: list[Mention] = []
    pseudonyms: set[str] = set()
    zones: _Intervals | None = None
    gate: shared_list.Gate | None = None
    view = visible(text)  # a name with a soft hyphen or joiner inside is still the name
    for vstart, vend, form in matcher.find(view.text):
        said = view.text[vstart:vend]
        start, end = view.span(vstart, vend)
        if form.short:
            m = HANGUL_WORD.match(text, end)
            if not ending_ok(said, m.group() if m else "", form.type):
                continue
        if zones is None:  # masks of the whole document, once ("김 모 씨", "X(가명)")
            zone_list, named = masks(text)
            zones = _Intervals([(a, b) for a, b in zone_list])
            if "가명" in text or "pseudonym" in text:  # names the text marks as pseudonyms
                pseudonyms = named
        if said in pseudonyms or zones.covers(start, end):
            continue
        if gate is None:  # what this document's scan may not propose (a report's cities …)
            gate = shared_list.Gate.of(text, shared, _spans(existing))
        if gate.drops(Span(start, end, form.type, form.confidence, DETECTOR, form.info), said):
            continue
        near = by_type.get(form.type.value)
        same = near.overlapping(start, end) if near is not None else []
        exact = next((x for x in same if x[0] == start and x[1] == end), None)
        out.append(
            Mention(
                doc_id,
                start,
                end,
                said,
                form,
                any(x[5] not in DERIVED and x[4] != "rejected" for x in same),
                (exact[2], exact[3], exact[4]) if exact else None,
                bool(same),
            )
        )
    return out


def _spans(existing: dict[str, list[tuple[int, int, int, int | None, str, str]]]) -> list[Span]:
    """The document's findings as spans, for its gate (who and what it already names)."""
    out = []
    for type_, rows in existing.items():
        try:
            t = PiiType(type_)
        except ValueError:
            continue
        out += [Span(s, e, t, 1.0, det) for s, e, _, _, st, det in rows if st != "rejected"]
    return out


def _unsupported(found: list[Mention]) -> set[str]:
    """Proposed sources whose detectors passed over most of their mentions ("사실은", "China").

    A name a detector found once and missed in a few other sentences is spread;
    a word it took for a name once among hundreds of uses is not.
    """
    total: dict[str, int] = {}
    detected: dict[str, int] = {}
    for m in found:
        for origin in m.form.origins:
            total[origin] = total.get(origin, 0) + 1
            detected[origin] = detected.get(origin, 0) + m.detected
    return {o for o, n in total.items() if detected[o] < SUPPORT * n}


def _write(c: Connection, m: Mention, vault: Any, stamp: str) -> list[int]:
    """One mention into the project: a new proposal, or its entity on the one already there."""
    form = m.form
    entity = form.entity if form.type == PiiType.PERSON else None
    if entity is None and vault is not None and form.type == PiiType.PERSON:
        entity = _vault_entity(c, vault, m.said)
    if m.exact is not None:  # found before: it may now learn its entity
        fid, had, status = m.exact
        if entity is not None and had is None and status == "proposed":
            c.execute("UPDATE finding SET entity_id = ? WHERE id = ?", (entity, fid))
        return []
    if m.overlapped:
        return []
    cur = c.execute(
        'INSERT OR IGNORE INTO finding(document_id, start, "end", type, detector, '
        "confidence, entity_id, info, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            m.doc_id,
            m.start,
            m.end,
            form.type.value,
            DETECTOR,
            form.confidence,
            entity,
            json.dumps(form.info, ensure_ascii=False),
            stamp,
        ),
    )
    return [int(cur.lastrowid)] if cur.rowcount else []


def _vault_entity(c: Connection, vault: Any, said: str) -> int | None:
    guid = vault.entity_for(said)
    if guid is None:
        return None
    row = c.execute("SELECT id FROM entity WHERE guid = ?", (guid,)).fetchone()
    return int(row[0]) if row else None

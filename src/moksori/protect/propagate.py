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
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from moksori.protect import gazetteer, shared_list
from moksori.protect.detect.masked import masks
from moksori.protect.romanise import name_key, split_key, surname_id
from moksori.protect.scan import (
    PLACE_SPREAD_CONFIDENCE,
    SPREAD_CONFIDENCE,
    variants,
)
from moksori.protect.spans import PiiType
from moksori.store.database import Connection, transaction
from moksori.store.schema import now

DETECTOR = "propagated"
SAME = 0.9  # the source's own form, elsewhere: a little less sure than the source
SHORT = 0.8  # given name alone, other script, a word of a place
TYPES = (PiiType.PERSON, PiiType.PLACE)
_MIN = {PiiType.PERSON: SPREAD_CONFIDENCE, PiiType.PLACE: PLACE_SPREAD_CONFIDENCE}

_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
ALL_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
_ADMIN = re.compile(r"(?:특별자치도|특별자치시|특별시|광역시|노동자구|구역|[도시군구읍면동리])$")
_SEPARATORS = re.compile(r"[\s\-‐]+")

# What may follow a two-syllable form inside the same word: particles, the familiar
# 이, 씨/님, a kinship word ("영철형"), an admin suffix for places. "철수했다" or
# "무산됐다" are ordinary words, so a short form followed by anything else is no name.
_PARTICLES = (
    "",
    "가 이 은 는 을 를 의 도 만 와 과 랑 이랑 하고 한테 한테서 에게 에게서 께 께서 "
    "아 야 여 이여 요 이요 이다 다 였다 이었다 였어요 이었어요 예요 이에요 에요 "
    "라고 이라고 라는 이라는 란 이란 처럼 보다 까지 부터 에 에서 로 으로 쪽 "
    "형 오빠 언니 누나 동생 아버지 어머니 엄마 아빠 삼촌 이모 고모 동무 선생",
)
_TAILS = ("", "는", "도", "요", "만", "서", "에", "의")
_PERSON_BEFORE = ("", "이", "씨", "님", "네", "이네", "씨네")
_PLACE_BEFORE = tuple(" 시 군 도 읍 리 동 구 면 구역 노동자구 사람 사람들".split(" "))


def _endings(before: Iterable[str]) -> frozenset[str]:
    words = [p for chunk in _PARTICLES for p in chunk.split()] + [""]
    return frozenset(b + p + t for b in before for p in words for t in _TAILS)


PERSON_ENDINGS = _endings(_PERSON_BEFORE)
_PLACE_ENDINGS = _endings(_PLACE_BEFORE)


def has_final(syllable: str) -> bool:
    """Whether a hangul syllable ends in a consonant (영철 → 영철이, 순희 → 순희)."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def squash(text: str) -> str:
    """The comparison form of a surface: no spaces or hyphens, casefolded."""
    return _SEPARATORS.sub("", text).casefold()


def ending_ok(form: str, rest: str, type_: PiiType) -> bool:
    """Whether ``rest`` (the word after a form) makes the form a name, not part of a word."""
    if not rest:
        return True
    if type_ == PiiType.PERSON:
        return rest in PERSON_ENDINGS
    return rest in _PLACE_ENDINGS


@dataclass
class Form:
    """One written form to look for, and what a finding of it carries."""

    type: PiiType
    text: str
    confidence: float
    entities: set[int] = field(default_factory=set)
    info: dict[str, Any] = field(default_factory=dict)
    short: bool = False  # a two-syllable hangul form: checked against what follows
    by_key: bool = False  # a name key, matched against romanised words (see person_keys)
    origins: set[str] = field(default_factory=set)  # the source texts it comes from
    confirmed: bool = False  # a reviewer accepted one of its sources

    @property
    def entity(self) -> int | None:
        """The one entity the form stands for; none when two people share it (순희)."""
        return next(iter(self.entities)) if len(self.entities) == 1 else None


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


def person_forms(name: str) -> list[tuple[str, float]]:
    """A person's name and the shorter forms people write, each with its confidence factor.

    Romanisations are not listed: English text is matched by name key instead
    (:func:`person_keys`), which covers "Young-chol", "Yongchol" and "Yeong-cheol" alike.
    """
    name = " ".join(name.split())
    compact = name.replace(" ", "")
    out: list[tuple[str, float]] = [(name, SAME)]
    if ALL_HANGUL.match(compact):
        given = None
        if len(compact) == 4 and surname_id(compact[:2]):
            given = compact[2:]
        elif len(compact) == 3:
            short = variants(compact) - {compact}
            given = next(iter(short), None)
        if given:
            out.append((given, SHORT))
    else:
        out += [(v, SHORT) for v in variants(name) if v != name]
    return out


def person_keys(name: str) -> list[tuple[str, float]]:
    """Name keys a romanised mention is compared by: the full name's, and the given name's."""
    surname, given = split_key(" ".join(name.split()))
    if not given or given.startswith("~"):
        return []
    if surname is None:
        return [(given, SAME if not ALL_HANGUL.match(name) else SHORT)]
    factor = SHORT if ALL_HANGUL.match(name.replace(" ", "")) else SAME
    return [(f"{surname}|{given}", factor), (given, SHORT)]


def place_forms(place: str) -> list[tuple[str, float]]:
    """A place as written, each of its words, each word without its admin suffix, and the
    other names the gazetteer gives the one place a word stands for (무산 → Musan)."""
    place = " ".join(place.split())
    out: list[tuple[str, float]] = [(place, SAME)]
    words = place.split() if ALL_HANGUL.match(place.replace(" ", "")) else [place]
    for word in words:
        if word != place:
            out.append((word, SHORT))
        bare = _ADMIN.sub("", word) if ALL_HANGUL.match(word) else word
        if len(bare) >= 2 and bare != word:
            out.append((bare, SHORT))
        out += [(name, SHORT) for name in gazetteer_names(word)]
    return out


def _is_place(text: str) -> bool:
    """Whether the gazetteer knows a written form as a place (not a country)."""
    return any(p.level != "country" for p in gazetteer.candidates(text))


def gazetteer_names(name: str) -> tuple[str, ...]:
    """Every hangul and Latin name of the one place ``name`` denotes; none if ambiguous.

    Countries are left out: no one is found by "중국" or "China".
    """
    found = gazetteer.candidates(name)
    if len(found) != 1 or found[0].level == "country":
        return ()
    p = found[0]
    return tuple(
        n
        for n in (*p.names_ko, *p.names_en)
        if (ALL_HANGUL.match(n.replace(" ", "")) or n.isascii()) and len(squash(n)) >= 2
    )


def load_rows(conn: Connection) -> list[Row]:
    """Every person and place finding with its text (in memory only, never written out)."""
    rows = conn.execute(
        'SELECT f.id, f.type, substr(d.text, f.start + 1, f."end" - f.start), f.status, '
        "f.detector, f.confidence, f.entity_id, f.info FROM finding f "
        "JOIN document d ON d.id = f.document_id WHERE f.type IN ('person', 'place')"
    )
    return [
        Row(
            int(i),
            PiiType(t),
            " ".join(str(s).split()),
            st,
            det,
            float(c),
            e,
            json.loads(inf) if t == "place" else {},
        )
        for i, t, s, st, det, c, e, inf in rows
    ]


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
            hangul_by_key.setdefault(_key(r.text), set()).add(r.text)
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
            if type_ == PiiType.PERSON and not confirmed and _is_place(text):
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
    key = _key(said)
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
        found = [m for (doc_id,) in scanned for m in _mentions(c, int(doc_id), matcher)]
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


def _mentions(c: Connection, doc_id: int, matcher: Matcher) -> list[Mention]:
    """Every mention of a form in one document that is a name there (not masked, not a word)."""
    text = str(c.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0])
    existing: dict[str, list[tuple[int, int, int, int | None, str, str]]] = {}
    for fid, s, e, t, ent, st, det in c.execute(
        'SELECT id, start, "end", type, entity_id, status, detector FROM finding '
        "WHERE document_id = ?",
        (doc_id,),
    ):
        existing.setdefault(str(t), []).append((int(s), int(e), int(fid), ent, str(st), det))
    out: list[Mention] = []
    pseudonyms: set[str] | None = None
    for start, end, form in matcher.find(text):
        said = text[start:end]
        if form.short:
            m = _HANGUL_WORD.match(text, end)
            if not ending_ok(said, m.group() if m else "", form.type):
                continue
        if pseudonyms is None:  # names the text marks as pseudonyms: left alone everywhere
            marked = "가명" in text or "pseudonym" in text
            pseudonyms = masks(text)[1] if marked else set()
        if said in pseudonyms or _masked(text, start, end):
            continue
        same = [x for x in existing.get(form.type.value, []) if x[0] < end and start < x[1]]
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


def _trie(words: Iterable[str]) -> str:
    """One regex for many literal words, as a trie: the longest word wins at each start."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
        return body

    return build(root)


class Matcher:
    """Every form in a text: hangul forms by one trie regex (both types at once), Latin
    forms and romanised names over the capitalised words (:func:`latin_mentions`)."""

    def __init__(self, forms: dict[tuple[str, str], Form]) -> None:
        self.by_text: dict[str, list[Form]] = {}
        self.latin: dict[str, list[Form]] = {}  # squashed Latin form → its forms
        for form in forms.values():
            if form.by_key:
                continue
            if ALL_HANGUL.match(form.text.replace(" ", "")):
                self.by_text.setdefault(form.text, []).append(form)
            else:
                self.latin.setdefault(squash(form.text), []).append(form)
        self.hangul = (
            re.compile(f"(?<![\uac00-\ud7a3]){_trie(self.by_text)}") if self.by_text else None
        )
        self.keys = {k: f for (kind, k), f in forms.items() if kind == "key"}

    def find(self, text: str) -> list[tuple[int, int, Form]]:
        found: list[tuple[int, int, Form]] = []
        if self.hangul is not None:
            for m in self.hangul.finditer(text):
                found += [(m.start(), m.end(), f) for f in self.by_text[m.group()]]
        if self.keys or self.latin:
            found += latin_mentions(text, self.latin, self.keys)
        return found


_CAPITALISED_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’‐-]*(?: [A-Z][A-Za-z'’‐-]*)*")
_WORD = re.compile(r"[^ ]+")


def romanised_mentions(text: str, keys: dict[str, Form]) -> list[tuple[int, int, Form]]:
    """Romanised mentions of known Korean names, by name key (see :func:`latin_mentions`)."""
    return latin_mentions(text, {}, keys)


def latin_mentions(
    text: str, literal: dict[str, list[Form]], keys: dict[str, Form]
) -> list[tuple[int, int, Form]]:
    """Capitalised runs of one to four words that are a known Latin form or name key.

    Literal forms compare squashed ("Grace Park", "Ji-min" = "Jimin"); Korean names
    compare by name key, so "Kim Young-chol", "Youngchol Kim" and "Young-chol" all
    find 김영철. A single word counts by key only when hyphenated or five letters
    long ("Hana" is a word too).
    """
    out: list[tuple[int, int, Form]] = []
    for run in _CAPITALISED_RUN.finditer(text):
        base = run.start()
        words = [(base + m.start(), base + m.end()) for m in _WORD.finditer(run.group())]
        i = 0
        while i < len(words):
            step = 1
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                piece = text[start:end]
                hits = literal.get(squash(piece), [])
                if not hits and n <= 3 and ("-" in piece or len(piece) >= 5 or n > 1):
                    form = keys.get(_key(piece))
                    hits = [form] if form is not None else []
                if hits:
                    out += [(start, end, f) for f in hits]
                    step = n
                    break
            i += step
    return out


@lru_cache(maxsize=65536)
def _key(piece: str) -> str:
    return name_key(piece)


_MASK_REACH = 40  # characters either side of a mention that a mask may span


def _masked(text: str, start: int, end: int) -> bool:
    """Whether a mention is inside a mask ("김 모 씨", "[이름]", "X(가명)").

    Only the text around the mention is searched: masks are short, and a whole
    document per mention would cost more than the propagation itself.
    """
    lo = max(0, start - _MASK_REACH)
    zones, _ = masks(text[lo : end + _MASK_REACH])
    return any(a + lo <= start and end <= b + lo for a, b in zones)


def _vault_entity(c: Connection, vault: Any, said: str) -> int | None:
    guid = vault.entity_for(said)
    if guid is None:
        return None
    row = c.execute("SELECT id FROM entity WHERE guid = ?", (guid,)).fetchone()
    return int(row[0]) if row else None

"""Translations: an original document paired with its translation.

A pair is what lets a coding, a quote or a search hit cross languages. The rules
keep the pair unambiguous: a document is never its own translation, the two
sides are in different languages, a document has at most one translation per
language, and a translation has one original. Files named ``x.ko.txt`` and
``x.en.txt`` (also ``x_ko``/``x-en``/``x (en)``) are paired when they are added,
the Korean one as the original, if their texts align (:mod:`.name_pairs`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

from moksori.coding.audited import Action, Event, change
from moksori.errors import MoksoriError, NotFound
from moksori.store.clock import now
from moksori.store.database import Connection
from moksori.store.documents import (
    document_labels,
    document_lang,
    resolve_document,
)

LANGUAGES = ("ko", "en")
# A language tag closing a file name: interview-07.ko.txt, interview-07_en.docx, x (ko).hwpx
_NAME_TAG = re.compile(r"^(?P<stem>.+?)(?:[._\- ]|\s*\()(?P<lang>ko|kr|kor|en|eng)\)?$", re.I)
_TAG_LANG = {"ko": "ko", "kr": "ko", "kor": "ko", "en": "en", "eng": "en"}


class PairError(MoksoriError):
    """Two documents cannot be paired as original and translation."""


@dataclass
class Pair:
    id: int
    original_id: int
    translation_id: int
    original: str  # document labels, as `moksori docs` shows them
    translation: str
    original_lang: str
    translation_lang: str
    created_at: str
    aligned_at: str | None
    links: int
    low_confidence: int

    def other(self, doc_id: int) -> int:
        return self.translation_id if doc_id == self.original_id else self.original_id

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


LOW_CONFIDENCE = 0.5  # links below this are listed for the researcher to check

_PAIR_SQL = f"""
SELECT t.id, t.original_id, t.translation_id, t.created_at, t.aligned_at,
       (SELECT count(*) FROM alignment a WHERE a.pair_id = t.id),
       (SELECT count(*) FROM alignment a WHERE a.pair_id = t.id AND a.manual = 0
            AND a.confidence < {LOW_CONFIDENCE}),
       o.lang, r.lang
FROM translation t JOIN document o ON o.id = t.original_id
JOIN document r ON r.id = t.translation_id
"""


class Pairs:
    """The project's translation pairs (``project.pairs``)."""

    def __init__(self, conn: Connection, actor: str | None = None) -> None:
        self.conn = conn
        self.actor = actor

    # --- reading ------------------------------------------------------------------
    def all(self) -> list[Pair]:
        return self._rows(_PAIR_SQL + " ORDER BY t.original_id, t.id", [])

    def get(self, pair_id: int) -> Pair:
        found = self._rows(_PAIR_SQL + " WHERE t.id = ?", [pair_id])
        if not found:
            raise NotFound(f"no translation pair with id {pair_id}")
        return found[0]

    def of_document(self, doc_id: int) -> list[Pair]:
        return self._rows(
            _PAIR_SQL + " WHERE t.original_id = ? OR t.translation_id = ? ORDER BY t.id",
            [doc_id, doc_id],
        )

    def find(self, ref: str) -> Pair:
        """A pair named by its id (``#3`` or ``3``) or by either of its documents."""
        if ref.startswith("#") and ref[1:].isdigit():
            return self.get(int(ref[1:]))
        doc_id = resolve_document(self.conn, ref)
        pairs = self.of_document(doc_id)
        if not pairs:
            if ref.isdigit():
                return self.get(int(ref))
            raise NotFound(f"document {ref!r} has no translation; pair it with `moksori pair`")
        if len(pairs) > 1:
            ids = ", ".join(f"#{p.id}" for p in pairs)
            raise NotFound(f"document {ref!r} is in several pairs ({ids}); give the pair as #id")
        return pairs[0]

    def _rows(self, sql: str, args: list[Any]) -> list[Pair]:
        rows = self.conn.execute(sql, args).fetchall()
        labels = document_labels(self.conn, sorted({r[1] for r in rows} | {r[2] for r in rows}))
        out = []
        for pid, oid, tid, created, aligned, links, low, olang, tlang in rows:
            olang, tlang = _pair_languages(olang, tlang) or (olang, tlang)
            out.append(
                Pair(
                    pid,
                    oid,
                    tid,
                    labels[oid],
                    labels[tid],
                    olang,
                    tlang,
                    created,
                    aligned,
                    links,
                    low,
                )
            )
        return out

    # --- writing ------------------------------------------------------------------
    def pair(self, original: str | int, translation: str | int) -> Pair:
        """Pair two documents (refs as `moksori docs` shows them, or ids)."""
        oid = _doc(self.conn, original)
        tid = _doc(self.conn, translation)
        with change(self.conn, self.actor) as ch:
            pair_id = self.insert(oid, tid)
            ch.record(Event(Action.PAIR_ADD, {"pair": [pair_id], "document": [oid, tid]}))
        return self.get(pair_id)

    def unpair(self, pair_id: int) -> None:
        """Remove a pair and its alignment (the documents and their codings stay)."""
        pair = self.get(pair_id)
        with change(self.conn, self.actor) as ch:
            links = self.conn.execute(
                "SELECT a_start, a_end, b_start, b_end, confidence, manual, created_at "
                "FROM alignment WHERE pair_id = ? ORDER BY id",
                (pair_id,),
            ).fetchall()
            kept = ch.keep("pair", {**pair.to_json(), "links": [list(r) for r in links]})
            self.conn.execute("DELETE FROM translation WHERE id = ?", (pair_id,))
            targets: dict[str, list[str | int]] = {
                "pair": [pair_id],
                "document": [pair.original_id, pair.translation_id],
                "trash": [kept],
            }
            ch.record(Event(Action.PAIR_REMOVE, targets, {"links": len(links)}))

    def insert(self, oid: int, tid: int) -> int:
        """Insert a pair inside the caller's change (which records its event)."""
        labels = document_labels(self.conn, [oid, tid])
        if oid == tid:
            raise PairError(f"{labels[oid]} cannot be its own translation")
        langs = _pair_languages(_lang(self.conn, oid), _lang(self.conn, tid))
        if langs is None:
            raise PairError(
                f"{labels[oid]} and {labels[tid]} are in the same language "
                f"({_lang(self.conn, oid)}); a pair joins an original and its translation"
            )
        for pair in self.of_document(oid) + self.of_document(tid):
            if {pair.original_id, pair.translation_id} == {oid, tid}:
                raise PairError(f"{labels[oid]} and {labels[tid]} are already paired (#{pair.id})")
            if pair.translation_id == tid:
                raise PairError(f"{labels[tid]} is already the translation of {pair.original}")
            if pair.translation_id == oid:
                raise PairError(
                    f"{labels[oid]} is itself a translation (of {pair.original}); "
                    "pair the original instead"
                )
            if pair.original_id == oid and pair.translation_lang == langs[1]:
                raise PairError(
                    f"{labels[oid]} already has a translation in {langs[1]}: {pair.translation}"
                )
        cur = self.conn.execute(
            "INSERT INTO translation(original_id, translation_id, created_at) VALUES (?, ?, ?)",
            (oid, tid, now()),
        )
        return int(cur.lastrowid)


def name_language(name: str) -> tuple[str, str] | None:
    """(stem, "ko"/"en") when a file name ends in a language tag, else None."""
    path = PurePosixPath(name)
    m = _NAME_TAG.match(path.stem)
    if m is None:
        return None
    return f"{path.parent}/{m.group('stem')}".casefold(), _TAG_LANG[m.group("lang").lower()]


def _doc(conn: Connection, ref: str | int) -> int:
    if isinstance(ref, int):
        return resolve_document(conn, str(ref))
    return resolve_document(conn, ref)


def _lang(conn: Connection, doc_id: int) -> str:
    return document_lang(conn, doc_id)


def _pair_languages(a: str, b: str) -> tuple[str, str] | None:
    """The two sides' languages, a side detected as mixed or undetermined taking the
    language the other side lacks; None when they cannot be told apart."""
    if a in LANGUAGES and b in LANGUAGES:
        return (a, b) if a != b else None
    if a in LANGUAGES:
        return a, _other(a)
    if b in LANGUAGES:
        return _other(b), b
    return None


def _other(lang: str) -> str:
    return "en" if lang == "ko" else "ko"

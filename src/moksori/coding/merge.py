"""Merge another project file into this one (`moksori merge A.moksori B.moksori`).

Coders often code separate copies on different laptops. The merge brings
everything of B into A in one transaction, and never loses anything:

- documents are matched by the SHA-256 of their original file (and part), so
  a file both copies hold is never duplicated; new files come with their
  original bytes, segments and index rows;
- coders, cases and memos are matched by GUID, then by name; coders keep
  their identities, so reliability can be computed after the merge;
- codes are matched by path; a field that differs is a conflict: A's value
  stays, B's is reported (and kept in the audit record), an empty field on
  A's side is filled from B;
- codings are added unless A already has the same code, range and coder.

B is opened read-only with the same passphrase and must have A's schema
version; anything else is refused before A is touched.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori.coding.codebook import Codebook
from moksori.errors import MergeError, ProjectError, WrongPassphrase
from moksori.store import audit, reindex
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, open_keyed, transaction
from moksori.store.ids import new_guid
from moksori.store.schema import LATEST_VERSION, current_version

_CODE_FIELDS = ("alt_name", "definition", "inclusion", "exclusion", "colour", "codable")


@dataclass
class MergeReport:
    source: str
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def count(self, what: str, added: bool) -> None:
        bucket = self.added if added else self.matched
        bucket[what] = bucket.get(what, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def open_other(path: Path, passphrase: str) -> Connection:
    """B, opened without migrating it: a merge must not change B either."""
    try:
        db = open_keyed(path, passphrase)
    except WrongPassphrase:
        raise MergeError(
            f"{path} does not open with this project's passphrase; both projects must "
            "share one passphrase to be merged"
        ) from None
    except ProjectError as exc:
        raise MergeError(f"cannot merge {path}: {exc}") from None
    version = current_version(db.conn)
    if version != LATEST_VERSION:
        db.conn.close()
        advice = (
            "open it once with this moksori to upgrade it"
            if version < LATEST_VERSION
            else "upgrade moksori"
        )
        raise MergeError(
            f"{path} uses schema {version} and this project {LATEST_VERSION}; {advice}, then merge"
        )
    if reindex.stored_version(db.conn) != reindex.current_version():
        # B's passages would land in A with terms another analyser made (stale search)
        db.conn.close()
        raise MergeError(
            f"{path} was indexed for search by another version of moksori; open it once "
            "with this moksori to index it again, then merge"
        )
    db.conn.execute("PRAGMA query_only = ON")
    return db.conn


def merge_into(a: Connection, b: Connection, source: str, actor: str | None = None) -> MergeReport:
    report = MergeReport(source)
    with transaction(a):
        m = _Merger(a, b, report)
        m.coders()
        m.codes()
        m.documents()
        m.cases()
        m.codings()
        m.memos()
        m.decisions()
        audit.record(a, _merge_event(report), actor=actor)
    return report


def _merge_event(report: MergeReport) -> Event:
    """Counts only: the other copy's path and the conflicting names stay out of the trail."""
    counts = {f"added.{k}": n for k, n in sorted(report.added.items())}
    counts |= {f"matched.{k}": n for k, n in sorted(report.matched.items())}
    return Event(Action.PROJECT_MERGE, counts=counts | {"conflicts": len(report.conflicts)})


class _Merger:
    def __init__(self, a: Connection, b: Connection, report: MergeReport) -> None:
        self.a, self.b, self.report = a, b, report
        self.coder: dict[int, int] = {}
        self.code: dict[int, int] = {}
        self.doc: dict[int, int] = {}
        self.case: dict[int, int] = {}
        self.coding: dict[int, int] = {}

    def _guid(self, table: str, guid: str) -> str:
        used = self.a.execute(f"SELECT 1 FROM {table} WHERE guid = ?", (guid,)).fetchone()
        return new_guid() if used else guid

    def _match(self, table: str, guid: str, name: str) -> int | None:
        row = self.a.execute(f"SELECT id FROM {table} WHERE guid = ?", (guid,)).fetchone()
        if row is None:
            row = self.a.execute(
                f"SELECT id FROM {table} WHERE name = ? COLLATE NOCASE", (name,)
            ).fetchone()
        return int(row[0]) if row else None

    # --- people and codes ---------------------------------------------------
    def coders(self) -> None:
        for bid, guid, name, role, created in self.b.execute(
            "SELECT id, guid, name, role, created_at FROM coder ORDER BY id"
        ):
            aid = self._match("coder", guid, name)
            self.report.count("coders", aid is None)
            if aid is None:
                aid = self.a.execute(
                    "INSERT INTO coder(guid, name, role, created_at) VALUES (?, ?, ?, ?)",
                    (self._guid("coder", guid), name, role, created),
                ).lastrowid
            self.coder[bid] = int(aid)

    def codes(self) -> None:
        book_a, book_b = Codebook(self.a), Codebook(self.b)
        for code in book_b.tree():
            mine = book_a.find(code.path)
            if mine is None:
                parent = self.code.get(code.parent_id) if code.parent_id is not None else None
                created = book_a.create(
                    code.name,
                    parent,
                    alt_name=code.alt_name,
                    definition=code.definition,
                    inclusion=code.inclusion,
                    exclusion=code.exclusion,
                    examples=code.examples,
                    colour=code.colour,
                    codable=code.codable,
                    guid=self._guid("code", code.guid),
                )
                self.code[code.id] = created.id
                self.report.count("codes", True)
                continue
            self.code[code.id] = mine.id
            self.report.count("codes", False)
            fill: dict[str, Any] = {}
            for f in _CODE_FIELDS:
                ours, theirs = getattr(mine, f), getattr(code, f)
                if ours == theirs or theirs in (None, ""):
                    continue
                if ours in (None, "") and f != "codable":
                    fill[f] = theirs
                else:
                    self.report.conflicts.append(
                        {
                            "kind": "code",
                            "path": code.path,
                            "field": f,
                            "kept": ours,
                            "other": theirs,
                        }
                    )
            extra = [e for e in code.examples if e not in mine.examples]
            if extra:
                fill["examples"] = [*mine.examples, *extra]
            if fill:
                book_a.update(mine.id, **fill)
        core_b = book_b.core()
        if core_b is not None:
            core_a = book_a.core()
            if core_a is None:
                self.a.execute("UPDATE code SET is_core = 1 WHERE id = ?", (self.code[core_b.id],))
            elif core_a.id != self.code[core_b.id]:
                self.report.conflicts.append(
                    {"kind": "core", "kept": core_a.path, "other": core_b.path}
                )
        for f, t, rel, memo, at in self.b.execute(
            "SELECT from_code, to_code, relation, memo, created_at FROM code_link"
        ):
            cur = self.a.execute(
                "INSERT OR IGNORE INTO code_link(from_code, to_code, relation, memo, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (self.code[f], self.code[t], rel, memo, at),
            )
            self.report.count("code links", bool(cur.rowcount))

    # --- documents ----------------------------------------------------------
    def documents(self) -> None:
        for sid, name, sha, size, fmt, added, data in self.b.execute(
            "SELECT id, name, sha256, size, format, added_at, data FROM source_file ORDER BY id"
        ):
            row = self.a.execute("SELECT id FROM source_file WHERE sha256 = ?", (sha,)).fetchone()
            if row is None:
                a_sid = self.a.execute(
                    "INSERT INTO source_file(name, sha256, size, format, added_at, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (name, sha, size, fmt, added, data),
                ).lastrowid
                self.report.count("files", True)
            else:
                a_sid = row[0]
                self.report.count("files", False)
            for (bdoc,) in self.b.execute(
                "SELECT id FROM document WHERE source_file_id = ? ORDER BY id", (sid,)
            ).fetchall():
                self._document(bdoc, int(a_sid))

    def _document(self, bdoc: int, a_sid: int) -> None:
        cols = (
            "part, title, author, date, format, lang, encoding, quality, replaced_chars, text, "
            "char_count, metadata, added_at"
        )
        values = self.b.execute(f"SELECT {cols} FROM document WHERE id = ?", (bdoc,)).fetchone()
        part, text = values[0], values[9]
        same = self.a.execute(
            "SELECT id, text FROM document WHERE source_file_id = ? AND part IS ?", (a_sid, part)
        ).fetchone()
        if same is not None and same[1] == text:
            self.doc[bdoc] = int(same[0])
            self.report.count("documents", False)
            return
        if same is not None:  # same file, text read differently (another moksori version)
            self.report.conflicts.append(
                {"kind": "document", "document": int(same[0]), "detail": "text differs; both kept"}
            )
        marks = ",".join("?" * 14)
        new = int(
            self.a.execute(
                f"INSERT INTO document(source_file_id, {cols}) VALUES ({marks})", (a_sid, *values)
            ).lastrowid
        )
        self.doc[bdoc] = new
        self.report.count("documents", True)
        self.a.executemany(
            "INSERT INTO document_attribute(document_id, name, value) VALUES (?, ?, ?)",
            [
                (new, n, v)
                for n, v in self.b.execute(
                    "SELECT name, value FROM document_attribute WHERE document_id = ?", (bdoc,)
                )
            ],
        )
        self.a.executemany(
            "INSERT INTO removed_text(document_id, at, reason, text) VALUES (?, ?, ?, ?)",
            [
                (new, *r)
                for r in self.b.execute(
                    "SELECT at, reason, text FROM removed_text WHERE document_id = ? ORDER BY id",
                    (bdoc,),
                )
            ],
        )
        self._segments(bdoc, new)

    def _segments(self, bdoc: int, new_doc: int) -> None:
        seg_cols = (
            'parent_id, kind, ordinal, start, "end", speaker, lang, cue_start_ms, cue_end_ms, '
            "fingerprint, duplicate_of"
        )
        rows = self.b.execute(
            f"SELECT id, {seg_cols} FROM segment WHERE document_id = ? ORDER BY id", (bdoc,)
        ).fetchall()
        first = self.a.execute("SELECT coalesce(max(id), 0) + 1 FROM segment").fetchone()[0]
        ids = {r[0]: first + i for i, r in enumerate(rows)}
        self.a.executemany(
            f"INSERT INTO segment(id, document_id, {seg_cols}) VALUES ({','.join('?' * 13)})",
            [(ids[r[0]], new_doc, ids.get(r[1]), *r[2:11], ids.get(r[11])) for r in rows],
        )
        if rows:
            marks = ",".join("?" * len(rows))
            fts = self.b.execute(
                "SELECT rowid, terms, repeat_terms, impact FROM segment_fts "
                f"WHERE rowid IN ({marks})",
                [r[0] for r in rows],
            ).fetchall()
            self.a.executemany(
                "INSERT INTO segment_fts(rowid, terms, repeat_terms, impact) VALUES (?, ?, ?, ?)",
                [(ids[r[0]], *r[1:]) for r in fts],
            )

    # --- cases ----------------------------------------------------------------
    def cases(self) -> None:
        attrs: dict[int, int] = {}
        for bid, guid, name, typ, levels, desc in self.b.execute(
            "SELECT id, guid, name, type, levels, description FROM attribute"
        ):
            row = self.a.execute(
                "SELECT id, type, levels FROM attribute WHERE name = ? COLLATE NOCASE", (name,)
            ).fetchone()
            if row is None:
                attrs[bid] = int(
                    self.a.execute(
                        "INSERT INTO attribute(guid, name, type, levels, description) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (self._guid("attribute", guid), name, typ, levels, desc),
                    ).lastrowid
                )
                continue
            attrs[bid] = int(row[0])
            if row[1] != typ:
                self.report.conflicts.append(
                    {
                        "kind": "attribute",
                        "name": name,
                        "field": "type",
                        "kept": row[1],
                        "other": typ,
                    }
                )
            elif row[2] != levels:
                merged = list(dict.fromkeys(json.loads(row[2]) + json.loads(levels)))
                self.a.execute(
                    "UPDATE attribute SET levels = ? WHERE id = ?",
                    (json.dumps(merged, ensure_ascii=False), row[0]),
                )
        for bid, guid, name, desc, created in self.b.execute(
            "SELECT id, guid, name, description, created_at FROM cases ORDER BY id"
        ):
            aid = self._match("cases", guid, name)
            if aid is None:
                aid = int(
                    self.a.execute(
                        "INSERT INTO cases(guid, name, description, created_at) "
                        "VALUES (?, ?, ?, ?)",
                        (self._guid("cases", guid), name, desc, created),
                    ).lastrowid
                )
                self.report.count("cases", True)
            else:
                self.report.count("cases", False)
            self.case[bid] = aid
            for attr, value in self.b.execute(
                "SELECT attribute_id, value FROM case_value WHERE case_id = ?", (bid,)
            ).fetchall():
                ours = self.a.execute(
                    "SELECT value FROM case_value WHERE case_id = ? AND attribute_id = ?",
                    (aid, attrs[attr]),
                ).fetchone()
                if ours is None:
                    self.a.execute(
                        "INSERT INTO case_value(case_id, attribute_id, value) VALUES (?, ?, ?)",
                        (aid, attrs[attr], value),
                    )
                elif ours[0] != value:
                    self.report.conflicts.append(
                        {
                            "kind": "case value",
                            "case": name,
                            "attribute_id": attrs[attr],
                            "kept": ours[0],
                            "other": value,
                        }
                    )
            for doc, start, end, speaker in self.b.execute(
                'SELECT document_id, start, "end", speaker FROM case_link WHERE case_id = ?', (bid,)
            ).fetchall():
                exists = self.a.execute(
                    "SELECT 1 FROM case_link WHERE case_id = ? AND document_id = ? AND start IS ? "
                    'AND "end" IS ? AND speaker IS ?',
                    (aid, self.doc[doc], start, end, speaker),
                ).fetchone()
                if not exists:
                    self.a.execute(
                        'INSERT INTO case_link(case_id, document_id, start, "end", speaker) '
                        "VALUES (?, ?, ?, ?, ?)",
                        (aid, self.doc[doc], start, end, speaker),
                    )

    # --- codings and memos ----------------------------------------------------
    def codings(self) -> None:
        sources: list[tuple[int, int]] = []
        for row in self.b.execute(
            'SELECT id, guid, code_id, document_id, start, "end", coder_id, created_at, memo, '
            "origin, source_id FROM coding ORDER BY id"
        ).fetchall():
            bid, guid, code, doc, start, end, coder, created, memo, origin, source = row
            key = (self.code[code], self.doc[doc], start, end, self.coder[coder])
            same = self.a.execute(
                "SELECT id, memo FROM coding WHERE code_id = ? AND document_id = ? AND start = ? "
                'AND "end" = ? AND coder_id = ?',
                key,
            ).fetchone()
            if same is not None:
                self.coding[bid] = int(same[0])
                self.report.count("codings", False)
                if memo and memo != same[1]:
                    joined = f"{same[1]}\n{memo}" if same[1] else memo
                    self.a.execute("UPDATE coding SET memo = ? WHERE id = ?", (joined, same[0]))
                continue
            self.coding[bid] = int(
                self.a.execute(
                    'INSERT INTO coding(guid, code_id, document_id, start, "end", coder_id, '
                    "created_at, memo, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self._guid("coding", guid), *key, created, memo, origin),
                ).lastrowid
            )
            self.report.count("codings", True)
            if source is not None:
                sources.append((bid, source))
        for bid, source in sources:
            if source in self.coding:
                self.a.execute(
                    "UPDATE coding SET source_id = ? WHERE id = ?",
                    (self.coding[source], self.coding[bid]),
                )

    def memos(self) -> None:
        targets = {
            "code": self.code,
            "document": self.doc,
            "case": self.case,
            "coding": self.coding,
        }
        for row in self.b.execute(
            "SELECT id, guid, target_kind, target_id, author_id, title, text, created_at, "
            'updated_at, start, "end" FROM memo ORDER BY id'
        ).fetchall():
            bid, guid, kind, target, author, title, text, created, updated, start, end = row
            if self.a.execute("SELECT 1 FROM memo WHERE guid = ?", (guid,)).fetchone():
                self.report.count("memos", False)
                continue
            new = int(
                self.a.execute(
                    "INSERT INTO memo(guid, target_kind, target_id, author_id, title, text, "
                    'created_at, updated_at, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                    (
                        guid,
                        kind,
                        None if target is None else targets[kind][target],
                        None if author is None else self.coder[author],
                        title,
                        text,
                        created,
                        updated,
                        start,
                        end,
                    ),
                ).lastrowid
            )
            terms = self.b.execute("SELECT terms FROM memo_fts WHERE rowid = ?", (bid,)).fetchone()
            if terms is not None:
                self.a.execute("INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)", (new, terms[0]))
            self.report.count("memos", True)

    # --- reconciliation decisions ------------------------------------------------
    def decisions(self) -> None:
        """B's reconciliation decisions, so a later bulk run in A does not override them.

        A unit is named by its codings' GUIDs, which A may know under other GUIDs (a
        coding both copies held): they are translated, and the two coders put in A's
        order (the choice flips with them). A decision A already took on the same unit
        stays; a different choice in B is reported as a conflict.
        """
        guid_of = {
            int(r[0]): str(r[1]) for r in self.a.execute("SELECT id, guid FROM coding").fetchall()
        }
        b_guid = {str(r[1]): int(r[0]) for r in self.b.execute("SELECT id, guid FROM coding")}
        made: dict[int, list[int]] = {}
        for did, cid in self.b.execute("SELECT decision_id, coding_id FROM reconcile_made"):
            made.setdefault(int(did), []).append(int(cid))
        for row in self.b.execute(
            'SELECT id, guid, coder_a, coder_b, document_id, start, "end", codings, choice, '
            "code_id, bulk, decided_by, decided_at FROM reconcile_decision ORDER BY id"
        ).fetchall():
            bid, guid, ca, cb, doc, start, end, codings, choice, code, bulk, by, at = row
            ids = [b_guid.get(g) for g in json.loads(codings)]
            if any(i is None or i not in self.coding for i in ids):
                self.report.count("decisions on codings not merged", False)
                continue
            key = json.dumps(sorted(guid_of[self.coding[i]] for i in ids if i is not None))
            lo, hi = self.coder[ca], self.coder[cb]
            if lo > hi:
                lo, hi = hi, lo
                choice = {"a": "b", "b": "a"}.get(choice, choice)
            there = self.a.execute(
                "SELECT choice FROM reconcile_decision WHERE coder_a = ? AND coder_b = ? "
                "AND document_id = ? AND codings = ?",
                (lo, hi, self.doc[doc], key),
            ).fetchone()
            if there is not None:
                self.report.count("decisions", False)
                if there[0] != choice:
                    self.report.conflicts.append(
                        {"decision": guid, "kept": str(there[0]), "other": str(choice)}
                    )
                continue
            new = int(
                self.a.execute(
                    "INSERT INTO reconcile_decision(guid, coder_a, coder_b, document_id, start, "
                    '"end", codings, choice, code_id, bulk, decided_by, decided_at) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self._guid("reconcile_decision", guid),
                        lo,
                        hi,
                        self.doc[doc],
                        start,
                        end,
                        key,
                        choice,
                        None if code is None else self.code.get(code),
                        bulk,
                        by,
                        at,
                    ),
                ).lastrowid
            )
            for cid in made.get(bid, []):
                if cid in self.coding:
                    self.a.execute(
                        "INSERT OR IGNORE INTO reconcile_made(decision_id, coding_id) "
                        "VALUES (?, ?)",
                        (new, self.coding[cid]),
                    )
            self.report.count("decisions", True)

"""A shareable analysis copy: the project as the redacted view shows it.

The copy keeps the codebook, codings (offsets carried across replacements),
cases, attributes, memos and pseudonyms, and the search index rebuilt from
the redacted text. It drops what could name someone: original file bytes,
removed boilerplate, findings, fingerprints, the audit trail and document
metadata. Free text around the documents (titles, speaker labels, memos,
case descriptions, attribute values) is scrubbed of every name the vault and
the findings know, and memos and descriptions are scanned as well.

It keeps the project GUID, so the same vault re-identifies in the copy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from moksori.korean.terms import index_terms
from moksori.protect.entities import Entities, Entity
from moksori.protect.findings import Findings
from moksori.protect.policy import line_lang, tag
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType
from moksori.protect.textview import HANGUL
from moksori.protect.vault import Vault
from moksori.protect.view import ViewCache
from moksori.store.database import Connection, transaction
from moksori.store.impact import impact_terms
from moksori.store.schema import now

PASSAGES = ("paragraph", "turn", "cue", "row")


@dataclass
class ShareReport:
    path: str
    documents: int = 0
    segments: int = 0
    codings: int = 0
    codings_dropped: int = 0
    memos: int = 0
    names_scrubbed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Scrubber:
    """Replaces every known name in free text by its pseudonym (or a tag)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {k: v for k, v in names.items() if len(k.strip()) >= 2}
        self._folded = {k.casefold(): v for k, v in self.names.items()}
        parts = sorted(self.names, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(re.escape(p) for p in parts), re.IGNORECASE) if parts else None
        )
        self.count = 0

    def __call__(self, text: str | None) -> str | None:
        if not text or self._pattern is None:
            return text

        def sub(m: re.Match[str]) -> str:
            self.count += 1
            return self.names.get(m.group(), self._folded.get(m.group().casefold(), "[name]"))

        return self._pattern.sub(sub, text)

    def deep(self, text: str | None) -> str | None:
        """Scrub, then detect what is left (for prose: memos, descriptions)."""
        text = self(text)
        if not text:
            return text
        pseudonyms = {v.casefold() for v in self.names.values()}
        spans = [
            s
            for s in detect_text(text)
            if s.type != PiiType.PLACE and text[s.start : s.end].casefold() not in pseudonyms
        ]
        out, pos = [], 0
        for s in sorted(spans, key=lambda s: s.start):
            if s.start < pos:
                continue
            out += [text[pos : s.start], tag(s.type, line_lang(text, s.start, s.end))]
            pos = s.end
            self.count += 1
        return "".join(out) + text[pos:]


def known_names(conn: Connection, vault: Vault | None) -> dict[str, str]:
    """Every name string known to stand for a person → its pseudonym in that script."""
    entities = Entities(conn).by_id()
    by_guid = {e.guid: e for e in entities.values()}
    names: dict[str, str] = {}

    def label(name: str, e: Entity | None) -> str:
        if e is None:
            return "[이름]" if HANGUL.search(name) else "[name]"
        return e.label("ko" if HANGUL.search(name) else "en")

    findings = Findings(conn)
    people = [
        f for f in findings.select() if f.type == PiiType.PERSON.value and f.status != "rejected"
    ]
    texts = findings.texts_of({f.document_id for f in people})
    for f in people:
        name = texts[f.document_id][f.start : f.end]
        names[name] = label(name, entities.get(f.entity_id) if f.entity_id is not None else None)
    if vault is not None:
        for guid, alias in vault.all_aliases():
            names[alias] = label(alias, by_guid.get(guid))
    return names


def _rows(conn: Connection, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    cur = conn.execute(f"SELECT * FROM {table}")
    return [d[0] for d in cur.description], cur.fetchall()


def _insert(conn: Connection, table: str, cols: list[str], rows: list[tuple[Any, ...]]) -> None:
    if rows:
        quoted = ", ".join(f'"{c}"' for c in cols)
        conn.executemany(
            f"INSERT INTO {table}({quoted}) VALUES ({', '.join('?' * len(cols))})", rows
        )


def _copy(
    src: Connection,
    dst: Connection,
    table: str,
    fix: dict[str, Callable[[Any], Any]] | None = None,
) -> int:
    cols, rows = _rows(src, table)
    fix = fix or {}
    idx = {c: i for i, c in enumerate(cols)}
    out = []
    for r in rows:
        row = list(r)
        for col, f in fix.items():
            row[idx[col]] = f(row[idx[col]])
        out.append(tuple(row))
    _insert(dst, table, cols, out)
    return len(out)


def share(src: Connection, dst: Connection, vault: Vault | None, out_path: Path) -> ShareReport:
    """Fill the new, empty project ``dst`` with the redacted copy of ``src``; one transaction."""
    report = ShareReport(str(out_path))
    views = ViewCache(src, include_proposed=True)
    scrub = Scrubber(known_names(src, vault))
    guid = src.execute("SELECT value FROM meta WHERE key = 'project_guid'").fetchone()[0]
    with transaction(dst) as c:
        c.execute("UPDATE meta SET value = ? WHERE key = 'project_guid'", (guid,))
        c.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [("redacted_copy", "true"), ("shared_at", now())],
        )
        docs = src.execute(
            "SELECT id, source_file_id, part, title, author, date, format, lang, encoding, "
            "quality, replaced_chars, added_at FROM document ORDER BY id"
        ).fetchall()
        sources: dict[int, list[str]] = {}
        for row in docs:
            sources.setdefault(row[1], []).append(views(row[0]).text)
        for sid, texts in sources.items():
            data = "\n\n".join(texts).encode("utf-8")
            c.execute(
                "INSERT INTO source_file(id, name, sha256, size, format, added_at, data) "
                "VALUES (?, ?, ?, ?, 'txt', ?, ?)",
                (
                    sid,
                    f"source-{sid}.txt",
                    hashlib.sha256(data).hexdigest(),
                    len(data),
                    now(),
                    data,
                ),
            )
        for doc_id, sid, part, title, _author, date, fmt, lang, enc, quality, rep, added in docs:
            text = views(doc_id).text
            c.execute(
                "INSERT INTO document(id, source_file_id, part, title, author, date, format, lang, "
                "encoding, quality, replaced_chars, text, char_count, metadata, added_at) "
                "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)",
                (
                    doc_id,
                    sid,
                    scrub(part),
                    scrub(title),
                    date,
                    fmt,
                    lang,
                    enc,
                    quality,
                    rep,
                    text,
                    len(text),
                    added,
                ),
            )
            report.documents += 1
        _copy(src, c, "document_attribute", {"value": scrub})
        _copy_segments(src, c, views, scrub, report)
        for table in ("coder", "code", "code_link", "setting", "entity", "attribute"):
            fix: dict[str, Callable[[Any], Any]] = {}
            if table == "code":
                fix = {k: scrub for k in ("definition", "inclusion", "exclusion", "examples")}
            if table == "code_link":
                fix = {"memo": scrub.deep}
            _copy(src, c, table, fix)
        _copy_codings(src, c, views, scrub, report)
        taken: set[str] = set()

        def case_name(name: str) -> str:
            """A case named by a real name gets the pseudonym (or its id if that is taken)."""
            new = scrub(name) or name
            if new.casefold() in taken:
                new = f"{new} ({len(taken) + 1})"
            taken.add(new.casefold())
            return new

        _copy(src, c, "cases", {"name": case_name, "description": scrub.deep})
        _copy(src, c, "case_value", {"value": scrub})
        _copy_case_links(src, c, views, scrub)
        cols, rows = _rows(src, "memo")
        ti, xi = cols.index("title"), cols.index("text")
        memos = []
        for r in rows:
            row = list(r)
            row[ti], row[xi] = scrub(row[ti]), scrub.deep(row[xi])
            memos.append(tuple(row))
        _insert(c, "memo", cols, memos)
        terms = index_terms([f"{r[ti]}\n{r[xi]}" for r in memos])
        c.executemany(
            "INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)",
            [(r[0], t) for r, t in zip(memos, terms, strict=True)],
        )
        report.memos = len(memos)
        c.execute(
            "INSERT INTO deid_scan(document_id, version, scanned_at) "
            "SELECT id, 'redacted-copy', ? FROM document",
            (now(),),
        )
        c.execute(
            "INSERT INTO audit(at, actor, action, detail) VALUES (?, NULL, 'deid.share', ?)",
            (now(), json.dumps({"documents": report.documents, "from_project": guid})),
        )
    report.names_scrubbed = scrub.count
    return report


def _copy_segments(
    src: Connection, dst: Connection, views: ViewCache, scrub: Scrubber, report: ShareReport
) -> None:
    rows = src.execute(
        'SELECT id, document_id, parent_id, kind, ordinal, start, "end", speaker, lang, '
        "cue_start_ms, cue_end_ms, duplicate_of FROM segment ORDER BY id"
    ).fetchall()
    out, passages = [], []
    for sid, doc, parent, kind, ordinal, start, end, speaker, lang, cs, ce, dup in rows:
        view = views(doc)
        s, e = view.map_range(start, end)
        if e <= s:  # all of it was removed (e.g. a cohort number on its own)
            e = s + 1 if s < len(view.text) else s
            if e <= s:
                continue
        out.append((sid, doc, parent, kind, ordinal, s, e, scrub(speaker), lang, cs, ce, dup))
        if kind in PASSAGES:
            passages.append((sid, view.text[s:e], dup))
    dst.executemany(
        'INSERT INTO segment(id, document_id, parent_id, kind, ordinal, start, "end", speaker, '
        "lang, cue_start_ms, cue_end_ms, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        out,
    )
    terms = index_terms([t for _, t, _ in passages]) if passages else []
    dst.executemany(
        "INSERT INTO segment_fts(rowid, terms, repeat_terms, impact) VALUES (?, ?, ?, ?)",
        [
            (sid, "" if dup else t, t if dup else "", impact_terms(t))
            for (sid, _, dup), t in zip(passages, terms, strict=True)
        ],
    )
    report.segments = len(out)


def _copy_codings(
    src: Connection, dst: Connection, views: ViewCache, scrub: Scrubber, report: ShareReport
) -> None:
    cols, rows = _rows(src, "coding")
    i = {c: n for n, c in enumerate(cols)}
    out = []
    for r in rows:
        row = list(r)
        s, e = views(row[i["document_id"]]).map_range(row[i["start"]], row[i["end"]])
        if e <= s:
            report.codings_dropped += 1
            continue
        row[i["start"]], row[i["end"]] = s, e
        if "memo" in i:
            row[i["memo"]] = scrub.deep(row[i["memo"]])
        out.append(tuple(row))
    _insert(dst, "coding", cols, out)
    report.codings = len(out)


def _copy_case_links(src: Connection, dst: Connection, views: ViewCache, scrub: Scrubber) -> None:
    cols, rows = _rows(src, "case_link")
    i = {c: n for n, c in enumerate(cols)}
    out = []
    for r in rows:
        row = list(r)
        if row[i["start"]] is not None:
            s, e = views(row[i["document_id"]]).map_range(row[i["start"]], row[i["end"]])
            if e <= s:
                continue
            row[i["start"]], row[i["end"]] = s, e
        row[i["speaker"]] = scrub(row[i["speaker"]])
        out.append(tuple(row))
    _insert(dst, "case_link", cols, out)

"""A shareable analysis copy: the project as the redacted view shows it.

The copy keeps the codebook, codings (offsets carried across replacements),
cases, attributes, memos and pseudonyms, and the search index rebuilt from
the redacted text. It drops what could name someone: original file bytes,
removed boilerplate, findings, fingerprints, the audit trail and document
metadata. Known names are redacted in the documents whatever the state of
their findings (``view.forced_names``). Everything around the documents
(titles, parts, document and case attributes, case names and descriptions,
memos, code definitions, criteria and examples, link and coding memos,
speaker labels) goes through the same redaction and policy (``scrub``), and
the case attributes it publishes must reach the project's k (``publish``).

It keeps the project GUID, so the same vault re-identifies in the copy.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori.coding.cases import Cases
from moksori.korean.terms import index_terms
from moksori.protect.known import KnownNames
from moksori.protect.publish import Publication, ShareOptions, ShareRefused, plan
from moksori.protect.scrub import Scrubber, known_names
from moksori.protect.vault import Vault
from moksori.protect.view import ViewCache
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.clock import now
from moksori.store.database import Connection, transaction
from moksori.store.impact import impact_terms

__all__ = ["ShareOptions", "ShareRefused", "ShareReport", "Scrubber", "known_names", "share"]

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
    redacted: dict[str, int] = field(default_factory=dict)  # replacements in documents, by kind
    scrubbed: dict[str, int] = field(default_factory=dict)  # in free text, by kind
    attributes: dict[str, Any] = field(default_factory=dict)  # withheld, generalised, k
    accepted_risk: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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


def share(
    src: Connection,
    dst: Connection,
    vault: Vault | None,
    out_path: Path,
    options: ShareOptions | None = None,
) -> ShareReport:
    """Fill the new, empty project ``dst`` with the redacted copy of ``src``; one transaction.

    Refuses (ShareRefused) before writing anything when the case attributes
    it would publish fall below the project's k, unless the options withhold
    or generalise them or accept the risk. The share is audited in ``src``.
    """
    options = options or ShareOptions()
    report = ShareReport(str(out_path))
    views = ViewCache(src, include_proposed=True, known=KnownNames.of(src, vault))
    scrub = Scrubber.of(src, vault)
    scrub.prepare(_free_texts(src))
    published = plan(src, scrub, options)
    report.attributes = published.to_json()
    report.accepted_risk = options.accept_risk and (
        published.k is not None and published.k < published.threshold
    )
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
                    scrub.deep(part),
                    scrub.deep(title),
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
        _copy(src, c, "document_attribute", {"value": scrub.deep})
        _copy_segments(src, c, views, scrub, report)
        _copy(src, c, "coder")
        _copy_codes(src, c, scrub)
        for table in ("code_link", "setting", "entity"):
            _copy(src, c, table, {"memo": scrub.deep} if table == "code_link" else None)
        _copy_attributes(src, c, scrub, published)
        _copy_codings(src, c, views, scrub, report)
        taken: set[str] = set()

        def case_name(name: str) -> str:
            """A case named by a real name gets the pseudonym (or its id if that is taken)."""
            new = scrub.deep(name) or name
            if new.casefold() in taken:
                new = f"{new} ({len(taken) + 1})"
            taken.add(new.casefold())
            return new

        _copy(src, c, "cases", {"name": case_name, "description": scrub.deep})
        c.executemany(
            "INSERT INTO case_value(case_id, attribute_id, value) VALUES (?, ?, ?)",
            [(cid, aid, v) for (cid, aid), v in published.values.items()],
        )
        _copy_case_links(src, c, views, scrub)
        cols, rows = _rows(src, "memo")
        ti, xi = cols.index("title"), cols.index("text")
        si, ei, di = cols.index("start"), cols.index("end"), cols.index("target_id")
        memos = []
        for r in rows:
            row = list(r)
            row[ti], row[xi] = scrub.deep(row[ti]), scrub.deep(row[xi])
            if row[si] is not None:  # a memo on a passage: the passage as the copy has it
                a, b = views(row[di]).map_range(row[si], row[ei])
                row[si], row[ei] = (a, b) if b > a else (None, None)
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
        audit.record(
            c,
            Event(
                Action.DEID_SHARE,
                targets={"project": [guid]},
                counts={"documents": report.documents},
                choice="copy",
            ),
        )
    report.scrubbed = dict(sorted(scrub.counts.items()))
    report.names_scrubbed = scrub.counts.get("person", 0)
    redacted: Counter[str] = Counter()
    for doc_id, *_ in docs:
        redacted.update(r.type for r in views(doc_id).replacements)
    report.redacted = dict(sorted(redacted.items()))
    with transaction(src) as c:
        audit.record(c, _share_event(c, report, published), actor=options.actor)
    return report


def _share_event(conn: Connection, report: ShareReport, published: Publication) -> Event:
    """What a share did, by attribute id: an attribute's name is the study's own words."""
    ids = {a.name: a.id for a in Cases(conn).attributes()}
    k = {"k": published.k} if published.k is not None else {}
    return Event(
        Action.DEID_SHARE,
        targets={
            "withheld": [ids[n] for n in published.withheld if n in ids],
            "generalised": [ids[n] for n in published.generalised if n in ids],
            "quasi_identifier": [ids[n] for n in published.quasi_identifiers if n in ids],
        },
        counts={"documents": report.documents, "threshold": published.threshold}
        | k
        | {"accepted_risk": int(report.accepted_risk)},
    )


# Every free-text column the copy scrubs in depth (JSON lists are opened below).
_FREE_TEXT = [
    "SELECT title FROM document",
    "SELECT part FROM document",
    "SELECT value FROM document_attribute",
    "SELECT DISTINCT speaker FROM segment",
    "SELECT definition FROM code",
    "SELECT inclusion FROM code",
    "SELECT exclusion FROM code",
    "SELECT memo FROM code_link",
    "SELECT memo FROM coding",
    "SELECT name FROM cases",
    "SELECT description FROM cases",
    "SELECT value FROM case_value",
    "SELECT description FROM attribute",
    "SELECT title FROM memo",
    "SELECT text FROM memo",
    "SELECT DISTINCT speaker FROM case_link",
]


def _free_texts(src: Connection) -> list[str]:
    """The texts ``Scrubber.deep`` will see, so the detectors run over them in batches."""
    out = [str(r[0]) for sql in _FREE_TEXT for r in src.execute(sql) if r[0]]
    for sql in ("SELECT examples FROM code", "SELECT levels FROM attribute"):
        for (value,) in src.execute(sql):
            try:
                items = json.loads(value or "[]")
            except ValueError:
                continue
            out += [x for x in items if isinstance(x, str)] if isinstance(items, list) else []
    return out


def _scrub_json(scrub: Scrubber, value: Any) -> Any:
    """Code examples are a JSON list of strings: scrub each, keep the JSON."""
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        items = None
    if not isinstance(items, list):
        return scrub.deep(value)
    return json.dumps(
        [scrub.deep(x) if isinstance(x, str) else x for x in items], ensure_ascii=False
    )


def _copy_codes(src: Connection, dst: Connection, scrub: Scrubber) -> None:
    """Definitions, criteria and examples in depth; names of known people and places in
    code names too ("김철수's story"), kept unique among siblings."""
    cols, rows = _rows(src, "code")
    i = {c: n for n, c in enumerate(cols)}
    taken: set[tuple[int, str]] = set()
    out = []
    for r in rows:
        row = list(r)
        for col in ("definition", "inclusion", "exclusion"):
            row[i[col]] = scrub.deep(row[i[col]])
        row[i["examples"]] = _scrub_json(scrub, row[i["examples"]])
        row[i["alt_name"]] = scrub(row[i["alt_name"]])
        name = scrub(row[i["name"]]) or row[i["name"]]
        key = (row[i["parent_id"]] or 0, name.casefold())
        if key in taken:
            name = f"{name} ({row[i['id']]})"
            key = (key[0], name.casefold())
        taken.add(key)
        row[i["name"]] = name
        out.append(tuple(row))
    _insert(dst, "code", cols, out)


def _copy_attributes(src: Connection, dst: Connection, scrub: Scrubber, pub: Publication) -> None:
    """Attributes whose values changed become text without levels: a category's levels
    ("회령", "무산") would otherwise publish what the values no longer say."""
    cols, rows = _rows(src, "attribute")
    i = {c: n for n, c in enumerate(cols)}
    out = []
    for r in rows:
        row = list(r)
        levels = json.loads(row[i["levels"]] or "[]")
        clean = [scrub.deep(x) for x in levels]
        if row[i["id"]] in pub.retyped or clean != levels:
            row[i["type"]], row[i["levels"]] = "text", "[]"
        row[i["description"]] = scrub.deep(row[i["description"]])
        out.append(tuple(row))
    _insert(dst, "attribute", cols, out)


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
        out.append((sid, doc, parent, kind, ordinal, s, e, scrub.deep(speaker), lang, cs, ce, dup))
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
        row[i["speaker"]] = scrub.deep(row[i["speaker"]])
        out.append(tuple(row))
    _insert(dst, "case_link", cols, out)

"""Notes of an imported project file, as memos: on the project, a code, a case, a
document, a coding, or a range of a document's text (an annotation).

Producers anchor annotations three ways: NVivo hangs a NoteRef on an uncoded
PlainTextSelection, QualCoder gives the Note its own PlainTextSelection and
hangs a NoteRef on the source, MAXQDA writes a Description on an uncoded
selection. All three become range memos on the stored text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from moksori.interop.qde_reader import (
    canonical,
    child,
    children,
    content,
    decode_source,
    ref_guid,
    text_of,
)
from moksori.interop.refi import local_name, normalise_guid, readable_path
from moksori.korean.terms import index_terms
from moksori.store.clock import now
from moksori.store.ids import new_guid

if TYPE_CHECKING:
    from moksori.interop.qdpx_import import _Writer

Target = tuple[str, int | None]


def import_notes(w: _Writer) -> None:
    """Every Note of the file, as the memo its NoteRefs make it."""
    targets: dict[str, Target] = {}
    for el in w.root.iter():
        if not isinstance(el.tag, str) or local_name(el) != "NoteRef":
            continue
        note = ref_guid(el) or ""
        owner = el.getparent()
        kind = local_name(owner) if owner is not None else ""
        gid = normalise_guid(owner.get("guid")) if owner is not None else None
        if kind == "Project":
            targets[note] = ("project", None)
        elif kind == "Code" and gid in w.codes:
            targets[note] = ("code", w.codes[gid])
        elif kind == "Code" and gid in w.case_of_code:
            targets[note] = ("case", w.case_of_code[gid])
        elif kind == "Case" and gid in w.cases:
            targets[note] = ("case", w.cases[gid])
        elif kind == "TextSource" and gid in w.docs:
            targets[note] = ("document", w.docs[gid])
        elif kind == "Link":
            targets[note] = ("link", w.link_ids.get(gid or ""))
        elif kind in ("Coding", "PlainTextSelection") and w.codings.get(gid or ""):
            targets[note] = ("coding", w.codings[gid or ""][0])
        elif kind == "PlainTextSelection" and gid in w.selections:
            w.ranges[note] = w.selections[gid or ""]  # an annotation (NVivo)
            targets[note] = ("document", w.selections[gid or ""][0])
    holder = child(w.root, "Notes")
    for el in children(holder, "Note") if holder is not None else []:
        w.ledger.mark(el)
        _memo(w, el, targets)


def _memo(w: _Writer, el: etree._Element, targets: dict[str, Target]) -> None:
    guid = normalise_guid(el.get("guid")) or new_guid()
    desc = text_of(child(el, "Description"))
    data = content(w.pkg, el, f"note {guid}")
    text = decode_source(data, f"note {guid}") if data is not None else ""
    kind, target = targets.get(guid, ("project", None))
    if kind == "project" and desc.strip().startswith("case: "):
        row = w.conn.execute(
            "SELECT id FROM cases WHERE name = ? COLLATE NOCASE", (desc.strip()[6:].strip(),)
        ).fetchone()
        if row:
            kind, target, desc = "case", int(row[0]), ""
    body = canonical(text).text.strip() or canonical(desc).text.strip()
    if kind == "link":
        _link_memo(w, target, body)
        return
    if not body:
        w.report.skip("Note: empty")
        return
    title = " ".join((el.get("name") or "").split())
    if title == f"{kind} memo":  # the name moksori's export gives an untitled memo
        title = ""
    span = _note_range(w, el, guid, kind, target)
    for sel in children(el, "PlainTextSelection"):  # selections in the memo's own text
        if sel not in w.ledger.seen:  # (not the one that anchors an annotation)
            reason = "PlainTextSelection in a Note (memo text is not coded)"
            w.ledger.skip_tree(sel, w.report, "a Note (memo text is not coded)", reason)
    if span is not None:
        annotation(w, el, target or 0, span, body, title, guid)
        return
    insert_memo(w, el, kind, target, title, body, guid)


def _link_memo(w: _Writer, link_id: int | None, body: str) -> None:
    """A code link's memo is the link's own memo in moksori."""
    if link_id is None:
        w.report.skip("Note on a Link that was not imported")
        return
    if body:
        w.conn.execute(
            "UPDATE code_link SET memo = CASE WHEN memo IS NULL OR memo = '' THEN ? "
            "WHEN instr(memo, ?) > 0 THEN memo ELSE memo || char(10) || char(10) || ? END "
            "WHERE id = ?",
            (body, body, body, link_id),
        )
        w.report.link_memos += 1


def _note_range(
    w: _Writer, el: etree._Element, guid: str, kind: str, target: int | None
) -> tuple[int, int] | None:
    """The stored range a Note annotates: its own PlainTextSelection (QualCoder) on the
    source that refers to it, or the selection that refers to it (NVivo)."""
    if guid in w.ranges:
        return w.ranges[guid][1], w.ranges[guid][2]
    sel = child(el, "PlainTextSelection")
    src = w.by_doc.get(target or -1) if kind == "document" else None
    if sel is None or src is None:
        return None
    try:
        start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
    except ValueError:
        return None
    if not 0 <= start < end <= src.length:
        w.report.warnings.append(f"{readable_path(sel)}: annotation outside its source")
        return None
    span = src.span(start, end)
    if span[1] <= span[0]:
        return None
    w.ledger.mark(sel)
    for inner in children(sel, "Coding"):
        reason = "Coding of an annotation (a memo is not coded)"
        w.ledger.skip_tree(inner, w.report, "an annotation (a memo is not coded)", reason)
    return span


def annotation(
    w: _Writer,
    el: etree._Element,
    doc: int,
    span: tuple[int, int],
    body: str,
    title: str = "",
    guid: str | None = None,
) -> None:
    """A note on a range of a document's text: a range memo."""
    if insert_memo(w, el, "document", doc, title, body, guid, span):
        w.report.annotations += 1


def insert_memo(
    w: _Writer,
    el: etree._Element,
    kind: str,
    target: int | None,
    title: str,
    body: str,
    guid: str | None,
    span: tuple[int, int] | None = None,
) -> bool:
    """Insert one memo; False when the same memo is in the project already.

    Like codings, memos merge: the same memo (same target, range, title and text,
    whatever its GUID) is not added twice. A memo edited elsewhere comes in as a new one.
    """
    start, end = span if span is not None else (None, None)
    same = w.conn.execute(
        "SELECT 1 FROM memo WHERE target_kind = ? AND target_id IS ? AND title = ? "
        'AND text = ? AND start IS ? AND "end" IS ?',
        (kind, target, title, body, start, end),
    ).fetchone()
    if same:
        w.report.memos_existing += 1
        return False
    if guid is None or w.conn.execute("SELECT 1 FROM memo WHERE guid = ?", (guid,)).fetchone():
        guid = new_guid()
    stamp = now()
    author = w.coders.get(ref_guid(el, "creatingUser") or "")
    row: tuple[Any, ...] = (
        guid,
        kind,
        target,
        author,
        title,
        body,
        el.get("creationDateTime") or stamp,
        el.get("modifiedDateTime") or stamp,
        start,
        end,
    )
    cur = w.conn.execute(
        "INSERT INTO memo(guid, target_kind, target_id, author_id, title, text, "
        'created_at, updated_at, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        row,
    )
    memo_id = int(cur.lastrowid)
    terms = index_terms([f"{title}\n{body}"])[0]
    w.conn.execute("INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)", (memo_id, terms))
    w.report.memos += 1
    return True

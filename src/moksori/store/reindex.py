"""A project's search index made again when the analyser that made it has changed.

Index terms are made once, at ingest (and when a memo is written), by
:mod:`moksori.korean.terms`. When that analysis changes (issue 19: compound verbs
under their parts, compounds written together or apart, irregular English forms), a
project indexed before would answer the new queries with the old terms: a search for
``돕다`` would still miss ``도와줬어요`` there. So the project records the
:data:`~moksori.korean.terms.ANALYSER_VERSION` its terms were made by (``meta`` row
``analyser_version``), and opening a project indexed by another version analyses its
passages and memos again, in one transaction, from the stored text: the same text and
offsets, only the terms change. A repeated passage keeps its terms in the repeated
column, and the text a passage shares with an earlier document is split out again.
"""

from __future__ import annotations

from moksori.store import documents, passages, shared_passages
from moksori.store.database import Connection, transaction

KEY = "analyser_version"
_BATCH = 500  # passages analysed per Kiwi call


def stored_version(conn: Connection) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    return int(row[0]) if row else None


def current_version() -> int:
    """The analyser version this moksori indexes with."""
    from moksori.korean.terms import ANALYSER_VERSION  # lazy: start-up

    return ANALYSER_VERSION


def refresh(conn: Connection) -> int:
    """Index the project again if another analyser made its terms; returns how many
    passages and memos were analysed again (0 when the index is current)."""
    version = current_version()
    if stored_version(conn) == version:
        return 0
    with transaction(conn):
        done = _passages(conn) + _memos(conn)
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (KEY, str(version)),
        )
    return done


def _passages(conn: Connection) -> int:
    from moksori.korean.terms import index_terms  # lazy: start-up (Kiwi)

    done = 0
    later = {doc_id for doc_id, _ in shared_passages.repeats(conn)}
    for doc_id in documents.document_ids(conn):
        text = documents.document_text(conn, doc_id)
        rows = passages.indexed_passages(conn, doc_id)
        for at in range(0, len(rows), _BATCH):
            batch = rows[at : at + _BATCH]
            terms = index_terms([text[start:end] for _, start, end in batch])
            # A repeat's terms are in the repeated column only (passages.mark_repeat); a
            # passage partly shared gets its split again below.
            repeats = {
                int(r[0])
                for r in conn.execute(
                    "SELECT rowid FROM segment_fts WHERE terms = '' AND repeat_terms != '' "
                    f"AND rowid IN ({','.join('?' * len(batch))})",
                    [seg_id for seg_id, _, _ in batch],
                )
            }
            conn.executemany(
                "UPDATE segment_fts SET terms = ?, repeat_terms = ?, impact = moksori_impact(?) "
                "WHERE rowid = ?",
                [
                    ("", t, t, seg_id) if seg_id in repeats else (t, "", t, seg_id)
                    for (seg_id, _, _), t in zip(batch, terms, strict=True)
                ],
            )
        done += len(rows)
        if doc_id in later:
            shared_passages.mark_repeats(conn, doc_id, text)
    return done


def _memos(conn: Connection) -> int:
    from moksori.korean.terms import index_terms  # lazy: start-up (Kiwi)

    rows = conn.execute(
        "SELECT m.id, m.title, m.text FROM memo m JOIN memo_fts f ON f.rowid = m.id"
    ).fetchall()
    for at in range(0, len(rows), _BATCH):
        batch = rows[at : at + _BATCH]
        terms = index_terms([f"{r[1]}\n{r[2]}" for r in batch])
        for r, t in zip(batch, terms, strict=True):
            conn.execute("DELETE FROM memo_fts WHERE rowid = ?", (int(r[0]),))
            conn.execute("INSERT INTO memo_fts(rowid, terms) VALUES (?, ?)", (int(r[0]), t))
    return len(rows)

"""Who has coded which document, and which cases each document belongs to:
the read model of the documents page (each coder's progress)."""

from __future__ import annotations

from dataclasses import dataclass, field

from moksori.store.database import Connection


@dataclass
class DocumentProgress:
    cases: dict[int, list[str]] = field(default_factory=dict)  # document → case names
    # document → coder name → codings (originals only: a projection is not work done)
    coded_by: dict[int, dict[str, int]] = field(default_factory=dict)


def document_progress(conn: Connection) -> DocumentProgress:
    out = DocumentProgress()
    for doc_id, name in conn.execute(
        "SELECT DISTINCT l.document_id, c.name FROM case_link l JOIN cases c ON c.id = l.case_id "
        "ORDER BY c.name"
    ):
        out.cases.setdefault(doc_id, []).append(name)
    for doc_id, coder, n in conn.execute(
        "SELECT g.document_id, k.name, count(*) FROM coding g JOIN coder k ON k.id = g.coder_id "
        "WHERE g.origin != 'projected' GROUP BY g.document_id, k.name ORDER BY k.name"
    ):
        out.coded_by.setdefault(doc_id, {})[coder] = n
    return out

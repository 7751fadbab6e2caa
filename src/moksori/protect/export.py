"""Redacted documents as files: plain text, Word (.docx) and HTML.

Every export reads through the redacted view and is written to the audit
log (which documents, which format, whether unreviewed findings were let
through); the log records counts, never text.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moksori import word
from moksori.errors import DeidError
from moksori.outputs import open_output, private_dir, write_text_output
from moksori.protect.redact import RedactedView
from moksori.protect.view import ViewCache
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

FORMATS = ("txt", "docx", "html")


@dataclass
class ExportReport:
    format: str
    files: list[str] = field(default_factory=list)
    replacements: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "document"


def _write_txt(view: RedactedView, path: Path) -> None:
    write_text_output(path, view.text)


def _write_html(view: RedactedView, path: Path, title: str) -> None:
    parts: list[str] = []
    pos = 0
    for r, (a, b) in zip(view.replacements, view.new_spans, strict=True):
        parts.append(html.escape(view.text[pos:a]))
        parts.append(
            f'<mark class="{r.type}" title="{r.type}">{html.escape(view.text[a:b])}</mark>'
        )
        pos = b
    parts.append(html.escape(view.text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    write_text_output(
        path,
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:48em;"
        "margin:2em auto;line-height:1.6}mark{background:#e8e8e8;padding:0 .2em}</style>"
        f"</head><body><h1>{html.escape(title)}</h1><p>{body}</p></body></html>\n",
    )


def _write_docx(view: RedactedView, path: Path, title: str) -> None:
    doc = word.new_document(title)  # Hangul fonts; no author or dates in the file
    doc.add_heading(title, level=1)
    for para in view.text.split("\n"):
        doc.add_paragraph(word.xml_safe(para))
    with open_output(path) as fh:
        fh.write(word.document_bytes(doc))


def export_documents(
    conn: Connection,
    doc_ids: list[int],
    out_dir: Path,
    fmt: str,
    *,
    include_proposed: bool = True,
    actor: str | None = None,
    unreviewed: int = 0,
) -> ExportReport:
    if fmt not in FORMATS:
        raise DeidError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    private_dir(out_dir)
    views = ViewCache(conn, include_proposed=include_proposed)
    report = ExportReport(fmt)
    for doc_id in doc_ids:
        view = views(doc_id)
        title = f"document {doc_id}"
        path = out_dir / _safe(f"document-{doc_id}.{fmt}")
        if fmt == "txt":
            _write_txt(view, path)
        elif fmt == "html":
            _write_html(view, path, title)
        else:
            _write_docx(view, path, title)
        report.files.append(str(path))
        report.replacements += len(view.replacements)
    with transaction(conn) as c:
        audit.record(
            c,
            Event(
                Action.DEID_EXPORT,
                targets={"document": list(doc_ids)},
                counts={"unreviewed": unreviewed, "replacements": report.replacements},
                choice=fmt,
            ),
            actor=actor,
        )
    return report

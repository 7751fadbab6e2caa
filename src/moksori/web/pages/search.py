"""Search: keyword, meaning or both, as a page and as JSON; each hit opens the
document page at the hit (``#at=start16-end16``, browser UTF-16 offsets).

Viewers search the redacted text only, through its own index
(:mod:`moksori.protect.redacted_index`): a word hidden by redaction matches
nothing, alone or beside another word. Snippets and offsets are those of the
redacted view, documents never scanned for personal data are left out,
meaning search (whose vectors come from the original text) is closed to them,
and queries may not filter by speaker, document or attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.errors import MoksoriError, QueryError
from moksori.project import SNIPPET_CHARS, Filters, Hit, Project, parse_query
from moksori.protect.redacted_index import RedactedHit
from moksori.web.context import Forbidden, project_of, render, require
from moksori.web.offsets import Utf16Map
from moksori.web.redaction import Redactor, reads_originals

router = APIRouter()
MODES = ("keyword", "semantic", "hybrid")
LIMIT = 50


@dataclass
class Result:
    document_id: int
    title: str
    speaker: str | None
    start16: int
    end16: int
    snippet: str
    parts: list[tuple[str, bool]]  # the snippet cut at the matched words

    def to_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "speaker": self.speaker,
            "start16": self.start16,
            "end16": self.end16,
            "snippet": self.snippet,
        }


@dataclass
class Outcome:
    results: list[Result] = field(default_factory=list)
    total: int = 0
    note: str = ""
    redacted: bool = False
    unscanned: int = 0  # viewer: documents left out, never scanned for personal data


def run_search(project: Project, q: str, mode: str, lang: str, originals: bool) -> Outcome:
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}; use keyword, semantic or hybrid")
    if not originals:
        return _viewer_search(project, q, mode, lang)
    filters = Filters(langs=[lang.lower()]) if lang else Filters()
    result = project.search(q, filters=filters, limit=LIMIT, mode=mode)
    out = Outcome(total=result.total, note=result.note or "", redacted=False)
    texts: dict[int, Utf16Map] = {}
    for hit in result.hits:
        out.results.append(_original(project, hit, texts))
    return out


def _viewer_search(project: Project, q: str, mode: str, lang: str) -> Outcome:
    """Over the redacted text and its own index only: a hidden word matches nothing."""
    if mode != "keyword":
        # passage vectors were computed from the original text, names and all
        raise Forbidden("viewers search by keyword only (meaning search reads original text)")
    parsed = parse_query(q)
    if parsed.filters.speakers or parsed.filters.documents or parsed.filters.attributes:
        raise Forbidden(
            "viewers cannot filter by speaker, document or attribute (they may name people)"
        )
    result = project.deid.search_redacted(q, langs=[lang.lower()] if lang else None, limit=LIMIT)
    # said per project, not per query: a count of hidden hits would tell a viewer
    # that a name occurs in a document they may not read
    out = Outcome(total=result.total, redacted=True, unscanned=result.unscanned)
    maps = {doc: Utf16Map(text) for doc, text in result.texts.items()}
    for hit in result.hits:
        out.results.append(_redacted(hit, maps[hit.document_id]))
    return out


def _original(project: Project, hit: Hit, maps: dict[int, Utf16Map]) -> Result:
    if hit.document_id not in maps:
        maps[hit.document_id] = Utf16Map(project.document(hit.document_id).text)
    m = maps[hit.document_id]
    spans = [(h.start, h.end) for h in hit.highlights]
    return Result(
        hit.document_id,
        hit.document,
        hit.speaker,
        m.to_utf16(hit.start),
        m.to_utf16(hit.end),
        hit.snippet,
        cut(hit.snippet, hit.snippet_start, spans),
    )


def _redacted(hit: RedactedHit, m: Utf16Map) -> Result:
    doc = hit.document_id
    lo = hit.start
    if hit.highlights and hit.end - hit.start > SNIPPET_CHARS:  # centre on the first match
        lo = max(hit.start, min(hit.highlights[0][0] - SNIPPET_CHARS // 3, hit.end - SNIPPET_CHARS))
    snippet = hit.text[lo - hit.start : lo - hit.start + SNIPPET_CHARS]
    return Result(
        doc,
        Redactor.label(doc),
        hit.speaker,
        m.to_utf16(hit.start),
        m.to_utf16(hit.end),
        snippet,
        cut(snippet, lo, hit.highlights),
    )


def cut(snippet: str, base: int, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The snippet as (piece, matched) pieces; spans are document offsets."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for a, b in sorted(spans):
        a, b = max(a - base, pos), min(b - base, len(snippet))
        if a >= b:
            continue
        if a > pos:
            parts.append((snippet[pos:a], False))
        parts.append((snippet[a:b], True))
        pos = b
    if pos < len(snippet):
        parts.append((snippet[pos:], False))
    return parts


@router.get("/search")
async def search_page(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    q: Annotated[str, Query()] = "",
    mode: Annotated[str, Query()] = "keyword",
    lang: Annotated[str, Query()] = "",
) -> Response:
    originals = reads_originals(session)
    outcome, error, status = None, "", 200
    if q.strip():
        try:
            outcome = await anyio.to_thread.run_sync(
                lambda: run_search(project_of(request), q, mode, lang, originals)
            )
        except MoksoriError as exc:  # bad query syntax: the form again, with the reason
            error, status = str(exc), 400
    return render(
        request,
        "search.html",
        status_code=status,
        q=q,
        mode=mode,
        lang_filter=lang,
        modes=MODES,
        outcome=outcome,
        error=error,
        redacted=not originals,
    )


@router.get("/api/search")
async def search_api(
    request: Request,
    session: Annotated[Session, Depends(require("read"))],
    q: Annotated[str, Query()] = "",
    mode: Annotated[str, Query()] = "keyword",
    lang: Annotated[str, Query()] = "",
) -> JSONResponse:
    originals = reads_originals(session)
    outcome = await anyio.to_thread.run_sync(
        lambda: run_search(project_of(request), q, mode, lang, originals)
    )
    body: dict[str, Any] = {
        "results": [r.to_json() for r in outcome.results],
        "total": outcome.total,
        "redacted": outcome.redacted,
    }
    if outcome.note:
        body["note"] = outcome.note
    if outcome.unscanned:
        body["unscanned_documents"] = outcome.unscanned
    return JSONResponse(body)

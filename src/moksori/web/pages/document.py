"""One document: passages with coding highlights, memos, and its translation beside it;
and the writes made from it (codings, coding memos, memos).

Owners and coders read the stored text and code it. Viewers read the redacted
view only: text, speaker labels, titles and memos go through the
de-identification view, and a document never scanned for personal data is
refused to them rather than shown as stored.

Every write is one library use case (its own short transaction and audit
event, naming the signed-in account), so two coders coding at once both land.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from moksori.access.sessions import Session
from moksori.access.users import User
from moksori.bilingual.pairs import Pair
from moksori.coding.codebook import Code
from moksori.coding.coders import Coder
from moksori.coding.codings import Coding
from moksori.coding.memos import Memo
from moksori.errors import CodingError
from moksori.ingest.model import PASSAGE_KINDS
from moksori.project import Project
from moksori.protect.redact import RedactedView
from moksori.protect.share import Scrubber
from moksori.web.body import Json, is_whole
from moksori.web.context import Forbidden, project_of, render, require, wants_html
from moksori.web.document_pieces import (
    CodingIn,
    LinkIn,
    PassageIn,
    PassagePieces,
    attach_aligned,
    attach_by_passage,
    codings_json,
    colour_class,
    cover,
    split,
    through,
)
from moksori.web.offsets import Utf16Map

router = APIRouter()


@dataclass
class Translation:
    pair: Pair
    other_id: int
    other_title: str
    other_lang: str
    mode: str  # "sentences" (alignment links), "passages" (turn by turn) or "whole"
    other_rows: list[PassagePieces] = field(default_factory=list)  # for "whole"


@dataclass(frozen=True)
class SharedNote:
    """A passage this document shares with another (offsets of the text shown)."""

    start: int
    end: int
    other_id: int
    other_title: str
    repeat: bool  # this is the later copy: left out of search and counts


@dataclass
class DocumentPage:
    id: int
    title: str
    lang: str
    text: str
    redacted: bool
    rows: list[PassagePieces]
    codings: list[CodingIn]
    codings_json: list[dict[str, Any]]
    length16: int
    memos: list[Memo]  # on this document and on the project
    coding_memos: dict[int, list[Memo]]
    codes: list[Code]  # codable codes, for the coding popup
    translation: Translation | None
    shared: list[SharedNote] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "lang": self.lang,
            "length16": self.length16,
            "text": self.text,
            "passages": [v.to_json() for v in self.rows],
            "codings": self.codings_json,
        }


def _coder(project: Project, user: User) -> Coder | None:
    return project.coders.get(user.coder_id) if user.coder_id is not None else None


def _passages(segments: Any) -> list[PassageIn]:
    return [
        PassageIn(s.kind, s.speaker, s.start, s.end) for s in segments if s.kind in PASSAGE_KINDS
    ]


def _codings(
    project: Project, doc_id: int, viewer: Coder | None, paths: dict[int, str]
) -> list[CodingIn]:
    """Every coding of the document this user may see, in one query."""
    return [
        CodingIn(
            m.id, m.code_id, paths.get(m.code_id, "?"), m.colour, m.coder, m.start, m.end, m.memo
        )
        for m in project.codings.marks(doc_id, viewer)
    ]


def _is_scanned(project: Project, doc_id: int) -> bool:
    return doc_id not in set(project.deid.findings.unscanned_documents())


def load(project: Project, doc_id: int, user: User) -> DocumentPage:
    """Everything the page shows, in a handful of queries whatever the number of codings."""
    detail = project.document(doc_id)
    doc_id = detail.summary.id
    redacted = not user.can("code")
    if redacted and not _is_scanned(project, doc_id):
        raise Forbidden(
            "this document has not been checked for personal data yet; "
            "the owner must run a de-identification scan before viewers can read it"
        )
    tree = project.codebook.tree()
    paths = {c.id: c.path for c in tree}
    passages = _passages(detail.segments)
    codings = _codings(project, doc_id, _coder(project, user), paths)
    text, title = detail.text, detail.summary.label
    scrub = project.deid.scrubber() if redacted else None
    view = project.deid.views()(doc_id) if redacted else None
    if scrub is not None and view is not None:
        passages, codings = through(view.map_range, passages, codings, scrub, scrub.deep)
        text, title = view.text, scrub(title) or ""
    shared = []
    for span, other in detail.shared:
        start, end = view.map_range(span.start, span.end) if view else (span.start, span.end)
        label = (scrub(other) or "") if scrub is not None else other
        shared.append(SharedNote(start, end, span.other_document_id, label, span.repeat))
    u16 = Utf16Map(text)
    rows = split(text, cover(text, passages), codings, u16, [(n.start, n.end) for n in shared])
    memos = project.memos.list("document", doc_id) + project.memos.list("project")
    ids = {c.id for c in codings}
    coding_memos: dict[int, list[Memo]] = {}
    for m in project.memos.list("coding"):
        if m.target_id in ids:
            coding_memos.setdefault(int(m.target_id or 0), []).append(m)
    if scrub is not None:
        for m in memos + [m for ms in coding_memos.values() for m in ms]:
            m.title, m.text = scrub.deep(m.title) or "", scrub.deep(m.text) or ""
    for m in memos:  # a memo on a passage quotes it as the page shows the text
        if m.start is not None and m.end is not None and m.target_kind == "document":
            a, b = view.map_range(m.start, m.end) if view is not None else (m.start, m.end)
            m.quote = text[a:b]
    page = DocumentPage(
        id=doc_id,
        title=title,
        lang=detail.summary.lang,
        text=text,
        redacted=redacted,
        rows=rows,
        codings=codings,
        codings_json=codings_json(codings, u16),
        length16=u16.utf16_length,
        memos=memos,
        coding_memos=coding_memos,
        codes=[c for c in tree if c.codable],
        translation=None,
        shared=shared,
    )
    page.translation = _translation(project, page, scrub, view)
    return page


def _translation(
    project: Project, page: DocumentPage, scrub: Scrubber | None, this_view: RedactedView | None
) -> Translation | None:
    """The other side of the document's (first) translation pair, beside its passages."""
    pairs = project.pairs.of_document(page.id)
    if not pairs:
        return None
    pair = pairs[0]
    other_id = pair.other(page.id)
    if scrub is not None and not _is_scanned(project, other_id):
        return None  # never show an unchecked text to a viewer
    other = project.document(other_id)
    this_is_a = pair.original_id == page.id
    links = [
        LinkIn(x.a_start, x.a_end, x.b_start, x.b_end, x.confidence, x.manual)
        if this_is_a
        else LinkIn(x.b_start, x.b_end, x.a_start, x.a_end, x.confidence, x.manual)
        for x in project.alignments.links(pair.id)
    ]
    other_text, other_title = other.text, other.summary.label
    other_passages = _passages(other.segments)
    if scrub is not None and this_view is not None:
        other_view = project.deid.views()(other_id)
        links = [
            LinkIn(
                *this_view.map_range(x.this_start, x.this_end),
                *other_view.map_range(x.other_start, x.other_end),
                x.confidence,
                x.manual,
            )
            for x in links
        ]
        other_passages, _ = through(other_view.map_range, other_passages, [], scrub)
        other_text, other_title = other_view.text, scrub(other_title) or ""
    other_passages = cover(other_text, other_passages)
    found = Translation(pair, other_id, other_title, other.summary.lang, "sentences")
    if links:
        attach_aligned(page.rows, links, other_text)
    elif attach_by_passage(page.rows, other_passages, other_text):
        found.mode = "passages"
    else:
        found.mode = "whole"
        found.other_rows = split(other_text, other_passages, [], Utf16Map(other_text))
    return found


# --- reading ---------------------------------------------------------------------
@router.get("/documents/{doc_id}")
def document_page(
    request: Request, doc_id: int, session: Annotated[Session, Depends(require("read"))]
) -> Response:
    page = load(project_of(request), doc_id, session.user)
    if not wants_html(request):
        return JSONResponse(page.to_json())
    colours = {c.id: (c.colour or "") for c in page.codes}
    return render(
        request,
        "document.html",
        page=page,
        can_code=session.user.can("code"),
        me=session.user,
        colours=colours,
        colour_class=colour_class,
    )


@router.get("/api/documents/{doc_id}")
def document_json(
    request: Request, doc_id: int, session: Annotated[Session, Depends(require("read"))]
) -> JSONResponse:
    return JSONResponse(load(project_of(request), doc_id, session.user).to_json())


# --- writing ---------------------------------------------------------------------
def _int(body: dict[str, Any], key: str) -> int:
    value = body.get(key)
    if not is_whole(value):
        raise CodingError(f"{key!r} must be a whole number")
    return value


def _text(body: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            raise CodingError(f"{key!r} is missing")
        return None
    if not isinstance(value, str):
        raise CodingError(f"{key!r} must be text")
    return value


def _coder_of(session: Session) -> int:
    if session.user.coder_id is None:
        raise Forbidden("this account codes as no coder; ask the owner")
    return session.user.coder_id


@router.post("/api/codings", status_code=201)
def add_coding(
    request: Request, body: Json, session: Annotated[Session, Depends(require("code"))]
) -> JSONResponse:
    """Code a selection; the browser's UTF-16 offsets become code points here."""
    project = project_of(request)
    doc_id = _int(body, "document_id")
    start16, end16 = _int(body, "start16"), _int(body, "end16")
    code = body.get("code")
    if isinstance(code, bool) or not isinstance(code, (int, str)) or str(code).strip() == "":
        raise CodingError("'code' must be a code id or name")
    memo = _text(body, "memo")
    coder_id = _coder_of(session)
    u16 = Utf16Map(project.codings.text_of(doc_id))
    start, end = u16.from_utf16(start16), u16.from_utf16(end16)
    if end <= start:
        raise CodingError("select some text to code (the selection is empty)")
    coding = project.codings.apply(
        code, doc_id, start, end, coder=str(coder_id), memo=(memo or "").strip() or None
    )
    path = project.codebook.get(coding.code_id).path
    coder = project.coders.get(coding.coder_id).name
    return JSONResponse(
        {
            "id": coding.id,
            "code_id": coding.code_id,
            "code": path,
            "start": coding.start,
            "end": coding.end,
            "start16": u16.to_utf16(coding.start),
            "end16": u16.to_utf16(coding.end),
            "coder": coder,
        },
        status_code=201,
    )


def _own_coding(project: Project, coding_id: int, session: Session) -> Coding:
    coding = project.codings.get(coding_id)
    if session.user.role != "owner" and coding.coder_id != session.user.coder_id:
        raise Forbidden("only the owner or the coder who made a coding may change it")
    return coding


@router.delete("/api/codings/{coding_id}")
def delete_coding(
    request: Request, coding_id: int, session: Annotated[Session, Depends(require("code"))]
) -> JSONResponse:
    project = project_of(request)
    _own_coding(project, coding_id, session)
    project.codings.remove(coding_id)
    return JSONResponse({"deleted": coding_id})


@router.post("/api/codings/{coding_id}/memo")
def coding_memo(
    request: Request,
    coding_id: int,
    body: Json,
    session: Annotated[Session, Depends(require("code"))],
) -> JSONResponse:
    project = project_of(request)
    memo = (_text(body, "memo") or "").strip() or None
    _own_coding(project, coding_id, session)
    coding = project.codings.set_memo(coding_id, memo)
    return JSONResponse({"id": coding.id, "memo": coding.memo})


@router.post("/api/memos", status_code=201)
def add_memo(
    request: Request, body: Json, session: Annotated[Session, Depends(require("code"))]
) -> JSONResponse:
    project = project_of(request)
    kind = _text(body, "target_kind", required=True) or ""
    target = body.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, (int, str))):
        raise CodingError("'target' must be an id or a name")
    text = _text(body, "text", required=True) or ""
    title = _text(body, "title") or ""
    coder_id = _coder_of(session)
    span: tuple[int, int] | None = None
    if body.get("start16") is not None or body.get("end16") is not None:
        # a memo on a passage: the browser's UTF-16 selection, as for a coding
        if kind != "document" or isinstance(target, bool) or not isinstance(target, int):
            raise CodingError("a memo on a passage needs the document's id as 'target'")
        u16 = Utf16Map(project.codings.text_of(target))
        span = u16.from_utf16(_int(body, "start16")), u16.from_utf16(_int(body, "end16"))
    memo = project.memos.add(
        kind,
        None if kind == "project" else target,
        text,
        title=title,
        author=str(coder_id),
        span=span,
    )
    return JSONResponse(memo.to_json(), status_code=201)

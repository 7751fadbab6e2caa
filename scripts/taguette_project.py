#!/usr/bin/env python3
"""Drive an installed Taguette (1.5.2) to make real fixtures for moksori's Taguette import.

Run it with the interpreter of the side venv that holds Taguette (``.venv-taguette``,
made by ``python3 tasks.py test``), never with moksori's own venv:

    .venv-taguette/bin/python scripts/taguette_project.py project OUT.sqlite3 OUT.json
    .venv-taguette/bin/python scripts/taguette_project.py codebook CODEBOOK_FILE OUT.json

``project`` writes a Taguette project database the way the Taguette server does
it: its own schema creation (``taguette.database.connect``), its own HTML
conversion of uploaded documents (``convert.to_html_chunks``), tags, and
highlights whose snippets come from ``extract.extract``. The JSON sidecar holds,
for every highlight, the plain text it covers (computed here with Taguette's own
HTML parser, html5lib), so a test can check moksori's position conversion
independently of moksori's code.

``codebook`` feeds a codebook file to Taguette's codebook import
(``import_codebook.list_tags``), inserts the tags as the server's import form
does, and reports what Taguette created, or the error Taguette gave.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import unicodedata

from bs4 import BeautifulSoup, NavigableString
from taguette import convert, database, extract, import_codebook, validate

CONFIG = {"CONVERT_TO_HTML_TIMEOUT": 60, "CONVERT_FROM_HTML_TIMEOUT": 60}

# Fictional interviews. Uploaded as .html, which Taguette converts with its own
# get_html_body() (no Calibre needed). Each document exercises something: entities,
# inline tags, <br>, multi-byte Korean, 4-byte emoji, a highlight across paragraphs.
DOCUMENTS = [
    (
        "면담 01 김순희",
        "첫 면담 (fictional)",
        "interview01.html",
        '<html><head><meta charset="utf-8"><title>x</title><style>p {}</style></head><body>\n'
        "<p>면담자: 언제 강을 건넜어요?</p>\n"
        "<p>김순희: 2011년 겨울에 <b>두만강을 건넜습니다</b> 😢. 너무 추웠어요.</p>\n"
        "<p>면담자: 누구와 함께 &amp; 어떻게?</p>\n"
        "<p>김순희: 오빠와 함께, 밤에 🌙 건넜어요.<br>그 뒤로 중국에서 3년 살았어요.</p>\n"
        "</body></html>",
    ),
    (
        "Interview 02 Lee",
        "second interview",
        "interview02.html",
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<p>Interviewer: How did you cross? 🙂</p>\n"
        "<p>Lee: At night 🌙, with my <em>brother</em> &amp; a broker.</p>\n"
        "<p>Lee: 우리 가족은 아직 북에 있어요 — my family is still there.</p>\n"
        "<p>Interviewer: Do you call them?</p>\n"
        "<p>Lee: Once a year, through a broker in 延吉 (Yanji).</p>\n"
        "</body></html>",
    ),
    (
        "Interview 03 박",
        "",
        "interview03.html",
        '<meta charset="utf-8"><p>박: 서울에 온 지 5년 됐어요 👍.</p>'
        "<p>박: 처음엔 말이 달라서 힘들었어요.</p>",  # no newline between paragraphs,
    ),
]

TAGS = [
    ("journey", "Leaving and travelling; 여정"),
    ("journey.crossing", "강을 건너는 순간 (the crossing itself)"),
    ("journey.china", "Time spent in China"),
    ("family", "가족 관계 — family ties"),
    ("emotion", "Feelings named by the speaker 😢"),
]

# (document index, quoted text as moksori should show it, tag paths, coder); a
# quote may cross paragraph and <br> boundaries.
HIGHLIGHTS = [
    (0, "두만강을 건넜습니다 😢", ["journey.crossing", "emotion"], "admin"),
    (0, "오빠와 함께", ["family"], "admin"),
    (0, "밤에 🌙 건넜어요.\n그 뒤로", ["journey.crossing"], "coder_b"),
    (0, "중국에서 3년 살았어요", ["journey.china"], "coder_b"),
    (1, "At night 🌙, with my brother & a broker.", ["journey.crossing"], "admin"),
    (1, "우리 가족은 아직 북에 있어요 — my family", ["family"], "coder_b"),
    (1, "Do you call them?\nLee: Once a year", ["family", "journey"], "admin"),
    (1, "延吉 (Yanji)", [], "admin"),
    (2, "말이 달라서 힘들었어요", ["emotion"], "admin"),
    (2, "5년 됐어요 👍.\n박: 처음엔", ["journey"], "coder_b"),
]


def text_content(html: str) -> str:
    """The text the browser and extract.find_pos() count: every text node, in order."""
    soup = BeautifulSoup(html, "html5lib")
    return "".join(str(s) for s in soup.descendants if isinstance(s, NavigableString))


def connect(path: str):  # type: ignore[no-untyped-def]
    return database.connect("sqlite:///" + os.path.abspath(path))()


def add_users(db) -> None:  # type: ignore[no-untyped-def]
    for login in ("admin", "coder_b"):
        db.add(database.User(login=login))
    db.commit()


def new_project(db, name: str, description: str):  # type: ignore[no-untyped-def]
    """As views.ProjectAdd.post: the project, its admin, the default tag."""
    validate.project_name(name)
    project = database.Project(name=name, description=description)
    db.add(project)
    db.add(
        database.ProjectMember(
            project=project, user_login="admin", privileges=database.Privileges.ADMIN
        )
    )
    db.add(database.Tag(project=project, path="interesting", description="Further review required"))
    db.commit()
    return project


def make_project(out_db: str, out_json: str) -> None:
    db = connect(out_db)
    add_users(db)
    project = new_project(db, "탈북 면담 study", "Fictional interviews 🙂")
    db.add(
        database.ProjectMember(
            project=project, user_login="coder_b", privileges=database.Privileges.TAG
        )
    )
    db.commit()
    docs = []
    for name, description, filename, body in DOCUMENTS:  # as api.DocumentAdd.post
        validate.document_name(name)
        html = asyncio.run(
            convert.to_html_chunks(body.encode("utf-8"), "text/html", filename, CONFIG)
        )
        doc = database.Document(
            name=name,
            description=description,
            filename=validate.fix_filename(filename),
            project=project,
            text_direction=database.TextDirection.LEFT_TO_RIGHT,
            contents=html,
        )
        db.add(doc)
        db.flush()
        db.add(database.Command.document_add("admin", doc))
        db.commit()
        docs.append(doc)
    tags = {}
    for path, description in TAGS:  # as api.TagAdd.post
        validate.tag_path(path)
        tag = database.Tag(project=project, path=path, description=description)
        db.add(tag)
        db.flush()
        db.add(database.Command.tag_add("admin", tag))
        db.commit()
        tags[path] = tag
    expected = []
    for index, quote, tag_paths, coder in HIGHLIGHTS:  # as api.HighlightAdd.post
        doc = docs[index]
        content = text_content(doc.contents)
        # A line break in the quote is a paragraph or <br> boundary: in the text
        # content it is the HTML source's newline, or nothing at all.
        found = quote if quote in content else quote.replace("\n", "")
        at = content.index(found)
        start = len(content[:at].encode("utf-8"))
        end = start + len(found.encode("utf-8"))
        snippet = extract.extract(doc.contents, start, end)
        if text_content(snippet) != found:  # Taguette itself must agree on the positions
            sys.exit(f"Taguette extracts {text_content(snippet)!r}, not {found!r}")
        hl = database.Highlight(document=doc, start_offset=start, end_offset=end, snippet=snippet)
        db.add(hl)
        db.flush()
        ids = sorted(tags[p].id for p in tag_paths)
        if ids:
            db.execute(
                database.highlight_tags.insert(),
                [{"highlight_id": hl.id, "tag_id": t} for t in ids],
            )
        db.add(database.Command.highlight_add(coder, doc, hl, ids))
        db.commit()
        expected.append(
            {
                "highlight_id": hl.id,
                "document": doc.name,
                "start_offset": start,
                "end_offset": end,
                "text": unicodedata.normalize("NFC", quote),
                "taguette_text": found,
                "tags": sorted(tag_paths),
                "coder": coder,
            }
        )
    sidecar = {
        "project": project.name,
        "documents": [
            {
                "name": d.name,
                "description": d.description,
                "text_content": unicodedata.normalize("NFC", text_content(d.contents)),
            }
            for d in docs
        ],
        "tags": [
            {"path": t.path, "description": t.description}
            for t in db.query(database.Tag).order_by(database.Tag.id)
        ],
        "highlights": expected,
    }
    db.close()
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(sidecar, f, ensure_ascii=False, indent=1)


def import_a_codebook(codebook: str, out_json: str) -> None:
    """As views.ImportCodebook.post: list_tags() on the upload, then insert every tag."""
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(os.path.join(tmp, "taguette.sqlite3"))
        add_users(db)
        project = new_project(db, "codebook import", "")
        try:
            with open(codebook, "rb") as f:
                listed = import_codebook.list_tags(f)
        except import_codebook.InvalidCodebook as e:
            row = f" (row {e.row})" if e.row is not None else ""
            result = {"accepted": False, "error": e.message + row, "tags": []}
        else:
            existing = {t.path: t for t in project.tags}
            for item in listed:
                validate.tag_path(item["path"])
                validate.description(item["description"])
                tag = existing.get(item["path"])
                if tag is None:
                    tag = database.Tag(project_id=project.id, path=item["path"], description="")
                    db.add(tag)
                    existing[item["path"]] = tag
                tag.description = item["description"]
            db.flush()
            for tag in existing.values():
                db.add(database.Command.tag_add("admin", tag))
            db.commit()
            rows = db.query(database.Tag).filter(database.Tag.project_id == project.id)
            result = {
                "accepted": True,
                "error": None,
                "tags": [
                    {"path": t.path, "description": t.description}
                    for t in rows.order_by(database.Tag.id)
                    if t.path != "interesting"
                ],
            }
        db.close()
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)


def main() -> None:
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "project":
        make_project(args[1], args[2])
    elif len(args) == 3 and args[0] == "codebook":
        import_a_codebook(args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

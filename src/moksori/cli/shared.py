"""`moksori shared`: long passages two documents share (an article on two NGO pages)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out


def register(app: typer.Typer) -> None:
    app.command("shared")(shared)


@handle_errors
def shared(
    project: ProjectArg,
    rescan: Annotated[
        bool,
        typer.Option(
            "--rescan",
            help="Compare every document again, in the order added (projects from before "
            "schema 11 were never compared). Links already there are kept.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List the long passages documents share: where each later copy is, and the earlier
    copy it repeats (the later one is left out of search and counts)."""
    with open_project(project) as p:
        if rescan:
            scanned, found = p.sources.rescan_shared()
            err.print(f"compared {scanned} document(s): {found} new shared passage(s)")
        rows: list[dict[str, Any]] = [
            {
                "document": label,
                "document_id": doc_id,
                **span.to_json(),
                "other_document": other,
                "chars": span.end - span.start,
            }
            for label, doc_id, span, other in p.shared_passages()
        ]
    if as_json:
        emit_json({"shared_passages": rows})
        return
    if not rows:
        err.print("no long passages shared between documents")
        return
    for r in rows:
        out.print(
            f"{render.escape(r['document'])} {r['start']}–{r['end']} ({r['chars']} chars) "
            f"repeats {render.escape(r['other_document'])} {r['other_start']}–{r['other_end']}"
        )
    err.print(f"{len(rows)} shared passage(s); later copies are left out of search and counts")

"""`moksori deid status | findings | groups | review | grant | revoke | mark | show`: proposals.

Review per entity: ``deid groups`` lists findings grouped per person, place or
written form (opaque group ids, no text unless --show-text), and
``deid review accept --group ID`` decides a whole group at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, handle_errors, open_project, out
from moksori.cli.vault import opened_vault
from moksori.errors import DeidError

if TYPE_CHECKING:
    from moksori.project import Project
    from moksori.protect.deid import ReviewReport
    from moksori.protect.findings import Selector


TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="person, place, phone, …")]
DetectorOpt = Annotated[list[str] | None, typer.Option("--detector", help="e.g. korean_names")]
DocOpt = Annotated[list[str] | None, typer.Option("--doc", help="Document id, title or file.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Exactly this matched string.")]
IdOpt = Annotated[list[int] | None, typer.Option("--id", help="Finding id(s).")]
GroupOpt = Annotated[
    list[str] | None,
    typer.Option("--group", help="Group id(s) from moksori deid groups (e.g. e3, f120)."),
]
MinOpt = Annotated[float | None, typer.Option("--min-confidence")]
MaxOpt = Annotated[float | None, typer.Option("--max-confidence")]
CONTEXT = 30


def register(deid_app: typer.Typer) -> None:
    deid_app.command("status")(status)
    deid_app.command("findings")(findings)
    deid_app.command("groups")(groups)
    deid_app.command("review")(review)
    deid_app.command("grant")(grant)
    deid_app.command("revoke")(revoke)
    deid_app.command("mark")(mark)
    deid_app.command("show")(show)


@handle_errors
def status(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """How many findings of each type are proposed, accepted and rejected."""
    with open_project(project) as p:
        counts = p.deid.findings.counts()
        unscanned = p.deid.findings.unscanned_documents()
        unreviewed = p.deid.findings.unreviewed()
    if as_json:
        emit_json({"types": counts, "unreviewed": unreviewed, "unscanned_documents": unscanned})
        return
    table = Table("type", "proposed", "accepted", "rejected")
    for c in counts:
        table.add_row(c["type"], str(c["proposed"]), str(c["accepted"]), str(c["rejected"]))
    out.print(table)
    out.print(f"{unreviewed} finding(s) await review; {len(unscanned)} document(s) not scanned")


def _selector(
    p: Project,
    ids: IdOpt,
    type_: TypeOpt,
    detector: DetectorOpt,
    doc: DocOpt,
    text: TextOpt,
    min_c: MinOpt,
    max_c: MaxOpt,
    state: str | None,
) -> Selector:
    from moksori.protect.findings import Selector  # lazy: start-up

    return Selector(
        ids=ids or [],
        status=state,
        types=type_ or [],
        detectors=detector or [],
        documents=[p.resolve_document(d) for d in doc] if doc else [],
        text=text,
        min_confidence=min_c,
        max_confidence=max_c,
    )


@handle_errors
def findings(
    project: ProjectArg,
    state: Annotated[
        str | None, typer.Option("--status", help="proposed, accepted, rejected")
    ] = None,
    type_: TypeOpt = None,
    detector: DetectorOpt = None,
    doc: DocOpt = None,
    text: TextOpt = None,
    min_confidence: MinOpt = None,
    max_confidence: MaxOpt = None,
    group: GroupOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
    as_json: JsonOpt = False,
) -> None:
    """List findings with their text in context, for review (this shows personal data)."""
    from moksori.protect.groups import resolve  # lazy: start-up

    with open_project(project) as p:
        ids = (
            [i for g in resolve(p.deid.groups(status=None), group) for i in g.findings]
            if group
            else None
        )
        sel = _selector(p, ids, type_, detector, doc, text, min_confidence, max_confidence, state)
        rows = p.deid.findings.select(sel, limit=limit)
        texts = p.deid.findings.texts_of({f.document_id for f in rows})
    if as_json:
        emit_json([f.to_json() | {"text": texts[f.document_id][f.start : f.end]} for f in rows])
        return
    table = Table("id", "doc", "type", "conf", "detector", "status", "in context")
    for f in rows:
        t = texts[f.document_id]
        before = t[max(0, f.start - CONTEXT) : f.start].replace("\n", " ")
        after = t[f.end : f.end + CONTEXT].replace("\n", " ")
        ctx = (
            f"{render.escape(before)}[bold reverse]{render.escape(t[f.start : f.end])}[/]"
            f"{render.escape(after)}"
        )
        table.add_row(
            str(f.id), str(f.document_id), f.type, f"{f.confidence:.2f}", f.detector, f.status, ctx
        )
    out.print(table)


@handle_errors
def groups(
    project: ProjectArg,
    state: Annotated[
        str,
        typer.Option(
            "--status", help="Groups with a finding proposed, accepted, rejected, or all."
        ),
    ] = "proposed",
    type_: TypeOpt = None,
    show_text: Annotated[
        bool,
        typer.Option("--show-text", help="Also print each group's written forms (personal data)."),
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many groups.")] = 500,
    as_json: JsonOpt = False,
) -> None:
    """Findings grouped per person, place or written form: decide each group at once.

    Biggest group first, low-confidence ones included (recall depends on them).
    Decide with: moksori deid review accept|reject --group ID.
    """
    with open_project(project) as p:
        chosen = p.deid.groups(
            status=None if state == "all" else state, types=type_ or [], with_text=show_text
        )
        total = len(chosen)
        chosen = chosen[:limit]
    if as_json:
        emit_json({"groups": [g.to_json() for g in chosen], "total": total})
        return
    columns = ["#", "group", "type", "pseudonym", "findings", "docs", "open/acc/rej", "conf"]
    table = Table(*columns, "detectors", *(["forms"] if show_text else []))
    for n, g in enumerate(chosen, 1):
        row = [
            str(n),
            g.id,
            g.type,
            render.escape(g.pseudonym or "-"),
            str(g.size),
            str(g.documents),
            f"{g.proposed}/{g.accepted}/{g.rejected}",
            f"{g.mean_confidence:.2f} (min {g.min_confidence:.2f})",
            ", ".join(f"{d} {c}" for d, c in g.detectors.items()),
        ]
        if show_text:
            row.append(render.escape(" | ".join(g.texts)))
        table.add_row(*row)
    out.print(table)
    out.print(f"{total} group(s); decide one with: moksori deid review accept|reject --group ID")


@handle_errors
def review(
    project: ProjectArg,
    decision: Annotated[str, typer.Argument(help="accept or reject")],
    ids: IdOpt = None,
    group: GroupOpt = None,
    type_: TypeOpt = None,
    detector: DetectorOpt = None,
    doc: DocOpt = None,
    text: TextOpt = None,
    min_confidence: MinOpt = None,
    max_confidence: MaxOpt = None,
    every: Annotated[bool, typer.Option("--all", help="Every finding still proposed.")] = False,
    again: Annotated[bool, typer.Option("--again", help="Also change decided findings.")] = False,
    vault_path: Annotated[str | None, typer.Option("--vault", help="The vault file.")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Who reviews.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Accept or reject findings one by one (--id), per group (--group) or in bulk.

    Accepting also proposes the accepted names and places at their other
    mentions in the project (accepted with them for --group and bulk choices).
    """
    from moksori.protect.groups import resolve  # lazy: start-up

    status = {"accept": "accepted", "reject": "rejected"}.get(decision)
    if status is None:
        raise DeidError("say accept or reject")
    if group:
        if ids or type_ or detector or doc or text or every:
            raise DeidError("--group decides whole groups; do not mix it with other choices")
        with open_project(project, coder) as p:
            needs_vault = status == "accepted" and any(
                g.type == "person" and g.entity_id is None and (g.proposed or again)
                for g in resolve(p.deid.groups(status=None), group)
            )
            with opened_vault(
                p, Path(vault_path) if vault_path else None, required=needs_vault
            ) as v:
                report = p.deid.decide_groups(group, status, vault=v, actor=coder, again=again)
        _print_review(report, as_json)
        return
    if not (
        ids
        or type_
        or detector
        or doc
        or text
        or min_confidence is not None
        or max_confidence is not None
        or every
    ):
        raise DeidError(
            "choose findings (--id, --type, --detector, --doc, --text, confidence) or --all"
        )
    with open_project(project, coder) as p:
        sel = _selector(
            p,
            ids,
            type_,
            detector,
            doc,
            text,
            min_confidence,
            max_confidence,
            None if (again or ids) else "proposed",
        )
        needs_vault = status == "accepted" and any(
            f.type == "person" and f.entity_id is None for f in p.deid.findings.select(sel)
        )
        with opened_vault(p, Path(vault_path) if vault_path else None, required=needs_vault) as v:
            report = p.deid.review(sel, status, vault=v, actor=coder)
    _print_review(report, as_json)


def _print_review(report: ReviewReport, as_json: bool) -> None:
    if as_json:
        emit_json(report.to_json())
        return
    extra = f"; {report.entities_created} new pseudonym(s)" if report.entities_created else ""
    if report.proposed:
        extra += f"; {report.proposed} other mention(s) proposed for review"
    out.print(f"{report.status} {report.changed} finding(s){extra}")


@handle_errors
def grant(
    project: ProjectArg,
    coder_name: Annotated[str, typer.Argument(metavar="CODER", help="The coder to trust.")],
    by: Annotated[str | None, typer.Option("--coder", help="The owner granting it.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Let a coder accept and reject findings (redaction decisions are the owner's)."""
    _change_grant(project, coder_name, by, as_json, give=True)


@handle_errors
def revoke(
    project: ProjectArg,
    coder_name: Annotated[str, typer.Argument(metavar="CODER", help="The coder.")],
    by: Annotated[str | None, typer.Option("--coder", help="The owner revoking it.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Take back a coder's right to decide redactions."""
    _change_grant(project, coder_name, by, as_json, give=False)


def _change_grant(project: Path, name: str, by: str | None, as_json: bool, *, give: bool) -> None:
    with open_project(project, by) as p:
        reviewers = p.deid.reviewers
        names = reviewers.grant(name, by=by) if give else reviewers.revoke(name, by=by)
    if as_json:
        emit_json({"reviewers": names})
    else:
        now = "now" if give else "no longer"
        out.print(f"{render.escape(name)} may {now} decide redactions (audited)")


@handle_errors
def mark(
    project: ProjectArg,
    doc: Annotated[str, typer.Option("--doc", help="The document.")],
    start: Annotated[int, typer.Option(help="First code point.")],
    end: Annotated[int, typer.Option(help="Code point after the last.")],
    type_: Annotated[str, typer.Option("--type", help="person, place, phone, …")],
    coder: Annotated[str | None, typer.Option("--coder")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Mark personal data a detector missed (accepted at once)."""
    with open_project(project, coder) as p:
        f = p.deid.mark(p.resolve_document(doc), start, end, type_, actor=coder)
    if as_json:
        emit_json(f.to_json())
    else:
        out.print(f"finding {f.id} ({f.type}) accepted")


@handle_errors
def show(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id, title or file.")],
    accepted_only: Annotated[
        bool, typer.Option("--accepted-only", help="Redact only accepted findings.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Print a document as the redacted view shows it (proposals redacted too, by default)."""
    with open_project(project) as p:
        doc_id = p.resolve_document(doc)
        view = p.deid.views(include_proposed=not accepted_only)(doc_id)
    if as_json:
        emit_json(
            {
                "document": doc_id,
                "text": view.text,
                "replacements": [r.__dict__ for r in view.replacements],
            }
        )
    else:
        out.print(render.escape(view.text))

"""`moksori deid export | share`: redacted documents and the shareable analysis copy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.cli.passphrase import get_passphrase, get_share_passphrase
from moksori.cli.vault import opened_vault
from moksori.errors import DeidError

# protect.export.FORMATS, written out so that `moksori deid --help` loads no redaction
# module (start-up); tests/cli/test_startup.py checks that the two agree.
FORMATS = ("txt", "docx", "html")

UnreviewedOpt = Annotated[
    bool,
    typer.Option(
        "--unreviewed-ok", help="Export although findings await review (they are redacted)."
    ),
]


def register(deid_app: typer.Typer) -> None:
    deid_app.command("export")(export)
    deid_app.command("share")(share)


@handle_errors
def export(
    project: ProjectArg,
    out_dir: Annotated[Path, typer.Argument(help="Folder for the redacted files.")],
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "txt",
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only these documents.")] = None,
    unreviewed_ok: UnreviewedOpt = False,
    coder: Annotated[str | None, typer.Option("--coder", help="Who exports (audit).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write redacted documents (txt, docx or html); refuses while findings await review."""
    with open_project(project, coder) as p:
        p.deid.require_reviewed(unreviewed_ok)
        ids = [p.resolve_document(d) for d in doc] if doc else sorted(d.id for d in p.documents())
        unreviewed = p.deid.findings.unreviewed()
        report = p.deid.publishing.export(ids, out_dir, fmt, unreviewed=unreviewed)
    if as_json:
        emit_json(report.to_json())
    else:
        out.print(
            f"wrote {len(report.files)} redacted {fmt} file(s) to {render.escape(str(out_dir))} "
            f"({report.replacements} replacements)"
        )


@handle_errors
def share(
    project: ProjectArg,
    out_file: Annotated[Path, typer.Argument(help="The new, redacted project file.")],
    unreviewed_ok: UnreviewedOpt = False,
    vault: Annotated[Path | None, typer.Option("--vault", help="The vault file.")] = None,
    withhold: Annotated[
        list[str] | None,
        typer.Option(
            "--withhold", metavar="ATTRIBUTE", help="Leave this case attribute out (repeat)."
        ),
    ] = None,
    generalise: Annotated[
        list[str] | None,
        typer.Option(
            "--generalise",
            metavar="ATTRIBUTE=LEVEL",
            help="Coarsen a case attribute, e.g. age='10-year band', hometown=region "
            "(levels: moksori deid risk).",
        ),
    ] = None,
    accept_risk: Annotated[
        bool,
        typer.Option(
            "--accept-risk",
            help="Share although the case attributes fall below the project's k "
            "(recorded in the audit trail).",
        ),
    ] = False,
    coder: Annotated[str | None, typer.Option("--coder", help="Who shares (audit).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a redacted copy to share without the vault: it reveals no one.

    Refused while the case attributes it would publish let a participant be
    picked out (k below the project's threshold, see deid threshold).
    """
    from moksori.protect.publishing import ShareOptions  # lazy: start-up

    rules: dict[str, str] = {}
    for spec in generalise or []:
        name, sep, level = spec.partition("=")
        if not sep or not name.strip() or not level.strip():
            raise DeidError(f"--generalise wants ATTRIBUTE=LEVEL, not {spec!r}")
        rules[name.strip()] = level.strip()
    options = ShareOptions(withhold or [], rules, accept_risk, coder)
    with open_project(project, coder) as p:
        p.deid.require_reviewed(unreviewed_ok)
        secret = get_share_passphrase()
        if secret == get_passphrase():
            raise DeidError("give the shared copy its own passphrase, not the project's")
        with opened_vault(p, vault, required=False) as v:
            if v is None:
                err.print("[yellow]no vault[/yellow]: names are scrubbed from findings only")
            report = p.deid.publishing.share(out_file, secret, v, options)
    if as_json:
        emit_json(report.to_json())
        return
    scrubbed = ", ".join(f"{n} {t}" for t, n in report.scrubbed.items()) or "nothing"
    out.print(
        f"wrote {render.escape(str(out_file))}: {report.documents} documents, "
        f"{report.codings} codings ({report.codings_dropped} fell inside removed text), "
        f"{report.memos} memos; scrubbed from the text around them: {scrubbed}"
    )
    attrs = report.attributes
    if attrs.get("k") is not None:
        out.print(
            f"case attributes: k = {attrs['k']} (threshold {attrs['threshold']}) over "
            + render.escape(", ".join(attrs["quasi_identifiers"]))
        )
    if report.accepted_risk:
        err.print("[yellow]risk accepted[/yellow]: k is below the threshold (audited)")

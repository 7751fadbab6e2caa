"""`moksori deid …`: the vault, known names, scanning, entities and policies.

Review and exports are in :mod:`moksori.cli.deid_review` and
:mod:`moksori.cli.deid_export`; the re-identification risk in
:mod:`moksori.cli.deid_risk`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from moksori.cli import deid_export, deid_review, deid_risk, render
from moksori.cli.common import (
    JsonOpt,
    ProjectArg,
    emit_json,
    err,
    handle_errors,
    open_project,
    out,
)
from moksori.cli.passphrase import get_passphrase, get_vault_passphrase
from moksori.cli.vault import VaultOpt, opened_vault, vault_path
from moksori.errors import DeidError, VaultError

deid_app = typer.Typer(
    help="De-identification: find personal data, review it, pseudonymise, redact, measure risk.",
    no_args_is_help=True,
)
vault_app = typer.Typer(help="The key vault: real names live only here.", no_args_is_help=True)
names_app = typer.Typer(help="The known-names list (kept in the vault).", no_args_is_help=True)
deid_app.add_typer(vault_app, name="vault")
deid_app.add_typer(names_app, name="names")

ActorOpt = Annotated[str | None, typer.Option("--coder", help="Who does this (for the audit).")]


def register(app: typer.Typer) -> None:
    deid_review.register(deid_app)
    deid_export.register(deid_app)
    deid_risk.register(deid_app)
    app.add_typer(deid_app, name="deid")


# --- vault -----------------------------------------------------------------------
@vault_app.command("init")
@handle_errors
def vault_init(project: ProjectArg, vault: VaultOpt = None) -> None:
    """Create the project's vault, with a passphrase of its own."""
    with open_project(project) as p:
        path = vault_path(project, vault)
        secret = get_vault_passphrase(confirm=True)
        if secret == get_passphrase():
            raise VaultError("the vault needs its own passphrase, not the project's")
        p.deid.create_vault(path, secret).close()
    out.print(f"created vault {render.escape(str(path))}; keep it apart from the project")


@vault_app.command("check")
@handle_errors
def vault_check(project: ProjectArg, vault: VaultOpt = None, as_json: JsonOpt = False) -> None:
    """Open the vault and check that it belongs to this project."""
    with open_project(project) as p, opened_vault(p, vault) as v:
        assert v is not None
        people = v.people()
        data = {
            "vault": str(v.path),
            "people": len(people),
            "known": sum(1 for x in people if x.known),
            "aliases": sum(len(x.aliases) for x in people),
        }
    if as_json:
        emit_json(data)
    else:
        out.print(
            f"vault ok: {data['people']} people ({data['known']} from the known-names list), "
            f"{data['aliases']} names"
        )


# --- known names -------------------------------------------------------------------
@names_app.command("add")
@handle_errors
def names_add(
    project: ProjectArg,
    names: Annotated[
        list[str], typer.Argument(help="Every name of one person: 지민 'Ji Min' Jimin")
    ],
    pseudonym: Annotated[str | None, typer.Option(help="Their pseudonym, e.g. Youngmi.")] = None,
    pseudonym_ko: Annotated[str | None, typer.Option(help="The Korean form, e.g. 영미.")] = None,
    vault: VaultOpt = None,
) -> None:
    """Add one person to the known-names list; found literally in every document."""
    with open_project(project) as p, opened_vault(p, vault) as v:
        assert v is not None
        e = p.deid.add_known(names, v, pseudonym=pseudonym, pseudonym_ko=pseudonym_ko)
    out.print(f"known person → entity {e.id} ({render.escape(e.pseudonym)}), {len(names)} name(s)")


@names_app.command("import")
@handle_errors
def names_import(
    project: ProjectArg,
    file: Annotated[Path, typer.Argument(help="One person per line: 지민 = Ji Min -> Youngmi")],
    vault: VaultOpt = None,
) -> None:
    """Import a known-names list (all or nothing; errors name the line)."""
    from moksori.protect.deid import parse_known_names  # lazy: start-up

    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise VaultError(f"cannot read {file}: {exc.strerror}") from None
    entries = parse_known_names(text)
    with open_project(project) as p, opened_vault(p, vault) as v:
        assert v is not None
        entities = p.deid.add_known_many(entries, v)
    out.print(f"imported {len(entities)} known people from {render.escape(file.name)}")


@names_app.command("list")
@handle_errors
def names_list(
    project: ProjectArg, vault: VaultOpt = None, coder: ActorOpt = None, as_json: JsonOpt = False
) -> None:
    """Show every known person with their real names (written to the audit log)."""
    with open_project(project, coder) as p, opened_vault(p, vault) as v:
        assert v is not None
        rows: list[dict[str, Any]] = []
        for person in v.known():
            entity = p.deid.entities.find(person.entity_guid)
            names = p.deid.reveal(entity.id, v, coder) if entity else list(person.aliases)
            rows.append(
                {
                    "entity": entity.id if entity else None,
                    "pseudonym": entity.pseudonym if entity else None,
                    "names": names,
                }
            )
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        out.print(
            f"{r['entity']}\t{render.escape(str(r['pseudonym']))}\t"
            + render.escape(" = ".join(str(n) for n in r["names"] or []))
        )


# --- scan ------------------------------------------------------------------------------
@deid_app.command()
@handle_errors
def scan(
    project: ProjectArg,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only these documents.")] = None,
    rescan: Annotated[bool, typer.Option(help="Scan documents scanned before, too.")] = False,
    vault: VaultOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Find personal data in every document not scanned yet; findings are proposals."""
    with open_project(project) as p, opened_vault(p, vault, required=False) as v:
        ids = [p.resolve_document(d) for d in doc] if doc else None
        report = p.deid.scan(documents=ids, vault=v, rescan=rescan)
    if as_json:
        emit_json(report.to_json())
        return
    speed = report.characters / report.seconds if report.seconds else 0
    out.print(
        f"scanned {report.documents} document(s), {report.characters:,} characters "
        f"({speed:,.0f} chars/s): {report.added} new finding(s), {report.dropped} dropped, "
        f"{report.spread} more mention(s) of names and places found elsewhere; "
        "review them per person and place with: moksori deid groups"
    )
    if report.skipped:
        out.print(
            f"skipped {len(report.skipped)} undecodable document(s) (bytes kept, no text): "
            + ", ".join(map(str, report.skipped))
        )
    if v is None:
        err.print("[yellow]no vault yet[/yellow]: the known-names list was not used")
    for t, n in sorted(report.by_type.items(), key=lambda x: -x[1]):
        out.print(f"  {t:<13} {n}")


# --- entities and pseudonyms ----------------------------------------------------------
@deid_app.command()
@handle_errors
def entities(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the people behind findings, by pseudonym (no real names here)."""
    with open_project(project) as p:
        rows = p.deid.entities.list()
    if as_json:
        emit_json([e.to_json() for e in rows])
        return
    table = Table("id", "pseudonym", "Korean", "chosen", "findings")
    for e in rows:
        table.add_row(
            str(e.id), e.pseudonym, e.pseudonym_ko or "", "yes" if e.chosen else "", str(e.findings)
        )
    out.print(table)


@deid_app.command()
@handle_errors
def pseudonym(
    project: ProjectArg,
    entity: Annotated[str, typer.Argument(help="Entity id or current pseudonym.")],
    name: Annotated[str, typer.Argument(help="The new pseudonym, e.g. Youngmi.")],
    ko: Annotated[str | None, typer.Option("--ko", help="Its Korean form, e.g. 영미.")] = None,
) -> None:
    """Choose a pseudonym; every redacted view and export follows."""
    with open_project(project) as p:
        e = p.deid.entities.rename(entity, name, ko)
    out.print(f"entity {e.id} is now {render.escape(e.pseudonym)}")


@deid_app.command("merge")
@handle_errors
def merge_entities(
    project: ProjectArg,
    source: Annotated[str, typer.Argument(help="The entity to fold in.")],
    target: Annotated[str, typer.Argument(help="The entity that stays.")],
    vault: VaultOpt = None,
) -> None:
    """Two entities are the same person: one pseudonym for both."""
    with open_project(project) as p, opened_vault(p, vault) as v:
        assert v is not None
        src, dst = p.deid.entities.get(source), p.deid.entities.get(target)
        v.merge(src.guid, dst.guid)
        p.deid.entities.merge(src.id, dst.id)
    out.print(f"merged entity {src.id} into {dst.id} ({render.escape(dst.pseudonym)})")


@deid_app.command()
@handle_errors
def reveal(
    project: ProjectArg,
    entity: Annotated[str, typer.Argument(help="Entity id or pseudonym.")],
    vault: VaultOpt = None,
    coder: ActorOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the real names behind a pseudonym (needs the vault; written to the audit log)."""
    with open_project(project, coder) as p, opened_vault(p, vault) as v:
        assert v is not None
        names = p.deid.reveal(entity, v, coder)
    if as_json:
        emit_json({"entity": entity, "names": names})
    else:
        out.print(" = ".join(render.escape(n) for n in names) or "(no names in the vault)")


# --- policy ----------------------------------------------------------------------------------
_SHARED_VERBS = ("allow", "deny")


@deid_app.command()
@handle_errors
def policy(
    project: ProjectArg,
    type_: Annotated[
        str | None,
        typer.Argument(metavar="TYPE", help="e.g. age, place; or allow / deny (the shared list)"),
    ] = None,
    action: Annotated[
        str | None,
        typer.Argument(help="e.g. band, province, region, mask; or the phrase to allow / deny"),
    ] = None,
    coder: ActorOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the redaction policy and the shared list, or change one of them.

    TYPE ACTION sets what one type becomes. A date becomes by default the part of
    its decade ("1990년대 후반", "the late 1990s"); "date year" keeps its exact
    year. A project keeps the actions it set before: only the default changed.

    "allow PHRASE" puts a phrase on the project's shared list: words every
    participant shares ("North Korea", "하나원", "Tumen River"), never proposed as
    a person, place or role. "deny PHRASE" takes one off (packaged ones too), so
    the scan proposes it again. The list holds no names: its changes are audited
    with the phrase. Re-scan (deid scan --rescan) to apply a change to documents
    already scanned.
    """
    from moksori.protect import policy as policy_store  # lazy: start-up

    with open_project(project, coder) as p:
        rules = p.deid.publishing
        if type_ in _SHARED_VERBS:
            if not action:
                raise DeidError(f"give a phrase, e.g.: moksori deid policy P {type_} 'North Korea'")
            shared = rules.change_shared_list(action, allow=type_ == "allow")
            current = rules.policy()
        elif type_ and action:
            current = rules.set_policy(type_, action)
            shared = rules.shared_list()
        elif type_:
            raise DeidError("give a type and an action, e.g.: moksori deid policy P place region")
        else:
            current = rules.policy()
            shared = rules.shared_list()
    data = current.to_json()
    if as_json:
        emit_json({**data, "shared": shared.to_json()})
        return
    for t, a in data.items():
        choices = ", ".join(policy_store.ACTIONS.get(policy_store.PiiType(t), ("mask",)))
        out.print(f"{t:<13} {a:<10} [dim]({choices})[/dim]")
    listed = shared.to_json()
    out.print(
        f"\nshared (never proposed): {len(listed['phrases'])} phrases; "
        f"{len(listed['added'])} added, {len(listed['removed'])} removed by this project"
    )
    out.print(", ".join(render.escape(x) for x in listed["phrases"]))

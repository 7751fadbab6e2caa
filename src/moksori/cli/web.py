"""`moksori serve` and `moksori user …`: the web workspace and its accounts."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from moksori.cli import render
from moksori.cli.common import JsonOpt, ProjectArg, emit_json, err, handle_errors, open_project, out
from moksori.cli.passphrase import get_user_password

user_app = typer.Typer(
    help="Accounts of the web workspace (owner, coder, viewer).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.add_typer(user_app, name="user")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@handle_errors
def serve(
    project: ProjectArg,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    secure_cookies: Annotated[
        bool,
        typer.Option(help="Mark cookies Secure (when a TLS proxy is in front: --host)."),
    ] = False,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            help="Address or network of a reverse proxy whose X-Forwarded-For is believed "
            "(repeat or comma-separate). Without it the header is ignored.",
        ),
    ] = None,
) -> None:
    """Serve the web workspace: code, search, review de-identification, read reports."""
    # only `serve` needs the web stack
    import uvicorn  # lazy: start-up (~25 ms)

    from moksori.web.app import WebSettings, create_app, trusted_networks  # lazy: fastapi ~385 ms

    proxies = trusted_networks(trusted_proxy or [])  # a bad address stops here, in one line

    if not _is_loopback(host):
        err.print(
            f"[yellow]warning:[/yellow] listening on {render.escape(host)}, beyond this machine. "
            "Put the server behind TLS (a reverse proxy with HTTPS) and use --secure-cookies: "
            "passwords and testimony would otherwise cross the network in clear text."
        )
    p = open_project(project)
    try:
        if not p.users.has_owner():
            err.print(
                "no owner account yet: create one with "
                f"`moksori user add {render.escape(str(project))} NAME --role owner`"
            )
        app = create_app(p, WebSettings(secure_cookies=secure_cookies, trusted_proxies=proxies))
        err.print(f"serving {render.escape(str(project))} at http://{host}:{port}/")
        # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from
        # 127.0.0.1; the app decides that itself (web.app.client_address)
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            server_header=False,
        )
    finally:
        p.close()


@user_app.command("add")
@handle_errors
def user_add(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The account's name (also its coder name).")],
    role: Annotated[str, typer.Option(help="owner, coder or viewer.")] = "coder",
    language: Annotated[str, typer.Option(help="Interface language: en or ko.")] = "en",
    as_json: JsonOpt = False,
) -> None:
    """Create an account; the password comes from MOKSORI_USER_PASSWORD or is asked for."""
    password = get_user_password()
    with open_project(project) as p:
        user = p.users.add(name, password, role, language=language)
    if as_json:
        emit_json(user.to_json())
    else:
        out.print(f"account {render.escape(user.name)} ({user.role}) created")


@user_app.command("list")
@handle_errors
def user_list(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """The accounts, with their roles."""
    with open_project(project) as p:
        users = p.users.list()
    if as_json:
        emit_json([u.to_json() for u in users])
        return
    if not users:
        err.print("no accounts")
    for u in users:
        state = " [dim](disabled)[/dim]" if u.disabled else ""
        out.print(f"{render.escape(u.name)} — {u.role}, {u.language}{state}")


@user_app.command("password")
@handle_errors
def user_password(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The account.")],
) -> None:
    """Set a new password (ends the account's sessions)."""
    password = get_user_password()
    with open_project(project) as p:
        p.users.set_password(name, password)
    out.print(f"password of {render.escape(name)} changed")


@user_app.command("role")
@handle_errors
def user_role(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The account.")],
    role: Annotated[str, typer.Argument(help="owner, coder or viewer.")],
) -> None:
    """Change an account's role."""
    with open_project(project) as p:
        user = p.users.set_role(name, role)
    out.print(f"{render.escape(user.name)} is now {user.role}")


@user_app.command("disable")
@handle_errors
def user_disable(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The account.")],
) -> None:
    """Disable an account (its sessions end; its codings stay)."""
    with open_project(project) as p:
        p.users.disable(name)
    out.print(f"account {render.escape(name)} disabled")

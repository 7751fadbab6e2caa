"""`moksori pair`, `pairs`, `unpair`, `align`, `alignment`, `link` and
`code project-translation`: originals, their translations and how they line up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from moksori.cli import render
from moksori.cli.codings import code_app
from moksori.cli.common import (
    JsonOpt,
    ProjectArg,
    emit_json,
    err,
    handle_errors,
    open_project,
    out,
)

if TYPE_CHECKING:
    from moksori.bilingual.pairs import Pair


def register(app: typer.Typer) -> None:
    app.command("pair")(pair)
    app.command("pairs")(pairs)
    app.command("unpair")(unpair)
    app.command("align")(align)
    app.command("alignment")(alignment)
    app.command("link")(link)


PairArg = Annotated[str, typer.Argument(help="The pair: #id, or either of its documents.")]


@handle_errors
def pair(
    project: ProjectArg,
    original: Annotated[str, typer.Argument(help="The original (id or file name), e.g. Korean.")],
    translation: Annotated[str, typer.Argument(help="Its translation (id or file name).")],
    as_json: JsonOpt = False,
) -> None:
    """Pair a document with its translation (files x.ko.txt / x.en.txt pair when added)."""
    with open_project(project) as p:
        made = p.pairs.pair(original, translation)
    if as_json:
        emit_json(made.to_json())
        return
    out.print(
        f"paired #{made.id}: {render.escape(made.original)} ({made.original_lang}) → "
        f"{render.escape(made.translation)} ({made.translation_lang})"
    )


@handle_errors
def pairs(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List translation pairs, with their alignment state."""
    with open_project(project) as p:
        found = p.pairs.all()
    if as_json:
        emit_json([x.to_json() for x in found])
        return
    _table(found)


@handle_errors
def unpair(
    project: ProjectArg,
    pair_ref: PairArg,
) -> None:
    """Undo a pair and its alignment; the documents and their codings stay."""
    with open_project(project) as p:
        found = p.pairs.find(pair_ref)
        p.pairs.unpair(found.id)
    out.print(f"unpaired #{found.id}")


def _table(found: list[Pair]) -> None:
    t = Table(title=f"{len(found)} translation pairs")
    for col in ("pair", "original", "translation", "aligned", "links", "to check"):
        right = col in ("pair", "links", "to check")
        t.add_column(col, justify="right" if right else "left", overflow="fold")
    for x in found:
        t.add_row(
            f"#{x.id}",
            f"{render.escape(x.original)} ({x.original_lang})",
            f"{render.escape(x.translation)} ({x.translation_lang})",
            x.aligned_at or "not yet",
            str(x.links),
            str(x.low_confidence),
        )
    out.print(t)


@handle_errors
def align(project: ProjectArg, pair_ref: PairArg, as_json: JsonOpt = False) -> None:
    """Align a pair sentence by sentence (links set by hand are kept)."""
    with open_project(project) as p:
        report = p.alignments.align(p.pairs.find(pair_ref).id)
    if as_json:
        emit_json(report.to_json())
        return
    kinds = ", ".join(f"{n} × {k}" for k, n in sorted(report.kinds.items()))
    out.print(
        f"aligned #{report.pair.id}: {report.links} links ({kinds}); "
        f"{report.manual_kept} set by hand kept; {report.low_confidence} to check "
        f"(`moksori alignment {render.escape(str(project))} #{report.pair.id} --low`)"
    )
    if report.stretches:
        where = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in report.stretches)
        out.print(f"stretches to check (original sentences): {where}")
    if report.warning:
        err.print(f"[yellow]warning[/yellow] {render.escape(report.warning)}")


@handle_errors
def alignment(
    project: ProjectArg,
    pair_ref: PairArg,
    low: Annotated[
        bool, typer.Option("--low", help="Only links to check (low confidence).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List a pair's links: sentence numbers on each side, confidence, the two texts."""
    with open_project(project) as p:
        found = p.pairs.find(pair_ref)
        links = p.alignments.links(found.id, low_only=low)
    if as_json:
        emit_json([x.to_json() for x in links])
        return
    t = Table(title=f"#{found.id}: {len(links)} links" + (" to check" if low else ""))
    for col in ("original", "translation", "conf.", found.original_lang, found.translation_lang):
        t.add_column(col, overflow="fold")
    for x in links:
        t.add_row(
            _nums(x.a_sentences),
            _nums(x.b_sentences),
            "hand" if x.manual else f"{x.confidence:.2f}",
            render.escape(x.a_text),
            render.escape(x.b_text),
        )
    out.print(t)


@handle_errors
def link(
    project: ProjectArg,
    pair_ref: PairArg,
    original: Annotated[
        str, typer.Option("--original", help="Sentence numbers, e.g. 4 or 4-5; '' for none.")
    ],
    translation: Annotated[
        str, typer.Option("--translation", help="Sentence numbers, e.g. 6 or 6-7; '' for none.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Set a link by hand; it is kept when the pair is aligned again."""
    with open_project(project) as p:
        found = p.pairs.find(pair_ref)
        made = p.alignments.set_link(found.id, _parse_nums(original), _parse_nums(translation))
    if as_json:
        emit_json(made.to_json())
        return
    out.print(f"linked {_nums(made.a_sentences)} ↔ {_nums(made.b_sentences)} by hand")


# A `code` subcommand, registered when this module is imported (cli/lazy.py
# imports it before it builds the `code` group): register() runs once per app.
@code_app.command("project-translation")
@handle_errors
def project_translation(
    project: ProjectArg,
    pair_ref: Annotated[
        str | None, typer.Option("--pair", help="One pair (#id or a document); default all.")
    ] = None,
    direction: Annotated[
        str, typer.Option(help="to-translation, to-original or both.")
    ] = "to-translation",
    code: Annotated[str | None, typer.Option("--code", help="Only this code.")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder's codings.")] = None,
    auto: Annotated[
        str | None,
        typer.Option("--auto", help="on: project every new coding from now on; off: stop."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Copy codings onto the aligned text of the translation (marked as projected)."""
    if auto is not None and auto not in ("on", "off"):
        raise typer.BadParameter("--auto takes on or off")
    with open_project(project) as p:
        if auto is not None:
            p.set_auto_projection(auto == "on")
            err.print(f"automatic projection {auto}")
        report = p.project_translations(
            pair_ref=pair_ref, direction=direction, code=code, coder=coder
        )
    if as_json:
        emit_json(report.to_json())
        return
    out.print(
        f"projected {report.projected} codings over {report.pairs} pair(s); "
        f"{report.already} already there; {report.unaligned} on text with no aligned counterpart"
    )
    if report.not_aligned_pairs:
        err.print(
            "[yellow]not aligned yet[/yellow] "
            + ", ".join(report.not_aligned_pairs)
            + " (run `moksori align`)"
        )


def _nums(nums: list[int]) -> str:
    if not nums:
        return "—"
    return str(nums[0]) if len(nums) == 1 else f"{nums[0]}-{nums[-1]}"


def _parse_nums(text: str) -> list[int]:
    text = text.strip()
    if not text or text in ("-", "—", "none"):
        return []
    try:
        if "-" in text:
            lo, hi = (int(x) for x in text.split("-", 1))
            return list(range(lo, hi + 1))
        return [int(x) for x in text.replace(" ", "").split(",")]
    except ValueError:
        raise typer.BadParameter(f"{text!r}: give sentence numbers like 4, 4-5 or 4,5") from None

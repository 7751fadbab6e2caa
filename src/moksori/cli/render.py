"""Human-readable output for the CLI. All document text goes through `escape`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape as _markup_escape
from rich.table import Table
from rich.text import Text

from moksori.cli.display import line

if TYPE_CHECKING:
    from rich.console import Console

    from moksori.project import (
        AddReport,
        DocumentDetail,
        DocumentSummary,
        ProjectInfo,
        SearchResult,
    )


def escape(text: str) -> str:
    """Text from documents and users must never be read as rich markup."""
    return _markup_escape(text)


def info(console: Console, data: ProjectInfo) -> None:
    t = Table(show_header=False, box=None)
    t.add_column(style="bold")
    t.add_column()
    t.add_row("project", escape(data.path))
    t.add_row("schema", f"{data.schema_version} (this moksori: {data.latest_schema_version})")
    t.add_row("created", f"{data.created_at or '?'} by {data.created_by or '?'}")
    t.add_row("encryption", f"{data.encryption}, key by {data.key_derivation}")
    t.add_row("documents", f"{data.documents} from {data.source_files} files")
    t.add_row("segments", f"{data.segments} ({data.passages_indexed} passages indexed)")
    t.add_row("characters", f"{data.characters:,}")
    t.add_row("originals", f"{data.original_bytes:,} bytes kept encrypted")
    t.add_row("languages", ", ".join(f"{k}: {v}" for k, v in data.languages.items()) or "-")
    t.add_row("formats", ", ".join(f"{k}: {v}" for k, v in data.formats.items()) or "-")
    console.print(t)


def add_report(console: Console, report: AddReport) -> None:
    console.print(
        f"added {report.count('added')} file(s), "
        f"{sum(len(o.document_ids) for o in report.outcomes if o.status == 'added')} document(s); "
        f"{report.count('duplicate')} duplicate(s), {report.count('error')} error(s)"
    )
    for pair in report.pairs:
        console.print(
            f"paired {line(pair.original)} ({pair.original_lang}) with its translation "
            f"{line(pair.translation)} ({pair.translation_lang}), #{pair.id}"
        )
    for proposal in report.proposed_pairs:
        console.print(
            f"not paired: {line(proposal.original)} and {line(proposal.translation)} are named "
            f"as translations, but their sentences do not align (fit {proposal.fit:.2f}); "
            f"if they are, run `moksori pair PROJECT {line(proposal.original)} "
            f"{line(proposal.translation)}`"
        )


def documents(console: Console, docs: list[DocumentSummary]) -> None:
    t = Table(title=f"{len(docs)} documents")
    for col in ("id", "document", "format", "lang", "chars", "segments", "notes"):
        t.add_column(col, justify="right" if col in ("id", "chars", "segments") else "left")
    for d in docs:
        notes = []
        if d.quality == "undecodable":
            notes.append("undecodable: bytes kept, no text (moksori original)")
        elif d.quality != "ok":
            notes.append(f"{d.quality}, {d.replaced_chars} replaced")
        if d.encoding and d.encoding not in ("utf-8",):
            notes.append(d.encoding)
        if d.duplicate_passages:
            notes.append(f"{d.duplicate_passages} duplicate passages")
        if d.removed_pieces:
            notes.append(f"{d.removed_pieces} boilerplate pieces removed")
        if d.shared_passage_count:
            notes.append(f"{d.shared_passage_count} passages shared with other documents")
        if d.translation_of is not None:
            notes.append(f"translation of {d.translation_of}")
        if d.translations:
            notes.append("translated in " + ", ".join(map(str, d.translations)))
        t.add_row(
            str(d.id),
            line(d.label),
            d.format,
            d.lang,
            f"{d.chars:,}",
            str(d.segments),
            escape("; ".join(notes)),
        )
    console.print(t)


def _ms(ms: int | None) -> str:
    if ms is None:
        return ""
    s, milli = divmod(ms, 1000)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{sec:02d}.{milli:03d}"


def document(console: Console, d: DocumentDetail, *, segments: str, removed: bool) -> None:
    s = d.summary
    console.print(
        f"[bold]#{s.id} {line(s.label)}[/bold]  ({s.format}, {s.lang}, {s.chars:,} chars)"
    )
    meta = [f"file: {line(s.source_name)}"]
    if d.author:
        meta.append(f"author: {escape(d.author)}")
    if d.date:
        meta.append(f"date: {escape(d.date)}")
    if s.encoding:
        meta.append(f"encoding: {s.encoding}")
    if s.quality == "undecodable":
        meta.append("quality: undecodable (bytes kept, no text; moksori original)")
    elif s.quality != "ok":
        meta.append(f"quality: {s.quality} ({s.replaced_chars} characters replaced)")
    for k, v in s.attributes.items():
        meta.append(f"{escape(k)}={escape(v)}")
    console.print("  " + " · ".join(meta))
    for span, other in d.shared:
        state = "a repeat here: left out of search and counts" if span.repeat else "first copy"
        console.print(
            f"  [magenta]shared passage {span.start}-{span.end}: also in "
            f"#{span.other_document_id} {line(other)} ({span.other_start}-{span.other_end}); "
            f"{state}[/magenta]"
        )
    kinds = {
        "passages": {"paragraph", "turn", "cue", "row"},
        "sentences": {"sentence"},
        "all": {"paragraph", "turn", "cue", "row", "sentence"},
        "none": set(),
    }.get(segments, {"paragraph", "turn", "cue", "row"})
    if not kinds:
        console.print(_marked(d.text, 0, d))
    for seg in d.segments:
        if seg.kind not in kinds:
            continue
        head = f"[dim]{seg.id:>6} {seg.kind:<9} {seg.start}-{seg.end}[/dim]"
        if seg.cue_start_ms is not None:
            head += f" [cyan]{_ms(seg.cue_start_ms)} → {_ms(seg.cue_end_ms)}[/cyan]"
        if seg.speaker:
            head += f" [bold green]{escape(seg.speaker)}[/bold green]"
        if seg.duplicate_of:
            head += f" [yellow](duplicate of segment {seg.duplicate_of})[/yellow]"
        others = sorted(
            {
                f"#{sp.other_document_id}"
                for sp, _ in d.shared
                if sp.start < seg.end and sp.end > seg.start
            }
        )
        if others:
            head += f" [magenta](shared with {', '.join(others)})[/magenta]"
        console.print(head)
        console.print(Text("    ") + _marked(seg.text, seg.start, d, indent="    "))
    if removed:
        console.print(f"\n[bold]left out as boilerplate ({len(d.removed)} pieces)[/bold]")
        for r in d.removed:
            console.print(f"[dim]at {r.at} · {escape(r.reason)}[/dim]")
            console.print(Text("    " + r.text.replace("\n", "\n    "), style="dim"))


def _marked(text: str, base: int, d: DocumentDetail, indent: str = "") -> Text:
    """``text`` (which starts at ``base`` in the document) with shared passages in magenta;
    ``indent`` after each line break, as the segment is printed."""
    out = Text()
    pos = 0
    for span, _ in sorted(d.shared, key=lambda x: x[0].start):
        a, b = max(span.start - base, pos), min(span.end - base, len(text))
        if a >= b:
            continue
        out.append(text[pos:a].replace("\n", "\n" + indent))
        out.append(text[a:b].replace("\n", "\n" + indent), style="magenta")
        pos = b
    out.append(text[pos:].replace("\n", "\n" + indent))
    return out


def search_result(console: Console, result: SearchResult) -> None:
    console.print(f"[bold]{result.total}[/bold] passage(s) match {escape(result.query)!r}")
    for i, h in enumerate(result.hits, 1):
        where = f"#{h.document_id} {escape(h.document)}"
        if h.speaker:
            where += f" · [green]{escape(h.speaker)}[/green]"
        console.print(f"\n[bold]{i}.[/bold] {where} [dim]{h.start}-{h.end} score {h.score}[/dim]")
        snippet = Text(h.snippet.replace("\n", " "))
        for hl in h.highlights:
            a, b = hl.start - h.snippet_start, hl.end - h.snippet_start
            if 0 <= a < b <= len(h.snippet):
                snippet.stylize("bold reverse", a, b)
        prefix = "… " if h.snippet_start > h.start else ""
        suffix = " …" if h.snippet_start + len(h.snippet) < h.end else ""
        console.print(Text(prefix) + snippet + Text(suffix))

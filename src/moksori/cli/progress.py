"""A rich progress bar for ingest that shows files/s and MB/s."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class FilesPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:6.1f} files/s", style="cyan")


class MegabytesPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        done = float(task.fields.get("bytes_done", 0))
        rate = done / elapsed / 1e6 if elapsed > 0 else 0.0
        return Text(f"{rate:6.2f} MB/s", style="magenta")


def ingest_progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]adding"),
        BarColumn(),
        MofNCompleteColumn(),
        FilesPerSecond(),
        MegabytesPerSecond(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


class ItemsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:7.1f}/s", style="cyan")


def count_progress(console: Console, what: str, *, disable: bool = False) -> Progress:
    """A bar for long counted work (embedding passages), with its rate."""
    return Progress(
        TextColumn(f"[bold]{what}"),
        BarColumn(),
        MofNCompleteColumn(),
        ItemsPerSecond(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=disable,
    )

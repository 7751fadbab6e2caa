"""Plain text and Markdown transcripts.

The text goes through as one block; segmentation into turns and paragraphs
happens later in the pipeline, where all formats share it.
"""

from __future__ import annotations

import re

from moksori.ingest.decode import decode_bytes
from moksori.ingest.limits import Limits
from moksori.ingest.model import Block, Extracted

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def read_text(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """A .txt file: decoded text as a single block."""
    decoded = decode_bytes(data, source)
    return [
        Extracted(
            blocks=[Block(decoded.text)],
            format="txt",
            encoding=decoded.encoding,
            quality=decoded.quality,
            replaced_chars=decoded.replaced_chars,
            web_capture_candidate=True,
        )
    ]


def read_markdown(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """A .md file: heading markers dropped, the first heading becomes the title."""
    decoded = decode_bytes(data, source)
    text, title = strip_headings(decoded.text)
    return [
        Extracted(
            blocks=[Block(text)],
            format="md",
            title=title,
            encoding=decoded.encoding,
            quality=decoded.quality,
            replaced_chars=decoded.replaced_chars,
            web_capture_candidate=True,
        )
    ]


def strip_headings(text: str) -> tuple[str, str | None]:
    """Remove ATX '#' markers (outside code fences) and find the first heading.

    Only the markers go; every other Markdown character is kept, because
    quoting the researcher's file faithfully matters more than pretty text.
    """
    lines = text.split("\n")
    title: str | None = None
    in_fence = False
    previous = ""
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            atx = _ATX.match(line.rstrip("\r"))
            if atx:
                lines[i] = atx.group(2)
                if title is None and atx.group(2).strip():
                    title = atx.group(2).strip()
            elif (
                title is None
                and previous.strip()
                and _SETEXT.match(line.rstrip("\r"))
                and line.strip().startswith("=")
            ):
                title = previous.strip()
        previous = line
    return "\n".join(lines), title

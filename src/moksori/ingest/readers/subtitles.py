"""SRT and WebVTT subtitles: one block per cue, with its timing and speaker.

Video testimonies are often transcribed as subtitles; keeping cue times lets a
researcher jump from a search hit back to the recording.
"""

from __future__ import annotations

import html
import re

from moksori.errors import CorruptFile, EmptyFile
from moksori.ingest.decode import decode_bytes
from moksori.ingest.limits import Limits
from moksori.ingest.model import Block, Extracted

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.]*>")
# "Name:" / "- Name:" at the start of a cue: a short name, not a sentence.
_SPEAKER = re.compile(r"^\s*(?:-\s*)?([^\W\d_][\w .'\-]{0,29}?)\s*[:：]\s+(?=\S)")


def read_srt(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """SubRip (.srt) cues."""
    return _read(data, source, "srt")


def read_vtt(data: bytes, source: str, limits: Limits) -> list[Extracted]:
    """WebVTT (.vtt) cues; NOTE, STYLE and REGION blocks are skipped."""
    return _read(data, source, "vtt")


def _read(data: bytes, source: str, fmt: str) -> list[Extracted]:
    decoded = decode_bytes(data, source)
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "vtt":
        if not text.lstrip().startswith("WEBVTT"):
            raise CorruptFile(source, "not a WebVTT file (missing 'WEBVTT' header)")
    blocks = [b for chunk in re.split(r"\n[ \t]*\n", text) if (b := _cue(chunk, fmt))]
    if not blocks:
        if "-->" not in text:
            raise CorruptFile(source, f"no subtitle cues found in this .{fmt} file")
        raise EmptyFile(source, "subtitle cues contain no text")
    return [
        Extracted(
            blocks=blocks,
            format=fmt,
            encoding=decoded.encoding,
            quality=decoded.quality,
            replaced_chars=decoded.replaced_chars,
            metadata={"cues": len(blocks)},
        )
    ]


def _cue(chunk: str, fmt: str) -> Block | None:
    lines = chunk.strip("\n").split("\n")
    timed = next(
        ((i, m) for i, line in enumerate(lines) if (m := _TIMING.match(line))),
        None,
    )
    if timed is None:
        return None  # header, NOTE, STYLE, REGION or a stray number
    i, timing = timed
    if fmt == "vtt" and lines[0].startswith(("NOTE", "STYLE", "REGION")):
        return None
    start = _ms(timing.groups()[:4])
    end = _ms(timing.groups()[4:])
    body = "\n".join(lines[i + 1 :]).strip()
    speaker: str | None = None
    voice = _VOICE.search(body)
    if voice:
        speaker = voice.group(1).strip()
    body = _TAG.sub("", body)
    if fmt == "vtt":
        body = html.unescape(body)
    body = "\n".join(line.strip() for line in body.split("\n")).strip()
    if speaker is None:
        named = _SPEAKER.match(body)
        if named:
            speaker = named.group(1).strip()
            body = body[named.end() :]
    if not body:
        return None
    return Block(body, kind="cue", speaker=speaker, cue_start_ms=start, cue_end_ms=end)


def _ms(parts: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, fraction = parts
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds or 0)) * 1000 + millis

"""The planted-identifier evaluation set: fictional interview passages with inline gold markup.

Each ``benchmarks/planted/*.txt`` file holds passages separated by header lines
``### <id>``; lines starting with ``#`` before the first header are comments.
Inside a passage, ``[[TYPE|text]]`` marks a planted identifier: ``TYPE`` is a
:class:`moksori.protect.spans.PiiType` value upper-cased (``PERSON``, ``PHONE``…)
or ``MASKED`` for text that is already masked and must NOT be found
("김 모 씨", "[redacted]", "Ms. P"). :func:`parse` turns markup into clean text
plus gold spans with code-point offsets, so scoring never sees the brackets.

    from planted import load
    for p in load():
        p.text, p.gold  # clean text, [Gold(start, end, type, text)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PLANTED_DIR = Path(__file__).resolve().parent / "planted"
MASKED = "MASKED"
TYPES = frozenset(
    {
        "PERSON",
        "PLACE",
        "ADDRESS",
        "POSTCODE",
        "PHONE",
        "RRN",
        "FOREIGNER_ID",
        "EMAIL",
        "URL",
        "HANDLE",
        "ACCOUNT",
        "PASSPORT",
        "DATE",
        "AGE",
        "COHORT",
        "ROLE",
        MASKED,
    }
)
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\](?!\])", re.DOTALL)
_HEADER = re.compile(r"^### +(\S.*?)\s*$")


@dataclass(frozen=True)
class Gold:
    """One planted item: ``text == clean_text[start:end]`` (code points, end exclusive)."""

    start: int
    end: int
    type: str  # upper-case PiiType name, or MASKED
    text: str


@dataclass
class Passage:
    id: str
    source: str  # file name, for reports
    text: str
    gold: list[Gold] = field(default_factory=list)


def parse(marked: str) -> tuple[str, list[Gold]]:
    """Clean text and gold spans from ``[[TYPE|text]]`` markup; unknown types are errors."""
    out: list[str] = []
    gold: list[Gold] = []
    pos = 0  # in the clean text
    last = 0  # in the marked text
    for m in _MARK.finditer(marked):
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} in {m.group(0)!r}")
        if not value.strip() or "[[" in value:
            raise ValueError(f"bad mark {m.group(0)!r}")
        plain = marked[last : m.start()]
        out.append(plain)
        pos += len(plain)
        gold.append(Gold(pos, pos + len(value), kind, value))
        out.append(value)
        pos += len(value)
        last = m.end()
    rest = marked[last:]
    if "[[" in rest or "]]" in rest:
        raise ValueError(f"unclosed mark near {rest[rest.find('[[') :][:60]!r}")
    out.append(rest)
    return "".join(out), gold


def parse_file(path: Path) -> list[Passage]:
    """Passages of one file, in order; the header comment is skipped."""
    passages: list[Passage] = []
    current: str | None = None
    body: list[str] = []

    def flush() -> None:
        if current is not None:
            text, gold = parse("\n".join(body).strip("\n"))
            passages.append(Passage(current, path.name, text, gold))

    for line in path.read_text(encoding="utf-8").splitlines():
        header = _HEADER.match(line)
        if header:
            flush()
            current, body = header.group(1), []
        elif current is not None:
            body.append(line)
        elif line.strip() and not line.startswith("#"):
            raise ValueError(f"{path.name}: text before the first '### id' header: {line[:40]!r}")
    flush()
    return passages


def load(directory: Path = PLANTED_DIR) -> list[Passage]:
    """Every passage of every ``*.txt`` file, files in name order; ids must be unique."""
    passages: list[Passage] = []
    for path in sorted(directory.glob("*.txt")):
        passages += parse_file(path)
    ids = [p.id for p in passages]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate passage ids: {dupes}")
    return passages

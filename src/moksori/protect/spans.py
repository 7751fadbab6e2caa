"""What a detector reports: a typed code-point span of the stored text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class PiiType(StrEnum):
    """Kinds of personal data. Direct identifiers are replaced; quasi-identifiers generalised."""

    PERSON = "person"
    PLACE = "place"
    ADDRESS = "address"
    POSTCODE = "postcode"
    PHONE = "phone"
    RRN = "rrn"  # South Korean resident registration number
    FOREIGNER_ID = "foreigner_id"
    EMAIL = "email"
    URL = "url"
    HANDLE = "handle"  # social-media handle
    ACCOUNT = "account"  # bank account
    PASSPORT = "passport"
    DATE = "date"
    AGE = "age"
    COHORT = "cohort"  # e.g. 하나원 142기
    ROLE = "role"  # an identifying role or unit: 보위원, 인민반장, a named work unit


@dataclass(slots=True)
class Span:
    """One detection. ``start``/``end`` are code points, end exclusive.

    ``info`` carries what generalisation needs and nothing that identifies:
    ``{"age": 23}``, ``{"year": 2011}``, ``{"province": "함경북도"}``,
    ``{"gender": "f"}``. Never the matched string itself: the store keeps
    only the span, so a project shared without its text reveals nothing.
    """

    start: int
    end: int
    type: PiiType
    confidence: float
    detector: str
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def fold(spans: Iterable[Span]) -> list[Span]:
    """One span per (start, end, type), in text order: the most confident detector wins."""
    best: dict[tuple[int, int, PiiType], Span] = {}
    for s in spans:
        key = (s.start, s.end, s.type)
        prev = best.get(key)
        if prev is None or s.confidence > prev.confidence:
            if prev is not None and prev.info and not s.info:
                s.info = prev.info
            best[key] = s
    return sorted(best.values(), key=lambda s: (s.start, s.end, s.type.value))

"""The one clock every stored timestamp comes from: UTC, ISO 8601, whole seconds."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

"""Moved to :mod:`moksori.access.sessions` (a library use case); kept while importers move."""

from moksori.access.sessions import (  # noqa: F401
    IDLE_SECONDS,
    MAX_SECONDS,
    LoginThrottle,
    Session,
    Sessions,
    TooManyLogins,
    name_key,
)

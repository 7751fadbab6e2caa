"""Identifiers for records that leave the project or come back into it."""

from __future__ import annotations

import uuid


def new_guid() -> str:
    """A REFI-QDA style GUID for a record that may be exchanged or merged."""
    return str(uuid.uuid4())

"""The JSON bodies the pages' API routes take, and the one check of a number in them.

JSON has no integer type of its own and Python's ``bool`` is an ``int``, so
``true`` must not pass as coding 1.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeGuard

from fastapi import Body

Json = Annotated[dict[str, Any], Body()]


def is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)

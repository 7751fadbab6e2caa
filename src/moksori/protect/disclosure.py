"""Which case attributes a reader of redacted views may filter by.

A filter is a question: "show the codings of participants whose hometown is
회령" answers whether such a participant exists and what they said. It tells
no more than the redacted text only when every value of the attribute is
shared by at least k participants (the project's k, ``moksori deid
threshold``), the same rule ``deid risk`` and ``deid share`` apply.
"""

from __future__ import annotations

import re

from moksori.protect.policy import k_threshold
from moksori.store.database import Connection

_CONDITION = re.compile(r"^\s*(.+?)\s*(?:!=|<=|>=|=|<|>)")


def safe_attributes(conn: Connection) -> set[str]:
    """Attributes (casefolded names) every value of which at least k cases share."""
    k = k_threshold(conn)
    smallest: dict[str, int] = {}
    for name, n in conn.execute(
        "SELECT a.name, count(*) FROM case_value v JOIN attribute a ON a.id = v.attribute_id "
        "GROUP BY a.id, v.value"
    ):
        key = str(name).casefold()
        smallest[key] = min(smallest.get(key, n), n)
    return {name for name, n in smallest.items() if n >= k}


def filterable(conn: Connection, condition: str) -> bool:
    """Whether a viewer may use ``condition`` (``name=value``, ``age>=40``, …)."""
    m = _CONDITION.match(condition)
    return m is not None and m.group(1).casefold() in safe_attributes(conn)

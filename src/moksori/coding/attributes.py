"""Typed case attributes: checking a value on the way in, canonical text in the store.

Values are stored as text in one canonical form per type, so comparisons,
exports and merges never depend on how someone typed a value:

=========  ==========================  ==================================
type       canonical text              accepted input (besides canonical)
=========  ==========================  ==================================
text       trimmed, NFC                anything
integer    ``1990``                    ``1,990``, ``１９９０``, ``1990년``, ``32세``, ``3.0``
float      Python ``repr`` (``2.5``)   ``1,234.5``, integers
date       ISO ``2010-03-05``          ``2010.3.5``, ``2010/03/05``, ``2010년 3월 5일``
boolean    ``true`` / ``false``        yes/no, y/n, 1/0, 예/네/아니오/아니요, 있음/없음, O/X
ordinal    one of the levels           any capitalisation of a level
category   one of the levels           any capitalisation of a level
=========  ==========================  ==================================

Korean counters (년, 년생, 년도, 세, 살, 명, 회, 번, 개월) after an integer are
dropped, because researchers write "1990년생" or "32세" in spreadsheets and
mean the number. A partial date ("2010년 3월") is refused rather than guessed:
a year on its own belongs in an integer attribute (e.g. ``year_left``).

Ordinal levels are ordered as given (``rank`` gives the position); category
levels are an unordered closed set. Both need their levels up front.

Error messages never repeat the value: it may be personal data, and the
caller says where it came from (row and column on import).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from moksori.errors import AttributeValueError, CodingError

TYPES = ("text", "integer", "float", "date", "boolean", "ordinal", "category")
LEVELLED = ("ordinal", "category")
# Names that a table or a descriptor uses for the case itself.
RESERVED_NAMES = ("case", "pseudonym")

_TRUE = frozenset({"true", "t", "yes", "y", "1", "o", "예", "네", "응", "참", "있음", "○"})
_FALSE = frozenset(
    {"false", "f", "no", "n", "0", "x", "아니오", "아니요", "아니", "거짓", "없음", "×"}
)
_COUNTER = re.compile(r"\s*(년생|년도|년|세|살|명|회|번|개월)$")
_INT = re.compile(r"[+-]?\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_DATE_SEP = re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?")
_DATE_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DESCRIPTION = {
    "integer": "a whole number (integer)",
    "float": "a number",
    "date": "a full date like 2010-03-05",
    "boolean": "yes/no (예/아니오, true/false, 1/0)",
}


@dataclass(frozen=True)
class Attribute:
    id: int
    guid: str
    name: str
    type: str
    levels: list[str] = field(default_factory=list)
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def canonical(self, value: Any) -> str:
        """The stored text for ``value``; AttributeValueError if it does not fit."""
        return canonical(self.type, value, self.levels)

    def python(self, text: str) -> Any:
        return to_python(self.type, text)

    def rank(self, text: str) -> int:
        """Position of an ordinal value among the levels (for sorting and comparing)."""
        if self.type != "ordinal":
            raise CodingError(f"attribute {self.name!r} is not ordinal")
        return self.levels.index(canonical(self.type, text, self.levels))


def check_type(type_: str) -> str:
    t = type_.strip().lower()
    if t not in TYPES:
        raise CodingError(f"unknown attribute type {type_!r}; use one of {', '.join(TYPES)}")
    return t


def clean_levels(type_: str, levels: Iterable[str] | None) -> list[str]:
    """Levels for a levelled type: non-empty, trimmed, no repeats (ignoring case)."""
    cleaned = [_nfc(str(x)).strip() for x in (levels or [])]
    if type_ not in LEVELLED:
        if cleaned:
            raise CodingError(f"only ordinal and category attributes have levels, not {type_}")
        return []
    if not cleaned:
        raise CodingError(f"an {type_} attribute needs its levels, e.g. --levels a,b,c")
    if any(not x for x in cleaned):
        raise CodingError("a level cannot be empty")
    seen: set[str] = set()
    for x in cleaned:
        if x.casefold() in seen:
            raise CodingError(f"level {x!r} is given twice")
        seen.add(x.casefold())
    return cleaned


def clean_name(name: str) -> str:
    name = " ".join(_nfc(name).split())
    if not name:
        raise CodingError("an attribute needs a name")
    if "{" in name or "}" in name:
        raise CodingError(f"an attribute name cannot contain braces: {name!r}")
    if name.casefold() in RESERVED_NAMES:
        raise CodingError(f"{name!r} is reserved for the case's own name; choose another")
    return name


def dump_levels(levels: list[str]) -> str:
    return json.dumps(levels, ensure_ascii=False)


def load_levels(text: str) -> list[str]:
    return [str(x) for x in json.loads(text or "[]")]


def is_blank(value: Any) -> bool:
    """No value: None or only whitespace (an empty spreadsheet cell)."""
    return value is None or (isinstance(value, str) and not value.strip())


def canonical(type_: str, value: Any, levels: list[str] | None = None) -> str:
    if is_blank(value):
        raise AttributeValueError("no value given")
    if type_ == "text":
        return _text(value)
    if type_ == "integer":
        return str(_integer(value))
    if type_ == "float":
        return repr(_float(value))
    if type_ == "date":
        return _date(value).isoformat()
    if type_ == "boolean":
        return "true" if _boolean(value) else "false"
    if type_ in LEVELLED:
        return _level(type_, value, levels or [])
    raise CodingError(f"unknown attribute type {type_!r}")


def to_python(type_: str, text: str) -> Any:
    """A stored canonical text as the Python value for its type."""
    if type_ == "integer":
        return int(text)
    if type_ == "float":
        return float(text)
    if type_ == "date":
        return dt.date.fromisoformat(text)
    if type_ == "boolean":
        return text == "true"
    return text


def fits(type_: str, value: Any, levels: list[str] | None = None) -> bool:
    try:
        canonical(type_, value, levels)
    except AttributeValueError:
        return False
    return True


def infer_type(values: Iterable[Any]) -> str:
    """The narrowest type every non-blank value fits, for a column nobody typed.

    Order: boolean (words only, so a 0/1 column stays integer), integer,
    float, date, else text. Categories are never inferred: a closed set of
    levels is a decision for the researcher (``--type gender=category``).
    """
    present = [v for v in values if not is_blank(v)]
    if not present:
        return "text"
    if all(isinstance(v, bool) or _is_bool_word(v) for v in present):
        return "boolean"
    for type_ in ("integer", "float", "date"):
        if all(not isinstance(v, bool) and fits(type_, v) for v in present):
            return type_
    return "text"


# --- one function per type ---------------------------------------------------
def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _wrong(type_: str) -> AttributeValueError:
    return AttributeValueError(f"expected {_DESCRIPTION[type_]}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a spreadsheet's 3.0 typed as 3
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _nfc(str(value)).strip()


def _numeric_text(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = _COUNTER.sub("", text)
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    return text


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise _wrong("integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _wrong("integer")
    text = _numeric_text(value)
    if _INT.fullmatch(text):
        return int(text)
    try:
        number = float(text)
    except ValueError:
        raise _wrong("integer") from None
    if math.isfinite(number) and number.is_integer() and re.fullmatch(r"[+-]?\d+\.0*", text):
        return int(number)
    raise _wrong("integer")


def _float(value: Any) -> float:
    if isinstance(value, bool):
        raise _wrong("float")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _numeric_text(value)
        if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
            raise _wrong("float")  # refuses "nan", "inf", "1_000"
        number = float(text)
    if not math.isfinite(number):
        raise _wrong("float")
    return number


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _wrong("date")
    text = unicodedata.normalize("NFKC", value).strip()
    m = _DATE_SEP.fullmatch(text) or _DATE_KO.fullmatch(text)
    if m is None:
        # an ISO timestamp from another tool: keep the day
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?", text)
    if m is None:
        raise _wrong("date")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise AttributeValueError("not a real calendar date") from None


def _is_bool_word(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    word = unicodedata.normalize("NFKC", value).strip().casefold()
    return word in (_TRUE | _FALSE) - {"1", "0"}


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise _wrong("boolean")


def _level(type_: str, value: Any, levels: list[str]) -> str:
    text = _text(value)
    for level in levels:
        if level.casefold() == text.casefold():
            return level
    shown = ", ".join(levels)
    order = " (in order)" if type_ == "ordinal" else ""
    raise AttributeValueError(f"not one of the levels{order}: {shown}")

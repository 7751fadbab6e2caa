"""Participant descriptors: a short label for reports built from a case's attributes.

A template such as ``{pseudonym} (in her {age_band}, left {year_left})``
names attributes in braces (matched ignoring case; spaces allowed, no format
specs); ``{pseudonym}`` (or ``{case}``) is the case's name, which is a
pseudonym by design. ``{{`` and ``}}`` are literal braces.

Because descriptors end up in reports that leave the encrypted project, a
placeholder that looks like an identity field (name, real_name, 실명, 이름,
phone, address, 주소, 전화, e-mail, 주민번호 …) is refused even when such an
attribute exists: a descriptor can never carry a real name. An unknown
placeholder is refused too (a typo would otherwise print "?" everywhere).

A case without a value for a placeholder gets ``missing`` ("?" by default),
so one incomplete row does not stop a report; pass ``missing=None`` to raise
instead. Booleans print as yes/no, dates as ISO, numbers as written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from moksori.coding.attributes import Attribute
from moksori.errors import CodingError

PSEUDONYM = ("pseudonym", "case")
# Word parts (split at spaces, _ and -) that mark an identity field.
_IDENTITY_WORDS = frozenset(
    {
        "name", "names", "realname", "fullname", "firstname", "lastname", "surname",
        "givenname", "familyname", "birthname", "legalname", "phone", "telephone", "tel",
        "mobile", "cell", "cellphone", "address", "email", "mail", "ssn", "passport",
        "kakao", "kakaotalk", "instagram", "facebook", "wechat", "street",
    }
)  # fmt: skip
# Korean has no word breaks here, so these are looked for anywhere in the name.
_IDENTITY_KO = (
    "실명", "이름", "성명", "본명", "성함", "주소", "전화", "연락처", "휴대폰", "핸드폰",
    "주민등록", "주민번호", "여권", "이메일", "메일", "카톡", "카카오",
)  # fmt: skip
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def looks_like_identity(field: str) -> bool:
    """True for names like real_name, Phone Number, 실명, 이름, 현주소 or 전화번호."""
    text = unicodedata.normalize("NFKC", field).casefold().strip()
    words = [w for w in re.split(r"[\s_\-.]+", text) if w]
    if any(w in _IDENTITY_WORDS for w in words) or "".join(words) in _IDENTITY_WORDS:
        return True
    return any(k in text for k in _IDENTITY_KO)


@dataclass(frozen=True)
class Template:
    """A checked template: literal text and attribute names, in order."""

    parts: tuple[tuple[str, bool], ...]  # (text, is_placeholder)

    @classmethod
    def parse(cls, template: str, attributes: Sequence[Attribute]) -> Template:
        known = {a.name.casefold(): a.name for a in attributes}
        parts: list[tuple[str, bool]] = []
        pos = 0
        for m in _PLACEHOLDER.finditer(template):
            if m.start() > pos:
                parts.append((template[pos : m.start()], False))
            pos = m.end()
            token = m.group(0)
            if token in ("{{", "}}"):
                parts.append((token[0], False))
                continue
            if m.group(1) is None:
                raise CodingError("unmatched brace in the template; write {{ or }} for a brace")
            field = " ".join(m.group(1).split())
            if not field:
                raise CodingError("empty {} in the template; name an attribute or {pseudonym}")
            if field.casefold() in PSEUDONYM:
                parts.append(("", True))
                continue
            if looks_like_identity(field):
                raise CodingError(
                    f"{{{field}}} looks like an identity field; descriptors never show real "
                    "names or contact details (use {pseudonym})"
                )
            if field.casefold() not in known:
                names = ", ".join(known.values()) or "none yet"
                raise CodingError(
                    f"{{{field}}} is not an attribute (attributes: {names}; or {{pseudonym}})"
                )
            parts.append((known[field.casefold()], True))
        if pos < len(template):
            parts.append((template[pos:], False))
        if not any(is_field for _, is_field in parts):
            raise CodingError("the template has no placeholders, e.g. {pseudonym}")
        return cls(tuple(parts))

    @property
    def fields(self) -> list[str]:
        return [text or "pseudonym" for text, is_field in self.parts if is_field]

    def render(
        self, pseudonym: str, values: Mapping[str, Any], *, missing: str | None = "?"
    ) -> str:
        out: list[str] = []
        for text, is_field in self.parts:
            if not is_field:
                out.append(text)
            elif not text:
                out.append(pseudonym)
            elif values.get(text) is None:
                if missing is None:
                    raise CodingError(f"case {pseudonym!r} has no value for {text!r}")
                out.append(missing)
            else:
                out.append(_show(values[text]))
        return "".join(out)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

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
instead. ``missing=""`` (what reports use) drops the whole clause holding the
placeholder, the text between the separators , ; ( ) [ ] around it, and tidies
what is left: "{pseudonym} ({age_band}, left North Korea in {year_left})"
gives "Jeonghyuk (30s)" or "Jeonghyuk" rather than "Jeonghyuk (?, left
North Korea in ?)". Booleans print as yes/no, dates as ISO, numbers as written.

Gendered words come from the case's gender attribute (gender, sex, 성별):
``{her|his|their}`` prints the first word for women (여, 여성, female, F,
woman), the second for men (남, 남성, male, M, man) and the third otherwise
or without a value; with two words, an unknown gender counts as missing.
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
GENDER = ("gender", "sex", "성별")
_WOMAN = frozenset({"여", "여성", "여자", "female", "f", "woman", "women", "w"})
_MAN = frozenset({"남", "남성", "남자", "male", "m", "man", "men"})
_SEPARATORS = frozenset(",;()[]")
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

    parts: tuple[tuple[str, bool], ...]  # (text, is_placeholder); "a|b|c": gendered words
    gender: str | None = None  # the attribute gendered words follow

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
            if "|" in field:
                words = [w.strip() for w in field.split("|")]
                if len(words) not in (2, 3) or not all(words):
                    raise CodingError(
                        f"{{{field}}}: gendered words are {{her|his|their}} (2 or 3 words)"
                    )
                parts.append(("|".join(words), True))
                continue
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
        gender = next((known[g] for g in GENDER if g in known), None)
        return cls(tuple(parts), gender)

    @property
    def fields(self) -> list[str]:
        return [
            text or "pseudonym" for text, is_field in self.parts if is_field and "|" not in text
        ]

    def render(
        self, pseudonym: str, values: Mapping[str, Any], *, missing: str | None = "?"
    ) -> str:
        out: list[str | None] = []  # None: a value is missing here
        for text, is_field in self.parts:
            if not is_field:
                out.append(text)
            elif not text:
                out.append(pseudonym)
            elif "|" in text:
                out.append(self._gendered(text, values))
            elif values.get(text) is None:
                if missing is None:
                    raise CodingError(f"case {pseudonym!r} has no value for {text!r}")
                out.append(None if missing == "" else missing)
            else:
                out.append(_show(values[text]))
        if None in out and missing is None:
            raise CodingError(f"case {pseudonym!r} has no value for {self.gender or 'gender'!r}")
        if None in out and missing != "":
            out = [missing if piece is None else piece for piece in out]
        return _drop_clauses(out)

    def _gendered(self, text: str, values: Mapping[str, Any]) -> str | None:
        words = text.split("|")
        value = values.get(self.gender) if self.gender else None
        said = unicodedata.normalize("NFKC", str(value)).strip().casefold() if value else ""
        if said in _WOMAN:
            return words[0]
        if said in _MAN:
            return words[1]
        return words[2] if len(words) == 3 else None


def _drop_clauses(pieces: Sequence[str | None]) -> str:
    """Join the pieces, leaving out each clause that holds a missing value (None):
    the text between the nearest separators , ; ( ) [ ] on either side, then one of
    the commas around it, then brackets left empty, so nothing dangles."""
    if None not in pieces:
        return "".join(p for p in pieces if p is not None)
    # split into clauses and separators, marking the clauses that lost a value
    items: list[tuple[str, bool]] = []  # (text, is_separator); a clause text of None = dropped
    clause: list[str] = []
    lost = False
    dropped: list[int] = []
    for piece in pieces:
        if piece is None:
            lost = True
            continue
        for ch in piece:
            if ch in _SEPARATORS:
                if lost:
                    dropped.append(len(items))
                items.append(("".join(clause), False))
                items.append((ch, True))
                clause, lost = [], False
            else:
                clause.append(ch)
    if lost:
        dropped.append(len(items))
    items.append(("".join(clause), False))
    keep = [True] * len(items)
    for i in dropped:
        keep[i] = False
        # the comma after the clause, else the one before it
        for j in (i + 1, i - 1):
            if 0 <= j < len(items) and keep[j] and items[j][0] in ",;":
                keep[j] = False
                break
    text = "".join(t for (t, _), k in zip(items, keep, strict=True) if k)
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return text.strip(" ,;")


_TIDY = (
    (re.compile(r"\s*(?:\(\s*[,;]?\s*\)|\[\s*[,;]?\s*\])"), ""),  # brackets left empty
    (re.compile(r"([(\[])\s*[,;]?\s*"), r"\1"),  # a separator or space right after "("
    (re.compile(r"\s*[,;]?\s*([)\]])"), r"\1"),  # or right before ")"
    (re.compile(r"\s+([,;])"), r"\1"),
    (re.compile(r"[ \t]{2,}"), " "),
)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

"""Per-project policies: what each kind of personal data becomes in the redacted view.

Direct identifiers are replaced by a tag ("[전화번호]", "[phone]"), people by
their pseudonym, and quasi-identifiers generalised: an exact age to a band, a
date to the part of its decade ("1997년" → "1990년대 후반"; the year is a choice), a
county or city to its province or region, an exact resettlement cohort removed,
a role replaced by a plain word that is true of it ("보위원" → "관리").
Replacements never say more than the original did: what cannot be checked
becomes the tag. Tags and generalisations follow the language of the line they
stand in, so Korean text stays Korean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moksori.errors import DeidError
from moksori.protect.spans import PiiType
from moksori.protect.tokenised import HANGUL
from moksori.store import audit
from moksori.store.audit import Action, Event
from moksori.store.database import Connection, transaction

ACTIONS: dict[PiiType, tuple[str, ...]] = {
    PiiType.PERSON: ("pseudonym", "mask"),
    PiiType.PLACE: ("province", "region", "mask", "keep"),
    PiiType.DATE: ("period", "year", "mask", "keep"),
    PiiType.AGE: ("band", "mask", "keep"),
    PiiType.COHORT: ("remove", "mask", "keep"),
    PiiType.ROLE: ("neutral", "mask", "keep"),
}
DEFAULTS: dict[PiiType, str] = {
    PiiType.PERSON: "pseudonym",
    PiiType.PLACE: "province",
    # the part of its decade ("1990년대 후반", "the late 1990s"): the exact year of a
    # crossing or an arrival can single out a participant; "year" stays a choice
    PiiType.DATE: "period",
    PiiType.AGE: "band",
    PiiType.COHORT: "remove",
    PiiType.ROLE: "neutral",  # a plain word true of the role ("관리", "worker"), else the tag
}
TAGS: dict[PiiType, tuple[str, str]] = {
    PiiType.PERSON: ("[이름]", "[name]"),
    PiiType.PLACE: ("[장소]", "[place]"),
    PiiType.ADDRESS: ("[주소]", "[address]"),
    PiiType.POSTCODE: ("[우편번호]", "[postcode]"),
    PiiType.PHONE: ("[전화번호]", "[phone]"),
    PiiType.RRN: ("[주민등록번호]", "[ID number]"),
    PiiType.FOREIGNER_ID: ("[외국인등록번호]", "[ID number]"),
    PiiType.EMAIL: ("[이메일]", "[e-mail]"),
    PiiType.URL: ("[URL]", "[URL]"),
    PiiType.HANDLE: ("[계정]", "[handle]"),
    PiiType.ACCOUNT: ("[계좌번호]", "[account]"),
    PiiType.PASSPORT: ("[여권번호]", "[passport no.]"),
    PiiType.DATE: ("[날짜]", "[date]"),
    PiiType.AGE: ("[나이]", "[age]"),
    PiiType.COHORT: ("[기수]", "[cohort]"),
    PiiType.ROLE: ("[직책]", "[role]"),
}
_KEY = "deid.policy."
K_KEY = "deid.k_threshold"
DEFAULT_K = 3  # the smallest group of look-alike participants a shared copy may publish


@dataclass
class Policy:
    actions: dict[PiiType, str] = field(default_factory=lambda: dict(DEFAULTS))

    def action(self, type_: PiiType) -> str:
        return self.actions.get(type_, "mask")

    def to_json(self) -> dict[str, str]:
        return {t.value: self.action(t) for t in PiiType}


def load(conn: Connection) -> Policy:
    policy = Policy()
    for key, value in conn.execute("SELECT key, value FROM setting WHERE key LIKE 'deid.policy.%'"):
        try:
            policy.actions[PiiType(key[len(_KEY) :])] = value
        except ValueError:
            continue
    return policy


def set_action(conn: Connection, type_: str, action: str, actor: str | None = None) -> Policy:
    """Set what one type becomes; audited (the choice is ``type.action``, both fixed words)."""
    try:
        t = PiiType(type_)
    except ValueError:
        raise DeidError(
            f"unknown type {type_!r}; use one of {', '.join(x.value for x in PiiType)}"
        ) from None
    allowed = ACTIONS.get(t, ("mask",))
    if action not in allowed:
        raise DeidError(f"{t.value} can be: {', '.join(allowed)}")
    with transaction(conn) as c:
        c.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_KEY + t.value, action),
        )
        audit.record(c, Event(Action.DEID_POLICY, choice=f"{t.value}.{action}"), actor=actor)
    return load(conn)


def k_threshold(conn: Connection) -> int:
    """The project's k: ``deid share`` refuses below it, ``deid risk`` measures against it."""
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (K_KEY,)).fetchone()
    try:
        return max(2, int(row[0])) if row else DEFAULT_K
    except ValueError:
        return DEFAULT_K


def set_k_threshold(conn: Connection, k: int, actor: str | None = None) -> int:
    """Set the project's k (at least 2: k = 1 protects nobody); audited."""
    if k < 2:
        raise DeidError("the k threshold must be at least 2 (k = 1 protects nobody)")
    with transaction(conn) as c:
        before = k_threshold(c)
        c.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (K_KEY, str(k)),
        )
        audit.record(
            c, Event(Action.DEID_K_THRESHOLD, counts={"from": before, "to": k}), actor=actor
        )
    return k


def tag(type_: PiiType, lang: str) -> str:
    ko, en = TAGS[type_]
    return ko if lang == "ko" else en


def line_lang(text: str, start: int, end: int) -> str:
    """ko when the line a span sits in has hangul: the replacement should read as Korean."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return "ko" if HANGUL.search(text, a, b if b >= 0 else len(text)) else "en"

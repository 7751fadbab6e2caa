"""Free text around the documents, redacted like the documents themselves.

Titles, memos, case descriptions, code definitions and examples, attribute
values and speaker labels pass through the same policy as document text:
every known name becomes its pseudonym (in the script it was written in),
every known place its province or region, and what the detectors find on
top (phones, e-mails, places near a Chinese city, dates) is rendered as the
policy says. Counts are kept per kind for the share report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from moksori.protect.entities import Entities, Entity
from moksori.protect.findings import Finding
from moksori.protect.known import KnownNames, known_places
from moksori.protect.policy import Policy, line_lang, tag
from moksori.protect.redact import Renderer, replacements_for
from moksori.protect.scan import _name_body, _squash, detect_text, detect_texts
from moksori.protect.spans import PiiType, Span
from moksori.protect.textview import HANGUL
from moksori.protect.vault import Vault
from moksori.store.database import Connection

Places = Mapping[str, tuple[PiiType, dict[str, Any]]]


def known_names(conn: Connection, vault: Vault | None) -> dict[str, str]:
    """Every name string known to stand for a person → its pseudonym in that script.

    Romanisations of hangul names come too: "Kim Chol-su" is scrubbed when only
    김철수 is known.
    """
    entities = Entities(conn).by_id()
    by_guid = {e.guid: e for e in entities.values()}

    def label(name: str, e: Entity | None) -> str:
        lang = "ko" if HANGUL.search(name) else "en"
        return e.label(lang) if e is not None else tag(PiiType.PERSON, lang)

    return {
        name: label(name, by_guid.get(guid))
        for name, guid in KnownNames.of(conn, vault).strings().items()
    }


def _pattern(strings: list[str], flexible: bool) -> re.Pattern[str] | None:
    """One alternation, longest first; Latin words whole, hangul anywhere (particles follow)."""
    bodies = []
    for s in sorted(strings, key=len, reverse=True):
        body = _name_body(s) if flexible else re.escape(s)
        if not body:
            continue
        if not HANGUL.search(s):
            body = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
        bodies.append(body)
    return re.compile("|".join(bodies), re.IGNORECASE) if bodies else None


class Scrubber:
    """Replaces known names (and known places) in free text; ``deep`` detects the rest."""

    def __init__(
        self,
        names: Mapping[str, str],
        places: Places | None = None,
        policy: Policy | None = None,
        pseudonyms: Iterable[str] = (),
    ) -> None:
        self.names = {k: v for k, v in names.items() if len(k.strip()) >= 2}
        self._labels = {_squash(k): v for k, v in self.names.items()}
        self._names = _pattern(list(self.names), flexible=True)
        self.places = {k: v for k, v in (places or {}).items() if len(k.strip()) >= 2}
        self._places = _pattern(list(self.places), flexible=False)
        self._folded_places = {k.casefold(): v for k, v in self.places.items()}
        self.policy = policy or Policy()
        # what a detector may take for a name but is one already: labels, pseudonyms
        self._safe = {v.casefold() for v in self.names.values()}
        self._safe |= {p.casefold() for p in pseudonyms if p}
        self.counts: Counter[str] = Counter()
        self._memo: dict[tuple[str, bool], tuple[str, Counter[str]]] = {}
        self._detected: dict[str, list[Span]] = {}

    def prepare(self, texts: Iterable[str | None]) -> None:
        """Run the detectors over many texts at once: Kiwi in batches is ~6x faster
        than one call per memo or label."""
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._detected))
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            self._detected.update(zip(chunk, detect_texts(chunk), strict=True))

    @classmethod
    def of(cls, conn: Connection, vault: Vault | None = None) -> Scrubber:
        """Names (vault and findings), places (findings) and the project's policy."""
        from moksori.protect import policy as policy_store

        pseudonyms = [p for e in Entities(conn).list() for p in (e.pseudonym, e.pseudonym_ko) if p]
        # cases are named by pseudonym ("Youngmi"): a detector must not tag them; a case
        # named by a real name the project knows is still replaced, names come first
        pseudonyms += [str(r[0]) for r in conn.execute("SELECT name FROM cases")]
        # the codebook's own words ("말투 Accent") are concepts a memo discusses, and the
        # coders ("Coder A") are the team, whose names every report prints: not participants
        team = conn.execute(
            "SELECT name || ' ' || coalesce(alt_name, '') FROM code "
            "UNION ALL SELECT name FROM coder"
        )
        pseudonyms += [w for (words,) in team for w in str(words).split() if len(w) >= 2]
        return cls(
            known_names(conn, vault), known_places(conn), policy_store.load(conn), pseudonyms
        )

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def __call__(self, text: str | None) -> str | None:
        """Known names and places only (no detection): labels, short fields."""
        return self._run(text, deep=False)

    def deep(self, text: str | None) -> str | None:
        """Known names and places, then what the detectors find (for prose)."""
        return self._run(text, deep=True)

    def _run(self, text: str | None, deep: bool) -> str | None:
        if not text:
            return text
        memo = self._memo.get((text, deep))
        if memo is None:
            counts: Counter[str] = Counter()
            memo = (self._redact(text, deep, counts), counts)
            self._memo[(text, deep)] = memo
        self.counts.update(memo[1])
        return memo[0]

    def _redact(self, text: str, deep: bool, counts: Counter[str]) -> str:
        found: list[Finding] = []

        def add(start: int, end: int, type_: PiiType, info: dict[str, Any], how: str) -> None:
            found.append(
                Finding(
                    -len(found) - 1, 0, start, end, type_.value, how, 1.0, "accepted", None, info
                )
            )

        for m in self._names.finditer(text) if self._names else ():
            add(m.start(), m.end(), PiiType.PERSON, {"label": self._label(m.group())}, "known")
        for m in self._places.finditer(text) if self._places else ():
            type_, info = self._folded_places.get(
                " ".join(m.group().split()).casefold(), (PiiType.PLACE, {})
            )
            add(m.start(), m.end(), type_, info, "known")
        whole = _whole_place(text) if deep else None
        if whole is not None:  # "회령시" alone is a hometown, not a guessed name
            found = [f for f in found if f.type != PiiType.PLACE.value]
            add(0, len(text), PiiType.PLACE, whole, "gazetteer")
        elif deep:
            spans = self._detected.get(text)
            for s in spans if spans is not None else detect_text(text):
                if s.type == PiiType.PERSON and text[s.start : s.end].casefold() in self._safe:
                    continue  # a pseudonym already
                add(s.start, s.end, s.type, dict(s.info), s.detector)
        if not found:
            return text
        from moksori.protect.view import generalise_place

        renderer = Renderer(text, self.policy, {}, generalise_place)

        def render(f: Finding) -> str:
            if f.type == PiiType.PERSON.value:
                label = f.info.get("label")
                if isinstance(label, str) and self.policy.action(PiiType.PERSON) == "pseudonym":
                    return label
                return tag(PiiType.PERSON, line_lang(text, f.start, f.end))
            return renderer(f)

        out, pos = [], 0
        for r in replacements_for(text, found, render):
            if r.text == text[r.start : r.end]:
                continue  # a country, or a place the policy keeps
            out += [text[pos : r.start], r.text]
            pos = r.end
            counts[r.type] += 1
        return "".join(out) + text[pos:]

    def _label(self, said: str) -> str:
        label = self._labels.get(_squash(said))
        if label is None:
            label = tag(PiiType.PERSON, "ko" if HANGUL.search(said) else "en")
        return label


def _whole_place(text: str) -> dict[str, Any] | None:
    """A value that is a place by itself ("회령", "Hoeryong"): a hometown attribute."""
    from moksori.protect import gazetteer

    place = gazetteer.lookup(text.strip())
    if place is None or place.level == "country":
        return None
    return {"province": place.province or place.name_ko}

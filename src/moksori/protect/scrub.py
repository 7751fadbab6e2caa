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
from functools import cache
from importlib.resources import files
from typing import Any

from moksori.protect import gazetteer, shared_list
from moksori.protect import policy as policy_store
from moksori.protect.entities import Entities, Entity
from moksori.protect.findings import Finding
from moksori.protect.known import KnownNames, known_places
from moksori.protect.policy import Policy, line_lang, tag
from moksori.protect.redact import Renderer, replacements_for
from moksori.protect.scan import _name_body, _squash, detect_text, detect_texts
from moksori.protect.shared_list import SharedList
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import HANGUL
from moksori.protect.vault import Vault
from moksori.protect.view import generalise_place
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


@cache
def common_nouns() -> frozenset[str]:
    """Ordinary words that are also given names (data/common_nouns.txt): 철수, hope, grace."""
    text = (files("moksori.protect") / "data" / "common_nouns.txt").read_text("utf-8")
    return frozenset(
        w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


# A Korean noun in use as a word: a verb ending or a noun after it ("철수했다", "철수 결정"),
# a noun before it ("군대 철수", "미군의 철수"), or a gloss ("철수(withdrawal)").
_KO_WORD_AFTER = re.compile(
    r"(?:하[다고는며면여였지자]|했|한[다 ]|할|함|해[서야요]|되|됐|된|될|시키|시켰|시킨"
    r"|\s?(?:결정|명령|계획|작전|문제|이후|과정|요구|방침|협상|조치|요청|명령|코드|개념|범주"
    r"|결의|선언|정책|시기|시점|여부))"
    r"|\s?\([A-Za-z][A-Za-z \-]*\)"
)
_KO_WORD_BEFORE = re.compile(
    r"(?:군대|군|미군|부대|병력|군사|전면|즉각|완전|부분|조기|자진|강제|긴급|전격|단계적"
    r"|일방적|최종|조건부|병사들?|외국군|주한미군|점령군|철저한|진정한|완전한)(?:의)?\s?$"
)


def _used_as_word(text: str, start: int, end: int) -> bool:
    """Whether a name-like word on the common-noun list stands as that word here."""
    said = text[start:end]
    if HANGUL.search(said):
        return bool(
            _KO_WORD_AFTER.match(text, end)
            or _KO_WORD_BEFORE.search(text[max(0, start - 12) : start])
        )
    return said.islower() and any(c.isupper() for c in text)  # "I hope", beside capitals


class Scrubber:
    """Replaces known names (and known places) in free text; ``deep`` detects the rest."""

    def __init__(
        self,
        names: Mapping[str, str],
        places: Places | None = None,
        policy: Policy | None = None,
        pseudonyms: Iterable[str] = (),
        shared: SharedList | None = None,
        cases: Iterable[str] = (),
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
        # a case is named by a pseudonym: whatever a detector takes it for ("Sungho" is
        # also a district of Pyongyang), it stays, or a descriptor loses its subject
        self._cases = {c.casefold() for c in cases if c}
        self._safe |= self._cases
        # the project's words: on the shared list, or codebook words and ordinary nouns
        # that a memo uses as words (``_used_as_word``); a name use is still replaced
        self.shared = shared or shared_list.DEFAULT
        self._words = common_nouns() | {p.casefold() for p in pseudonyms if p}
        self.counts: Counter[str] = Counter()
        self._memo: dict[tuple[str, bool, frozenset[str]], tuple[str, Counter[str]]] = {}
        self._detected: dict[str, list[Span]] = {}

    def prepare(self, texts: Iterable[str | None]) -> None:
        """Run the detectors over many texts at once: Kiwi in batches is ~6x faster
        than one call per memo or label."""
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._detected))
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            found = detect_texts(chunk, shared=self.shared)
            self._detected.update(zip(chunk, found, strict=True))

    @classmethod
    def of(cls, conn: Connection, vault: Vault | None = None) -> Scrubber:
        """Names (vault and findings), places (findings) and the project's policy."""

        pseudonyms = [p for e in Entities(conn).list() for p in (e.pseudonym, e.pseudonym_ko) if p]
        # cases are named by pseudonym ("Youngmi"): a detector must not tag them; a case
        # named by a real name the project knows is still replaced, names come first
        cases = [str(r[0]) for r in conn.execute("SELECT name FROM cases")]
        pseudonyms += cases
        # the codebook's own words ("말투 Accent") are concepts a memo discusses, and the
        # coders ("Coder A") are the team, whose names every report prints: not participants
        team = conn.execute(
            "SELECT name || ' ' || coalesce(alt_name, '') FROM code "
            "UNION ALL SELECT name FROM coder"
        )
        pseudonyms += [w for (words,) in team for w in str(words).split() if len(w) >= 2]
        return cls(
            known_names(conn, vault),
            known_places(conn),
            policy_store.load(conn),
            pseudonyms,
            shared_list.load(conn),
            cases,
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

    def descriptor(self, text: str | None) -> str | None:
        """A participant descriptor a report template printed ("Youngmi (20s, left North Korea
        in 2010)"): names and places as in prose, but its dates and ages stay as the template
        wrote them. The researcher chose to print those attributes; the export policy that
        hides a year inside testimony must not rewrite an explicit choice."""
        return self._run(text, deep=True, keep=_TEMPLATE_VALUES)

    def _run(self, text: str | None, deep: bool, keep: frozenset[str] = frozenset()) -> str | None:
        if not text:
            return text
        memo = self._memo.get((text, deep, keep))
        if memo is None:
            counts: Counter[str] = Counter()
            memo = (self._redact(text, deep, counts, keep), counts)
            self._memo[(text, deep, keep)] = memo
        self.counts.update(memo[1])
        return memo[0]

    def _redact(
        self, text: str, deep: bool, counts: Counter[str], keep: frozenset[str] = frozenset()
    ) -> str:
        found: list[Finding] = []

        def add(start: int, end: int, type_: PiiType, info: dict[str, Any], how: str) -> None:
            found.append(
                Finding(
                    -len(found) - 1, 0, start, end, type_.value, how, 1.0, "accepted", None, info
                )
            )

        for m in self._names.finditer(text) if self._names else ():
            if m.group().casefold() in self._words and _used_as_word(text, m.start(), m.end()):
                continue  # "군대 철수 결정": the word, not the person called 철수
            add(m.start(), m.end(), PiiType.PERSON, {"label": self._label(m.group())}, "known")
        for m in self._places.finditer(text) if self._places else ():
            if m.group() in self.shared or m.group().casefold() in self._cases:
                continue
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
            for s in spans if spans is not None else detect_text(text, shared=self.shared):
                said = text[s.start : s.end].casefold()
                if s.type == PiiType.PERSON and said in self._safe:
                    continue  # a pseudonym already (cases' names among them)
                if s.type == PiiType.PLACE and said in self._cases:
                    continue  # a case's name is its pseudonym, whatever else it names
                if s.type == PiiType.PERSON and said in common_nouns():
                    if _used_as_word(text, s.start, s.end):
                        continue  # an ordinary noun a detector guessed at ("군대 철수")
                add(s.start, s.end, s.type, dict(s.info), s.detector)
        found = [f for f in found if f.type not in keep]
        if not found:
            return text

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
            new = r.text
            if new.endswith("]") and text[r.end : r.end + 1] in ("(", "["):
                new += " "  # "[이름](withdrawal)" would be a Markdown link
            out += [text[pos : r.start], new]
            pos = r.end
            counts[r.type] += 1
        return "".join(out) + text[pos:]

    def _label(self, said: str) -> str:
        label = self._labels.get(_squash(said))
        if label is None:
            label = tag(PiiType.PERSON, "ko" if HANGUL.search(said) else "en")
        return label


_TEMPLATE_VALUES = frozenset({PiiType.DATE.value, PiiType.AGE.value})
_NOT_A_NAME = re.compile(r"[\d()\[\]{},;:!?]")


def _whole_place(text: str) -> dict[str, Any] | None:
    """A value that is a place by itself ("회령", "Hoeryong"): a hometown attribute."""

    value = text.strip()
    if len(value.split()) > 4 or _NOT_A_NAME.search(value):
        return None  # a sentence or a descriptor holding a place, not a place by itself
    place = gazetteer.lookup(value)
    if place is None or place.level == "country":
        return None
    return {"province": place.province or place.name_ko}

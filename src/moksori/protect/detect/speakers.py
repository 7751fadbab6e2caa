"""Speaker labels at the start of transcript lines: "김순희: …", "[리영철] …", "Kim Soon-hee: …".

Why a detector of its own: a transcript names its speakers on every line, in
a fixed place, so the label is a name with near certainty even when Kiwi
does not know it. Role labels ("Q:", "면담자:", "Interviewer:", "참여자 3:")
and note headings ("날짜:", "장소:") are not names and are never reported.
"""

from __future__ import annotations

import re
from functools import cache

from moksori.protect.detect.korean_lexicon import lexicon, read_data
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "speakers"
CONFIDENCE = 0.9

# Optional timestamp, then "Label:" or "[Label]"; the label is group "name".
_TIME = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*(?:-->?\s*\S+\s*)?)?"
_KO = r"[\uac00-\ud7a3]{2,5}"
_EN = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]*)*(?:\s[A-Z][a-z]+(?:[-'][A-Za-z][a-z]*)*){0,3}"
_LABEL = re.compile(
    rf"^[ \t]*{_TIME}(?:"
    rf"(?P<colon>(?P<name>{_KO}|{_EN})(?:\s?\((?:가명|pseudonym)\))?[ \t]*[:：])"
    rf"|(?:[\[【](?P<bracketed>{_KO}|{_EN})[\]】])"
    r")",
    re.MULTILINE,
)


@cache
def generic_labels() -> frozenset[str]:
    """Role labels and headings that are not names."""
    return frozenset(w.casefold() for row in read_data("korean_generic_labels.txt") for w in row)


def _is_generic(label: str) -> bool:
    words = label.split()
    if label.casefold() in generic_labels():
        return True
    if all(w.casefold() in generic_labels() for w in words):  # "Phone Number", "Directed By"
        return True
    # "Speaker One", "Interviewer Kim" is a name after a role; keep that.
    return words[0].casefold() in generic_labels() and len(words) == 1


def _looks_like_name(label: str) -> bool:
    """A hangul label must not be an ordinary heading word; it rarely is a name otherwise."""
    if not re.fullmatch(_KO, label):
        return True  # English labels: capitalised words, generic ones removed already
    lex = lexicon()
    if label in lex.cues or label in lex.roles or label in lex.not_person:
        return False
    return True


def detect(tokenised: TokenisedText) -> list[Span]:
    out: list[Span] = []
    for m in _LABEL.finditer(tokenised.text):
        group = "name" if m.group("name") else "bracketed"
        label = m.group(group)
        if not label or _is_generic(label) or not _looks_like_name(label):
            continue
        start, end = m.start(group), m.end(group)
        words = label.split()
        if len(words) > 1 and words[0].casefold() in generic_labels():
            # "Interviewer Kim": only the name after the role word.
            start = start + len(label) - len(" ".join(words[1:]))
        out.append(Span(start, end, PiiType.PERSON, CONFIDENCE, NAME))
    return out

"""The user's search language, parsed into a tree and compiled to FTS5.

Grammar (case of AND/OR/NOT matters, as in most search engines):

    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*
    unary   := "NOT" unary | "(" or ")" | '"' phrase '"' | filter | word
    filter  := ("doc" | "speaker" | "lang" | "attr") ":" value

Words and phrases are analysed exactly as the index was (Kiwi lemmas, South
Korean spelling, English stems), so the user types natural forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from moksori.errors import QueryError


@dataclass
class Word:
    text: str


@dataclass
class Phrase:
    text: str


@dataclass
class And:
    items: list[Node]


@dataclass
class Or:
    items: list[Node]


@dataclass
class Not:
    item: Node


Node = Word | Phrase | And | Or | Not


@dataclass
class Filters:
    documents: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)

    def merge(self, other: Filters) -> Filters:
        return Filters(
            self.documents + other.documents,
            self.speakers + other.speakers,
            self.langs + other.langs,
            self.attributes + other.attributes,
        )


@dataclass
class ParsedQuery:
    tree: Node | None
    filters: Filters


_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"?|([^\s()"]+))')
_FILTER = re.compile(r"^(doc|document|speaker|lang|attr):(.+)$", re.IGNORECASE)


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            out.append(("(", "("))
        elif m.group(2):
            out.append((")", ")"))
        elif m.group(3) is not None:
            out.append(("phrase", m.group(3)))
        elif m.group(4):
            word = m.group(4)
            out.append((word, word) if word in ("AND", "OR", "NOT") else ("word", word))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.filters = Filters()

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def parse_or(self) -> Node | None:
        items = [self.parse_and()]
        while self.peek() == "OR":
            self.take()
            items.append(self.parse_and())
        kept = [i for i in items if i is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(kept)

    def parse_and(self) -> Node | None:
        items: list[Node | None] = []
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
                continue
            items.append(self.parse_unary())
        kept = [i for i in items if i is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else And(kept)

    def parse_unary(self) -> Node | None:
        kind, value = self.take()
        if kind == "NOT":
            if self.peek() in (None, "OR", ")", "AND"):
                raise QueryError("NOT must be followed by a word, phrase or group")
            inner = self.parse_unary()
            return Not(inner) if inner is not None else None
        if kind == "(":
            inner = self.parse_or()
            if self.peek() != ")":
                raise QueryError("unbalanced parenthesis in query")
            self.take()
            return inner
        if kind == ")":
            raise QueryError("unbalanced parenthesis in query")
        if kind == "phrase":
            return Phrase(value) if value.strip() else None
        m = _FILTER.match(value)
        if m:
            field_name, arg = m.group(1).lower(), m.group(2)
            if field_name in ("doc", "document"):
                self.filters.documents.append(arg)
            elif field_name == "speaker":
                self.filters.speakers.append(arg)
            elif field_name == "lang":
                self.filters.langs.append(arg.lower())
            else:
                if "=" not in arg:
                    raise QueryError(f"attribute filter needs key=value, got {arg!r}")
                k, v = arg.split("=", 1)
                self.filters.attributes.append((k, v))
            return None
        return Word(value)


def parse(query: str) -> ParsedQuery:
    parser = _Parser(_tokens(query))
    tree = parser.parse_or()
    if parser.peek() is not None:
        raise QueryError("unbalanced parenthesis in query")
    return ParsedQuery(tree, parser.filters)


def free_text(query: str) -> str:
    """The words of a query without filters, operators or quotes: what a meaning-based
    search embeds ("doc:x lang:ko 인터넷에 물어봐요" → "인터넷에 물어봐요")."""
    words = [
        text
        for kind, text in _tokens(query)
        if kind in ("word", "phrase") and not (kind == "word" and _FILTER.match(text))
    ]
    return " ".join(words)


# --- compilation to FTS5 -----------------------------------------------------

WordAnalyser = Callable[[str], list[str]]

# A word analyser's term may hold alternatives, any of which matches: "a|b c" is the
# term a or the phrase "b c" (노동단련대|노동 단련: the compound as one word, or its
# parts in a row where Kiwi read the ending differently: 노동단련대로 → 노동 단련 대로).
ALTERNATIVES = "|"


@dataclass
class Compiled:
    match: str | None  # FTS5 MATCH expression, None when only filters were given
    positive_terms: set[str]
    # The quoted phrases that every match contains and BM25 scores, or None
    # when the query has an OR (then a match need not contain all of them).
    required_phrases: list[str] | None = None


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term(term: str) -> str:
    """One analysed term as FTS5: quoted, or its alternatives OR-ed."""
    if ALTERNATIVES not in term:
        return _quote(term)
    return "(" + " OR ".join(_quote(t) for t in term.split(ALTERNATIVES)) + ")"


def _words_of(term: str) -> list[str]:
    return term.replace(ALTERNATIVES, " ").split()


def _joined(items: list[Node], word_terms: WordAnalyser) -> list[Node]:
    """Two words the analyser reads as one term become one word (보내 주다 → 보내주다:
    a verb and its auxiliary); other words stay apart, to be AND-ed."""
    out: list[Node] = []
    for item in items:
        last = out[-1] if out else None
        if (
            isinstance(item, Word)
            and isinstance(last, Word)
            and not (item.text.isascii() and last.text.isascii())
        ):
            both = f"{last.text} {item.text}"
            apart = len(word_terms(last.text)) + len(word_terms(item.text))
            if len(word_terms(both)) == 1 < apart:
                out[-1] = Word(both)
                continue
        out.append(item)
    return out


def compile_fts(
    tree: Node | None, word_terms: WordAnalyser, phrase_terms: WordAnalyser
) -> Compiled:
    positive: set[str] = set()
    phrases: list[str] = []
    conjunctive = True
    analysed: dict[str, list[str]] = {}

    def terms_of(text: str) -> list[str]:
        if text not in analysed:
            analysed[text] = word_terms(text)
        return analysed[text]

    def walk(node: Node, negated: bool) -> str | None:
        nonlocal conjunctive
        if isinstance(node, Word):
            terms = terms_of(node.text)
            if not negated:
                positive.update(w for t in terms for w in _words_of(t))
                phrases.extend(_quote(t) for t in terms)
                if any(ALTERNATIVES in t for t in terms):
                    conjunctive = False  # a match need not hold every alternative
            if not terms:
                return None
            if len(terms) > 1:  # bracketed: "a NOT (b AND c)", not "(a NOT b) AND c"
                return "(" + " AND ".join(_term(t) for t in terms) + ")"
            return _term(terms[0])
        if isinstance(node, Phrase):
            terms = phrase_terms(node.text)
            if not negated:
                positive.update(terms)
                phrases.extend([_quote(" ".join(terms))] if terms else [])
            return _quote(" ".join(terms)) if terms else None
        if isinstance(node, Or):
            parts = [p for p in (walk(i, negated) for i in node.items) if p]
            if not parts:
                return None
            if any(isinstance(i, Not) for i in node.items):
                raise QueryError("NOT cannot stand alone inside OR; use a NOT b")
            if len(parts) > 1 and not negated:
                conjunctive = False
            return "(" + " OR ".join(parts) + ")" if len(parts) > 1 else parts[0]
        if isinstance(node, Not):
            raise QueryError("a query cannot be only NOT …; add something to search for")
        # And: positives joined by AND, negatives subtracted with NOT
        items = _joined(node.items, terms_of)
        pos = [p for p in (walk(i, negated) for i in items if not isinstance(i, Not)) if p]
        neg = [p for p in (walk(i.item, True) for i in node.items if isinstance(i, Not)) if p]
        if not pos:
            if neg:
                raise QueryError("a query cannot be only NOT …; add something to search for")
            return None
        expr = "(" + " AND ".join(pos) + ")" if len(pos) > 1 else pos[0]
        for n in neg:
            expr = f"{expr} NOT {n}"
        return f"({expr})" if neg else expr

    if tree is None:
        return Compiled(None, positive)
    if isinstance(tree, Not):
        raise QueryError("a query cannot be only NOT …; add something to search for")
    match = walk(tree, False)
    return Compiled(match, positive, phrases if conjunctive and match else None)

"""The query language parses into the tree the docs promise, and compiles to FTS5."""

from __future__ import annotations

import pytest

from moksori.errors import QueryError
from moksori.store.query import And, Not, Or, Phrase, Word, compile_fts, parse


def ident(word: str) -> list[str]:
    return [word.lower()] if word.isalnum() else []


def test_implicit_and_or_not_phrase_and_filters() -> None:
    q = parse('강 건너다 OR "my accent" NOT 서울 speaker:김 lang:ko attr:province=함경북도')
    assert q.tree == Or(
        [And([Word("강"), Word("건너다")]), And([Phrase("my accent"), Not(Word("서울"))])]
    )
    assert q.filters.speakers == ["김"]
    assert q.filters.langs == ["ko"]
    assert q.filters.attributes == [("province", "함경북도")]


def test_parentheses_and_explicit_and() -> None:
    q = parse("(river OR 강) AND crossed")
    assert q.tree == And([Or([Word("river"), Word("강")]), Word("crossed")])


@pytest.mark.parametrize("bad", ["(river", "river)", "NOT", "river NOT", "attr:noequals"])
def test_malformed_queries_raise_query_error(bad: str) -> None:
    with pytest.raises(QueryError):
        tree = parse(bad).tree
        compile_fts(tree, ident, lambda p: p.lower().split())


def test_only_not_is_refused() -> None:
    with pytest.raises(QueryError):
        compile_fts(parse("NOT river").tree, ident, lambda p: p.split())


def test_compile_quotes_terms_and_subtracts_negatives() -> None:
    c = compile_fts(parse('river "my accent" NOT seoul').tree, ident, lambda p: p.split())
    assert c.match == '(("river" AND "my accent") NOT "seoul")'
    assert c.positive_terms == {"river", "my", "accent"}


def test_quotes_inside_terms_are_escaped() -> None:
    c = compile_fts(parse("a").tree, lambda w: ['x"y'], lambda p: [])
    assert c.match == '"x""y"'


def test_a_word_of_several_terms_is_negated_whole() -> None:
    """'강 NOT 010-2398-4417' subtracts the whole number, not only its first part."""
    c = compile_fts(parse("강 NOT 010-2398-4417").tree, lambda w: w.split("-"), lambda p: [])
    assert c.match == '("강" NOT ("010" AND "2398" AND "4417"))'

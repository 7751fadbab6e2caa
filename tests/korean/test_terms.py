"""Index/query terms: Korean morphology, NK spelling, English stemming, format."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moksori.korean.kiwi import get_kiwi
from moksori.korean.terms import (
    EXTRA_SEPARATOR,
    index_terms,
    phrase_terms,
    query_terms,
    term_spans,
    term_spans_many,
)

TOKEN = re.compile(r"[^\W_]+")


def all_terms(text: str) -> set[str]:
    return set(index_terms([text])[0].split()) - {EXTRA_SEPARATOR}


def primaries(text: str) -> list[str]:
    return index_terms([text])[0].split(f" {EXTRA_SEPARATOR}")[0].split()


def finds(query: str, text: str) -> bool:
    terms = query_terms(query)
    return bool(terms) and set(terms) <= all_terms(text)


def test_one_shared_kiwi() -> None:
    assert get_kiwi() is get_kiwi()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("건너다", ["건너다"]),
        ("건넜어요", ["건너다"]),
        ("건너서", ["건너다"]),
        ("로동", ["노동"]),
        ("Crossed", ["cross"]),
        ("혜산", ["혜산"]),
        ("묻다", ["묻다"]),
        ("녀성들이", ["여성"]),
        ("accents", ["accent"]),
        ("2019년", ["2019"]),
        ("닭알", ["달걀"]),
        ("", []),
        ("the", []),
        ("우리", []),
    ],
)
def test_query_terms(word: str, expected: list[str]) -> None:
    assert query_terms(word) == expected


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("건너다", "우리는 밤에 강을 건넜습니다."),
        ("건너다", "강을 건너서 중국으로 갔어요."),
        ("건넜어요", "두만강을 건너서 갔다."),
        ("묻다", "선생님은 아무것도 안 묻고 넘어갔어요."),
        ("혜산", "저는 혜산시에서 태어났어요."),
        ("탈북", "탈북민 정착 지원"),
        ("탈북", "탈북자들이 많았다"),
        ("노동", "아버지는 노동당 당원이었다."),
        ("노동", "조선로동당 간부"),
        ("보위부", "국가안전보위부에 끌려갔다"),
        ("일", "거기서 일했어요."),
        ("일하다", "거기서 일했어요."),
        ("공부하다", "열심히 공부했다"),
        ("달걀", "닭알을 삶아 먹었다"),
        ("닭알", "달걀을 샀다"),
        ("accent", "They noticed my accents at once."),
        ("accents", "My accent gave me away."),
        ("cross", "We crossed the river."),
        ("crossed", "I want to cross again."),
        ("border", "we crossed the border."),  # Kiwi alone splits "b" + "order."
        ("shelter", "we stayed in a shelter."),
        ("1998", "1998년 겨울이었어요."),
    ],
)
def test_query_finds_text(query: str, text: str) -> None:
    assert finds(query, text)


@pytest.mark.parametrize(
    ("north", "south"),
    [("로동", "노동"), ("녀성", "여성"), ("리용", "이용"), ("료리", "요리"), ("력사", "역사")],
)
def test_north_and_south_spellings_find_each_other(north: str, south: str) -> None:
    assert finds(north, f"그 {south}에 대해서 말했다")
    assert finds(south, f"그 {north}에 대해서 말했다")
    assert finds(north, f"그 {north}에 대해서 말했다")


def test_mixed_korean_english_sentence() -> None:
    text = "1998년에 두만강을 건넜어요 and then I crossed into China with my 녀동생."
    terms = all_terms(text)
    assert {"1998", "두만강", "건너다", "cross", "china"} <= terms
    # Stopwords are indexed (phrases keep word order) but never a bare query word.
    assert {"and", "i"} <= terms
    assert query_terms("and") == [] and query_terms("I") == [] and query_terms("The,") == []
    assert finds("여동생", text)


def test_format_primary_then_extras() -> None:
    (terms,) = index_terms(["혜산시에서 조선로동당 당원으로 일했다"])
    head, sep, tail = terms.partition(f" {EXTRA_SEPARATOR} ")
    # Only the first syllable is folded; 노동당/노동 come as compound parts.
    assert sep and head.split() == ["혜산시", "조선로동당", "당원", "일"]
    assert {"혜산", "노동당", "노동", "일하다"} <= set(tail.split())
    assert terms.count(EXTRA_SEPARATOR) == 1


def test_no_extras_no_separator() -> None:
    assert index_terms(["We crossed the river.", "", "  \n\t"]) == ["we cross the river", "", ""]


def test_sentinel_in_text_is_escaped() -> None:
    assert index_terms(["zzzextra"]) == [EXTRA_SEPARATOR + "0"]
    assert query_terms("zzzextra") == [EXTRA_SEPARATOR + "0"]


def test_phrase_terms_are_consecutive_primaries() -> None:
    text = "그해 겨울 우리는 밤에 두만강을 건넜습니다. They crossed the river at night."
    prim = primaries(text)
    for phrase in ("두만강을 건너서", "crossed the river"):
        ph = phrase_terms(phrase)
        assert len(ph) == (2 if phrase.startswith("두") else 3)
        assert any(prim[i : i + len(ph)] == ph for i in range(len(prim)))


def test_fts5_phrase_and_single_token_terms() -> None:
    """Every term is one unicode61 token; phrases match over primaries."""
    texts = [
        "혜산시에서 조선로동당 당원으로 일했다. U.S. e.g. 10:30 café naïve İstanbul",
        "그해 겨울 두만강을 건넜습니다 😀 and we crossed the border.",
    ]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    rows = index_terms(texts)
    for row in rows:
        db.execute("INSERT INTO t VALUES (?)", (row,))
    for rowid, row in enumerate(rows, start=1):
        ours = row.split()
        stored = db.execute("SELECT term FROM v WHERE doc = ? ORDER BY offset", (rowid,)).fetchall()
        assert len(stored) == len(ours)
    for query in ('"두만강 건너다"', '"cross the border"', "혜산", "노동"):
        assert db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()[0] == 1


def test_term_spans_survive_emoji_and_odd_whitespace() -> None:
    text = (
        "👨‍👩‍👧😀 녀성\u3000혜산시에서\t\t crossed\u00a0the 🇰🇷 border.\r\n두만강을\u200b 건넜어요"
    )
    spans = term_spans(text)
    by_term = {t: (s, e) for s, e, ts in spans for t in ts}
    assert text[slice(*by_term["여성"])] == "녀성"
    assert text[slice(*by_term["혜산"])] == "혜산시"
    assert text[slice(*by_term["cross"])] == "crossed"
    assert text[slice(*by_term["border"])] == "border"
    assert text[slice(*by_term["두만강"])] == "두만강"
    assert text[slice(*by_term["건너다"])] == "건넜"
    for s, e, ts in spans:
        assert 0 <= s < e <= len(text) and ts
        assert not text[s].isspace() and not text[e - 1].isspace()


def test_batch_equals_single() -> None:
    texts = ["강을 건넜습니다.", "We crossed.", "조선로동당", ""]
    assert index_terms(texts) == [index_terms([t])[0] for t in texts]


PIECES = st.sampled_from(
    list("가나다라마바사아자차카타파하건넜습니다로동녀성혜산시")
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" \n\t\u3000\u00a0:.,!?\"'()[]-_/@#%")
    + ["😀", "👨\u200d👩\u200d👧", "漢", "字", "zzzextra", "é", "e\u0301", "İ", "ﬁ", "²"]
    + ["\u200b", "\u00ad", "\u2060", "\ufe0f", "\u200c"]  # kept in stored text
)
RANDOM_TEXT = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RANDOM_TEXT, min_size=1, max_size=4))
def test_random_text_gives_valid_terms_and_spans(texts: list[str]) -> None:
    rows = index_terms(texts)
    assert len(rows) == len(texts)
    for text, row in zip(texts, rows, strict=True):
        terms = row.split()
        assert terms.count(EXTRA_SEPARATOR) <= 1
        assert all(TOKEN.fullmatch(t) and t == t.lower() for t in terms)
        for s, e, ts in term_spans(text):
            assert 0 <= s < e <= len(text)
            assert ts <= set(terms) | {""}


def test_english_contractions_are_one_term() -> None:
    # Kiwi splits at the apostrophe; a stray "t" or "s" would match everything.
    assert query_terms("couldn't") == ["couldnt"]
    assert query_terms("Kim’s") == query_terms("Kim's") == ["kim"]
    text = "I couldn't sleep. Kim's sister said “don't”."
    assert {"couldnt", "kim", "dont"} <= all_terms(text) and "t" not in all_terms(text)
    spans = {text[a:b] for a, b, _ in term_spans(text)}
    assert {"couldn't", "Kim's", "don't"} <= spans


def test_term_spans_many_repeats_and_cache_agree() -> None:
    """A passage highlighted again (next page, refined query) gets the same spans,
    also when one batch holds it twice."""
    from moksori.korean import terms as terms_module

    texts = ["강을 건넜습니다. 그때가 2010년이었어요.", "I crossed the river at night."]
    terms_module._span_cache.clear()
    first = term_spans_many(texts + texts[:1])
    assert first[0] == first[2]
    assert texts[0] in terms_module._span_cache
    again = term_spans_many(list(reversed(texts)))
    assert again == [first[1], first[0]]
    assert any("건너다" in ts for _, _, ts in first[0])


def test_a_zwsp_is_a_word_boundary_and_joiners_do_not_cut_words() -> None:
    """Stored text keeps invisible characters (issue 18): a ZWSP separates two words
    (Kiwi alone would run 탈북\u200b민 into one), a soft hyphen, ZWJ, ZWNJ or word joiner
    inside a word is read past (Kiwi alone cuts 탈\u00ad북민 into 탈, 북, 민)."""
    assert primaries("탈북민\u200b이야기") == primaries("탈북민 이야기") == ["탈북민", "이야기"]
    assert primaries("탈북\u200b민") == primaries("탈북 민")
    assert finds("이야기", "탈북민\u200b이야기") and finds("탈북민", "탈북민\u200b이야기")
    for mark in "\u00ad\u200d\u200c\u2060":
        text = f"탈{mark}북민이 왔다. co{mark}operation matters"
        assert index_terms([text]) == index_terms(["탈북민이 왔다. cooperation matters"])
        assert finds("탈북민", text) and finds("cooperation", text)
    assert query_terms("탈\u00ad북민") == query_terms("탈북민")
    assert query_terms("탈북\u200b민") == query_terms("탈북 민")


def test_spans_of_text_with_invisible_characters_are_its_own_offsets() -> None:
    text = "우리 👨\u200d👩\u200d👧 가족, 탈\u00ad북민\u200b이야기"
    spans = {text[a:b]: ts for a, b, ts in term_spans(text)}
    assert "탈북민" in spans["탈\u00ad북민"] and "이야기" in spans["이야기"]
    assert "가족" in spans["가족"]


def test_ingest_tokens_with_invisible_characters_give_the_view_terms() -> None:
    from moksori.korean.kiwi import tokenize_many
    from moksori.korean.terms import terms_of_tokens

    texts = ["탈\u00ad북민이 왔다.", "탈북민이 왔다."]
    tokens = list(tokenize_many(texts))
    assert terms_of_tokens(tokens, texts) == index_terms(texts) == [index_terms(texts[1:])[0]] * 2

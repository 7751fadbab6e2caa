"""The windowed scan finds exactly what a scan of the whole text finds."""

from __future__ import annotations

import random
import re

import pytest

from moksori.protect.detect import sparse

PATTERNS = [
    r"(?<![가-힣])(?:스물|서른|마흔)\s?살(?=\s|$)",
    r"\b(?:aged|age)\s\d{1,3}\b(?!s)",
    r"(?i:the\s(?:chief|head))\sof\b",
    r"년(?:\s?도)?$",
    r"(?:abab|ba)",  # literals that overlap themselves and each other
    r"\d{2}\s?년\s?(?:봄|여름)(?=[^가-힣]|$)",
    r"(?:aged?|살)\s?[^\n]*?(?:여름|s)",  # reads without bound: tried at each possible start
    r"[가-힣]?살[가-힣]*",
    r"[가-힣]*(?:살|여름)",  # may start anywhere: only texts without the literals are skipped
]
WORDS = ["스물", "서른 살", "살", "aged 7", "age 12s", "The Chief of", "head of", "abababa", "ba",
         "97년", "97 년 봄", "년도", "\n", " ", "ſ", "İ", "x", "여름에"]  # fmt: skip


@pytest.mark.parametrize("source", PATTERNS)
def test_same_matches_as_a_whole_scan(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sparse, "COVERED", 2.0)  # windows however dense the literals
    monkeypatch.setattr(sparse, "STARTS", 2.0)
    pattern = re.compile(source)
    assert sparse._plan_of(pattern) is not None
    assert list(sparse.finditer(pattern, "x" * 50)) == []
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(WORDS) + rng.choice(["", " ", "\n"]) for _ in range(60))
        text += " " * rng.randrange(0, 300)  # long stretches without literals make windows
        whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in sparse.finditer(pattern, text)] == whole


def test_plans() -> None:
    assert sparse._plan_of(re.compile(r"[가-힣]+")) is None  # no literal
    anywhere = sparse._plan_of(re.compile(r"[가-힣]*살"))  # may start anywhere before it
    assert anywhere is not None and anywhere.anywhere
    assert list(sparse.finditer(re.compile(r"[가-힣]*살"), "열 아홉에")) == []
    unbounded = sparse._plan_of(re.compile(r"살[가-힣]*"))
    assert unbounded is not None and unbounded.starts
    bounded = sparse._plan_of(re.compile(r"[가-힣]{0,2}(?:나이|연세)[가-힣]{0,3}"))
    assert bounded is not None and not bounded.starts and bounded.before == 2


def test_literals_one_of_which_starts_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """One scan serves every pattern: "ab" of one pattern is found where "abx" of another is."""
    monkeypatch.setattr(sparse, "COVERED", 2.0)
    monkeypatch.setattr(sparse, "STARTS", 2.0)
    patterns = [re.compile(p) for p in (r"ab\s?x", r"abx+b", r"(?:ba|xab)a", r"b\s?ab{1,3}")]
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice("abx \n") for _ in range(rng.randrange(0, 200)))
        for pattern in patterns:
            whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in sparse.finditer(pattern, text)] == whole

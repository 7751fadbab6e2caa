"""Meaning-based and hybrid search over embedded passages, across languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moksori.cli.app import app
from moksori.errors import QueryError
from moksori.project import Project
from tests.conftest import cli_env

KO = (
    "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요.\n\n"
    "두만강을 건널 때 물이 너무 차가웠어요.\n\n"
    "하나원에서 석 달 동안 한국 생활을 배웠어요.\n\n"
    "엄마한테 돈을 보내려고 브로커한테 부탁했어요.\n"
)
EN = (
    "My accent makes people ask where I am from, so I keep quiet at work.\n\n"
    "We ate corn porridge every day when the rations stopped.\n\n"
    "I was afraid the Chinese police would send me back.\n"
)


@pytest.fixture
def corpus(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "ko.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    project.add([tmp_path / "ko.txt", tmp_path / "en.txt"], workers=1)
    return project


def test_semantic_search_needs_embeddings_first(corpus: Project) -> None:
    with pytest.raises(QueryError, match="moksori embed"):
        corpus.search("crossing a cold river", mode="semantic")


def test_english_query_finds_korean_passage_and_back(corpus: Project) -> None:
    report = corpus.embed()
    assert report.embedded == 7 and report.already == 0
    assert corpus.embed().embedded == 0  # resumable: nothing left
    hits = corpus.search(
        "asks strangers on the internet instead of people she knows", mode="semantic"
    ).hits
    assert "인터넷에 물어봐요" in hits[0].text
    assert hits[0].score > hits[-1].score
    back = corpus.search("경찰이 나를 북송할까 봐 무서웠어요", mode="semantic").hits
    assert "police" in back[0].text
    only_en = corpus.search("strangers on the internet", mode="semantic", filters=None)
    assert only_en.note is None


def test_filters_and_hybrid(corpus: Project) -> None:
    corpus.embed()
    en_only = corpus.search("lang:en 인터넷에 물어봐요", mode="semantic").hits
    assert en_only and all(h.lang == "en" for h in en_only)
    fused = corpus.search("하나원", mode="hybrid")
    assert "하나원" in fused.hits[0].text
    assert any(h.highlights for h in fused.hits)


def test_new_passages_are_noted_until_embedded(corpus: Project, tmp_path: Path) -> None:
    corpus.embed()
    (tmp_path / "more.txt").write_text("장마당에서 옥수수를 팔았어요.\n", encoding="utf-8")
    corpus.add([tmp_path / "more.txt"], workers=1)
    result = corpus.search("selling corn at the market", mode="semantic")
    assert result.note is not None and "1 passages" in result.note
    corpus.embed()
    assert corpus.search("selling corn at the market", mode="semantic").note is None


def test_cli_embed_and_search(corpus: Project) -> None:
    runner = CliRunner()
    env = cli_env()
    embedded = runner.invoke(app, ["embed", str(corpus.path), "--json"], env=env)
    assert embedded.exit_code == 0, embedded.output
    assert json.loads(embedded.stdout)["embedded"] == 7
    found = runner.invoke(
        app,
        ["search", str(corpus.path), "crossing a freezing river", "--semantic", "--json"],
        env=env,
    )
    assert found.exit_code == 0, found.output
    assert "두만강" in json.loads(found.stdout)["hits"][0]["text"]
    both = runner.invoke(app, ["search", str(corpus.path), "x", "--semantic", "--hybrid"], env=env)
    assert both.exit_code != 0

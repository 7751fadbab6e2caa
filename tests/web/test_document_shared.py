"""The document page marks passages shared with another document, and links it."""

from __future__ import annotations

from pathlib import Path

from moksori.project import Project
from moksori.web.document_pieces import PassageIn, split
from moksori.web.offsets import Utf16Map
from tests.store.test_shared_passages import NEWS_PAGE, QA_PAGE
from tests.web.conftest import Browser


def test_split_marks_the_pieces_inside_a_shared_range() -> None:
    text = "own words SHARED PART own again"
    rows = split(text, [PassageIn("turn", "A", 0, len(text))], [], Utf16Map(text), [(10, 21)])
    pieces = [(p.text, p.shared) for p in rows[0].pieces]
    assert pieces == [("own words ", False), ("SHARED PART", True), (" own again", False)]


def test_page_marks_the_shared_passage_and_links_the_other_copy(
    as_coder: Browser, study: Project, tmp_path: Path
) -> None:
    qa, news = tmp_path / "qa-page.txt", tmp_path / "news-page.txt"
    qa.write_text(QA_PAGE, encoding="utf-8")
    news.write_text(NEWS_PAGE, encoding="utf-8")
    study.add([qa], workers=1)
    study.add([news], workers=1)
    qa_id, news_id = study.resolve_document("qa-page.txt"), study.resolve_document("news-page.txt")
    page = as_coder.client.get(f"/documents/{news_id}")
    assert page.status_code == 200
    assert f'href="/documents/{qa_id}"' in page.text
    assert '<mark class="shared">The Korea Hana Foundation' in page.text
    assert "this copy is left out of search" in page.text  # the later copy
    assert "also in" in page.text
    first = as_coder.client.get(f"/documents/{qa_id}").text
    assert f'href="/documents/{news_id}"' in first and "left out of search" not in first

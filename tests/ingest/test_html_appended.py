"""A whole article appended under an interview (an infinite-scroll "Up next") is body and
starts a new part: trafilatura kept only the first ``<article>`` (issue 17, heldout7)."""

from __future__ import annotations

from moksori.ingest.pipeline import ingest_bytes

INTERVIEW = (
    "<article class='post'><h1>\"I keep my grandmother's recipes\": a talk with a cook</h1>"
    "<div class='author-name'>By Nora Vance</div><section class='content'>"
    "<p>Kim Ha-neul (a pseudonym) left Chongjin in 2016 and now runs a small kitchen in "
    "Incheon. We spoke in October; the talk is edited for length.</p>"
    "<p>Q: What did you cook first in Seoul?</p>"
    "<p>A: Potato noodles. Nobody sold them, so I made them by hand in a rented room and "
    "the whole building came to ask about the smell.</p>"
    "<p>Q: Do customers notice your accent?</p>"
    "<p>A: Yes.</p>"
    "<p>A: Some ask where I am from. I tell them the food will answer before I do, and most "
    "of them laugh and order a second bowl.</p>"
    "</section></article>"
)
APPENDED = (
    "<div class='divider'><p>Up next</p></div>"
    "<article class='post'><h1>City opens evening classes for new arrivals</h1>"
    "<div class='author-name'>By Theo Marsh</div><section class='content'>"
    "<p>INCHEON — The city will open free evening classes on banking, tenancy and tax for "
    "residents who arrived from North Korea, officials said on Monday.</p>"
    "<p>The classes run for ten weeks at three community centres. Childcare is offered "
    "on site, and no registration fee is charged.</p>"
    '<p>"People asked us for the evenings, after work," one organiser said.</p>'
    "</section></article>"
)


def _page(body: str) -> bytes:
    head = "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ridge</title></head>"
    return f"{head}<body><main>{body}</main></body></html>".encode()


def test_an_appended_article_is_kept_and_no_turn_reaches_into_it() -> None:
    doc = ingest_bytes(_page(INTERVIEW + APPENDED), "appended.html").documents[0]
    lines = doc.text.split("\n")
    headline = "City opens evening classes for new arrivals"
    assert headline in lines
    assert '"People asked us for the evenings, after work," one organiser said.' in lines
    assert any(ln.startswith("INCHEON — The city will open") for ln in lines)
    at = doc.text.index(headline)
    turns = [s for s in doc.segments if s.kind == "turn"]
    assert turns and all(s.end <= at for s in turns)
    assert "Up next" not in lines


def test_teaser_cards_after_the_post_stay_out() -> None:
    """An ``<article>`` card of a related post (headline, a line of excerpt) is no article."""
    cards = (
        "<section class='read-more'><article class='post-card'><h3>A market in winter</h3>"
        "<p>Traders in Hyesan describe the coldest month of the year and what it costs them "
        "to keep their stalls open before dawn.</p></article></section>"
    )
    doc = ingest_bytes(_page(INTERVIEW + cards), "cards.html").documents[0]
    assert "A market in winter" not in doc.text
    assert "Traders in Hyesan" not in doc.text

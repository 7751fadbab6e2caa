"""A "Key points" box between a story's byline and its first paragraph is the story's own
claims and stays; a list of links in the same place is a menu and goes (issue 17, heldout7)."""

from __future__ import annotations

from moksori.ingest.limits import Limits
from moksori.ingest.readers.html import read_html

BODY = (
    "<div class='story-body'>"
    "<p>SEOUL — For years the night bus from the border city was the cheapest way south for "
    "people who had just crossed. This autumn, drivers and aid workers say, that bus has "
    "stopped taking passengers without papers.</p>"
    '<p>"Since August nobody rides without a card," said one driver, who asked not to be '
    'named. "The checks are at every stop now, and the fines are paid by the driver."</p>'
    "<p>Aid workers say the change began with new identity readers installed on long-distance "
    "buses in the spring, and that families now wait weeks for a private car instead.</p>"
    "</div>"
)


def _lines(box: str) -> list[str]:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Night bus</title></head><body>"
        "<article class='story'><h1>Why the night bus south no longer stops</h1>"
        "<div class='byline'>By Ji-ho Han</div>"
        f"{box}{BODY}</article></body></html>"
    )
    [doc] = read_html(page.encode(), "keypoints.html", Limits())
    return [ln for ln in doc.blocks[0].text.split("\n") if ln]


def test_a_key_points_box_over_the_first_paragraph_is_kept() -> None:
    box = (
        "<aside class='key-points'><h2>Key points</h2><ul>"
        "<li>Drivers say no passenger without papers has ridden since August</li>"
        "<li>Identity readers were installed on long-distance buses in the spring</li>"
        "</ul></aside>"
    )
    lines = _lines(box)
    item = "Drivers say no passenger without papers has ridden since August"
    assert any(ln.endswith(item) for ln in lines)
    assert "Key points" in lines
    first = next(i for i, ln in enumerate(lines) if ln.startswith("SEOUL —"))
    assert lines.index("Key points") < first


def test_a_list_of_links_over_the_first_paragraph_stays_out() -> None:
    box = (
        "<ul class='tags'><li><a href='/t/1'>Border crossings and the night bus</a></li>"
        "<li><a href='/t/2'>Identity checks on long-distance buses</a></li></ul>"
    )
    lines = _lines(box)
    assert not any("Border crossings and the night bus" in ln for ln in lines)

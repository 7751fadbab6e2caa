"""A pair aligned, fixed by hand, re-aligned, and its codings projected across."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moksori.bilingual.alignment import AlignmentError
from moksori.cli.app import app
from moksori.project import Project
from tests.conftest import cli_env

KO = (
    "면담자: 언제 북한을 떠나셨어요?\n"
    "참여자: 2010년 겨울에 떠났어요. 두만강을 밤에 건넜어요. 물이 허리까지 왔어요.\n"
    "면담자: 중국에서는 어떻게 지내셨어요?\n"
    "참여자: 음… 식당에서 일했어요. 사장님이 월급을 안 줬어요.\n"
    "참여자: 모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요.\n"
)
EN = (
    "Interviewer: When did you leave North Korea?\n"
    "Participant: I left in the winter of 2010. We crossed the Tumen River at night. "
    "The water came up to my waist.\n"
    "Interviewer: How did you live in China?\n"
    "Participant: I worked in a restaurant. The owner did not pay my wages.\n"
    "Participant: When I don't know something, I ask the internet instead of people.\n"
)


@pytest.fixture
def paired(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int03.ko.txt").write_text(KO, encoding="utf-8")
    (folder / "int03.en.txt").write_text(EN, encoding="utf-8")
    assert len(project.add([folder], workers=1).pairs) == 1
    return project


def _text(p: Project, doc_id: int, start: int, end: int) -> str:
    return str(p.conn.execute("SELECT text FROM document WHERE id = ?", (doc_id,)).fetchone()[0])[
        start:end
    ]


def test_align_links_every_sentence_in_order(paired: Project) -> None:
    pair = paired.pairs.all()[0]
    report = paired.alignments.align(pair.id)
    links = paired.alignments.links(pair.id)
    assert report.links == len(links) and report.warning is None
    a_seen = [i for x in links for i in x.a_sentences]
    b_seen = [i for x in links for i in x.b_sentences]
    assert a_seen == sorted(a_seen) == list(range(len(a_seen)))
    assert b_seen == sorted(b_seen) == list(range(len(b_seen)))
    by_text = {x.a_text: x.b_text for x in links}
    assert by_text["두만강을 밤에 건넜어요."] == "We crossed the Tumen River at night."
    assert "internet" in by_text["모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요."]
    for x in links:  # stored ranges are the sentences' text
        assert _text(paired, pair.original_id, x.a_start, x.a_end).startswith(x.a_text[:5])
        assert 0 <= x.confidence <= 1
    assert paired.pairs.get(pair.id).aligned_at is not None


def test_links_set_by_hand_survive_realignment(paired: Project) -> None:
    pair = paired.pairs.all()[0]
    paired.alignments.align(pair.id)
    a = [x for x in paired.alignments.links(pair.id) if "월급" in x.a_text][0]
    made = paired.alignments.set_link(pair.id, a.a_sentences, [])  # "not translated"
    assert made.manual and made.b_sentences == []
    paired.alignments.align(pair.id)
    again = paired.alignments.links(pair.id)
    assert any(x.manual and x.a_sentences == a.a_sentences and not x.b_sentences for x in again)
    b_seen = [i for x in again for i in x.b_sentences]
    assert b_seen == sorted(b_seen) == list(range(len(b_seen)))
    with pytest.raises(AlignmentError, match="consecutive"):
        paired.alignments.set_link(pair.id, [0, 2], [0])
    with pytest.raises(AlignmentError, match="sentences 0"):
        paired.alignments.set_link(pair.id, [99], [0])


def test_codings_project_onto_the_aligned_translation(paired: Project) -> None:
    pair = paired.pairs.all()[0]
    paired.alignments.align(pair.id)
    paired.codebook.create("river crossing")
    ko_text = _text(paired, pair.original_id, 0, 10_000)
    start = ko_text.index("두만강")
    coding = paired.codings.apply("river crossing", pair.original_id, start, start + 3)
    from moksori.bilingual.projection import project_codings

    report = project_codings(paired.conn)
    assert report.projected == 1 and report.pairs == 1
    projected = [c for c in paired.codings.list() if c.origin == "projected"]
    assert len(projected) == 1
    assert projected[0].document_id == pair.translation_id
    assert projected[0].text == "We crossed the Tumen River at night."
    assert paired.codings.get(projected[0].id).source_id == coding.id
    again = project_codings(paired.conn, direction="both")
    assert again.projected == 0 and again.already == 1  # never projected back, nor twice


def test_cli_align_alignment_link_and_project(paired: Project) -> None:
    runner = CliRunner()
    env = cli_env()
    path = str(paired.path)
    aligned = runner.invoke(app, ["align", path, "int03.ko.txt", "--json"], env=env)
    assert aligned.exit_code == 0, aligned.output
    assert json.loads(aligned.stdout)["links"] >= 8
    listed = runner.invoke(app, ["alignment", path, "#1", "--json"], env=env)
    links = json.loads(listed.stdout)
    assert links and {"a_sentences", "b_sentences", "confidence", "kind"} <= set(links[0])
    fixed = runner.invoke(
        app, ["link", path, "#1", "--original", "0", "--translation", "0"], env=env
    )
    assert fixed.exit_code == 0, fixed.output
    shown = runner.invoke(app, ["alignment", path, "#1"], env=env)
    assert "hand" in shown.output
    proj = runner.invoke(app, ["code", "project-translation", path, "--json"], env=env)
    assert proj.exit_code == 0, proj.output
    assert json.loads(proj.stdout)["pairs"] == 1


def test_agreement_on_one_side_of_the_pair(paired: Project) -> None:
    """Reliability computed on the Korean side only, or the English side only."""
    pair = paired.pairs.all()[0]
    paired.codebook.create("china")
    paired.coders.add("Owner", "owner")
    for name in ("A", "B"):
        paired.coders.add(name)
    for doc in (pair.original_id, pair.translation_id):
        text = _text(paired, doc, 0, 10_000)
        at = text.index("중국") if doc == pair.original_id else text.index("China")
        for name in ("A", "B"):
            paired.codings.apply("china", doc, at, at + 2, coder=name)
    runner = CliRunner()
    for lang, doc in (("ko", pair.original_id), ("en", pair.translation_id)):
        got = runner.invoke(
            app,
            ["agreement", str(paired.path), "--coders", "A,B", "--coder", "Owner"]
            + ["--lang", lang, "--json"],
            env=cli_env(),
        )
        assert got.exit_code == 0, got.output
        assert [d["id"] for d in json.loads(got.stdout)["documents"]] == [doc]
    bad = runner.invoke(
        app,
        ["agreement", str(paired.path), "--coders", "A,B", "--coder", "Owner", "--lang", "ru"],
        env=cli_env(),
    )
    assert bad.exit_code != 0 and "no document in language" in bad.output


def test_automatic_projection_of_new_codings(paired: Project) -> None:
    pair = paired.pairs.all()[0]
    paired.alignments.align(pair.id)
    paired.codebook.create("wages")
    runner = CliRunner()
    path = str(paired.path)
    on = runner.invoke(app, ["code", "project-translation", path, "--auto", "on"], env=cli_env())
    assert on.exit_code == 0, on.output
    at = _text(paired, pair.original_id, 0, 10_000).index("월급")
    made = runner.invoke(
        app,
        ["code", "apply", path, "wages", "--doc", str(pair.original_id)]
        + ["--start", str(at), "--end", str(at + 2)],
        env=cli_env(),
    )
    assert made.exit_code == 0, made.output
    assert "1 projected" in made.output
    projected = [c for c in paired.codings.list() if c.origin == "projected"]
    assert [c.text for c in projected] == ["The owner did not pay my wages."]


def test_a_much_shorter_translation_is_warned_about(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int09.ko.txt").write_text(KO, encoding="utf-8")
    (folder / "int09.en.txt").write_text("Participant: I left in 2010.\n", encoding="utf-8")
    pair = project.add([folder], workers=1).pairs[0]
    report = project.alignments.align(pair.id)
    assert report.warning is not None and "coverage" in report.warning
    assert report.coverage < 0.6
    # the dropped sentences are confident 1-0 links, not a stretch to check
    assert sum(n for k, n in report.kinds.items() if k.endswith("-0")) >= 3


def test_projected_codings_are_not_counted_twice(paired: Project) -> None:
    from moksori.analysis.coded import load
    from moksori.bilingual.projection import project_codings

    pair = paired.pairs.all()[0]
    paired.alignments.align(pair.id)
    paired.codebook.create("river crossing")
    at = _text(paired, pair.original_id, 0, 10_000).index("두만강")
    paired.codings.apply("river crossing", pair.original_id, at, at + 3)
    assert project_codings(paired.conn).projected == 1
    assert len(paired.codings.list()) == 2
    assert [c.document_id for c in load(paired.conn)] == [pair.original_id]

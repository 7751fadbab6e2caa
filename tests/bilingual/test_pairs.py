"""Translation pairs: made by hand or from file names, with every rule enforced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from moksori.bilingual.name_pairs import FIT_THRESHOLD
from moksori.bilingual.pairs import PairError, name_language
from moksori.cli.app import app
from moksori.errors import NotFound
from moksori.project import Project
from tests.conftest import cli_env

KO = "면담자: 언제 떠나셨어요?\n참여자: 2010년 겨울에 두만강을 건넜어요. 너무 추웠어요.\n"
EN = (
    "Interviewer: When did you leave?\n"
    "Participant: I crossed the Tumen in the winter of 2010. It was so cold.\n"
)
EN_OTHER = "A note about the market in Hyesan, written in English 🌙.\n"
KO_OTHER = "장마당에서 옥수수를 팔았어요.\n"


def _files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int07.ko.txt").write_text(KO, encoding="utf-8")
    (folder / "int07.en.txt").write_text(EN, encoding="utf-8")
    (folder / "note_en.txt").write_text(EN_OTHER, encoding="utf-8")
    (folder / "market (ko).txt").write_text(KO_OTHER, encoding="utf-8")
    return folder


def test_files_named_by_language_pair_when_added(project: Project, tmp_path: Path) -> None:
    report = project.add([_files(tmp_path)], workers=1)
    assert [(p.original, p.translation) for p in report.pairs] == [
        ("in/int07.ko.txt", "in/int07.en.txt")
    ]
    pair = report.pairs[0]
    assert (pair.original_lang, pair.translation_lang) == ("ko", "en")
    docs = {d.source_name: d for d in project.documents()}
    assert docs["in/int07.en.txt"].translation_of == pair.original_id
    assert docs["in/int07.ko.txt"].translations == [pair.translation_id]
    assert docs["in/note_en.txt"].translation_of is None
    # adding again pairs nothing new (the files are duplicates)
    assert project.add([tmp_path / "in"], workers=1).pairs == []


UNRELATED_KO = (
    "면담자: 장사는 어떻게 시작하셨어요?\n"
    "참여자: 처음에는 장마당에서 옥수수 국수를 팔았어요. 어머니가 가르쳐 주셨어요.\n"
)
UNRELATED_EN = (
    "Interviewer: What do you do on weekends now?\n"
    "Participant: I go to church and then I study for the bus driver licence. "
    "My son plays football with the neighbours.\n"
)


def test_names_alone_do_not_pair_unrelated_interviews(project: Project, tmp_path: Path) -> None:
    """int07.ko / int07.en whose texts say different things: proposed, not paired."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int07.ko.txt").write_text(UNRELATED_KO, encoding="utf-8")
    (folder / "int07.en.txt").write_text(UNRELATED_EN, encoding="utf-8")
    (folder / "int08_ko.txt").write_text(KO, encoding="utf-8")
    (folder / "int08_en.txt").write_text(EN, encoding="utf-8")
    report = project.add([folder], workers=1)
    assert [(p.original, p.translation) for p in report.pairs] == [
        ("in/int08_ko.txt", "in/int08_en.txt")
    ]
    [proposal] = report.proposed_pairs
    assert (proposal.original, proposal.translation) == ("in/int07.ko.txt", "in/int07.en.txt")
    assert proposal.fit < FIT_THRESHOLD
    assert report.to_json()["proposed_pairs"][0]["translation"] == "in/int07.en.txt"
    assert len(project.pairs.all()) == 1
    # the researcher can still pair them by hand
    project.pairs.pair("in/int07.ko.txt", "in/int07.en.txt")
    assert len(project.pairs.all()) == 2


def test_rules_of_a_pair(project: Project, tmp_path: Path) -> None:
    project.add([_files(tmp_path)], workers=1)
    with pytest.raises(PairError, match="its own translation"):
        project.pairs.pair("in/note_en.txt", "in/note_en.txt")
    with pytest.raises(PairError, match="same language"):
        project.pairs.pair("in/int07.en.txt", "in/note_en.txt")
    with pytest.raises(PairError, match="already paired"):
        project.pairs.pair("in/int07.en.txt", "in/int07.ko.txt")
    with pytest.raises(PairError, match="already has a translation in en"):
        project.pairs.pair("in/int07.ko.txt", "in/note_en.txt")
    with pytest.raises(PairError, match="itself a translation"):
        project.pairs.pair("in/int07.en.txt", "in/market (ko).txt")
    made = project.pairs.pair("in/market (ko).txt", "in/note_en.txt")
    assert project.pairs.find("in/note_en.txt").id == made.id
    assert project.pairs.find(f"#{made.id}").original == "in/market (ko).txt"
    project.pairs.unpair(made.id)
    with pytest.raises(NotFound, match="has no translation"):
        project.pairs.find("in/note_en.txt")
    assert len(project.pairs.all()) == 1


def test_a_failed_pair_changes_nothing(project: Project, tmp_path: Path) -> None:
    project.add([_files(tmp_path)], workers=1)
    before = project.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(PairError):
        project.pairs.pair("in/int07.ko.txt", "in/note_en.txt")
    assert project.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert len(project.pairs.all()) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a/int07.ko.txt", ("a/int07", "ko")),
        ("a/int07_EN.docx", ("a/int07", "en")),
        ("a/int07-kor.hwpx", ("a/int07", "ko")),
        ("a/int07 (eng).txt", ("a/int07", "en")),
        ("a/int07.txt", None),
        ("a/korea.txt", None),
        ("a/token.txt", None),
    ],
)
def test_language_tags_in_file_names(name: str, expected: tuple[str, str] | None) -> None:
    assert name_language(name) == expected


def test_cli_pair_pairs_unpair(project_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    env = cli_env()
    assert runner.invoke(app, ["init", str(project_path)], env=env).exit_code == 0
    added = runner.invoke(app, ["add", str(project_path), str(_files(tmp_path))], env=env)
    assert added.exit_code == 0, added.output
    assert "paired in/int07.ko.txt (ko)" in added.output
    made = runner.invoke(
        app, ["pair", str(project_path), "in/market (ko).txt", "in/note_en.txt", "--json"], env=env
    )
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout)["translation_lang"] == "en"
    listed = runner.invoke(app, ["pairs", str(project_path), "--json"], env=env)
    assert [p["original"] for p in json.loads(listed.stdout)] == [
        "in/int07.ko.txt",
        "in/market (ko).txt",
    ]
    bad = runner.invoke(app, ["pair", str(project_path), "1", "1"], env=env)
    assert bad.exit_code != 0 and "own translation" in bad.output
    assert "Traceback" not in bad.output
    gone = runner.invoke(app, ["unpair", str(project_path), "in/note_en.txt"], env=env)
    assert gone.exit_code == 0, gone.output
    docs = runner.invoke(app, ["docs", str(project_path), "--json"], env=env)
    by_name = {d["source_name"]: d for d in json.loads(docs.stdout)}
    assert by_name["in/note_en.txt"]["translation_of"] is None
    assert by_name["in/int07.en.txt"]["translation_of"] == by_name["in/int07.ko.txt"]["id"]


def test_cli_add_says_which_named_pairs_it_did_not_make(project_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "int07.ko.txt").write_text(UNRELATED_KO, encoding="utf-8")
    (folder / "int07.en.txt").write_text(UNRELATED_EN, encoding="utf-8")
    runner = CliRunner()
    env = cli_env()
    assert runner.invoke(app, ["init", str(project_path)], env=env).exit_code == 0
    added = runner.invoke(app, ["add", str(project_path), str(folder)], env=env)
    assert added.exit_code == 0, added.output
    said = " ".join(added.output.split())
    assert "not paired: in/int07.ko.txt and in/int07.en.txt" in said
    assert "moksori pair PROJECT in/int07.ko.txt in/int07.en.txt" in said
    as_json = runner.invoke(app, ["pairs", str(project_path), "--json"], env=env)
    assert json.loads(as_json.stdout) == []

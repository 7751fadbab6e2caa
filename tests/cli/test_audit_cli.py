"""What the command line changes is audited by the library, as --coder (or
MOKSORI_CODER), with ids, counts and one choice word: never a file name, a
person's or account's name, or a phrase of the study."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from moksori.cli.app import app
from moksori.project import Project
from moksori.store import audit
from tests.conftest import TEST_PASSPHRASE, cli_env

TESTIMONY = "박영희: 2012년에 회령에서 두만강을 건넜어요.\n"
PASSWORD = "a long enough password"


def moksori(*args: str, **env: str) -> str:
    result = CliRunner().invoke(app, list(args), env=cli_env(**env))
    assert result.exit_code == 0, result.output
    return result.stdout


def _events(path: Path, action: str) -> list[dict[str, object]]:
    with Project.open(path, TEST_PASSPHRASE) as p:
        return audit.entries(p.conn, action)


def test_add_is_audited_per_file_by_document_id_never_by_name(tmp_path: Path) -> None:
    path = tmp_path / "study.moksori"
    Project.create(path, TEST_PASSPHRASE).close()
    source = tmp_path / "interview_박영희.txt"
    source.write_text(TESTIMONY, encoding="utf-8")
    moksori("add", str(path), str(source), "--workers", "1", "--coder", "Researcher Park")
    [event] = _events(path, "file.add")
    with Project.open(path, TEST_PASSPHRASE) as p:
        ids = [d.id for d in p.documents()]
    assert event["actor"] == "Researcher Park"
    assert event["detail"] == {
        "targets": {"document": ids},
        "counts": {"bytes": len(TESTIMONY.encode())},
    }
    assert "박영희" not in json.dumps(event, ensure_ascii=False)
    # adding the same bytes again is a duplicate: nothing changes, nothing is audited
    moksori("add", str(path), str(source), "--workers", "1", MOKSORI_CODER="someone")
    assert len(_events(path, "file.add")) == 1


def test_account_changes_name_the_account_by_id(tmp_path: Path) -> None:
    path = tmp_path / "study.moksori"
    Project.create(path, TEST_PASSPHRASE).close()
    env = {"MOKSORI_USER_PASSWORD": PASSWORD, "MOKSORI_CODER": "Dr Han"}
    moksori("user", "add", str(path), "Kim Soon-hee", "--role", "coder", **env)
    moksori("user", "role", str(path), "Kim Soon-hee", "viewer", **env)
    moksori("user", "password", str(path), "Kim Soon-hee", **env)
    moksori("user", "disable", str(path), "Kim Soon-hee", **env)
    with Project.open(path, TEST_PASSPHRASE) as p:
        [user] = p.users.list()
        trail = [e for e in audit.entries(p.conn) if str(e["action"]).startswith("user.")]
    assert [(e["action"], e["detail"].get("choice")) for e in trail] == [
        ("user.add", "coder"),
        ("user.role", "viewer"),
        ("user.password", None),
        ("user.disable", None),
    ]
    assert all(e["detail"]["targets"] == {"user": [user.id]} for e in trail)
    assert all(e["actor"] == "Dr Han" for e in trail)
    assert "Soon-hee" not in json.dumps(trail)


def test_policy_and_shared_list_changes_are_audited_without_the_phrase(tmp_path: Path) -> None:
    path = tmp_path / "study.moksori"
    Project.create(path, TEST_PASSPHRASE).close()
    moksori("deid", "policy", str(path), "place", "region", "--coder", "owner")
    moksori("deid", "policy", str(path), "allow", "Sunshine Church", "--coder", "owner")
    [policy] = _events(path, "deid.policy")
    assert policy["actor"] == "owner" and policy["detail"] == {"choice": "place.region"}
    [shared] = _events(path, "deid.shared_list")
    assert shared["detail"]["choice"] == "allow"
    assert "unshine" not in json.dumps(shared).lower()


def test_qdpx_export_is_audited_as_an_export(tmp_path: Path) -> None:
    path = tmp_path / "study.moksori"
    source = tmp_path / "a.txt"
    source.write_text(TESTIMONY, encoding="utf-8")
    with Project.create(path, TEST_PASSPHRASE) as p:
        p.add([source], workers=1)
    moksori("export", str(path), str(tmp_path / "study.qdpx"), MOKSORI_CODER="Dr Han")
    [event] = _events(path, "export")
    assert event["actor"] == "Dr Han"
    assert event["detail"] == {"counts": {"rows": 0, "redacted": 0}, "choice": "qdpx"}


def test_the_trail_is_read_from_the_cli_by_family_person_and_time(tmp_path: Path) -> None:
    path = tmp_path / "study.moksori"
    Project.create(path, TEST_PASSPHRASE).close()
    source = tmp_path / "interview_박영희.txt"
    source.write_text(TESTIMONY, encoding="utf-8")
    moksori("add", str(path), str(source), "--workers", "1", "--coder", "Researcher Park")
    moksori("codebook", "add", str(path), "떠남", "--coder", "Researcher Park")
    moksori("codebook", "add", str(path), "건넘", "--coder", "Researcher Kim")

    def trail(*options: str) -> list[dict[str, object]]:
        events = json.loads(moksori("audit", str(path), "--json", *options))["events"]
        assert isinstance(events, list)
        return events

    everything = trail()
    assert [e["action"] for e in everything] == ["file.add", "code.create", "code.create"]
    assert [e["id"] for e in everything] == sorted(e["id"] for e in everything)
    assert [e["action"] for e in trail("--action", "code")] == ["code.create"] * 2
    assert trail("--action", "code.create", "--actor", "Researcher Kim") == everything[2:]
    assert trail("--last", "1") == everything[2:]
    assert trail("--since", "2999-01-01") == []
    assert trail("--since", "2000-01-01") == everything
    # the trail names records by id and GUID: no file name, code name or testimony
    shown = moksori("audit", str(path))
    dumped = json.dumps(everything, ensure_ascii=False) + shown
    assert not any(word in dumped for word in ("박영희", "떠남", "건넘", "interview"))
    assert "code.create" in shown and "Researcher Kim" in shown

    result = CliRunner().invoke(app, ["audit", str(path), "--action", "cod"], env=cli_env())
    assert result.exit_code == 1
    assert "no audited action 'cod'" in result.output and "Traceback" not in result.output

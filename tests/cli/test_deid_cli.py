"""De-identification end to end in real processes: vault, names, scan, review, exports, share."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

from tests.cli.test_cli import moksori
from tests.conftest import cli_env
from tests.protect.conftest import TESTIMONY_EN, TESTIMONY_KO

VAULT = "vault passphrase (cli test)"
ENV = cli_env(MOKSORI_VAULT_PASSPHRASE=VAULT, MOKSORI_SHARE_PASSPHRASE="shared copy (cli test)")


def run(*args: str, ok: bool = True, env: dict[str, str] | None = None) -> str:
    r = moksori(*args, env=env or ENV)
    assert (r.returncode == 0) == ok, r.stdout + r.stderr
    if not ok:
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
        return r.stderr
    return r.stdout


def test_deid_session(tmp_path: Path) -> None:
    proj = str(tmp_path / "study.moksori")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-ko.txt").write_text(TESTIMONY_KO, encoding="utf-8")
    (folder / "2-en.txt").write_text(TESTIMONY_EN, encoding="utf-8")
    run("init", proj)
    run("add", proj, str(folder))

    # the vault needs its own passphrase
    same = cli_env(MOKSORI_VAULT_PASSPHRASE=cli_env()["MOKSORI_PASSPHRASE"])
    assert "its own passphrase" in run("deid", "vault", "init", proj, ok=False, env=same)
    run("deid", "vault", "init", proj)
    assert (tmp_path / "study.vault").exists()
    names = tmp_path / "names.txt"
    names.write_text(
        "김순희 = Kim Soon-hee = 순희 -> Youngmi / 영미\n리철수 = Ri Chol-su\n", "utf-8"
    )
    run("deid", "names", "import", proj, str(names))
    bad = tmp_path / "bad.txt"
    bad.write_text("박옥순 = Park Ok-sun\n\n박옥순 = Mrs Park\n", "utf-8")
    assert "line 3" in run("deid", "names", "import", proj, str(bad), ok=False)

    scan = json.loads(run("deid", "scan", proj, "--json"))
    assert scan["documents"] == 2 and scan["by_type"]["person"] >= 6

    # exports wait for review
    assert "await review" in run("deid", "export", proj, str(tmp_path / "out"), ok=False)
    listing = json.loads(run("deid", "findings", proj, "--type", "person", "--json"))
    assert {f["text"] for f in listing} >= {"김순희", "Kim Soon-hee", "리철수", "Ri Chol-su"}
    run("deid", "review", proj, "accept", "--all")
    status = json.loads(run("deid", "status", proj, "--json"))
    assert status["unreviewed"] == 0

    shown = run("deid", "show", proj, "1")
    assert "영미:" in shown and "김순희" not in shown
    run("deid", "export", proj, str(tmp_path / "out"), "--format", "docx")
    text = "\n".join(p.text for p in Document(str(tmp_path / "out" / "document-2.docx")).paragraphs)
    assert "Youngmi" in text and "Soon-hee" not in text
    run("deid", "export", proj, str(tmp_path / "html"), "--format", "html")
    assert "김순희" not in (tmp_path / "html" / "document-1.html").read_text("utf-8")

    entities = json.loads(run("deid", "entities", proj, "--json"))
    assert [e["pseudonym"] for e in entities][:1] == ["Youngmi"]
    run("deid", "pseudonym", proj, entities[1]["pseudonym"], "Cheol", "--ko", "철")
    assert "남동생 철이랑" in run("deid", "show", proj, "1")
    revealed = json.loads(run("deid", "reveal", proj, "Cheol", "--json"))
    assert "리철수" in revealed["names"]

    run("deid", "policy", proj, "place", "region")
    assert json.loads(run("deid", "policy", proj, "--json"))["place"] == "region"
    assert "can be" in run("deid", "policy", proj, "age", "province", ok=False)

    shared = str(tmp_path / "shared.moksori")
    run("deid", "share", proj, shared)
    env = cli_env(MOKSORI_PASSPHRASE="shared copy (cli test)")
    assert "리철수" not in run("show", shared, "1", env=env)
    wrong = cli_env(MOKSORI_VAULT_PASSPHRASE="wrong")
    assert "wrong vault passphrase" in run("deid", "reveal", proj, "Cheol", ok=False, env=wrong)


def test_share_guards_case_attributes(tmp_path: Path) -> None:
    """k below the threshold: refused in one line; --withhold passes; --accept-risk is audited."""
    from moksori.project import Project
    from moksori.protect.vault import default_path
    from moksori.store import audit
    from tests.conftest import TEST_PASSPHRASE

    proj = tmp_path / "study.moksori"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-ko.txt").write_text(TESTIMONY_KO, encoding="utf-8")
    with Project.create(proj, TEST_PASSPHRASE) as p:
        p.add([folder], workers=1)
        p.deid.create_vault(default_path(proj), VAULT).close()
        p.cases.define_attribute("hometown", "text")
        p.cases.define_attribute("age", "integer")
        for name, town, age in (("P1", "회령", 23), ("P2", "무산", 31), ("P3", "회령시", 45)):
            p.cases.add(name)
            p.cases.set_value(name, "hometown", town)
            p.cases.set_value(name, "age", age)
    shared = str(tmp_path / "shared.moksori")
    refused = run("deid", "share", str(proj), shared, "--unreviewed-ok", ok=False)
    assert "age" in refused and "k = 1" in refused and "--accept-risk" in refused
    assert not Path(shared).exists()
    assert "k = 3" in run(
        "deid", "share", str(proj), shared, "--unreviewed-ok", "--withhold", "age"
    )
    risky = str(tmp_path / "risky.moksori")
    run("deid", "share", str(proj), risky, "--unreviewed-ok", "--accept-risk", "--coder", "me")
    with Project.open(proj, TEST_PASSPHRASE) as p:
        events = audit.entries(p.conn, "deid.share")
    assert [e["detail"]["counts"]["accepted_risk"] for e in events] == [0, 1]
    assert events[-1]["actor"] == "me" and events[-1]["detail"]["counts"]["k"] == 1

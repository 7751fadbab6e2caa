"""Issue 14: a shared copy keeps nothing that names someone, wherever it was written.

A fictional study: names in file names, titles, document attributes, case
names, descriptions, memos, codes and speaker labels; hometowns as case
attributes; a memo naming a town near a Chinese city; every person finding
accepted and then rejected by a coder. The copy is opened and every text
column of every table dumped (and the decrypted bytes grepped): no known name
in any spelling, no phone, no e-mail, no accepted place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from moksori.project import Project
from moksori.protect import policy as policy_store
from moksori.protect.deid import share_project
from moksori.protect.findings import Selector
from moksori.protect.known import KnownNames
from moksori.protect.scrub import Scrubber
from moksori.protect.share import ShareOptions, ShareRefused
from moksori.protect.vault import Vault
from moksori.protect.view import ViewCache
from moksori.store import audit
from moksori.store.database import transaction
from tests.protect.conftest import VAULT_PASSPHRASE
from tests.protect.test_share import _plaintext

SHARED = "passphrase of the shared copy (leaks)"

KO = (
    "면담자: 고향이 어디세요?\n"
    "김철수: 저는 회령에서 왔어요. 여동생 리영희랑 같이 연길까지 갔어요.\n"
    "김철수: 연락처는 010-5512-7788이고 메일은 cholsu.kim@example.net이에요.\n"
)
EN = (
    "Interviewer: Where are you from?\n"
    "Kim Chol-su: I came from Hoeryong. My sister Ri Yong-hui came with me to Yanji.\n"
    "Kim Chol-su: Call me on 010-5512-7788.\n"
)
THIRD = "면담자: 언제 오셨어요?\n리영희: 오빠 김철수랑 같이 회령에서 나왔어요.\n"

NAMES = ["김철수", "리영희", "Kim Chol-su", "Chol-su", "Cholsu", "Ri Yong-hui", "Yong-hui"]
CONTACT = ["010-5512-7788", "5512-7788", "cholsu.kim@example.net"]
PLACES = ["회령", "Hoeryong", "연길", "Yanji"]


@pytest.fixture
def study(project: Project, tmp_path: Path) -> tuple[Project, Vault]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "김철수 면담.txt").write_text(KO, encoding="utf-8")
    (folder / "Kim Chol-su notes.txt").write_text(EN, encoding="utf-8")
    (folder / "리영희 면담.txt").write_text(THIRD, encoding="utf-8")
    p = project
    assert p.add([folder], attributes={"interviewee": "김철수"}, workers=1).count("added") == 3
    vault = p.deid.create_vault(tmp_path / "study.vault", VAULT_PASSPHRASE)
    p.deid.add_known(["김철수", "Kim Chol-su"], vault, pseudonym="Minho", pseudonym_ko="민호")
    p.deid.scan(vault=vault)
    p.deid.review(Selector(), "accepted", vault=vault)
    # a coder then rejects every person finding the owner had accepted
    p.deid.review(Selector(types=["person"]), "rejected", actor="coder")

    p.coders.add("a")
    p.coders.current("a")
    p.codebook.create(
        "탈북 Escape",
        definition="How 김철수 crossed near 회령; call 010-5512-7788",
        examples=["김철수: 저는 회령에서 왔어요", "Kim Chol-su came from Hoeryong"],
    )
    p.codebook.create("가족 Family", inclusion="리영희 and her brother")
    p.codebook.create("김철수 이야기", alt_name="Kim Chol-su's story")
    p.codebook.link("탈북 Escape", "가족 Family", "strategy for", memo="Ri Yong-hui followed")
    d = next(d.id for d in p.documents() if "Chol-su" in d.source_name)
    text = p.document(d).text
    start = text.index("I came")
    p.codings.apply(
        "탈북 Escape",
        d,
        start,
        text.index("\n", start),
        coder="a",
        memo="Kim Chol-su's e-mail is cholsu.kim@example.net",
    )
    p.memos.add(
        "project",
        None,
        "met near Yanji / 연길 근처에서 만났다",
        title="김철수 follow-up",
        author="a",
    )
    p.cases.define_attribute("hometown", "text")
    p.cases.define_attribute("age", "integer")
    for name, town, age in (
        ("김철수", "회령", 23),
        ("리영희", "무산", 27),
        ("참가자 3", "회령시", 25),
    ):
        p.cases.add(name, f"{name} was interviewed in 연길; Kim Chol-su introduced us")
        p.cases.set_value(name, "hometown", town)
        p.cases.set_value(name, "age", age)
    return p, vault


def _dump(path: Path) -> str:
    """Every text (and decoded blob) of every table in the shared copy."""
    with Project.open(path, SHARED) as shared:
        tables = [
            r[0]
            for r in shared.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        out = []
        for t in tables:
            for row in shared.conn.execute(f'SELECT * FROM "{t}"'):
                for v in row:
                    if isinstance(v, bytes):
                        v = v.decode("utf-8", "replace")
                    if isinstance(v, str):
                        out.append(v)
    return "\n".join(out)


def _assert_clean(text: str) -> None:
    for s in NAMES + CONTACT + PLACES:
        assert s.casefold() not in text.casefold(), f"{s!r} reached the shared copy"
    assert not re.search(r"chol[\s-]?su", text, re.IGNORECASE)


def test_share_refuses_when_case_attributes_single_people_out(
    study: tuple[Project, Vault], tmp_path: Path
) -> None:
    p, vault = study
    out = tmp_path / "refused.moksori"
    with pytest.raises(ShareRefused) as refused:
        share_project(p.conn, out, SHARED, vault)
    message = str(refused.value)
    assert "age" in message and "k = 1" in message and "threshold of 3" in message
    assert "--withhold" in message and "--accept-risk" in message
    assert "김철수" not in message and "리영희" not in message  # names no one
    assert not out.exists()
    # the project's own threshold is what counts
    policy_store.set_k_threshold(p.conn, 4)
    with pytest.raises(ShareRefused, match="threshold of 4"):
        share_project(p.conn, out, SHARED, vault, ShareOptions(withhold=["age"]))


def test_withheld_and_generalised_copy_keeps_nothing_that_names(
    study: tuple[Project, Vault], tmp_path: Path
) -> None:
    p, vault = study
    out = tmp_path / "shared.moksori"
    # hometowns become provinces by the place policy: all three 함경북도, k = 3
    report = share_project(p.conn, out, SHARED, vault, ShareOptions(withhold=["age"]))
    assert report.attributes["k"] == 3 and report.attributes["withheld"] == ["age"]
    assert not report.accepted_risk
    assert report.scrubbed["person"] >= 10 and report.scrubbed["place"] >= 5
    assert report.scrubbed["phone"] >= 1 and report.scrubbed["email"] >= 1
    assert report.redacted["person"] >= 6
    dump = _dump(out)
    _assert_clean(dump)
    raw = _plaintext(out, SHARED, tmp_path).decode("utf-8", "replace")
    _assert_clean(raw)
    with Project.open(out, SHARED) as shared:
        table = shared.cases.table()
        assert {r["hometown"] for r in table} == {"함경북도"}  # generalised by the place policy
        assert all(r["age"] is None for r in table)  # withheld
        assert "민호" in {r["case"] for r in table}  # a case named by a real name: pseudonym
        [memo] = shared.memos.list()
        assert memo.text == "met near 길림성 / 길림성 근처에서 만났다"  # generalised, Korean line
        texts = [shared.document(d.id).text for d in shared.documents()]
        assert any("Minho: I came from North Hamgyong" in t for t in texts)
    events = audit.entries(p.conn, "deid.share")
    age = next(a.id for a in p.cases.attributes() if a.name == "age")
    assert events[-1]["detail"]["targets"]["withheld"] == [age]  # by id, never by name
    assert events[-1]["detail"]["counts"]["accepted_risk"] == 0


def test_generalise_option_and_accept_risk_are_honoured_and_audited(
    study: tuple[Project, Vault], tmp_path: Path
) -> None:
    p, vault = study
    options = ShareOptions(generalise={"age": "10-year band"})
    report = share_project(p.conn, tmp_path / "g.moksori", SHARED, vault, options)
    assert report.attributes["generalised"] == {"age": "10-year band"}
    with Project.open(tmp_path / "g.moksori", SHARED) as shared:
        ages = sorted(str(r["age"]) for r in shared.cases.table())
        assert set(ages) == {"20–29"}, ages
    # k stays 1 with exact ages: only an explicit override shares it, and it is audited
    risky = ShareOptions(accept_risk=True, actor="owner")
    report = share_project(p.conn, tmp_path / "r.moksori", SHARED, vault, risky)
    assert report.accepted_risk and report.attributes["k"] == 1
    event = audit.entries(p.conn, "deid.share")[-1]
    assert event["actor"] == "owner" and event["detail"]["counts"]["accepted_risk"] == 1
    _assert_clean(_dump(tmp_path / "r.moksori"))
    with pytest.raises(Exception, match="no such case attribute"):
        share_project(p.conn, tmp_path / "x.moksori", SHARED, vault, ShareOptions(["nope"]))


def test_the_view_without_the_vault_keeps_rejected_known_names_redacted(
    study: tuple[Project, Vault],
) -> None:
    """The web server has no vault: what the project knows must be enough."""
    p, _ = study
    third = next(d.id for d in p.documents() if "리영희" in d.source_name)
    with transaction(p.conn) as c:  # mentions the scanner never marked
        c.execute("DELETE FROM finding WHERE document_id = ? AND type = 'person'", (third,))
    views = ViewCache(p.conn)
    texts = [views(doc.id).text for doc in p.documents()]
    for text in texts:
        for name in ("김철수", "리영희", "Kim Chol-su", "Ri Yong-hui"):
            assert name not in text
    assert views(third).text.startswith("면담자: 언제 오셨어요?\n인물1: 오빠 민호랑")
    assert any("Minho: I came" in t for t in texts)
    known = KnownNames.of(p.conn)
    assert known.find("오빠 김철수랑") and known.find("Ri Yong-hui came")
    assert known.find("Cholsu Kim wrote")  # a romanisation no document used


def test_prose_loses_places_no_finding_named() -> None:
    """A memo's town near a Chinese city goes by the place policy, without any finding."""
    scrub = Scrubber({})
    said = "met near Yanji\n연길 근처에서 만났다"  # each line in its own language
    assert scrub.deep(said) == "met near Jilin\n길림성 근처에서 만났다"
    assert scrub.deep("회령시") == "함경북도" and scrub.deep("Hoeryong") == "North Hamgyong"
    assert scrub.deep("중국") == "중국"  # a country names no one
    assert scrub.counts == {"place": 4}


def test_the_codebook_s_own_words_are_not_taken_for_names(tmp_path: Path) -> None:
    """A memo about the code 말투 by Coder A keeps both; a name and a phone beside it go."""
    with Project.create(tmp_path / "p.moksori", "correct horse battery staple") as p:
        p.codebook.create("말투 Accent")
        p.coders.add("Coder A")
        scrub = Scrubber.of(p.conn)
        said = (
            "I coded 말투 when the accent came up; agreed with Coder A. "
            "김철수 씨 번호는 010-2398-4417."
        )
        out = scrub.deep(said) or ""
    assert "I coded 말투 when" in out and "agreed with Coder A." in out
    assert "김철수" not in out and "2398" not in out

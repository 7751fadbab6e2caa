"""Free-text scrubbing keeps the project's words: codebook vocabulary, ordinary nouns that are
also given names, and the shared list; a name used as a name is still replaced, and no
replacement turns into a Markdown link."""

from __future__ import annotations

from pathlib import Path

from moksori.project import Project
from moksori.protect import shared_list
from moksori.protect.scrub import Scrubber
from moksori.protect.spans import PiiType

NAMES = {"김철수": "영호", "철수": "영호", "Hope Kim": "Youngho", "Hope": "Youngho"}


def test_withdrawal_stays_a_word_and_the_person_still_goes() -> None:
    scrub = Scrubber(NAMES)
    assert scrub.deep("군대 철수 결정이 났다") == "군대 철수 결정이 났다"
    assert scrub.deep("미군 철수(withdrawal)를 논의했다") == "미군 철수(withdrawal)를 논의했다"
    assert scrub.deep("평화협상 뒤 부대는 철수했다") == "평화협상 뒤 부대는 철수했다"
    assert scrub.deep("철수가 그날 말했다") == "영호가 그날 말했다"
    assert scrub.deep("철수는 결국 철수했다") == "영호는 결국 철수했다"
    assert scrub.deep("철수 결정을 내린 김철수") == "철수 결정을 내린 영호"


def test_english_words_that_are_names_stay_words_in_prose() -> None:
    scrub = Scrubber(NAMES)
    assert scrub.deep("I hope Hope Kim is fine") == "I hope Youngho is fine"
    assert scrub.deep("Hope said so") == "Youngho said so"


def test_a_tag_before_a_bracket_is_never_a_markdown_link() -> None:
    scrub = Scrubber({"김철수": "[이름]", "철수": "[이름]"})
    said = scrub.deep("철수(가명)이 먼저 말했다")
    assert said is not None and "](" not in said and said.startswith("[이름] (가명)")


def test_the_shared_list_and_codebook_words_survive_a_memo(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.moksori", "correct horse battery staple") as p:
        p.codebook.create("철수 결정 Withdrawal")
        p.codebook.create("말투 Accent")
        shared_list.change(p.conn, "Sunshine Chapel", allow=True)
        scrub = Scrubber.of(p.conn)
        memo = "말투와 철수 결정 코드를 함께 붙였다. They met at Sunshine Chapel in Hyesan."
        said = scrub.deep(memo)
        assert said is not None
        assert said.startswith("말투와 철수 결정 코드를 함께 붙였다.")
        assert "Sunshine Chapel" in said and "Hyesan" not in said
        assert scrub.counts == {PiiType.PLACE.value: 1}


def test_a_case_named_like_a_place_keeps_its_descriptor(tmp_path: Path) -> None:
    """ "Sungho" is a pseudonym and also a district of Pyongyang: the descriptor built
    from the case must not turn into "North Korea"; the district in prose still goes.
    The year goes to its period, as the default date policy asks (issue 15)."""
    with Project.create(tmp_path / "p.moksori", "correct horse battery staple") as p:
        p.cases.add("Sungho")
        scrub = Scrubber.of(p.conn)
        said = "Sungho (in his 40s, left North Korea in 2006)"
        assert scrub.deep(said) == "Sungho (in his 40s, left North Korea in the mid-2000s)"
        assert scrub.deep("회령") == "함경북도"  # a hometown value alone is still a place

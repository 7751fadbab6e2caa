"""Whose voice a text is in: interview turns and field notes are testimony (fictional)."""

from __future__ import annotations

from moksori.protect.detect import voice
from moksori.protect.detect.voice import is_testimony
from moksori.protect.scan import detect_text
from moksori.protect.spans import PiiType

# A transcript whose answers never say "I": short answers, the speaker's brother's life.
TURNS = (
    "Q: Could you tell us about your uncle?\n"
    "A: Uncle Pak Song-gil worked at the Kimchaek harbour. Later he was moved to the fish "
    "cannery in Sinpo, where the manager trusted him with the books.\n"
    "Q: When did the family leave?\n"
    "A: Winter 2012. The twins were small then. Their mother followed after the arrests at "
    "the cannery, with a broker from Tumen who knew the river well enough.\n"
    "Q: And where does the family live today?\n"
    "A: Gumi. A small flat near the industrial estate, beside the old bus terminal.\n"
)
# Notes written about one participant in the third person, opening with their genre.
NOTES = (
    "Field notes, second visit. The participant is a woman in her sixties who asked to be "
    "called Aunt Plum in any write-up. She was born in Tanchon and kept accounts for the "
    "magnesia works there until the factory stopped paying wages. Her son Ri Chol-jin, then "
    "eleven, crossed with her near Hyesan in the autumn of 2005. They spent four years on a "
    "pig farm outside Helong before a neighbour reported them. The son was returned and has "
    "not been heard from since. She reached Gimpo in 2010 and works in a laundry in Gumi; "
    "she asked that the laundry not be named in anything we publish.\n"
)
# A report about many people, which must stay expository.
REPORT = (
    "Background\n"
    "Studies of resettlement describe how women from the northern provinces enter the "
    "labour market. Respondents in the survey were aged 20 to 60. Most arrived after 2010. "
    "Methods\n"
    "The survey was run in three cities by trained staff. Participants answered a "
    "questionnaire on income, housing and health, and the responses were weighted by "
    "region and year of arrival. The results are described by province of origin and by "
    "the length of the stay in a third country, which ranged from weeks to many years.\n"
)


def test_interview_turns_are_testimony_without_first_person() -> None:
    assert voice._TURN.findall(TURNS)  # the shape is what decides, not the pronouns
    assert is_testimony(TURNS)
    said = {TURNS[s.start : s.end] for s in detect_text(TURNS) if s.type == PiiType.PLACE}
    assert "Gumi" in said  # the gate of a report would wave a city through


def test_notes_named_by_their_heading_are_testimony() -> None:
    assert is_testimony(NOTES)
    spans = detect_text(NOTES)
    assert any(NOTES[s.start : s.end] == "Gumi" for s in spans)


def test_a_report_stays_expository() -> None:
    assert not is_testimony(REPORT)
    assert not is_testimony("Case studies in the literature show " + REPORT)

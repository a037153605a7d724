from newsfuse.nlp import annotate
from newsfuse.nlp.datelines import dateline_end
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document


def _cut(line: str) -> str:
    return line[dateline_end(line):]


def test_wire_datelines_with_date_country_or_agency_are_cut():
    assert _cut("BAMAKO, March 8 (Reuters) - Fighters seized the town.") == "Fighters seized the town."
    assert _cut("NAIROBI, Kenya (AP) — Police fired tear gas.") == "Police fired tear gas."
    assert _cut("BAGHDAD (Reuters) - Militants advanced.") == "Militants advanced."
    assert _cut("DEIR EZ-ZOR, Syria, March 12 (AFP) -- A drone hit a car.") == "A drone hit a car."


def test_capitals_and_dashes_without_a_dateline_shape_are_kept():
    for line in ("ISIS - the group that took Mosul - advanced.", "BREAKING NEWS - Police fired tear gas.",
                 "US forces - officials said - withdrew.", "Fighters seized the town - residents said."):
        assert dateline_end(line) == 0, line


def test_the_first_sentence_of_a_wire_story_starts_after_its_dateline():
    text = "Mali town falls\nBAMAKO, March 8 (Reuters) - Fighters seized the town of Douentza in Mali on Friday."
    doc = Document(id="d", source="d.txt", text=text)
    (ann,) = annotate([doc], NlpSettings())
    starts = [s.text for s in ann.sentences]
    assert "Fighters seized the town of Douentza in Mali on Friday." in starts
    assert not any("BAMAKO" in s for s in starts)


def test_a_title_case_dateline_stays_in_the_story_its_date_still_dates_the_lead():
    assert dateline_end("Bogota, 28 May 89 (Inravision) -- Rebels blew up a pipeline.") == 0

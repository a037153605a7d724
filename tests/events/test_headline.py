"""The headline is the main event's sentence when the story text tells no event."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.headline import headline_text

CHROME = "Sign up for the Hawija Courier newsletter to get alerts in your inbox."


def test_the_headline_part_of_a_title_is_its_longest_part():
    doc = replace(_doc_only(), title="Four wounded in market shooting - Courier 12")
    assert headline_text(doc) == "Four wounded in market shooting"


def test_a_report_whose_text_tells_nothing_gets_its_main_event_from_the_headline(annotated):
    doc, ann = annotated(CHROME, places=[("Hawija", "Hawija")])
    doc = replace(doc, title="Four wounded in shooting at Hawija market - Courier 12")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.report_main and m.sentence == "Four wounded in shooting at Hawija market"
    assert m.injured.low == 4 and m.place.name == "Hawija"
    assert m.date.resolution.startswith("published date")


def test_a_headline_that_tells_no_incident_gives_no_event(annotated):
    doc, ann = annotated(CHROME)
    doc = replace(doc, title="The budget cut that nearly killed the moon programme")
    assert extract_mentions(doc, ann, EventSettings()) == []


def test_the_headline_is_not_read_when_the_text_tells_an_event(annotated):
    doc, ann = annotated("Gunmen killed two people in Hawija on Friday, police said.",
                         places=[("Hawija", "Hawija")], dates=[("on Friday", "2014-06-20", "day", "relative weekday")])
    doc = replace(doc, title="Four wounded in shooting at Hawija market")
    ms = extract_mentions(doc, ann, EventSettings())
    assert ms and all(m.span != (0, 0) for m in ms)


def _doc_only():
    from newsfuse.records import Document

    return Document(id="d0", source="d0.txt", text=CHROME)


def test_a_lead_telling_only_the_arrest_takes_the_incident_from_the_headline(annotated):
    doc, ann = annotated("Police arrested a man in Hawija on Friday.", places=[("Hawija", "Hawija")],
                         dates=[("on Friday", "2014-06-20", "day", "relative weekday")])
    doc = replace(doc, title="2 killed, 3 injured in Hawija party shooting")
    ms = extract_mentions(doc, ann, EventSettings())
    [main] = [m for m in ms if m.report_main]
    assert main.span == (0, 0) and (main.fatalities.low, main.injured.low) == (2, 3)
    assert all(m.attached for m in ms if m is not main)


def _headline_only(title: str):
    from newsfuse.records import Annotation, Document

    doc = Document(id="h0", source="h0.jsonl", text="", title=title)
    return doc, Annotation(document=doc.id, sentences=())


def test_a_headline_only_report_gets_its_main_event_from_its_title():
    doc, ann = _headline_only("Teen wounded in drive-by shooting on Elm Street - Millbrook Courier")
    assert doc.headline_only
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.report_main and m.span == (0, 0)
    assert m.sentence == "Teen wounded in drive-by shooting on Elm Street"


def test_a_headline_only_report_is_placed_where_the_nlp_stage_read_its_headline():
    from newsfuse.records import Place, PlaceMention

    killeen = Place("Killeen", 31.12, -97.73, "US", 4705349, "Texas", "city", "point")
    doc, ann = _headline_only("Killeen toddler dies from gunshot wound - Star")
    read = replace(ann, headline_places=(PlaceMention("Killeen", (0, 7), killeen),))
    [m] = extract_mentions(doc, read, EventSettings())
    assert m.place == killeen
    # a copy took its original's annotation: a name its own headline does not hold places nothing
    copy = replace(doc, title="Toddler dies from gunshot wound after argument - Star")
    [m] = extract_mentions(copy, read, EventSettings())
    assert m.place is None or m.place.name != "Killeen"


def test_a_headline_only_page_that_is_no_report_gives_no_event():
    for title in ("Cordless drill 18V with two batteries - Millbrook Hardware",
                  "Sorry, the page you requested could not be found",
                  "Red Dead Redemption 2 review: the best shooting game of the year"):
        doc, ann = _headline_only(title)
        assert extract_mentions(doc, ann, EventSettings()) == [], title


def test_the_headline_is_parsed_with_the_run_s_model_not_the_default_one(monkeypatch):
    import pytest

    from newsfuse.events import headline
    from newsfuse.nlp.settings import NlpSettings

    asked = []

    def parser(name):
        asked.append(name)
        raise LookupError(name)  # nothing to parse with: enough to know which model was asked for

    monkeypatch.setattr(headline, "_parser", parser)
    doc, ann = _headline_only("Teen wounded in drive-by shooting on Elm Street - Millbrook Courier")
    with pytest.raises(LookupError):
        headline.headline_mention(doc, ann, NlpSettings(model="run_model_sm"))
    assert asked == ["run_model_sm"]


def test_a_page_telling_nothing_whose_headline_tells_an_arrest_gives_the_incident_it_follows(annotated):
    # the arrest outscores the shooting as the headline's best reading; the report's incident is the shooting
    doc, ann = annotated(CHROME)
    doc = replace(doc, title="Two arrested after child shot in Hawija - Courier 12")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.report_main and m.span == (0, 0) and m.type == "Violence against civilians"


def test_a_headline_telling_a_follow_up_dates_its_incident_by_the_week_before_publication(annotated):
    doc, ann = annotated(CHROME)
    doc = replace(doc, title="Two arrested after child shot in Hawija - Courier 12")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.date.precision == "week" and "; follow-up" in m.date.resolution



def test_a_headline_of_wounded_beside_shots_fired_tells_the_shooting(annotated):
    # the comma-joined clauses break the parse's frame: "four wounded" hangs apart from "shots fired"
    doc, ann = annotated(CHROME, places=[("Hawija", "Hawija")])
    doc = replace(doc, title="Dozens of shots fired, four wounded at Hawija party - Courier 12")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.report_main and m.type == "Violence against civilians"
    doc = replace(doc, title="Dozens of shots fired, nobody wounded at Hawija party - Courier 12")
    assert extract_mentions(doc, ann, EventSettings()) == []


def test_a_headline_telling_a_fatal_shooting_without_a_figure_tells_an_incident(annotated):
    doc, ann = annotated(CHROME)
    doc = replace(doc, title="Riverside police: Gunman says fatal shooting was self-defense")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.report_main and m.type == "Violence against civilians"


def test_a_headline_naming_a_place_by_an_incident_it_saw_may_join_that_incident_but_found_none(annotated):
    from newsfuse.events.salience import is_background

    doc, ann = annotated(CHROME)
    doc = replace(doc, title="Officials shut down motorcycle club, the site of a fatal shooting")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert is_background(m)

"""Sides named only by a common noun get ACLED's generic names for the event's country."""

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.roles import Participant
from newsfuse.events.sides import side_name


def test_fighters_named_by_no_group_are_an_unidentified_armed_group_of_the_events_country(annotated):
    doc, ann = annotated("Fighters seized the town of Rawa on Friday, residents said.",
                         places=[("Rawa", "Rawah")], dates=[("Friday", "2014-06-20", "day")])
    mention = extract_mentions(doc, ann, EventSettings())[0]
    assert [a.name for a in mention.actors] == ["Unidentified Armed Group (Iraq)"]


def test_a_named_group_keeps_its_name():
    named = Participant("Islamic State", "actor1", "group", frozenset())
    assert side_name(named, "IQ") == "Islamic State"


def test_people_are_civilians_and_without_a_country_the_name_has_no_brackets():
    people = Participant("people", "actor2", "civilians", frozenset({"people"}), generic=True)
    assert side_name(people, "KE") == "Civilians (Kenya)"
    assert side_name(people, None) == "Civilians"


def test_generic_soldiers_keep_the_reports_words():
    soldiers = Participant("soldiers", "actor2", "state_force", frozenset({"soldier"}), generic=True)
    assert side_name(soldiers, "ML") == "soldiers"



def test_the_rebels_of_a_report_naming_one_armed_group_are_that_group(annotated):
    text = "Rebels seized the town of Rawa on Friday, residents said. The Nusra Front said it would hold the town."
    nusra = ("Nusra Front", "Nusra Front", "group")
    doc, ann = annotated(text, places=[("Rawa", "Rawah")], dates=[("Friday", "2014-06-20", "day")], actors=[nusra])
    assert extract_mentions(doc, ann, EventSettings())[0].actors[0].name == "Nusra Front"
    # a report naming two groups leaves its rebels unnamed; so are gunmen, who may be anyone's
    two = text.replace("The Nusra Front said", "The Nusra Front and the Free Syrian Army said")
    doc, ann = annotated(two, places=[("Rawa", "Rawah")], dates=[("Friday", "2014-06-20", "day")],
                         actors=[nusra, ("Free Syrian Army", "Free Syrian Army", "group")])
    assert extract_mentions(doc, ann, EventSettings())[0].actors[0].name == "Unidentified Armed Group (Iraq)"
    doc, ann = annotated(text.replace("Rebels", "Gunmen"), places=[("Rawa", "Rawah")],
                         dates=[("Friday", "2014-06-20", "day")], actors=[nusra])
    assert extract_mentions(doc, ann, EventSettings())[0].actors[0].name == "Unidentified Armed Group (Iraq)"

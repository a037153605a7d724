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

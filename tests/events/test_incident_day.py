"""The day a report says its incident took place, read from the words that say so."""

from datetime import date

from newsfuse.events.incident_day import incident_day

PUBLISHED = date(2014, 6, 21)


def _day(annotated, text, dates, lag=None):
    doc, ann = annotated(text, dates=dates)
    found = incident_day(doc.text, ann, PUBLISHED, lag)
    return found.date if found else None


def test_a_clause_saying_the_shooting_happened_gives_its_day(annotated):
    assert _day(annotated, "Two men were charged on Friday. The shooting happened Wednesday night on Main Street.",
                [("on Friday", "2014-06-20", "day"), ("Wednesday night", "2014-06-18", "day")]) == "2014-06-18"


def test_a_date_naming_the_incident_gives_its_day(annotated):
    assert _day(annotated, "A grand jury indicted three men in the Dec. 12 shooting outside the school.",
                [("Dec. 12", "2013-12-12", "day")]) == "2013-12-12"


def test_a_count_of_shootings_a_later_day_or_a_day_outside_the_lag_gives_none(annotated):
    assert _day(annotated, "More than 2,400 shootings occurred as of Dec. 21 in the city.",
                [("Dec. 21", "2013-12-21", "day")]) is None
    assert _day(annotated, "The shooting happened on Monday, police said.",
                [("on Monday", "2014-06-23", "day")]) is None  # after publication
    assert _day(annotated, "The shooting happened on Dec. 12 near the school.",
                [("on Dec. 12", "2013-12-12", "day")], lag=7) is None


def test_the_first_response_to_the_incident_gives_its_day(annotated):
    assert _day(annotated, "A teenager was identified on Friday. Police were called to a home on Elm Street Monday night.",
                [("on Friday", "2014-06-20", "day"), ("Monday night", "2014-06-16", "day")]) == "2014-06-16"


def test_it_happened_tells_the_incidents_day_too(annotated):
    assert _day(annotated, "The teenager died on Friday. It happened just after 9:30 p.m. Wednesday on Elm Street.",
                [("on Friday", "2014-06-20", "day"), ("Wednesday", "2014-06-18", "day")]) == "2014-06-18"


def test_a_relative_clause_saying_the_shooting_happened_gives_its_day(annotated):
    assert _day(annotated, "A teenager died on Friday. He had been wounded in the shooting, which was reported about "
                           "10 a.m. Wednesday at a home.",
                [("on Friday", "2014-06-20", "day"), ("Wednesday", "2014-06-18", "day")]) == "2014-06-18"


def test_a_day_owning_the_shooting_gives_its_day(annotated):
    assert _day(annotated, "A man was charged on Friday. He is accused of Wednesday's fatal shooting on Elm Street.",
                [("on Friday", "2014-06-20", "day"), ("Wednesday", "2014-06-18", "day")]) == "2014-06-18"


def test_a_date_naming_an_incident_after_a_gives_its_day_too(annotated):
    # a follow-up names the incident it follows with "a": "arrested Friday in connection with a June 2 shooting"
    assert _day(annotated, "A man was arrested on Friday in connection with a June 2 shooting on Elm Street.",
                [("on Friday", "2014-06-20", "day"), ("June 2", "2014-06-02", "day")]) == "2014-06-02"


def test_a_date_naming_the_death_a_charge_is_for_gives_its_day(annotated):
    assert _day(annotated, "A complaint charges the man with manslaughter in the Nov. 29 death of his friend.",
                [("Nov. 29", "2013-11-29", "day")]) == "2013-11-29"

"""One main event per report; other sentences attached unless they tell a distinct event."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions

SHOOTING = ("Gunmen killed two people in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "Police arrested a suspect in the attack.")


def test_a_report_has_one_main_event_and_its_other_sentences_are_attached_to_it(annotated):
    doc, ann = annotated(SHOOTING, places=[("Hawija", "Hawija")],
                         dates=[("on Friday", "2014-06-20", "day", "relative weekday")],
                         figures=[("killed two people", "killed", 2)])
    ms = extract_mentions(doc, ann, EventSettings())
    main = [m for m in ms if m.report_main]
    assert len(main) == 1 and main[0].fatalities.low == 2
    assert all(m.attached and m.main == main[0].id for m in ms if m is not main[0])


def test_a_sentence_with_its_own_day_far_from_the_main_events_is_a_distinct_event(annotated):
    text = SHOOTING + " On June 2, militants shot dead a soldier in Hawija."
    doc, ann = annotated(text, places=[("Hawija", "Hawija")],
                         dates=[("on Friday", "2014-06-20", "day", "relative weekday"),
                                ("On June 2", "2014-06-02", "day", "absolute")])
    ms = extract_mentions(doc, ann, EventSettings())
    distinct = [m for m in ms if not m.attached and not m.report_main]
    assert [m.date.date for m in distinct] == ["2014-06-02"]


def test_the_main_event_takes_the_toll_the_headline_gives(annotated):
    doc, ann = annotated("Gunmen attacked a checkpoint in Hawija on Friday, police said.",
                         places=[("Hawija", "Hawija")], dates=[("on Friday", "2014-06-20", "day", "relative weekday")])
    doc = replace(doc, title="3 dead, 4 injured in Hawija checkpoint attack")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert (m.fatalities.low, m.injured.low) == (3, 4)


def test_a_death_told_without_a_number_is_one_killed(annotated):
    doc, ann = annotated("A teenager died after a shooting in Hawija on Friday, police said.",
                         places=[("Hawija", "Hawija")], dates=[("on Friday", "2014-06-20", "day", "relative weekday")])
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.fatalities is not None and m.fatalities.low == 1


def test_without_salience_every_event_sentence_stands_alone(annotated):
    doc, ann = annotated(SHOOTING, places=[("Hawija", "Hawija")],
                         dates=[("on Friday", "2014-06-20", "day", "relative weekday")],
                         figures=[("killed two people", "killed", 2)])
    ms = extract_mentions(doc, ann, EventSettings(salience=False))
    assert len(ms) >= 2 and all(m.main is None for m in ms)

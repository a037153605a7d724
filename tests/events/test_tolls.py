"""The main event's killed and injured, read across the whole report (events/tolls.py, through the
events stage as a report runs it)."""

from dataclasses import replace

import pytest

from newsfuse.events import EventSettings, extract_mentions

HAWIJA = (("Hawija", "Hawija"),)
FRIDAY = (("on Friday", "2014-06-20", "day", "relative weekday"),)


def _main_event(doc, ann):
    """The report's main event among the document's mentions."""
    return next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)


def _main_of(annotated, lead: str, further: str, figures=()):
    """The main event of a report telling ``lead`` in Hawija on Friday, the gunmen's flight, then ``further``."""
    doc, ann = annotated(f"{lead} The gunmen fled in a car. {further}", places=HAWIJA, dates=FRIDAY,
                         figures=list(figures))
    return _main_event(doc, ann)


def test_the_main_event_takes_the_toll_the_headline_gives(annotated):
    doc, ann = annotated("Gunmen attacked a checkpoint in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    doc = replace(doc, title="3 dead, 4 injured in Hawija checkpoint attack")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert (m.fatalities.low, m.injured.low) == (3, 4)


def test_a_death_told_without_a_number_is_one_killed(annotated):
    doc, ann = annotated("A teenager died after a shooting in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.fatalities is not None and m.fatalities.low == 1


def test_a_site_name_in_the_title_lends_no_number_to_the_toll(annotated):
    doc, ann = annotated("Gunmen attacked a checkpoint in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    doc = replace(doc, title="Radio Hawija 12 - Five injured in checkpoint attack")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.injured.low == 5


def test_a_city_wide_total_told_further_on_is_not_the_main_events_toll(annotated):
    main = _main_of(annotated, "A boy died after a shooting in Hawija on Friday, police said.",
                    "Over the weekend, eight people were killed in separate shootings across the city.",
                    [("eight people were killed", "killed", 8)])
    assert main.fatalities.low == 1


def test_an_attacker_who_killed_himself_is_counted_with_his_victims(annotated):
    text = "A gunman killed two people in Hawija on Friday before turning the gun on himself, police said."
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("killed two people", "killed", 2)])
    [m] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert m.fatalities.low == 3


def test_a_child_who_shot_himself_is_one_death_not_two(annotated):
    doc, ann = annotated("A boy fatally shot himself at a home in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.fatalities.low == 1


def test_a_headline_naming_one_victim_shot_is_one_injured_unless_it_says_killed(annotated):
    doc, ann = annotated("Police are investigating a shooting in Hawija on Friday.",
                         places=HAWIJA, dates=FRIDAY)
    [hurt] = extract_mentions(replace(doc, title="11-year-old shot on Elm Drive in Hawija"), ann, EventSettings())
    [dead] = extract_mentions(replace(doc, title="Teen shot, killed on Elm Drive in Hawija"), ann, EventSettings())
    [shooter] = extract_mentions(replace(doc, title="Man says he accidentally shot a friend"), ann, EventSettings())
    assert hurt.injured.low == 1 and dead.injured is None and shooter.injured is None


def test_a_headline_summing_a_weekend_of_shootings_gives_no_toll_to_one_of_them(annotated):
    doc, ann = annotated("A man was shot dead in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY,
                         figures=[("A man was shot dead", "killed", 1)])
    [m] = extract_mentions(replace(doc, title="5 dead, 17 wounded in weekend shootings"), ann, EventSettings())
    assert m.fatalities.low == 1 and m.injured is None


def test_a_wounded_victim_told_further_down_adds_to_the_dead(annotated):
    main = _main_of(annotated, "Two people were killed in a shooting in Hawija on Friday, police said.",
                    "A woman was also shot and drove herself to the hospital.",
                    [("Two people were killed", "killed", 2), ("A woman was also shot", "shot", 1)])
    assert (main.fatalities.low, main.injured.low) == (2, 1)


def test_the_shot_told_further_down_less_the_dead_are_the_wounded(annotated):
    main = _main_of(annotated, "A man was killed in a shooting in Hawija on Friday, police said.",
                    "All four had been shot.",
                    [("A man was killed", "killed", 1), ("All four had been shot", "shot", 4)])
    assert (main.fatalities.low, main.injured.low) == (1, 3)


def test_a_headline_victim_shot_is_not_also_wounded_when_the_report_tells_a_death(annotated):
    doc, ann = annotated("A teenager died after a shooting in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(replace(doc, title="Teen was shot for having a phone in hand"), ann, EventSettings())
    assert m.fatalities.low == 1 and m.injured is None


def test_an_attacker_shot_dead_after_his_attack_is_counted(annotated):
    doc, ann = annotated("A gunman killed one man at a store in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY,
                         figures=[("killed one man", "killed", 1)])
    [m] = extract_mentions(replace(doc, title="Gunman kills 1 at store before he's fatally shot"), ann, EventSettings())
    assert m.fatalities.low == 2


def test_a_death_told_further_down_without_a_number_is_one_killed(annotated):
    main = _main_of(annotated, "A man was shot in Hawija on Friday, police said.",
                    "The man died at the hospital hours later.")
    assert main.fatalities is not None and main.fatalities.low == 1


def test_the_wounded_told_in_a_lead_sentence_that_tells_no_event_are_the_main_events(annotated):
    text = ("Four women were hurt early Sunday. "
            "Police said gunmen opened fire on a party in Hawija on Friday.")
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("Four women were hurt", "injured", 4)])
    ann = replace(ann, sentences=(replace(ann.sentences[0], candidate=False, tokens=()), *ann.sentences[1:]))
    main = _main_event(doc, ann)
    assert main.injured is not None and main.injured.low == 4


def test_a_listed_toll_that_names_the_attacker_himself_gets_no_second_attacker(annotated):
    doc, ann = annotated("A man shot his daughter at their home in Hawija on Friday before turning the gun on himself.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = [m for m in extract_mentions(replace(doc, title="Man kills 7-year-old daughter, himself"), ann, EventSettings())
           if m.report_main]
    assert m.fatalities.low == 2


def test_a_lead_summing_many_shootings_gives_no_toll_to_the_one_it_goes_on_to_tell(annotated):
    text = ("Five people were killed and 17 wounded in separate shootings across Hawija since Friday. "
            "A boy was killed and two others were wounded in Hawija early Sunday.")
    doc, ann = annotated(text, places=[("Hawija", "Hawija", "point")],
                         dates=[("early Sunday", "2014-06-22", "day", "relative weekday")],
                         figures=[("Five people were killed", "killed", 5), ("17 wounded", "injured", 17),
                                  ("A boy was killed", "killed", 1), ("two others were wounded", "injured", 2)])
    main = _main_event(doc, ann)
    assert (main.fatalities.low, main.injured.low) == (1, 2)


def test_one_victim_shot_told_without_a_count_is_one_injured_unless_no_one_was_hurt(annotated):
    doc, ann = annotated("Police said a man fired at a father in Hawija on Friday and hit the little boy beside him.",
                         places=HAWIJA, dates=FRIDAY)
    [hurt] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    doc, ann = annotated("Police said a man fired at a car in Hawija on Friday; no one was hurt.",
                         places=HAWIJA, dates=FRIDAY)
    [missed] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert hurt.injured.low == 1 and missed.injured is None


@pytest.mark.parametrize("lead", [
    "Gunmen opened fire in Hawija on Friday, a shooting that sent a young woman to the hospital.",
    "A 4-year-old boy is recovering after a shooting in Hawija on Friday.",
    "A shooting in Hawija on Friday left one person in critical condition.",
    "An accidental shooting in Hawija on Friday injured a 19-year-old woman.",
    "A man accidentally shot himself in Hawija on Friday.",
    "Police are investigating the shooting of 3-year-old in Hawija on Friday.",
])
def test_one_victim_left_hurt_told_without_a_count_is_one_injured(annotated, lead):
    doc, ann = annotated(lead, places=HAWIJA, dates=FRIDAY)
    [hurt] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert hurt.injured is not None and hurt.injured.low == 1 and hurt.fatalities is None


def test_one_victim_in_critical_condition_beside_the_dead_leaves_the_dead_uncounted_as_hurt(annotated):
    doc, ann = annotated("Two men were killed and a woman is in critical condition after a shooting in Hawija on Friday.",
                         places=HAWIJA, dates=FRIDAY, figures=[("Two men were killed", "killed", 2)])
    [m] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert m.fatalities.low == 2 and (m.injured is None or m.injured.low == 1)


def test_a_triple_murder_suicide_counts_the_attacker_with_the_three_victims(annotated):
    doc, ann = annotated("Police said a man shot his wife and two sons in Hawija on Friday in a triple murder-suicide.",
                         places=HAWIJA, dates=FRIDAY, figures=[("triple murder", "killed", 3)])
    [m] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert m.fatalities.low == 4


def test_a_second_victim_hurt_beside_the_dead_is_one_injured_unless_no_one_else_was_hurt(annotated):
    doc, ann = annotated("A shooting in Hawija on Friday left a girl dead and her grandmother wounded.",
                         places=HAWIJA, dates=FRIDAY, figures=[("dead", "killed", 1)])
    [both] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    doc, ann = annotated("A shooting in Hawija on Friday left a girl dead; no one else was hurt.",
                         places=HAWIJA, dates=FRIDAY, figures=[("dead", "killed", 1)])
    [alone] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert (both.fatalities.low, both.injured.low) == (1, 1) and alone.injured is None


def test_another_victim_hurt_beside_the_dead_is_one_injured(annotated):
    doc, ann = annotated("A teenager was killed in Hawija on Friday, another wounded.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert (m.fatalities.low, m.injured.low) == (1, 1)


def test_a_victim_who_passed_away_is_one_killed(annotated):
    doc, ann = annotated("A girl was shot in Hawija on Friday, police said.", places=HAWIJA, dates=FRIDAY)
    main = _main_event(replace(doc, title="Girl shot in Hawija passes away"), ann)
    assert main.fatalities is not None and main.fatalities.best == 1


def test_a_murder_suicide_told_without_a_number_is_two_killed(annotated):
    doc, ann = annotated("Police said the shooting in Hawija on Friday was a murder-suicide.", places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(doc, ann, EventSettings())
    assert (m.fatalities.low, m.fatalities.high) == (2, 2)

"""One main event per report; other sentences attached unless they tell a distinct event."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.salience import tells_follow_up

SHOOTING = ("Gunmen killed two people in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "Police arrested a suspect in the attack.")
HAWIJA = (("Hawija", "Hawija"),)
FRIDAY = (("on Friday", "2014-06-20", "day", "relative weekday"),)


def _main_event(doc, ann):
    """The report's main event among the document's mentions."""
    return next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)


def test_a_report_has_one_main_event_and_its_other_sentences_are_attached_to_it(annotated):
    doc, ann = annotated(SHOOTING, places=HAWIJA,
                         dates=FRIDAY,
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
                         places=HAWIJA, dates=FRIDAY)
    doc = replace(doc, title="3 dead, 4 injured in Hawija checkpoint attack")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert (m.fatalities.low, m.injured.low) == (3, 4)


def test_a_death_told_without_a_number_is_one_killed(annotated):
    doc, ann = annotated("A teenager died after a shooting in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.fatalities is not None and m.fatalities.low == 1


def test_without_salience_every_event_sentence_stands_alone(annotated):
    doc, ann = annotated(SHOOTING, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("killed two people", "killed", 2)])
    ms = extract_mentions(doc, ann, EventSettings(salience=False))
    assert len(ms) >= 2 and all(m.main is None for m in ms)


def test_a_site_name_in_the_title_lends_no_number_to_the_toll(annotated):
    doc, ann = annotated("Gunmen attacked a checkpoint in Hawija on Friday, police said.",
                         places=HAWIJA, dates=FRIDAY)
    doc = replace(doc, title="Radio Hawija 12 - Five injured in checkpoint attack")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.injured.low == 5


def test_a_city_wide_total_told_further_on_is_not_the_main_events_toll(annotated):
    text = ("A boy died after a shooting in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "Over the weekend, eight people were killed in separate shootings across the city.")
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("eight people were killed", "killed", 8)])
    main = _main_event(doc, ann)
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


def test_the_lead_dates_the_main_event_from_a_sentence_the_parser_skipped(annotated):
    text = "Police are looking for a gunman who opened fire on four men in Hawija. It happened late Friday near a market."
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], dates=[("late Friday", "2014-06-20", "day", "relative weekday")])
    unparsed = replace(ann.sentences[1], candidate=False, tokens=())
    ann = replace(ann, sentences=(ann.sentences[0], unparsed))
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.date.date == "2014-06-20" and m.date.precision == "day"


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
    text = ("Two people were killed in a shooting in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "A woman was also shot and drove herself to the hospital.")
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("Two people were killed", "killed", 2), ("A woman was also shot", "shot", 1)])
    main = _main_event(doc, ann)
    assert (main.fatalities.low, main.injured.low) == (2, 1)


def test_the_shot_told_further_down_less_the_dead_are_the_wounded(annotated):
    text = ("A man was killed in a shooting in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "All four had been shot.")
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("A man was killed", "killed", 1), ("All four had been shot", "shot", 4)])
    main = _main_event(doc, ann)
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
    text = ("A man was shot in Hawija on Friday, police said. "
            "The gunmen fled in a car. "
            "The man died at the hospital hours later.")
    doc, ann = annotated(text, places=HAWIJA,
                         dates=FRIDAY)
    main = _main_event(doc, ann)
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


def test_an_arrest_day_told_later_does_not_date_the_main_event(annotated):
    paragraphs = ["A man was shot dead outside a store in Hawija, police said in a statement.",
                  "Witnesses said they heard several shots and saw a car speed away from the store.",
                  "Neighbours said the man had lived on the street for many years with his family.",
                  "Police arrested a suspect on Monday."]
    text = "\n".join(paragraphs)
    doc, ann = annotated(text, places=[("Hawija", "Hawija")],
                         dates=[("on Monday", "2014-06-16", "day", "relative weekday")])
    starts = [text.index(p) for p in paragraphs]
    doc = replace(doc, paragraphs=tuple((a, a + len(p)) for a, p in zip(starts, paragraphs)))
    main = _main_event(doc, ann)
    assert main.date is None or main.date.date != "2014-06-16"


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


def test_a_second_victim_hurt_beside_the_dead_is_one_injured_unless_no_one_else_was_hurt(annotated):
    doc, ann = annotated("A shooting in Hawija on Friday left a girl dead and her grandmother wounded.",
                         places=HAWIJA, dates=FRIDAY, figures=[("dead", "killed", 1)])
    [both] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    doc, ann = annotated("A shooting in Hawija on Friday left a girl dead; no one else was hurt.",
                         places=HAWIJA, dates=FRIDAY, figures=[("dead", "killed", 1)])
    [alone] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert (both.fatalities.low, both.injured.low) == (1, 1) and alone.injured is None


def test_a_report_telling_no_day_and_no_follow_up_marks_its_publication_day(annotated):
    from newsfuse.events.salience import NO_DAY_TOLD

    doc, ann = annotated("Gunmen shot dead two men outside a shop in Hawija, police said.", places=HAWIJA)
    main = _main_event(replace(doc, title="Two men shot dead outside Hawija shop"), ann)
    assert main.date.resolution.startswith("published date") and NO_DAY_TOLD in main.date.resolution


def test_a_follow_up_headline_leaves_the_publication_date_unmarked(annotated):
    from newsfuse.events.salience import NO_DAY_TOLD

    doc, ann = annotated("Gunmen shot dead two men outside a shop in Hawija, police said.", places=HAWIJA)
    main = _main_event(replace(doc, title="Man charged in killing of two men outside Hawija shop"), ann)
    assert main.date.resolution.startswith("published date") and NO_DAY_TOLD not in main.date.resolution


def test_a_victim_who_passed_away_is_one_killed(annotated):
    doc, ann = annotated("A girl was shot in Hawija on Friday, police said.", places=HAWIJA, dates=FRIDAY)
    main = _main_event(replace(doc, title="Girl shot in Hawija passes away"), ann)
    assert main.fatalities is not None and main.fatalities.best == 1


def test_a_follow_up_dates_its_main_event_by_the_day_it_says_the_incident_happened(annotated):
    text = ("Three men accused of wounding four people outside a Hawija school were indicted, prosecutors said. "
            "The shooting happened on Dec. 12 near the school gate.")
    doc, ann = annotated(text, places=HAWIJA, dates=[("on Dec. 12", "2013-12-12", "day", "absolute")])
    main = _main_event(replace(doc, title="Three men indicted in Hawija school shooting"), ann)
    assert main.date.date == "2013-12-12" and main.date.precision == "day"


def _main_date_of_last_week_report(annotated, text, day="10"):
    """The main event's (date, precision) of a report telling "last week" (from 2014-06-09) and "on June <day>"."""
    doc, ann = annotated(text, places=HAWIJA, dates=[("last week", "2014-06-09", "week"),
                                                     (f"on June {day}", f"2014-06-{day}", "day", "absolute")])
    main = _main_event(doc, ann)
    return main.date.date, main.date.precision


def test_a_main_event_told_last_week_takes_the_day_a_later_sentence_gives_within_that_week(annotated):
    text = ("A teenager was shot and killed by his younger brother in Hawija last week, police said. "
            "A gunman shot the boy on June 10 at the family home.")
    assert _main_date_of_last_week_report(annotated, text) == ("2014-06-10", "day")


# a Sunday report telling a Sunday (its news) and a Friday (the incident)
SUNDAY_AND_FRIDAY = [("on Sunday", "2014-06-22", "day", "relative weekday"),
                     ("on Friday", "2014-06-20", "day", "relative weekday")]


def _main_day_of_sunday_report(annotated, text):
    doc, ann = annotated(text, places=HAWIJA, dates=SUNDAY_AND_FRIDAY, published="2014-06-22")
    return _main_event(doc, ann).date.date


def test_a_clause_saying_when_the_shooting_occurred_beats_the_day_the_lead_tells_its_news(annotated):
    text = ("Authorities on Sunday identified a man who was killed in a shooting in Hawija. "
            "The shooting occurred at 9:45 p.m. on Friday near a mobile home park.")
    assert _main_day_of_sunday_report(annotated, text) == "2014-06-20"


def test_an_appeal_for_tips_or_a_reward_is_a_follow_up_of_its_incident():
    assert tells_follow_up("Police seek tips in Oct. 2 fatal shooting on Elm Street")
    assert tells_follow_up("Reward offered for information in Akron double shooting")
    assert not tells_follow_up("Two men shot outside Akron bar")


def test_a_victim_dying_of_wounds_dates_the_death_and_a_later_sentence_the_shooting(annotated):
    text = ("A boy who was shot in Hawija died of his wounds on Sunday, police said. "
            "Gunmen opened fire on the boy on Friday outside his home.")
    assert _main_day_of_sunday_report(annotated, text) == "2014-06-20"


def test_a_murder_suicide_told_without_a_number_is_two_killed(annotated):
    doc, ann = annotated("Police said the shooting in Hawija on Friday was a murder-suicide.", places=HAWIJA, dates=FRIDAY)
    [m] = extract_mentions(doc, ann, EventSettings())
    assert (m.fatalities.low, m.fatalities.high) == (2, 2)


def test_a_main_sentence_naming_only_the_victims_home_town_is_placed_at_the_town_the_report_names_most(annotated):
    from newsfuse.records import PlaceMention

    text = ("A Baiji man was shot and killed on Friday, police said. "
            "Officers found him outside a store in Hawija. "
            "Hawija police have made no arrest.")
    doc, ann = annotated(text, places=[("Baiji", "Baiji"), ("Hawija", "Hawija")], dates=FRIDAY)
    second = text.rindex("Hawija")
    ann = replace(ann, places=(*ann.places, PlaceMention("Hawija", (second, second + 6), ann.places[1].place)))
    assert _main_event(doc, ann).place.name == "Hawija"
    # named once only, the other town does not outweigh the sentence's own
    once = replace(ann, places=ann.places[:2])
    assert _main_event(doc, once).place.name == "Baiji"


def _paragraphed(annotated, paragraphs, **kw):
    text = "\n".join(paragraphs)
    doc, ann = annotated(text, **kw)
    starts = [text.index(p) for p in paragraphs]
    return replace(doc, paragraphs=tuple((a, a + len(p)) for a, p in zip(starts, paragraphs))), ann


LEAD_WITHOUT_A_DAY = ["The family of a teenager shot dead by a gunman in Hawija has hired a lawyer, relatives said.",
                      "The teenager was a member of the school band and wanted to become a nurse, his friends said.",
                      "Neighbours said the family had lived on the street for many years and kept to themselves."]


def test_a_day_told_past_the_lead_dates_a_main_event_whose_lead_tells_none(annotated):
    doc, ann = _paragraphed(annotated, [*LEAD_WITHOUT_A_DAY, "His life ended Friday night at the door of his home."],
                            places=HAWIJA, dates=[("Friday night", "2014-06-20", "day", "relative weekday")])
    main = _main_event(doc, ann)
    assert (main.date.date, main.date.precision) == ("2014-06-20", "day")


def test_a_date_written_out_weeks_before_publication_dates_a_main_event_no_recent_day_dates(annotated):
    # a weekday reaches back a week only; a report telling its incident weeks on writes the day out
    doc, ann = _paragraphed(annotated, [*LEAD_WITHOUT_A_DAY, "His life ended on April 2 at the door of his home."],
                            places=HAWIJA, dates=[("on April 2", "2014-04-02", "day", "absolute")])
    main = _main_event(doc, ann)
    assert (main.date.date, main.date.precision) == ("2014-04-02", "day")


def test_a_planned_day_told_in_the_lead_dates_nothing(annotated):
    lead = [LEAD_WITHOUT_A_DAY[0], "The gunman, who is in custody, should face a judge on Monday.", LEAD_WITHOUT_A_DAY[2]]
    doc, ann = _paragraphed(annotated, lead,
                            places=HAWIJA, dates=[("on Monday", "2014-06-16", "day", "relative weekday")])
    main = _main_event(doc, ann)
    assert main.date.date != "2014-06-16"


def test_a_main_event_told_last_week_takes_a_day_within_that_week_that_a_sentence_without_an_event_word_gives(annotated):
    # the sentence with the day tells no event of its own (no event word): it still dates the week's incident
    text = ("A teenager was seriously injured in Hawija in what police called an accidental shooting last week. "
            "At about 11 p.m. on June 10, the boy and two friends were passing a rifle around inside a home.")
    assert _main_date_of_last_week_report(annotated, text) == ("2014-06-10", "day")
    # a day outside that week dates nothing here
    assert _main_date_of_last_week_report(annotated, text.replace("June 10", "June 20"), "20")[1] == "week"

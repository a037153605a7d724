"""One main event per report; other sentences attached unless they tell a distinct event."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.salience import is_caption, tells_follow_up

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


def test_without_salience_every_event_sentence_stands_alone(annotated):
    doc, ann = annotated(SHOOTING, places=HAWIJA,
                         dates=FRIDAY,
                         figures=[("killed two people", "killed", 2)])
    ms = extract_mentions(doc, ann, EventSettings(salience=False))
    assert len(ms) >= 2 and all(m.main is None for m in ms)


def test_the_lead_dates_the_main_event_from_a_sentence_the_parser_skipped(annotated):
    text = "Police are looking for a gunman who opened fire on four men in Hawija. It happened late Friday near a market."
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], dates=[("late Friday", "2014-06-20", "day", "relative weekday")])
    unparsed = replace(ann.sentences[1], candidate=False, tokens=())
    ann = replace(ann, sentences=(ann.sentences[0], unparsed))
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.date.date == "2014-06-20" and m.date.precision == "day"


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


def test_a_follow_up_telling_a_charge_not_a_sentence_marks_its_publication_date_as_soon_after_the_incident(annotated):
    from newsfuse.events.salience import SOON_AFTER

    doc, ann = annotated("Gunmen shot dead two men outside a shop in Hawija, police said.", places=HAWIJA)
    charged = _main_event(replace(doc, title="Man charged in killing of two men outside Hawija shop"), ann)
    sentenced = _main_event(replace(doc, title="Man sentenced in killing of two men outside Hawija shop"), ann)
    assert charged.date.resolution.startswith("published date") and SOON_AFTER in charged.date.resolution
    assert sentenced.date.precision == "week" and SOON_AFTER not in sentenced.date.resolution


def test_a_follow_up_dates_its_main_event_by_the_day_it_says_the_incident_happened(annotated):
    text = ("Three men accused of wounding four people outside a Hawija school were indicted, prosecutors said. "
            "The shooting happened on Dec. 12 near the school gate.")
    doc, ann = annotated(text, places=HAWIJA, dates=[("on Dec. 12", "2013-12-12", "day", "absolute")])
    main = _main_event(replace(doc, title="Three men indicted in Hawija school shooting"), ann)
    assert main.date.date == "2013-12-12" and main.date.precision == "day"


def test_a_day_counted_in_whole_weeks_back_founds_no_event_of_its_own_nor_sets_others_apart(annotated):
    two_weeks = ("two weeks ago", "2014-06-07", "day", "2 weeks before published 2014-06-21")
    text = SHOOTING + " Militants shot dead a soldier in Hawija two weeks ago."
    doc, ann = annotated(text, places=HAWIJA, dates=[FRIDAY[0], two_weeks])
    assert not [m for m in extract_mentions(doc, ann, EventSettings()) if not m.attached and not m.report_main]
    text = "Militants shot dead a soldier in Hawija two weeks ago. On Friday, gunmen killed two people in Hawija."
    doc, ann = annotated(text, places=HAWIJA, dates=[two_weeks, ("On Friday", "2014-06-20", "day", "relative weekday")])
    assert not [m for m in extract_mentions(doc, ann, EventSettings()) if not m.attached and not m.report_main]


def test_a_weekend_told_loosely_founds_no_event_of_its_own(annotated):
    weekend = ("over the weekend", "2014-06-14", "day", "Saturday of the weekend before published 2014-06-21")
    text = SHOOTING + " Militants shot dead a soldier in Hawija over the weekend."
    doc, ann = annotated(text, places=HAWIJA, dates=[FRIDAY[0], weekend])
    assert not [m for m in extract_mentions(doc, ann, EventSettings()) if not m.attached and not m.report_main]


def test_a_lead_dated_only_by_its_news_takes_an_earlier_day_the_text_tells(annotated):
    text = ("Police were searching late Tuesday for two suspects in a shooting that left four people wounded "
            "outside a nightclub in Hawija. The two men had argued with a bouncer at about 10:45 p.m. Saturday, "
            "police said.")
    doc, ann = annotated(text, places=HAWIJA, published="2014-06-24",
                         dates=[("late Tuesday", "2014-06-24", "day", "relative weekday"),
                                ("Saturday", "2014-06-21", "day", "relative weekday")])
    assert _main_event(doc, ann).date.date == "2014-06-21"


CHARGED = "A Hawija man was charged Friday with shooting a woman who had rejected his advances. "
CHARGE_DATES = [("Friday", "2014-06-20", "day", "relative weekday"),
                ("June 2", "2014-06-02", "day", "absolute, year from published 2014-06-21")]


def test_a_charge_dated_by_its_news_takes_the_day_written_out_further_down_but_not_a_court_date(annotated):
    text = CHARGED + ("Police said he was drunk. He kept talking to the woman at her house on June 2, "
                      "according to charging documents.")
    doc, ann = annotated(text, places=HAWIJA, dates=CHARGE_DATES)
    assert _main_event(doc, ann).date.date == "2014-06-02"
    doc, ann = annotated(CHARGED + "Police said he was drunk. His next court date is June 2.", places=HAWIJA,
                         dates=CHARGE_DATES)
    assert _main_event(doc, ann).date.date == "2014-06-20"


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


def test_a_day_counted_from_a_holiday_weeks_before_publication_is_written_out_as_a_date_is(annotated):
    doc, ann = _paragraphed(annotated, [*LEAD_WITHOUT_A_DAY, "His life ended two days after Thanksgiving at his home."],
                            places=HAWIJA, dates=[("two days after Thanksgiving", "2014-04-02", "day",
                                                   "days from a holiday, on or before published 2014-06-21")])
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


CAPTION = ("The police chief points to a poster of three men who killed a guard, during a news conference on "
           "Monday, May 5, 2014, in Hawija. (AP Photo/Jane Roe)")


def test_a_pictures_caption_tells_no_main_event_while_the_story_tells_one(annotated):
    # the caption shows another day's scene; the story's own shooting is the report's news
    doc, ann = _paragraphed(annotated, [CAPTION, "Gunmen killed two people in Baiji on Friday, police said.",
                                        "The gunmen fled in a car."],
                            places=(("Hawija", "Hawija"), ("Baiji", "Baiji")),
                            dates=[("Monday, May 5, 2014", "2014-05-05", "day", "absolute"), *FRIDAY],
                            figures=[("killed a guard", "killed", 1), ("killed two people", "killed", 2)])
    main = _main_event(doc, ann)
    assert (main.date.date, main.place.name) == ("2014-06-20", "Baiji")


def test_a_caption_is_a_paragraph_ending_in_the_pictures_credit():
    assert is_caption(CAPTION) and is_caption("Mourners gather outside the church. (Photo: Gazette staff)")
    assert not is_caption("The man was shot twice (police said), and died.")


def test_a_gallery_of_captions_leaves_the_headline_to_tell_the_reports_event(annotated):
    # the story text was lost: only the captions of other days' pictures are left, each telling its own scene
    mourners = "Mourners stand where a man was shot dead on May 1, 2014, in Hawija. (Photo by John Doe/Getty Images)"
    gallery = [CAPTION, mourners]
    doc, ann = _paragraphed(annotated, gallery,
                            places=(("Hawija", "Hawija"),),
                            dates=[("Monday, May 5, 2014", "2014-05-05", "day", "absolute"),
                                   ("May 1, 2014", "2014-05-01", "day", "absolute")],
                            figures=[("killed a guard", "killed", 1)])
    doc = replace(doc, title="Gunmen shoot seven people at a party in Hawija")
    main = _main_event(doc, ann)
    assert main.span == (0, 0) and main.date.date not in ("2014-05-05", "2014-05-01")
    assert main.fatalities is None  # the guard the caption tells of is not the party's toll

from dataclasses import replace

from newsfuse.events import anchors
from newsfuse.nlp.demonyms import ADJECTIVAL


def test_a_nationality_adjective_never_places_the_event(annotated):
    text = "Iraqi troops shelled positions on Friday."
    _, ann = annotated(text, places=[("Iraqi", "Iraq", "country")])
    adjectival = tuple(replace(p, place=replace(p.place, feature=ADJECTIVAL)) for p in ann.places)
    assert anchors.place_for(ann, 0, text.index("shelled")) is not None
    assert anchors.place_for(replace(ann, places=adjectival), 0, text.index("shelled")) is None


def test_a_county_named_as_the_reporting_agency_gives_way_to_the_town_the_sentence_names(annotated):
    text = "The Elm County Sheriff's Office says a boy was shot in a hunting accident on Saturday near Millbrook."
    _, ann = annotated(text, places=[("Elm County", "Elm County", "region"), ("Millbrook", "Millbrook")])
    ann = replace(ann, places=tuple(replace(p, place=replace(p.place, feature="county")) if p.text == "Elm County"
                                    else p for p in ann.places))
    assert anchors.place_for(ann, 0, text.index("shot")).text == "Millbrook"
    # a county that is not an agency's name is read by its distance as before
    text = "A boy was shot in Elm County on Saturday, a week after he moved from Millbrook."
    _, ann = annotated(text, places=[("Elm County", "Elm County", "region"), ("Millbrook", "Millbrook")])
    ann = replace(ann, places=tuple(replace(p, place=replace(p.place, feature="county")) if p.text == "Elm County"
                                    else p for p in ann.places))
    assert anchors.place_for(ann, 0, text.index("shot")).text == "Elm County"


def test_the_day_in_the_triggers_own_phrase_dates_it_before_a_nearer_day_of_another_verb(annotated):
    from newsfuse.events import EventSettings, extract_mentions

    text = "Friends held a vigil on Thursday night for a boy who was shot and killed in Hawija late on Monday night."
    doc, ann = annotated(text, places=[("Hawija", "Hawija")],
                         dates=[("on Thursday night", "2014-06-19", "day", "relative weekday"),
                                ("on Monday night", "2014-06-16", "day", "relative weekday")])
    [m] = [m for m in extract_mentions(doc, ann, EventSettings(salience=False)) if m.type != "Protests"]
    assert m.date.date == "2014-06-16" and m.date.resolution.endswith(anchors.IN_ITS_PHRASE)


def test_the_day_of_news_told_about_a_shooting_gives_way_to_the_day_the_report_gives_the_shooting(annotated):
    from newsfuse.events import EventSettings, extract_mentions

    text = ("Police were searching late Tuesday for two suspects in a shooting that left four people wounded "
            "outside a nightclub in Hawija. The suspects pulled guns around 10:45 p.m. Saturday in front of the club, "
            "police said.")
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], published="2014-06-24",
                         dates=[("late Tuesday", "2014-06-24", "day", "relative weekday"),
                                ("Saturday", "2014-06-21", "day", "relative weekday")])
    main = next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)
    assert main.date.date == "2014-06-21"


def test_a_shooting_told_days_before_a_dated_death_is_dated_that_many_days_earlier(annotated):
    from newsfuse.events import EventSettings, extract_mentions

    text = "Omar Saleh died Thursday, three days after he was shot outside his home in Hawija."
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], published="2014-06-27",
                         dates=[("Thursday", "2014-06-26", "day", "relative weekday")])
    [m] = [m for m in extract_mentions(doc, ann, EventSettings(salience=False))]
    assert (m.date.date, m.date.precision) == ("2014-06-23", "day")


def test_an_unparsed_sentence_whose_verb_is_an_irregular_past_tells_something():
    # sentences without event vocabulary are not parsed: the finite verb is found by its form, and "went"
    # or "shot" is a clause that can date an event as much as "walked"; a byline is not
    from newsfuse.records import Sentence
    told = "The teenager went out fishing on Christmas Eve with his uncle near the county line."
    assert anchors.tells(Sentence((0, len(told)), told), None)
    assert not anchors.tells(Sentence((0, 24), "Photo by the town clerk."), None)


def test_a_day_right_after_the_incidents_noun_dates_it_whatever_verb_the_parser_hangs_it_on(annotated):
    from newsfuse.events import EventSettings, extract_mentions

    text = ("Police say a Hawija man accidentally shot and wounded himself and his son while cleaning his rifle. "
            "Investigators haven't said whether criminal charges might be brought over the shooting Saturday night "
            "in Hawija.")
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], published="2014-06-24",
                         dates=[("Saturday night", "2014-06-21", "day", "relative weekday")])
    main = next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)
    assert (main.date.date, main.date.precision) == ("2014-06-21", "day")
    # the day of a plan with no incident named before it dates nothing
    planned = text.replace("over the shooting Saturday night", "Saturday night over it")
    doc, ann = annotated(planned, places=[("Hawija", "Hawija")], published="2014-06-24",
                         dates=[("Saturday night", "2014-06-21", "day", "relative weekday")])
    main = next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)
    assert main.date.precision != "day"


def test_a_day_since_which_something_goes_on_dates_the_when_clause_right_after_it(annotated):
    from newsfuse.events import EventSettings, extract_mentions

    text = ("Police had been searching for the man since early Sunday when shots were fired at a home in Hawija. "
            "He was found in another town.")
    dates = [("early Sunday", "2014-06-22", "day", "relative weekday")]
    doc, ann = annotated(text, places=[("Hawija", "Hawija")], published="2014-06-25", dates=dates)
    main = next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)
    assert (main.date.date, main.date.precision) == ("2014-06-22", "day")
    # a duration's start alone ("searching since early Sunday") dates nothing
    alone = text.replace(" when shots were fired at a home in Hawija", " after a shooting at a home in Hawija")
    doc, ann = annotated(alone, places=[("Hawija", "Hawija")], published="2014-06-25", dates=dates)
    main = next(m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main)
    assert main.date.date != "2014-06-22"


def test_a_site_named_once_with_its_town_places_a_later_sentence_naming_it_by_a_definite_noun(annotated):
    text = ("Fighters took the Al-Qaim border crossing on Friday. A border guard stationed in Rawa said families fled. "
            "Rebels had seized the Iraqi side of the border crossing on June 17.")
    _, ann = annotated(text, places=[("Al-Qaim", "Al Qaim"), ("Rawa", "Rawah")])
    assert anchors.place_for(ann, 2, text.index("seized")).text == "Al-Qaim"
    # a sentence naming no site takes the latest place as before
    text = ("Fighters took the Al-Qaim border crossing on Friday. A border guard stationed in Rawa said families fled. "
            "Rebels had seized more ground on June 17.")
    _, ann = annotated(text, places=[("Al-Qaim", "Al Qaim"), ("Rawa", "Rawah")])
    assert anchors.place_for(ann, 2, text.index("seized")).text == "Rawa"


def test_a_mall_named_like_a_town_never_places_the_event_there(annotated):
    text = "Two men were shot at Eastland mall in Harper Woods. On Friday a woman stayed away from the mall."
    _, ann = annotated(text, places=[("Eastland", "Eastland"), ("Harper Woods", "Harper Woods")])
    assert anchors.place_for(ann, 1, text.index("stayed")).text == "Harper Woods"


def test_where_a_suspect_was_caught_is_no_scene_for_a_later_sentence_naming_no_place(annotated):
    text = ("The suspect in a Cleveland double homicide was taken into custody in Rutherford County. "
            "He has been charged with two counts of first-degree murder.")
    _, ann = annotated(text, places=[("Cleveland", "Cleveland"), ("Rutherford County", "Rutherford County")])
    assert anchors.place_for(ann, 1, text.index("charged")).text == "Cleveland"


def test_a_hospitals_town_is_no_scene_for_a_later_sentence_naming_no_place(annotated):
    text = ("The girl is in critical condition at a Jackson hospital. The 6-year-old was shot in the head Wednesday. "
            "Anyone who knows where the gunman is should call Meridian police.")
    _, ann = annotated(text, places=[("Jackson", "Jackson"), ("Meridian", "Meridian")])
    assert anchors.place_for(ann, 1, text.index("shot")).text == "Meridian"  # the first other place, not Jackson
    from newsfuse.events.salience import home_place
    assert home_place(ann).text == "Meridian"
    # the town named before a shooting's sentence is its scene as before
    text = "Police were called to a home in Jackson. The 6-year-old was shot in the head Wednesday."
    _, ann = annotated(text, places=[("Jackson", "Jackson")])
    assert anchors.place_for(ann, 1, text.index("shot")).text == "Jackson"

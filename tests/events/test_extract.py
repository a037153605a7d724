"""The entry point over whole invented documents: anchors, continuation, history, bad input."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.records import Annotation, Sentence, Token

CLASH = ("Fighting broke out on Friday evening between ISIL and Naqshbandi Army fighters in Hawija, "
         "residents said. They said the clashes left 15 people dead. Separately, the army said it "
         "repelled an assault on the Baiji refinery.")


def _hawija(annotated):
    return annotated(
        CLASH,
        places=[("Hawija", "Hawija"), ("Baiji", "Baiji")],
        dates=[("Friday evening", "2014-06-20", "day", "relative weekday to published 2014-06-21")],
        actors=[("ISIL", "Islamic State", "group"), ("Naqshbandi Army", "JRTN", "group"),
                ("the army", "Military Forces of Iraq", "state_force")],
        figures=[("15 people dead", "killed", 15)],
        attributions=[("residents said", "residents")],
    )


def test_clash_mention_has_both_sides_place_date_and_the_next_sentences_toll(annotated):
    doc, ann = _hawija(annotated)
    mentions = extract_mentions(doc, ann, EventSettings())
    clash = mentions[0]
    assert (clash.type, clash.sub_type) == ("Battles", "Armed clash")
    assert [(a.name, a.role) for a in clash.actors] == [("Islamic State", "actor1"), ("JRTN", "actor2")]
    assert clash.place_text == "Hawija"
    assert clash.date.date == "2014-06-20" and clash.date.precision == "day"
    assert clash.fatalities is not None and clash.fatalities.low == 15
    assert clash.attribution == "residents"
    assert clash.id == f"{doc.id}:0:0"


def test_continuation_sentence_is_folded_not_a_second_event(annotated):
    doc, ann = _hawija(annotated)
    mentions = extract_mentions(doc, ann, EventSettings())
    assert [m.sub_type for m in mentions] == ["Armed clash", "Armed clash"]
    assert "Baiji" in mentions[1].sentence


def test_sentence_without_a_date_takes_the_published_date_with_lowered_precision(annotated):
    doc, ann = _hawija(annotated)
    baiji = extract_mentions(doc, ann, EventSettings())[1]
    assert baiji.date.resolution.startswith("published date")
    assert baiji.date.date == "2014-06-21" and baiji.date.precision == "week"
    assert baiji.place_text == "Baiji"


def test_day_an_official_spoke_is_not_the_day_of_the_event(annotated):
    text = "Militants seized the town of Rawa, officials said on Saturday."
    doc, ann = annotated(text, places=[("Rawa", "Rawah")], dates=[("Saturday", "2014-06-21", "day")])
    m = extract_mentions(doc, ann, EventSettings())[0]
    assert m.date.resolution.endswith("day it was reported")


def test_place_falls_back_to_the_town_named_before(annotated):
    text = "Gunmen entered Tikrit at dawn. They later kidnapped three nurses from the hospital."
    doc, ann = annotated(text, places=[("Tikrit", "Tikrit")])
    kidnap = [m for m in extract_mentions(doc, ann, EventSettings())
              if m.sub_type == "Abduction/forced disappearance"][0]
    assert kidnap.place_text == "Tikrit"


HISTORY = "In April 2013, protesters said security forces shot dead dozens of them in Hawija."


def test_event_long_before_publication_is_background_and_gives_no_mention(annotated):
    doc, ann = annotated(HISTORY, places=[("Hawija", "Hawija")],
                         dates=[("April 2013", "2013-04", "month", "absolute")])
    assert extract_mentions(doc, ann, EventSettings()) == []


def test_background_event_is_kept_and_marked_historical_when_asked(annotated):
    doc, ann = annotated(HISTORY, places=[("Hawija", "Hawija")],
                         dates=[("April 2013", "2013-04", "month", "absolute")])
    m = extract_mentions(doc, ann, EventSettings(keep_historical=True))[0]
    assert m.sub_type == "Excessive force against protesters"
    assert m.date.date == "2013-04" and "historical" in m.date.resolution


def test_future_event_gives_no_mention(annotated):
    doc, ann = annotated("The insurgents vowed to attack Baghdad within days.")
    assert extract_mentions(doc, ann, EventSettings()) == []


def test_broken_parse_loses_the_sentence_not_the_document(annotated):
    doc, ann = _hawija(annotated)
    bad = Sentence((0, 5), "Boom.", True, (Token("Boom", "boom", "NOUN", "ROOT", 99, 0),))
    broken = replace(ann, sentences=(bad, *ann.sentences[1:]))
    assert isinstance(extract_mentions(doc, broken, EventSettings()), list)
    empty = Annotation(doc.id, ())
    assert extract_mentions(doc, empty, EventSettings()) == []


def test_confidence_threshold_drops_weak_mentions(annotated):
    doc, ann = _hawija(annotated)
    assert extract_mentions(doc, ann, EventSettings(min_confidence=0.99)) == []


def test_continuation_naming_the_weapon_makes_a_generic_attack_specific(annotated):
    text = "Insurgents launched attacks on six police posts in Narathiwat overnight. The attacks were carried out with grenades."
    doc, ann = annotated(text, places=[("Narathiwat", "Narathiwat")])
    mentions = extract_mentions(doc, ann, EventSettings())
    assert [m.sub_type for m in mentions] == ["Grenade"]


def test_only_candidate_sentences_are_read_when_so_configured(annotated):
    doc, ann = _hawija(annotated)
    ann = replace(ann, sentences=tuple(replace(s, candidate=False) for s in ann.sentences))
    assert extract_mentions(doc, ann, EventSettings(read_all_parsed=False)) == []
    assert extract_mentions(doc, ann, EventSettings()) != []


def test_bare_toll_after_a_violent_event_is_that_events_toll(annotated):
    text = "Troops repelled an assault on the Baiji refinery overnight. More than 40 attackers were killed."
    doc, ann = annotated(text, places=[("Baiji", "Baiji")], figures=[("More than 40 attackers were killed", "killed", 41)])
    mentions = extract_mentions(doc, ann, EventSettings())
    assert len(mentions) == 1
    assert mentions[0].sub_type == "Armed clash" and mentions[0].fatalities.low == 41


def test_a_future_court_date_does_not_date_the_arrests(annotated):
    text = "Police said 20 traders had been arrested and would be charged on Wednesday."
    doc, ann = annotated(text, dates=[("on Wednesday", "2025-03-12", "day", "relative weekday")],
                         published="2025-03-18")
    m = extract_mentions(doc, ann, EventSettings())[0]
    assert m.sub_type == "Arrests" and m.date.date != "2025-03-12"


def test_a_day_after_moves_the_reported_day_back(annotated):
    text = ("Traders said on Wednesday they would march again next week, "
            "a day after police used tear gas to scatter their protest near City Hall.")
    doc, ann = annotated(text, dates=[("on Wednesday", "2025-03-19", "day", "relative weekday"),
                                      ("next week", "2025-03-24", "week", "relative")],
                         published="2025-03-19")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.sub_type == "Protest with intervention"
    assert (m.date.date, m.date.precision) == ("2025-03-18", "day")


def test_since_a_month_is_a_duration_not_the_event_date(annotated):
    text = "Gunmen have attacked three villages near Mopti since December, residents said."
    doc, ann = annotated(text, dates=[("December", "2024-12", "month", "absolute")], published="2025-03-08")
    for m in extract_mentions(doc, ann, EventSettings()):
        assert not m.date.date.startswith("2024-12")


def test_a_toll_sentence_naming_the_attack_joins_the_event_it_refers_to(annotated):
    text = ("Fighters seized the town of Douentza on Friday after overrunning the army camp. "
            "A councillor said 15 soldiers were killed in the attack.")
    doc, ann = annotated(text, places=[("Douentza", "Douentza")],
                         dates=[("on Friday", "2025-03-07", "day", "relative weekday")],
                         figures=[("15 soldiers were killed", "killed", 15)], published="2025-03-08")
    [m] = extract_mentions(doc, ann, EventSettings())
    assert m.sub_type == "Non-state actor overtakes territory"
    assert m.fatalities is not None and m.fatalities.low == 15


def test_a_place_named_as_an_origin_does_not_place_the_event(annotated):
    text = ("An air strike hit a car outside Deir ez-Zor on Wednesday. "
            "A Britain-based monitor said the car was struck by a drone.")
    doc, ann = annotated(text, places=[("Deir ez-Zor", "Deir ez-Zor"), ("Britain", "United Kingdom", "country")],
                         dates=[("on Wednesday", "2025-03-12", "day", "relative weekday")], published="2025-03-12")
    assert {m.place_text for m in extract_mentions(doc, ann, EventSettings())} == {"Deir ez-Zor"}


def test_a_byline_does_not_date_the_headline(annotated):
    text = ("Drone strike kills four in Deir al-Zor.\n\nLina Haddad – Thursday, 13 March 2025.\n\n"
            "Relatives buried the men on Thursday.")
    doc, ann = annotated(text, dates=[("Thursday, 13 March 2025", "2025-03-13", "day", "absolute")],
                         figures=[("kills four", "killed", 4)], published="2025-03-13")
    ms = extract_mentions(doc, ann, EventSettings())
    assert ms and all(m.date.resolution.startswith("published date") for m in ms)


def test_a_quote_after_the_lead_is_not_dated_by_the_day_the_next_sentence_tells(annotated):
    text = ("Jihadists took control of the town of Douentza late on Friday, a military source said on Sunday. "
            "\"The post was attacked by a large number of terrorists,\" the officer said. "
            "An official said the attackers were still in the town on Sunday morning.")
    doc, ann = annotated(
        text,
        places=[("Douentza", "Douentza")],
        dates=[("late on Friday", "2025-03-07", "day"), ("on Sunday", "2025-03-09", "day"),
               ("on Sunday morning", "2025-03-09", "day")],
        published="2025-03-09",
    )
    mentions = extract_mentions(doc, ann, EventSettings())
    quote = next(m for m in mentions if "attacked" in m.sentence)
    assert quote.date.date != "2025-03-09" or quote.date.resolution.startswith("published date")


def test_a_victims_home_town_does_not_place_the_event_when_the_sentence_names_where(annotated):
    text = "A 20-year-old Okeechobee man was killed Saturday night when shots were fired in downtown Fort Myers."
    doc, ann = annotated(text, places=[("Okeechobee", "Okeechobee", "US"), ("Fort Myers", "Fort Myers", "US")])
    assert {m.place_text for m in extract_mentions(doc, ann, EventSettings())} == {"Fort Myers"}


def test_a_victims_home_town_places_the_event_when_it_is_the_only_place_named(annotated):
    text = "Police said John Taylor, of Franklinton, was shot and killed on Thursday."
    doc, ann = annotated(text, places=[("Franklinton", "Franklinton", "US")])
    assert {m.place_text for m in extract_mentions(doc, ann, EventSettings())} == {"Franklinton"}


def test_a_follow_up_keeps_the_day_its_incident_is_told_on_but_not_the_day_of_the_charge(annotated):
    text = "A man has been charged with murder in the shooting death of a farmer in Hawija on Friday afternoon."
    doc, ann = annotated(text, places=(("Hawija", "Hawija"),),
                         dates=(("on Friday", "2014-06-20", "day", "relative weekday"),))
    [incident] = extract_mentions(doc, ann, EventSettings(salience=False, relevance=False))
    text = "A man was charged on Friday in the shooting death of a farmer in Hawija."
    doc, ann = annotated(text, places=(("Hawija", "Hawija"),),
                         dates=(("on Friday", "2014-06-20", "day", "relative weekday"),))
    [charge] = extract_mentions(doc, ann, EventSettings(salience=False, relevance=False))
    assert incident.date.date == "2014-06-20" and incident.date.precision == "day"
    assert charge.date.resolution.endswith("follow-up") and charge.date.precision == "week"


def test_a_follow_up_keeps_the_day_told_in_its_incidents_own_phrase(annotated):
    text = "A teenager was charged with murder Saturday in connection with a fatal shooting at a Hawija store on Thursday."
    doc, ann = annotated(text, places=(("Hawija", "Hawija"),),
                         dates=(("Saturday", "2014-06-21", "day", "relative weekday"),
                                ("on Thursday", "2014-06-19", "day", "relative weekday")))
    [m] = extract_mentions(doc, ann, EventSettings(salience=False, relevance=False))
    assert (m.date.date, m.date.precision) == ("2014-06-19", "day")

from dataclasses import replace

from newsfuse.records import ActorRole, DateValue, Figure, Place
from newsfuse.reconcile.merge import (
    affinity, compatible_actors, compatible_date, compatible_place, compatible_type, event_id, group_mentions,
    same_event,
)
from newsfuse.reconcile.settings import ReconcileSettings
from tests.reconcile.border_case import ARMY, CLASH, FRIDAY, HAWIJA, IRAQ, PUBLISHED, QAIM, RAWAH, mention

S = ReconcileSettings()
BASE = mention("a", 0, "Militants took Al-Qaim.")


def test_a_clash_and_a_takeover_are_compatible_sub_types_of_battles():
    assert compatible_type(BASE, replace(BASE, sub_type="Armed clash"))


def test_different_acled_types_never_merge():
    assert not compatible_type(BASE, replace(BASE, type="Protests", sub_type="Peaceful protest"))


def test_an_air_strike_and_a_grenade_do_not_mix_within_a_type():
    a = replace(BASE, type="Explosions/Remote violence", sub_type="Air/drone strike")
    assert not compatible_type(a, replace(a, sub_type="Grenade"))


def test_places_100_km_apart_are_different_events_but_an_unknown_or_containing_place_is_not():
    assert not compatible_place(BASE, replace(BASE, place=RAWAH), S)  # ~86 km
    assert compatible_place(BASE, replace(BASE, place=RAWAH), ReconcileSettings(max_place_km=100))
    assert compatible_place(BASE, replace(BASE, place=None), S)
    assert compatible_place(BASE, replace(BASE, place=IRAQ), S)


def test_two_gazetteer_entries_a_few_km_apart_can_be_one_place():
    near = Place("Husaybah", 34.42, 41.0, "IQ", 99999)
    assert compatible_place(BASE, replace(BASE, place=near), S)


def test_dates_further_apart_than_the_gap_are_different_events():
    later = replace(BASE, date=DateValue("2014-06-25", "day", "absolute"))
    assert not compatible_date(BASE, later, S)
    assert compatible_date(BASE, later, ReconcileSettings(max_date_gap_days=5))


def test_a_month_precision_date_agrees_with_any_day_of_that_month():
    assert compatible_date(BASE, replace(BASE, date=DateValue("2014-06", "month", "absolute")), S)


def test_a_publication_date_fallback_agrees_with_an_event_a_few_days_earlier_but_not_later():
    published = DateValue("2014-06-25", "day", "published date")
    assert compatible_date(BASE, replace(BASE, date=published), S)
    before = DateValue("2014-06-15", "day", "published date")
    assert not compatible_date(BASE, replace(BASE, date=before), S)


def test_different_named_actors_block_a_merge_unless_place_and_day_match_exactly():
    other = replace(BASE, actors=(ActorRole("Al-Nusra Front", "actor1"),))
    assert not compatible_actors(BASE, other)
    assert same_event(BASE, other, S)  # same town, same day: naming differs, the event does not
    assert not same_event(BASE, replace(other, place=Place("Husaybah", 34.42, 41.0, "IQ", 99999)), S)


def test_generic_actor_names_do_not_block_a_merge():
    assert compatible_actors(BASE, replace(BASE, actors=(ActorRole("Militants", "actor1"),)))
    assert compatible_actors(BASE, replace(BASE, actors=(ActorRole("Unidentified Armed Group (Iraq)", "actor1"),)))
    assert compatible_actors(BASE, replace(BASE, actors=(ActorRole("Civilians (Iraq)", "target"),)))


def test_a_takeover_and_a_non_violent_transfer_of_territory_can_be_one_event_across_types():
    handover = replace(BASE, type="Strategic developments", sub_type="Non-violent transfer of territory")
    assert compatible_type(BASE, handover)


def test_grouping_merges_reports_of_one_event_and_keeps_another_apart():
    ms = [BASE, replace(BASE, id="b:0:0", document="b"),
          mention("c", 0, "Clash in Hawija.", CLASH, HAWIJA)]
    groups = group_mentions(ms, {"a": "s", "b": "s", "c": "s"}, {"a": 0, "b": 1, "c": 2}, S)
    assert [[m.id for m in g] for g in groups] == [["a:0:0", "b:0:0"], ["c:0:0"]]


def test_a_mention_must_agree_with_every_mention_of_an_event_to_join_it():
    # the 22nd is within 2 days of both the 20th and the 24th, which are 4 apart
    d22 = replace(BASE, id="b:0:0", document="b", date=DateValue("2014-06-22", "day", "absolute"))
    d24 = replace(BASE, id="c:0:0", document="c", date=DateValue("2014-06-24", "day", "absolute"))
    groups = group_mentions([BASE, d22, d24], {}, {"a": 0, "b": 1, "c": 2}, S)
    assert len(groups) == 2  # no chaining from the 20th to the 24th through the 22nd


def test_event_id_is_a_hash_of_the_earliest_mention():
    b = replace(BASE, id="b:0:0", document="b")
    assert event_id([BASE, b]) == event_id([BASE]) != event_id([b])


def test_a_report_naming_only_the_victims_does_not_veto_one_naming_only_the_attackers():
    # "JNIM seized the town" / "15 soldiers of the army were killed in the attack": two sides, one event
    victims = replace(BASE, id="b:0:0", document="b", sub_type="Armed clash", actors=(ARMY,))
    assert compatible_actors(BASE, victims)
    assert same_event(BASE, replace(victims, date=PUBLISHED), S)


def test_two_different_attackers_of_the_same_sub_type_still_block_a_merge():
    assert not compatible_actors(BASE, replace(BASE, actors=(ActorRole("Nusra Front", "actor1"),)))
    # across sub-types the roles mean different things, so there they do not veto
    handover = replace(BASE, type="Strategic developments", sub_type="Non-violent transfer of territory",
                       actors=(ActorRole("Military Forces of Iraq", "actor1"),))
    assert compatible_actors(BASE, handover)


def test_a_description_of_the_attackers_names_nobody():
    for words in ("Islamist fighters", "armed men", "jihadists"):
        assert compatible_actors(BASE, replace(BASE, actors=(ActorRole(words, "actor1"),))), words


def test_two_publication_date_fallbacks_agreeing_do_not_draw_a_mention_to_an_event():
    # a sentence dated only by its page joins the event whose real date fits, not the one
    # that happens to share the page's publication day
    report_day = DateValue("2014-06-21", "week", "published date")
    undated = replace(BASE, id="z:0:0", document="z", date=report_day, actors=())
    fallback_twin = replace(BASE, id="y:0:0", document="y", date=report_day, actors=())
    friday = replace(BASE, id="x:0:0", document="x", date=FRIDAY, actors=())
    assert affinity(undated, fallback_twin) < affinity(undated, friday)


def test_a_toll_placed_only_in_the_country_joins_the_clash_it_fits_even_when_reported_first():
    # "17 killed in clashes in Iraq" opens a page whose own Hawija sentence comes later; it must
    # not found an event (or join the takeover) before the Hawija clash exists
    headline = mention("v", 0, "17 killed in clashes in Iraq.", CLASH, IRAQ, PUBLISHED, actors=())
    clash = mention("v", 1, "The clash in Hawija killed 17.", CLASH, HAWIJA, FRIDAY, start=40)
    groups = group_mentions([BASE, headline, clash], {"a": "s", "v": "s"}, {"a": 0, "v": 1}, S)
    assert [[m.id for m in g] for g in groups] == [["a:0:0"], ["v:0:0", "v:40:1"]]


def test_a_mention_joins_the_event_with_its_closest_report_not_the_smallest_event():
    # a big event whose members differ among themselves (a hand-over beside the takeover)
    # must not lose a matching report to a one-mention event that matches a little less
    handover = replace(BASE, id="a:50:0", span=(50, 60), type="Strategic developments",
                       sub_type="Non-violent transfer of territory", actors=())
    earlier = replace(BASE, id="b:0:0", document="b", date=DateValue("2014-06-09", "week", "previous week"))
    late = replace(BASE, id="c:0:0", document="c", date=DateValue("2014-06-21", "week", "published date"))
    groups = group_mentions([BASE, handover, earlier, late], {}, {"a": 0, "b": 1, "c": 2}, S)
    assert [[m.id for m in g] for g in groups] == [["a:0:0", "a:50:0", "c:0:0"], ["b:0:0"]]


def _main(m):
    return replace(m, main=m.id)


def test_the_main_events_of_two_reports_of_one_story_merge_even_placed_apart():
    a = _main(mention("a", 0, "Gunmen attacked a checkpoint.", type_=CLASH))
    b = _main(mention("b", 0, "Fighters clashed near Rawa.", type_=CLASH, place=RAWAH))
    groups = group_mentions([a, b], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)
    assert len(groups) == 1
    # two sentences of one report told apart by their towns stay two events
    c = mention("a", 1, "Fighters clashed near Rawa.", type_=CLASH, place=RAWAH, start=40)
    assert len(group_mentions([a, c], {"a": "s"}, {"a": 0}, S)) == 2


def test_a_follow_up_months_later_joins_the_incident_of_its_story():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    trial = _main(mention("b", 0, "The man convicted in the attack was sentenced.", type_=CLASH,
                          date=DateValue("2015-03-02", "week", "published date; follow-up")))
    assert len(group_mentions([shooting, trial], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 1
    plain = replace(trial, date=DateValue("2015-03-02", "week", "published date"))
    assert len(group_mentions([shooting, plain], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 2


def test_background_joins_an_event_there_but_never_founds_one():
    event = _main(mention("a", 0, "Militants took Al-Qaim on Friday."))
    background = mention("b", 0, "The group took Al-Qaim.", date=DateValue("2014-06-23", "week", "published date; background"))
    assert [len(g) for g in group_mentions([event, background], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)] == [2]
    assert group_mentions([background], {"b": "s"}, {"b": 0}, S) == []


def test_an_attached_sentence_joins_its_reports_main_event():
    main = _main(mention("a", 0, "Militants took Al-Qaim on Friday."))
    vigil = replace(mention("a", 1, "Relatives held a vigil.", type_=("Protests", "Peaceful protest"), start=40),
                    main=main.id)
    [group] = group_mentions([main, vigil], {"a": "s"}, {"a": 0}, S)
    assert {m.id for m in group} == {main.id, vigil.id}


def test_main_events_of_two_reports_of_one_story_weeks_apart_are_one_incident():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    later = _main(mention("b", 0, "Police named the men killed at the checkpoint on Monday.", type_=CLASH,
                          date=DateValue("2014-07-07", "day", "relative weekday to published 2014-07-08")))
    assert len(group_mentions([shooting, later], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 1
    # in two stories, or beyond the report gap, they stay two events
    assert len(group_mentions([shooting, later], {"a": "s", "b": "t"}, {"a": 0, "b": 1}, S)) == 2
    tight = replace(S, max_report_gap_days=10)
    assert len(group_mentions([shooting, later], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, tight)) == 2


def test_a_later_report_of_the_story_dates_its_main_event_six_weeks_on_and_still_joins_the_incident():
    # the later report's day is the one its news happened (a suspect held), read against its own publication
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    later = _main(mention("b", 0, "Police held a man over the checkpoint attack on Thursday.", type_=CLASH,
                          date=DateValue("2014-07-31", "day", "relative weekday to published 2014-08-01")))
    assert len(group_mentions([shooting, later], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 1


def test_a_follow_up_report_joins_its_storys_incident_months_later_and_another_report_does_not():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    sentencing = _main(mention("b", 0, "Gunmen attacked a checkpoint, the judge was told on Monday.", type_=CLASH,
                               date=DateValue("2015-03-02", "day", "relative weekday to published 2015-03-03")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, sentencing], story, order, S, follow_ups=frozenset({"b"}))) == 1
    assert len(group_mentions([shooting, sentencing], story, order, S)) == 2


def test_a_report_of_the_arrest_after_an_incident_joins_the_incident_but_not_one_before_it():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    arrest_type = ("Strategic developments", "Arrests")
    later = _main(mention("b", 0, "Police arrested a man on Monday.", type_=arrest_type,
                          date=DateValue("2014-06-23", "day", "relative weekday to published 2014-06-24")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, later], story, order, S)) == 1
    earlier = replace(later, date=DateValue("2014-06-18", "day", "relative weekday to published 2014-06-24"))
    assert len(group_mentions([shooting, earlier], story, order, S)) == 2


def test_an_arrest_its_report_dates_by_its_own_fresh_incident_weeks_later_is_another_incidents():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))  # 2014-06-20
    arrest_type = ("Strategic developments", "Arrests")
    fresh = _main(mention("b", 0, "A man was arrested after he shot a boy Saturday night.", type_=arrest_type,
                          date=_told("2014-07-26", "2014-07-27")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, fresh], story, order, S)) == 2
    # days after it, the arrest told that way is still the incident's follow-up
    soon = replace(fresh, date=_told("2014-06-22", "2014-06-23"))
    assert len(group_mentions([shooting, soon], story, order, S)) == 1


def test_main_events_of_two_stories_at_a_namesake_town_a_day_apart_are_one_incident():
    denver_co = Place("Denver", 39.74, -104.98, "US", 5419384, admin1="Colorado")
    denver_nc = Place("Denver", 35.53, -81.03, "US", 4461941, admin1="North Carolina")
    sunday = DateValue("2014-11-23", "day", "relative weekday to published 2014-11-23")
    monday = DateValue("2014-11-24", "day", "relative weekday to published 2014-11-24")
    a = _main(mention("a", 0, "One man died in a shooting at a Denver bar on Sunday.", type_=CLASH,
                      place=denver_co, date=sunday))
    b = _main(mention("b", 0, "The man shot dead at a Denver bar was a rapper.", type_=CLASH,
                      place=denver_nc, date=monday))
    stories, order = {"a": "s", "b": "t"}, {"a": 0, "b": 1}
    assert len(group_mentions([a, b], stories, order, S)) == 1
    elsewhere = replace(b, place=Place("Aurora", 39.73, -104.83, "US", 5412347, admin1="Colorado"))
    assert len(group_mentions([a, elsewhere], stories, order, S)) == 2
    later = replace(b, date=DateValue("2014-11-26", "day", "relative weekday to published 2014-11-26"))
    assert len(group_mentions([a, later], stories, order, S)) == 2


def test_main_events_of_two_reports_of_one_story_told_as_two_violent_types_are_one_incident():
    shooting = _main(mention("a", 0, "A gunman shot five men outside a bar on Friday.", type_=CLASH))
    riot = _main(mention("b", 0, "A crowd rioted outside the bar on Friday.", type_=("Riots", "Mob violence")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, riot], story, order, S)) == 1
    # the control: a protest is no violent type, so it stays an event of its own
    march = replace(riot, type="Protests", sub_type="Peaceful protest")
    assert len(group_mentions([shooting, march], story, order, S)) == 2


def test_a_trial_report_dated_after_the_storys_arrest_report_joins_the_arrest_and_the_incident():
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    arrest = _main(mention("b", 0, "Police arrested a man on Monday.", type_=("Strategic developments", "Arrests"),
                           date=DateValue("2014-06-23", "day", "relative weekday to published 2014-06-24")))
    trial = _main(mention("c", 0, "Gunmen attacked a checkpoint, the jury heard on Tuesday.", type_=CLASH,
                          date=DateValue("2015-03-03", "day", "relative weekday to published 2015-03-04")))
    story, order = {"a": "s", "b": "s", "c": "s"}, {"a": 0, "b": 1, "c": 2}
    assert len(group_mentions([shooting, arrest, trial], story, order, S, follow_ups=frozenset({"c"}))) == 1
    # a later report that tells no follow-up stays a new incident beside the arrest
    assert len(group_mentions([shooting, arrest, trial], story, order, S)) == 2


def _shooting_and_aside(aside_place=QAIM):
    """A report's main event and a side sentence of the same report that joins it."""
    shooting = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    aside = mention("a", 1, "Gunmen had fired near the checkpoint on Friday.", type_=CLASH, place=aside_place, start=60)
    return shooting, aside


def test_a_follow_up_report_joins_its_storys_incident_whatever_the_side_sentences_of_its_reports_tell():
    shooting, aside = _shooting_and_aside(Place("Husaybah", 34.42, 41.0, "IQ", 99999))
    trial = _main(mention("b", 0, "Gunmen attacked a checkpoint, the jury heard on Monday.", type_=CLASH, place=RAWAH,
                          date=DateValue("2015-03-02", "day", "relative weekday to published 2015-03-03")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, aside, trial], story, order, S, follow_ups=frozenset({"b"}))) == 1
    # months later, a report that tells no follow-up is a new incident
    assert len(group_mentions([shooting, aside, trial], story, order, S)) == 2


def test_a_later_report_of_the_story_joins_its_incident_though_a_side_sentence_of_an_earlier_report_is_days_off():
    shooting, aside = _shooting_and_aside()
    later = _main(mention("b", 0, "The man shot at the checkpoint was named on Monday.", type_=CLASH,
                          date=DateValue("2014-06-30", "day", "relative weekday to published 2014-07-01")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([shooting, aside, later], story, order, S)) == 1
    # elsewhere, the side sentence still keeps it apart
    far = replace(later, place=RAWAH)
    assert len(group_mentions([shooting, aside, far], story, order, S)) == 2


def test_fresh_news_of_a_shooting_weeks_after_another_of_its_story_is_another_incident():
    june = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    july = _main(mention("b", 0, "Gunmen attacked a checkpoint on Sunday.", type_=CLASH,
                         date=DateValue("2014-07-13", "day", "relative weekday to published 2014-07-14; "
                                                             "in the event's own phrase")))
    assert len(group_mentions([june, july], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 2
    # four days on is already fresh news
    tuesday = replace(july, date=DateValue("2014-06-24", "day", "relative weekday to published 2014-06-25; "
                                                                "in the event's own phrase"))
    assert len(group_mentions([june, tuesday], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 2
    # a day of what the report adds ("police named the men killed ... on Sunday"), a follow-up, or the same
    # toll of several: a later report of one incident
    added = replace(july, date=DateValue("2014-07-13", "day", "relative weekday to published 2014-07-14"))
    assert len(group_mentions([june, added], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 1
    assert len(group_mentions([june, july], {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S, frozenset({"b"}))) == 1
    seven = Figure("killed", 7, 7, "exact", "seven dead", (0, 10))
    assert len(group_mentions([replace(june, fatalities=seven), replace(july, fatalities=seven)],
                              {"a": "s", "b": "s"}, {"a": 0, "b": 1}, S)) == 1



def test_fresh_news_dated_by_its_own_date_days_before_its_publication_is_another_incident():
    june = _main(mention("a", 0, "Gunmen attacked a checkpoint on Friday.", type_=CLASH))
    # "on July 13" in a report of July 14 is fresh news as "on Sunday" is
    july = _main(mention("b", 0, "Gunmen attacked a checkpoint on July 13.", type_=CLASH,
                         date=DateValue("2014-07-13", "day", "absolute, year from published 2014-07-14; "
                                                             "in the event's own phrase")))
    story, order = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
    assert len(group_mentions([june, july], story, order, S)) == 2
    # ... but not a date two weeks before its report: the day of what the report adds to the story's incident
    recap = replace(july, date=DateValue("2014-07-01", "day", "absolute, year from published 2014-07-14; "
                                                              "in the event's own phrase"))
    assert len(group_mentions([june, recap], story, order, S)) == 1


def _told(day: str, published: str) -> DateValue:
    return DateValue(day, "day", f"relative weekday to published {published}; in the event's own phrase")


def _told_main(doc: str, sentence: str, day: str, published: str):
    """A report's main event of a shooting, dated in its own phrase against its publication."""
    return _main(mention(doc, 0, sentence, type_=CLASH, date=_told(day, published)))


TWO_REPORTS = {"a": "s", "b": "s"}, {"a": 0, "b": 1}  # two reports of one story, "a" published first


def test_two_reports_each_telling_its_shooting_day_two_days_apart_are_two_incidents():
    wednesday = _told_main("a", "A boy was shot Wednesday night at the checkpoint.", "2014-06-18", "2014-06-19")
    friday = _told_main("b", "A girl was shot Friday night at the checkpoint.", "2014-06-20", "2014-06-21")
    story, order = TWO_REPORTS
    assert len(group_mentions([wednesday, friday], story, order, S)) == 2
    # months apart, though the later report tells a charge
    months = replace(friday, date=_told("2014-11-20", "2014-11-21"))
    assert len(group_mentions([wednesday, months], story, order, S, frozenset({"b"}))) == 2
    # a night told from either side of midnight, or a day added by a report that does not tell it in the
    # event's own phrase, is one incident
    thursday = replace(friday, date=_told("2014-06-19", "2014-06-21"))
    assert len(group_mentions([wednesday, thursday], story, order, S)) == 1
    added = replace(friday, date=DateValue("2014-06-20", "day", "relative weekday to published 2014-06-21"))
    assert len(group_mentions([wednesday, added], story, order, S)) == 1


CHICAGO = Place("Chicago", 41.85003, -87.65005, "US", 4887398, "Illinois")
GARY = Place("Gary", 41.59337, -87.34643, "US", 4920607, "Indiana")


def test_fresh_news_at_a_big_city_two_days_after_a_day_another_report_tells_there_is_another_incident():
    # a city of millions has shootings most days: a report telling "Saturday evening" in its own phrase is not
    # the Thursday shooting another report dated by its text, as it would be one of a town's rare shootings
    thursday = _main(mention("a", 0, "Police are looking into the shootings of two teenagers.", type_=CLASH,
                             place=CHICAGO, date=DateValue("2014-06-19", "day",
                                                           "relative weekday to published 2014-06-19; from the text")))
    saturday = replace(_told_main("b", "A boy was shot Saturday evening on the West Side.", "2014-06-21",
                                  "2014-06-22"), place=CHICAGO)
    story, order = TWO_REPORTS
    assert len(group_mentions([thursday, saturday], story, order, S)) == 2
    at_gary = [replace(thursday, place=GARY), replace(saturday, place=GARY)]
    assert len(group_mentions(at_gary, story, order, S)) == 1
    # nor a later report telling no day of its own, nor one dated by what it adds, is fresh news
    added = replace(saturday, date=DateValue("2014-06-21", "day",
                                             "relative weekday to published 2014-06-22; from the text"))
    assert len(group_mentions([thursday, added], story, order, S)) == 1
    assert len(group_mentions([thursday, saturday], story, order, ReconcileSettings(big_city_population=None))) == 1


def test_two_wounded_told_by_both_reports_do_not_make_days_told_apart_one_incident():
    # two victims is the commonest toll of a city's shootings; three or more told alike is a mass shooting's
    two = Figure("injured", 2, 2, "exact", "two people were shot", (0, 20))
    sunday = replace(_told_main("a", "Two people were shot Sunday night in the square.", "2014-06-15", "2014-06-16"),
                     injured=two)
    tuesday = replace(_told_main("b", "Two people were shot Tuesday night in the square.", "2014-06-24",
                                 "2014-06-25"), injured=two)
    story, order = TWO_REPORTS
    assert len(group_mentions([sunday, tuesday], story, order, S)) == 2
    three = Figure("injured", 3, 3, "exact", "three people were shot", (0, 22))
    assert len(group_mentions([replace(sunday, injured=three), replace(tuesday, injured=three)], story, order, S)) == 1


def test_a_roundup_of_shootings_told_a_day_apart_from_a_shooting_is_another_incident():
    saturday = _told_main("a", "A boy was shot to death Saturday afternoon in the square.", "2014-06-21", "2014-06-21")
    roundup = _told_main("b", "Six people were wounded in shootings across the town Sunday.", "2014-06-22",
                         "2014-06-22")
    story, order = TWO_REPORTS
    assert len(group_mentions([saturday, roundup], story, order, S)) == 2
    # one shooting told a day apart is one night told from either side of midnight
    one = replace(roundup, sentence="Six people were wounded in a shooting in the square Sunday.")
    assert len(group_mentions([saturday, one], story, order, S)) == 1


def test_a_report_kept_apart_from_its_storys_event_is_not_joined_to_it_through_a_member_a_day_away():
    # Saturday and Sunday are one night told from either side of midnight; Monday is told apart from Saturday
    days = [("a", "2014-06-21", "Saturday"), ("b", "2014-06-22", "Sunday"), ("c", "2014-06-23", "Monday")]
    reports = [_told_main(doc, f"A man was shot {word} night in the square.", day, day) for doc, day, word in days]
    order = {"a": 0, "b": 1, "c": 2}
    assert [len(g) for g in group_mentions(reports, {"a": "s", "b": "s", "c": "s"}, order, S)] == [2, 1]
    # a report of another story joins an event at its town only when it is within a day of every report
    # the event holds (a follow-up clustered apart): Monday is two days from Saturday
    assert [len(g) for g in group_mentions(reports, {"a": "s", "b": "s", "c": "t"}, order, S)] == [2, 1]
    sunday = replace(reports[2], date=_told("2014-06-22", "2014-06-23"))
    assert [len(g) for g in group_mentions([*reports[:2], sunday], {"a": "s", "b": "s", "c": "t"}, order, S)] == [3]


def test_a_report_telling_no_day_published_the_day_another_storys_report_tells_at_its_town_is_that_incident():
    told = _told_main("a", "A man was shot through a window of his home in the square on Saturday.", "2014-06-21",
                      "2014-06-21")
    no_day = replace(_told_main("b", "A man was hospitalized after being shot through a window of his home.",
                                "2014-06-22", "2014-06-22"),
                     date=DateValue("2014-06-22", "week", "published date; no day told"))
    stories, order = {"a": "s", "b": "t"}, {"a": 0, "b": 1}
    assert len(group_mentions([told, no_day], stories, order, S)) == 1
    assert len(group_mentions([told, no_day], stories, order, ReconcileSettings(near_no_day_told_days=None))) == 2
    # published two days on, or telling a follow-up rather than no day, it stays apart
    late = replace(no_day, date=DateValue("2014-06-23", "week", "published date; no day told"))
    assert len(group_mentions([told, late], stories, order, S)) == 2
    charged = replace(no_day, date=DateValue("2014-06-22", "week", "published date; follow-up"))
    assert len(group_mentions([told, charged], stories, order, S)) == 2


def test_a_report_placed_at_a_part_of_the_town_another_storys_report_tells_that_day_is_that_incident():
    told = _told_main("a", "A man was shot through a window of his home in the square on Saturday.", "2014-06-21",
                      "2014-06-21")
    # the town's own gazetteer entry read at region precision ("the south side of the town")
    part = replace(told.place, precision="region", geo_precision=3)
    no_day = replace(_told_main("b", "A man was hospitalized after being shot through a window in the south side.",
                                "2014-06-22", "2014-06-22"),
                     date=DateValue("2014-06-22", "week", "published date; no day told"), place=part)
    stories, order = {"a": "s", "b": "t"}, {"a": 0, "b": 1}
    assert len(group_mentions([told, no_day], stories, order, S)) == 1
    assert len(group_mentions([told, no_day], stories, order, ReconcileSettings(near_town_parts=False))) == 2
    # a county or a state read at region precision is no town
    county = replace(no_day, place=replace(part, feature="county"))
    assert len(group_mentions([told, county], stories, order, S)) == 2

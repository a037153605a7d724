from dataclasses import replace

from newsfuse.records import DateValue, Place
from newsfuse.reconcile.borders import other_countries
from newsfuse.reconcile.merge import group_mentions
from newsfuse.reconcile.settings import ReconcileSettings
from tests.reconcile.border_case import TAKEOVER, killed, mention

S = ReconcileSettings()
STORY, ORDER = {"a": "s", "b": "s"}, {"a": 0, "b": 1}
WEDNESDAY = DateValue("2025-04-16", "day", "relative weekday to published 2025-04-17; in the event's own phrase")
GAO = Place("Gao", 16.27, -0.04, "ML", 2457163, "Gao")
RAQQA = Place("Ar Raqqah", 35.95, 39.01, "SY", 172955, "Raqqa")
PARIS_FRANCE = Place("Paris", 48.85, 2.35, "FR", 2988507, "Île-de-France")
DALLAS = Place("Dallas", 32.78, -96.81, "US", 4684888, "Texas")


def _main(doc: str, sentence: str, place: Place, type_=TAKEOVER, text: str | None = None):
    m = mention(doc, 0, sentence, type_=type_, place=place, date=WEDNESDAY)
    return replace(m, main=m.id, place_text=text or place.name)


TOWN_TAKEN = _main("a", "Fighters took the town of Gao on Wednesday after a day of clashes with the army.", GAO)
STRIKE = _main("b", "A drone struck a car outside Raqqa on Wednesday, killing three men.", RAQQA,
               ("Explosions/Remote violence", "Air/drone strike"), "Raqqa")


def test_two_reports_main_events_in_two_countries_are_two_events_however_their_story_and_day_agree():
    assert other_countries(TOWN_TAKEN, STRIKE)
    assert len(group_mentions([TOWN_TAKEN, STRIKE], STORY, ORDER, S)) == 2
    assert len(group_mentions([TOWN_TAKEN, STRIKE], STORY, ORDER, ReconcileSettings(other_countries_apart=False))) == 1


def test_a_place_the_gazetteer_may_have_read_in_the_wrong_country_or_a_country_alone_tells_nothing_apart():
    shooting = ("Violence against civilians", "Attack")
    texas = _main("a", "A man was shot dead outside a bar in Dallas on Wednesday.", DALLAS, shooting)
    # "Paris" is a town of Texas too: the other report's "Paris" may have been misread as France's
    misread = _main("b", "A man was shot dead outside a bar in Paris on Wednesday.", PARIS_FRANCE, shooting)
    assert not other_countries(texas, misread)
    assert len(group_mentions([texas, misread], STORY, ORDER, S)) == 1
    country = Place("Mali", 17.0, -4.0, "ML", 2453866, feature="country", precision="country")
    assert not other_countries(replace(TOWN_TAKEN, place=country, place_text="Mali"), STRIKE)


def test_an_arrest_abroad_still_follows_its_incident():
    arrest = _main("b", "Police arrested a suspect in Raqqa on Wednesday.", RAQQA, ("Strategic developments", "Arrests"))
    assert len(group_mentions([TOWN_TAKEN, arrest], STORY, ORDER, S)) == 1


MILWAUKEE = Place("Milwaukee", 43.04, -87.91, "US", 5263045, "Wisconsin")
BATON_ROUGE = Place("Baton Rouge", 30.45, -91.15, "US", 4315588, "Louisiana")
FORT_WORTH = Place("Fort Worth", 32.73, -97.32, "US", 4691930, "Texas")
WASHINGTON = Place("Washington", 38.90, -77.04, "US", 4140963, "Washington, D.C.")
SHOT = ("Violence against civilians", "Attack")


def test_report_mains_of_one_story_placed_at_towns_of_two_far_states_are_two_incidents():
    officer = _main("a", "A police officer was shot in Milwaukee on Wednesday.", MILWAUKEE, SHOT)
    ambush = _main("b", "Three officers were shot dead in Baton Rouge on Wednesday.", BATON_ROUGE, SHOT)
    assert len(group_mentions([officer, ambush], STORY, ORDER, S)) == 2
    assert len(group_mentions([officer, ambush], STORY, ORDER, ReconcileSettings(far_states_apart_km=0))) == 1


def test_one_toll_of_several_told_at_two_far_towns_is_still_one_incident():
    # one report places the mass shooting at the gunman's home town
    home = replace(_main("a", "At least 13 dead after a gunman from Fort Worth opened fire on Wednesday.", FORT_WORTH,
                         SHOT), fatalities=killed(13, "at_least"))
    scene = replace(_main("b", "A gunman killed 13 people in Washington on Wednesday.", WASHINGTON, SHOT),
                    fatalities=killed(13, high=13))
    assert len(group_mentions([home, scene], STORY, ORDER, S)) == 1

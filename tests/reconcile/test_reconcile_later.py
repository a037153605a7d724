from dataclasses import replace

from newsfuse.records import ActorRole, DateValue, Document, Figure, Mention, Place, PublishedDate
from newsfuse.reconcile.later import (
    join_later_follow_ups, later_follow_up_joins, person_keys, same_town, tells_court, tells_same_incident,
)
from newsfuse.reconcile.settings import ReconcileSettings

ATTACK = "Violence against civilians", "Attack"
DAYTON = Place("Dayton", 39.75895, -84.19161, "US", 4509884, "OH")
KETTERING = Place("Kettering", 39.6895, -84.16883, "US", 4515843, "OH")  # 8 km from Dayton
TOLEDO = Place("Toledo", 41.66394, -83.55521, "US", 5174035, "OH")
OHIO = Place("Ohio", 40.25034, -83.00018, "US", 5165418, "OH", feature="region", precision="region")
SETTINGS = ReconcileSettings()


def day(iso: str, how: str = "absolute") -> DateValue:
    return DateValue(iso, "day", how)


def main(doc: str, sentence: str, date: DateValue, place: Place = DAYTON, killed: int | None = None,
         injured: int | None = None, actors=()) -> Mention:
    def figure(kind: str, n: int | None) -> Figure | None:
        return None if n is None else Figure(kind, n, n, "exact", str(n), (0, 1))
    mid = f"{doc}:0:0"
    return Mention(id=mid, document=doc, span=(0, len(sentence)), sentence=sentence, type=ATTACK[0],
                   sub_type=ATTACK[1], actors=tuple(actors), place=place, date=date,
                   fatalities=figure("killed", killed), injured=figure("injured", injured), main=mid)


def side(doc: str, sentence: str, actors) -> Mention:
    return Mention(id=f"{doc}:50:1", document=doc, span=(50, 50 + len(sentence)), sentence=sentence,
                   type=ATTACK[0], sub_type=ATTACK[1], actors=tuple(actors), place=DAYTON,
                   date=day("2015-03-06"), main=f"{doc}:0:0")


def docs(**titles: str) -> dict[str, Document]:
    return {k: Document(k, f"{k}.txt", "...", title=t) for k, t in titles.items()}


SHOOTING = main("shot", "Three people were wounded and one killed when a man opened fire in Dayton on Friday night.",
                day("2015-03-06", "relative weekday to published 2015-03-07; in the event's own phrase"),
                killed=1, injured=3)
# the verdict report dates its main event by the trial's day, months later
VERDICT = main("verdict", "A jury found the gunman guilty of murder in the shooting that killed one and hurt three.",
               day("2015-09-14", "absolute; the day the report gives its incident"), killed=1, injured=3)
TITLES = docs(shot="Gunman kills one, wounds three in Dayton bar", verdict="Jury finds Dayton bar gunman guilty")
STORY_OF = {"shot": "s1", "verdict": "s2", "other": "s3"}


def test_court_stages_are_told_apart_from_arrests_and_new_shootings():
    for title in ("Man pleads guilty in fatal shooting", "Father gets 12 years in son's death", "Jury finds gunman guilty",
                  "Sentencing delayed for shooter", "Woman indicted in child's death", "Teen admits firing shot"):
        assert tells_court(title), title
    for title in ("Man arrested in Dayton shooting", "Suspect charged with murder", "Two shot on Main Street", None):
        assert not tells_court(title), title


def test_person_keys_skip_institutions_and_generic_names_and_key_by_first_and_last_word():
    group = [side("a", "He was charged.", [ActorRole("Mark D. Fisher Jr.", "actor1"), ActorRole("Dayton Police", "actor2"),
                                           ActorRole("Civilians (United States)", "target"),
                                           ActorRole("Montgomery County Common Pleas Court", "associated")])]
    assert person_keys(group) == {"mark fisher"}


def test_same_town_is_one_place_or_two_close_towns_not_a_state_holding_a_town():
    def at(place: Place) -> Mention:
        return replace(SHOOTING, place=place)

    assert same_town(at(DAYTON), at(KETTERING), SETTINGS)
    assert not same_town(at(DAYTON), at(TOLEDO), SETTINGS)
    assert not same_town(at(OHIO), at(DAYTON), SETTINGS)


def test_the_same_toll_of_several_or_a_named_person_tells_one_incident_an_age_alone_does_not():
    assert tells_same_incident([VERDICT], [SHOOTING])
    single = replace(SHOOTING, fatalities=None, injured=None)
    named = [side("shot", "Police named the victim.", [ActorRole("Lena Ortiz", "target")])]
    assert not tells_same_incident([replace(VERDICT, injured=None, fatalities=None)], [single])
    assert tells_same_incident([replace(VERDICT, injured=None, fatalities=None), *named], [single, *named])
    aged = replace(single, sentence="A 9-year-old boy was shot.")
    assert not tells_same_incident([replace(VERDICT, sentence="The 9-year-old boy's father was sentenced.",
                                            injured=None, fatalities=None)], [aged])


def test_a_verdict_clustered_apart_joins_its_incident_of_months_before():
    groups = [[SHOOTING], [VERDICT]]
    assert later_follow_up_joins(groups, STORY_OF, TITLES, frozenset({"verdict"}), SETTINGS) == {1: 0}
    order = {"shot": 0, "verdict": 1}
    joined = join_later_follow_ups(groups, STORY_OF, order, TITLES, frozenset({"verdict"}), SETTINGS)
    assert [[m.document for m in g] for g in joined] == [["shot", "verdict"]]


def test_no_join_for_a_fresh_report_an_arrest_another_town_or_two_candidates():
    follow = frozenset({"verdict"})
    # the later report tells its own incident's day in its own phrase: another shooting, however alike
    fresh = replace(VERDICT, date=day("2015-09-14", "relative weekday to published 2015-09-15; in the event's own phrase"))
    assert later_follow_up_joins([[SHOOTING], [fresh]], STORY_OF, TITLES, follow, SETTINGS) == {}
    # an arrest is told days after its own incident, not months
    arrest = docs(shot="Gunman kills one", verdict="Man arrested in Dayton bar shooting")
    assert later_follow_up_joins([[SHOOTING], [VERDICT]], STORY_OF, arrest, follow, SETTINGS) == {}
    # another town
    assert later_follow_up_joins([[SHOOTING], [replace(VERDICT, place=TOLEDO)]], STORY_OF, TITLES, follow,
                                 SETTINGS) == {}
    # two earlier incidents of the town with the same toll: none chosen
    other = replace(SHOOTING, id="other:0:0", document="other", main="other:0:0", date=day("2015-05-02"))
    assert later_follow_up_joins([[SHOOTING], [other], [VERDICT]], STORY_OF, TITLES, follow, SETTINGS) == {}
    # the same story's events were judged by the story's own rules
    assert later_follow_up_joins([[SHOOTING], [VERDICT]], {"shot": "s1", "verdict": "s1"}, TITLES, follow,
                                 SETTINGS) == {}


def test_the_sole_earlier_event_of_the_town_takes_a_court_follow_up_unless_their_tolls_differ():
    follow = frozenset({"verdict"})
    quiet = replace(VERDICT, fatalities=None, injured=None)  # tells neither toll nor person
    assert later_follow_up_joins([[SHOOTING], [quiet]], STORY_OF, TITLES, follow, SETTINGS) == {1: 0}
    other_toll = replace(quiet, fatalities=Figure("killed", 2, 2, "exact", "two", (0, 1)))
    assert later_follow_up_joins([[SHOOTING], [other_toll]], STORY_OF, TITLES, follow, SETTINGS) == {}
    other = replace(SHOOTING, id="other:0:0", document="other", main="other:0:0", date=day("2015-05-02"), injured=None)
    assert later_follow_up_joins([[SHOOTING], [other], [quiet]], STORY_OF, TITLES, follow, SETTINGS) == {}
    alone = replace(SETTINGS, join_sole_town_event=False)
    assert later_follow_up_joins([[SHOOTING], [quiet]], STORY_OF, TITLES, follow, alone) == {}


def test_a_joined_follow_up_is_dated_by_its_publication_as_a_follow_up_not_by_the_verdicts_day():
    published = {**TITLES, "verdict": replace(TITLES["verdict"], published=PublishedDate("2015-09-15", "day", "test"))}
    joined = join_later_follow_ups([[SHOOTING], [VERDICT]], STORY_OF, {"shot": 0, "verdict": 1}, published,
                                   frozenset({"verdict"}), SETTINGS)
    verdict = next(m for m in joined[0] if m.document == "verdict")
    assert verdict.date == DateValue("2015-09-15", "week", "published date; follow-up")
    assert next(m for m in joined[0] if m.document == "shot").date == SHOOTING.date

from dataclasses import replace

from newsfuse.records import DateValue
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.values import figure_label, reconcile_values
from tests.reconcile.border_case import IRAQ, QAIM, SATURDAY, killed, mention

S = ReconcileSettings()
OWN = lambda d: d  # noqa: E731 - every document its own origin group


def _m(doc: str, **kw):
    return replace(mention(doc, 0, f"Report by {doc}."), **kw)


def test_at_least_50_and_60_are_compatible_figures_not_a_contradiction():
    r = reconcile_values([_m("a", fatalities=killed(50, "at_least")), _m("b", fatalities=killed(60))], OWN, S)
    assert r.contradictions == ()
    assert (r.fatalities.low, r.fatalities.high) == (50, 60)


def test_about_20_and_22_are_compatible_but_15_and_17_are_not():
    approx = reconcile_values([_m("a", fatalities=killed(20, "approximate")), _m("b", fatalities=killed(22))], OWN, S)
    assert approx.contradictions == ()
    exact = reconcile_values([_m("a", fatalities=killed(15)), _m("b", fatalities=killed(17))], OWN, S)
    assert [c.field for c in exact.contradictions] == ["fatalities"]


def test_a_copy_repeating_a_figure_adds_no_weight():
    # three documents of one group say 10, two independent ones say 30 and 40
    ms = [_m("w1", fatalities=killed(10)), _m("w2", fatalities=killed(10)), _m("w3", fatalities=killed(10)),
          _m("x", fatalities=killed(30)), _m("y", fatalities=killed(40))]
    group = {"w1": "w", "w2": "w", "w3": "w"}.get
    r = reconcile_values(ms, lambda d: group(d) or d, S)
    assert r.fatalities.best == 30  # median of 10, 30, 40 (not of 10, 10, 10, 30, 40)
    assert len(r.fatalities.reports) == 5


def test_disagreement_inside_one_origin_group_is_not_a_contradiction():
    ms = [_m("w1", fatalities=killed(15)), _m("w2", fatalities=killed(16))]
    assert reconcile_values(ms, lambda d: "wire", S).contradictions == ()


def test_a_contradiction_lists_every_value_with_all_documents_reporting_it():
    ms = [_m("w1", fatalities=killed(15)), _m("w2", fatalities=killed(15)), _m("x", fatalities=killed(17))]
    r = reconcile_values(ms, lambda d: "wire" if d.startswith("w") else d, S)
    [c] = r.contradictions
    assert [(v.value, v.documents) for v in c.values] == [(15, ("w1", "w2")), (17, ("x",))]


def test_a_day_precise_date_beats_a_publication_date_fallback_even_with_less_support():
    fallback = DateValue("2014-06-23", "day", "published date")
    ms = [_m("a", date=fallback), _m("b", date=fallback), _m("c", date=SATURDAY)]
    r = reconcile_values(ms, OWN, S)
    assert r.date == SATURDAY and r.contradictions == ()


def test_the_date_most_independent_sources_give_wins_and_the_other_is_a_contradiction():
    ms = [_m("a", date=SATURDAY), _m("b", date=SATURDAY), _m("c", date=DateValue("2014-06-20", "day", "absolute"))]
    r = reconcile_values(ms, OWN, S)
    assert r.date == SATURDAY
    [c] = r.contradictions
    assert c.field == "date" and [v.value for v in c.values] == ["2014-06-21", "2014-06-20"]


def test_the_most_precise_place_is_chosen_and_a_country_does_not_contradict_its_town():
    r = reconcile_values([_m("a", place=IRAQ), _m("b", place=IRAQ), _m("c", place=QAIM)], OWN, S)
    assert r.place == QAIM and r.contradictions == ()


def test_type_is_a_vote_of_origin_groups_weighted_by_confidence():
    ms = [_m("a", sub_type="Armed clash", confidence=0.4), _m("b", sub_type="Armed clash", confidence=0.4),
          _m("c", confidence=0.9)]
    assert reconcile_values(ms, OWN, S).sub_type == "Non-state actor overtakes territory"


def test_actors_are_the_union_of_canonical_names():
    from newsfuse.records import ActorRole
    ms = [_m("a"), _m("b", actors=(ActorRole("Iraqi Army", "actor2"),))]
    assert set(reconcile_values(ms, OWN, S).actors) == {"Islamic State", "Iraqi Army"}


def test_figure_labels_keep_the_qualifier_words():
    assert figure_label(killed(50, "at_least")) == "at least 50"
    assert figure_label(killed(15)) == 15


def test_a_later_report_raising_the_toll_is_an_update_and_gives_the_toll():
    day = {"a": "2016-04-16", "b": "2016-04-18"}.get
    r = reconcile_values([_m("a", fatalities=killed(1)), _m("b", fatalities=killed(2))], OWN, S, (), day)
    assert r.contradictions == ()
    assert (r.fatalities.low, r.fatalities.best, r.fatalities.high) == (1, 2, 2)


def test_reports_of_the_same_day_that_disagree_are_a_contradiction_naming_who_says_what():
    day = {"a": "2016-04-16", "b": "2016-04-16"}.get
    r = reconcile_values([_m("a", fatalities=killed(1)), _m("b", fatalities=killed(2))], OWN, S, (), day)
    [c] = r.contradictions
    assert c.field == "fatalities" and [(v.value, v.documents) for v in c.values] == [(1, ("a",)), (2, ("b",))]


def test_a_later_report_lowering_the_toll_still_contradicts_the_earlier_one():
    day = {"a": "2016-04-16", "b": "2016-04-18"}.get
    r = reconcile_values([_m("a", fatalities=killed(3)), _m("b", fatalities=killed(2))], OWN, S, (), day)
    assert [c.field for c in r.contradictions] == ["fatalities"]


def test_between_two_equally_supported_towns_the_one_in_the_state_the_other_sentences_name_wins():
    from newsfuse.records import Place

    lincoln = Place("Lincoln", 40.8, -96.7, "US", 5072006, admin1="Nebraska")
    bronx = Place("The Bronx", 40.84, -73.87, "US", 5110266, admin1="New York")
    harlem = Place("Harlem", 40.81, -73.94, "US", 5115843, admin1="New York")
    a, b = _m("a", place=lincoln), _m("b", place=bronx)
    aside = replace(mention("b", 1, "Police said the victim lived in Harlem.", place=harlem, start=40), main=b.id)
    assert reconcile_values([a, b], OWN, S).place == lincoln  # a tie: the first report's
    assert reconcile_values([a, b], OWN, S, [a, b, aside]).place == bronx


def _hurt(n: int):
    return replace(killed(n), kind="injured", text=f"{n} injured")


def test_a_wounded_victim_a_later_report_says_died_is_counted_killed_not_also_injured():
    day = {"a": "2016-04-16", "b": "2016-04-19"}.get
    r = reconcile_values([_m("a", injured=_hurt(1)), _m("b", fatalities=killed(1))], OWN, S, (), day)
    assert (r.fatalities.best, r.injured.best) == (1, 0)


def test_wounded_beyond_the_later_deaths_stay_injured():
    day = {"a": "2016-04-16", "b": "2016-04-19"}.get
    r = reconcile_values([_m("a", injured=_hurt(4)), _m("b", fatalities=killed(1))], OWN, S, (), day)
    same_day = reconcile_values([_m("a", injured=_hurt(1), fatalities=killed(1)), _m("b", fatalities=killed(2))],
                                OWN, S, (), {"a": "2016-04-16", "b": "2016-04-16"}.get)
    assert r.injured.best == 4 and same_day.injured.best == 1


def test_a_report_dated_after_the_death_had_its_wounded_die_unless_it_tells_a_death_itself():
    # a page's date may be a later crawl's: "Boy shot Saturday" dated after "Boy dies after shooting"
    day = {"a": "2016-04-19", "b": "2016-04-16"}.get
    silent = reconcile_values([_m("a", injured=_hurt(1)), _m("b", fatalities=killed(1))], OWN, S, (), day)
    telling = reconcile_values([_m("a", injured=_hurt(1), fatalities=killed(1)), _m("b", fatalities=killed(2))],
                               OWN, S, (), day)
    assert (silent.fatalities.best, silent.injured.best) == (1, 0) and telling.injured.best == 1


def test_a_same_day_report_telling_no_death_had_its_wounded_die_when_another_tells_the_death():
    day = {"a": "2016-04-16", "b": "2016-04-16"}.get
    r = reconcile_values([_m("a", injured=_hurt(1)), _m("b", fatalities=killed(1))], OWN, S, (), day)
    assert (r.fatalities.best, r.injured.best) == (1, 0)


def test_reports_telling_no_day_give_the_day_before_the_first_report_at_day_precision():
    later = DateValue("2014-06-23", "week", "published date; no day told")
    first = DateValue("2014-06-22", "week", "published date; no day told")
    r = reconcile_values([_m("a", date=later), _m("b", date=first)], OWN, S)
    assert (r.date.date, r.date.precision) == ("2014-06-21", "day")
    assert r.date.resolution == "published date; no day told: the day before the first report"


def test_the_days_before_the_first_report_telling_no_day_are_a_setting():
    first = DateValue("2014-06-22", "week", "published date; no day told")
    same_day = replace(S, no_day_told_days=0)
    assert reconcile_values([_m("a", date=first)], OWN, same_day).date.date == "2014-06-22"


def test_a_day_a_report_tells_still_beats_the_first_reports_day():
    first = DateValue("2014-06-22", "week", "published date; no day told")
    assert reconcile_values([_m("a", date=first), _m("b", date=SATURDAY)], OWN, S).date == SATURDAY


def test_a_follow_up_dated_only_by_publication_keeps_its_week():
    follow_up = DateValue("2014-06-30", "week", "published date; follow-up")
    assert reconcile_values([_m("a", date=follow_up)], OWN, S).date == follow_up


def test_a_follow_up_telling_an_arrest_dated_only_by_publication_gives_the_day_before_it():
    soon = DateValue("2014-06-30", "week", "published date; follow-up; soon after")
    r = reconcile_values([_m("a", date=soon)], OWN, S)
    assert (r.date.date, r.date.precision) == ("2014-06-29", "day") and r.date.resolution.startswith("published date")


def test_a_town_far_outside_the_county_another_report_names_gives_way_to_the_county():
    from newsfuse.records import Place

    county = Place("Elm County", 40.0, -90.0, "US", None, "Westland", "county", "region", "Elm County", 3)
    far = Place("Milltown", 40.0, -89.05, "US", 2, "Westland", "city", "point", "Oak County")
    inside = Place("Bridgeton", 40.05, -90.05, "US", 1, "Westland", "city", "point", "Elm County")
    assert reconcile_values([_m("a", place=far), _m("b", place=county)], OWN, S).place == county
    assert reconcile_values([_m("a", place=inside), _m("b", place=county)], OWN, S).place == inside


def _main(doc: str, day: str):
    m = _m(doc, date=DateValue(day, "day", "relative weekday to published"))
    return replace(m, main=m.id)


def test_the_first_reports_day_beats_follow_ups_that_outnumber_it():
    # the incident's report, then two reports of the arrest a month later whose leads give the arrest's day
    ms = [_main("a", "2014-06-21"), _main("b", "2014-07-22"), _main("c", "2014-07-22")]
    assert reconcile_values(ms, OWN, S).date.date == "2014-06-21"
    assert reconcile_values(ms, OWN, replace(S, first_day_lead_days=None)).date.date == "2014-07-22"


def test_main_days_a_few_days_apart_keep_the_most_supported():
    ms = [_main("a", "2014-06-19"), _main("b", "2014-06-21"), _main("c", "2014-06-21")]
    assert reconcile_values(ms, OWN, S).date.date == "2014-06-21"
    assert reconcile_values(ms, OWN, replace(S, first_day_lead_days=0)).date.date == "2014-06-19"


def test_between_two_equally_supported_towns_the_one_in_the_county_the_other_sentences_name_wins():
    from newsfuse.records import Place

    harbor = Place("Harbor City", 33.7, -78.9, "US", 11, "Carolina", admin2="Pine County")
    village = Place("Millbrook", 34.1, -79.8, "US", 12, "Carolina", admin2="Oak County")
    beach = Place("Sandy Point", 33.8, -78.8, "US", 13, "Carolina", admin2="Pine County")
    a, b = _m("a", place=village), _m("b", place=harbor)
    aside = replace(mention("b", 1, "The coroner said the boy lived in Sandy Point.", place=beach, start=40), main=b.id)
    assert reconcile_values([a, b], OWN, S).place == village  # a tie: the first report's
    assert reconcile_values([a, b], OWN, S, [a, b, aside]).place == harbor


def test_a_town_near_the_county_loses_to_it_when_more_reports_tell_of_the_county():
    # two reports place their leads in Milltown (the suspect's former employer), but all three tell the
    # shooting in Elm County: Milltown lies 30 km off the county's middle, in Oak County
    from newsfuse.records import Place

    county = Place("Elm County", 40.0, -90.0, "US", None, "Westland", "county", "region", "Elm County", 3)
    near = Place("Milltown", 40.0, -89.65, "US", 2, "Westland", "city", "point", "Oak County")
    a, b, c = (_m(d, place=p) for d, p in (("a", near), ("b", near), ("c", county)))
    a, b, c = (replace(m, main=m.id) for m in (a, b, c))
    told = [replace(mention(d, 1, "Deputies of Elm County answered the call.", place=county, start=40), main=m.id)
            for d, m in (("a", a), ("b", b))]
    assert reconcile_values([a, b, c], OWN, S).place == near  # the mains alone: two groups for the town
    assert reconcile_values([a, b, c], OWN, S, [a, b, c, *told]).place == county

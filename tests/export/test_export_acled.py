import csv
import io

import pytest

from newsfuse.export import export_snapshot
from newsfuse.export.acled import ACLED_COLUMNS, COLUMNS, acled_rows, actor_type, disorder_type, interaction
from newsfuse.records import Event, Fatalities
from tests.export.sample_records import sample_snapshot

SNAP = sample_snapshot()


def _sheet() -> list[dict[str, str]]:
    body, _ = export_snapshot(SNAP, "events", "acled")
    return list(csv.DictReader(io.StringIO(body.decode())))


def test_acled_sheet_has_acleds_columns_in_order_then_ours():
    body, _ = export_snapshot(SNAP, "events", "acled")
    header = body.decode().splitlines()[0].split(",")
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert header[len(ACLED_COLUMNS):len(ACLED_COLUMNS) + 3] == ["independent_sources", "contradictions", "documents"]


def test_acled_row_uses_acleds_codes_and_names():
    row = _sheet()[0]
    assert row["event_id_cnty"].startswith("IRQ") and row["event_id_cnty"][3:].isdigit()
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2014-06-17", "2014", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Battles", "Armed clash")
    assert (row["iso"], row["region"], row["country"], row["admin1"]) == ("368", "Middle East", "Iraq", "Kirkuk")
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == (
        "Hawija", "35.3261", "43.7728", "1")
    assert row["source"] == "Reuters; Kirkuk Herald"


def test_acled_fatalities_are_the_lowest_reported_figure_and_the_contradiction_is_spelled_out():
    row = _sheet()[0]
    assert row["fatalities"] == "15" and row["fatalities_high"] == "17"
    assert row["contradictions"] == "fatalities: 15 (Wire Daily, Republisher); 17 (Kirkuk Herald)"
    assert row["independent_sources"] == "2" and row["documents"].count(";") == 2


def test_acled_sides_are_voted_from_the_mentions_roles():
    row = _sheet()[0]
    assert (row["actor1"], row["actor2"]) == ("Gunmen", "Iraqi police")
    assert _sheet()[1]["actor1"] == "Protesters" and _sheet()[1]["fatalities"] == "0"


def test_acled_protest_without_a_place_is_a_demonstration_with_empty_geography():
    row = _sheet()[1]
    assert row["disorder_type"] == "Demonstrations"
    assert row["latitude"] == "" and row["country"] == "" and row["geo_precision"] == ""


@pytest.mark.parametrize("name, kind", [
    ("Military Forces of Iraq", "State forces"), ("Police Forces of Mali", "State forces"),
    ("Civilians (Iraq)", "Civilians"), ("Protesters (Kenya)", "Protesters"), ("Rioters (Kenya)", "Rioters"),
    ("Unidentified Armed Group (Iraq)", "Political militia"), ("Islamic State", "Rebel group"),
    ("United Nations", "External/Other forces"), ("Saddam Hussein", ""),
])
def test_actor_types_follow_acleds_vocabulary(name, kind):
    assert actor_type(name) == kind


def test_interaction_names_the_lower_coded_type_first_and_solo_actors_alone():
    assert interaction("Rebel group", "State forces") == "State forces-Rebel group"
    assert interaction("Protesters", "") == "Protesters only"
    assert interaction("", "") == ""


def test_disorder_type_of_excessive_force_is_both_violence_and_demonstration():
    ev = Event("e", None, "Protests", "Excessive force against protesters", None, None, (),
               Fatalities(None, None, None), (), (), ())
    assert disorder_type(ev) == "Political violence; Demonstrations"


def test_acled_is_refused_for_tables_other_than_events():
    with pytest.raises(ValueError, match="ACLED format exports events"):
        export_snapshot(SNAP, "documents", "acled")


def test_acled_rows_have_every_column():
    for row in acled_rows(SNAP, stamp=0):
        assert list(row) == COLUMNS


def _one_event_snapshot(type_, sub_type, roles):
    from newsfuse.export import Snapshot
    from newsfuse.records import ActorRole, Mention

    m = Mention("d1:0:0", "d1", (0, 10), "x", type_, sub_type, tuple(ActorRole(n, r) for n, r in roles))
    ev = Event("ab12cd34", None, type_, sub_type, None, None, tuple(n for n, _ in roles),
               Fatalities(None, None, None), (m.id,), ("d1",), ())
    return Snapshot(events=(ev,), mentions=(m,))


def test_in_a_protest_the_protesters_are_actor1_even_when_the_police_act():
    snap = _one_event_snapshot("Protests", "Protest with intervention",
                               [("Police Forces of Kenya", "actor1"), ("Protesters (Kenya)", "actor2")])
    (row,) = acled_rows(snap, stamp=0)
    assert (row["actor1"], row["actor2"], row["interaction"]) == (
        "Protesters (Kenya)", "Police Forces of Kenya", "State forces-Protesters")


def test_in_a_protest_the_police_who_intervene_are_actor2_not_the_bystanders_they_hit():
    snap = _one_event_snapshot("Protests", "Protest with intervention", [
        ("Police Forces of Kenya", "actor1"), ("Civilians (Kenya)", "actor2"), ("Protesters (Kenya)", "actor1")])
    (row,) = acled_rows(snap, stamp=0)
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == (
        "Protesters (Kenya)", "", "Police Forces of Kenya")


def test_a_named_group_is_actor1_before_an_unidentified_one():
    snap = _one_event_snapshot("Battles", "Armed clash", [
        ("Unidentified Armed Group (Mali)", "actor1"), ("Unidentified Armed Group (Mali)", "actor1"),
        ("JNIM: Group for Support of Islam and Muslims", "actor1"), ("Military Forces of Mali", "actor2")])
    (row,) = acled_rows(snap, stamp=0)
    assert row["actor1"].startswith("JNIM") and row["assoc_actor_1"] == "Unidentified Armed Group (Mali)"


def test_a_sentence_attached_to_the_event_names_its_sides_only_at_the_events_place():
    from newsfuse.export import Snapshot
    from newsfuse.records import ActorRole, Mention, Place

    qaim = Place("Al Qaim", 34.39, 40.99, "IQ", geonameid=1)
    baghdad = Place("Baghdad", 33.34, 44.40, "IQ", geonameid=2)
    main = Mention("d1:0:0", "d1", (0, 10), "Militants seized the border post.", "Battles",
                   "Non-state actor overtakes territory", (ActorRole("Islamic State", "actor1"),),
                   place=qaim, main="d1:0:0")
    guards = Mention("d1:20:0", "d1", (20, 40), "Border guards left Al Qaim.", "Battles",
                     "Non-state actor overtakes territory", (ActorRole("Military Forces of Iraq", "actor2"),),
                     place=qaim, main="d1:0:0")
    recap = Mention("d1:50:0", "d1", (50, 90), "Loyalists of Saddam Hussein joined the alliance.",
                    "Strategic developments", "Change to group/activity",
                    (ActorRole("Saddam Hussein", "actor1"), ActorRole("Maliki", "actor2")),
                    place=baghdad, main="d1:0:0")
    ev = Event("ab12cd34", None, main.type, main.sub_type, None, qaim,
               ("Islamic State", "Military Forces of Iraq", "Saddam Hussein", "Maliki"),
               Fatalities(None, None, None), (main.id, guards.id, recap.id), ("d1",), ())
    (row,) = acled_rows(Snapshot(events=(ev,), mentions=(main, guards, recap)), stamp=0)
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"], row["assoc_actor_2"]) == (
        "Islamic State", "", "Military Forces of Iraq", "")


def test_every_acled_sub_event_type_gets_one_of_acleds_disorder_types():
    from newsfuse.events.taxonomy import TAXONOMY

    allowed = {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
    for type_, subs in TAXONOMY.items():
        for sub in subs:
            ev = Event("e", None, type_, sub, None, None, (), Fatalities(None, None, None), (), (), ())
            assert disorder_type(ev) in allowed, (type_, sub)
    mob = Event("e", None, "Riots", "Mob violence", None, None, (), Fatalities(None, None, None), (), (), ())
    assert disorder_type(mob) == "Political violence"

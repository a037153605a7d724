"""The county a report's lead names places its main event (invented reports and places)."""

from __future__ import annotations

import pytest

from newsfuse.events.county import county_place, in_county
from newsfuse.records import Annotation, Mention, Place, PlaceMention, Sentence

# an invented state with two counties 80 km apart and their towns
ELM_COUNTY = Place("Elm County", 40.0, -90.0, "US", None, "Westland", "county", "region", "Elm County", 3)
OAK_COUNTY = Place("Oak County", 40.0, -89.06, "US", None, "Westland", "county", "region", "Oak County", 3)
BRIDGETON = Place("Bridgeton", 40.05, -90.05, "US", 1, "Westland", "city", "point", "Elm County")
MILLTOWN = Place("Milltown", 40.0, -89.05, "US", 2, "Westland", "city", "point", "Oak County")
NEARBY = Place("Nearby", 40.1, -89.8, "US", 3, "Westland", "city", "point", "Ash County")
WESTLAND = Place("Westland", 40.0, -89.5, "US", None, "Westland", "region", "region", None, 3)
ABROAD = Place("Villa", 19.0, -99.0, "MX", 4, "Norte", "city", "point", "Villa Municipio")

TEXT = ("A Milltown woman was shot Monday. Elm County deputies said the shooting happened on a farm "
        "near Bridgeton. Bridgeton residents heard shots.")


def _ann(*places: tuple[str, Place, int]) -> Annotation:
    def span(word: str, nth: int) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return start, start + len(word)
    return Annotation("d", (), tuple(PlaceMention(w, span(w, n), p) for w, p, n in places))


def _main(place: Place | None) -> Mention:
    return Mention("d:0:0", "d", (0, 33), TEXT[:33], "Violence against civilians", "Attack", place=place,
                   place_text=place.name if place else None)


def test_a_town_of_another_county_gives_way_to_the_leads_county_town_named_most():
    ann = _ann(("Milltown", MILLTOWN, 0), ("Elm County", ELM_COUNTY, 0), ("Bridgeton", BRIDGETON, 0),
               ("Bridgeton", BRIDGETON, 1))
    placed = county_place(ann, _main(MILLTOWN), len(TEXT))
    assert placed.place == BRIDGETON and placed.place_text == "Bridgeton"


@pytest.mark.parametrize("named, main, placed", [
    ((("Milltown", MILLTOWN, 0), ("Elm County", ELM_COUNTY, 0)), MILLTOWN, ELM_COUNTY),  # no town named in it
    ((("Elm County", ELM_COUNTY, 0),), WESTLAND, ELM_COUNTY),  # a state, read finer
    ((("Elm County", ELM_COUNTY, 0), ("Bridgeton", BRIDGETON, 0)), BRIDGETON, BRIDGETON),  # a town inside stays
    ((("Elm County", ELM_COUNTY, 0),), NEARBY, NEARBY),  # a town near the county stays
])
def test_the_county_places_a_town_far_outside_it_or_a_state_but_not_a_town_in_or_near_it(named, main, placed):
    assert county_place(_ann(*named), _main(main), len(TEXT)).place == placed


@pytest.mark.parametrize("sentence, placed", [
    ("A shooting killed a teen in Milltown on Monday.", MILLTOWN),  # its own town, in the county's state
    ("A teen shot Monday died at a hospital in Milltown.", ELM_COUNTY),  # a hospital's town
    ("A Milltown teen was shot Monday.", ELM_COUNTY),  # the victim's home town
])
def test_a_main_sentence_placing_its_event_at_its_town_keeps_it(sentence, placed):
    ann = _ann(("Milltown", MILLTOWN, 0), ("Elm County", ELM_COUNTY, 0))
    main = Mention("d:0:0", "d", (0, len(sentence)), sentence, "Violence against civilians", "Attack",
                   place=MILLTOWN, place_text="Milltown")
    assert county_place(ann, main, len(TEXT)).place == placed


def test_a_county_named_as_where_a_suspect_was_caught_places_nothing():
    text = "Milltown police said a clerk was shot. The suspect was taken into custody in Elm County on Monday."
    first = text.index(".") + 1
    ann = Annotation("d", (Sentence((0, first), text[:first]), Sentence((first + 1, len(text)), text[first + 1:])),
                     (PlaceMention("Milltown", (0, 8), MILLTOWN),
                      PlaceMention("Elm County", (text.index("Elm"), text.index("Elm") + 10), ELM_COUNTY)))
    main = Mention("d:0:0", "d", (0, first), text[:first], "Violence against civilians", "Attack", place=MILLTOWN,
                   place_text="Milltown")
    assert county_place(ann, main, len(text)).place == MILLTOWN


def test_a_county_named_after_the_lead_or_abroad_changes_nothing():
    ann = _ann(("Milltown", MILLTOWN, 0), ("Elm County", ELM_COUNTY, 0))
    assert county_place(ann, _main(MILLTOWN), 34).place == MILLTOWN  # the county comes after the lead
    assert county_place(ann, _main(ABROAD), len(TEXT)).place == ABROAD


def test_in_county_needs_the_same_state_and_county():
    assert in_county(BRIDGETON, ELM_COUNTY) and not in_county(MILLTOWN, ELM_COUNTY)
    assert in_county(MILLTOWN, OAK_COUNTY)


def test_outside_counties_is_a_town_of_known_county_far_from_every_county_of_its_country():
    from newsfuse.events.county import outside_counties

    assert outside_counties(MILLTOWN, [ELM_COUNTY])
    assert not outside_counties(BRIDGETON, [ELM_COUNTY]) and not outside_counties(NEARBY, [ELM_COUNTY])
    assert not outside_counties(ABROAD, [ELM_COUNTY]) and not outside_counties(WESTLAND, [ELM_COUNTY])

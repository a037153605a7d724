from newsfuse.records import Place
from newsfuse.reconcile.places import contains, km, same_place
from tests.reconcile.border_case import HAWIJA, IRAQ, QAIM

ANBAR = Place("Anbar", 33.0, 42.0, "IQ", 99592, admin1="01", feature="region", precision="region")


def test_al_qaim_to_hawija_is_about_274_km_great_circle():
    assert 265 < km(QAIM, HAWIJA) < 285


def test_the_same_gazetteer_id_is_the_same_place_whatever_the_spelling():
    assert same_place(QAIM, Place("al-Qaim", 34.4, 41.0, "IQ", 92138))
    assert not same_place(QAIM, HAWIJA)


def test_a_country_or_its_province_contains_a_town_in_it():
    assert contains(IRAQ, QAIM) and contains(ANBAR, QAIM)
    assert not contains(ANBAR, HAWIJA)  # Hawija is in Kirkuk province


def test_counties_of_one_name_in_two_states_are_two_places():
    # counties carry no gazetteer id: the name alone would make Marion County, Texas, Indiana's
    texas = Place("Marion County", 32.8, -94.4, "US", None, "Texas", "county", "region")
    indiana = Place("Marion County", 39.8, -86.1, "US", None, "Indiana", "county", "region")
    assert not same_place(texas, indiana)
    assert same_place(texas, Place("Marion County", 32.8, -94.4, "US", None, "Texas", "county", "region"))

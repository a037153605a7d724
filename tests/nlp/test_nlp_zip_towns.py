import pytest

from newsfuse.nlp import zip_towns
from newsfuse.nlp.gazetteer import load
from newsfuse.nlp.places import find_places
from newsfuse.nlp.settings import NlpSettings


@pytest.fixture(scope="module")
def gaz():
    return load()


def _found(text, gaz):
    return {m.text: m.place for m in find_places(text, gaz, NlpSettings())}


def test_a_zip_town_is_placed_in_its_state_and_county():
    town = zip_towns.town("MN", "Foxhome")
    assert town is not None and town.county == "Wilkin County"
    assert town.lat == pytest.approx(46.26, abs=0.05) and town.lon == pytest.approx(-96.32, abs=0.05)
    assert zip_towns.town("OH", "Foxhome") is None  # only in the state that has it


def test_a_town_too_small_for_geonames_written_with_its_state_is_placed(gaz):
    assert not any(e.feature == "city" for e, _ in gaz.lookup("foxhome"))  # the gap this fills
    place = _found("A farmer was shot near Foxhome, Minn., on Sunday, deputies said.", gaz)["Foxhome"]
    assert (place.country, place.admin1, place.admin2, place.precision) == ("US", "Minnesota", "Wilkin County", "point")
    assert place.geonameid is None
    assert "FOXHOME" in _found("FOXHOME, MN — Deputies were called to a farm.", gaz)
    # surnames and words are post-office towns too: only a written state ties the name to one
    assert "Foxhome" not in _found("Deputy Sam Foxhome said a man was shot in Minnesota.", gaz)
    # and a gazetteer reading stays (Dublin, Ohio is a ZIP town too)
    assert _found("Police in Dublin, Ohio, said a man was shot.", gaz)["Dublin"].geonameid is not None

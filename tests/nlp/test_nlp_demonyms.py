import pytest

from newsfuse.nlp.demonyms import ADJECTIVAL, adjective_places
from newsfuse.nlp.gazetteer import load
from newsfuse.nlp.places import find_places
from newsfuse.nlp.settings import NlpSettings


@pytest.fixture(scope="module")
def gaz():
    return load()


def _adjectival(text, gaz):
    return {m.text: (m.place.name, m.place.country) for m in find_places(text, gaz, NlpSettings())
            if m.place.feature == ADJECTIVAL}


def test_a_nationality_adjective_names_its_country_as_an_adjectival_place(gaz):
    found = _adjectival("Russian hackers targeted a Mexican bank, a South Korean firm said.", gaz)
    assert found == {"Russian": ("Russia", "RU"), "Mexican": ("Mexico", "MX"), "South Korean": ("South Korea", "KR")}


def test_a_demonym_several_countries_share_names_the_most_populous():
    assert adjective_places(load())["chinese"].country == "CN"


def test_continent_adjectives_and_hyphenated_parts_are_read(gaz):
    found = _adjectival("European leaders discussed Russian-European projects and anti-Turkish protests.", gaz)
    assert set(found) == {"European", "Russian", "Turkish"}
    assert found["European"][0] == "Europe"


def test_a_nationality_word_used_as_a_noun_or_inside_a_longer_name_is_no_place(gaz):
    text = ("An American who lived in Lima spoke in Chinese, Monica French said. "
            "Many African Americans and Latin American workers came.")
    assert _adjectival(text, gaz) == {}


def test_an_adjective_that_is_part_of_a_place_name_stays_that_place(gaz):
    places = find_places("The ship reached American Samoa.", gaz, NlpSettings())
    assert [(m.text, m.place.feature) for m in places] == [("American Samoa", "country")]

"""The place score of gva_incidents events: what counts as placed, and how a miss is classed."""

from evaluation.gva import Incident
from evaluation.incident_places import miss_class, near
from newsfuse.records import Event, Fatalities, Place

TOWN = Incident("1", "2015-06-27", "Virginia", "Portsmouth", "", 1, 1, 36.835, -76.298, ("r1",))


def _event(place):
    none = Fatalities(None, None, None)
    return Event(id="e", story=None, type="Violence against civilians", sub_type="Attack", date=None, place=place,
                 actors=(), fatalities=none, injured=none, mentions=(), documents=("d",), independent_sources=())


def test_an_event_at_the_town_is_placed_and_its_english_namesake_is_a_place_abroad():
    here = Place("Portsmouth", 36.835, -76.298, "US", 1, "Virginia")
    england = Place("Portsmouth", 50.799, -1.091, "GB", 2, "England")
    assert near(_event(here), TOWN) and not near(_event(england), TOWN)
    assert miss_class([_event(england)], TOWN) == "a place abroad"


def test_misses_without_events_or_places_are_told_apart_from_a_town_of_another_state():
    assert miss_class([], TOWN) == "no event"
    assert miss_class([_event(None)], TOWN) == "events without a place"
    ohio = Place("Portsmouth", 38.73, -82.99, "US", 3, "Ohio")
    assert miss_class([_event(ohio)], TOWN) == "a town of another state"

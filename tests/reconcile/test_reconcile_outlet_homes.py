from dataclasses import replace

from newsfuse.records import CopyGraph, Document, Mention, Place, PublishedDate, Story
from newsfuse.reconcile import ReconcileSettings, reconcile
from newsfuse.reconcile.outlet_homes import home_towns, placed_at_home, placed_report_mains

DOTHAN = Place("Dothan", 31.22323, -85.39049, "US", 4059102, "Alabama", "city", "point", "Houston County")
OZARK = Place("Ozark", 31.45906, -85.64049, "US", 4081914, "Alabama", "city", "point", "Dale County")  # 35 km away
MOBILE = Place("Mobile", 30.69436, -88.04305, "US", 4076598, "Alabama", "city", "point", "Mobile County")
ALABAMA = Place("Alabama", 32.75041, -86.75026, "US", 4829764, "Alabama", "region", "region", None, 3)
SETTINGS = ReconcileSettings()


def test_an_outlets_home_is_the_town_most_of_its_placed_reports_lie_near_as_an_area():
    towns = home_towns([("ledger.com", MOBILE), ("ledger.com", DOTHAN), ("ledger.com", OZARK)], SETTINGS)
    assert towns["ledger.com"].name == "Dothan"
    assert (towns["ledger.com"].precision, towns["ledger.com"].geo_precision) == ("region", 3)


def test_one_placed_report_or_a_scatter_of_towns_teaches_no_home():
    assert home_towns([("ledger.com", DOTHAN)], SETTINGS) == {}
    scattered = [("ledger.com", DOTHAN), ("ledger.com", OZARK), ("ledger.com", MOBILE), ("ledger.com", MOBILE),
                 ("ledger.com", replace(MOBILE, lat=33.5, lon=-86.8)), ("ledger.com", replace(MOBILE, lat=34.7))]
    assert home_towns(scattered, ReconcileSettings(outlet_home_min_share=0.5)) == {}


def _main(doc: str, place: Place | None) -> Mention:
    return Mention(f"{doc}:0", doc, (0, 10), "A man was shot.", "Violence against civilians", "Attack",
                   place=place, main=f"{doc}:0")


def test_only_report_main_events_placed_at_a_town_by_their_text_teach_a_home():
    side = replace(_main("c", DOTHAN), id="c:1", main="c:0")
    pairs = placed_report_mains([_main("a", DOTHAN), _main("b", ALABAMA), side, _main("d", None)],
                                {"a": "ledger.com", "b": "ledger.com", "c": "ledger.com", "d": "ledger.com"})
    assert pairs == [("ledger.com", DOTHAN)]


def test_an_unplaced_report_main_event_takes_its_outlets_home_and_nothing_else_moves():
    towns = {"ledger.com": replace(DOTHAN, precision="region", geo_precision=3)}
    hosts = {"a": "ledger.com", "b": "ledger.com", "c": "other.com"}
    side = replace(_main("a", None), id="a:1", main="a:0")
    out = placed_at_home([_main("a", None), side, _main("b", MOBILE), _main("c", None)], hosts, towns)
    assert [m.place.name if m.place else None for m in out] == ["Dothan", None, "Mobile", None]
    assert out[0].place_text == "Dothan"


def _doc(doc_id: str, day: str) -> Document:
    return Document(doc_id, f"{doc_id}.json", "A man was shot.", url=f"https://www.ledger.com/news/{doc_id}",
                    title="A man was shot", published=PublishedDate(day, "day", "container"), language="en")


def test_reconcile_places_an_unplaced_report_at_the_home_its_outlets_other_reports_teach():
    docs = [_doc("a", "2023-03-01"), _doc("b", "2023-04-01"), _doc("c", "2023-05-01")]
    mentions = [_main("a", DOTHAN), _main("b", OZARK), _main("c", None)]
    stories = [Story(f"s{d.id}", d.title, (d.id,)) for d in docs]
    events, _ = reconcile(stories, mentions, docs, CopyGraph(()), SETTINGS)
    assert {e.documents[0]: e.place.name for e in events} == {"a": "Dothan", "b": "Ozark", "c": "Dothan"}
    events, _ = reconcile(stories, mentions, docs, CopyGraph(()), replace(SETTINGS, outlet_homes=False))
    assert next(e for e in events if e.documents == ("c",)).place is None

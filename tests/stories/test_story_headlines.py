import numpy as np

from newsfuse.records import Annotation, Document, Place, PlaceMention, PublishedDate
from newsfuse.stories import StorySettings
from newsfuse.stories.headlines import headline_keys
from newsfuse.stories.keys import StoryKeys
from newsfuse.stories.similarity import _components, features

DAYTON = Place("Dayton", 39.76, -84.19, "US", 4509884)


def _page(doc_id: str, title: str, text: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.html", title=title, text=text,
                    published=PublishedDate("2016-05-08", "day", "test"))


REPORT = _page("r1", "Man killed outside bar", "Darnell Hayes, 34, was shot and killed outside a bar on Third Street in "
               "Dayton early Saturday, police said.")
AT = REPORT.text.index("Dayton")
REPORT_ANN = Annotation("r1", (), places=(PlaceMention("Dayton", (AT, AT + 6), DAYTON),))
EMPTY = _page("r2", "Man shot dead outside bar in Dayton, Ohio - Channel 7", "")


def test_a_headline_names_the_town_of_a_page_whose_text_names_none():
    found = headline_keys([EMPTY], {})
    assert found["r2"].placed and any(k.startswith("place:") for k, _ in found["r2"].entities)
    assert headline_keys([_page("r3", "Sign in to your account", "")], {}) == {}


def test_the_headline_places_the_nlp_stage_read_are_taken_over_a_reading_of_the_headline_alone():
    read_as_none = {"r2": StoryKeys(headline_entities=())}  # the stage read the headline in its context: no place
    assert headline_keys([EMPTY], read_as_none) == {}
    read = {"r2": StoryKeys(headline_entities=(("place:killeen", 1.0),), headline_counties=frozenset({"county:bell"}))}
    assert headline_keys([EMPTY], read)["r2"] == StoryKeys(entities=(("place:killeen", 1.0),), placed=True,
                                                          counties=frozenset({"county:bell"}))


def test_a_page_told_by_its_headline_shares_the_town_of_a_report_of_its_incident():
    docs, anns = [REPORT, EMPTY], {"r1": REPORT_ANN}
    rows, cols = np.array([0]), np.array([1])
    on = _components(features(docs, anns, StorySettings()), rows, cols)
    off = _components(features(docs, anns, StorySettings(headline_places=False)), rows, cols)
    assert on["shared_place"][0, 0] and not off["shared_place"][0, 0]


def test_the_text_places_of_a_report_are_kept_and_not_replaced_by_its_headline():
    titled = _page("r4", "Shooting in Columbus, Ohio", REPORT.text)
    f = features([titled], {"r4": Annotation("r4", (), places=REPORT_ANN.places)}, StorySettings())
    assert f.places.sum() == 1  # Dayton, as the text says

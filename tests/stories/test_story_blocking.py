"""The stored reports a run must meet beyond its days: those naming one of its new reports' people."""

from __future__ import annotations

import numpy as np

from newsfuse.records import ActorMention, Annotation, Document, Place, PlaceMention, PublishedDate
from newsfuse.stories import StorySettings, blocking
from newsfuse.stories.similarity import block_similarity, features


def _named(doc: str, *people: str) -> Annotation:
    return Annotation(document=doc, sentences=(), actors=tuple(ActorMention(p, (0, len(p)), p, "person")
                                                              for p in people))


def test_a_report_is_found_by_its_full_person_names_only():
    keys = blocking.name_keys(_named("a", "Kevin Parker", "Parker", "Mayor Nan Whaley Of Dayton"))
    assert keys == [blocking.name_key("person:kevin parker")]  # a surname alone or a long phrase: no key
    assert blocking.name_keys(_named("b", "kevin parker")) == keys  # the same person however it is cased
    assert blocking.name_keys(None) == []


def test_a_report_is_found_by_the_towns_it_places_but_not_by_its_state_or_country():
    rosamond = Place("Rosamond", 34.86, -118.16, "US", 5387844, "California")
    california = Place("California", 37.25, -119.75, "US", 5332921, feature="region", precision="region")
    ann = Annotation(document="a", sentences=(), places=(PlaceMention("Rosamond", (0, 8), rosamond),
                                                         PlaceMention("California", (10, 20), california)))
    assert blocking.name_keys(ann) == [blocking.name_key("town:5387844")]


def test_stored_reports_naming_a_new_reports_person_are_met_within_far_link_days():
    s = StorySettings(far_link_days=1100, far_name_documents=50)
    wanted = blocking.asked([(1000, [7]), (None, [8])])  # an undated new report has no far pair
    found = [("late", 2000, 7), ("early", 0, 7), ("past", 2101, 7), ("undated", None, 7), ("other", 1000, 8)]
    assert blocking.far_partners(found, wanted, s) == {"late", "early"}


def test_a_name_carried_by_more_than_far_name_documents_stored_reports_is_not_followed():
    s = StorySettings(far_name_documents=2)
    wanted = blocking.asked([(500, [1, 2])])
    found = [("m1", 400, 1), ("m2", 450, 1), ("m3", 460, 1), ("v1", 300, 2)]
    assert blocking.far_partners(found, wanted, s) == {"v1"}


def test_two_reports_further_apart_than_any_run_meets_are_never_one_story():
    text = "Kevin Parker was shot and killed outside a store on Salem Avenue in Dayton, police said."
    docs = [Document(id=i, source=f"{i}.txt", title="Man killed in Dayton", text=text,
                     published=PublishedDate(day, "day", "test")) for i, day in (("a", "2012-03-05"), ("b", "2016-03-05"))]
    anns = {"a": _named("a", "Kevin Parker"), "b": _named("b", "Kevin Parker")}
    s = StorySettings()
    assert s.horizon_days == max(s.lookback_days, s.far_link_days) < 4 * 365
    sim = block_similarity(features(docs, anns, s), np.array([0]), np.array([1]))
    assert float(sim[0, 0]) == 0.0

"""Story keys: what clustering reads of a document, stored and read back, give the same features as
the document's annotation."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsfuse.copies.templates import skeleton_key
from newsfuse.records import ActorMention, Annotation, DateMention, DateValue, Document, Figure, Place, PlaceMention
from newsfuse.stories.keys import annotation_keys, keys_from_json, keys_json, story_keys
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.similarity import features

GARY = Place("Gary", 41.59, -87.35, "US", 4920423, "Indiana", "city", "point")
TEXT = ("A 19-year-old man's car was shot at on Broadway in Gary late Friday, and the man died. "
        "Police said Jordan Reyes, 19, was found near the car. Gary police asked for tips.")


def _report() -> tuple[Document, Annotation]:
    doc = Document(id="r1", source="r1", text=TEXT, title="Man, 19, killed in Gary shooting", outlet="Post")
    ann = Annotation(
        document="r1", sentences=(),
        places=(PlaceMention("Gary", (58, 62), GARY, 0.9), PlaceMention("Gary", (120, 124), GARY, 0.9)),
        actors=(ActorMention("Jordan Reyes", (100, 112), "Jordan Reyes", "person"),),
        dates=(DateMention("Friday", (68, 74), DateValue("2016-03-04", "day", "relative weekday")),),
        figures=(Figure("killed", 1, None, "exact", "died", (80, 84)),))
    return doc, ann


def test_keys_read_back_from_json_are_the_keys_written() -> None:
    doc, ann = _report()
    keys = story_keys(doc.text, ann)
    assert keys_from_json(keys_json(keys)) == keys
    assert keys_from_json(keys_json(annotation_keys(None))) == annotation_keys(None)


def test_the_counties_of_named_towns_are_read_back_from_json() -> None:
    doc, ann = _report()
    shelby = Place("Shelby", 35.29, -81.54, "US", 4491180, "North Carolina", "city", "point", admin2="Cleveland County")
    keys = story_keys(doc.text, Annotation(document="r1", sentences=(), places=(PlaceMention("Shelby", (0, 6), shelby),)))
    assert keys.counties and keys_from_json(keys_json(keys)).counties == keys.counties


def test_the_places_of_the_headline_are_keyed_apart_and_read_back_from_json() -> None:
    doc, ann = _report()
    killeen = Place("Killeen", 31.12, -97.73, "US", 4705349, "Texas", "city", "point", admin2="Bell County")
    keys = story_keys(doc.text, replace(ann, headline_places=(PlaceMention("Killeen", (0, 7), killeen),)))
    assert keys.headline_entities and keys.headline_counties and keys.entities == story_keys(doc.text, ann).entities
    assert keys_from_json(keys_json(keys)) == keys
    assert story_keys(doc.text, ann).headline_entities is None  # an annotation stored before headlines were read


def test_features_from_stored_keys_equal_features_from_the_annotation() -> None:
    doc, ann = _report()
    other = Document(id="r2", source="r2", text="Gary police are looking for a car after a shooting on Broadway.",
                     title="Police seek car", outlet="Times")
    other_ann = Annotation(document="r2", sentences=(), places=(PlaceMention("Gary", (0, 4), GARY, 0.9),))
    s = StorySettings()
    from_annotation = features([doc, other], {"r1": ann, "r2": other_ann}, s)
    from_keys = features([doc, other], {"r1": keys_from_json(keys_json(story_keys(doc.text, ann))),
                                         "r2": story_keys(other.text, other_ann)}, s)
    assert from_keys.entities is not None
    for name in ("words", "entities", "places", "names", "titles", "tolls", "ages"):
        a, b = getattr(from_annotation, name), getattr(from_keys, name)
        assert (a is None and b is None) or (a != b).nnz == 0, name
    assert np.array_equal(from_annotation.days, from_keys.days)


def test_the_text_words_keep_every_length_so_any_minimum_length_reads_them() -> None:
    doc, ann = _report()
    words = dict(story_keys(doc.text, ann).words)
    assert "a" not in words and words["gary"] == 2 and words["19"] == 2  # stop words out, numbers in
    assert story_keys(doc.text, ann).word_bag(3)["19"] == 0
    assert story_keys(doc.text, ann).skeleton == skeleton_key(doc.text)

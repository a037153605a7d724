import json
from dataclasses import replace

import numpy as np
import pytest

from newsfuse.records import ActorMention, Annotation, Document, Figure, Place, PlaceMention, PublishedDate
from newsfuse.stories import StorySettings, cluster_stories
from newsfuse.stories.links import ARTIFACT, FEATURES, link_model, model_from_json, probabilities
from newsfuse.stories.similarity import block_similarity, features, pair_features

TOWNS = {"Dayton": Place("Dayton", 39.76, -84.19, "US", 4509884), "Kettering": Place("Kettering", 39.69, -84.17, "US",
                                                                                     4515265)}


def _report(doc_id: str, title: str, text: str, day: str, town: str, person: str | None = None,
            killed: int | None = None, outlet: str | None = None) -> tuple[Document, Annotation]:
    doc = Document(id=doc_id, source=f"{doc_id}.txt", title=title, text=text, outlet=outlet,
                   published=PublishedDate(day, "day", "test"))
    at = text.index(town)
    actors, figures = (), ()
    if person is not None:
        p = text.index(person)
        actors = (ActorMention(person, (p, p + len(person)), person, "person"),)
    if killed is not None:
        figures = (Figure("killed", killed, killed, "exact", "killed", (0, 6)),)
    ann = Annotation(document=doc_id, sentences=(), places=(PlaceMention(town, (at, at + len(town)), TOWNS[town]),),
                     actors=actors, figures=figures)
    return doc, ann


SHOT = _report("r1", "Man killed in Dayton shooting", "Darnell Hayes, 34, was shot and killed outside a bar on Third "
               "Street in Dayton early Saturday, police said. Officers found him on the sidewalk.", "2016-05-07",
               "Dayton", "Darnell Hayes", 1)
CHARGED = _report("r2", "Suspect arrested", "A 27-year-old man was booked into the county jail on Thursday on a "
                  "murder count in the death of Darnell Hayes in Dayton. Bond was set at one million dollars.",
                  "2016-05-12", "Dayton", "Darnell Hayes", 1)
OTHER = _report("r3", "Two wounded in Kettering shooting", "Two teenagers were wounded when shots were fired at a "
                "house party in Kettering on Friday night, police said. Both are expected to survive.",
                "2016-05-11", "Kettering")


def _probability(a, b) -> float:
    docs = [a[0], b[0]]
    f = features(docs, {a[1].document: a[1], b[1].document: b[1]}, StorySettings())
    return float(f.model.probability(pair_features(f, np.array([0]), np.array([1])))[0, 0])


def test_the_shipped_model_loads_once_and_names_the_features_the_code_computes():
    data = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    model = link_model()
    assert model is link_model()  # loaded once
    assert np.isfinite(model.weights).all() and len(model.weights) == len(FEATURES)


def test_an_artifact_with_other_features_is_refused_with_its_name():
    data = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="story_links.json"):
        model_from_json(data)


def test_a_follow_up_naming_the_victim_town_and_toll_is_likelier_one_incident_than_another_shooting_nearby():
    same = _probability(SHOT, CHARGED)
    other = _probability(SHOT, OTHER)
    assert same > 0.3 > other, (same, other)


def test_the_follow_up_joins_the_incidents_story_with_the_learned_link_and_not_without_it():
    docs = [SHOT[0], CHARGED[0], OTHER[0]]
    anns = {x[1].document: x[1] for x in (SHOT, CHARGED, OTHER)}
    plain = StorySettings(entity_weight=0.0, name_link=0.0)
    learned = sorted(sorted(s.documents) for s in cluster_stories(docs, anns, [], plain))
    without = sorted(sorted(s.documents) for s in cluster_stories(docs, anns, [], replace(plain, learned_links=False)))
    assert learned == [["r1", "r2"], ["r3"]]
    assert without == [["r1"], ["r2"], ["r3"]]


def test_beyond_the_window_the_far_model_judges_the_pair_and_incremental_runs_keep_their_lookback():
    late = replace(CHARGED[0], published=PublishedDate("2016-07-20", "day", "test"))  # 74 days after the shooting
    docs = [SHOT[0], late]
    anns = {"r1": SHOT[1], "r2": CHARGED[1]}
    on, near_only = StorySettings(), StorySettings(far_link_days=0)
    rows, cols = np.array([0]), np.array([1])
    far = float(block_similarity(features(docs, anns, on), rows, cols)[0, 0])
    without = float(block_similarity(features(docs, anns, near_only), rows, cols)[0, 0])
    assert far > 0.5 > without, (far, without)  # the victim, the town and the toll named again: one incident
    # an incremental run still meets stored reports up to the near window and the follow-up names' days
    assert on.lookback_days == max(on.max_gap_days, on.link_window_days, on.follow_up_name_days)


def test_the_far_model_keeps_apart_two_shootings_of_one_town_a_year_apart_told_in_the_same_words():
    again = _report("r4", "Woman wounded in Dayton shooting", "A woman was wounded when shots were fired outside a bar on "
                    "Third Street in Dayton late Friday, police said. She was taken to Miami Valley Hospital.",
                    "2017-06-10", "Dayton")
    docs = [SHOT[0], again[0]]
    anns = {"r1": SHOT[1], "r4": again[1]}
    rows, cols = np.array([0]), np.array([1])
    f = features(docs, anns, StorySettings())
    far = float(block_similarity(f, rows, cols)[0, 0])
    words = float((f.words[rows] @ f.words[cols].T).toarray()[0, 0])  # the text cosine, before any model
    assert words > StorySettings().join_threshold > far, (words, far)


def test_both_models_read_the_pair_features_once_and_agree_with_each_alone():
    docs = [SHOT[0], CHARGED[0], OTHER[0]]
    f = features(docs, {x[1].document: x[1] for x in (SHOT, CHARGED, OTHER)}, StorySettings())
    every = np.arange(3)
    both = probabilities(pair_features(f, every, every), [f.model, f.far_model])
    assert np.allclose(both[0], f.model.probability(pair_features(f, every, every)))
    assert np.allclose(both[1], f.far_model.probability(pair_features(f, every, every)))
    assert not np.allclose(both[0], both[1])

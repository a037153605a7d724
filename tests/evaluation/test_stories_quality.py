"""Guard: story clustering on a slice of ECB+ stays near today's figure (skipped without ../shared)."""

import pytest

from evaluation.common import DataMissing
from evaluation.stories import load_ecbplus, newsfuse, scores
from newsfuse.stories import StorySettings

# a third of the even (held-out) topics; text only, so no spaCy model is needed
TOPICS = {2, 8, 14, 20, 26, 32, 38, 44}
BAR_F1 = 0.86  # today: 0.891 (B-cubed F1, subtopics, default settings, 157 docs)


def test_stories_separate_the_two_similar_events_of_each_ecbplus_topic():
    try:
        docs, gold = load_ecbplus(TOPICS)
    except DataMissing as err:
        pytest.skip(str(err))
    result = scores(newsfuse(docs, {}, StorySettings()), gold)
    assert result["F1"] >= BAR_F1, result
    assert result["ARI"] >= 0.82, result  # today: 0.860


def test_bcubed_and_ari_are_one_for_the_gold_clustering_and_low_for_all_in_one():
    from evaluation.stories import ari, bcubed

    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0) and ari(gold, gold) == 1.0
    p, r, _ = bcubed({d: "all" for d in gold}, gold)
    assert (p, r) == (0.5, 1.0)
    assert ari({d: "all" for d in gold}, gold) == 0.0

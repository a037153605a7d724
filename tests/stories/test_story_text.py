from collections import Counter

import numpy as np

from newsfuse.stories.text import content_words, tfidf, weighted_bag


def test_content_words_drop_stop_words_and_reporting_verbs_but_keep_numbers():
    assert content_words("The army said 15 people were killed in Hawija's market") == [
        "army", "15", "people", "killed", "hawija", "market"]


def test_title_words_count_as_many_times_as_the_title_weight():
    bag = weighted_bag([("flood in Kandy", 1.0), ("Kandy", 2.0)], 2)
    assert bag == Counter({"kandy": 3.0, "flood": 1.0})


def test_tfidf_rows_are_unit_vectors_and_shared_rare_words_make_documents_similar():
    m = tfidf([Counter({"quake": 1, "van": 1}), Counter({"quake": 1, "van": 1, "rescue": 1}), Counter({"derby": 1})])
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0)
    sim = (m @ m.T).toarray()
    assert sim[0, 1] > 0.7 and sim[0, 2] == 0.0

import numpy as np
from scipy.spatial.distance import squareform

from newsfuse.stories.cluster import _condensed_distances, agglomerate, average_links, best_stories, central, story_id

SIM = np.array([
    [1.0, 0.9, 0.1, 0.0],
    [0.9, 1.0, 0.2, 0.1],
    [0.1, 0.2, 1.0, 0.6],
    [0.0, 0.1, 0.6, 1.0],
], dtype=np.float32)


def test_average_links_are_the_mean_similarity_between_groups_and_stories():
    links = average_links(SIM, [[0], [2, 3]], [[1], [0, 1], [3]])
    expected = [[0.9, 0.95, 0.0], [0.15, 0.1, 0.8]]
    assert np.allclose(links, expected)


def test_a_group_joins_no_story_below_the_threshold():
    assert best_stories(SIM, [[0], [3]], [[1], [2]], threshold=0.7) == [0, None]


def test_agglomeration_cuts_average_link_clusters_at_the_threshold():
    assert agglomerate(SIM, [0, 1, 2, 3], 0.5) == [[0, 1], [2, 3]]
    assert agglomerate(SIM, [0, 1, 2, 3], 0.95) == [[0], [1], [2], [3]]


def test_the_central_member_is_the_most_similar_to_the_others():
    assert central(SIM, [0, 1, 2]) == 1


def test_story_ids_are_short_stable_and_order_free():
    assert story_id(["b", "a"]) == story_id(["a", "b"]) != story_id(["a"])
    assert len(story_id(["a"])) == 16


def test_condensed_distances_row_by_row_equal_the_squareform_of_the_whole_distance_matrix():
    sim = np.random.default_rng(7).uniform(0.0, 1.3, size=(9, 9)).astype(np.float32)  # > 1 exercises the clip
    members = [8, 2, 5, 0, 7]
    whole = 1.0 - sim[np.ix_(members, members)]
    np.fill_diagonal(whole, 0.0)
    np.clip(whole, 0.0, None, out=whole)
    expected = squareform(whole, checks=False).astype(np.float64)
    got = _condensed_distances(sim, members)
    assert got.dtype == np.float64 and np.array_equal(got, expected)
    assert (got == 0.0).any() and (got > 0.0).any()

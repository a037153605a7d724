import numpy as np

from newsfuse.stories.cluster import agglomerate, average_links, best_stories, central, story_id

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

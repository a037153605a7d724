import numpy as np
from scipy import sparse
from scipy.spatial.distance import squareform

from newsfuse.stories.cluster import (
    DenseBlock,
    SparseBlock,
    _condensed_distances,
    agglomerate,
    average_links,
    best_stories,
    central,
    sparse_agglomerate,
    story_id,
)

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


def _random_similarities(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.uniform(0.0, 1.0, size=(n, n)) ** rng.uniform(1.0, 6.0)  # skewed: few strong pairs, many weak
    sim = ((x + x.T) / 2).astype(np.float32)
    np.fill_diagonal(sim, 1.0)
    return sim


def test_the_sparse_average_link_cuts_the_same_clusters_as_scipys_linkage():
    rng = np.random.default_rng(3)
    for _ in range(200):
        sim = _random_similarities(rng, int(rng.integers(3, 60)))
        threshold = float(rng.uniform(0.1, 0.6))
        members = [int(i) for i in rng.permutation(len(sim))[:-1]]
        strong = sparse.csr_matrix(np.where(sim >= threshold, sim, 0.0))
        block = SparseBlock(lambda r, c, s=sim: s[np.ix_(r, c)], strong, cells=40)
        assert block.agglomerate(members, threshold) == agglomerate(sim, members, threshold)
        groups = agglomerate(sim, members, threshold)
        stories = [[int(i) for i in rng.choice(len(sim), size=int(rng.integers(0, 4)), replace=False)] for _ in range(3)]
        assert block.best_stories(groups, stories, threshold) == DenseBlock(sim).best_stories(groups, stories, threshold)
        assert block.central(members) == central(sim, members)


def test_the_sparse_average_link_computes_no_similarity_twice():
    sim = _random_similarities(np.random.default_rng(5), 80)  # 11 clusters at 0.5
    seen = np.zeros_like(sim, dtype=np.int64)

    def cells(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        np.add.at(seen, (rows[:, None], cols[None, :]), 1)
        return sim[np.ix_(rows, cols)]

    groups = sparse_agglomerate(cells, sparse.csr_matrix(np.where(sim >= 0.5, sim, 0.0)), 0.5)
    assert 1 < len(groups) < 80 and seen.sum() > 0
    assert (seen + seen.T).max() == 1  # each unordered pair at most once

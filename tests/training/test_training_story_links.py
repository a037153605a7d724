import numpy as np

from training.story_links import best_threshold, fit, probability


def test_fit_learns_which_feature_tells_pairs_apart_and_is_deterministic():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2000, 3))
    y = (x[:, 1] + 0.3 * rng.normal(size=2000) > 1.0).astype(float)  # only the second feature matters
    w, b = fit(x, y)
    assert w[1] > 3 * max(abs(w[0]), abs(w[2]))
    again, b2 = fit(x, y)
    assert np.array_equal(w, again) and b == b2
    p = probability(x, w, b)
    assert p[y == 1].mean() > 0.6 > 0.2 > p[y == 0].mean()


def test_best_threshold_is_the_cut_with_the_best_precision_weighted_f():
    p = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.1])
    y = np.array([1, 1, 1, 0, 1, 0])
    cut, figures = best_threshold(p, y)
    assert 0.4 < cut <= 0.7  # above the one wrong pair, keeping three of the four right ones
    assert figures["precision"] == 1.0 and figures["recall"] == 0.75

"""Incremental story clustering: existing stories keep their ids and members,
new documents join the closest story or are clustered into new ones."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform


def story_id(founders: Sequence[str]) -> str:
    """Stable short id from the founding document ids (order-free)."""
    digest = hashlib.sha256("\n".join(sorted(founders)).encode()).hexdigest()
    return f"s{digest[:15]}"


def average_link(sim: np.ndarray, rows: Sequence[int], cols: Sequence[int]) -> float:
    if not rows or not cols:
        return 0.0
    return float(sim[np.ix_(list(rows), list(cols))].mean())


def agglomerate(sim: np.ndarray, members: Sequence[int], threshold: float) -> list[list[int]]:
    """Average-link clusters of ``members`` whose mean pairwise similarity stays >= threshold.

    scipy's linkage is the O(n^2) nearest-neighbour-chain algorithm, so 5k
    documents cluster in seconds.
    """
    members = list(members)
    if len(members) <= 1:
        return [members] if members else []
    dist = 1.0 - sim[np.ix_(members, members)].astype(np.float64)
    np.fill_diagonal(dist, 0.0)
    dist = np.clip((dist + dist.T) / 2, 0.0, None)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for idx, label in zip(members, labels, strict=True):
        groups.setdefault(int(label), []).append(idx)
    # order by first member so output order follows input order
    return sorted(groups.values(), key=min)


def central(sim: np.ndarray, members: Sequence[int]) -> int:
    """The member most similar on average to the others (ties: the earliest)."""
    members = list(members)
    if len(members) == 1:
        return members[0]
    sub = sim[np.ix_(members, members)]
    scores = sub.sum(axis=1)
    return members[int(np.argmax(scores))]

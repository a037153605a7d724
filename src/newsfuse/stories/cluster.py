"""Incremental story clustering: existing stories keep their ids and members,
new documents join the closest story or are clustered into new ones."""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage


def story_id(founders: Sequence[str]) -> str:
    """Stable short id from the founding document ids (order-free)."""
    digest = hashlib.sha256("\n".join(sorted(founders)).encode()).hexdigest()
    return f"s{digest[:15]}"


def _weights(sets: Sequence[Sequence[int]], n: int) -> sparse.csr_matrix:
    """Row i spreads weight 1/len(sets[i]) over the members of sets[i]."""
    rows = [i for i, members in enumerate(sets) for _ in members]
    cols = [j for members in sets for j in members]
    vals = [1.0 / len(members) for members in sets for _ in members]
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(sets), n), dtype=np.float32)


def average_links(sim: np.ndarray, groups: Sequence[Sequence[int]], stories: Sequence[Sequence[int]]) -> np.ndarray:
    """groups x stories matrix of average-link similarities (0 against an empty story).

    Two sparse-dense products instead of a loop over pairs, so a thousand new
    documents against a thousand stories stays fast.
    """
    if not groups or not stories:
        return np.zeros((len(groups), len(stories)), dtype=np.float32)
    n = sim.shape[0]
    per_doc = _weights(groups, n) @ sim  # groups x n: each group's mean similarity to every document
    return np.asarray(_weights(stories, n) @ per_doc.T).T


def best_stories(sim: np.ndarray, groups: Sequence[Sequence[int]], stories: Sequence[Sequence[int]],
                 threshold: float) -> list[int | None]:
    """For each group, the story with the highest average link if it reaches ``threshold``."""
    return _best(average_links(sim, groups, stories), stories, threshold)


def _best(links: np.ndarray, stories: Sequence[Sequence[int]], threshold: float) -> list[int | None]:
    out: list[int | None] = []
    for row in links:
        k = int(np.argmax(row)) if len(row) else -1
        out.append(k if k >= 0 and row[k] >= threshold and stories[k] else None)
    return out


def agglomerate(sim: np.ndarray, members: Sequence[int], threshold: float) -> list[list[int]]:
    """Average-link clusters of ``members`` whose mean pairwise similarity stays >= threshold.

    scipy's linkage is the O(n^2) nearest-neighbour-chain algorithm, so 5k
    documents cluster in seconds.
    """
    members = list(members)
    if len(members) <= 1:
        return [members] if members else []
    tree = linkage(_condensed_distances(sim, members), method="average")
    labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for idx, label in zip(members, labels, strict=True):
        groups.setdefault(int(label), []).append(idx)
    # order by first member so output order follows input order
    return sorted(groups.values(), key=min)


def _condensed_distances(sim: np.ndarray, members: list[int]) -> np.ndarray:
    """The upper triangle of 1 - sim over ``members``, clipped at 0, row by row as scipy's condensed
    (float64) form: the same values as ``squareform`` of the whole distance matrix, without holding it
    (on a 7,340-document block: 0.2 GB less beside the 0.2 GB condensed array)."""
    n = len(members)
    out = np.empty(n * (n - 1) // 2, dtype=np.float64)
    at = 0
    for i, row in enumerate(members[:-1]):
        d = 1.0 - sim[row, members[i + 1:]]  # float32, as the whole matrix was
        np.clip(d, 0.0, None, out=d)
        out[at:at + len(d)] = d
        at += len(d)
    return out


def central(sim: np.ndarray, members: Sequence[int]) -> int:
    """The member most similar on average to the others (ties: the earliest)."""
    members = list(members)
    if len(members) == 1:
        return members[0]
    sub = sim[np.ix_(members, members)]
    scores = sub.sum(axis=1)
    return members[int(np.argmax(scores))]


def regroup(block: DenseBlock, stories: Sequence[Sequence[int]], n: int, threshold: float
            ) -> tuple[dict[int, tuple[list[int], int]], list[tuple[list[int], int]]]:
    """Members 0..n-1 of a block clustered again as a whole (average link, as a first run over them
    would), and which existing story each cluster continues.

    A cluster continues the story it shares most members with, each story at most once (ties: the earlier
    story, then the earlier cluster), so ids stay put when a run only adds to a story. Returns the
    continued stories ``{position in stories: (members, central member)}`` and the new clusters."""
    groups = block.agglomerate(range(n), threshold)
    story_of = {i: k for k, members in enumerate(stories) for i in members}
    shared = sorted((-sum(1 for i in group if story_of.get(i) == k), k, g)
                    for g, group in enumerate(groups) for k in {story_of[i] for i in group if i in story_of})
    continues: dict[int, int] = {}  # group -> story
    taken: set[int] = set()
    for _, k, g in shared:
        if g not in continues and k not in taken:
            continues[g] = k
            taken.add(k)
    kept = {continues[g]: (group, block.central(group)) for g, group in enumerate(groups) if g in continues}
    return kept, [(group, block.central(group)) for g, group in enumerate(groups) if g not in continues]


# --- large blocks: the same average-link clustering without the block's dense matrix -------------

SimBlock = Callable[[np.ndarray, np.ndarray], np.ndarray]  # local rows x local cols -> float32 similarities


class DenseBlock:
    """A block whose whole similarity matrix is held: the scipy path (small blocks)."""

    def __init__(self, sim: np.ndarray) -> None:
        self.sim = sim

    def best_stories(self, groups: Sequence[Sequence[int]], stories: Sequence[Sequence[int]],
                     threshold: float) -> list[int | None]:
        return best_stories(self.sim, groups, stories, threshold)

    def agglomerate(self, members: Sequence[int], threshold: float) -> list[list[int]]:
        return agglomerate(self.sim, members, threshold)

    def central(self, members: Sequence[int]) -> int:
        return central(self.sim, members)


class SparseBlock:
    """A block too big for its dense matrix (it grows with the square of a run): similarities are computed
    from the features on demand, a bounded number of cells at a time, and the average-link clustering
    works on the strong pairs (``sparse_agglomerate``). Same clusters as ``DenseBlock``."""

    def __init__(self, sim: SimBlock, strong: sparse.csr_matrix, cells: int) -> None:
        self.sim, self.strong, self.cells = sim, strong.tocsr(), cells

    def best_stories(self, groups: Sequence[Sequence[int]], stories: Sequence[Sequence[int]],
                     threshold: float) -> list[int | None]:
        out: list[int | None] = []
        if not groups:
            return out
        cols = np.array([j for m in stories for j in m], dtype=np.int64)
        if not len(cols):
            return [None] * len(groups)
        per_story = _weights(_end_to_end(stories), len(cols))
        start = 0
        while start < len(groups):  # a chunk of groups holds about ``cells`` similarities
            stop, size = start, 0
            while stop < len(groups) and (stop == start or (size + len(groups[stop])) * len(cols) <= self.cells):
                size += len(groups[stop])
                stop += 1
            chunk = groups[start:stop]
            rows = np.array([i for g in chunk for i in g], dtype=np.int64)
            per_group = _weights(_end_to_end(chunk), len(rows))
            links = np.asarray(per_story @ (per_group @ self.sim(rows, cols)).T).T
            out += _best(links, stories, threshold)
            start = stop
        return out

    def agglomerate(self, members: Sequence[int], threshold: float) -> list[list[int]]:
        members = list(members)
        if len(members) <= 1:
            return [members] if members else []
        idx = np.array(members, dtype=np.int64)
        strong = self.strong[idx][:, idx]
        groups = sparse_agglomerate(lambda r, c: self.sim(idx[r], idx[c]), strong, threshold)
        return sorted(([members[i] for i in sorted(g)] for g in groups), key=min)

    def central(self, members: Sequence[int]) -> int:
        members = list(members)
        if len(members) == 1:
            return members[0]
        idx = np.array(members, dtype=np.int64)
        step = max(1, self.cells // len(idx))
        scores = np.concatenate([self.sim(idx[a:a + step], idx).sum(axis=1) for a in range(0, len(idx), step)])
        return members[int(np.argmax(scores))]


def _end_to_end(sets: Sequence[Sequence[int]]) -> list[range]:
    """The positions each set's members take when all the sets' members are laid end to end."""
    starts = np.cumsum([0, *map(len, sets)])
    return [range(int(a), int(a) + len(m)) for a, m in zip(starts, sets)]


def sparse_agglomerate(sim: SimBlock, strong: sparse.csr_matrix, threshold: float) -> list[list[int]]:
    """Average-link clusters of nodes 0..n-1 cut at ``threshold``, holding only the strong pairs.

    Two clusters can merge only if their mean similarity reaches the cut, so only if some pair of
    them does: only clusters joined by a strong pair (``strong``: the pairs >= threshold) are ever
    candidates. For each such pair the exact sum of all its similarities (weak ones included) is
    kept; merging A and B into M gives sum(M, C) = sum(A, C) + sum(B, C), and the one of the two not
    yet known (C joined to A by a strong pair but not to B) is computed then from the features, so no
    cell is computed twice and memory follows the strong pairs, not the square of the block. The pair
    of highest mean is merged first, as long as it reaches the cut: average link is monotone, so this
    is the dendrogram scipy's linkage builds, cut where ``agglomerate`` cuts it.
    """
    n = strong.shape[0]
    cut = threshold - 1e-9  # as agglomerate's fcluster at distance 1 - threshold + 1e-9
    members: dict[int, np.ndarray] = {i: np.array([i], dtype=np.int64) for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    coo = sparse.triu(strong, k=1).tocoo()
    heap: list[tuple[float, int, int]] = []
    for i, j, s in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
        sums[i][j] = sums[j][i] = float(s)
        heap.append((-float(s), i, j))
    heapq.heapify(heap)
    fresh = n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < cut:
            break
        if a not in members or b not in members:
            continue  # merged since: the entry is stale (a live pair's sum never changes)
        near_a, near_b = sums.pop(a), sums.pop(b)
        near_a.pop(b)
        near_b.pop(a)
        known_a = {**near_a, **_sums(sim, members[a], [c for c in near_b if c not in near_a], members)}
        known_b = {**near_b, **_sums(sim, members[b], [c for c in near_a if c not in near_b], members)}
        m = fresh
        fresh += 1
        members[m] = np.concatenate([members.pop(a), members.pop(b)])
        sums[m] = {}
        for c, s_a in known_a.items():
            s = s_a + known_b[c]
            sums[m][c] = sums[c][m] = s
            sums[c].pop(a, None)
            sums[c].pop(b, None)
            mean = s / (len(members[m]) * len(members[c]))
            if mean >= cut:
                heapq.heappush(heap, (-mean, m, c))
    return [g.tolist() for g in members.values()]


def _sums(sim: SimBlock, rows: np.ndarray, clusters: list[int], members: dict[int, np.ndarray]) -> dict[int, float]:
    """The sum of the similarities of ``rows`` with each cluster's members, in one call."""
    if not clusters:
        return {}
    cols = np.concatenate([members[c] for c in clusters])
    per_col = sim(rows, cols).sum(axis=0, dtype=np.float64)
    bounds = np.cumsum([0, *(len(members[c]) for c in clusters)])
    return {c: float(per_col[bounds[k]:bounds[k + 1]].sum()) for k, c in enumerate(clusters)}

"""stories: documents -> clusters of documents about one real-world story.

Entry point: ``cluster_stories(docs, annotations, existing, settings)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newsfuse.records import Annotation, Document, Mention, Story
from newsfuse.stories.cluster import DenseBlock, SparseBlock, regroup, story_id
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.similarity import CELLS_PER_SLICE, features, sliced_similarity, strong_pairs
from newsfuse.stories.titles import document_title

__all__ = ["StorySettings", "cluster_stories"]


def cluster_stories(
    docs: Sequence[Document],
    annotations: Mapping[str, Annotation],
    existing: Sequence[Story],
    settings: StorySettings,
    mains: Mapping[str, Mention] | None = None,
) -> list[Story]:
    """The existing stories as the new documents leave them, plus new stories.

    ``mains`` (document id -> its report-main mention, stories.mains.report_mains) lets the similarity read
    each report's main event (settings ``main_apart_penalty``, ``main_link``); without it, words, places and
    dates alone.

    ``docs`` may hold the members of existing stories (they give the stories
    their centroids) and new documents. With ``settings.regroup`` every block
    (below) holding a new document is clustered again as a whole, stored
    members too, as one run over all its documents would: existing stories
    there can grow, merge, split or lose members. Each resulting cluster keeps
    the id of the existing story it shares most members with (each id used
    once); an existing story no cluster keeps is dropped from the output.
    Without it (or in a block too large for its dense matrix), a document
    already in a story stays there: each new document joins the existing
    story it is most similar to (average link >= ``join_threshold``); the
    rest are clustered among themselves (average link, same cut) and each
    new cluster joins an existing story as a group if it is close enough,
    else founds a new story.

    The work is done block by block, never on the whole n x n matrix: an average link
    reaches the cut only if some pair does, so documents joined by no chain of pairs at or
    above the cut (nor by a shared story) can never end up together, and each block of
    the graph of such pairs is clustered on its own with exactly the same result. Only
    blocks holding a newcomer are clustered, and only the newcomers' pairs are computed
    when they are a minority. A block above ``dense_block_up_to`` documents is clustered
    without its dense matrix (cluster.SparseBlock), with the same average-link result.
    """
    unique: dict[str, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    docs = list(unique.values())
    index = {d.id: i for i, d in enumerate(docs)}

    placed = {doc_id for s in existing for doc_id in s.documents}
    is_new = np.array([d.id not in placed for d in docs], dtype=bool)
    if not is_new.any():
        return list(existing)

    f = features(docs, annotations, settings, mains=mains)
    story_members = [[index[x] for x in s.documents if x in index] for s in existing]
    newcomers = np.flatnonzero(is_new)
    if f.size <= settings.whole_matrix_up_to and 2 * len(newcomers) > f.size:
        # small batch of mostly new documents: one matrix, blocks are slices of it
        every = np.arange(f.size)
        whole = sliced_similarity(f, every, every)
        pairs = sparse.csr_matrix(np.where(whole >= settings.join_threshold, whole, 0))
        block_sim = lambda idx: whole[np.ix_(idx, idx)]  # noqa: E731
    else:
        # only the newcomers' rows: a pair of two stored documents links two stories that are both
        # joined to a newcomer (then each is in its block already) or that no newcomer can join (an
        # average link needs a strong pair), so a daily add of 20 computes 20 rows, not the square
        # of the stored documents around them
        whole = None
        pairs = strong_pairs(f, settings.join_threshold, rows=newcomers)
        pairs = pairs.maximum(pairs.T).tocsr()
        block_sim = lambda idx: sliced_similarity(f, idx, idx)  # noqa: E731
    block_of = _blocks(pairs, story_members)
    stories_in: dict[int, list[int]] = {}
    for k, m in enumerate(story_members):
        if m:
            stories_in.setdefault(int(block_of[m[0]]), []).append(k)
    order = np.argsort(block_of, kind="stable")  # members of each block in input order
    starts = np.searchsorted(block_of[order], np.unique(block_of[newcomers]))
    ends = np.searchsorted(block_of[order], np.unique(block_of[newcomers]), side="right")

    joined: list[list[str]] = [[] for _ in existing]
    titles: dict[int, str | None] = {}
    regrouped: dict[int, Story | None] = {}  # existing story -> what regrouping its block made of it
    founded: list[tuple[int, Story]] = []  # (first member's position, story): output in input order
    # blocks without a newcomer are left alone: their stories keep their titles (a shifted IDF alone
    # must not rename them)
    for start, end in zip(starts, ends, strict=True):
        members = order[start:end]
        block = block_of[members[0]]
        ks = stories_in.get(int(block), [])
        if len(members) == 1:  # a newcomer like no other document: a story of its own
            only = docs[members[0]]
            founded.append((int(members[0]), Story(id=story_id((only.id,)), title=document_title(only),
                                                   documents=(only.id,))))
            continue
        local = {int(g): i for i, g in enumerate(members)}
        if whole is None and len(members) > settings.dense_block_up_to:  # never its dense matrix
            block = SparseBlock(lambda r, c, m=members: sliced_similarity(f, m[r], m[c]),
                                pairs[members][:, members], CELLS_PER_SLICE)
        else:
            block = DenseBlock(block_sim(members))
            if ks and settings.regroup:
                kept, found = regroup(block, [[local[g] for g in story_members[k]] for k in ks],
                                      len(members), settings.join_threshold)
                regrouped.update(_continued(existing, ks, kept, members, docs))
                founded += _founded(found, members, docs)
                continue
        grown, found = _cluster_block(block, [local[int(g)] for g in members[is_new[members]]],
                                      [[local[g] for g in story_members[k]] for k in ks], settings.join_threshold)
        for k, (added, central_at) in zip(ks, grown, strict=True):
            joined[k].extend(docs[members[i]].id for i in added)
            titles[k] = document_title(docs[members[central_at]]) if central_at is not None else None
        founded += _founded(found, members, docs)

    out = [
        Story(s.id, titles[k], s.documents + tuple(joined[k])) if k in titles else regrouped.get(k, s)
        for k, s in enumerate(existing)
    ]
    return [s for s in out if s is not None] + [story for _, story in sorted(founded, key=lambda x: x[0])]


def _continued(existing: Sequence[Story], ks: list[int], kept: dict[int, tuple[list[int], int]],
               members: np.ndarray, docs: Sequence[Document]) -> dict[int, Story | None]:
    """The block's existing stories ``ks`` after regrouping: each continued story with its new members
    (the stored ones in their stored order, then the others), None for a story no cluster continued."""
    out: dict[int, Story | None] = {}
    for at, k in enumerate(ks):
        if at not in kept:
            out[k] = None  # its members went to other stories
            continue
        group, central_at = kept[at]
        ids = [docs[members[i]].id for i in group]
        stays = set(ids) & set(existing[k].documents)
        out[k] = Story(existing[k].id, document_title(docs[members[central_at]]),
                       tuple([x for x in existing[k].documents if x in stays] + [x for x in ids if x not in stays]))
    return out


def _founded(found: list[tuple[list[int], int]], members: np.ndarray, docs: Sequence[Document]
             ) -> list[tuple[int, Story]]:
    """New stories of a block's clusters, each with its first member's position (output in input order)."""
    out = []
    for group, central_at in found:
        ids = tuple(docs[members[i]].id for i in group)
        story = Story(id=story_id(ids), title=document_title(docs[members[central_at]]), documents=ids)
        out.append((int(members[group[0]]), story))
    return out


def _blocks(pairs: sparse.csr_matrix, story_members: list[list[int]]) -> np.ndarray:
    """Block number per document: connected by strong pairs or by belonging to one story."""
    n = pairs.shape[0]
    rows = [m[0] for m in story_members for _ in m[1:]]
    cols = [j for m in story_members for j in m[1:]]
    links = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    _, labels = connected_components(pairs + links, directed=False)
    return labels


def _cluster_block(block: DenseBlock | SparseBlock, new: list[int], stories: list[list[int]], threshold: float
                   ) -> tuple[list[tuple[list[int], int | None]], list[tuple[list[int], int]]]:
    """Inside one block: what joins each existing story (and its central member), and the new stories."""
    members = [list(m) for m in stories]
    original = [list(m) for m in stories]
    added: list[list[int]] = [[] for _ in stories]
    loose = []
    for i, best in zip(new, block.best_stories([[i] for i in new], original, threshold), strict=True):
        if best is None:
            loose.append(i)
        else:
            members[best].append(i)
            added[best].append(i)
    found: list[tuple[list[int], int]] = []
    groups = block.agglomerate(loose, threshold)
    for group, best in zip(groups, block.best_stories(groups, members, threshold), strict=True):
        if best is not None:
            members[best].extend(group)
            added[best].extend(group)
        else:
            found.append((group, block.central(group)))
    grown = [(added[k], block.central(members[k]) if members[k] else None) for k in range(len(stories))]
    return grown, found

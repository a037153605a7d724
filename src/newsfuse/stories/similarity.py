"""Pairwise similarity of documents: words, then places/actors, then dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from newsfuse.records import Annotation, Document
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.signals import entity_bag, story_day
from newsfuse.stories.text import tfidf, weighted_bag


def similarity_matrix(
    docs: Sequence[Document], annotations: Mapping[str, Annotation], settings: StorySettings
) -> np.ndarray:
    """n x n similarities in [0, 1] (float32: 5k documents fit in 100 MB).

    text cosine (title-weighted TF-IDF), blended with the cosine of the places
    and actors when both documents have some, then damped when their story days
    are further apart than ``max_gap_days`` (``date_penalty``), when both name
    places but none in common (``place_penalty``), and hard when both hold
    (``conflict_penalty``: same words, another place, another week = another story).
    """
    bags = [
        weighted_bag([(d.text, 1.0), (d.title or "", settings.title_weight)], settings.min_token_length)
        for d in docs
    ]
    x = tfidf(bags).astype(np.float32)  # float32 products: half the memory of an n x n float64
    sim = (x @ x.T).toarray()

    ents = [entity_bag(annotations.get(d.id)) for d in docs]
    has_ent = np.array([bool(e) for e in ents])
    if settings.entity_weight > 0 and has_ent.sum() > 1:
        e = tfidf(ents).astype(np.float32)
        esim = (e @ e.T).toarray()
        w = np.float32(settings.entity_weight)
        if has_ent.all():  # in place: no n x n temporaries
            sim *= 1 - w
            sim += w * esim
        else:
            both = np.ix_(has_ent, has_ent)
            sim[both] = (1 - w) * sim[both] + w * esim[both]
        del esim

    places = [{k for k in e if k.startswith("place:")} for e in ents]
    disjoint = _disjoint(places) if sum(1 for p in places if p) > 1 else np.zeros(sim.shape, dtype=bool)

    days = np.array([story_day(d, annotations.get(d.id)) or -1 for d in docs], dtype=np.int32)
    known = days >= 0
    far = np.abs(days[:, None] - days[None, :]) > settings.max_gap_days
    far &= np.outer(known, known)

    conflict = far & disjoint
    sim[far & ~conflict] *= np.float32(settings.date_penalty)
    sim[disjoint & ~conflict] *= np.float32(settings.place_penalty)
    sim[conflict] *= np.float32(min(settings.conflict_penalty, settings.date_penalty * settings.place_penalty))
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0, out=sim)


def _disjoint(places: list[set[str]]) -> np.ndarray:
    """True where both documents name points (towns, sites) and share none."""
    keys = sorted(set().union(*places))
    col = {k: j for j, k in enumerate(keys)}
    rows = [i for i, p in enumerate(places) for _ in p]
    cols = [col[k] for p in places for k in p]
    inc = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(places), len(keys)))
    shared = (inc @ inc.T).toarray()
    has = np.array([bool(p) for p in places])
    return (shared == 0) & np.outer(has, has)

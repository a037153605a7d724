"""Pairwise similarity of documents: words, then places/actors, then dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from newsfuse.records import Annotation, Document
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.signals import entity_bag, story_day
from newsfuse.stories.text import tfidf, weighted_bag


def _lead(doc: Document, n: int) -> str:
    if n <= 0:
        return ""
    if doc.paragraphs:
        return " ".join(doc.text[s:e] for s, e in doc.paragraphs[:n])
    return " ".join(doc.text.splitlines()[:n])


def similarity_matrix(
    docs: Sequence[Document], annotations: Mapping[str, Annotation], settings: StorySettings
) -> np.ndarray:
    """n x n similarities in [0, 1] (float32: 5k documents fit in 100 MB).

    text cosine (title-weighted TF-IDF), blended with the cosine of the places
    and actors when both documents have some, then damped when both documents
    have event dates further apart than ``max_gap_days``.
    """
    bags = [
        weighted_bag(
            [(d.text, 1.0), (d.title or "", settings.title_weight), (_lead(d, settings.lead_sentences), settings.title_weight - 1.0)],
            settings.min_token_length,
        )
        for d in docs
    ]
    x = tfidf(bags)
    sim = np.asarray((x @ x.T).todense(), dtype=np.float32)

    ents = [entity_bag(annotations.get(d.id)) for d in docs]
    has_ent = np.array([bool(e) for e in ents])
    if settings.entity_weight > 0 and has_ent.sum() > 1:
        e = tfidf(ents)
        esim = np.asarray((e @ e.T).todense(), dtype=np.float32)
        both = np.outer(has_ent, has_ent)
        w = np.float32(settings.entity_weight)
        sim = np.where(both, (1 - w) * sim + w * esim, sim)

    places = [{k for k in e if k.startswith("place:")} for e in ents]
    if settings.place_penalty < 1.0 and sum(1 for p in places if p) > 1:
        sim = sim * _disjoint_factor(places, np.float32(settings.place_penalty))

    days = np.array([story_day(d, annotations.get(d.id)) or -1 for d in docs], dtype=np.int64)
    known = days >= 0
    if known.sum() > 1 and settings.date_penalty < 1.0:
        far = np.abs(days[:, None] - days[None, :]) > settings.max_gap_days
        far &= np.outer(known, known)
        sim = np.where(far, sim * np.float32(settings.date_penalty), sim)
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def _disjoint_factor(places: list[set[str]], penalty: np.float32) -> np.ndarray:
    """penalty where both documents name points and share none, 1 elsewhere."""
    keys = sorted(set().union(*places))
    col = {k: j for j, k in enumerate(keys)}
    rows = [i for i, p in enumerate(places) for _ in p]
    cols = [col[k] for p in places for k in p]
    inc = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(places), len(keys)))
    shared = (inc @ inc.T).toarray()
    has = np.array([bool(p) for p in places])
    disjoint = (shared == 0) & np.outer(has, has)
    return np.where(disjoint, penalty, np.float32(1.0))

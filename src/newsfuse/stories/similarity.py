"""Pairwise similarity of documents: words, then places/actors, then dates.

The features are computed once per batch (``features``); similarities are then computed for any
block of rows against any block of columns (``block_similarity``), so a caller never needs the
whole n x n matrix: ``strong_pairs`` sweeps the corpus a slice of rows at a time and keeps only
the pairs at or above a cut, and story clustering works inside the blocks those pairs connect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.records import Annotation, Document
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.signals import entity_bag, person_names, story_day
from newsfuse.stories.text import tfidf, weighted_bag


@dataclass(frozen=True, slots=True)
class Features:
    """What the similarity of two documents is computed from, one row per document."""

    words: sparse.csr_matrix  # L2-normalised title-weighted TF-IDF (float32)
    entities: sparse.csr_matrix | None  # TF-IDF of places and actors; None when unused
    has_entities: np.ndarray  # bool per document
    places: sparse.csr_matrix  # document x place incidence (float32)
    has_places: np.ndarray  # bool per document
    days: np.ndarray  # story day (ordinal) per document, -1 when unknown
    settings: StorySettings
    names: sparse.csr_matrix | None = None  # document x full person name incidence (float32)

    @property
    def size(self) -> int:
        return self.words.shape[0]


def features(docs: Sequence[Document], annotations: Mapping[str, Annotation], settings: StorySettings) -> Features:
    bags = [
        weighted_bag([(d.text, 1.0), (d.title or "", settings.title_weight)], settings.min_token_length)
        for d in docs
    ]
    words = tfidf(bags).astype(np.float32).tocsr()  # float32 products: half the memory of float64
    ents = [entity_bag(annotations.get(d.id)) for d in docs]
    has_ent = np.array([bool(e) for e in ents], dtype=bool)
    entities = None
    if settings.entity_weight > 0 and has_ent.sum() > 1:
        entities = tfidf(ents).astype(np.float32).tocsr()
    places = [{k for k in e if k.startswith("place:")} for e in ents]
    days = np.array([story_day(d, annotations.get(d.id)) or -1 for d in docs], dtype=np.int32)
    names = _incidence([person_names(annotations.get(d.id)) for d in docs]) if settings.name_link > 0 else None
    return Features(words, entities, has_ent, _incidence(places), np.array([bool(p) for p in places]), days, settings,
                    names)


def _incidence(places: list[set[str]]) -> sparse.csr_matrix:
    keys = sorted(set().union(*places)) if places else []
    col = {k: j for j, k in enumerate(keys)}
    rows = [i for i, p in enumerate(places) for _ in p]
    cols = [col[k] for p in places for k in p]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(places), max(1, len(keys))))


def block_similarity(f: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """len(rows) x len(cols) similarities in [0, 1] (float32).

    text cosine (title-weighted TF-IDF), blended with the cosine of the places
    and actors when both documents have some, then damped when their story days
    are further apart than ``max_gap_days`` (``date_penalty``), when both name
    places but none in common (``place_penalty``), and hard when both hold
    (``conflict_penalty``: same words, another place, another week = another story); raised to
    ``name_link`` when both name the same person and the same town within ``max_gap_days``.
    A document's similarity to itself is 1.
    """
    s = f.settings
    sim = (f.words[rows] @ f.words[cols].T).toarray()
    if f.entities is not None:
        esim = (f.entities[rows] @ f.entities[cols].T).toarray()
        w = np.float32(s.entity_weight)
        both = np.outer(f.has_entities[rows], f.has_entities[cols])
        sim = np.where(both, (1 - w) * sim + w * esim, sim).astype(np.float32, copy=False)
        del esim, both

    shared = (f.places[rows] @ f.places[cols].T).toarray()
    disjoint = (shared == 0) & np.outer(f.has_places[rows], f.has_places[cols])

    days_r, days_c = f.days[rows], f.days[cols]
    far = np.abs(days_r[:, None] - days_c[None, :]) > s.max_gap_days
    far &= np.outer(days_r >= 0, days_c >= 0)

    conflict = far & disjoint
    sim[far & ~conflict] *= np.float32(s.date_penalty)
    sim[disjoint & ~conflict] *= np.float32(s.place_penalty)
    sim[conflict] *= np.float32(min(s.conflict_penalty, s.date_penalty * s.place_penalty))
    if f.names is not None:
        # the same named person at the same town within days: one story told in other words (a victim
        # named, then the suspect charged in the killing), whatever the text similarity
        linked = ~far & (shared > 0) & ((f.names[rows] @ f.names[cols].T).toarray() > 0)
        linked &= np.outer(days_r >= 0, days_c >= 0)
        sim[linked] = np.maximum(sim[linked], np.float32(s.name_link))
    del shared
    sim[rows[:, None] == cols[None, :]] = 1.0
    return np.clip(sim, 0.0, 1.0, out=sim)


def strong_pairs(f: Features, threshold: float, cells_per_slice: int = 20_000_000) -> sparse.csr_matrix:
    """The n x n sparse matrix of the similarities >= ``threshold`` (diagonal included).

    Rows are computed a slice at a time against every document, so memory stays at about
    ``cells_per_slice`` floats (80 MB) whatever the corpus size; time is still n^2 / 2 products.
    """
    n = f.size
    every = np.arange(n)
    step = max(1, cells_per_slice // max(1, n))
    parts = []
    for start in range(0, n, step):
        rows = every[start:start + step]
        block = block_similarity(f, rows, every)
        block[block < threshold] = 0.0
        parts.append(sparse.csr_matrix(block))
    return sparse.vstack(parts, format="csr") if parts else sparse.csr_matrix((0, 0), dtype=np.float32)

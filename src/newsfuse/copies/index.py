"""Candidate pairs for shared passages: documents that share several rare word n-grams.

One sort over every (n-gram, document) pair of the corpus, so the cost grows
with the corpus size, not with its square: n-grams found in more than
``max_docs`` documents are stock phrases and are dropped before pairing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsfuse.copies.tokens import ngram_hashes


def shared_gram_pairs(
    word_hashes: Sequence[np.ndarray], n: int, min_shared: int, max_docs: int, stock: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(k x 2) document index pairs, i < j, sharing at least ``min_shared`` distinct n-grams;
    and the sorted stock n-grams (in more than ``max_docs`` documents: page chrome, set phrases).

    ``stock``: the sorted stock n-grams of a larger corpus these documents are part of (an incremental
    run counts them over the whole store); they are left out and returned as they are."""
    grams = [np.unique(ngram_hashes(h, n)) for h in word_hashes]
    if stock is not None:
        grams = [g[~in_sorted(g, stock)] for g in grams]
    lengths = np.array([len(g) for g in grams], dtype=np.int64)
    none = np.empty((0, 2), dtype=np.int64)
    if lengths.sum() == 0:
        return none, stock if stock is not None else np.empty(0, dtype=np.uint64)
    flat = np.concatenate(grams)
    doc_of = np.repeat(np.arange(len(grams), dtype=np.int64), lengths)
    order = np.argsort(flat, kind="stable")
    flat, doc_of = flat[order], doc_of[order]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
    sizes = np.diff(np.r_[starts, len(flat)])
    if stock is None:
        stock = flat[starts[sizes > max_docs]]
    codes = []
    n_docs = np.int64(len(grams))
    for size in np.unique(sizes[(sizes > 1) & (sizes <= max_docs)]):
        firsts = starts[sizes == size]
        members = doc_of[firsts[:, None] + np.arange(size)[None, :]]
        iu, ju = np.triu_indices(size, 1)
        i, j = members[:, iu].ravel(), members[:, ju].ravel()
        codes.append(np.minimum(i, j) * n_docs + np.maximum(i, j))
    if not codes:
        return none, stock
    pair_codes, counts = np.unique(np.concatenate(codes), return_counts=True)
    keep = pair_codes[counts >= min_shared]
    return np.stack([keep // n_docs, keep % n_docs], axis=1), stock


def in_sorted(values: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """``np.isin(values, sorted_values)`` for an already sorted array (stock n-grams are kept sorted):
    a binary search per value, where ``np.isin`` sorts both arrays again on every call, which made
    the per-document stock filter grow with the store's stock (6,500 n-grams at 100,000 reports)."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[at] == values


def content_mask(hashes: np.ndarray, stock: np.ndarray, n: int) -> np.ndarray:
    """True for each word not inside a stock n-gram: the text that is the document's own."""
    grams = ngram_hashes(hashes, n)
    mask = np.ones(len(hashes), dtype=bool)
    if not len(grams) or not len(stock):
        return mask
    starts = np.flatnonzero(in_sorted(grams, stock))
    if len(starts):
        depth = np.zeros(len(hashes) + 1, dtype=np.int64)
        np.add.at(depth, starts, 1)
        np.add.at(depth, starts + n, -1)
        mask = np.cumsum(depth[:-1]) == 0
    return mask

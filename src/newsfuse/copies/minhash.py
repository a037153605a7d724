"""Vectorised MinHash signatures and banded LSH over all documents at once.

Hand-written rather than datasketch because datasketch hashes every shingle
in Python (sha1) and builds one MinHash object per document; here the whole
corpus is one numpy array of shingle hashes and each permutation is one
vectorised multiply-shift pass, which is what makes a full-store run cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from newsfuse.copies.tokens import ngram_hashes

_CHUNK = 1 << 14  # shingles per block: small enough that each pass stays in cache (measured)
_PERMS_PER_PASS = 16


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash family: h(x) = (a*x + b) >> 32 with odd a (uint64 wrap-around)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(
    word_hashes: Sequence[np.ndarray], shingle_words: int, num_perm: int, seed: int
) -> np.ndarray:
    """(docs x num_perm) uint32 MinHash signatures; a document with no shingle gets all 2^32-1."""
    shingles = [ngram_hashes(h, shingle_words) if len(h) >= shingle_words else h[:1] for h in word_hashes]
    lengths = np.array([len(s) for s in shingles], dtype=np.int64)
    flat = np.concatenate(shingles) if shingles else np.empty(0, dtype=np.uint64)
    doc_of = np.repeat(np.arange(len(shingles)), lengths)
    a, b = permutations(num_perm, seed)
    out = np.full((len(shingles), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for lo in range(0, len(flat), _CHUNK):
            block = flat[lo : lo + _CHUNK]
            docs = doc_of[lo : lo + _CHUNK]
            # segment starts of each document inside this block, for minimum.reduceat
            seg_starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
            seg_docs = docs[seg_starts]
            for p in range(0, num_perm, _PERMS_PER_PASS):
                pa, pb = a[p : p + _PERMS_PER_PASS, None], b[p : p + _PERMS_PER_PASS, None]
                hv = pa * block[None, :]
                hv += pb
                # min of the full 64-bit value, then its top 32 bits: the same minimum as
                # min over (a*x+b)>>32, without a shift and a cast over every shingle
                mins = (np.minimum.reduceat(hv, seg_starts, axis=1).T >> np.uint64(32)).astype(np.uint32)
                cur = out[seg_docs, p : p + _PERMS_PER_PASS]
                out[seg_docs, p : p + _PERMS_PER_PASS] = np.minimum(cur, mins)
    return out


@cache
def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives around the threshold.

    The same criterion datasketch's MinHashLSH uses (equal weights), so the two
    index the same way at the same num_perm and threshold.
    """
    best, best_err = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            lo = np.linspace(0.0, threshold, 201)
            hi = np.linspace(threshold, 1.0, 201)
            fp = np.trapezoid(1 - (1 - lo**rows) ** bands, lo)
            fn = np.trapezoid(1 - (1 - (1 - hi**rows) ** bands), hi)
            if fp + fn < best_err:
                best, best_err = (bands, rows), fp + fn
    return best


def lsh_pairs(sigs: np.ndarray, threshold: float, max_bucket: int) -> np.ndarray:
    """Candidate pairs (k x 2, i < j, unique) of rows that collide in at least one band."""
    n, num_perm = sigs.shape
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    bands, rows = optimal_bands(threshold, num_perm)
    empty = (sigs == np.iinfo(np.uint32).max).all(axis=1)
    found = []
    with np.errstate(over="ignore"):
        for band in range(bands):
            cols = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
            key = np.zeros(n, dtype=np.uint64)
            for c in range(rows):
                key = (key ^ cols[:, c]) * np.uint64(0x9E3779B97F4A7C15)
            key[empty] = np.arange(int(empty.sum()), dtype=np.uint64) ^ np.uint64(0xFFFF_FFFF_FFFF)
            found.append(_bucket_pairs(key, max_bucket))
    pairs = np.concatenate(found)
    if not len(pairs):
        return pairs
    return np.unique(pairs, axis=0)


def _bucket_pairs(key: np.ndarray, max_bucket: int) -> np.ndarray:
    """All pairs within each run of equal keys (star pairs for oversized buckets)."""
    order = np.argsort(key, kind="stable")
    sk = key[order]
    starts = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]])
    sizes = np.diff(np.r_[starts, len(sk)])
    out = []
    for size in np.unique(sizes[sizes > 1]):
        firsts = starts[sizes == size]
        members = order[firsts[:, None] + np.arange(size)[None, :]]  # groups x size
        if size > max_bucket:
            i = np.repeat(members[:, :1], size - 1, axis=1).ravel()
            j = members[:, 1:].ravel()
        else:
            iu, ju = np.triu_indices(size, 1)
            i, j = members[:, iu].ravel(), members[:, ju].ravel()
        out.append(np.stack([np.minimum(i, j), np.maximum(i, j)], axis=1))
    return np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)


def estimated_jaccard(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    return (sigs[pairs[:, 0]] == sigs[pairs[:, 1]]).mean(axis=1)

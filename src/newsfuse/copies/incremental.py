"""The copy graph grown by new documents without recomputing it.

A run that adds documents to a large store compares them only with the stored documents they
can be copies of. The store keeps, per document, what candidate finding needs (``index_entries``:
the duplicate key, the MinHash LSH band keys and the distinct index n-grams); the driver looks the
new documents' keys up there and passes the stored documents that share one (``link_new``).

What ``link_new`` finds for the new documents is what ``find_copies`` over the whole store finds
for them: the same candidates (a stored document can only be a candidate by sharing a band key or
enough non-stock n-grams, and those are exactly what the look-up returns), the stock n-grams
counted over the whole store, the same alignment. Two differences, both rare: relations between
stored documents are not revisited when a new document turns one of their shared n-grams into a
stock n-gram (in more than ``max_gram_documents`` documents), and an LSH bucket over
``max_bucket`` documents links a new document to all its members, not only the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import xxhash

from newsfuse.copies.graph import _duplicates, directed, verify_pairs
from newsfuse.copies.index import shared_gram_pairs
from newsfuse.copies.minhash import band_keys, estimated_jaccard, lsh_pairs, optimal_bands, signatures
from newsfuse.copies.origins import same_source, union_smallest
from newsfuse.copies.settings import CopySettings
from newsfuse.copies.tokens import corpus_word_hashes, ngram_hashes
from newsfuse.records import CopyRelation, Document


@dataclass(frozen=True, slots=True)
class IndexEntries:
    """Per document what later documents are compared against (rows of the store's copy index)."""

    documents: tuple[str, ...]
    duplicate: np.ndarray  # uint64 per document: hash of its whole word sequence (0 = no words)
    band_document: np.ndarray  # int64 index into documents, one per (document, band)
    band: np.ndarray  # int16
    band_key: np.ndarray  # uint64
    gram_document: np.ndarray  # int64 index into documents, one per distinct index n-gram
    gram: np.ndarray  # uint64


def index_entries(docs: Sequence[Document], settings: CopySettings) -> IndexEntries:
    hashes = corpus_word_hashes([d.text or "" for d in docs])
    duplicate = np.array([xxhash.xxh3_64_intdigest(h.tobytes()) if len(h) else 0 for h in hashes], dtype=np.uint64)
    sigs = signatures(hashes, settings.shingle_words, settings.num_perm, settings.seed)
    bands, rows = optimal_bands(settings.near_duplicate_threshold, settings.num_perm)
    keys = band_keys(sigs, bands, rows)  # docs x bands
    empty = (sigs == np.iinfo(np.uint32).max).all(axis=1)
    keep = ~empty  # a document without shingles collides with nothing
    grams = [np.unique(ngram_hashes(h, settings.index_gram_words)) for h in hashes]
    n = len(docs)
    return IndexEntries(
        documents=tuple(d.id for d in docs),
        duplicate=duplicate,
        band_document=np.repeat(np.arange(n, dtype=np.int64), bands)[np.repeat(keep, bands)],
        band=np.tile(np.arange(bands, dtype=np.int16), n)[np.repeat(keep, bands)],
        band_key=keys[keep].ravel(),
        gram_document=np.repeat(np.arange(n, dtype=np.int64), [len(g) for g in grams]),
        gram=np.concatenate(grams) if grams else np.empty(0, dtype=np.uint64),
    )


def link_new(
    new: Sequence[Document], stored: Sequence[Document], stock: np.ndarray, settings: CopySettings
) -> list[CopyRelation]:
    """Relations of the new documents with one another and with the ``stored`` candidates, directed,
    sorted by (a, b). ``stock``: the stock n-grams of the whole store with the new documents."""
    new_ids = {d.id for d in new}
    unique: dict[str, Document] = {}
    for d in (*new, *stored):
        unique.setdefault(d.id, d)
    docs = sorted(unique.values(), key=lambda d: d.id)  # index order == id order, as in find_copies
    is_new = np.array([d.id in new_ids for d in docs], dtype=bool)
    hashes = corpus_word_hashes([d.text or "" for d in docs])

    relations = [r for r in _duplicates(docs, hashes) if r.a in new_ids or r.b in new_ids]
    sigs = signatures(hashes, settings.shingle_words, settings.num_perm, settings.seed)
    lsh = lsh_pairs(sigs, settings.near_duplicate_threshold, len(docs) + 1)
    grams, _ = shared_gram_pairs(hashes, settings.index_gram_words, settings.min_shared_grams,
                                 settings.max_gram_documents, stock)
    pairs = np.concatenate([lsh, grams]).astype(np.int64) if len(lsh) + len(grams) else lsh
    if len(pairs):
        pairs = np.unique(pairs[is_new[pairs[:, 0]] | is_new[pairs[:, 1]]], axis=0)
    est = estimated_jaccard(sigs, pairs) if len(pairs) else np.empty(0)
    relations += verify_pairs(docs, hashes, [tuple(p) for p in pairs.tolist()], est.tolist(),
                              {(r.a, r.b) for r in relations}, stock, settings)
    relations = [directed(r, unique) for r in relations]
    relations.sort(key=lambda r: (r.a, r.b))
    return relations


def merged_groups(
    new_ids: Sequence[str], group_of: Mapping[str, str], relations: Sequence[CopyRelation],
    wire_pairs: Mapping[str, set[str]], min_overlap: float,
) -> dict[str, str]:
    """Origin group after the new relations, for every new document and every stored group they touch.

    ``group_of``: stored documents' groups. A group's id is its smallest document id, so merging
    groups gives the smallest of their ids: the groups ``origins.groups`` gives over the whole store.
    Keys are new document ids and old group ids; a stored group that merged maps to its new id.
    """
    parent: dict[str, str] = {d: d for d in new_ids}
    for g in group_of.values():
        parent.setdefault(g, g)
    joined = ((group_of.get(r.a, r.a), group_of.get(r.b, r.b))
              for r in relations if same_source(r, wire_pairs, min_overlap))
    return union_smallest(parent, joined)

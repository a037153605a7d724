"""find_copies: the whole copy graph of a set of documents in one pass."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import xxhash

from newsfuse.copies.align import Grams, align, covered_words, prepare
from newsfuse.copies.direction import original_of
from newsfuse.copies.index import content_mask, shared_gram_pairs
from newsfuse.copies.minhash import estimated_jaccard, lsh_pairs, signatures
from newsfuse.copies.origins import groups, origins
from newsfuse.copies.settings import CopySettings
from newsfuse.copies.tokens import Words, corpus_word_hashes, words_with_offsets
from newsfuse.records import CopyGraph, CopyRelation, Document, Passage


def find_copies(docs: Sequence[Document], settings: CopySettings) -> CopyGraph:
    """Duplicates, near-duplicates and shared passages among ``docs``, with origins and groups."""
    unique: dict[str, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    docs = sorted(unique.values(), key=lambda d: d.id)  # index order == id order, so i < j means a < b
    hashes = corpus_word_hashes([d.text or "" for d in docs])

    relations = _duplicates(docs, hashes)
    pairs, estimates, stock = _candidates(hashes, settings)
    relations += verify_pairs(docs, hashes, pairs, estimates, {(r.a, r.b) for r in relations}, stock, settings)

    relations = [directed(r, unique) for r in relations]
    relations.sort(key=lambda r: (r.a, r.b))
    origin_map, wire_pairs = origins(docs, relations, settings.attribution_window)
    group = groups([d.id for d in docs], relations, wire_pairs, settings.group_min_overlap)
    return CopyGraph(relations=tuple(relations), origin_group=group, origins=origin_map)


def verify_pairs(
    docs: Sequence[Document],
    hashes: Sequence[np.ndarray],
    pairs: Sequence[tuple[int, int]],
    estimates: Sequence[float],
    seen: set[tuple[str, str]],
    stock: np.ndarray,
    settings: CopySettings,
) -> list[CopyRelation]:
    """Align each candidate pair (i < j into ``docs``, sorted by id) not in ``seen``; the relations found."""
    jaccard = {}
    for (i, j), est in zip(pairs, estimates, strict=True):
        if (docs[i].id, docs[j].id) not in seen:
            jaccard[(i, j)] = est
    todo = sorted(jaccard.items())
    last_use = {k: n for n, ((i, j), _) in enumerate(todo) for k in (i, j)}
    words: dict[int, tuple[Words, np.ndarray, Grams]] = {}
    relations = []
    for n, ((i, j), est) in enumerate(todo):
        for k in (i, j):
            if k not in words:  # offsets and anchor n-grams once per document, not per pair
                w = words_with_offsets(docs[k].text or "", hashes[k])
                own = content_mask(w.hashes, stock, settings.index_gram_words)
                words[k] = (w, own, prepare(w.hashes, settings.anchor_words))
        rel = _verify(docs, words, i, j, est, settings)
        if rel is not None:
            relations.append(rel)
        for k in (i, j):
            if last_use[k] == n:  # keep only documents still waiting for a pair: bounded memory
                del words[k]
    return relations


def _duplicates(docs: Sequence[Document], hashes: Sequence[np.ndarray]) -> list[CopyRelation]:
    """Same normalised word sequence -> "duplicate" (first-to-last-word spans)."""
    by_key: dict[int, list[int]] = {}
    for i, h in enumerate(hashes):
        if len(h):
            by_key.setdefault(xxhash.xxh3_64_intdigest(h.tobytes()), []).append(i)
    out = []
    for members in by_key.values():
        # every pair, as relations are pairwise; a huge group links to its first member only
        pairs = [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]] if len(members) <= 64 else [
            (members[0], b) for b in members[1:]
        ]
        # the first and last word of each member bound its whole text
        ends = {m: words_with_offsets(docs[m].text, hashes[m]) for m in {x for pair in pairs for x in pair}}
        for a, b in pairs:
            wa, wb = ends[a], ends[b]
            span = Passage(int(wa.starts[0]), int(wa.ends[-1]), int(wb.starts[0]), int(wb.ends[-1]))
            out.append(CopyRelation(docs[a].id, docs[b].id, "duplicate", 1.0, (span,)))
    return out


def _candidates(
    hashes: Sequence[np.ndarray], s: CopySettings
) -> tuple[list[tuple[int, int]], list[float], np.ndarray]:
    """Pairs to align: LSH collisions (near-duplicates) plus shared rare n-grams (passages);
    and the corpus's stock n-grams."""
    sigs = signatures(hashes, s.shingle_words, s.num_perm, s.seed)
    lsh = lsh_pairs(sigs, s.near_duplicate_threshold, s.max_bucket)
    grams, stock = shared_gram_pairs(hashes, s.index_gram_words, s.min_shared_grams, s.max_gram_documents)
    pairs = np.unique(np.concatenate([lsh, grams]).astype(np.int64), axis=0) if len(lsh) + len(grams) else lsh
    est = estimated_jaccard(sigs, pairs) if len(pairs) else np.empty(0)
    return [tuple(p) for p in pairs.tolist()], est.tolist(), stock


def _verify(
    docs: Sequence[Document],
    words: dict[int, tuple[Words, np.ndarray, Grams]],
    i: int,
    j: int,
    est: float,
    s: CopySettings,
) -> CopyRelation | None:
    """Align a candidate pair; a relation only if real shared passages are found.

    Words inside stock n-grams (page chrome, set phrases found all over the corpus)
    count neither towards a passage nor towards the overlap: shared chrome is no copy.
    """
    (wa, own_a, ga), (wb, own_b, gb) = words[i], words[j]
    found = align(
        wa, wb, s.anchor_words, s.max_gap_words, s.min_passage_words, s.min_passage_density,
        (docs[i].text, docs[j].text),
        (ga, gb),
    )
    found = [
        p for p in found
        if min(own_a[p.a_start : p.a_end].sum(), own_b[p.b_start : p.b_end].sum()) >= s.min_passage_words
    ]
    if not found:
        return None
    cover_a = covered_words([(p.a_start, p.a_end) for p in found], own_a)
    cover_b = covered_words([(p.b_start, p.b_end) for p in found], own_b)
    # share of the shorter document's own words that the shared text covers
    len_a, len_b = max(1, int(own_a.sum())), max(1, int(own_b.sum()))
    overlap, longer = (cover_a / len_a, cover_b / len_b) if len_a <= len_b else (cover_b / len_b, cover_a / len_a)
    contained = overlap >= s.near_duplicate_containment and longer >= s.near_duplicate_min_longer
    near = contained or est >= s.near_duplicate_threshold
    passages = tuple(
        Passage(int(wa.starts[p.a_start]), int(wa.ends[p.a_end - 1]), int(wb.starts[p.b_start]), int(wb.ends[p.b_end - 1]))
        for p in found
    )
    kind = "near_duplicate" if near else "shared_passages"
    return CopyRelation(docs[i].id, docs[j].id, kind, round(min(overlap, 1.0), 4), passages)


def directed(rel: CopyRelation, docs: dict[str, Document]) -> CopyRelation:
    original, evidence = original_of(docs[rel.a], docs[rel.b], rel.kind)
    if original is None:
        return rel
    return CopyRelation(rel.a, rel.b, rel.kind, rel.overlap, rel.passages, original, evidence)

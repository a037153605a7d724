"""Aligned passages between two documents: seed on shared word n-grams, chain, extend.

Hand-written rather than difflib because SequenceMatcher is quadratic on long
documents and breaks a passage at every typo; chaining n-gram anchors along a
near-diagonal with a small gap tolerance keeps one passage across typos,
changed punctuation and light edits, in time linear in the anchors.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

import numpy as np

from newsfuse.copies.tokens import Words, ngram_hashes

# A separator that ends a unit of text: paragraph break, dateline/credit colon or dash, pipe.
_HARD = re.compile(r"\n|:|\s[-\u2013\u2014]|[-\u2013\u2014]\s|\|")
_EDGE = 4  # words at each passage edge inspected for a hard separator

_MAX_REPEAT = 4  # an anchor n-gram repeated more often than this inside a document is noise


@dataclass(frozen=True, slots=True)
class Alignment:
    """One shared passage in word positions (end exclusive) with its matched word counts."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched_a: int
    matched_b: int


@dataclass(frozen=True, slots=True)
class Grams:
    """A document's anchor n-grams, sorted once so every pair it is in reuses them."""

    grams: np.ndarray  # n-gram hash at each word position
    order: np.ndarray  # argsort of grams
    sorted: np.ndarray  # grams[order]
    usable: np.ndarray  # position's n-gram repeats at most _MAX_REPEAT times in the document


def prepare(hashes: np.ndarray, n: int) -> Grams:
    g = ngram_hashes(hashes, n)
    order = np.argsort(g, kind="stable")
    sg = g[order]
    left = np.searchsorted(sg, g, "left")
    usable = np.searchsorted(sg, g, "right") - left <= _MAX_REPEAT
    return Grams(g, order, sg, usable)


def anchors(a: Grams, b: Grams) -> tuple[np.ndarray, np.ndarray]:
    """Word positions (i in a, j in b) where the same n-gram starts, sorted by i then j."""
    if not len(a.grams) or not len(b.grams):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    left = np.searchsorted(b.sorted, a.grams, "left")
    count = np.searchsorted(b.sorted, a.grams, "right") - left
    keep = (count >= 1) & (count <= _MAX_REPEAT) & a.usable
    pos_a = np.flatnonzero(keep)
    reps = count[pos_a]
    i = np.repeat(pos_a, reps)
    offsets = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    j = b.order[np.repeat(left[pos_a], reps) + offsets]
    order = np.lexsort((j, i))
    return i[order], j[order]


def chain(i: np.ndarray, j: np.ndarray, n: int, max_gap: int) -> list[list[int]]:
    """Greedy chains of anchors that advance together on both sides with gaps <= max_gap.

    Each chain is [first_i, first_j, last_i, last_j, matched_a, matched_b].
    """
    active: list[list[int]] = []
    done: list[list[int]] = []
    for ai, aj in zip(i.tolist(), j.tolist(), strict=True):
        still = []
        for c in active:
            (done if c[2] < ai - max_gap - n else still).append(c)
        active = still
        best, best_skew = None, None
        for c in active:
            di, dj = ai - c[2], aj - c[3]
            if 1 <= di <= max_gap + n and 1 <= dj <= max_gap + n:
                skew = abs(di - dj)
                if skew <= max_gap and (best_skew is None or skew < best_skew):
                    best, best_skew = c, skew
        if best is None:
            active.append([ai, aj, ai, aj, n, n])
        else:
            best[4] += (ai + n) - max(best[2] + n, ai)
            best[5] += (aj + n) - max(best[3] + n, aj)
            best[2], best[3] = ai, aj
    return done + active


def _hard_after(w: Words, text: str, k: int) -> bool:
    """Is the separator between word k and word k+1 a hard one (or is k the last word)?"""
    if k + 1 >= len(w.starts):
        return True
    return bool(_HARD.search(text, int(w.ends[k]), int(w.starts[k + 1])))


def trim_edges(a: Words, at: str, b: Words, bt: str, p: Alignment) -> Alignment:
    """Drop a few identical edge words cut off from the passage by a hard separator.

    "TAL AFAR (Reuters) - Gunmen ..." and "From Reuters: Gunmen ..." share the word
    "Reuters", but the credit line is not part of the shared paragraph.
    """
    a0, a1, b0, b1, ma, mb = p.a_start, p.a_end, p.b_start, p.b_end, p.matched_a, p.matched_b
    for k in range(min(_EDGE, a1 - a0 - 1) - 1, -1, -1):
        same = all(a.hashes[a0 + x] == b.hashes[b0 + x] for x in range(k + 1))
        if same and (_hard_after(a, at, a0 + k) or _hard_after(b, bt, b0 + k)):
            a0, b0, ma, mb = a0 + k + 1, b0 + k + 1, ma - k - 1, mb - k - 1
            break
    for k in range(min(_EDGE, a1 - a0 - 1) - 1, -1, -1):
        same = all(a.hashes[a1 - 1 - x] == b.hashes[b1 - 1 - x] for x in range(k + 1))
        if same and (_hard_after(a, at, a1 - 2 - k) or _hard_after(b, bt, b1 - 2 - k)):
            a1, b1, ma, mb = a1 - k - 1, b1 - k - 1, ma - k - 1, mb - k - 1
            break
    return Alignment(a0, a1, b0, b1, ma, mb)


def align(
    a: Words,
    b: Words,
    n: int,
    max_gap: int,
    min_words: int,
    min_density: float,
    texts: tuple[str, str] | None = None,
    grams: tuple[Grams, Grams] | None = None,
) -> list[Alignment]:
    """Shared passages of at least ``min_words`` matched words, dense enough on both sides.

    With ``texts`` (the two documents' text) edges are trimmed at hard separators.
    """
    ga, gb = grams if grams is not None else (prepare(a.hashes, n), prepare(b.hashes, n))
    i, j = anchors(ga, gb)
    out = []
    for fi, fj, li, lj, ma, mb in chain(i, j, n, max_gap):
        if min(ma, mb) < min_words:
            continue
        a0, b0, a1, b1 = fi, fj, li + n, lj + n
        # extend over exactly matching words the anchors could not reach (edges next to an edit)
        while a0 > 0 and b0 > 0 and a.hashes[a0 - 1] == b.hashes[b0 - 1]:
            a0, b0, ma, mb = a0 - 1, b0 - 1, ma + 1, mb + 1
        while a1 < len(a.hashes) and b1 < len(b.hashes) and a.hashes[a1] == b.hashes[b1]:
            a1, b1, ma, mb = a1 + 1, b1 + 1, ma + 1, mb + 1
        p = Alignment(a0, a1, b0, b1, ma, mb)
        if texts is not None:
            p = trim_edges(a, texts[0], b, texts[1], p)
        if min(p.matched_a, p.matched_b) < min_words:
            continue
        if p.matched_a / (p.a_end - p.a_start) < min_density or p.matched_b / (p.b_end - p.b_start) < min_density:
            continue
        out.append(p)
    out.sort(key=lambda p: (p.a_start, p.b_start))
    return out


def covered_words(spans: list[tuple[int, int]], counted: np.ndarray) -> int:
    """Counted words (a boolean mask over the document) inside the union of word ranges."""
    if not spans or not len(counted):
        return 0
    mask = np.zeros(len(counted), dtype=bool)
    for s, e in spans:
        mask[s:e] = True
    return int((mask & counted).sum())

"""Content words of a document and their TF-IDF vectors.

Hand-written TF-IDF on scipy.sparse because scikit-learn is not a dependency
and the whole vectoriser is twenty lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

# words (with inner apostrophes/hyphens) and numbers such as years and magnitudes
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:\.\d+)?", re.UNICODE)
# reporting verbs and news boilerplate carry no story content
_NEWS_STOP = frozenset(
    "said says told according reported report reports news reuters afp ap "
    "http https www com html htm org".split()
)


_STOP = frozenset(STOP_WORDS) | _NEWS_STOP


def content_words(text: str, min_length: int = 2) -> list[str]:
    """Lower-cased content words of ``text``: no stop words, no 1-letter words."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return [w for w in words if len(w) >= min_length and w not in _STOP]


def tfidf(bags: Sequence[Counter[str]]) -> sparse.csr_matrix:
    """Rows = L2-normalised sublinear-tf x smoothed-idf vectors of the bags."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, bag in enumerate(bags):
        items = [(t, c) for t, c in bag.items() if c > 0]
        rows.extend([i] * len(items))
        cols.extend([vocab.setdefault(t, len(vocab)) for t, _ in items])
        vals.extend([c for _, c in items])
    # sublinear tf: ten mentions are not ten times the evidence
    vals_arr = 1.0 + np.log(np.asarray(vals, dtype=np.float64))
    n = len(bags)
    m = sparse.csr_matrix((vals_arr, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    m = m @ sparse.diags(idf)
    return normalise(m.tocsr())


def normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def weighted_bag(parts: Iterable[tuple[str, float]], min_length: int) -> Counter[str]:
    """One bag of words from (text, weight) parts, e.g. the title counted twice."""
    bag: Counter[str] = Counter()
    for text, weight in parts:
        if not text or weight <= 0:
            continue
        words = content_words(text, min_length)
        if weight == 1.0:
            bag.update(words)
        else:
            for w in words:
                bag[w] += weight
    return bag

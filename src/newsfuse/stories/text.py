"""Content words of a document and their TF-IDF vectors.

Hand-written TF-IDF on scipy.sparse because scikit-learn is not a dependency
and the whole vectoriser is twenty lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

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


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _content(token: str, min_length: int) -> str | None:
    """The content word a token stands for (a possessive without its 's); None for a stop word or a short one."""
    word = token[:-2] if token.endswith("'s") else token
    return word if len(word) >= min_length and word not in _STOP else None


def content_words(text: str, min_length: int = 2) -> list[str]:
    """Lower-cased content words of ``text``: no stop words, no 1-letter words."""
    return [w for t in _tokens(text) if (w := _content(t, min_length)) is not None]


def word_counts(text: str, min_length: int = 2) -> Counter[str]:
    """``Counter(content_words(text))``, in the order words first occur: each distinct token is checked
    once, not each occurrence (a daily add reads the bags of a thousand stored neighbours)."""
    out: Counter[str] = Counter()
    for token, c in Counter(_tokens(text)).items():
        if (w := _content(token, min_length)) is not None:
            out[w] += c
    return out


def tfidf(bags: Sequence[Counter[str]]) -> sparse.csr_matrix:
    """Rows = L2-normalised sublinear-tf x smoothed-idf vectors of the bags (columns: words in the
    order they first occur)."""
    n = len(bags)
    words = list(chain.from_iterable(bags))
    vocab = {w: j for j, w in enumerate(dict.fromkeys(words))}
    counts = np.fromiter(chain.from_iterable(b.values() for b in bags), dtype=np.float64, count=len(words))
    cols = np.fromiter(map(vocab.__getitem__, words), dtype=np.int64, count=len(words))
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(b) for b in bags])
    kept = counts > 0
    # sublinear tf: ten mentions are not ten times the evidence
    vals = 1.0 + np.log(counts[kept])
    m = sparse.csr_matrix((vals, (rows[kept], cols[kept])), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    m = m @ sparse.diags(idf)
    return normalise(m.tocsr())


def normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def weighted_bag(parts: Iterable[tuple[str, float]], min_length: int, bag: Counter[str] | None = None) -> Counter[str]:
    """One bag of words from (text, weight) parts, e.g. the title counted twice; added to ``bag`` when given."""
    bag = bag if bag is not None else Counter()
    for text, weight in parts:
        if not text or weight <= 0:
            continue
        counts = word_counts(text, min_length)
        if weight == 1.0:
            bag.update(counts)
        else:
            for w, c in counts.items():
                bag[w] += weight * c
    return bag

"""Documents as sequences of hashed, normalised words.

Everything downstream (MinHash, the n-gram index, alignment) compares 64-bit
word hashes, so punctuation, quote styles and letter case never matter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import xxhash

# \w+ with apostrophes/hyphens as separators: "Iraq’s" and "Iraq's" both give
# "iraq" + "s", "al-Qaim" and "al Qaim" both give "al" + "qaim".
WORD = re.compile(r"\w+")

# Odd 64-bit multipliers for combining consecutive word hashes into n-gram hashes.
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
     0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
    dtype=np.uint64,
)


_MARKS = re.compile(r"[\u0300-\u036f]")  # combining accents left by NFKD


def _fold(text: str) -> str:
    # Strip accents so "Qaïm" and "Qaim" match; ASCII text (most of it) skips the work.
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def _hash_all(words: list[str]) -> np.ndarray:
    # map over C functions: no Python frame per word
    return np.fromiter(map(xxhash.xxh3_64_intdigest, map(str.encode, words)), dtype=np.uint64, count=len(words))


def word_hashes(text: str) -> np.ndarray:
    """xxhash64 of each lower-cased, accent-folded word, in order (uint64)."""
    return _hash_all(WORD.findall(_fold(text.lower())))


@dataclass(frozen=True, slots=True)
class Words:
    """A document's words: hashes plus character offsets into Document.text."""

    hashes: np.ndarray  # uint64
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64


def words_with_offsets(text: str, hashes: np.ndarray | None = None) -> Words:
    """Like word_hashes (pass them if already computed), with offsets; run only for
    documents that need spans."""
    spans = np.array([m.span() for m in WORD.finditer(text)], dtype=np.int64).reshape(-1, 2)
    hashes = word_hashes(text) if hashes is None else hashes
    if len(hashes) != len(spans):
        # lower-casing or folding changed the word boundaries (rare letters): word by word
        hashes = _hash_all([_fold(text[s:e].lower()) for s, e in spans.tolist()])
    return Words(hashes, spans[:, 0].copy(), spans[:, 1].copy())


def ngram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """Hash of each run of n consecutive words (len - n + 1 values; empty when shorter)."""
    count = len(hashes) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    out = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):
            out = (out ^ hashes[j : j + count]) * _MIX[j % len(_MIX)]
            out ^= out >> np.uint64(29)
    return out

"""Documents as sequences of hashed, normalised words.

Everything downstream (MinHash, the n-gram index, alignment) compares 64-bit
word hashes, so punctuation, quote styles and letter case never matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

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
    """The word hash of each given word (the same value word_hashes gives it)."""
    data = [w.encode() for w in words]
    lengths = np.array([len(w) for w in data], dtype=np.int64)
    starts = np.cumsum(lengths + 1) - lengths - 1  # words joined with one byte between them
    return _hash_spans(b" ".join(data), starts, starts + lengths)


# Word hashes computed with numpy over one byte buffer for the whole corpus instead of one
# xxhash call per word: the per-word Python call was the largest cost of near-duplicate
# detection (measured). Each word is read as little-endian 64-bit loads straight from the
# buffer; the loads are folded together with its length by multiply-xorshift rounds and a
# murmur3 fmix64 finaliser (a bijection), so words of up to 8 bytes never collide with
# each other unless their (length, bytes) XOR-collide, and longer ones like any 64-bit hash.
_K_LEN = np.uint64(0x9E3779B97F4A7C15)
_K_ROUND = np.uint64(0xD6E8FEB86659FD93)
_FMIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))


def _hash_spans(buf: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """64-bit hash of each byte span buf[starts[i]:ends[i]]."""
    padded = buf + bytes(8)
    # every byte offset as the start of a 64-bit load: an unaligned view, no copy
    loads = np.ndarray((len(buf) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    starts = np.asarray(starts, dtype=np.int64)
    size = np.asarray(ends, dtype=np.int64) - starts
    with np.errstate(over="ignore"):
        h = _round(size.astype(np.uint64) * _K_LEN, _first_bytes(loads[starts], size))
        longer = np.flatnonzero(size > 8)  # most words fit one load; the rest loop 8 bytes on
        done = 8
        while len(longer):
            rest = size[longer] - done
            h[longer] = _round(h[longer], _first_bytes(loads[starts[longer] + done], rest))
            longer, done = longer[rest > 8], done + 8
        for k in _FMIX:
            h ^= h >> np.uint64(33)
            h *= k
        h ^= h >> np.uint64(33)
    return h


# _KEEP[n]: the mask keeping the first n bytes of a little-endian load (n = 0..8)
_KEEP = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def _first_bytes(loads: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Each load with only its first ``count`` bytes (more than 8 counts as 8) kept."""
    return loads & _KEEP[np.minimum(count, 8)]


def _round(h: np.ndarray, v: np.ndarray) -> np.ndarray:
    x = (h ^ v) * _K_ROUND
    return x ^ (x >> np.uint64(32))


# Tokenising with bytes.translate and numpy word edges instead of WORD.findall: no str
# object and no regex step per word (measured ~3x faster). Each table maps the ASCII bytes
# outside \w ([0-9A-Za-z_]) to a space and keeps every other byte, so the runs of
# non-space bytes are exactly the words WORD.findall gives.
def _table(lower: bool) -> bytes:
    keep = [c for c in range(256) if c >= 128 or chr(c).isalnum() or c == 0x5F]
    out = bytearray(b" " * 256)
    for c in keep:
        out[c] = c + 32 if lower and 0x41 <= c <= 0x5A else c
    return bytes(out)


_ASCII_LOWER = _table(lower=True)  # ASCII text: lower-casing folded into the same pass
_ASCII_KEEP = _table(lower=False)  # already lower-cased (folding may bring back capitals: ™ -> TM)
_NON_ASCII_NON_WORD = re.compile(r"[^\w\x00-\x7f]")  # ’ “ — … : split words like \W does


def _word_buffer(text: str) -> bytes:
    """UTF-8 of the lower-cased, accent-folded text with every non-word character a space:
    its runs of non-space bytes are exactly the words of WORD.findall."""
    if text.isascii():
        return text.encode().translate(_ASCII_LOWER)
    folded = _NON_ASCII_NON_WORD.sub(" ", _fold(text.lower()))
    return folded.encode().translate(_ASCII_KEEP)


def word_hashes(text: str) -> np.ndarray:
    """64-bit hash of each lower-cased, accent-folded word, in order (uint64)."""
    return corpus_word_hashes([text])[0]


_BATCH = 1000  # texts hashed per buffer: numpy passes stay long, scratch memory stays small


def corpus_word_hashes(texts: Sequence[str]) -> list[np.ndarray]:
    """word_hashes of every text, computed a batch of texts at a time in one buffer."""
    out: list[np.ndarray] = []
    for lo in range(0, len(texts), _BATCH):
        out.extend(_batch_word_hashes(texts[lo : lo + _BATCH]))
    return out


def _batch_word_hashes(texts: Sequence[str]) -> list[np.ndarray]:
    bufs = [_word_buffer(t) for t in texts]
    sizes = np.array([len(b) for b in bufs], dtype=np.int64)
    joined = b" ".join(bufs)
    if not joined.strip(b" "):
        return [np.empty(0, dtype=np.uint64) for _ in texts]
    word = np.frombuffer(joined, dtype=np.uint8) != 0x20
    # a word starts where a space is followed by a non-space and ends at the reverse
    edges = np.flatnonzero(word[1:] != word[:-1]) + 1
    edges = np.r_[0, edges] if word[0] else edges
    edges = np.r_[edges, len(word)] if word[-1] else edges
    starts, ends = edges[::2], edges[1::2]
    hashes = _hash_spans(joined, starts, ends)
    # text k's bytes end at doc_ends[k]: its words are those starting before that
    doc_ends = np.cumsum(sizes + 1) - 1
    return np.split(hashes, np.searchsorted(starts, doc_ends[:-1]))


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

"""Copies speed: near-duplicate detection beside datasketch MinHash+MinHashLSH (same
num_perm, threshold and word 5-shingles), and the whole find_copies (passage alignment
included) at growing corpus sizes, with peak RSS per phase.

Corpus: the generated reuse corpus (real MUC-4 / India Police Events / AEB / ECB+ text,
see evaluation/reuse_corpus.py) repeated with light edits (seeded typos) up to the size.
Each repeat of an article is a near-duplicate of the others: that is the truth recall is
counted against.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import xxhash

from evaluation.common import console, table
from evaluation.reuse_corpus import _typos, build
from newsfuse.copies import CopySettings, find_copies
from newsfuse.copies.minhash import lsh_pairs, signatures
from newsfuse.copies.tokens import word_hashes
from newsfuse.records import Document


def _reset_peak() -> None:
    # Linux: writing 5 to clear_refs resets VmHWM, so each phase gets its own peak
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def corpus(size: int, seed: int = 7) -> tuple[list[Document], set[tuple[int, int]]]:
    """``size`` documents: the reuse corpus, then edited repeats; truth = repeat families."""
    base = build(quick=False).docs
    rng = random.Random(seed)
    docs: list[Document] = []
    family: list[int] = []
    rep = 0
    while len(docs) < size:
        for k, d in enumerate(base):
            if len(docs) >= size:
                break
            text = d.text if rep == 0 else _typos(d.text, rng, 0.004)
            docs.append(replace(d, id=f"{rep:02d}{d.id[2:]}", text=text))
            family.append(k)
        rep += 1
    by_family: dict[int, list[int]] = {}
    for i, f in enumerate(family):
        by_family.setdefault(f, []).append(i)
    truth = {(a, b) for m in by_family.values() for x, a in enumerate(m) for b in m[x + 1 :]}
    return docs, truth


def _recall(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> float:
    return len(found & truth) / len(truth) if truth else 1.0


def newsfuse_lsh(docs: list[Document], s: CopySettings) -> set[tuple[int, int]]:
    hashes = [word_hashes(d.text) for d in docs]
    sigs = signatures(hashes, s.shingle_words, s.num_perm, s.seed)
    pairs = lsh_pairs(sigs, s.near_duplicate_threshold, s.max_bucket)
    return {(int(a), int(b)) for a, b in pairs}


def datasketch_lsh(docs: list[Document], s: CopySettings) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    # the peer at its fastest: xxhash instead of its default sha1
    def h32(b: bytes) -> int:
        return xxhash.xxh32_intdigest(b)

    lsh = MinHashLSH(threshold=s.near_duplicate_threshold, num_perm=s.num_perm)
    found = set()
    k = s.shingle_words
    for i, d in enumerate(docs):
        words = re.findall(r"\w+", d.text.lower())
        m = MinHash(num_perm=s.num_perm, hashfunc=h32)
        m.update_batch([" ".join(words[j : j + k]).encode() for j in range(max(1, len(words) - k + 1))])
        for other in lsh.query(m):
            found.add((other, i))
        lsh.insert(i, m)
    return found


def _timed(fn, *args):
    _reset_peak()
    start = time.perf_counter()
    cpu = time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - start, time.process_time() - cpu, _peak_mb()


def main(quick: bool = False) -> dict:
    s = CopySettings()
    sizes = [1000, 2000, 4000] if quick else [5000, 10000, 20000]
    docs, truth = corpus(sizes[-1])
    figures: dict = {"documents": len(docs)}

    ours, wall, cpu, rss = _timed(newsfuse_lsh, docs, s)
    theirs, d_wall, d_cpu, d_rss = _timed(datasketch_lsh, docs, s)
    figures |= {
        "newsfuse_lsh_docs_per_s": len(docs) / wall, "newsfuse_lsh_recall": _recall(ours, truth),
        "datasketch_docs_per_s": len(docs) / d_wall, "datasketch_recall": _recall(theirs, truth),
        "speedup": d_wall / wall,
    }
    console.print(table(
        f"near-duplicate detection, {len(docs)} documents, num_perm={s.num_perm}, threshold={s.near_duplicate_threshold}",
        ["system", "docs/s (wall)", "CPU s", "recall of repeat pairs", "peak RSS MB"],
        [["newsfuse MinHash+LSH (numpy)", len(docs) / wall, cpu, _recall(ours, truth), rss],
         ["datasketch MinHash+MinHashLSH", len(docs) / d_wall, d_cpu, _recall(theirs, truth), d_rss]],
    ))

    rows = []
    for n in sizes:
        sub = docs[:n]
        sub_truth = {(a, b) for a, b in truth if b < n}
        graph, wall, cpu, rss = _timed(find_copies, sub, s)
        index = {d.id: i for i, d in enumerate(sub)}
        found = {tuple(sorted((index[r.a], index[r.b]))) for r in graph.relations if r.kind != "shared_passages"}
        figures[f"find_copies_docs_per_s_{n}"] = n / wall
        rows.append([f"find_copies on {n}", n / wall, cpu, len(graph.relations), _recall(found, sub_truth), rss])
    console.print(table(
        "whole copy graph (near-duplicates + passage alignment on candidate pairs)",
        ["run", "docs/s (wall)", "CPU s", "relations", "near-dup recall", "peak RSS MB"], rows,
    ))
    return figures


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)

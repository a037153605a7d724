"""Copies speed: near-duplicate detection beside datasketch MinHash+MinHashLSH (same
num_perm, threshold and word 5-shingles), and the whole find_copies (passage alignment
included) at growing corpus sizes, with peak RSS per phase.

Corpus: the generated reuse corpus (real MUC-4 / India Police Events / AEB / ECB+ text,
see evaluation/reuse_corpus.py) repeated up to the size (see ``corpus``). Recall is
counted against its near-duplicate truth (republished, cut, edited copies).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import xxhash

from evaluation.common import console, table
from evaluation.reuse_corpus import build
from newsfuse.copies import CopySettings, find_copies
from newsfuse.copies.minhash import lsh_pairs, signatures
from newsfuse.copies.tokens import corpus_word_hashes
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


def corpus(size: int) -> tuple[list[Document], set[tuple[int, int]]]:
    """``size`` documents: the reuse corpus, then repeats of it in which every word gets a
    repeat-specific suffix ("gunmen" -> "gunmen2"): each repeat keeps the real text's
    shape, lengths and copy structure, and shares no word with the others, so the copy
    density stays constant as the corpus grows. Truth: the generated near-duplicate pairs."""
    base = build(quick=False)
    docs: list[Document] = []
    truth: set[tuple[int, int]] = set()
    rep = 0
    while len(docs) < size:
        index: dict[str, int] = {}
        for d in base.docs[: size - len(docs)]:
            text = d.text if rep == 0 else re.sub(r"\w+", lambda m: f"{m.group()}{rep}", d.text)
            index[d.id] = len(docs)
            docs.append(replace(d, id=f"{rep:02d}{d.id[2:]}", text=text))
        truth |= {(index[a], index[b]) for a, b in base.near_pairs if a in index and b in index}
        rep += 1
    return docs, {(min(a, b), max(a, b)) for a, b in truth}


def _recall(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> float:
    return len(found & truth) / len(truth) if truth else 1.0


def newsfuse_lsh(docs: list[Document], s: CopySettings) -> set[tuple[int, int]]:
    hashes = corpus_word_hashes([d.text for d in docs])
    sigs = signatures(hashes, s.shingle_words, s.num_perm, s.seed)
    pairs = lsh_pairs(sigs, s.near_duplicate_threshold, s.max_bucket)
    return {(int(a), int(b)) for a, b in pairs}


def _h32(b: bytes) -> int:
    return xxhash.xxh32_intdigest(b)


def datasketch_lsh(docs: list[Document], s: CopySettings, hashfunc=_h32) -> set[tuple[int, int]]:
    """datasketch at its fastest by default (xxhash instead of its sha1); hashfunc=None: as shipped."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=s.near_duplicate_threshold, num_perm=s.num_perm)
    found = set()
    k = s.shingle_words
    for i, d in enumerate(docs):
        words = re.findall(r"\w+", d.text.lower())
        m = MinHash(num_perm=s.num_perm, hashfunc=hashfunc) if hashfunc else MinHash(num_perm=s.num_perm)
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
    sha1, s_wall, s_cpu, s_rss = _timed(datasketch_lsh, docs, s, None)
    figures |= {
        "newsfuse_lsh_docs_per_s": len(docs) / wall, "newsfuse_lsh_recall": _recall(ours, truth),
        "datasketch_docs_per_s": len(docs) / d_wall, "datasketch_recall": _recall(theirs, truth),
        "speedup": d_wall / wall, "speedup_vs_sha1_default": s_wall / wall,
    }
    console.print(table(
        f"near-duplicate detection, {len(docs)} documents, num_perm={s.num_perm}, threshold={s.near_duplicate_threshold}",
        ["system", "docs/s (wall)", "CPU s", "near-dup recall", "peak RSS MB"],
        [["newsfuse MinHash+LSH (numpy)", len(docs) / wall, cpu, _recall(ours, truth), rss],
         ["datasketch MinHash+MinHashLSH (xxhash)", len(docs) / d_wall, d_cpu, _recall(theirs, truth), d_rss],
         ["datasketch as shipped (sha1)", len(docs) / s_wall, s_cpu, _recall(sha1, truth), s_rss]],
    ))

    rows = []
    for n in sizes:
        sub = docs[:n]  # copy density is the same at every size
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

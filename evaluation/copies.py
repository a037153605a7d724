"""Copy-graph quality on the generated reuse corpus (see evaluation/reuse_corpus.py).

Peers: none labels verbatim reuse, so beside newsfuse stands datasketch
MinHash+MinHashLSH (same num_perm, threshold, shingles) for near-duplicates.
"""

from __future__ import annotations

import time

import numpy as np

from evaluation.common import console, table
from evaluation.reuse_corpus import Corpus, build, write
from newsfuse.copies import CopySettings, find_copies
from newsfuse.copies.tokens import ngram_hashes, word_hashes
from newsfuse.records import CopyGraph


def _span_jaccard(truth: list[tuple[int, int]], found: list[tuple[int, int]]) -> float:
    """Character Jaccard between the quoted paragraphs and the found passages on one side.

    Paragraphs quoted together are one truth region (the gaps between them count as
    quoted too), as a passage found across them rightly spans the whole quote.
    """
    t0, t1 = min(s for s, _ in truth), max(e for _, e in truth)
    if not found:
        return 0.0
    f = np.zeros(max(t1, max(e for _, e in found)) + 1, dtype=bool)
    for s, e in found:
        f[s:e] = True
    t = np.zeros_like(f)
    t[t0:t1] = True
    return float((f & t).sum() / (f | t).sum())


def score(corpus: Corpus, graph: CopyGraph) -> dict:
    ecb = {i for pair in corpus.negatives for i in pair} | {
        d.id for d in corpus.docs if d.outlet and d.outlet.startswith("ECB+")
    }
    rels = {(r.a, r.b): r for r in graph.relations}
    # near-duplicates (generated documents only; ECB+ is scored by the negatives)
    pred_near = {k for k, r in rels.items() if r.kind != "shared_passages" and not (set(k) & ecb)}
    tp = len(pred_near & corpus.near_pairs)
    near_p = tp / len(pred_near) if pred_near else 1.0
    near_r = tp / len(corpus.near_pairs) if corpus.near_pairs else 1.0
    # shared passages: one truth pair per (src, host); all its quoted paragraphs must be found
    truth_pairs: dict[tuple[str, str], list[dict]] = {}
    for p in corpus.passages:
        truth_pairs.setdefault(tuple(sorted((p["src"], p["host"]))), []).append(p)
    pred_shared = {k for k, r in rels.items() if r.kind == "shared_passages" and not (set(k) & ecb)}
    found, overlaps = 0, []
    for key, items in truth_pairs.items():
        rel = rels.get(key)
        if rel is None:
            overlaps.append(0.0)
            continue
        found += 1
        src_is_a = rel.a == items[0]["src"]
        src_spans = [(q.a_start, q.a_end) if src_is_a else (q.b_start, q.b_end) for q in rel.passages]
        host_spans = [(q.b_start, q.b_end) if src_is_a else (q.a_start, q.a_end) for q in rel.passages]
        overlaps.append(
            (_span_jaccard([p["src_span"] for p in items], src_spans)
             + _span_jaccard([p["host_span"] for p in items], host_spans)) / 2
        )
    shared_tp = len(pred_shared & set(truth_pairs))
    pass_p = shared_tp / len(pred_shared) if pred_shared else 1.0
    pass_r = found / len(truth_pairs) if truth_pairs else 1.0
    # hard negatives: ECB+ same-subtopic pairs that share no text must get no relation
    neg_hits = sum(1 for pair in corpus.negatives if pair in rels)
    # direction: copies point to their original
    directed = [rels.get(tuple(sorted((c, o)))) for c, o in corpus.origin_truth.items()]
    dir_ok = sum(1 for (c, o), r in zip(corpus.origin_truth.items(), directed, strict=True) if r and r.original == o)
    # origins: hosts quoting a wire's text without saying so carry that wire
    silent = [p for p in corpus.passages if not p["attributed"]]
    carried = sum(
        1 for p in silent if any(c.name == p["wire"] and c.how == "carried" for c in graph.origins.get(p["host"], ()))
    )
    grouped = sum(1 for p in corpus.passages if graph.origin_group[p["src"]] == graph.origin_group[p["host"]])
    return {
        "near_precision": near_p, "near_recall": near_r,
        "passage_precision": pass_p, "passage_recall": pass_r,
        "span_overlap": float(np.mean(overlaps)) if overlaps else 0.0,
        "negative_relations": neg_hits, "negative_pairs": len(corpus.negatives),
        "direction_accuracy": dir_ok / len(corpus.origin_truth) if corpus.origin_truth else 1.0,
        "carried_wire_recall": carried / len(silent) if silent else 1.0,
        "wire_grouped": grouped / len(corpus.passages) if corpus.passages else 1.0,
    }


def datasketch_near(corpus: Corpus, s: CopySettings) -> tuple[float, float]:
    """Precision, recall of datasketch MinHashLSH candidate pairs as near-duplicate pairs."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=s.near_duplicate_threshold, num_perm=s.num_perm)
    ecb = {d.id for d in corpus.docs if d.outlet and d.outlet.startswith("ECB+")}
    docs = [d for d in corpus.docs if d.id not in ecb]
    for d in docs:
        m = MinHash(num_perm=s.num_perm)
        m.update_batch([g.tobytes() for g in ngram_hashes(word_hashes(d.text), s.shingle_words)])
        lsh.insert(d.id, m)
    pred = set()
    for key, table_ in enumerate(lsh.hashtables):
        for bucket in table_._dict.values():
            members = sorted(bucket)
            pred |= {(x, y) for i, x in enumerate(members) for y in members[i + 1 :]}
    tp = len(pred & corpus.near_pairs)
    return (tp / len(pred) if pred else 1.0), tp / len(corpus.near_pairs)


def main(quick: bool = False) -> dict:
    corpus = build(quick=quick)
    where = write(corpus, "quick" if quick else "full")
    settings = CopySettings()
    started = time.perf_counter()
    graph = find_copies(corpus.docs, settings)
    seconds = time.perf_counter() - started
    figures = score(corpus, graph) | {"documents": len(corpus.docs), "seconds": seconds}
    ds_p, ds_r = datasketch_near(corpus, settings)
    rows = [
        ["near-duplicate precision (>= 0.99)", figures["near_precision"], ds_p],
        ["near-duplicate recall (>= 0.97)", figures["near_recall"], ds_r],
        ["shared-passage precision (>= 0.98)", figures["passage_precision"], "-"],
        ["shared-passage recall (>= 0.95)", figures["passage_recall"], "-"],
        ["passage span overlap (>= 0.9)", figures["span_overlap"], "-"],
        [f"ECB+ same-subtopic pairs with a relation (of {len(corpus.negatives)}; 0)", figures["negative_relations"], "-"],
        ["direction right (copy -> original)", figures["direction_accuracy"], "-"],
        ["unattributed wire quotes carried", figures["carried_wire_recall"], "-"],
        ["quote source and host in one origin group", figures["wire_grouped"], "-"],
    ]
    console.print(table(
        f"copies on the generated reuse corpus ({len(corpus.docs)} docs, {len(corpus.near_pairs)} near-dup pairs, "
        f"{len(corpus.passages)} quoted paragraphs; text in {where})",
        ["measure", "newsfuse", "datasketch LSH"], rows,
    ))
    return figures


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)

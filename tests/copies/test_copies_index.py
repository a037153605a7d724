import numpy as np
from copies_texts import INDEPENDENT_PARAS, UNRELATED_PARAS, WIRE_PARAS

from newsfuse.copies.index import content_mask, in_sorted, shared_gram_pairs
from newsfuse.copies.tokens import ngram_hashes, word_hashes

STOCK = "on condition of anonymity because he was not authorised to brief reporters"


def test_documents_sharing_a_paragraph_are_paired_and_others_are_not():
    docs = [WIRE_PARAS[0] + " " + WIRE_PARAS[1], UNRELATED_PARAS[0] + " " + WIRE_PARAS[1], INDEPENDENT_PARAS[0]]
    pairs, _ = shared_gram_pairs([word_hashes(d) for d in docs], 4, 3, 40)
    assert pairs.tolist() == [[0, 1]]


def test_a_phrase_in_too_many_documents_is_a_stock_phrase_and_pairs_nothing():
    docs = [f"{p} {STOCK}" for p in UNRELATED_PARAS + INDEPENDENT_PARAS]
    pairs, stock = shared_gram_pairs([word_hashes(d) for d in docs], 4, 3, max_docs=3)
    assert pairs.tolist() == []
    assert set(ngram_hashes(word_hashes(STOCK), 4).tolist()) <= set(stock.tolist())
    assert len(shared_gram_pairs([word_hashes(d) for d in docs], 4, 3, max_docs=10)[0]) == 10


def test_words_inside_stock_ngrams_are_not_the_documents_own():
    text = "Shelling resumed near the dam " + STOCK
    stock = np.unique(ngram_hashes(word_hashes(STOCK), 4))
    mask = content_mask(word_hashes(text), stock, 4)
    assert mask.tolist() == [True] * 5 + [False] * 12


def test_membership_in_a_sorted_array_agrees_with_isin_at_every_edge():
    rng = np.random.default_rng(7)
    stock = np.unique(rng.integers(0, 1000, 200, dtype=np.uint64))
    values = np.concatenate([rng.integers(0, 1100, 500, dtype=np.uint64), stock[:3], [stock[-1], 1099, 0]]).astype(np.uint64)
    assert (in_sorted(values, stock) == np.isin(values, stock)).all()
    assert not in_sorted(values, np.empty(0, dtype=np.uint64)).any()

import numpy as np
import pytest
from copies_texts import INDEPENDENT_PARAS, OWN_PARAS, UNRELATED_PARAS, WIRE_PARAS

from newsfuse.copies.minhash import estimated_jaccard, lsh_pairs, optimal_bands, signatures
from newsfuse.copies.tokens import ngram_hashes, word_hashes


def _jaccard(x, y, k=5):
    a, b = set(ngram_hashes(word_hashes(x), k).tolist()), set(ngram_hashes(word_hashes(y), k).tolist())
    return len(a & b) / len(a | b)


def test_signature_agreement_estimates_shingle_jaccard_within_a_few_points():
    base = " ".join(WIRE_PARAS + OWN_PARAS)
    edited = base.replace("checkpoint", "check point").replace("Tuesday", "Wednesday")
    sigs = signatures([word_hashes(base), word_hashes(edited)], 5, 256, seed=3)
    est = estimated_jaccard(sigs, np.array([[0, 1]]))[0]
    assert abs(est - _jaccard(base, edited)) < 0.08


def test_lsh_pairs_a_light_edit_and_not_an_independent_report():
    base = " ".join(WIRE_PARAS)
    texts = [base, base.replace("two hours", "2 hours"), " ".join(INDEPENDENT_PARAS), " ".join(UNRELATED_PARAS)]
    sigs = signatures([word_hashes(t) for t in texts], 5, 128, seed=1)
    assert lsh_pairs(sigs, 0.8, 64).tolist() == [[0, 1]]


def test_documents_too_short_for_a_shingle_never_collide_with_each_other():
    sigs = signatures([word_hashes(""), word_hashes(""), word_hashes("one two")], 5, 64, seed=1)
    assert lsh_pairs(sigs, 0.8, 64).tolist() == []


def test_an_oversized_bucket_links_members_to_its_first_member_only():
    text = word_hashes(" ".join(WIRE_PARAS))
    sigs = signatures([text] * 5, 5, 64, seed=1)
    assert lsh_pairs(sigs, 0.8, max_bucket=3).tolist() == [[0, 1], [0, 2], [0, 3], [0, 4]]


@pytest.mark.parametrize("threshold,num_perm", [(0.8, 128), (0.5, 128), (0.9, 64)])
def test_band_layout_is_the_one_datasketch_picks(threshold, num_perm):
    datasketch = pytest.importorskip("datasketch")
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert optimal_bands(threshold, num_perm) == (lsh.b, lsh.r)


def test_corpus_shingles_are_each_documents_own_ngrams_and_a_short_documents_first_word():
    from newsfuse.copies.minhash import corpus_shingles

    texts = [" ".join(WIRE_PARAS), "", "two words", " ".join(OWN_PARAS), "exactly five words right here"]
    hashes = [word_hashes(t) for t in texts]
    flat, doc_of = corpus_shingles(hashes, 5)
    expected = [ngram_hashes(h, 5) if len(h) >= 5 else h[:1] for h in hashes]
    for k, exp in enumerate(expected):
        assert flat[doc_of == k].tolist() == exp.tolist()
    assert np.all(np.diff(doc_of) >= 0)

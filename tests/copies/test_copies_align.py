import numpy as np
from copies_texts import OWN_PARAS, WIRE_PARAS

from newsfuse.copies.align import align, covered_words
from newsfuse.copies.tokens import words_with_offsets


def _align(x, y, **kw):
    args = {"n": 3, "max_gap": 10, "min_words": 20, "min_density": 0.7} | kw
    return align(words_with_offsets(x), words_with_offsets(y), texts=(x, y), **args)


def test_a_paragraph_with_a_typo_and_a_changed_phrase_stays_one_passage():
    para = WIRE_PARAS[1]
    edited = para.replace("pickup", "pikcup").replace("according to", "said")
    x = OWN_PARAS[0] + "\n\n" + para
    y = edited + "\n\n" + OWN_PARAS[1]
    (p,) = _align(x, y)
    assert (p.b_start, p.b_end) == (0, len(edited.split()))  # the whole paragraph in y (word positions)
    assert p.matched_a >= len(para.split()) - 4


def test_an_edit_longer_than_the_gap_splits_the_passage():
    a = WIRE_PARAS[0] + " " + WIRE_PARAS[1]
    b = WIRE_PARAS[0] + " " + " ".join(OWN_PARAS[1].split()[:15]) + " " + WIRE_PARAS[1]
    assert len(_align(a, b)) == 2


def test_shared_names_and_figures_alone_are_no_passage():
    a = "The Islamic State in Iraq and the Levant said four officers were killed near Tal Afar on Tuesday."
    b = "Officials blamed the Islamic State in Iraq and the Levant; four officers were killed near Tal Afar."
    assert _align(a, b) == []


def test_a_credit_line_before_a_shared_paragraph_is_trimmed_from_the_span():
    x = "MOSUL (Reuters) - " + WIRE_PARAS[2]
    y = "From Reuters:\n" + WIRE_PARAS[2]
    (p,) = _align(x, y)
    assert p.a_start == 2 and p.b_start == 2  # "mosul reuters" and "from reuters" stay out


def test_covered_words_counts_the_union_of_overlapping_spans():
    assert covered_words([(0, 10), (5, 15), (20, 22)], np.ones(30, dtype=bool)) == 17


def test_covered_words_leaves_out_words_that_are_not_counted():
    counted = np.ones(30, dtype=bool)
    counted[:5] = False
    assert covered_words([(0, 10)], counted) == 5

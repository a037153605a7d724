"""Quick slice of the copies evaluation, guarded just under today's figures."""

import pytest

from evaluation.common import DataMissing
from newsfuse.copies import CopySettings, find_copies


@pytest.fixture(scope="module")
def figures():
    from evaluation.copies import score
    from evaluation.reuse_corpus import build

    try:
        corpus = build(quick=True)
    except DataMissing as err:
        pytest.skip(str(err))
    return score(corpus, find_copies(corpus.docs, CopySettings()))


def test_near_duplicates_are_found_with_issue_4_precision_and_recall(figures):
    assert figures["near_precision"] >= 0.99
    assert figures["near_recall"] >= 0.98


def test_quoted_paragraphs_are_found_as_passages_with_spans_matching_the_truth(figures):
    assert figures["passage_recall"] >= 0.98
    assert figures["passage_precision"] >= 0.98
    assert figures["span_overlap"] >= 0.95


def test_independent_ecb_reports_of_one_event_get_no_copy_relation(figures):
    assert figures["negative_pairs"] > 100
    assert figures["negative_relations"] == 0


def test_copies_point_to_their_original_and_unattributed_wire_quotes_are_carried(figures):
    assert figures["direction_accuracy"] >= 0.98
    assert figures["carried_wire_recall"] >= 0.95
    assert figures["wire_grouped"] >= 0.95

"""Quick slice of the nlp geoparsing evaluation (first 20 GeoWebNews articles), guarded just under today's figures."""

import pytest

from evaluation.common import DataMissing
from newsfuse.nlp.settings import NlpSettings


@pytest.fixture(scope="module")
def figures():
    from evaluation.nlp import load_gwn, run_newsfuse, score

    try:
        data = load_gwn(20)
    except DataMissing as err:
        pytest.skip(str(err))
    return score(run_newsfuse([t for t, _ in data], NlpSettings()), [g for _, g in data])


def test_place_recognition_on_geowebnews_slice_stays_precise(figures):
    assert figures["precision"] >= PRECISION_BAR


def test_place_recognition_on_geowebnews_slice_keeps_its_recall(figures):
    assert figures["recall"] >= RECALL_BAR


def test_recognised_places_resolve_within_161_km(figures):
    assert figures["acc161"] >= ACC_BAR

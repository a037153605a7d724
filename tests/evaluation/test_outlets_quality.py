"""Quick slice of the outlet evaluation (first 150 incidents of the gva_incidents dev half), guarded
just under today's figures (2026-12-05: outlet 1.000, independent sources counted right 0.952 of 42)."""

import pytest

from evaluation.common import DataMissing


@pytest.fixture(scope="module")
def figures():
    from evaluation.outlets import evaluate

    try:
        return evaluate("dev", limit=150)
    except DataMissing as err:
        pytest.skip(str(err))


def test_archived_reports_take_the_outlet_of_their_original_site(figures):
    assert figures["outlet_right"] >= 0.97


def test_events_reported_by_several_sites_count_their_independent_sources(figures):
    assert figures["sources_counted_right"] >= 0.90

"""Export through a real DuckDB store (newsfuse.store), not a stand-in."""

import json

import pyarrow.parquet as pq
import pytest

from newsfuse.export import NEEDS, export, load
from newsfuse.store import Store
from tests.export.sample_records import sample_snapshot, store_snapshot


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_snapshot(tmp_path_factory.mktemp("export") / "news.duckdb")


def test_every_table_exports_from_a_read_only_store_in_every_flat_format(db, tmp_path):
    with Store(db, read_only=True) as store:
        for table in NEEDS:
            for fmt in ("json", "csv", "parquet"):
                out = export(store, table, fmt, tmp_path / f"{table}.{fmt}")
                assert out.stat().st_size > 0, (table, fmt)
    assert len(json.loads((tmp_path / "documents.json").read_text())) == 4
    assert pq.read_table(tmp_path / "events.parquet").column("story").to_pylist() == ["st01", "st02"]


def test_records_read_back_from_the_store_export_like_the_records_written(db):
    from newsfuse.export import export_snapshot

    with Store(db, read_only=True) as store:
        stored = load(store)
    for table in ("events", "copies", "mentions", "briefs"):
        assert export_snapshot(stored, table, "json") == export_snapshot(sample_snapshot(), table, "json")

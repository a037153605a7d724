"""The Python API: newsfuse.run(paths, db=...) and newsfuse.open(db) with DataFrames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import newsfuse
from tests.test_cli import REPORT


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    (folder / "gao.txt").write_text(REPORT, encoding="utf-8")
    path = folder / "record.duckdb"
    summary = newsfuse.run([folder / "gao.txt"], db=path)
    assert summary.added == 1
    return path


def test_events_come_back_as_a_dataframe_with_coordinates_fatalities_and_real_dates(db: Path) -> None:
    with newsfuse.open(db) as store:
        events = store.events()
    assert isinstance(events, pd.DataFrame) and len(events) >= 1
    assert {"latitude", "longitude", "fatalities", "date", "location", "actors"} <= set(events.columns)
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    gao = events[events["location"] == "Gao"]
    assert len(gao) >= 1 and abs(gao["latitude"].iloc[0] - 16.27) < 0.5


def test_every_table_comes_back_as_pandas_arrow_and_polars(db: Path) -> None:
    with newsfuse.open(db) as store:
        for name in ("documents", "copies", "stories", "events", "contradictions", "acled"):
            assert isinstance(getattr(store, name)(), pd.DataFrame), name
            assert isinstance(getattr(store, name)(as_="arrow"), pa.Table), name
        polars = pytest.importorskip("polars")
        assert isinstance(store.documents(as_="polars"), polars.DataFrame)
        assert store.documents()["source"].iloc[0].endswith("gao.txt")


def test_run_of_nothing_raises_and_leaves_no_database(tmp_path: Path) -> None:
    with pytest.raises(newsfuse.NothingRead, match="nothing to read"):
        newsfuse.run(tmp_path / "missing", db=tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def test_open_of_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="newsfuse.run"):
        newsfuse.open(tmp_path / "none.duckdb")


def test_a_store_open_for_reading_does_not_block_a_new_run(db: Path, tmp_path: Path) -> None:
    from tests.test_cli import REPORT as TEXT

    (tmp_path / "again.txt").write_text(TEXT.replace("four soldiers", "five soldiers"), encoding="utf-8")
    with newsfuse.open(db) as store:
        before = len(store.documents())
        newsfuse.run([tmp_path / "again.txt"], db=db)
        store.close()  # forget the cached tables
        assert len(store.documents()) == before + 1

"""The store's typed views: days as DuckDB DATE for SQL users."""

import datetime

from newsfuse.records import DateValue, Event, Fatalities
from newsfuse.store import Store


def _event(i: str, date: str, precision: str) -> Event:
    return Event(i, None, "Battles", "Armed clash", DateValue(date, precision, "absolute"), None, (),
                 Fatalities(None, None, None), (), (), ())


def test_events_dated_gives_the_first_and_last_day_of_each_date_as_dates(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.replace_events([_event("d", "2014-06-20", "day"), _event("w", "2014-06-09", "week"),
                              _event("m", "2014-06", "month"), _event("y", "2014", "year")])
        rows = dict((i, (a, b)) for i, a, b in store.con.execute(
            "SELECT id, date_start, date_end FROM events_dated").fetchall())
        kinds = {name: kind for name, kind, *_ in store.con.execute("DESCRIBE events_dated").fetchall()}
    d = datetime.date
    assert rows == {"d": (d(2014, 6, 20), d(2014, 6, 20)), "w": (d(2014, 6, 9), d(2014, 6, 15)),
                    "m": (d(2014, 6, 1), d(2014, 6, 30)), "y": (d(2014, 1, 1), d(2014, 12, 31))}
    assert kinds["date_start"] == "DATE" and kinds["date_end"] == "DATE"


def test_documents_dated_gives_the_publication_day_as_a_date(tmp_path):
    from tests.export.sample_records import store_snapshot

    with Store(store_snapshot(tmp_path / "s.duckdb"), read_only=True) as store:
        days = dict(store.con.execute("SELECT id, published FROM documents_dated").fetchall())
    assert days["aaaa000000000001"] == datetime.date(2014, 6, 17)

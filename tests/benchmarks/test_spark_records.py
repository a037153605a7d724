"""benchmarks/spark.differences: two stores compared table by table, write order aside."""

from pathlib import Path

import duckdb

from benchmarks.spark import differences
from newsfuse.store import Store


def _store(path: Path, events: list[tuple[str, int, str, int]]) -> str:
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.executemany("INSERT INTO events (id, seq, type, fatalities_best, record) VALUES (?, ?, ?, ?, '{}')", events)
    con.close()
    return str(path)


def test_stores_with_the_same_rows_in_another_write_order_do_not_differ(tmp_path: Path) -> None:
    a = _store(tmp_path / "a.duckdb", [("e1", 1, "Battles", 3), ("e2", 2, "Riots", 0)])
    b = _store(tmp_path / "b.duckdb", [("e2", 7, "Riots", 0), ("e1", 9, "Battles", 3)])
    assert differences(a, b)["events"] == {"rows": 2, "rows_other": 2, "only_here": 0, "only_other": 0}


def test_a_changed_field_and_a_repeated_row_count_as_differences_on_each_side(tmp_path: Path) -> None:
    a = _store(tmp_path / "a.duckdb", [("e1", 1, "Battles", 3), ("e2", 2, "Riots", 0), ("e2", 3, "Riots", 0)])
    b = _store(tmp_path / "b.duckdb", [("e1", 1, "Battles", 4), ("e2", 2, "Riots", 0)])
    assert differences(a, b)["events"] == {"rows": 3, "rows_other": 2, "only_here": 2, "only_other": 1}
    assert differences(a, b)["documents"]["only_here"] == 0

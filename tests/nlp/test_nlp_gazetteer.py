"""The gazetteer's in-memory layout: what every worker process holds."""

from __future__ import annotations

import pickle

from newsfuse.nlp.gazetteer import Entry, Gazetteer


def _code(*parts: str) -> str:
    return "".join(parts)  # a new string object each call, as a JSON reader makes them


def test_a_gazetteer_keeps_one_object_per_repeated_value_and_pickling_keeps_it_so() -> None:
    entries = [Entry(i, f"Town {i}", 40.0 + i, -90.0, _code("U", "S"), _code("M", "O"), 1000, "city",
                     _code("Miss", "ouri"), None) for i in range(3)]
    gaz = Gazetteer(entries, {"town a": (1,), "town b": tuple([1]), "town c": (2, -3)}, {})
    for g in (gaz, pickle.loads(pickle.dumps(gaz, protocol=5))):
        country, admin1_name = g.columns[Entry.__slots__.index("country")], g.columns[Entry.__slots__.index("admin1_name")]
        assert country[0] is country[1] is country[2] and admin1_name[0] is admin1_name[2]
        assert g.index["town a"] is g.index["town b"]
        assert g.entry(1) == entries[1] and [e for e, _ in g.lookup("town c")] == [entries[1], entries[2]]

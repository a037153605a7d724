"""The outlet-home evidence the store keeps across runs: once per document, summed per host in write order."""

from __future__ import annotations

from pathlib import Path

from newsfuse.records import Document
from newsfuse.store import Store
from newsfuse.store import increments as inc


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", source=f"s{i}", text=f"text {i}", url=f"https://courier.example/{i}")
            for i in range(n)]


def test_outlet_evidence_is_kept_once_per_document_and_summed_per_host_in_write_order(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(4))
        inc.add_outlet_evidence(store, [("d1", "courier.example", ["US/MO"]), ("d0", "courier.example", ["US/KS"])])
        # a document read again (a later run re-reads it) is not counted twice
        inc.add_outlet_evidence(store, [("d1", "courier.example", ["US/MO"]), ("d2", None, []),
                                        ("d3", "courier.example", ["US/MO", "US/KS"])])
        documents, areas = inc.outlet_evidence(store, ["courier.example"])
        assert inc.observed(store, ["d0", "d2", "d9"]) == {"d0", "d2"}
        assert inc.observed_of(store, ["courier.example"]) == ["d0", "d1", "d3"]
    assert documents == {"courier.example": 3}
    # d0 (written first) named Kansas first, though it was observed after d1
    assert areas == [("courier.example", "US/KS", 2), ("courier.example", "US/MO", 2)]


def _annotation(doc: str):
    from newsfuse.records import Annotation

    return Annotation(document=doc, sentences=())


def test_name_keys_are_replaced_with_their_documents_signals_and_found_through_the_index(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(3))
        anns = [_annotation(d) for d in ("d0", "d1", "d2")]
        inc.add_story_signals(store, {"d0": 100, "d1": 300, "d2": None}, anns, {"d0": [7, -5], "d1": [7], "d2": [7]})
        # d2 has no story day: no far pair, so no key
        assert sorted(inc.named_documents(store, [7, 8])) == [("d0", 100, 7), ("d1", 300, 7)]
        # signals written again (a document dated again) replace its keys
        inc.add_story_signals(store, {"d0": 120}, anns[:1], {"d0": [-5]})
        assert inc.named_documents(store, [7]) == [("d1", 300, 7)]
        assert inc.named_documents(store, [-5]) == [("d0", 120, -5)]
        # the look-up follows the keys asked, not the store: DuckDB answers it from the ART index
        plan = store._select("EXPLAIN ANALYZE SELECT document, day, key FROM story_names WHERE key IN (7, -5)")[0][1]
        assert "Index Scan" in plan


def test_a_store_from_before_the_name_index_is_indexed_once_from_its_stored_signals(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(2))
        inc.add_story_signals(store, {"d0": 100, "d1": 200}, [_annotation("d0"), _annotation("d1")])
        assert not inc.names_indexed(store, "full name")
        inc.index_story_names(store, {"d0": [3], "d1": [3, 4]}, "full name")
        assert inc.names_indexed(store, "full name")
        assert sorted(inc.named_documents(store, [3, 4])) == [("d0", 100, 3), ("d1", 200, 3), ("d1", 200, 4)]


def test_the_documents_left_unannotated_are_the_run_s_own_when_the_counts_say_so_and_read_otherwise(
        tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(4))
        store.add_annotations([_annotation("d0"), _annotation("d1")])
        # d2 and d3 lack an annotation: a run that added d3 alone must still find d2 (a cut-short run's)
        assert inc.unannotated(store, ["d3"]) == {"d2", "d3"}
        assert inc.unannotated(store, ["d2", "d3"]) == {"d2", "d3"}
        assert inc.unannotated(store) == {"d2", "d3"}


def test_the_documents_in_no_story_are_the_run_s_own_when_the_counts_say_so_and_read_otherwise(
        tmp_path: Path) -> None:
    from newsfuse.records import Story

    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(5))
        inc.upsert_stories(store, [Story("s0", "t", ("d0", "d1")), Story("s1", "t", ("d2",))])
        assert inc.unplaced(store, ["d4"]) == ["d3", "d4"]  # d3: left by a cut-short run, in store order
        assert inc.unplaced(store, ["d3", "d4"]) == ["d3", "d4"]
        assert inc.unplaced(store) == ["d3", "d4"]


def test_a_name_index_keyed_another_way_is_indexed_again(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(_docs(2))
        inc.add_story_signals(store, {"d0": 100, "d1": 200}, [_annotation("d0"), _annotation("d1")])
        inc.index_story_names(store, {"d0": [3], "d1": [4]}, "full name")
        assert not inc.names_indexed(store, "first and last word")  # its keys would not meet a new run's
        inc.index_story_names(store, {"d0": [5], "d1": [5]}, "first and last word")
        assert inc.names_indexed(store, "first and last word")
        assert inc.named_documents(store, [3, 4]) == []
        assert sorted(inc.named_documents(store, [5])) == [("d0", 100, 5), ("d1", 200, 5)]

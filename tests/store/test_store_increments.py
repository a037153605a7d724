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

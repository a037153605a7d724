"""The Spark driver stores what the local driver stores, and skips what the store already holds."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from newsfuse.pipeline import RunSummary, run
from newsfuse.spark import run_spark
from newsfuse.store import Store
from tests.spark.reports import BELEDWEYNE, KISUMU, MAIDUGURI, MAIDUGURI_REPUBLISHED, MAIDUGURI_REWRITE

pytest.importorskip("pyspark", reason="the spark extra is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 on PATH"),
]

MASTER = "local[2]"


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "nigeria").mkdir(parents=True)
    (folder / "nigeria" / "maiduguri.txt").write_text(MAIDUGURI)
    (folder / "nigeria" / "maiduguri_republished.txt").write_text(MAIDUGURI_REPUBLISHED)
    (folder / "nigeria" / "maiduguri_rewrite.txt").write_text(MAIDUGURI_REWRITE)
    (folder / "beledweyne.txt").write_text(BELEDWEYNE)
    (folder / "kisumu.txt").write_text(KISUMU)
    (folder / "empty.txt").write_text("")
    return folder


def _snapshot(db: Path) -> dict[str, Any]:
    """The key fields of every stored record, for comparing two stores."""
    with Store(db, read_only=True) as s:
        graph = s.copy_graph()
        return {
            "documents": [(d.id, d.source, d.title, d.text, d.published, d.credits) for d in s.documents()],
            "copies": sorted((r.a, r.b, r.kind, round(r.overlap, 6), r.original) for r in graph.relations),
            "origin_group": graph.origin_group,
            "annotations": s.annotations(),
            "mentions": [(m.id, m.type, m.sub_type, m.fatalities) for m in s.mentions()],
            "stories": [(st.id, st.title, st.documents) for st in s.stories()],
            "events": [
                (e.id, e.story, e.type, e.sub_type, e.date, e.place, e.fatalities, e.documents,
                 e.independent_sources, e.contradictions)
                for e in s.events()
            ],
            "briefs": s.briefs(),
            "rejections": sorted((r.source, r.stage) for r in s.rejections()),
        }


def _counts(summary: RunSummary) -> tuple[int, ...]:
    return (summary.inputs, summary.added, summary.known, summary.documents, summary.annotated,
            summary.parsed, summary.mentions, summary.copies, summary.stories, summary.events)


def test_spark_run_stores_the_same_records_as_the_local_run(inputs: Path, tmp_path: Path) -> None:
    paths = [str(inputs), str(tmp_path / "no_such_report.txt")]
    local = run(paths, tmp_path / "local.duckdb")
    spark = run_spark(paths, tmp_path / "spark.duckdb", master=MASTER)

    assert _counts(spark) == _counts(local)
    assert sorted(r.source for r in spark.rejected) == sorted(r.source for r in local.rejected)
    expected, got = _snapshot(tmp_path / "local.duckdb"), _snapshot(tmp_path / "spark.duckdb")
    for table in expected:
        assert got[table] == expected[table], f"{table} differ between the Spark and the local driver"
    # the comparison means something: the inputs give copies, a copy parsed once, events, a rejection
    assert local.added == 5 and local.copies >= 1 and local.parsed < local.annotated and local.events >= 1
    assert {Path(s).name for s, _ in got["rejections"]} == {"empty.txt", "no_such_report.txt"}
    # each step of the run is timed, as the local driver's are
    assert {"partitions (ingest, clean, outlets)", "copies", "stories and reconcile"} <= set(spark.stage_seconds)


def test_reports_already_stored_are_skipped_and_only_new_ones_are_parsed(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first = run([str(inputs)], db)
    later = inputs / "later"
    later.mkdir()
    (later / "kisumu_again.txt").write_text(KISUMU.replace("hundreds of opposition supporters", "about two thousand opposition supporters"))

    summary = run_spark([str(inputs)], db, master=MASTER)

    assert summary.known == first.added and summary.added == 1
    assert summary.parsed == 1 and summary.annotated == 1
    with Store(db, read_only=True) as s:
        assert len(s.documents()) == first.added + 1
        assert len(s.annotations()) == first.added + 1
        assert sum(len(st.documents) for st in s.stories()) == first.added + 1


def test_documents_an_interrupted_run_stored_unannotated_are_annotated_by_the_next(inputs: Path, tmp_path: Path) -> None:
    from newsfuse.clean import CleanSettings, clean_documents
    from newsfuse.ingest import IngestSettings, read_inputs
    from newsfuse.records import Document

    db = tmp_path / "store.duckdb"
    docs = [d for d in clean_documents(
        [r for r in read_inputs([str(inputs)], IngestSettings()) if not hasattr(r, "reason")], CleanSettings()
    ) if isinstance(d, Document)]
    with Store(db) as s:  # as if the run died after storing documents, before the nlp stage
        s.add_documents(docs)

    summary = run_spark([], db, master=MASTER)  # nothing new to read: no Spark job is needed

    assert summary.annotated == len(docs) == 5 and summary.parsed == 4  # the republished copy reuses its original's
    with Store(db, read_only=True) as s:
        assert set(s.annotations()) == {d.id for d in docs}
        assert s.events()


def _outlet_files(folder: Path, names: list[str]) -> list[str]:
    """One JSONL file per report: Spark puts each file in a partition of its own."""
    import json

    from tests.test_blocking import OUTLET

    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(names):
        (folder / f"{n}-{name}.jsonl").write_text(json.dumps(OUTLET[name]) + "\n", encoding="utf-8")
    return [str(folder)]


def test_an_outlets_home_is_learned_over_every_partition_as_the_local_driver_learns_it(tmp_path: Path) -> None:
    from tests.test_blocking import columbia_state

    names = ["columbia", "boonville", "ashland"]
    run(_outlet_files(tmp_path / "local", names), tmp_path / "local.duckdb")
    run_spark(_outlet_files(tmp_path / "spark", names), tmp_path / "spark.duckdb", master=MASTER)
    assert columbia_state(tmp_path / "spark.duckdb") == columbia_state(tmp_path / "local.duckdb") == ["Missouri"]
    assert _snapshot(tmp_path / "spark.duckdb")["annotations"] == _snapshot(tmp_path / "local.duckdb")["annotations"]


def test_a_spark_run_that_moves_an_outlets_home_reads_its_stored_reports_again(tmp_path: Path) -> None:
    from tests.test_blocking import columbia_state

    db = tmp_path / "store.duckdb"
    run_spark(_outlet_files(tmp_path / "first", ["columbia"]), db, master=MASTER)
    assert columbia_state(db) != ["Missouri"]
    summary = run_spark(_outlet_files(tmp_path / "later", ["boonville", "ashland"]), db, master=MASTER)
    assert columbia_state(db) == ["Missouri"] and summary.parsed == 3

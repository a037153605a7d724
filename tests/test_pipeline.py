"""The local driver: bad input never stops a batch, re-runs store nothing twice."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.pipeline import run
from newsfuse.store import Store

REPORT = """Floods cut the road between Mopti and Sevare

Posted 14 March 2023, 09:10

MOPTI, Mali - Heavy rain on Monday cut the main road between Mopti and Sevare, local officials said, leaving
hundreds of trucks stranded on both sides of the Bani river crossing.

Officials said repair crews would need at least a week to rebuild the washed-out embankment near the bridge.
Traders in the Mopti market said the price of rice had already risen by a fifth since the road closed.
"""

OTHER = """Farmers in Kano welcome early rains

Posted 2 June 2022, 11:00

KANO, Nigeria - Farmers across Kano state said on Wednesday that the early arrival of the rainy season had let
them plant millet and sorghum two weeks ahead of last year, raising hopes of a better harvest after two lean years.

The state agriculture office said it had distributed improved seed to more than four thousand smallholders.
"""


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", REPORT)
    write(folder, "binary.txt", bytes(range(256)) * 40)
    write(folder, "empty.txt", b"")
    write(folder, "latin1.txt", OTHER.replace("millet", "millet café").encode("latin-1"))
    lines = [json.dumps({"text": OTHER.replace("Kano", "Katsina"), "outlet": "Example Daily"}), "{not json", ""]
    write(folder, "feed.jsonl", "\n".join(lines))
    write(folder, "broken.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-7])
    return folder


def test_bad_files_are_rejected_by_name_and_the_batch_goes_on(batch: Path, tmp_path: Path) -> None:
    summary = run([str(batch)], tmp_path / "db.duckdb")
    rejected = {Path(r.source.split("#")[0]).name for r in summary.rejected}
    assert {"binary.txt", "empty.txt", "feed.jsonl", "broken.warc.gz"} <= rejected
    assert all(r.reason for r in summary.rejected)
    with Store(tmp_path / "db.duckdb", read_only=True) as store:
        names = {Path(d.source.split("#")[0]).name for d in store.documents()}
        assert {"good.txt", "latin1.txt", "feed.jsonl"} <= names
        assert len(store.rejections()) == len(summary.rejected)


def test_running_twice_stores_nothing_twice(batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    first = run([str(batch)], db)
    second = run([str(batch)], db)
    assert second.added == 0
    assert second.known == first.added
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == first.added
        assert len(store.mentions()) == first.mentions


def test_a_later_run_adds_new_documents_to_what_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    write(tmp_path, "one.txt", REPORT)
    write(tmp_path, "two.txt", OTHER)
    run([str(tmp_path / "one.txt")], db)
    later = run([str(tmp_path / "two.txt")], db)
    assert later.added == 1 and later.documents == 2
    with Store(db, read_only=True) as store:
        assert sum(len(s.documents) for s in store.stories()) == 2


def test_nothing_readable_is_reported_as_nothing_read(tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", b"")
    summary = run([str(tmp_path / "empty.txt")], tmp_path / "db.duckdb")
    assert summary.nothing_read


def test_a_page_that_outlasts_the_time_limit_is_cut_off_and_the_rest_is_kept(tmp_path: Path) -> None:
    # a deeply nested, very long page: extraction takes far longer than the limit set here
    heavy = "<html><body>" + "<div><table><tr><td>cell text here</td></tr>" * 20000 + "</body></html>"
    write(tmp_path, "heavy.html", heavy)
    write(tmp_path, "good.txt", REPORT)
    settings = Settings()
    settings = replace(settings, clean=replace(settings.clean, timeout_seconds=0.2))
    summary = run([str(tmp_path)], tmp_path / "db.duckdb", settings)
    assert [Path(r.source).name for r in summary.rejected] == ["heavy.html"]
    assert summary.added == 1


def test_exact_copies_are_parsed_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", REPORT)
    write(tmp_path, "b.txt", REPORT + "\nShare this article\n")  # the same story in other chrome
    summary = run([str(tmp_path)], tmp_path / "db.duckdb")
    assert summary.added == 2
    assert summary.parsed == 1 and summary.annotated == 2


def test_an_undated_copy_resolves_its_relative_dates_against_its_dated_original(tmp_path: Path) -> None:
    undated = REPORT.replace("Posted 14 March 2023, 09:10\n", "") + (
        "\nThe regional governor was due to visit the crossing, his office said in a statement.\n")
    write(tmp_path, "a.txt", REPORT)
    write(tmp_path, "b.txt", undated)
    run([str(tmp_path)], tmp_path / "db.duckdb")
    with Store(tmp_path / "db.duckdb") as store:
        copy = next(d for d in store.documents() if d.source.endswith("b.txt"))
        monday = [m.value for m in store.annotations()[copy.id].dates if m.text.endswith("Monday")]
    assert copy.published is None  # the stored document stays undated
    assert [(v.date, v.precision) for v in monday] == [("2023-03-13", "day")]
    assert "copy" in monday[0].resolution


def test_a_run_whose_store_memory_is_capped_stores_what_an_uncapped_run_stores(tmp_path: Path) -> None:
    examples = str(Path(__file__).parents[1] / "examples")
    for name, cap in (("capped", "48MB"), ("uncapped", None)):
        run([examples], tmp_path / f"{name}.duckdb", Settings(workers=1, store_memory_limit=cap))
    with Store(tmp_path / "capped.duckdb", read_only=True) as a, Store(tmp_path / "uncapped.duckdb", read_only=True) as b:
        assert [e.place for e in a.events()] == [e.place for e in b.events()]
        assert a.documents() == b.documents() and len(a.mentions()) == len(b.mentions())


def test_pages_that_kept_only_their_headline_are_no_copies_of_each_other() -> None:
    from newsfuse.pipeline import identical_twins
    from newsfuse.records import Document

    def page(doc_id: str, title: str, text: str = "") -> Document:
        return Document(id=doc_id, source=f"{doc_id}.html", text=text, title=title)

    docs = [page("a", "Man shot in Killeen - KX"), page("b", "Woman hurt in Temple crash - KX"),
            page("c", "Man shot in Killeen - Star"), page("d", "Man shot", "Same words."), page("e", "Man shot", "Same words.")]
    twins = identical_twins(docs, {d.id: d for d in docs}, annotated=[])
    assert twins == {"c": "a", "e": "d"}  # the same headline (the site's name aside) is a copy; another is not

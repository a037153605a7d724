"""The driver lists input files in the order, and with the sources, that ingest reads them."""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest import IngestSettings, read_inputs
from newsfuse.records import Rejected
from newsfuse.ingest import list_inputs


def _tree(root: Path) -> None:
    for rel in ["b.txt", "a/z.html", "a/b/c.txt", "a/.hidden.txt", ".git/x.txt", "notes.md", "feed.jsonl", "A.TXT"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"A report about Mopti, Mali, written for the test file {rel}.\n")


def _sources(items: list) -> list[tuple[str, str]]:
    return [(type(i).__name__, i.source) for i in items]


def test_reading_the_listed_files_one_by_one_gives_what_reading_the_paths_gives(tmp_path: Path) -> None:
    _tree(tmp_path)
    settings = IngestSettings()
    paths = [str(tmp_path), str(tmp_path / "b.txt"), str(tmp_path / "a" / "*.html"), str(tmp_path / "none" / "*.txt"),
             str(tmp_path / "missing.txt"), str(tmp_path / "notes.md")]
    whole = list(read_inputs(paths, settings))
    one_by_one = [item for f in list_inputs(paths, settings) for item in read_inputs([f], settings)]
    assert _sources(one_by_one) == _sources(whole)
    assert [i.id for i in one_by_one if not isinstance(i, Rejected)] == [i.id for i in whole if not isinstance(i, Rejected)]


def test_hidden_files_and_unknown_suffixes_inside_folders_are_not_listed(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [Path(p).name for p in list_inputs([str(tmp_path)], IngestSettings())]
    assert names == ["A.TXT", "c.txt", "z.html", "b.txt", "feed.jsonl"]


def test_a_lone_path_string_is_one_path_not_letters(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert list_inputs(str(tmp_path / "b.txt"), IngestSettings()) == [str(tmp_path / "b.txt")]

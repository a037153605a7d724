"""Expanding user paths: folders sorted by path components, globs, hidden files, broken links."""

from __future__ import annotations

import os

from newsfuse.ingest.paths import Entry, expand
from newsfuse.ingest.settings import IngestSettings
from newsfuse.records import Rejected
from tests.ingest.unreadable import refuse_folder

EXT = IngestSettings().extensions



def test_folder_members_sort_by_path_with_subfolders_in_place(tmp_path):
    root = tmp_path / "root"
    for rel in ("b/2.txt", "b/1.html", "a.txt", "c.warc.gz", "b.txt", "B/x.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x")
    got = [os.path.relpath(e.path, root) for e in expand([str(root)], EXT)]
    assert got == ["B/x.txt", "a.txt", "b/1.html", "b/2.txt", "b.txt", "c.warc.gz"]


def test_hidden_files_and_folders_are_skipped_unless_asked(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "a.txt").write_text("x")
    (tmp_path / ".b.txt").write_text("x")
    assert list(expand([str(tmp_path)], EXT)) == []
    assert len(list(expand([str(tmp_path)], EXT, skip_hidden=False))) == 2


def test_a_recursive_glob_finds_nested_files_and_a_literal_suffix_glob_is_explicit(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text("x")
    (tmp_path / "x" / "page.article").write_text("x")
    deep = list(expand([str(tmp_path / "**" / "*.txt")], EXT))
    assert [os.path.basename(e.path) for e in deep] == ["deep.txt"]
    [article] = expand([str(tmp_path / "x" / "*.article")], EXT)
    assert article.explicit


def test_a_broken_link_and_a_missing_path_are_rejected_by_name(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    got = list(expand([str(tmp_path / "link.txt"), "nowhere/at/all.txt"], EXT))
    assert all(isinstance(g, Rejected) for g in got)
    assert "broken link" in got[0].reason and got[1].reason == "nowhere/at/all.txt: no such file or folder"


def test_an_unreadable_folder_is_reported_by_name_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("x")
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "b.txt").write_text("x")
    refuse_folder(monkeypatch, "shut")
    got = list(expand([str(tmp_path)], EXT))
    assert isinstance(got[0], Entry) and got[0].path.endswith("a.txt")
    assert isinstance(got[1], Rejected) and got[1].source.endswith("shut")
    assert "folder cannot be read (Permission denied), its files skipped" in got[1].reason

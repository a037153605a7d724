"""Only regular files are read: FIFOs, devices and links to them are rejected by name, never opened for long."""

from __future__ import annotations

import os

import pytest

from newsfuse.ingest import read_inputs
from newsfuse.ingest.errors import BadInput
from newsfuse.ingest.regular import open_regular, path_problem, printable_path

REPORT = "Floods cut the road between Mopti and Sevare on Monday, local officials said.\n"


def test_a_fifo_inside_a_folder_is_rejected_without_blocking_and_the_folder_is_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(REPORT)
    got = list(read_inputs([str(tmp_path)]))
    assert [type(x).__name__ for x in got] == ["RawDocument", "Rejected"]
    assert got[1].reason.endswith("pipe.txt: a FIFO (named pipe), not a regular file, skipped")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_rejected_as_a_device_not_read_until_memory_runs_out(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.warc")
    got = list(read_inputs([str(tmp_path), str(tmp_path / "zero.txt")]))
    assert len(got) == 4 and all("a character device, not a regular file" in r.reason for r in got)


def test_opening_a_fifo_that_replaced_a_listed_file_fails_at_once(tmp_path):
    os.mkfifo(tmp_path / "late.txt")  # no writer: a plain open() would wait forever
    with pytest.raises(BadInput, match="late.txt: a FIFO"):
        open_regular(str(tmp_path / "late.txt"), "late.txt")
    assert path_problem(str(tmp_path / "late.txt")) == "a FIFO (named pipe), not a regular file"


def test_a_file_name_with_undecodable_bytes_is_shown_with_escapes_and_still_read(tmp_path):
    raw = os.fsencode(tmp_path) + b"/bad\xffname.txt"
    with open(raw, "wb") as fh:
        fh.write(REPORT.encode())
    [doc] = read_inputs([str(tmp_path)])
    assert doc.source.endswith("bad\\xffname.txt") and doc.source.encode("utf-8")
    assert doc.content == REPORT


def test_printable_path_leaves_good_names_alone_and_escapes_stray_surrogates():
    assert printable_path("a/ré.txt") == "a/ré.txt"
    assert printable_path("a/\udcff.txt") == "a/\\xff.txt"
    assert printable_path("a/\ud800.txt").encode("utf-8")

"""read_inputs end to end: files, folders, globs; bad inputs become Rejected and the batch goes on."""

from __future__ import annotations

import gzip
import json
import os

from newsfuse.ingest import IngestSettings, read_inputs
from newsfuse.records import RawDocument, Rejected

REPORT = "Militants seized the al-Qaim border crossing on Friday, security sources said.\n"
PAGE = "<!DOCTYPE html><html><head><title>Qaim</title></head><body><p>" + REPORT + "</p></body></html>"


def read(paths, **settings):
    return list(read_inputs([str(p) for p in paths], IngestSettings(**settings)))


def docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def rejected(items):
    return [i for i in items if isinstance(i, Rejected)]


def test_text_and_html_files_get_their_kind_from_the_suffix(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.HTML").write_text(PAGE)
    (tmp_path / "c.htm").write_text(PAGE)
    got = read([tmp_path / "a.txt", tmp_path / "b.HTML", tmp_path / "c.htm"])
    assert [(d.kind, d.encoding) for d in got] == [("text", "utf-8"), ("html", "utf-8"), ("html", "utf-8")]
    assert got[0].content == REPORT
    assert got[0].source == str(tmp_path / "a.txt")


def test_a_folder_is_read_recursively_in_sorted_order_skipping_other_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("second " + REPORT)
    (tmp_path / "b" / "notes.md").write_text("not a report suffix")
    (tmp_path / "a.txt").write_text("first " + REPORT)
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main")
    got = read([tmp_path])
    assert [d.source for d in got] == [
        os.path.join(str(tmp_path), "a.txt"), os.path.join(str(tmp_path), "b", "z.txt"),
        os.path.join(str(tmp_path), "c.html"),
    ]
    assert not rejected(got)


def test_source_keeps_the_path_exactly_as_the_user_named_it(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(REPORT)
    monkeypatch.chdir(tmp_path)
    got = list(read_inputs(["in/", "./in/r.txt"], IngestSettings()))
    assert [d.source for d in got] == ["in/r.txt"]  # the same file reached twice is read once


def test_a_glob_expands_sorted_and_a_glob_matching_nothing_is_rejected(tmp_path):
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text(name + " " + REPORT)
    got = read([tmp_path / "*.txt", tmp_path / "*.nothing"])
    assert [os.path.basename(d.source) for d in docs(got)] == ["a.txt", "b.txt"]
    [miss] = rejected(got)
    assert "matches no file" in miss.reason and miss.stage == "ingest"


def test_the_same_page_read_twice_gets_the_same_id(tmp_path):
    (tmp_path / "one.txt").write_text(REPORT)
    (tmp_path / "two.txt").write_bytes(("\ufeff" + REPORT.replace("\n", "\r\n")).encode("utf-8"))
    a, b = read([tmp_path / "one.txt", tmp_path / "two.txt"])
    assert a.id == b.id and len(a.id) == 16
    assert b.encoding == "utf-8-sig"


def test_composed_and_decomposed_accents_get_the_same_id(tmp_path):
    (tmp_path / "nfc.txt").write_text("Mosul, Ninawa: caf\u00e9 attack")
    (tmp_path / "nfd.txt").write_text("Mosul, Ninawa: cafe\u0301 attack")
    a, b = read([tmp_path / "nfc.txt", tmp_path / "nfd.txt"])
    assert a.id == b.id and a.content == b.content


def test_bad_inputs_are_rejected_with_a_reason_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT)
    (tmp_path / "empty.txt").write_text("  \n\t\n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (tmp_path / "nul.html").write_bytes(b"<html>" + b"\x00\x01\x02" * 50)
    (tmp_path / "big.txt").write_text(REPORT * 100)
    (tmp_path / "after.txt").write_text("after " + REPORT)
    names = ["good.txt", "empty.txt", "photo.txt", "nul.html", "missing.txt", "big.txt", "after.txt"]
    got = read([tmp_path / n for n in names], max_bytes=2000)
    assert [os.path.basename(d.source) for d in docs(got)] == ["good.txt", "after.txt"]
    reasons = {os.path.basename(r.source): r.reason for r in rejected(got)}
    assert "empty or whitespace-only" in reasons["empty.txt"]
    assert "PNG image" in reasons["photo.txt"]
    assert "NUL bytes" in reasons["nul.html"]
    assert "no such file" in reasons["missing.txt"]
    assert "over the 0.0 MB limit" in reasons["big.txt"] or "limit" in reasons["big.txt"]
    assert all("\n" not in r for r in reasons.values())
    assert all(name in reason for name, reason in reasons.items())


def test_control_character_soup_is_rejected_as_binary(tmp_path):
    junk = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"some words"
    (tmp_path / "junk.txt").write_bytes(junk)
    [r] = read([tmp_path / "junk.txt"])
    assert isinstance(r, Rejected) and "control characters" in r.reason


def test_an_explicitly_named_unknown_suffix_is_sniffed(tmp_path):
    (tmp_path / "page.article").write_text(PAGE)
    (tmp_path / "wire.dat").write_text(REPORT)
    a, b = read([tmp_path / "page.article", tmp_path / "wire.dat"])
    assert (a.kind, b.kind) == ("html", "text")


def test_an_unknown_suffix_inside_a_folder_is_skipped_silently(tmp_path):
    (tmp_path / "page.article").write_text(PAGE)
    assert read([tmp_path]) == []


def test_gzipped_single_files_are_read_and_gzip_bombs_refused(tmp_path):
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 50_000))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(REPORT.encode() * 50)[:40])
    page, bomb, cut = read([tmp_path / "p.html.gz", tmp_path / "bomb.txt.gz", tmp_path / "cut.txt.gz"], max_bytes=10_000)
    assert page.kind == "html" and page.content == PAGE
    assert "decompresses to over" in bomb.reason
    assert "corrupt or truncated gzip" in cut.reason


def test_a_jsonl_file_yields_one_document_per_good_line(tmp_path):
    lines = [json.dumps({"text": REPORT, "url": "https://example.org/1", "outlet": "Example"}), "{broken", ""]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    got = read([tmp_path / "feed.jsonl"])
    assert [type(g).__name__ for g in got] == ["RawDocument", "Rejected"]
    assert got[0].source == f"{tmp_path / 'feed.jsonl'}#L1" and got[0].url == "https://example.org/1"
    assert got[1].source.endswith("#L2") and "malformed JSON" in got[1].reason


def test_a_lone_path_string_is_not_read_letter_by_letter(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    assert len(list(read_inputs(str(tmp_path / "a.txt"), IngestSettings()))) == 1


def test_a_file_without_read_permission_is_rejected(tmp_path):
    if os.geteuid() == 0:
        import pytest

        pytest.skip("root reads every file")
    p = tmp_path / "secret.txt"
    p.write_text(REPORT)
    p.chmod(0)
    [r] = read([p])
    assert "cannot be read" in r.reason


def test_stray_nul_characters_are_dropped_from_the_content(tmp_path):
    (tmp_path / "n.txt").write_bytes(REPORT.encode() * 20 + b"\x00end")
    [doc] = read([tmp_path / "n.txt"])
    assert "\x00" not in doc.content and doc.content.endswith("end")

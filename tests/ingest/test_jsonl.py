"""JSON Lines: one report a line, bad lines rejected one by one, the rest kept."""

from __future__ import annotations

import json

from newsfuse.ingest import read_inputs
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.records import RawDocument, Rejected

REPORT = "Two soldiers were wounded near Rutba on Saturday, police said."


def lines(*objs):
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs)


def test_metadata_fields_are_carried_onto_the_document():
    [doc] = read_jsonl(lines({"text": REPORT, "url": "https://x.org/a", "title": "Rutba", "published": "2014-06-22",
                              "outlet": "X News"}), "feed.jsonl", "utf-8")
    assert (doc.kind, doc.url, doc.title, doc.published, doc.outlet) == (
        "text", "https://x.org/a", "Rutba", "2014-06-22", "X News")
    assert doc.source == "feed.jsonl#L1" and doc.encoding == "utf-8"


def test_html_is_preferred_over_text_when_a_line_has_both():
    [doc] = read_jsonl(lines({"text": REPORT, "html": f"<p>{REPORT}</p>"}), "f.jsonl", "utf-8")
    assert doc.kind == "html" and doc.content == f"<p>{REPORT}</p>"


def test_each_bad_line_is_rejected_with_its_line_number_and_the_others_kept():
    text = lines(
        {"text": REPORT}, "{not json", {"title": "no body"}, {"text": 42}, [1, 2], {"text": "   "},
        {"text": REPORT, "url": 7}, "", {"html": "<p>kept</p>"},
    )
    got = list(read_jsonl(text, "f.jsonl", "utf-8"))
    assert [g.source for g in got if isinstance(g, RawDocument)] == ["f.jsonl#L1", "f.jsonl#L9"]
    reasons = {g.source: g.reason for g in got if isinstance(g, Rejected)}
    assert "malformed JSON" in reasons["f.jsonl#L2"]
    assert "no 'text' or 'html' field" in reasons["f.jsonl#L3"]
    assert "'text' is a JSON int" in reasons["f.jsonl#L4"]
    assert "not an object" in reasons["f.jsonl#L5"]
    assert "empty" in reasons["f.jsonl#L6"]
    assert "'url' is a JSON int" in reasons["f.jsonl#L7"]
    assert all(r.startswith("f.jsonl#L") for r in reasons.values())


def test_the_same_report_on_two_lines_gets_the_same_id():
    a, b = read_jsonl(lines({"text": REPORT}, {"text": REPORT, "outlet": "Other"}), "f.jsonl", "utf-8")
    assert a.id == b.id


def test_one_text_published_at_two_urls_is_two_reports_for_the_copies_stage_to_link():
    a, b = read_jsonl(lines({"text": REPORT, "url": "https://x.org/a"}, {"text": REPORT, "url": "https://y.org/b"}),
                      "f.jsonl", "utf-8")
    assert a.id != b.id


def _read(path, **kw):
    from newsfuse.ingest import IngestSettings, read_inputs

    return list(read_inputs([str(path)], IngestSettings(**kw)))


def test_a_jsonl_file_larger_than_max_bytes_is_streamed_and_only_an_overlong_line_rejected(tmp_path):
    path = tmp_path / "dump.jsonl"
    short = [json.dumps({"text": f"{REPORT} ({i})"}) for i in range(40)]
    long = json.dumps({"text": "word " * 1000})
    path.write_text("\n".join(short[:20] + [long] + short[20:]) + "\n")
    got = _read(path, max_bytes=1000)
    assert sum(isinstance(g, RawDocument) for g in got) == 40
    [r] = [g for g in got if isinstance(g, Rejected)]
    assert r.source.endswith("#L21") and "line over" in r.reason


def test_gzipped_jsonl_is_streamed_and_a_cut_one_keeps_the_lines_before_the_damage(tmp_path):
    import gzip

    body = "\n".join(json.dumps({"text": f"{REPORT} ({i})", "filler": "z" * i * 50}) for i in range(60)).encode()
    (tmp_path / "ok.jsonl.gz").write_bytes(gzip.compress(body))
    assert len(_read(tmp_path / "ok.jsonl.gz")) == 60
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(body)[:-200])
    got = _read(tmp_path / "cut.jsonl.gz")
    assert 0 < sum(isinstance(g, RawDocument) for g in got) < 60
    assert isinstance(got[-1], Rejected) and "cut.jsonl.gz: corrupt or truncated gzip" in got[-1].reason


def test_a_jsonl_line_in_a_legacy_encoding_is_detected_and_utf16_files_are_read(tmp_path):
    line = json.dumps({"text": "Le bilan s'élève à quinze morts à Hawija, selon la police irakienne."}, ensure_ascii=False)
    (tmp_path / "win.jsonl").write_bytes(line.encode("cp1252") + b"\n")
    (tmp_path / "u16.jsonl").write_bytes((line + "\n" + line + "\n").encode("utf-16"))
    [a] = _read(tmp_path / "win.jsonl")
    b1, b2 = _read(tmp_path / "u16.jsonl")
    assert "élève" in a.content and a.encoding == "cp1252"
    assert b1.content == a.content and b1.encoding == "utf-16" and b2.source.endswith("#L2")


def test_a_binary_file_named_jsonl_is_rejected_once_not_line_by_line(tmp_path):
    import os

    (tmp_path / "x.jsonl").write_bytes(b"PK\x03\x04" + os.urandom(5000))
    [r] = _read(tmp_path / "x.jsonl")
    assert "ZIP" in r.reason and r.source == str(tmp_path / "x.jsonl")


def test_hostile_lines_are_rejected_one_by_one_and_later_lines_are_kept(tmp_path):
    deep = "[" * 200_000 + "]" * 200_000
    huge = '{"text": "a report", "n": ' + "9" * 10_000 + "}"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(lines({"text": REPORT}, deep, huge, {"text": REPORT + " Later."}) + "\n")
    got = list(read_inputs([str(feed)]))
    assert [type(x).__name__ for x in got] == ["RawDocument", "Rejected", "Rejected", "RawDocument"]
    assert got[1].reason == "feed.jsonl#L2: JSON nested too deeply to read"
    assert got[2].reason.startswith("feed.jsonl#L3: unreadable JSON value (Exceeds the limit (4300 digits)")
    assert got[3].source.endswith("#L4")


def test_a_lone_surrogate_becomes_a_replacement_character_and_the_line_is_kept():
    [doc] = read_jsonl('{"text": "Rutba \\ud800 report", "outlet": "X \\udfff"}', "f.jsonl", "utf-8")
    assert doc.content == "Rutba \ufffd report" and doc.outlet == "X \ufffd"
    assert doc.content.encode("utf-8")


def test_a_jsonl_file_in_utf16_without_a_bom_is_read_line_by_line(tmp_path):
    (tmp_path / "u.jsonl").write_bytes((lines({"text": REPORT}, {"text": REPORT + "!"}) + "\n").encode("utf-16-le"))
    got = list(read_inputs([str(tmp_path / "u.jsonl")]))
    assert [d.content for d in got] == [REPORT, REPORT + "!"] and got[0].encoding == "utf-16-le"

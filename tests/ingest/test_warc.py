"""WARC archives: HTML/text responses become documents; damage keeps what came before it."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import IngestSettings, read_inputs
from newsfuse.records import RawDocument, Rejected

BODY = "<html><body><p>Report {n}: fighting near Tal Afar; {n} killed, officials said. {pad}</p></body></html>"


def write_warc(path, gz: bool, records) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, status, ctype, body, rec_type in records:
        if rec_type == "response":
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        else:
            rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), warc_content_type=ctype)
        writer.write_record(rec)
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def page(n: int, codec: str = "utf-8") -> bytes:
    return BODY.format(n=n, pad="x" * 3000).encode(codec)


def crawl(n: int = 3):
    return [(f"https://news.example/{i}", "200 OK", "text/html; charset=utf-8", page(i), "response") for i in range(n)]


def read(path, **kw):
    return list(read_inputs([str(path)], IngestSettings(**kw)))


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_documents_sourced_by_their_url(tmp_path, gz):
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    write_warc(path, gz, crawl(3))
    got = read(path)
    assert [(d.source, d.url, d.kind) for d in got] == [
        (f"https://news.example/{i}", f"https://news.example/{i}", "html") for i in range(3)
    ]
    assert got[1].content == page(1).decode()


def test_redirects_images_and_non_response_records_are_skipped(tmp_path):
    path = tmp_path / "mixed.warc.gz"
    write_warc(path, True, [
        ("https://news.example/old", "301 Moved Permanently", "text/html", b"", "response"),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50), "response"),
        ("https://news.example/req", "", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n", "request"),
        ("https://news.example/note.txt", "", "text/plain", b"Resource record: a plain-text wire report.", "resource"),
        ("https://news.example/a", "200 OK", "text/html", page(1), "response"),
    ])
    got = read(path)
    assert [(d.source, d.kind) for d in got] == [("https://news.example/note.txt", "text"), ("https://news.example/a", "html")]


def test_the_http_charset_header_decodes_a_legacy_page(tmp_path):
    arabic = "<html><body><p>قتل خمسة عشر شخصا في الحويجة</p></body></html>".encode("cp1256")
    path = tmp_path / "ar.warc"
    write_warc(path, False, [("https://ar.example/1", "200 OK", "text/html; charset=windows-1256", arabic, "response")])
    [doc] = read(path)
    assert "الحويجة" in doc.content and doc.encoding == "cp1256"


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_warc_keeps_the_records_before_the_damage_then_is_rejected(tmp_path, gz):
    full = write_warc(tmp_path / "full.warc", gz, crawl(3))
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(full[: int(len(full) * 0.8)])  # the last record loses its tail
    got = read(cut)
    kept = [g for g in got if isinstance(g, RawDocument)]
    assert [d.source for d in kept] == ["https://news.example/0", "https://news.example/1"]
    assert isinstance(got[-1], Rejected)
    assert "cut.warc" in got[-1].reason and "truncated" in got[-1].reason and "kept the 2 reports" in got[-1].reason


def test_a_file_that_is_not_a_warc_is_rejected_without_reading_it_as_records(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive at all\n" * 10)
    [r] = read(path)
    assert isinstance(r, Rejected) and "fake.warc: not a WARC/ARC archive" in r.reason


def test_a_gzip_that_holds_no_warc_is_rejected(tmp_path):
    import gzip

    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"<html>a saved page, not a crawl</html>"))
    [r] = read(path)
    assert "not a WARC/ARC archive" in r.reason


def test_a_corrupt_record_header_midway_keeps_the_earlier_records(tmp_path):
    full = write_warc(tmp_path / "x.warc", False, crawl(3))
    second = full.index(b"WARC/1", 10)
    bad = full[:second] + b"GARBAGE HEADER\r\n" + full[second + 20 :]
    path = tmp_path / "bad.warc"
    path.write_bytes(bad)
    got = read(path)
    assert isinstance(got[0], RawDocument) and got[0].source == "https://news.example/0"
    assert isinstance(got[-1], Rejected) and "bad.warc" in got[-1].reason and "kept the 1 reports" in got[-1].reason


def test_an_oversized_record_is_rejected_and_the_rest_read(tmp_path):
    records = crawl(2)
    records.insert(1, ("https://news.example/huge", "200 OK", "text/html", page(9) * 10, "response"))
    path = tmp_path / "big.warc.gz"
    write_warc(path, True, records)
    got = read(path, max_bytes=10_000)
    assert [type(g).__name__ for g in got] == ["RawDocument", "Rejected", "RawDocument"]
    assert "over the" in got[1].reason and got[1].source == "https://news.example/huge"


def test_a_gzip_encoded_body_is_bounded_on_its_decoded_size_and_later_records_kept(tmp_path):
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(b"<p>" + b"a" * 3_000_000) + packer.flush()  # 3 MB from a few KB
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://bomb.example/", "response", payload=io.BytesIO(bomb),
                                                  http_headers=headers))
    for uri, status, ctype, body, _ in crawl(1):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    (tmp_path / "bomb.warc").write_bytes(buf.getvalue())
    assert len(bomb) < 20_000
    rejected, doc = read(tmp_path / "bomb.warc", max_bytes=1_000_000)
    assert rejected.reason == "https://bomb.example/: HTTP body decodes to over 1.0 MB (IngestSettings.max_bytes)"
    assert isinstance(doc, RawDocument) and doc.url == "https://news.example/0"


def test_a_response_without_target_uri_is_named_as_such_not_as_an_attribute_error(tmp_path):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    record = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n" % (len(http), http)
    (tmp_path / "liar.warc").write_bytes(record)
    [r] = read(tmp_path / "liar.warc")
    assert r.reason == ("liar.warc: corrupt WARC: record 1 is an HTTP response without a WARC-Target-URI; "
                        "kept the 0 reports before it")


def test_a_content_length_too_big_for_an_integer_is_named(tmp_path):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    (tmp_path / "big.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
                                        b"Content-Length: 99999999999999999999\r\n\r\n" + http + b"\r\n\r\n")
    [r] = read(tmp_path / "big.warc")
    assert "record 1 has a Content-Length that is not a usable size" in r.reason

"""Fuzz: thousands of generated hostile inputs through ingest and clean; nothing raises, hangs or goes unnamed.

Each example is a folder of generated files (random bytes, broken encodings, markup and escape
sequences, deep JSON, huge numbers, lone surrogates, liar WARC headers, gzip members), read by
``read_inputs`` and cleaned by ``clean_documents`` in one batch. Derandomised so CI is repeatable;
NEWSFUSE_FUZZ_EXAMPLES raises the count for a longer local hunt.
"""

from __future__ import annotations

import gzip
import json
import os
import time
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean import CleanSettings, clean_documents
from newsfuse.ingest import IngestSettings, read_inputs
from newsfuse.records import Document, RawDocument, Rejected

EXAMPLES = int(os.environ.get("NEWSFUSE_FUZZ_EXAMPLES", "120"))
FILES_PER_EXAMPLE = 40  # so EXAMPLES x 40 hostile inputs (4,800 by default)

# pieces an attacker or a broken crawler puts in reports
FRAGMENTS = [
    b"[/b]", b"[bold red]", b"[/]", b"\x1b[2J", b"\x1b]8;;http://x\x07", b"\r", b"\n", b"\x00", b"\x7f", b"\xc2\x9b",
    b"\xe2\x80\xae", b"\xed\xa0\x80", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xe9",
    b"<script>alert(1)</script>", b"<a href=\"javascript:alert(1)\">x</a>", b"<meta charset=\"utf-16\">",
    b"<meta charset=\"x-unknown\">", b"<html><body>", b"</p>", b"<p>", b"<!--", b"]]>", b"<![CDATA[", b"&#xD800;",
    b"&#0;", b"&#x110000;", b"=HYPERLINK(\"x\")", b"@SUM(1)", b"+1", b"-", b"WARC/1.0\r\n", b"Content-Length: ",
    b"99999999999999999999", b"-5", b"\x1f\x8b", b"PK\x03\x04", b"%PDF-", b"{", b"[", b"\"", b"\\ud800", b"\\u0000",
    b"Gunmen attacked a checkpoint near Gao on Friday, killing four soldiers, the army said. ",
    b"Floods cut the road between Mopti and Sevare on Monday, officials said. ",
]
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".jsonl.gz", ".arc"]

fragment_bytes = st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=40), max_size=40).map(b"".join)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "html", "outlet", "url",
                                                                                 "title", "published", "x"]),
                                                                inner, max_size=5),
    max_leaves=12,
)


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            lines.append(json.dumps(draw(json_value)).encode())
        elif kind == 1:  # deep nesting, bounded for test time
            depth = draw(st.integers(1000, 20000))
            lines.append(b"[" * depth + b"]" * depth)
        elif kind == 2:
            lines.append(b'{"text": "a report", "n": ' + b"9" * draw(st.integers(4000, 6000)) + b"}")
        elif kind == 3:
            text = draw(fragment_bytes).decode("latin-1").replace("\\", "\\\\").replace('"', '\\"')
            lines.append(('{"text": "' + text + '", "outlet": "Outlet [/red] \\ud800"}').encode("utf-8", "replace"))
        else:
            lines.append(draw(fragment_bytes))
    return b"\n".join(lines)


@st.composite
def warc_bytes(draw) -> bytes:
    body = draw(fragment_bytes)
    if draw(st.booleans()):
        packer = zlib.compressobj(6, zlib.DEFLATED, 31)
        body = packer.compress(body + b"a" * draw(st.integers(0, 200_000))) + packer.flush()
        encoding = b"Content-Encoding: gzip\r\n"
    else:
        encoding = b""
    http = b"HTTP/1.1 " + draw(st.sampled_from([b"200 OK", b"404 Not Found", b"abc"])) + b"\r\nContent-Type: " + \
        draw(st.sampled_from([b"text/html", b"text/plain", b"image/png", b""])) + b"\r\n" + encoding + b"\r\n" + body
    length = draw(st.sampled_from([str(len(http)).encode(), b"0", b"-1", b"abc", b"99999999", str(len(http) // 2).encode()]))
    uri = draw(st.sampled_from([b"WARC-Target-URI: http://news.example/[/b]\r\n", b"", b"WARC-Target-URI: \x1b[31m\r\n"]))
    rec_type = draw(st.sampled_from([b"response", b"resource", b"request", b"\xff"]))
    return b"WARC/1.0\r\nWARC-Type: " + rec_type + b"\r\n" + uri + b"Content-Length: " + length + b"\r\n\r\n" + http + \
        b"\r\n\r\n" + draw(fragment_bytes)


@st.composite
def hostile_file(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(SUFFIXES))
    base = suffix.removesuffix(".gz")
    if base == ".jsonl":
        data = draw(jsonl_bytes())
    elif base in (".warc", ".arc"):
        data = draw(warc_bytes())
    else:
        data = draw(fragment_bytes)
        if draw(st.integers(0, 5)) == 0:
            data = data.decode("latin-1").encode(draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-16", "cp1252"])),
                                                 "replace")
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]  # truncated gzip
    return suffix, data


def _encodable(*texts: str) -> None:
    for text in texts:
        text.encode("utf-8")  # raises on lone surrogates: the store and the terminal would too


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(files=st.lists(hostile_file(), min_size=FILES_PER_EXAMPLE, max_size=FILES_PER_EXAMPLE))
def test_no_generated_hostile_input_crashes_hangs_or_goes_unnamed_in_ingest_and_clean(tmp_path_factory, files):
    folder: Path = tmp_path_factory.mktemp("fuzz")
    for i, (suffix, data) in enumerate(files):
        name = f"f{i:02d}[bold]\x1b[31m\udcff{suffix}" if i % 7 == 0 else f"f{i:02d}{suffix}"
        (folder / name).write_bytes(data)
    started = time.perf_counter()
    items = list(read_inputs([str(folder)], IngestSettings(max_bytes=1_000_000)))
    assert time.perf_counter() - started < 30
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        _encodable(item.source)
        if isinstance(item, Rejected):
            assert item.stage == "ingest" and item.reason.strip()
            _encodable(item.reason)
        else:
            _encodable(item.content, *(v for v in (item.title, item.outlet, item.url) if v))
    raws = [item for item in items if isinstance(item, RawDocument)]
    cleaned = list(clean_documents(raws, CleanSettings(workers=1, timeout_seconds=10)))
    assert len(cleaned) == len(raws)
    for raw, out in zip(raws, cleaned, strict=True):
        assert isinstance(out, Document | Rejected) and out.source == raw.source
        if isinstance(out, Document):
            _encodable(out.text, *(v for v in (out.title, out.outlet, out.byline) if v))
        else:
            _encodable(out.reason)

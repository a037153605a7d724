"""Reports as JSON Lines: one object a line with ``text`` or ``html`` and optional metadata.

Files are streamed line by line, so a dump of many reports may be far larger
than ``max_bytes``; the limit applies to each line.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterator
from contextlib import nullcontext
from typing import BinaryIO

from newsfuse.ingest.decode import bom_encoding, decode, utf16_without_bom
from newsfuse.ingest.errors import BadInput
from newsfuse.ingest.ids import normalise, record_id
from newsfuse.ingest.payload import mb, to_text
from newsfuse.ingest.regular import open_regular
from newsfuse.ingest.settings import IngestSettings
from newsfuse.ingest.sniff import binary_reason
from newsfuse.records import RawDocument, Rejected


def read_jsonl_file(path: str, source: str, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Stream a .jsonl (or .jsonl.gz) file; damage to a gzip keeps the lines before it."""
    name = os.path.basename(source)
    gz = path.lower().endswith(".gz")
    lineno = 0
    try:
        with open_regular(path, name) as raw_fh, (gzip.GzipFile(fileobj=raw_fh) if gz else nullcontext(raw_fh)) as fh:
            head = _head(fh, 65536)
            if not head.strip():
                raise BadInput(f"{name}: empty or whitespace-only")
            if bom_encoding(head) in ("utf-16", "utf-32") or utf16_without_bom(head):
                # lines cannot be split on b"\n" in UTF-16/32: read it whole (bounded)
                data = head + fh.read(settings.max_bytes + 1 - len(head))
                if len(data) > settings.max_bytes:
                    raise BadInput(f"{name}: UTF-16/32 JSONL over {mb(settings.max_bytes)} (IngestSettings.max_bytes)")
                decoded = to_text(data, name, settings.max_control_share)
                yield from read_jsonl(decoded.text, source, decoded.encoding)
                return
            reason = binary_reason(head, settings.max_control_share)
            if reason:
                raise BadInput(f"{name}: {reason}")
            fh.seek(0)
            for lineno, raw in _lines(fh, settings.max_bytes):
                where = f"{source}#L{lineno}"
                short = f"{name}#L{lineno}"  # reasons name the file, not the whole path again
                if raw is None:
                    yield Rejected(where, "ingest", f"{short}: line over {mb(settings.max_bytes)} (IngestSettings.max_bytes)")
                    continue
                if lineno == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                try:
                    line, encoding = raw.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:  # JSON should be UTF-8; Windows exports sometimes are not
                    try:
                        d = decode(raw, short)
                    except BadInput as err:
                        yield Rejected(where, "ingest", str(err))
                        continue
                    line, encoding = d.text, d.encoding
                yield _document(line, where, encoding)
    except BadInput as err:
        yield Rejected(source, "ingest", str(err))
    except (EOFError, OSError, zlib.error) as err:
        yield Rejected(source, "ingest", f"{name}: corrupt or truncated gzip after line {lineno} ({err})")


def _head(fh: BinaryIO, n: int) -> bytes:
    """Up to ``n`` first bytes; what could be read of a damaged gzip (the damage is reported later)."""
    buf = bytearray()
    try:
        while len(buf) < n:
            chunk = fh.read(4096)
            if not chunk:
                break
            buf += chunk
    except (EOFError, OSError, zlib.error):
        pass
    return bytes(buf)


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line longer than ``limit`` (never held whole)."""
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line in bounded pieces
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, raw


def _document(line: str, where: str, encoding: str) -> RawDocument | Rejected:
    short = os.path.basename(where)
    try:
        item = _line(line, where)
    except Exception as err:  # one bad line never drops the lines after it
        item = f"unreadable line ({type(err).__name__}: {err})"
    if isinstance(item, str):
        return Rejected(where, "ingest", f"{short}: {item}")
    content, kind, meta = item
    return RawDocument(id=record_id(content, meta.get("url"), meta.get("title")), source=where, content=content, kind=kind, encoding=encoding, **meta)


# A lone UTF-16 surrogate ("\ud800" in JSON) is not Unicode: no UTF-8 writer accepts it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _unicode(value: str) -> str:
    """``value`` with lone surrogates replaced by U+FFFD, as a browser does with broken UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", value)


_META_FIELDS = ("url", "title", "published", "outlet")


def read_jsonl(text: str, source: str, encoding: str) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per good line (source ``path#L<n>``); one Rejected per bad line."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue  # blank lines (and the final newline) are not reports
        yield _document(line, f"{source}#L{lineno}", encoding)


def _line(line: str, where: str) -> tuple[str, str, dict[str, str | None]] | str:
    """(content, kind, metadata) of one line, or the reason it is unusable."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return f"malformed JSON ({err.msg} at column {err.colno})"
    except RecursionError:
        return "JSON nested too deeply to read"
    except ValueError as err:  # integers past sys.get_int_max_str_digits() (4300 digits)
        return f"unreadable JSON value ({str(err).split(';')[0]})"
    if not isinstance(obj, dict):
        return f"a JSON {type(obj).__name__}, not an object with text or html"
    # html is preferred when both are given: it keeps the metadata the cleaner reads
    for key, kind in (("html", "html"), ("text", "text")):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"'{key}' is a JSON {type(value).__name__}, not a string"
        if value.strip():
            meta: dict[str, str | None] = {}
            for field in _META_FIELDS:
                v = obj.get(field)
                if v is not None and not isinstance(v, str):
                    return f"'{field}' is a JSON {type(v).__name__}, not a string"
                meta[field] = _unicode(v).strip() or None if isinstance(v, str) else None
            return normalise(_unicode(value)), kind, meta
    if "html" in obj or "text" in obj:
        return "'text'/'html' is empty or whitespace-only"
    return "no 'text' or 'html' field"

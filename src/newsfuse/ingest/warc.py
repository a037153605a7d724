"""Reports inside WARC / ARC crawl archives (plain or gzip), read with warcio."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from newsfuse.ingest.decode import charset_from_header
from newsfuse.ingest.errors import BadInput
from newsfuse.ingest.ids import content_id
from newsfuse.ingest.payload import mb, to_text
from newsfuse.ingest.regular import open_regular
from newsfuse.ingest.settings import IngestSettings
from newsfuse.ingest.sniff import looks_like_html
from newsfuse.records import RawDocument, Rejected


def read_warc(path: str, source: str, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per HTML/text response; records before any damage are kept.

    A truncated or corrupt archive ends with one Rejected for the file naming
    how many records were read before the damage.
    """
    name = os.path.basename(source)
    problem = _not_an_archive(path)
    if problem:
        yield Rejected(source, "ingest", f"{name}: not a WARC/ARC archive ({problem})")
        return
    kept = n = 0
    try:
        with open_regular(path, name) as fh:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True), 1):
                item = _record(record, n, source, settings)
                if item is None:
                    continue
                if isinstance(item, RawDocument):
                    kept += 1
                yield item
    except _Truncated as err:
        yield Rejected(source, "ingest", f"{name}: truncated WARC: {err}; kept the {kept} reports before it")
        return
    except Exception as err:  # warcio raises many types on junk (ArchiveLoadFailed, ValueError, AttributeError...)
        yield Rejected(
            source, "ingest", f"{name}: corrupt WARC: record {n + 1} {_damage(err)}; kept the {kept} reports before it"
        )
        return
    if path.lower().endswith(".gz"):
        problem = _gzip_damage(path)
        if problem:
            yield Rejected(source, "ingest", f"{name}: truncated WARC ({problem}); kept the {kept} reports before it")


class _Truncated(Exception):
    pass


def _record(record, n: int, source: str, settings: IngestSettings) -> RawDocument | Rejected | None:
    """The report in one record, a Rejected for a bad one, None for records that hold no report."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = uri or f"{source}#record{n}"
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            _drain(record, n)
            return None  # redirects and errors carry no report
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None  # warcinfo, request, metadata, revisit: no page body
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in settings.warc_media_types:
        _drain(record, n)
        return None  # images, scripts, CSS: not reports
    if record.length is not None and record.length > settings.max_bytes:
        _drain(record, n)
        return Rejected(where, "ingest", f"{where}: record is {mb(record.length)}, over the {mb(settings.max_bytes)} limit (IngestSettings.max_bytes)")
    try:
        # bounded on the decoded size: a Content-Encoding gzip body may inflate a thousandfold
        data = record.content_stream().read(settings.max_bytes + 1)
    except Exception as err:  # bad chunked / content-encoding inside one record
        _drain(record, n)
        return Rejected(where, "ingest", f"{where}: unreadable HTTP body ({type(err).__name__}: {err})")
    _drain(record, n)
    if len(data) > settings.max_bytes:
        return Rejected(
            where, "ingest",
            f"{where}: HTTP body decodes to over {mb(settings.max_bytes)} (IngestSettings.max_bytes)",
        )
    try:
        decoded = to_text(
            data, where, settings.max_control_share,
            header_charset=charset_from_header(content_type), html=media != "text/plain",
        )
    except BadInput as err:
        return Rejected(where, "ingest", str(err))
    kind = "html" if media in ("text/html", "application/xhtml+xml") or (
        not media and looks_like_html(decoded.text)
    ) else "text"
    # WARC-Date is when the page was crawled, not published: leave publication dates to clean
    return RawDocument(
        id=content_id(decoded.text), source=where, content=decoded.text, kind=kind,
        url=uri, encoding=decoded.encoding,
    )


def _damage(err: Exception) -> str:
    """What a warcio error says about the record it stopped at, in words."""
    if isinstance(err, AttributeError) and "startswith" in str(err):
        return "is an HTTP response without a WARC-Target-URI"
    if isinstance(err, OverflowError | ValueError) and "ArchiveLoadFailed" not in type(err).__name__:
        return f"has a Content-Length that is not a usable size ({err})"
    if type(err).__name__ == "ArchiveLoadFailed":
        return f"cannot be parsed (a Content-Length that lies about the record's size?): {err}"
    return f"cannot be read ({type(err).__name__}: {err})"


def _drain(record, n: int) -> None:
    """Read the rest of the record; a payload shorter than its Content-Length means truncation."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise _Truncated(f"record {n} ends {stream.limit} bytes short of its Content-Length")


def _not_an_archive(path: str) -> str | None:
    """Why the file cannot be a WARC or ARC, from its first bytes; None if it can.

    warcio is lenient and reads any text as ARC records, so junk must be caught here.
    """
    try:
        with open_regular(path, os.path.basename(path)) as fh:
            head = fh.read(64)
            if head.startswith(b"\x1f\x8b"):
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(64)
    except BadInput as err:
        return str(err).split(": ", 1)[-1]
    except (EOFError, OSError, zlib.error) as err:
        return f"unreadable gzip: {err}"
    if not head.strip():
        return "empty"
    if head.startswith((b"WARC/", b"filedesc://")):
        return None
    return f"starts with {head[:20]!r}"


def _gzip_damage(path: str) -> str | None:
    """Why a .gz archive is damaged, or None.

    warcio stops quietly at a gzip member cut short, so a second decompressing
    pass is the only way to tell a cut archive from a complete one.
    """
    try:
        with open_regular(path, os.path.basename(path)) as raw, gzip.GzipFile(fileobj=raw) as fh:
            while fh.read(1 << 20):
                pass
    except (BadInput, EOFError, OSError, zlib.error) as err:
        return str(err)
    return None

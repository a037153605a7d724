"""Reading one file: choosing the reader by suffix (or by sniffing) and rejecting bad ones."""

from __future__ import annotations

import os
from collections.abc import Iterator

from newsfuse.ingest.errors import BadInput
from newsfuse.ingest.ids import content_id
from newsfuse.ingest.jsonl import read_jsonl_file
from newsfuse.ingest.paths import Entry
from newsfuse.ingest.payload import gunzip, mb, to_text
from newsfuse.ingest.regular import open_regular
from newsfuse.ingest.settings import IngestSettings
from newsfuse.ingest.sniff import looks_like_html
from newsfuse.ingest.warc import read_warc
from newsfuse.records import RawDocument, Rejected

_ARCHIVES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}


def read_file(entry: Entry, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    source, name = entry.source, os.path.basename(entry.source)  # source: printable even for non-UTF-8 names
    lower = entry.path.lower()
    if lower.endswith(_ARCHIVES):
        yield from read_warc(entry.path, source, settings)
        return
    if lower.endswith((".jsonl", ".jsonl.gz")):
        yield from read_jsonl_file(entry.path, source, settings)
        return
    try:
        yield from _read_single(entry, lower, name, settings)
    except BadInput as err:
        yield Rejected(source, "ingest", str(err))


def _read_single(entry: Entry, lower: str, name: str, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    with open_regular(entry.path, name) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > settings.max_bytes:
            raise BadInput(f"{name}: {mb(size)}, over the {mb(settings.max_bytes)} limit (IngestSettings.max_bytes)")
        try:
            data = fh.read(settings.max_bytes + 1)  # bounded even if the file grows while read
        except OSError as err:
            raise BadInput(f"{name}: cannot be read ({err.strerror or err})") from None
    if len(data) > settings.max_bytes:
        raise BadInput(f"{name}: over the {mb(settings.max_bytes)} limit (IngestSettings.max_bytes)")
    if lower.endswith(".gz"):
        data = gunzip(data, name, settings.max_bytes)
        lower = lower[:-3]
    kind = _KINDS.get(os.path.splitext(lower)[1])
    decoded = to_text(data, name, settings.max_control_share, html=kind != "text")
    if kind is None:  # named explicitly with a suffix we do not know: look at it
        kind = "html" if looks_like_html(decoded.text) else "text"
    yield RawDocument(
        id=content_id(decoded.text), source=entry.source, content=decoded.text, kind=kind, encoding=decoded.encoding
    )

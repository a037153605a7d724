"""Ingest: the paths a user names -> one RawDocument per report, or a Rejected saying why not.

Files, folders (recursive, sorted), globs; .txt, .html/.htm, .jsonl, .warc/.arc
(plain or .gz), single files gzipped. Encodings are detected, not assumed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from newsfuse.ingest.files import read_file
from newsfuse.ingest.paths import expand
from newsfuse.ingest.settings import IngestSettings
from newsfuse.records import RawDocument, Rejected

__all__ = ["IngestSettings", "list_inputs", "read_inputs"]


def read_inputs(paths: Sequence[str], settings: IngestSettings | None = None) -> Iterator[RawDocument | Rejected]:
    """Every report under ``paths`` in a repeatable order; bad inputs become Rejected, never errors."""
    settings = settings or IngestSettings()
    if isinstance(paths, str | os.PathLike):  # a lone path would otherwise be read letter by letter
        paths = [paths]
    for item in expand([os.fspath(p) for p in paths], settings.extensions, settings.skip_hidden):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield from read_file(item, settings)
        except Exception as err:  # one unreadable file must not stop the batch
            yield Rejected(
                item.source, "ingest",
                f"{os.path.basename(item.source)}: unexpected {type(err).__name__} while reading: {err}",
            )


def list_inputs(paths: Sequence[str], settings: IngestSettings | None = None) -> list[str]:
    """The files ``read_inputs`` would read, in its order, for drivers that spread them out.

    A path that names nothing is kept as given, so ``read_inputs`` on it yields the
    same Rejected the local driver stores.
    """
    settings = settings or IngestSettings()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    return [
        item.source if isinstance(item, Rejected) else item.path
        for item in expand([os.fspath(p) for p in paths], settings.extensions, settings.skip_hidden)
    ]

"""The input files of a run, listed on the driver so Spark can spread them over partitions.

The ingest stage expands paths itself (``read_inputs``) but exports no listing function, so
this mirrors its rules (folders recursive and sorted by path components, hidden entries
skipped, only known suffixes inside folders and globs, a file reached twice read once).
A path that names nothing is passed through untouched: ``read_inputs`` on it in the
partition yields the same Rejected the local driver would store.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence

from newsfuse.ingest import IngestSettings


def list_inputs(paths: Sequence[str], settings: IngestSettings) -> list[str]:
    """One entry per file to read, in the order the local driver reads them."""
    if isinstance(paths, str | os.PathLike):  # a lone path would otherwise be split into letters
        paths = [paths]
    seen: set[str] = set()
    out: list[str] = []
    for given in paths:
        for path in _expand_one(os.fspath(given), settings):
            if os.path.isfile(path):
                key = os.path.realpath(path)
                if key in seen:
                    continue
                seen.add(key)
            out.append(path)
    return out


def _has_suffix(name: str, extensions: Sequence[str]) -> bool:
    lower = name.lower()
    return any(lower.endswith(ext) for ext in extensions)


def _expand_one(given: str, settings: IngestSettings) -> Iterator[str]:
    if os.path.isdir(given):
        yield from _walk(given, settings)
    elif os.path.isfile(given) or not glob.has_magic(given):
        yield given  # a file, or a missing / broken path for read_inputs to reject by name
    else:
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield given  # read_inputs rejects the empty glob with its own message
        suffix = os.path.splitext(given)[1]
        literal_suffix = bool(suffix) and not glob.has_magic(suffix)
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, settings)
            elif literal_suffix or _has_suffix(match, settings.extensions):
                yield match


def _walk(folder: str, settings: IngestSettings) -> Iterator[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not (settings.skip_hidden and d.startswith("."))]
        rel = os.path.relpath(root, folder)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in files:
            if not (settings.skip_hidden and name.startswith(".")) and _has_suffix(name, settings.extensions):
                found.append(((*parts, name), os.path.join(root, name)))
    for _, path in sorted(found):
        yield path

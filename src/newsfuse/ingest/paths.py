"""Expanding the paths a user gave (files, folders, globs) into the files to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.ingest.regular import path_problem, printable_path
from newsfuse.records import Rejected


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # the path as the user named it (folder members: joined onto the folder as given)
    path: str
    explicit: bool  # named by the user: an unknown suffix is sniffed rather than skipped


def has_suffix(name: str, extensions: Sequence[str]) -> bool:
    lower = name.lower()
    return any(lower.endswith(ext) for ext in extensions)


def expand(paths: Sequence[str], extensions: Sequence[str], skip_hidden: bool = True) -> Iterator[Entry | Rejected]:
    """Every file to read, in a deterministic order; a Rejected for a path that names nothing.

    A file reached twice (named and inside a named folder) is read once.
    """
    seen: set[str] = set()
    for given in paths:
        for item in _expand_one(given, extensions, skip_hidden):
            if isinstance(item, Entry):
                key = os.path.realpath(item.path)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _expand_one(given: str, extensions: Sequence[str], skip_hidden: bool) -> Iterator[Entry | Rejected]:
    shown = printable_path(given)
    if os.path.isdir(given):
        yield from _walk(given, extensions, skip_hidden)
    elif os.path.isfile(given):
        yield Entry(shown, given, explicit=True)
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield Rejected(shown, "ingest", f"{shown}: the glob matches no file or folder")
        # a pattern ending in a literal suffix ("*.article") asks for those files by name
        suffix = os.path.splitext(given)[1]
        literal_suffix = bool(suffix) and not glob.has_magic(suffix)
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, extensions, skip_hidden)
            elif literal_suffix or has_suffix(match, extensions):
                yield _entry(match, explicit=literal_suffix)
    elif os.path.lexists(given):
        problem = path_problem(given) or "not a regular file or folder"
        yield Rejected(shown, "ingest", f"{shown}: {problem}")
    else:
        yield Rejected(shown, "ingest", f"{shown}: no such file or folder")


def _entry(path: str, explicit: bool) -> Entry | Rejected:
    """An Entry for a regular file; a Rejected for FIFOs, devices, sockets and broken links."""
    shown = printable_path(path)
    problem = path_problem(path)
    if problem:
        return Rejected(shown, "ingest", f"{shown}: {problem}, skipped")
    return Entry(shown, path, explicit=explicit)


def _walk(folder: str, extensions: Sequence[str], skip_hidden: bool) -> Iterator[Entry | Rejected]:
    """Files under ``folder`` with a known suffix, sorted by path components so runs are repeatable.

    A sub-folder that cannot be listed is reported (after the files), never skipped silently.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        dirs[:] = [d for d in dirs if not (skip_hidden and d.startswith("."))]
        rel = os.path.relpath(root, folder)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in files:
            if not (skip_hidden and name.startswith(".")) and has_suffix(name, extensions):
                found.append(((*parts, name), os.path.join(root, name)))
    for _, path in sorted(found):
        yield _entry(path, explicit=False)
    for err in unreadable:
        shown = printable_path(os.fspath(err.filename or folder))
        yield Rejected(shown, "ingest", f"{shown}: folder cannot be read ({err.strerror or err}), its files skipped")

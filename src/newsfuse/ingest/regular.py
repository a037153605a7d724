"""Only regular files are read: a FIFO blocks forever, a device (or a link to /dev/zero) never ends.

Folder walks check the kind before a file is listed; ``open_regular`` checks again on the
open descriptor, so a file swapped for a FIFO between the walk and the read cannot hang a run.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from newsfuse.ingest.errors import BadInput

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def kind_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` cannot be read as a report, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what in _KINDS:
        if test(mode):
            return f"{what}, not a regular file"
    return "not a regular file"


def path_problem(path: str) -> str | None:
    """Why ``path`` (links followed) is not a regular file we can read, or None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken link (its target does not exist)"
    except OSError as err:
        return f"cannot be read ({err.strerror or err})"
    return kind_problem(mode)


def printable_path(path: str) -> str:
    """``path`` as text that can be stored and printed.

    Python keeps the undecodable bytes of a file name as lone surrogates, which no UTF-8
    writer (DuckDB, the terminal) accepts: they are written as ``\\xNN`` instead.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def open_regular(path: str, name: str) -> BinaryIO:
    """``path`` opened for reading in binary; BadInput naming ``name`` if it is not a regular file.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise BadInput(f"{name}: cannot be read ({err.strerror or err})") from None
    try:
        problem = kind_problem(os.fstat(fd).st_mode)
        if problem:
            raise BadInput(f"{name}: {problem}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise

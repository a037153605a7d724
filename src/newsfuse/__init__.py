"""newsfuse: from raw news reports to one sourced record of what happened.

The Python API (the imports are lazy so ``import newsfuse`` and the command
line start fast)::

    import newsfuse
    summary = newsfuse.run(["reports/"], db="record.duckdb")   # ingest and process
    store = newsfuse.open("record.duckdb")                     # read it back
    events = store.events()            # pandas DataFrame, one row per event
    store.events(as_="polars")         # or "arrow"
    store.contradictions()             # who reports which value
    store.close()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
DEFAULT_DB = "newsfuse.duckdb"

if TYPE_CHECKING:  # pragma: no cover
    from newsfuse.frames import Frames
    from newsfuse.pipeline import RunSummary

__all__ = ["DEFAULT_DB", "NothingRead", "__version__", "open", "run"]


class NothingRead(ValueError):
    """``run`` could read no report from the paths it was given (no database is created)."""


def run(paths: str | Path | list[str | Path], db: str | Path = DEFAULT_DB, *, quiet: bool = True,
        settings: Any = None) -> RunSummary:
    """Ingest reports (files, folders, globs, .jsonl, .warc) into the store at ``db`` and process them.

    Incremental and idempotent like ``newsfuse run``. Unreadable files are
    skipped and listed in ``summary.rejected``; when nothing at all could be
    read, raises ``NothingRead`` and leaves no new database behind.
    """
    from newsfuse.runner import run_and_clean_up

    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return run_and_clean_up([str(p) for p in items], Path(db), settings=settings, progress=not quiet)


def open(db: str | Path = DEFAULT_DB) -> Frames:  # noqa: A001 - newsfuse.open reads like the builtin on purpose
    """The store at ``db``, read-only, with its tables as DataFrames (``events()``, ``documents()`` ...)."""
    from newsfuse.frames import Frames

    return Frames(Path(db))

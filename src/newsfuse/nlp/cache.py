"""Pickled tables built from pinned data packages (the gazetteer, the ZIP towns), kept under the user
cache dir so each is built once per package version."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def cache_dir_path(cache_dir: str | None) -> Path:
    """The settings' cache dir, else $XDG_CACHE_HOME/newsfuse (~/.cache/newsfuse)."""
    return Path(cache_dir) if cache_dir else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfuse"


def read_pickle(path: Path) -> object | None:
    """The pickled table, or None when absent or unreadable (then it is rebuilt)."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None


def write_pickle(table: object, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: parallel builders never see half a file
    except OSError:
        pass  # a read-only home just means rebuilding next time

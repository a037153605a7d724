"""Helpers shared by the evaluations and benchmarks: where the data is, how to show it."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsfuse.config import shared_dir

console = Console()


class DataMissing(RuntimeError):
    """The real corpus an evaluation needs is not there."""


def dataset(*parts: str) -> Path:
    """Path to a folder or file under ../shared (or $NEWSFUSE_SHARED); DataMissing if absent."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        raise DataMissing(
            f"{path} not found: put the shared corpora beside the repository "
            "or point NEWSFUSE_SHARED at them"
        )
    return path


def table(title: str, columns: list[str], rows: list[list[object]]) -> Table:
    t = Table(title=title)
    for c in columns:
        t.add_column(c, justify="left" if c == columns[0] else "right")
    for r in rows:
        t.add_row(*[f"{v:.3f}" if isinstance(v, float) else str(v) for v in r])
    return t


def skip(what: str, err: Exception) -> None:
    console.print(f"[yellow]skipped {what}:[/] {err}", highlight=False)
    sys.stdout.flush()

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


# Stage order for `make eval` / `make bench`; a stage without a module is passed over.
STAGES = ["ingest", "clean", "copies", "nlp", "outlets", "events", "incidents", "out_of_fold", "stories", "reconcile",
          "store", "export", "spark", "throughput", "scale"]


def run_stage_modules(package: str, argv: list[str]) -> int:
    """Run each ``package.<stage>`` module: ``[stage ...] [--quick] [module options]``.

    A module with ``main_from_argv(argv)`` reads its own options (``scale --sizes 2000,10000``);
    the others get ``main(quick=...)``.
    """
    import importlib

    quick = "--quick" in argv
    # a word right after an option is its value ("--sizes 2000"), any other word names a module:
    # a stage of STAGES or another module of the package ("events_muc4")
    asked = [a for i, a in enumerate(argv) if not a.startswith("-")
             and not (i and argv[i - 1].startswith("--") and argv[i - 1] != "--quick")]
    modules = []
    for stage in asked or STAGES:
        try:
            modules.append((stage, importlib.import_module(f"{package}.{stage}")))
        except ModuleNotFoundError as err:
            if err.name != f"{package}.{stage}":
                raise
            if asked:
                console.print(f"[red]no {package} module named {stage}; the stages are: {' '.join(STAGES)}[/]")
                return 2
    for stage, module in modules:
        try:
            if hasattr(module, "main_from_argv"):
                module.main_from_argv(argv)
            else:
                module.main(quick=quick)
        except DataMissing as err:
            skip(f"{package}.{stage}", err)
    return 0

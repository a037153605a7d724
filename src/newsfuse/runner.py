"""``newsfuse run`` for the command line and the Python API: the pipeline (local or
Spark) plus the promise that a run which read nothing leaves no database behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfuse import NothingRead


def _leftovers(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + ".wal")]


def run_and_clean_up(paths: list[str], db: Path, *, settings: Any = None, progress: bool = False,
                     console: Any = None, spark: str = "") -> Any:
    """Run the pipeline over ``paths`` into ``db``; raise ``NothingRead`` (no new file left) when no report was read."""
    from newsfuse.config import Settings
    from newsfuse.ingest.paths import Entry, expand

    settings = settings or Settings()
    new_db = not db.exists()
    if new_db and not any(isinstance(e, Entry) for e in expand(paths, settings.ingest.extensions)):
        raise NothingRead(f"nothing to read in {' '.join(paths)}: no such file, or no "
                          f"{', '.join(settings.ingest.extensions[:5])} ... file in it")
    if spark:
        from newsfuse.spark import run_spark

        summary = run_spark(paths, db, settings, master=spark, console=console)
    else:
        from newsfuse.pipeline import run as run_pipeline

        summary = run_pipeline(paths, db, settings, progress=progress, console=console)
    if summary.nothing_read or (new_db and summary.added == 0):
        if new_db:
            for p in _leftovers(db):
                p.unlink(missing_ok=True)
        reasons = "; ".join(r.reason for r in summary.rejected[:3]) or "no readable report"
        more = f" (and {len(summary.rejected) - 3} more)" if len(summary.rejected) > 3 else ""
        err = NothingRead(f"nothing could be read from {' '.join(paths)}: {reasons}{more}")
        err.summary = summary  # type: ignore[attr-defined]
        raise err
    return summary

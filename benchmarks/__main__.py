"""Run every stage benchmark in pipeline order: ``python -m benchmarks [stage ...] [--quick]``."""

from __future__ import annotations

import importlib
import sys

from evaluation.common import DataMissing, console, skip

STAGES = ["ingest", "clean", "copies", "nlp", "events", "stories", "reconcile", "store", "export", "spark"]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    asked = [a for a in argv if not a.startswith("-")]
    wanted = asked or STAGES
    for stage in wanted:
        try:
            module = importlib.import_module(f"benchmarks.{stage}")
        except ModuleNotFoundError as err:
            if err.name != f"benchmarks.{stage}":
                raise
            if asked:
                console.print(f"[dim]no benchmark for {stage} yet[/]")
            continue
        try:
            module.main(quick=quick)
        except DataMissing as err:
            skip(f"benchmark of {stage}", err)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

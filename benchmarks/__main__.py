"""Run every stage's benchmark in pipeline order: ``python -m benchmarks [stage ...] [--quick]``."""

import sys

from evaluation.common import run_stage_modules

if __name__ == "__main__":
    sys.exit(run_stage_modules("benchmarks", sys.argv[1:]))
